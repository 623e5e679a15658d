// The structural promises every Document makes, whatever the input: spans ordered,
// trimmed, on code point boundaries; tokens inside their sentence; ids in range.
// Shared by the fuzz targets and the bad-input tests (tests/cpp/test_bad_input.cpp).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "synopsis/document.hpp"
#include "synopsis/unicode.hpp"

namespace synopsis::fuzz {

#define SYNOPSIS_REQUIRE(cond) \
  do {                         \
    if (!(cond)) return #cond; \
  } while (0)

inline bool is_boundary(std::string_view text, std::size_t i) {
  return i == text.size() || (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
}

inline bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// nullptr when doc keeps every promise, else the condition it breaks.
inline const char* document_violation(const Document& doc) {
  const std::string_view text = doc.text;
  SYNOPSIS_REQUIRE(find_invalid_utf8(text) == std::string_view::npos);
  std::uint32_t prev_end = 0;
  for (std::size_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& s = doc.sentences[i];
    SYNOPSIS_REQUIRE(s.index == i);
    SYNOPSIS_REQUIRE(s.start < s.end);
    SYNOPSIS_REQUIRE(s.end <= text.size());
    SYNOPSIS_REQUIRE(s.start >= prev_end);
    SYNOPSIS_REQUIRE(is_boundary(text, s.start) && is_boundary(text, s.end));
    SYNOPSIS_REQUIRE(!is_ascii_space(text[s.start]) && !is_ascii_space(text[s.end - 1]));
    SYNOPSIS_REQUIRE(s.paragraph < doc.paragraphs.size());
    SYNOPSIS_REQUIRE(s.token_begin <= s.token_end && s.token_end <= doc.tokens.size());
    if (i > 0) SYNOPSIS_REQUIRE(s.token_begin == doc.sentences[i - 1].token_end);
    prev_end = s.end;
  }
  if (!doc.sentences.empty()) {
    SYNOPSIS_REQUIRE(doc.sentences.front().token_begin == 0);
    SYNOPSIS_REQUIRE(doc.sentences.back().token_end == doc.tokens.size());
  } else {
    SYNOPSIS_REQUIRE(doc.tokens.empty() && doc.paragraphs.empty());
  }
  std::uint32_t next_sentence = 0;
  for (std::size_t p = 0; p < doc.paragraphs.size(); ++p) {
    const Paragraph& para = doc.paragraphs[p];
    SYNOPSIS_REQUIRE(para.index == p);
    SYNOPSIS_REQUIRE(para.sentence_begin == next_sentence);
    SYNOPSIS_REQUIRE(para.sentence_begin < para.sentence_end && para.sentence_end <= doc.sentences.size());
    SYNOPSIS_REQUIRE(para.start == doc.sentences[para.sentence_begin].start);
    SYNOPSIS_REQUIRE(para.end == doc.sentences[para.sentence_end - 1].end);
    for (std::uint32_t s = para.sentence_begin; s < para.sentence_end; ++s)
      SYNOPSIS_REQUIRE(doc.sentences[s].paragraph == p);
    next_sentence = para.sentence_end;
  }
  SYNOPSIS_REQUIRE(next_sentence == doc.sentences.size());
  for (std::size_t t = 0; t < doc.tokens.size(); ++t) {
    const Token& tok = doc.tokens[t];
    SYNOPSIS_REQUIRE(tok.start < tok.end && tok.end <= text.size());
    SYNOPSIS_REQUIRE(is_boundary(text, tok.start) && is_boundary(text, tok.end));
    SYNOPSIS_REQUIRE(tok.term < doc.terms.size() && tok.stem < doc.stems.size());
    SYNOPSIS_REQUIRE(tok.sentence < doc.sentences.size());
    const Sentence& s = doc.sentences[tok.sentence];
    SYNOPSIS_REQUIRE(t >= s.token_begin && t < s.token_end);
    SYNOPSIS_REQUIRE(tok.start >= s.start && tok.end <= s.end);
    if (t > 0) SYNOPSIS_REQUIRE(tok.start >= doc.tokens[t - 1].end);
  }
  for (const std::string& term : doc.terms) SYNOPSIS_REQUIRE(find_invalid_utf8(term) == std::string_view::npos);
  for (const std::string& stem : doc.stems) SYNOPSIS_REQUIRE(find_invalid_utf8(stem) == std::string_view::npos);
  SYNOPSIS_REQUIRE(doc.title >= -1 && doc.title < static_cast<std::int64_t>(doc.sentences.size()));
  // The map back into the HTML: runs in text order from 0, inside the source; every span
  // maps to a span of the source.
  if (!doc.is_html()) SYNOPSIS_REQUIRE(doc.source_runs.empty());
  SYNOPSIS_REQUIRE(doc.source_runs.empty() || doc.source_runs.front().text == 0);
  for (std::size_t r = 0; r < doc.source_runs.size(); ++r) {
    const SourceRun& run = doc.source_runs[r];
    SYNOPSIS_REQUIRE(run.source_start <= run.source_end && run.source_end <= doc.source.size());
    SYNOPSIS_REQUIRE(run.text < text.size() || text.empty());
    if (r > 0) SYNOPSIS_REQUIRE(run.text > doc.source_runs[r - 1].text);
  }
  // A copied run (as long in text as in source) maps byte for byte: each text byte is its
  // source byte, or both are whitespace (a space written for collapsed whitespace). A piece
  // the parser rewrote to the same length ("&acE;" to two code points of five bytes) may join
  // the run: the check ends at the first such piece, which starts at a reference. Pages with
  // control characters (NUL included) or U+FFFD are left out: the parser drops a NUL or
  // writes U+FFFD for it as the state it is in decides, and a literal U+FFFD beside them can
  // be read more than one way.
  const auto rewritten = [](unsigned char c) { return (c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r') || c == 0x7F; };
  const bool ambiguous = std::any_of(doc.source.begin(), doc.source.end(), [&](char c) { return rewritten(static_cast<unsigned char>(c)); }) ||
                         doc.source.find("\xEF\xBF\xBD") != std::string::npos;
  for (std::size_t r = 0; r < doc.source_runs.size() && !ambiguous; ++r) {
    const SourceRun& run = doc.source_runs[r];
    const std::size_t end = r + 1 < doc.source_runs.size() ? doc.source_runs[r + 1].text : text.size();
    if (end < run.text || end - run.text != run.source_end - run.source_start) continue;
    for (std::size_t k = 0; k < end - run.text; ++k) {
      const char t = text[run.text + k], s = doc.source[run.source_start + k];
      const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; };
      if (t == s || (space(t) && space(s))) continue;
      SYNOPSIS_REQUIRE(s == '&');
      break;
    }
  }
  const std::size_t input_size = doc.is_html() ? doc.source.size() : text.size();
  for (const Sentence& s : doc.sentences)
    SYNOPSIS_REQUIRE(doc.source_start(s.start) <= doc.source_end(s.end) && doc.source_end(s.end) <= input_size);
  for (const Token& tok : doc.tokens)
    SYNOPSIS_REQUIRE(doc.source_start(tok.start) <= doc.source_end(tok.end) && doc.source_end(tok.end) <= input_size);
  for (const Paragraph& p : doc.paragraphs) SYNOPSIS_REQUIRE(p.link_density >= 0.0f && p.link_density <= 1.0f);
  return nullptr;
}

#undef SYNOPSIS_REQUIRE

}  // namespace synopsis::fuzz
