// Lines and blocks: the text's lines joined where a sentence wraps onto the next line, and
// the list structure (bullets, numbered and lettered items) that forces breaks inside them.
#include <algorithm>
#include <functional>

#include "segment_internal.hpp"

namespace synopsis::segmentation {
namespace {

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

bool contains_terminal(std::string_view text, std::size_t a, std::size_t b) {
  for (std::size_t i = a; i < b; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '.' || c == '!' || c == '?') return true;
    if (c >= 0x80) {
      UChar32 cp = decode_at(text, i);
      if (is_sentence_terminal(cp)) return true;
    }
  }
  return false;
}

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

// The width a hard-wrapped text fills: the length of its longest lines (the 95th percentile,
// so that a stray long line does not set it). A line that wraps onto the next one is at least
// half as long, or long in itself (texts mix wrapped paragraphs with paragraphs on one line);
// text with one block a line (what a scraper's get_text() gives) has long paragraphs, so its
// short lines (menus, handles, buttons) stand alone even when the next line starts in lower
// case.
constexpr std::size_t kShortLineBytes = 48;
constexpr std::size_t kBlankLinesPer = 20;  // one blank line in 20 lines or more: paragraphs apart
std::size_t wrap_width(std::string_view text, const std::vector<Line>& lines) {
  std::vector<std::size_t> lengths;
  lengths.reserve(lines.size());
  for (const Line& line : lines) {
    if (line.blank) continue;
    auto [a, b] = trim(text, line.start, line.end);
    lengths.push_back(b - a);
  }
  if (lengths.empty()) return 0;
  const std::size_t k = lengths.size() / 20;
  std::nth_element(lengths.begin(), lengths.begin() + static_cast<std::ptrdiff_t>(k), lengths.end(),
                   std::greater<>());
  return lengths[k];
}

// The length of the line that holds the middle byte of the text's lines, longest first: in
// text without blank lines that gives each block a line, long paragraphs hold most bytes
// while menus hold most lines; in wrapped text it is the wrap width.
std::size_t width_by_bytes(std::string_view text, const std::vector<Line>& lines) {
  std::vector<std::size_t> lengths;
  std::size_t total = 0;
  for (const Line& line : lines) {
    if (line.blank) continue;
    auto [a, b] = trim(text, line.start, line.end);
    lengths.push_back(b - a);
    total += b - a;
  }
  std::sort(lengths.begin(), lengths.end(), std::greater<>());
  std::size_t seen = 0;
  for (std::size_t length : lengths)
    if ((seen += length) * 2 >= total) return length;
  return 0;
}

}  // namespace

std::vector<Block> split_blocks(std::string_view text, const LanguageResources& lang) {
  std::vector<Line> lines = split_lines(text);
  std::size_t width = wrap_width(text, lines);
  // Paragraphs apart (blank lines between some lines): a long line may wrap inside one. Without
  // blank lines, a text either wraps all its paragraphs (and the width tells its lines) or
  // gives each block a line, and there a headline above its byline is no wrapped line.
  std::size_t blank = 0, filled = 0, blank_run = 0;  // blank lines between filled ones
  for (const Line& line : lines) {
    if (line.blank) {
      ++blank_run;
      continue;
    }
    if (filled > 0) blank += blank_run;
    blank_run = 0;
    ++filled;
  }
  const bool paragraphs_apart = kBlankLinesPer * blank >= filled;
  if (!paragraphs_apart) width = std::max(width, width_by_bytes(text, lines));
  const std::size_t short_line_bytes = paragraphs_apart ? kShortLineBytes : width;
  // terminal_from[k]: a sentence end lies in line k or a later line of its paragraph
  // (computed once, so that a paragraph of many lines costs linear time).
  std::vector<bool> terminal_from(lines.size() + 1, false);
  for (std::size_t k = lines.size(); k-- > 0;)
    terminal_from[k] = !lines[k].blank &&
                       (contains_terminal(text, lines[k].start, lines[k].end) || terminal_from[k + 1]);
  std::vector<Block> blocks;
  for (std::size_t i = 0; i < lines.size();) {
    if (lines[i].blank) { ++i; continue; }
    Block block{lines[i].start, lines[i].end, {}};
    std::size_t j = i;
    while (j + 1 < lines.size() && !lines[j + 1].blank) {
      const Line& cur = lines[j];
      const Line& next = lines[j + 1];
      auto [ca, cb] = trim(text, cur.start, cur.end);
      auto [na, nb] = trim(text, next.start, next.end);
      if (ends_with_terminal(text.substr(ca, cb - ca)) || (2 * (cb - ca) < width && cb - ca < short_line_bytes)) break;
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

std::vector<std::size_t> list_breaks(std::string_view s, std::size_t a, std::size_t b) {
  std::vector<std::size_t> breaks;
  std::vector<ListMarker> markers;
  bool prev_space = true;
  for (std::size_t i = a; i < b;) {
    const auto byte = static_cast<unsigned char>(s[i]);
    if (byte < 0x80 && !prev_space) {  // the common case, in short: no marker can start here
      prev_space = byte == ' ' || (byte >= '\t' && byte <= '\r');
      ++i;
      continue;
    }
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

}  // namespace synopsis::segmentation
