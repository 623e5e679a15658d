// The document model: a text, its paragraphs, sentences and tokens.
//
// Every span holds UTF-8 byte offsets into Document::text. Terms are interned:
// a token refers to its normalised form (NFKC-casefold) and its stem by id, so
// encoders and graphs work on integers, never on strings. segment() in
// synopsis/segment.hpp builds a Document from text.
//
// HTML input (synopsis/html.hpp): Document::text is the text a reader sees, and
// Document::source the HTML it came from. source_runs maps text offsets to source
// offsets; source_start() / source_end() answer for any span, and are the identity
// for plain text.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace synopsis {

enum class TokenKind : std::uint8_t { word, number, punctuation, symbol };

// Why a sentence is not prose: the page furniture around an article. navigation and repeated
// come from layout (position, repetition); the others from furniture rules (shape, position,
// link density and per-language cue words).
enum class BoilerplateKind : std::uint8_t {
  none,           // prose or a heading
  navigation,     // menus and stray lines before the first or after the last prose paragraph
  repeated,       // short lines that occur more than once
  consent,        // cookie and consent notices
  subscription,   // newsletter, sign-up and paywall prompts
  comment,        // reader comments: handles, relative times, their text, reply/like controls
  share,          // share and follow bars
  advertisement,  // advertisement markers
  related,        // read-more, related and recommended lists
  byline,         // "By Jane Smith, BBC News"
  dateline,       // "Published 3 hours ago", "Updated 12 March 2024 14:05 GMT"
  caption,        // photo captions and credits
  footer,         // copyright, terms and privacy lines
};

// The lower-case name of a kind ("none", "navigation", ...).
const char* boilerplate_kind_name(BoilerplateKind kind);

struct Token {
  std::uint32_t start = 0;     // byte offset of the first byte
  std::uint32_t end = 0;       // byte offset one past the last byte
  std::uint32_t term = 0;      // index into Document::terms (normalised form)
  std::uint32_t stem = 0;      // index into Document::stems
  std::uint32_t sentence = 0;  // index of the enclosing sentence
  TokenKind kind = TokenKind::word;
  bool is_stopword = false;
};

struct Sentence {
  std::uint32_t index = 0;
  std::uint32_t start = 0;  // byte offsets; text never starts or ends with whitespace
  std::uint32_t end = 0;
  std::uint32_t paragraph = 0;
  std::uint32_t token_begin = 0;  // tokens [token_begin, token_end) lie in this sentence
  std::uint32_t token_end = 0;
  bool is_heading = false;      // a line without terminal punctuation standing on its own
  bool is_boilerplate = false;  // page furniture: true exactly when boilerplate_kind != none
  BoilerplateKind boilerplate_kind = BoilerplateKind::none;

  bool is_prose() const { return !is_heading && !is_boilerplate; }
};

struct Paragraph {
  std::uint32_t index = 0;
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  std::uint32_t sentence_begin = 0;
  std::uint32_t sentence_end = 0;
  float link_density = 0;  // share of the paragraph's characters inside <a> elements (HTML); 0 for plain text
};

// One stretch of Document::text and the bytes of Document::source it came from. The runs
// are sorted by `text` and cover the text without gaps: run i covers text [runs[i].text,
// runs[i + 1].text), the last one up to the end of the text. A run as long in text as in
// source was copied and maps byte for byte; any other run (a decoded entity, collapsed
// whitespace, a line break standing for a tag) maps as a whole: a span that starts inside
// it starts at source_start, a span that ends inside it ends at source_end. Copied text
// between tags is one run, so a page needs a few runs per element, not one per byte.
struct SourceRun {
  std::uint32_t text = 0;
  std::uint32_t source_start = 0;
  std::uint32_t source_end = 0;
};

struct Document {
  std::string text;
  std::string language;
  std::vector<Paragraph> paragraphs;
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
  std::vector<std::string> terms;  // distinct normalised forms, in first-seen order
  std::vector<std::string> stems;  // distinct stems, in first-seen order
  std::int32_t title = -1;         // index of the sentence that is the headline, or -1
  std::string source;              // the HTML the text was extracted from; empty for plain text
  std::vector<SourceRun> source_runs;  // text offsets -> source offsets (HTML); empty for plain text

  bool is_html() const { return !source.empty(); }
  // Offset in the input (source for HTML, else text) of a span that starts / ends at `offset`.
  std::uint32_t source_start(std::uint32_t offset) const;
  std::uint32_t source_end(std::uint32_t offset) const;

  std::string_view span(std::uint32_t start, std::uint32_t end) const {
    return std::string_view(text).substr(start, end - start);
  }
  std::string_view sentence_text(std::size_t i) const {
    return span(sentences[i].start, sentences[i].end);
  }
  std::string_view token_text(std::size_t i) const { return span(tokens[i].start, tokens[i].end); }
  std::size_t prose_sentence_count() const;
  // Sentences of reader comments (their text, not the handles and controls around them).
  bool is_comment_text(std::size_t i) const {
    return sentences[i].boilerplate_kind == BoilerplateKind::comment && !sentences[i].is_heading;
  }
};

}  // namespace synopsis
