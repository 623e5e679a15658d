// Thread safety of the core: segmentation from many threads at once (per-thread ICU and
// Snowball objects, the shared language cache) gives exactly the serial results. Built
// and run under ThreadSanitizer by scripts/sanitize.sh.
#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "synopsis/document.hpp"
#include "synopsis/language.hpp"
#include "synopsis/parallel.hpp"
#include "synopsis/segment.hpp"

using namespace synopsis;

namespace {

struct Case {
  std::string text, language;
};

std::vector<Case> cases() {
  return {
      {"Mr. J. R. Smith met Dr. Lee in the U.S. Senate at 5 p.m. on Monday. They talked.", "en"},
      {"Am 3. Oktober kam Herr Dr. Müller nach Berlin. Er sagte: „Das ist z. B. gut.“", "de"},
      {"« Je pars demain. » Il est parti. M. Dupont l'a vu à 8 h. Voilà !", "fr"},
      {"Բարեւ: Ինչպե՞ս ես: Ես լավ եմ։ 11,0։00 տուն։", "hy"},
      {"今天天气很好。我们去公园吧！你觉得呢？", "zh"},
      {"Г-н Иванов приехал в 9 ч. утра. Он сказал: «Всё в порядке».", "ru"},
      {"Headline Without Stop\n\nFirst line of prose\ncontinues here. Second sentence.\nShare\nShare", "en"},
      {"Ahmet Bey 3. kata çıktı. Sonra eve döndü! Neden?", "tr"},
      {"Os governantes governaram. Eles governam.", "pt-BR"},
      {"Unknown language text. Still split.", "xx"},
  };
}

// Everything observable about a document, as one string.
std::string fingerprint(const Document& doc) {
  std::string out = doc.language + "|" + std::to_string(doc.title) + "|";
  for (const Sentence& s : doc.sentences)
    out += std::to_string(s.start) + "-" + std::to_string(s.end) + (s.is_heading ? "h" : "") +
           (s.is_boilerplate ? "b" : "") + ",";
  for (const Token& t : doc.tokens)
    out += doc.terms[t.term] + "/" + doc.stems[t.stem] + (t.is_stopword ? "*" : "") + " ";
  return out;
}

}  // namespace

TEST(Concurrency, SegmentFromManyThreadsMatchesSerial) {
  const std::vector<Case> all = cases();
  std::vector<std::string> serial;
  for (const Case& c : all) serial.push_back(fingerprint(segment(c.text, {c.language, false})));

  constexpr int kThreads = 8, kRounds = 20;
  std::vector<std::string> mismatches(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      for (int r = 0; r < kRounds; ++r) {
        const std::size_t i = static_cast<std::size_t>(t + r) % all.size();
        if (fingerprint(segment(all[i].text, {all[i].language, false})) != serial[i]) mismatches[t] += all[i].language + " ";
      }
    });
  for (auto& th : threads) th.join();
  for (const std::string& m : mismatches) EXPECT_EQ(m, "");
}

TEST(Concurrency, ParallelForOverDocumentsIsIndependentOfThreadCount) {
  const std::vector<Case> all = cases();
  std::vector<std::string> reference(all.size());
  for (std::size_t i = 0; i < all.size(); ++i) reference[i] = fingerprint(segment(all[i].text, {all[i].language, false}));
  for (int threads : {1, 2, 3, 8}) {
    std::vector<std::string> got(all.size() * 4);
    ASSERT_TRUE(parallel_for(got.size(), {threads, nullptr}, [&](std::size_t i) {
      const Case& c = all[i % all.size()];
      got[i] = fingerprint(segment(c.text, {c.language, false}));
    }));
    for (std::size_t i = 0; i < got.size(); ++i) EXPECT_EQ(got[i], reference[i % all.size()]) << threads;
  }
}

TEST(Concurrency, FirstUseOfManyLanguagesAtOnce) {
  // Every thread asks for the same languages in a different order, the first time for most.
  const std::vector<std::string> codes = {"da", "nl", "fi", "hu", "it", "no", "ro", "sv", "es", "ca",
                                          "eu", "ga", "el", "lt", "id", "ne", "ta", "sr", "ar", "hi"};
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&, t] {
      for (std::size_t k = 0; k < codes.size(); ++k) {
        const std::string& code = codes[(k * 7 + static_cast<std::size_t>(t) * 3) % codes.size()];
        const LanguageResources& res = language_resources(code);
        if (res.code != code) ++failures;
        if (segment("Ein Satz. Noch einer.", {code, false}).sentences.size() != 2) ++failures;
      }
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
}

TEST(Concurrency, ExceptionsFromWorkersReachTheCaller) {
  const std::vector<std::string> texts = {"Fine.", "bad \xff byte", "Fine too.", "also \xc0\xaf bad"};
  for (int threads : {1, 4}) {
    try {
      parallel_for(texts.size(), {threads, nullptr}, [&](std::size_t i) { segment(texts[i]); });
      FAIL() << "expected invalid_argument";
    } catch (const std::invalid_argument& e) {
      const std::string what = e.what();
      EXPECT_TRUE(what == "invalid UTF-8 at byte offset 4" || what == "invalid UTF-8 at byte offset 5") << what;
    }
  }
}

TEST(Concurrency, ToolsHandedOnFromEndedThreadsGiveTheSameDocuments) {
  // A thread that ends leaves its warm iterators and term tables to the next thread: waves of
  // short-lived threads, each segmenting the cases in another order, must see the serial results.
  const std::vector<Case> all = cases();
  std::vector<std::string> serial;
  for (const Case& c : all) serial.push_back(fingerprint(segment(c.text, {c.language, false})));
  std::atomic<int> mismatches{0};
  for (int wave = 0; wave < 6; ++wave) {
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
      threads.emplace_back([&, wave, t] {
        for (std::size_t k = 0; k < all.size(); ++k) {
          const std::size_t i = (k * 3 + static_cast<std::size_t>(wave + t)) % all.size();
          if (fingerprint(segment(all[i].text, {all[i].language, false})) != serial[i]) ++mismatches;
        }
      });
    for (auto& th : threads) th.join();
  }
  EXPECT_EQ(mismatches.load(), 0);
}
