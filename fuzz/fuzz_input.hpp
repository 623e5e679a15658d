// Helpers shared by the fuzz targets: carving options out of the fuzzer's bytes, and
// checking the invariants every Document must satisfy whatever the input.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>

#include "document_invariants.hpp"

namespace synopsis::fuzz {

// Stops the run with a message; libFuzzer saves the input that got here.
[[noreturn]] inline void fail(const char* what) {
  std::fprintf(stderr, "invariant violated: %s\n", what);
  std::abort();
}

#define SYNOPSIS_FUZZ_CHECK(cond) \
  do {                            \
    if (!(cond)) ::synopsis::fuzz::fail(#cond); \
  } while (0)

// validate(options) (found by argument-dependent lookup); a rejection must carry a readable
// (UTF-8) message.
template <typename Options>
bool accepted(const Options& options) {
  try {
    validate(options);
    return true;
  } catch (const std::invalid_argument& e) {
    SYNOPSIS_FUZZ_CHECK(find_invalid_utf8(e.what()) == std::string_view::npos);
    return false;
  }
}

// Reads options from the front of the input and leaves the text.
class Input {
 public:
  Input(const std::uint8_t* data, std::size_t size)
      : rest_(reinterpret_cast<const char*>(data), size) {}

  std::uint8_t byte() {
    if (rest_.empty()) return 0;
    const auto b = static_cast<std::uint8_t>(rest_.front());
    rest_.remove_prefix(1);
    return b;
  }

  // A language code: usually one of a fixed list (so the rules for many languages are
  // reached), sometimes raw bytes up to a '|' (so malformed codes are tried too).
  std::string language() {
    static const char* const codes[] = {
        "en", "de", "fr", "es", "it", "pt", "pt-BR", "nl", "sv", "da", "no", "fi", "ru", "uk", "pl",
        "cs", "tr", "el", "hy", "ar", "he", "fa", "hi", "th", "ja", "zh", "zh-Hant-TW", "ko", "vi",
        "id", "hu", "ro", "et", "lt", "ga", "eu", "ca", "sr_Latn", "xx", "qaa", "EN", "en_US_POSIX"};
    constexpr std::size_t n = sizeof(codes) / sizeof(codes[0]);
    const std::uint8_t b = byte();
    if (b < 0xF0) return codes[b % n];
    const std::size_t bar = rest_.substr(0, 16).find('|');
    const std::size_t len = bar == std::string_view::npos ? std::min<std::size_t>(rest_.size(), 16) : bar;
    std::string code(rest_.substr(0, len));
    rest_.remove_prefix(bar == std::string_view::npos ? len : len + 1);
    return code;
  }

  // A number from a table of ordinary, boundary and hostile values.
  double real() {
    static const double values[] = {0.0, 0.1, 0.2, 0.25, 0.5, 0.74, 0.85, 0.9, 1.0, 1.1, 2.0, 10.0,
                                    -0.1, -1.0, 1e-300, 1e300, std::numeric_limits<double>::quiet_NaN(),
                                    std::numeric_limits<double>::infinity(),
                                    -std::numeric_limits<double>::infinity(), 1e-6};
    return values[byte() % (sizeof(values) / sizeof(values[0]))];
  }

  // A small integer, sometimes negative or huge.
  long long integer() {
    const std::uint8_t b = byte();
    if (b < 0xF0) return b % 24;
    static const long long odd[] = {-1, -2, -1000, 1000000, 1LL << 31, (1LL << 32) + 1, 1LL << 62,
                                    -(1LL << 62), 255, 256, 4096, 65536, 0, 1, 2, 3};
    return odd[b & 15];
  }

  // Bytes up to the next '|' (at most max), for a second text such as a query or target.
  std::string_view field(std::size_t max = 256) {
    const std::size_t bar = rest_.substr(0, max).find('|');
    const std::size_t len = bar == std::string_view::npos ? std::min(rest_.size(), max) : bar;
    std::string_view out = rest_.substr(0, len);
    rest_.remove_prefix(bar == std::string_view::npos ? len : len + 1);
    return out;
  }

  std::string_view rest() const { return rest_; }

 private:
  std::string_view rest_;
};

// Stops the run when doc breaks a promise of document.hpp.
inline void check_document(const Document& doc) {
  if (const char* violated = document_violation(doc)) fail(violated);
}

}  // namespace synopsis::fuzz
