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

// ---------------------------------------------------------------- per-thread tools
// (thread_tools.cpp)

// Creating a BreakIterator costs far more than using one: keep one of each kind per
// thread and language, and reuse it.
struct ThreadTools {
  std::map<std::string, std::unique_ptr<icu::BreakIterator>> sentence, word;
  std::map<std::string, sb_stemmer*> stemmers;
  std::map<std::string, std::unordered_map<std::string, std::string>> stem_cache;  // per language
  ~ThreadTools();
  icu::BreakIterator& get(bool words, const std::string& lang);
  sb_stemmer* stemmer(const LanguageResources& lang);
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
};

// Per paragraph: its furniture kind from shape, link density and the language's cue words.
std::vector<Furniture> find_furniture(const Document& doc, const LanguageResources& lang);

// ---------------------------------------------------------------- layout (layout.cpp)

// Heading, boilerplate and title flags; paragraph_after_blank[p]: a blank line (or the
// text start) precedes paragraph p. Furniture paragraphs are boilerplate of their kind and
// never prose, so the title and the prose region are found around them.
void flag_layout(Document& doc, const std::vector<bool>& paragraph_after_blank,
                 const std::vector<Furniture>& furniture);

}  // namespace synopsis::segmentation
