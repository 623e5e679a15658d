// Helpers shared by the fuzz targets: carving options out of the fuzzer's bytes, and
// checking the invariants every Document must satisfy whatever the input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "synopsis/document.hpp"
#include "synopsis/unicode.hpp"

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

  std::string_view rest() const { return rest_; }

 private:
  std::string_view rest_;
};

inline bool is_boundary(std::string_view text, std::size_t i) {
  return i == text.size() || (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
}

inline bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Every structural promise of document.hpp.
inline void check_document(const Document& doc) {
  const std::string_view text = doc.text;
  SYNOPSIS_FUZZ_CHECK(find_invalid_utf8(text) == std::string_view::npos);
  std::uint32_t prev_end = 0;
  for (std::size_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& s = doc.sentences[i];
    SYNOPSIS_FUZZ_CHECK(s.index == i);
    SYNOPSIS_FUZZ_CHECK(s.start < s.end);
    SYNOPSIS_FUZZ_CHECK(s.end <= text.size());
    SYNOPSIS_FUZZ_CHECK(s.start >= prev_end);
    SYNOPSIS_FUZZ_CHECK(is_boundary(text, s.start) && is_boundary(text, s.end));
    SYNOPSIS_FUZZ_CHECK(!is_ascii_space(text[s.start]) && !is_ascii_space(text[s.end - 1]));
    SYNOPSIS_FUZZ_CHECK(s.paragraph < doc.paragraphs.size());
    SYNOPSIS_FUZZ_CHECK(s.token_begin <= s.token_end && s.token_end <= doc.tokens.size());
    if (i > 0) SYNOPSIS_FUZZ_CHECK(s.token_begin == doc.sentences[i - 1].token_end);
    prev_end = s.end;
  }
  if (!doc.sentences.empty()) {
    SYNOPSIS_FUZZ_CHECK(doc.sentences.front().token_begin == 0);
    SYNOPSIS_FUZZ_CHECK(doc.sentences.back().token_end == doc.tokens.size());
  } else {
    SYNOPSIS_FUZZ_CHECK(doc.tokens.empty() && doc.paragraphs.empty());
  }
  std::uint32_t next_sentence = 0;
  for (std::size_t p = 0; p < doc.paragraphs.size(); ++p) {
    const Paragraph& para = doc.paragraphs[p];
    SYNOPSIS_FUZZ_CHECK(para.index == p);
    SYNOPSIS_FUZZ_CHECK(para.sentence_begin == next_sentence);
    SYNOPSIS_FUZZ_CHECK(para.sentence_begin < para.sentence_end && para.sentence_end <= doc.sentences.size());
    SYNOPSIS_FUZZ_CHECK(para.start == doc.sentences[para.sentence_begin].start);
    SYNOPSIS_FUZZ_CHECK(para.end == doc.sentences[para.sentence_end - 1].end);
    for (std::uint32_t s = para.sentence_begin; s < para.sentence_end; ++s)
      SYNOPSIS_FUZZ_CHECK(doc.sentences[s].paragraph == p);
    next_sentence = para.sentence_end;
  }
  SYNOPSIS_FUZZ_CHECK(next_sentence == doc.sentences.size());
  for (std::size_t t = 0; t < doc.tokens.size(); ++t) {
    const Token& tok = doc.tokens[t];
    SYNOPSIS_FUZZ_CHECK(tok.start < tok.end && tok.end <= text.size());
    SYNOPSIS_FUZZ_CHECK(is_boundary(text, tok.start) && is_boundary(text, tok.end));
    SYNOPSIS_FUZZ_CHECK(tok.term < doc.terms.size() && tok.stem < doc.stems.size());
    SYNOPSIS_FUZZ_CHECK(tok.sentence < doc.sentences.size());
    const Sentence& s = doc.sentences[tok.sentence];
    SYNOPSIS_FUZZ_CHECK(t >= s.token_begin && t < s.token_end);
    SYNOPSIS_FUZZ_CHECK(tok.start >= s.start && tok.end <= s.end);
    if (t > 0) SYNOPSIS_FUZZ_CHECK(tok.start >= doc.tokens[t - 1].end);
  }
  for (const std::string& term : doc.terms) SYNOPSIS_FUZZ_CHECK(find_invalid_utf8(term) == std::string_view::npos);
  for (const std::string& stem : doc.stems) SYNOPSIS_FUZZ_CHECK(find_invalid_utf8(stem) == std::string_view::npos);
  SYNOPSIS_FUZZ_CHECK(doc.title >= -1 && doc.title < static_cast<std::int64_t>(doc.sentences.size()));
}

}  // namespace synopsis::fuzz
