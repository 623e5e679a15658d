// Segmentation throughput in C++: synopsis::segment against the bare ICU chain it rests on
// (sentence BreakIterator + word BreakIterator + NFKC_Casefold of every word token), on the
// same texts, one thread, by CPU time (best of REPEAT passes). Input: a file of UTF-8 texts separated by the byte 0x1E.
//
//   cmake -S . -B build/bench -G Ninja -DSYNOPSIS_BUILD_BENCHMARKS=ON && cmake --build build/bench
//   build/bench/segment_floor texts.bin [REPEAT] [icu|synopsis]
// (texts.bin: benchmarks/check_identical.py --write-texts writes the BBC + FNC-1 texts)
#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <time.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "synopsis/document.hpp"
#include "synopsis/segment.hpp"

namespace {

std::size_t icu_chain(const std::string& text, icu::BreakIterator& sentences, icu::BreakIterator& words,
                      const icu::Normalizer2& nfkc_cf) {
  const icu::UnicodeString u16 = icu::UnicodeString::fromUTF8(text);
  std::size_t tokens = 0;
  sentences.setText(u16);
  words.setText(u16);
  for (int32_t b = sentences.first(); b != icu::BreakIterator::DONE; b = sentences.next()) {
  }
  icu::UnicodeString norm;
  std::string utf8;
  int32_t prev = words.first();
  for (int32_t b = words.next(); b != icu::BreakIterator::DONE; prev = b, b = words.next()) {
    if (words.getRuleStatus() < UBRK_WORD_NONE_LIMIT) continue;
    UErrorCode status = U_ZERO_ERROR;
    norm = nfkc_cf.normalize(u16.tempSubStringBetween(prev, b), status);
    utf8.clear();
    norm.toUTF8String(utf8);
    tokens += !utf8.empty();
  }
  return tokens;
}

// CPU time of this thread: on a shared machine it is disturbed less than the wall clock.
double thread_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

template <class F>
double best_seconds(int repeat, F&& run) {
  double best = 1e300;
  for (int r = 0; r < repeat; ++r) {
    const double t0 = thread_seconds();
    run();
    best = std::min(best, thread_seconds() - t0);
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: segment_floor TEXTS_FILE [REPEAT]\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::cerr << "cannot read " << argv[1] << "\n";
    return 2;
  }
  const int repeat = argc > 2 ? std::atoi(argv[2]) : 3;
  const std::string only = argc > 3 ? argv[3] : "";  // "icu" or "synopsis": run one side only
  std::vector<std::string> texts;
  std::size_t bytes = 0;
  for (std::string t; std::getline(in, t, '\x1e');) {
    bytes += t.size();
    texts.push_back(std::move(t));
  }
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> sbi(icu::BreakIterator::createSentenceInstance(icu::Locale("en"), status));
  std::unique_ptr<icu::BreakIterator> wbi(icu::BreakIterator::createWordInstance(icu::Locale("en"), status));
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) {
    std::cerr << "ICU initialisation failed\n";
    return 1;
  }
  std::size_t sink = 0;
  const double floor_s = only == "synopsis" ? 1e-300 : best_seconds(repeat, [&] {
    for (const auto& t : texts) sink += icu_chain(t, *sbi, *wbi, *nfkc_cf);
  });
  const double synopsis_s = only == "icu" ? 1e-300 : best_seconds(repeat, [&] {
    for (const auto& t : texts) sink += synopsis::segment(t).tokens.size();
  });
  const double mb = static_cast<double>(bytes) / 1e6;
  std::cout << "texts " << texts.size() << " MB " << mb << "\n";
  std::cout << "icu_chain_mb_s " << mb / floor_s << "\n";
  std::cout << "synopsis_mb_s " << mb / synopsis_s << "\n";
  std::cout << "sink " << sink << "\n";
  return 0;
}
