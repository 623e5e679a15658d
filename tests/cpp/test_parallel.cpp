#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <vector>

#include "synopsis/parallel.hpp"

using namespace synopsis;

TEST(Parallel, EveryIndexRunsOnce) {
  for (int threads : {1, 2, 4, 8}) {
    std::vector<int> hits(1000, 0);
    EXPECT_TRUE(parallel_for(hits.size(), {threads, nullptr}, [&](std::size_t i) { hits[i] += 1; }));
    for (int h : hits) EXPECT_EQ(h, 1);
  }
}

TEST(Parallel, RethrowsTheLowestFailingIndex) {
  try {
    parallel_for(100, {4, nullptr}, [](std::size_t i) {
      if (i == 7 || i == 50) throw std::invalid_argument("bad item " + std::to_string(i));
    });
    FAIL() << "expected an exception";
  } catch (const std::invalid_argument& e) {
    // Item 7 may be skipped only if 50 failed first and stopped the pool before 7 started.
    const std::string what = e.what();
    EXPECT_TRUE(what == "bad item 7" || what == "bad item 50") << what;
  }
}

TEST(Parallel, StopsWhenCancelled) {
  std::atomic<bool> cancel{true};
  std::atomic<int> ran{0};
  EXPECT_FALSE(parallel_for(100, {2, &cancel}, [&](std::size_t) { ++ran; }));
  EXPECT_EQ(ran.load(), 0);
}

TEST(Parallel, ResolvesJobCounts) {
  EXPECT_EQ(resolve_threads(3), 3);
  EXPECT_GE(resolve_threads(-1), 1);
  EXPECT_THROW(resolve_threads(0), std::invalid_argument);
}
