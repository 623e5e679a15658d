// Sentence boundary rules: which of the candidate breaks (from ICU, list structure and
// extra_candidates) stand. Abbreviations and titles, initials, dotted acronyms, ordinals,
// ellipses, "!!"/"?!" runs, and closing quotes or brackets after a break.
#include "segment_internal.hpp"

#include "synopsis/unicode.hpp"

namespace synopsis::segmentation {
namespace {

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
    if (!is_closing_punctuation(c)) break;
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

bool has_alnum(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    UChar32 c = decode_at(s, i);
    if (u_isalnum(c)) return true;
    i += U8_LENGTH(c) > 0 ? U8_LENGTH(c) : 1;
  }
  return false;
}

std::size_t first_space(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    UChar32 c = decode_at(s, i);
    if (is_space(c)) return i;
    i += U8_LENGTH(c) > 0 ? U8_LENGTH(c) : 1;
  }
  return s.size();
}

std::size_t last_space(std::string_view s) {  // index just after the last space
  std::size_t e = s.size();
  while (e > 0) {
    std::size_t start;
    UChar32 c = decode_before(s.substr(0, e), e, &start);
    if (is_space(c)) return e;
    e = start;
  }
  return 0;
}

UChar32 last_significant(std::string_view s, std::size_t* start) {
  std::size_t e = s.size();
  while (e > 0) {
    UChar32 c = decode_before(s.substr(0, e), e, start);
    if (!is_closing_punctuation(c)) return c;
    e = *start;
  }
  *start = 0;
  return 0;
}

std::string_view word_core(std::string_view w) {
  std::size_t e = 0;
  while (e < w.size()) {
    UChar32 c = decode_at(w, e);
    if (!u_isalpha(c)) break;
    e += U8_LENGTH(c);
  }
  return w.substr(0, e);
}

bool is_dotted_acronym(std::string_view w) {  // letters separated by single dots
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

bool ellipsis_in_brackets(std::string_view at) {
  const std::size_t open = at.rfind('[');
  return open != std::string_view::npos && at.find(']', open) != std::string_view::npos &&
         at.find_first_not_of(". \u2026]\"'", open + 1) == std::string_view::npos;
}

std::string_view previous_word(std::string_view at, std::size_t ws) {
  if (ws == 0) return {};
  std::string_view before = at.substr(0, ws);
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  return before.substr(last_space(before));
}

bool previous_word_lower(std::string_view at, std::size_t ws) {
  if (ws == 0) return false;
  std::string_view before = at.substr(0, ws);
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  const std::size_t p = last_space(before);
  return starts_lower(before.substr(p));
}

}  // namespace

bool BoundaryRules::merge(std::size_t a0, std::size_t a1, std::size_t b0, std::size_t b1) const {
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

}  // namespace synopsis::segmentation
