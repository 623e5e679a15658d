// Private to the segmentation files: the code point helpers they share and the interfaces
// between the stages (blocks.cpp -> sentence_boundaries.cpp -> tokenize.cpp -> layout.cpp,
// driven by segment.cpp).
#pragma once

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>
#include <libstemmer.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "synopsis/document.hpp"
#include "synopsis/html.hpp"
#include "synopsis/language.hpp"

namespace synopsis::segmentation {

using u32 = std::uint32_t;

// ---------------------------------------------------------------- code points
// Inline: the boundary rules call these once or more per byte of text.

inline UChar32 decode_at(std::string_view s, std::size_t i) {
  UChar32 c;
  int32_t pos = static_cast<int32_t>(i);
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), pos, static_cast<int32_t>(s.size()), c);
  return c;
}

inline UChar32 decode_before(std::string_view s, std::size_t i, std::size_t* start) {
  UChar32 c;
  int32_t pos = static_cast<int32_t>(i);
  U8_PREV(reinterpret_cast<const uint8_t*>(s.data()), 0, pos, c);
  *start = static_cast<std::size_t>(pos);
  return c;
}

inline bool is_space(UChar32 c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xFEFF ||
         c == 0x200B || (c > 0x7F && u_isUWhiteSpace(c));
}

inline bool is_opener(UChar32 c) {
  return c == '"' || c == '\'' || c == '(' || c == '[' || c == '{' || c == 0x2018 || c == 0x201C ||
         c == 0x00AB || c == 0x2039 || c == 0x201E;
}

inline bool is_bullet(UChar32 c) {
  return c == 0x2022 || c == 0x25E6 || c == 0x2023 || c == 0x2043 || c == 0x25AA || c == 0x25CF ||
         c == 0x25A0 || c == 0x2219;
}

// [a, b) without leading and trailing whitespace.
inline std::pair<std::size_t, std::size_t> trim(std::string_view s, std::size_t a, std::size_t b) {
  while (a < b) {
    int32_t pos = static_cast<int32_t>(a);
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), pos, static_cast<int32_t>(b), c);
    if (!is_space(c)) break;
    a = static_cast<std::size_t>(pos);
  }
  while (b > a) {
    std::size_t start;
    UChar32 c = decode_before(s.substr(0, b), b, &start);
    if (!is_space(c)) break;
    b = start;
  }
  return {a, b};
}

inline bool starts_upper(std::string_view w) { return !w.empty() && u_isupper(decode_at(w, 0)); }
inline bool starts_lower(std::string_view w) { return !w.empty() && u_islower(decode_at(w, 0)); }
inline bool starts_digit(std::string_view w) { return !w.empty() && w[0] >= '0' && w[0] <= '9'; }

// Root-locale lowercase, for looking words up in the stopword and abbreviation lists.
inline std::string lowercase(std::string_view s) {
  bool ascii = std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  std::string out(s);
  if (ascii) {
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  }
  out.clear();
  icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())))
      .toLower(icu::Locale::getRoot())
      .toUTF8String(out);
  return out;
}

// ---------------------------------------------------------------- sentence terminals
// One definition of "this ends a sentence", shared by line joining and layout so that
// the two never disagree (sentence_terminals.cpp).

// Sentence_Terminal, the ATerm full stops of UAX #29, and the horizontal ellipsis.
bool is_sentence_terminal(UChar32 c);

// Closing quotes and brackets that may stand after a sentence's terminal punctuation.
bool is_closing_punctuation(UChar32 c);

// Does s end (over whitespace and closing punctuation) with a terminal or ';'?
bool ends_with_terminal(std::string_view s);

// ---------------------------------------------------------------- blocks (blocks.cpp)

// A block is a run of lines joined into one logical line: a wrapped sentence continues
// on the next line when that line starts in lower case (or the line ends with a comma or
// a hyphen) and a sentence end follows somewhere later in the paragraph. Everything else
// (a line without terminal punctuation followed by a capitalised line: headlines, menus)
// is a hard break.
struct Block {
  std::size_t start, end;
  std::vector<std::size_t> soft_newlines;  // byte offsets of '\n' to read as spaces
};

std::vector<Block> split_blocks(std::string_view text, const LanguageResources& lang);

// Forced breaks inside [a, b): before each bullet, and before the items of a numbered
// or lettered list ("1. first 2. second", "a. x b. y c. z").
std::vector<std::size_t> list_breaks(std::string_view s, std::size_t a, std::size_t b);

// Is the whole span [a, b) a list marker (with optional bullets), e.g. "2." or "• 10."?
bool is_marker_only(std::string_view s, std::size_t a, std::size_t b);

// ---------------------------------------------------------------- boundary rules
// (sentence_boundaries.cpp)

class BoundaryRules {
 public:
  BoundaryRules(std::string_view text, const LanguageResources& lang) : text_(text), lang_(lang) {}

  // Should the candidate break between [a0, a1) and [b0, b1) be dropped?
  bool merge(std::size_t a0, std::size_t a1, std::size_t b0, std::size_t b1) const;

 private:
  std::string_view text_;
  const LanguageResources& lang_;
};

// Candidates ICU does not propose: a sentence end followed by a number ("in 2019. 2020
// was worse"), and in Armenian an ASCII colon used as the full stop.
std::vector<std::size_t> extra_candidates(std::string_view s, std::size_t a, std::size_t b, bool colon_ends);

// A closing quote or bracket standing after a break belongs to the sentence before it
// ("« Je pars demain. » Il ...").
void attach_closers(std::string_view s, std::vector<std::pair<std::size_t, std::size_t>>& spans);

// ---------------------------------------------------------------- term table (term_table.cpp)

// Distinct strings, each with a dense id in insertion order; open addressing over one byte
// arena, so that a lookup costs a hash and a comparison and no allocation.
class StringIds {
 public:
  static constexpr u32 kNone = 0xFFFFFFFFu;
  static std::size_t hash(std::string_view s) { return std::hash<std::string_view>()(s); }
  u32 find(std::string_view s, std::size_t h) const;
  u32 insert(std::string_view s, std::size_t h);  // s must be absent
  // Valid until the next insert.
  std::string_view at(u32 id) const { return std::string_view(bytes_).substr(start_[id], start_[id + 1] - start_[id]); }
  u32 size() const { return static_cast<u32>(start_.size() - 1); }
  std::size_t bytes() const { return bytes_.size(); }
  void clear();

 private:
  // A slot holds what a lookup needs, so that a probe touches the slot and the bytes only.
  struct Slot {
    u32 id = kNone, hash = 0, start = 0, length = 0;
  };
  void grow();
  std::string bytes_;
  std::vector<u32> start_{0};  // string id spans bytes_[start_[id], start_[id + 1])
  std::vector<Slot> slots_;    // open addressing; size a power of two, at most half full
};

// Every raw token form a thread has seen in one language, with its NFKC-casefold form (the
// term), the term's stopword flag and stem, kept across documents: most words of a text
// were seen before, so a token costs one hash lookup. Documents number their terms and
// stems from 0 in first-seen order; begin_document() starts a new numbering, and
// doc_term()/doc_stem() hold it, stamped with the document so they need no clearing.
class TermTable {
 public:
  TermTable(const LanguageResources& lang, sb_stemmer* stemmer) : lang_(lang), stemmer_(stemmer) {}

  // Starts a document's numbering. Memory is bounded: past the limits the table starts afresh.
  void begin_document();
  // The term of a raw form (adds both when new).
  u32 term_of(std::string_view raw);
  std::string_view term(u32 t) const { return terms_.at(t); }
  bool is_stopword(u32 t) const { return stop_[t] != 0; }
  // The stem of term t: its Snowball stem for words (when the language has a stemmer),
  // else the term itself.
  u32 stem_of(u32 t, bool word);
  std::string_view stem(u32 s) const { return stems_.at(s); }

  // Per-document ids of a table term or stem: kNone until the document sets them.
  u32& doc_term(u32 t) { return stamped(doc_term_, t); }
  u32& doc_stem(u32 s) { return stamped(doc_stem_, s); }

  // Past these a table starts afresh (8.7 MB of news hold about 50,000 raw forms); at the
  // limits a table takes about 40 MB.
  static constexpr std::size_t kMaxForms = std::size_t{1} << 18;  // raw forms
  static constexpr std::size_t kMaxBytes = std::size_t{8} << 20;  // bytes of strings

 private:
  struct Stamped {
    u32 stamp = 0, id = StringIds::kNone;
  };
  u32& stamped(std::vector<Stamped>& v, u32 i) {
    if (i >= v.size()) v.resize(std::max<std::size_t>(i + 1, v.size() * 2));
    Stamped& e = v[i];
    if (e.stamp != stamp_) e = Stamped{stamp_, StringIds::kNone};
    return e.id;
  }
  void clear();

  const LanguageResources& lang_;
  sb_stemmer* stemmer_;
  StringIds raws_, terms_, stems_;
  std::vector<u32> raw_term_;              // raw form -> term
  std::vector<std::uint8_t> stop_;         // term -> stopword flag
  std::vector<u32> word_stem_, self_stem_;  // term -> stem, computed on first need
  std::vector<Stamped> doc_term_, doc_stem_;
  u32 stamp_ = 0;
};

// NFKC-casefold, with U+2019 read as an apostrophe (tokenize.cpp).
std::string normalise(std::string_view raw);

// ---------------------------------------------------------------- per-thread tools
// (thread_tools.cpp)

// Creating a BreakIterator costs far more than using one: keep one of each kind per
// thread and language, and reuse it; likewise the term table of each language.
struct ThreadTools {
  std::map<std::string, std::unique_ptr<icu::BreakIterator>> sentence, word;
  std::map<std::string, sb_stemmer*> stemmers;
  std::map<std::string, std::unique_ptr<TermTable>> term_tables;
  ~ThreadTools();
  icu::BreakIterator& get(bool words, const std::string& lang);
  sb_stemmer* stemmer(const LanguageResources& lang);
  TermTable& term_table(const LanguageResources& lang);
};

ThreadTools& thread_tools();

// ---------------------------------------------------------------- tokens (tokenize.cpp)

// Word and number tokens of doc's sentences, interned with their NFKC-casefold form,
// Snowball stem and stopword flag. u16 is the text in UTF-16; offsets[i] is the byte
// offset of UTF-16 unit i (and of the end, at index u16.length()).
void tokenize(Document& doc, const icu::UnicodeString& u16, const std::vector<u32>& offsets,
              const LanguageResources& lang);

// ---------------------------------------------------------------- furniture (furniture.cpp)

// What a paragraph is when it is page furniture (consent banner, comment, byline, ...).
struct Furniture {
  BoilerplateKind kind = BoilerplateKind::none;
  bool comment_text = false;  // the text of a reader's comment, never a heading
  std::uint32_t cue_words = 0;  // words covered by furniture cues or speaking to the reader
};

// Per paragraph: its furniture kind from shape, link density and the language's cue words.
std::vector<Furniture> find_furniture(const Document& doc, const LanguageResources& lang);

// ---------------------------------------------------------------- layout (layout.cpp)

// Heading, boilerplate and title flags; paragraph_after_blank[p]: a blank line (or the
// text start) precedes paragraph p. Furniture paragraphs are boilerplate of their kind and
// never prose, so the title and the prose region are found around them.
void flag_layout(Document& doc, const std::vector<bool>& paragraph_after_blank,
                 const std::vector<Furniture>& furniture);

// ---------------------------------------------------------------- HTML structure (html_layout.cpp)

// Paragraph::link_density from the text inside <a> elements (before flag_layout, whose
// boilerplate rules may read it).
void set_link_density(Document& doc, const std::vector<TextSpan>& links);

// Headings, furniture and the headline as the HTML marks them (after flag_layout): sentences
// of h1-h6 are headings, sentences inside elements the markup names as furniture take its
// kind, the headline's first sentence is the title.
void flag_html_structure(Document& doc, const HtmlText& html);

}  // namespace synopsis::segmentation
