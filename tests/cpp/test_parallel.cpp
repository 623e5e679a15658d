#include <gtest/gtest.h>

#include <sys/resource.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <thread>
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
  const int hw = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  EXPECT_EQ(resolve_threads(1), 1);
  EXPECT_EQ(resolve_threads(hw), hw);
  EXPECT_EQ(resolve_threads(-1), hw);
  EXPECT_EQ(resolve_threads(-hw), 1);
  EXPECT_THROW(resolve_threads(0), std::invalid_argument);
}

TEST(Parallel, CapsJobCountsAtAMultipleOfTheHardwareThreads) {
  const int hw = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  EXPECT_EQ(resolve_threads(kMaxThreadsPerHardwareThread * hw), kMaxThreadsPerHardwareThread * hw);
  EXPECT_EQ(resolve_threads(1000000), kMaxThreadsPerHardwareThread * hw);
}

TEST(Parallel, RejectsNegativeJobCountsBeyondTheHardwareThreads) {
  const int hw = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  try {
    resolve_threads(-hw - 1);
    FAIL() << "expected std::invalid_argument";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("[-" + std::to_string(hw) + ", -1]"), std::string::npos) << e.what();
  }
  EXPECT_THROW(resolve_threads(-1000000), std::invalid_argument);
}

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define SYNOPSIS_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define SYNOPSIS_SANITIZED 1
#endif
#endif

#ifndef SYNOPSIS_SANITIZED
// Limits the address space of this (forked death-test) process to what it uses now plus
// `extra` bytes, so that the system refuses thread stacks beyond a few.
void limit_address_space(std::size_t extra) {
  long pages = 0;
  if (FILE* f = std::fopen("/proc/self/statm", "r")) {
    if (std::fscanf(f, "%ld", &pages) != 1) pages = 0;
    std::fclose(f);
  }
  const rlim_t limit = static_cast<rlim_t>(pages) * 4096 + extra;
  rlimit r{limit, limit};
  if (pages == 0 || setrlimit(RLIMIT_AS, &r) != 0) std::exit(3);
}

// Runs parallel_for with far more threads than the address space allows; exits 0 when every
// item ran exactly once (the run ends in std::terminate, a signal, when the pool gives up).
[[noreturn]] void run_under_address_space_limit() {
  limit_address_space(48u << 20);  // about five 8 MiB stacks
  std::vector<int> hits(5000, 0);
  const bool done = parallel_for(hits.size(), {256, nullptr}, [&](std::size_t i) { hits[i] += 1; });
  for (int h : hits)
    if (h != 1) std::exit(2);
  std::exit(done ? 0 : 1);
}

[[noreturn]] void rethrow_under_address_space_limit() {
  limit_address_space(48u << 20);
  try {
    parallel_for(5000, {256, nullptr}, [](std::size_t i) {
      if (i == 4321) throw std::invalid_argument("bad item");
    });
  } catch (const std::invalid_argument&) {
    std::exit(0);
  }
  std::exit(1);
}

TEST(ParallelDeathTest, FinishesWhenThreadsCannotBeCreated) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(run_under_address_space_limit(), ::testing::ExitedWithCode(0), "");
}

TEST(ParallelDeathTest, RethrowsWorkerErrorsWhenThreadsCannotBeCreated) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(rethrow_under_address_space_limit(), ::testing::ExitedWithCode(0), "");
}
#endif
