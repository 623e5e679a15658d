// Segmentation: lines -> paragraphs -> ICU sentence candidates -> boundary rules -> tokens,
// then heading and boilerplate flags from line shape, position and repetition.
#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>
#include <libstemmer.h>

#include <algorithm>
#include <map>
#include <memory>
#include <stdexcept>
#include <unordered_map>

#include "synopsis/document.hpp"
#include "synopsis/language.hpp"
#include "synopsis/unicode.hpp"

namespace synopsis {
namespace {

using u32 = std::uint32_t;

// ---------------------------------------------------------------- code points

UChar32 decode_at(std::string_view s, std::size_t i) {
  UChar32 c;
  int32_t pos = static_cast<int32_t>(i);
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), pos, static_cast<int32_t>(s.size()), c);
  return c;
}

UChar32 decode_before(std::string_view s, std::size_t i, std::size_t* start) {
  UChar32 c;
  int32_t pos = static_cast<int32_t>(i);
  U8_PREV(reinterpret_cast<const uint8_t*>(s.data()), 0, pos, c);
  *start = static_cast<std::size_t>(pos);
  return c;
}

bool is_space(UChar32 c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xFEFF ||
         c == 0x200B || (c > 0x7F && u_isUWhiteSpace(c));
}

bool is_closer(UChar32 c) {  // closing quotes and brackets that may follow terminal punctuation
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == '}' || c == 0x2019 || c == 0x201D ||
         c == 0x00BB || c == 0x203A || c == 0x300D || c == 0x300F;
}

bool is_opener(UChar32 c) {
  return c == '"' || c == '\'' || c == '(' || c == '[' || c == '{' || c == 0x2018 || c == 0x201C ||
         c == 0x00AB || c == 0x2039 || c == 0x201E;
}

bool is_terminal(UChar32 c) {  // sentence-final punctuation across scripts
  return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == 0x0589 || c == 0x3002 ||
         c == 0xFF01 || c == 0xFF1F || c == 0x061F || c == 0x06D4 || c == 0x0964 || c == 0x203C ||
         c == 0x2047 || c == 0x2048 || c == 0x2049;
}

bool is_bullet(UChar32 c) {
  return c == 0x2022 || c == 0x25E6 || c == 0x2023 || c == 0x2043 || c == 0x25AA || c == 0x25CF ||
         c == 0x25A0 || c == 0x2219;
}

std::pair<std::size_t, std::size_t> trim(std::string_view s, std::size_t a, std::size_t b) {
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

std::string lowercase(std::string_view s) {
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

bool starts_upper(std::string_view w) { return !w.empty() && u_isupper(decode_at(w, 0)); }
bool starts_lower(std::string_view w) { return !w.empty() && u_islower(decode_at(w, 0)); }
bool starts_digit(std::string_view w) { return !w.empty() && w[0] >= '0' && w[0] <= '9'; }

// ---------------------------------------------------------------- per-thread ICU objects

// Creating a BreakIterator costs far more than using one: keep one of each kind per
// thread and language, and reuse it.
struct ThreadTools {
  std::map<std::string, std::unique_ptr<icu::BreakIterator>> sentence, word;
  std::map<std::string, sb_stemmer*> stemmers;
  std::map<std::string, std::unordered_map<std::string, std::string>> stem_cache;  // per language
  ~ThreadTools() {
    for (auto& kv : stemmers)
      if (kv.second) sb_stemmer_delete(kv.second);
  }
  icu::BreakIterator& get(bool words, const std::string& lang) {
    auto& cache = words ? word : sentence;
    auto& slot = cache[lang];
    if (!slot) {
      UErrorCode status = U_ZERO_ERROR;
      icu::Locale locale(lang.c_str());
      slot.reset(words ? icu::BreakIterator::createWordInstance(locale, status)
                       : icu::BreakIterator::createSentenceInstance(locale, status));
      if (U_FAILURE(status) || !slot) {
        status = U_ZERO_ERROR;
        slot.reset(words ? icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status)
                         : icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
        if (U_FAILURE(status) || !slot) throw std::runtime_error("ICU could not create a BreakIterator");
      }
    }
    return *slot;
  }
  sb_stemmer* stemmer(const LanguageResources& lang) {
    if (!lang.has_stemmer) return nullptr;
    auto it = stemmers.find(lang.code);
    if (it != stemmers.end()) return it->second;
    return stemmers[lang.code] = sb_stemmer_new(lang.code.c_str(), "UTF_8");
  }
};

ThreadTools& thread_tools() {
  thread_local ThreadTools tools;
  return tools;
}

// ---------------------------------------------------------------- lines and blocks

struct Line {
  std::size_t start, end;  // content without the line terminator
  bool blank;
};

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    auto [a, b] = trim(text, pos, nl);
    lines.push_back({pos, nl, a == b});
    if (nl == text.size()) break;
    pos = nl + 1;
  }
  return lines;
}

bool ends_with_terminal(std::string_view text, std::size_t a, std::size_t b) {
  auto [s, e] = trim(text, a, b);
  while (e > s) {
    std::size_t start;
    UChar32 c = decode_before(text.substr(0, e), e, &start);
    if (is_closer(c)) { e = start; continue; }
    return is_terminal(c) || c == ';';
  }
  return false;
}

bool contains_terminal(std::string_view text, std::size_t a, std::size_t b) {
  for (std::size_t i = a; i < b; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '.' || c == '!' || c == '?') return true;
    if (c >= 0x80) {
      UChar32 cp = decode_at(text, i);
      if (is_terminal(cp)) return true;
    }
  }
  return false;
}

// A block is a run of lines joined into one logical line: a wrapped sentence continues
// on the next line when that line starts in lower case (or the line ends with a comma or
// a hyphen) and a sentence end follows somewhere later in the paragraph. Everything else
// (a line without terminal punctuation followed by a capitalised line: headlines, menus)
// is a hard break.
struct Block {
  std::size_t start, end;
  std::vector<std::size_t> soft_newlines;  // byte offsets of '\n' to read as spaces
  bool after_blank;                        // a blank line (or the text start) precedes it
};

// "I met John and" + newline: a line ending in a lowercase function word runs on.
bool ends_with_function_word(std::string_view text, std::size_t a, std::size_t b, const LanguageResources& lang) {
  std::size_t p = b, start = 0;
  while (p > a) {
    if (!u_isalpha(decode_before(text.substr(0, p), p, &start))) break;
    p = start;
  }
  if (p == b) return false;  // the line does not end in a letter
  if (p > a && !is_space(decode_before(text.substr(0, p), p, &start))) return false;
  const std::string_view word = text.substr(p, b - p);
  return starts_lower(word) && lang.is_stopword(lowercase(word));
}

std::vector<Block> split_blocks(std::string_view text, const LanguageResources& lang) {
  std::vector<Line> lines = split_lines(text);
  // terminal_from[k]: a sentence end lies in line k or a later line of its paragraph
  // (computed once, so that a paragraph of many lines costs linear time).
  std::vector<bool> terminal_from(lines.size() + 1, false);
  for (std::size_t k = lines.size(); k-- > 0;)
    terminal_from[k] = !lines[k].blank &&
                       (contains_terminal(text, lines[k].start, lines[k].end) || terminal_from[k + 1]);
  std::vector<Block> blocks;
  bool after_blank = true;
  for (std::size_t i = 0; i < lines.size();) {
    if (lines[i].blank) { after_blank = true; ++i; continue; }
    Block block{lines[i].start, lines[i].end, {}, after_blank};
    after_blank = false;
    std::size_t j = i;
    while (j + 1 < lines.size() && !lines[j + 1].blank) {
      const Line& cur = lines[j];
      const Line& next = lines[j + 1];
      auto [ca, cb] = trim(text, cur.start, cur.end);
      auto [na, nb] = trim(text, next.start, next.end);
      if (ends_with_terminal(text, ca, cb)) break;
      UChar32 first = decode_at(text, na);
      std::size_t last_start;
      UChar32 last = decode_before(text.substr(0, cb), cb, &last_start);
      const bool continues = u_islower(first) || last == ',' || last == '-' || last == 0x00AD ||
                             ends_with_function_word(text, ca, cb, lang);
      if (!continues || is_bullet(first) || !terminal_from[j + 1]) break;
      block.soft_newlines.push_back(cur.end);
      block.end = next.end;
      ++j;
      (void)nb;
    }
    blocks.push_back(std::move(block));
    i = j + 1;
  }
  return blocks;
}

// ---------------------------------------------------------------- boundary rules

struct ListMarker {
  std::size_t pos;
  int value;
};

// "1." "2)" "3.)" "(4)" "a." "b)" at the start of a word, followed by whitespace.
bool parse_marker(std::string_view s, std::size_t i, std::size_t end, int* value, std::size_t* after) {
  std::size_t p = i;
  if (p < end && s[p] == '(') ++p;
  int v = 0;
  std::size_t digits = 0;
  while (p < end && digits < 4 && s[p] >= '0' && s[p] <= '9') v = v * 10 + (s[p++] - '0'), ++digits;
  if (digits == 0) {
    if (p < end && s[p] >= 'a' && s[p] <= 'z') {  // capitals would be initials: "A. B. Chen"
      v = 1000 + (std::tolower(static_cast<unsigned char>(s[p])) - 'a');
      ++p;
    } else {
      return false;
    }
  } else if (digits > 3) {
    return false;
  }
  if (p >= end) return false;
  if (s[p] == '.') {
    ++p;
    if (p < end && s[p] == ')') ++p;
  } else if (s[p] == ')') {
    ++p;
  } else {
    return false;
  }
  if (p < end && !is_space(decode_at(s, p))) return false;
  *value = v;
  *after = p;
  return true;
}

// Is the whole span a list marker (with optional bullets), e.g. "2." or "• 10."?
bool is_marker_only(std::string_view s, std::size_t a, std::size_t b) {
  std::size_t p = a;
  while (p < b) {
    UChar32 c = decode_at(s, p);
    if (!is_bullet(c) && !is_space(c) && c != 0x2043 && c != '-') break;
    p += U8_LENGTH(c);
  }
  if (p == b) return true;
  int value;
  std::size_t after;
  return parse_marker(s, p, b, &value, &after) && trim(s, after, b).first == b;
}

// Is pos preceded (over spaces) by a bullet? Then the break goes before the bullet.
bool after_bullet(std::string_view s, std::size_t a, std::size_t pos) {
  while (pos > a) {
    std::size_t start;
    UChar32 c = decode_before(s.substr(0, pos), pos, &start);
    if (is_bullet(c)) return true;
    if (!is_space(c)) return false;
    pos = start;
  }
  return false;
}

// Forced breaks inside a block: before each bullet, and before the items of a numbered
// or lettered list ("1. first 2. second", "a. x b. y c. z").
std::vector<std::size_t> list_breaks(std::string_view s, std::size_t a, std::size_t b) {
  std::vector<std::size_t> breaks;
  std::vector<ListMarker> markers;
  bool prev_space = true;
  for (std::size_t i = a; i < b;) {
    UChar32 c = decode_at(s, i);
    const std::size_t len = U8_LENGTH(c);
    if (prev_space) {
      if (is_bullet(c) && i > a) breaks.push_back(i);
      int value;
      std::size_t after;
      if (parse_marker(s, i, b, &value, &after)) markers.push_back({i, value});
    }
    prev_space = is_space(c) || is_bullet(c);
    i += len;
  }
  // The first marker of a chain must open the block (after bullets) or have value 1 / 'a'.
  const std::size_t content_start = [&] {
    std::size_t p = a;
    while (p < b) {
      UChar32 c = decode_at(s, p);
      if (!is_space(c) && !is_bullet(c)) break;
      p += U8_LENGTH(c);
    }
    return p;
  }();
  for (std::size_t i = 0; i < markers.size(); ++i) {
    const bool opens = markers[i].pos == content_start || markers[i].value == 1 || markers[i].value == 1000;
    if (!opens) continue;
    int expect = markers[i].value + 1;
    std::vector<std::size_t> chain;
    for (std::size_t j = i + 1; j < markers.size(); ++j)
      if (markers[j].value == expect) chain.push_back(markers[j].pos), ++expect;
    if (chain.empty()) continue;
    if (markers[i].pos != content_start) chain.insert(chain.begin(), markers[i].pos);
    for (std::size_t pos : chain)
      if (!after_bullet(s, a, pos)) breaks.push_back(pos);
  }
  return breaks;
}


std::string_view strip_openers(std::string_view w) {
  while (!w.empty()) {
    UChar32 c = decode_at(w, 0);
    if (!is_opener(c)) break;
    w.remove_prefix(U8_LENGTH(c));
  }
  return w;
}

// Number of sentence-final dots at the end of t (". . ." counts 3), ignoring closers.
int trailing_dots(std::string_view t, bool* unicode_ellipsis) {
  std::size_t e = t.size();
  *unicode_ellipsis = false;
  while (e > 0) {
    std::size_t start;
    UChar32 c = decode_before(t.substr(0, e), e, &start);
    if (!is_closer(c)) break;
    e = start;
  }
  int dots = 0;
  while (e > 0) {
    std::size_t start;
    UChar32 c = decode_before(t.substr(0, e), e, &start);
    if (c == '.') { ++dots; e = start; continue; }
    if (c == 0x2026) { dots += 3; *unicode_ellipsis = true; e = start; continue; }
    if (c == ' ' && e >= 2 && t[e - 2] == '.' && dots > 0) { e = start; continue; }
    break;
  }
  return dots;
}

bool orthographic_ordinals(const std::string& lang) {  // "am 3. Oktober"
  static const char* langs[] = {"de", "da", "no", "nb", "nn", "fi", "is", "et", "lv", "lt", "cs", "sk",
                                "sl", "hr", "sr", "bs", "hu", "tr", "pl"};
  return std::any_of(std::begin(langs), std::end(langs), [&](const char* l) { return lang == l; });
}

class BoundaryRules {
 public:
  BoundaryRules(std::string_view text, const LanguageResources& lang) : text_(text), lang_(lang) {}

  // Should the candidate break between [a0, a1) and [b0, b1) be dropped?
  bool merge(std::size_t a0, std::size_t a1, std::size_t b0, std::size_t b1) const {
    auto [as, ae] = trim(text_, a0, a1);
    auto [bs, be] = trim(text_, b0, b1);
    if (as == ae || bs == be) return true;
    const std::string_view at = text_.substr(as, ae - as);
    const std::string_view bt = text_.substr(bs, be - bs);
    if (!has_alnum(bt)) return true;  // stray closing quote or bracket
    if (is_marker_only(text_, as, ae)) return true;

    const std::string_view next_word = strip_openers(bt.substr(0, first_space(bt)));
    const bool next_lower = starts_lower(next_word);
    const bool next_digit = starts_digit(next_word);
    const std::string_view next_core = word_core(next_word);
    const bool next_is_initial = count_code_points(next_core) == 1 && next_word.size() > next_core.size() &&
                                 next_word[next_core.size()] == '.';
    const bool next_cap_stop = starts_upper(next_word) && !next_is_initial && lang_.is_stopword(lowercase(next_core));

    bool unicode_ellipsis;
    const int dots = trailing_dots(at, &unicode_ellipsis);
    // A three-dot ellipsis continues the sentence unless a capitalised word other than
    // "I" follows; "[...]" marks an omission inside a quotation; four dots end it.
    if (dots == 3)
      return !starts_upper(next_word) || next_core == "I" || ellipsis_in_brackets(at);
    if (dots >= 2) return next_lower;

    std::size_t last_start;
    UChar32 last = last_significant(at, &last_start);
    if (last == '!' || last == '?') return next_lower;
    if (last != '.') return false;

    const std::size_t ws = last_space(at);
    const std::string_view word = strip_openers(at.substr(ws, last_start - ws));  // without the '.'
    if (word.empty()) return false;
    const std::size_t letters = count_code_points(word);
    const UChar32 first = decode_at(word, 0);
    if (letters == 1 && u_isupper(first)) {
      // "you and I. Did" ends a sentence; "Albert I. Jones" and "John E. Smith" do not.
      if (first == 'I' && previous_word_lower(at, ws)) return false;
      return !next_cap_stop;
    }
    const std::string lower = lowercase(word);
    auto it = lang_.abbreviations.find(lower);
    // Abbreviations written with a space: "z. B.", "т. е.", "a. m.".
    if (it == lang_.abbreviations.end() && count_code_points(word) <= 2) {
      const std::string_view before = previous_word(at, ws);
      if (!before.empty() && before.back() == '.' && count_code_points(before) <= 3)
        it = lang_.abbreviations.find(lowercase(before) + lower);
      if (it == lang_.abbreviations.end() && next_word.size() >= 2 && next_word.back() == '.' &&
          count_code_points(next_word) <= 3)
        it = lang_.abbreviations.find(lower + "." + lowercase(next_word.substr(0, next_word.size() - 1)));
    }
    if (it != lang_.abbreviations.end()) {
      switch (it->second) {
        case AbbreviationKind::title: return true;
        case AbbreviationKind::before_number: return next_digit;
        case AbbreviationKind::abbreviation: return !next_cap_stop;
        case AbbreviationKind::final: return next_lower || next_digit;
      }
    }
    if (letters == 1 && u_isalpha(first)) return next_lower || next_digit;
    if (is_dotted_acronym(word)) return !next_cap_stop;  // U.S., e.g, a.m, U.S.A
    if (orthographic_ordinals(lang_.code) && letters <= 2 && std::all_of(word.begin(), word.end(), [](char c) {
          return c >= '0' && c <= '9';
        }))
      return !next_cap_stop;
    return false;
  }

 private:
  static bool has_alnum(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
      UChar32 c = decode_at(s, i);
      if (u_isalnum(c)) return true;
      i += U8_LENGTH(c) > 0 ? U8_LENGTH(c) : 1;
    }
    return false;
  }
  static std::size_t first_space(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
      UChar32 c = decode_at(s, i);
      if (is_space(c)) return i;
      i += U8_LENGTH(c) > 0 ? U8_LENGTH(c) : 1;
    }
    return s.size();
  }
  static std::size_t last_space(std::string_view s) {  // index just after the last space
    std::size_t e = s.size();
    while (e > 0) {
      std::size_t start;
      UChar32 c = decode_before(s.substr(0, e), e, &start);
      if (is_space(c)) return e;
      e = start;
    }
    return 0;
  }
  static UChar32 last_significant(std::string_view s, std::size_t* start) {
    std::size_t e = s.size();
    while (e > 0) {
      UChar32 c = decode_before(s.substr(0, e), e, start);
      if (!is_closer(c)) return c;
      e = *start;
    }
    *start = 0;
    return 0;
  }
  static std::string_view word_core(std::string_view w) {
    std::size_t e = 0;
    while (e < w.size()) {
      UChar32 c = decode_at(w, e);
      if (!u_isalpha(c)) break;
      e += U8_LENGTH(c);
    }
    return w.substr(0, e);
  }
  static bool is_dotted_acronym(std::string_view w) {  // letters separated by single dots
    bool expect_letter = true;
    int letters = 0;
    for (std::size_t i = 0; i < w.size();) {
      UChar32 c = decode_at(w, i);
      const std::size_t len = U8_LENGTH(c) > 0 ? U8_LENGTH(c) : 1;
      if (expect_letter) {
        if (!u_isalpha(c)) return false;
        ++letters;
        // allow at most two letters per part ("Ph.D", "U.S")
        std::size_t j = i + len;
        if (j < w.size() && u_isalpha(decode_at(w, j))) {
          j += U8_LENGTH(decode_at(w, j));
          if (j < w.size() && u_isalpha(decode_at(w, j))) return false;
          i = j;
          expect_letter = false;
          continue;
        }
      } else if (c != '.') {
        return false;
      }
      expect_letter = !expect_letter;
      i += len;
    }
    return letters >= 2 && !expect_letter;
  }
  static bool ellipsis_in_brackets(std::string_view at) {
    const std::size_t open = at.rfind('[');
    return open != std::string_view::npos && at.find(']', open) != std::string_view::npos &&
           at.find_first_not_of(". \u2026]\"'", open + 1) == std::string_view::npos;
  }
  static std::string_view previous_word(std::string_view at, std::size_t ws) {
    if (ws == 0) return {};
    std::string_view before = at.substr(0, ws);
    while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
    return before.substr(last_space(before));
  }
  static bool previous_word_lower(std::string_view at, std::size_t ws) {
    if (ws == 0) return false;
    std::string_view before = at.substr(0, ws);
    while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
    const std::size_t p = last_space(before);
    return starts_lower(before.substr(p));
  }

  std::string_view text_;
  const LanguageResources& lang_;
};

// Candidates ICU does not propose: a sentence end followed by a number ("in 2019. 2020
// was worse"), and in Armenian an ASCII colon used as the full stop.
std::vector<std::size_t> extra_candidates(std::string_view s, std::size_t a, std::size_t b, bool colon_ends) {
  std::vector<std::size_t> out;
  for (std::size_t i = a; i + 2 < b; ++i) {
    const char c = s[i];
    if (c != '.' && c != '!' && c != '?' && !(colon_ends && c == ':')) continue;
    std::size_t j = i + 1;
    if (s[j] != ' ') continue;
    while (j < b && s[j] == ' ') ++j;
    if (j >= b) continue;
    if (c == ':' ? u_isupper(decode_at(s, j)) : (s[j] >= '0' && s[j] <= '9')) out.push_back(j);
  }
  return out;
}

// A closing quote or bracket standing after a break belongs to the sentence before it
// ("« Je pars demain. » Il ...").
void attach_closers(std::string_view s, std::vector<std::pair<std::size_t, std::size_t>>& spans) {
  for (std::size_t i = 0; i + 1 < spans.size(); ++i) {
    std::size_t p = trim(s, spans[i + 1].first, spans[i + 1].second).first;
    std::size_t moved = p;
    while (moved < spans[i + 1].second) {
      UChar32 c = decode_at(s, moved);
      if (c != 0x00BB && c != 0x201D && c != 0x2019 && c != ')' && c != ']') break;
      moved += U8_LENGTH(c);
    }
    if (moved == p) continue;
    if (moved < spans[i + 1].second && !is_space(decode_at(s, moved))) continue;
    spans[i].second = moved;
    spans[i + 1].first = moved;
  }
}

// ---------------------------------------------------------------- segmentation proper

class Segmenter {
 public:
  Segmenter(Document& doc, const LanguageResources& lang)
      : doc_(doc), lang_(lang), tools_(thread_tools()), rules_(doc.text, lang) {
    stemmer_ = tools_.stemmer(lang);
    stem_cache_ = &tools_.stem_cache[lang.code];
    sentence_bi_ = &tools_.get(false, lang.code);
    word_bi_ = &tools_.get(true, lang.code);
  }

  void run() {
    const std::string_view text = doc_.text;
    const std::vector<Block> blocks = split_blocks(text, lang_);
    if (blocks.empty()) return;
    // One UTF-16 copy of the whole text (wrapped newlines read as spaces) and one pass of
    // each BreakIterator: setText and the rule caches cost more per call than per byte.
    std::string work(text);
    for (const Block& block : blocks)
      for (std::size_t nl : block.soft_newlines) work[nl] = ' ';
    const icu::UnicodeString u16 =
        icu::UnicodeString::fromUTF8(icu::StringPiece(work.data(), static_cast<int32_t>(work.size())));
    build_offsets(work, static_cast<std::size_t>(u16.length()));

    sentence_bi_->setText(u16);
    word_bi_->setText(u16);
    std::vector<std::size_t> icu_breaks;
    for (int32_t b = sentence_bi_->next(); b != icu::BreakIterator::DONE; b = sentence_bi_->next())
      // A candidate inside a word is no sentence end: ICU's sentence rules break after the
      // Armenian full stop in "11,0<U+0589>00", which the word rules read as one number.
      if (word_bi_->isBoundary(b)) icu_breaks.push_back(offsets_[static_cast<std::size_t>(b)]);

    std::size_t cursor = 0;
    for (const Block& block : blocks) {
      const u32 first_sentence = static_cast<u32>(doc_.sentences.size());
      while (cursor < icu_breaks.size() && icu_breaks[cursor] <= block.start) ++cursor;
      std::size_t stop = cursor;
      while (stop < icu_breaks.size() && icu_breaks[stop] < block.end) ++stop;
      segment_block(block, icu_breaks.data() + cursor, icu_breaks.data() + stop);
      cursor = stop;
      if (doc_.sentences.size() == first_sentence) continue;
      Paragraph p;
      p.index = static_cast<u32>(doc_.paragraphs.size());
      p.sentence_begin = first_sentence;
      p.sentence_end = static_cast<u32>(doc_.sentences.size());
      p.start = doc_.sentences[first_sentence].start;
      p.end = doc_.sentences.back().end;
      for (u32 si = p.sentence_begin; si < p.sentence_end; ++si) doc_.sentences[si].paragraph = p.index;
      doc_.paragraphs.push_back(p);
      block_after_blank_.push_back(block.after_blank);
    }
    tokenize(u16);
  }

  const std::vector<bool>& block_after_blank() const { return block_after_blank_; }

 private:
  // offsets_[i]: byte offset of UTF-16 unit i (and of the end, at index length).
  void build_offsets(std::string_view work, std::size_t units) {
    offsets_.resize(units + 1);
    std::size_t byte = 0, unit = 0;
    const std::size_t n = work.size();
    while (byte < n) {
      const auto b0 = static_cast<unsigned char>(work[byte]);
      if (b0 < 0x80) {
        offsets_[unit++] = static_cast<u32>(byte++);
        continue;
      }
      UChar32 c = decode_at(work, byte);
      const std::size_t ulen = U16_LENGTH(c);
      for (std::size_t k = 0; k < ulen; ++k) offsets_[unit + k] = static_cast<u32>(byte);
      unit += ulen;
      byte += U8_LENGTH(c);
    }
    offsets_[unit] = static_cast<u32>(n);
  }

  void segment_block(const Block& block, const std::size_t* icu_begin, const std::size_t* icu_end) {
    const std::string_view text = doc_.text;
    // Candidate breaks from ICU, forced breaks from list structure.
    std::vector<std::pair<std::size_t, bool>> breaks;  // (byte offset, forced)
    for (const std::size_t* b = icu_begin; b != icu_end; ++b) breaks.emplace_back(*b, false);
    for (std::size_t b : list_breaks(text, block.start, block.end)) breaks.emplace_back(b, true);
    for (std::size_t b : extra_candidates(text, block.start, block.end, lang_.code == "hy"))
      breaks.emplace_back(b, false);
    std::sort(breaks.begin(), breaks.end());
    // One entry per position; a forced break wins over an ICU candidate.
    std::vector<std::pair<std::size_t, bool>> unique;
    for (const auto& b : breaks) {
      if (!unique.empty() && unique.back().first == b.first) unique.back().second |= b.second;
      else unique.push_back(b);
    }
    breaks.swap(unique);
    if (breaks.empty() || breaks.back().first != block.end) breaks.emplace_back(block.end, true);
    else breaks.back().second = true;

    // Apply the boundary rules left to right.
    std::size_t start = block.start;
    std::size_t prev = block.start;
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    for (std::size_t k = 0; k < breaks.size(); ++k) {
      const std::size_t b = breaks[k].first;
      if (b <= prev) continue;
      if (!breaks[k].second && k + 1 < breaks.size()) {
        std::size_t next_end = breaks[k + 1].first;
        if (rules_.merge(start, b, b, next_end)) { prev = b; continue; }
      }
      spans.emplace_back(start, b);
      start = prev = b;
    }

    attach_closers(text, spans);
    for (auto [a, b] : spans) {
      auto [s, e] = trim(text, a, b);
      if (s == e) continue;
      Sentence sent;
      sent.index = static_cast<u32>(doc_.sentences.size());
      sent.start = static_cast<u32>(s);
      sent.end = static_cast<u32>(e);
      doc_.sentences.push_back(sent);
    }
  }

  void tokenize(const icu::UnicodeString& u16) {
    const u32 n_sent = static_cast<u32>(doc_.sentences.size());
    if (n_sent == 0) return;
    doc_.tokens.reserve(doc_.text.size() / 6);
    raw_terms_.reserve(doc_.text.size() / 16);
    term_ids_.reserve(doc_.text.size() / 20);
    stem_ids_.reserve(doc_.text.size() / 24);
    word_bi_->setText(u16);
    u32 sent = 0;
    doc_.sentences[0].token_begin = 0;
    int32_t prev = word_bi_->first();
    for (int32_t b = word_bi_->next(); b != icu::BreakIterator::DONE; prev = b, b = word_bi_->next()) {
      const int32_t status = word_bi_->getRuleStatus();
      if (status < UBRK_WORD_NONE_LIMIT) continue;  // spaces and punctuation
      // The word rules attach format characters to the word before them; U+FEFF is one,
      // but sentences are trimmed of it, so trim tokens the same way ("0<U+FEFF>").
      const auto [tok_start, tok_end] =
          trim(doc_.text, offsets_[static_cast<std::size_t>(prev)], offsets_[static_cast<std::size_t>(b)]);
      if (tok_start == tok_end) continue;
      Token tok;
      tok.start = static_cast<u32>(tok_start);
      tok.end = static_cast<u32>(tok_end);
      while (sent + 1 < n_sent && tok.start >= doc_.sentences[sent].end) {
        doc_.sentences[sent].token_end = static_cast<u32>(doc_.tokens.size());
        ++sent;
        doc_.sentences[sent].token_begin = static_cast<u32>(doc_.tokens.size());
      }
      tok.sentence = sent;
      tok.kind = status < UBRK_WORD_NUMBER_LIMIT ? TokenKind::number : TokenKind::word;
      intern(tok);
      doc_.tokens.push_back(tok);
    }
    doc_.sentences[sent].token_end = static_cast<u32>(doc_.tokens.size());
    for (u32 si = sent + 1; si < n_sent; ++si)
      doc_.sentences[si].token_begin = doc_.sentences[si].token_end = static_cast<u32>(doc_.tokens.size());
  }

  void intern(Token& tok) {
    const std::string_view raw = doc_.span(tok.start, tok.end);
    auto it = raw_terms_.find(raw);
    if (it != raw_terms_.end()) {
      tok.term = it->second.term;
      tok.stem = it->second.stem;
      tok.is_stopword = it->second.stop;
      return;
    }
    const std::string norm = normalise(raw);
    Interned entry;
    auto term_it = term_ids_.find(norm);
    if (term_it == term_ids_.end()) {
      entry.term = static_cast<u32>(doc_.terms.size());
      doc_.terms.push_back(norm);
      term_ids_.emplace(norm, entry.term);
      const std::string& stem = (stemmer_ && tok.kind == TokenKind::word) ? stem_of(norm) : norm;
      auto [stem_it, inserted] = stem_ids_.emplace(stem, static_cast<u32>(doc_.stems.size()));
      if (inserted) doc_.stems.push_back(stem);
      entry.stem = stem_it->second;
      entry.stop = lang_.stopwords.count(norm) != 0;
      term_info_.push_back(entry);
    } else {
      entry = term_info_[term_it->second];
    }
    raw_terms_.emplace(raw, entry);
    tok.term = entry.term;
    tok.stem = entry.stem;
    tok.is_stopword = entry.stop;
  }

  // Snowball stems are the costliest part of tokenising; words recur across documents, so
  // each thread keeps the stems it has computed (bounded: cleared when it grows large).
  const std::string& stem_of(const std::string& norm) {
    auto it = stem_cache_->find(norm);
    if (it != stem_cache_->end()) return it->second;
    if (stem_cache_->size() >= kStemCacheLimit) stem_cache_->clear();
    const sb_symbol* out = sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(norm.data()),
                                           static_cast<int>(norm.size()));
    std::string stem = out ? std::string(reinterpret_cast<const char*>(out),
                                         static_cast<std::size_t>(sb_stemmer_length(stemmer_)))
                           : norm;
    return stem_cache_->emplace(norm, std::move(stem)).first->second;
  }

  std::string normalise(std::string_view raw) const {
    const bool ascii =
        std::all_of(raw.begin(), raw.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (ascii) {
      std::string out(raw);
      for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
      return out;
    }
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU NFKC_Casefold data is missing");
    icu::UnicodeString src =
        icu::UnicodeString::fromUTF8(icu::StringPiece(raw.data(), static_cast<int32_t>(raw.size())));
    icu::UnicodeString dst = nfkc_cf->normalize(src, status);
    std::string out;
    if (U_FAILURE(status)) return std::string(raw);
    dst.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x2019)), icu::UnicodeString(static_cast<UChar32>('\'')));
    dst.toUTF8String(out);
    return out;
  }

  struct Interned {
    u32 term = 0, stem = 0;
    bool stop = false;
  };

  Document& doc_;
  const LanguageResources& lang_;
  ThreadTools& tools_;
  BoundaryRules rules_;
  static constexpr std::size_t kStemCacheLimit = 200000;
  sb_stemmer* stemmer_ = nullptr;
  std::unordered_map<std::string, std::string>* stem_cache_ = nullptr;
  icu::BreakIterator* sentence_bi_ = nullptr;
  icu::BreakIterator* word_bi_ = nullptr;
  std::vector<u32> offsets_;
  std::vector<bool> block_after_blank_;
  std::unordered_map<std::string_view, Interned> raw_terms_;
  std::unordered_map<std::string, u32> term_ids_, stem_ids_;
  std::vector<Interned> term_info_;
};

}  // namespace

void flag_layout(Document& doc, const std::vector<bool>& paragraph_after_blank);

std::size_t Document::prose_sentence_count() const {
  return static_cast<std::size_t>(
      std::count_if(sentences.begin(), sentences.end(), [](const Sentence& s) { return s.is_prose(); }));
}

Document segment(std::string_view text, const SegmentOptions& options) {
  const LanguageResources& lang = language_resources(options.language);
  if (text.size() > max_text_bytes())
    throw std::invalid_argument("text is too long: " + std::to_string(text.size()) +
                                " bytes, the limit is " + std::to_string(max_text_bytes()));
  Document doc;
  doc.language = options.language;
  const std::size_t bad = find_invalid_utf8(text);
  if (bad != std::string_view::npos) {
    if (!options.replace_invalid)
      throw std::invalid_argument("invalid UTF-8 at byte offset " + std::to_string(bad));
    doc.text = replace_invalid_utf8(text);
    if (doc.text.size() > max_text_bytes())  // each bad byte may grow into three
      throw std::invalid_argument("text is too long after replacing invalid UTF-8: " +
                                  std::to_string(doc.text.size()) + " bytes, the limit is " +
                                  std::to_string(max_text_bytes()));
  } else {
    doc.text.assign(text);
  }
  Segmenter segmenter(doc, lang);
  segmenter.run();
  flag_layout(doc, segmenter.block_after_blank());
  return doc;
}

}  // namespace synopsis
