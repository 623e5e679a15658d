// HTML to readable text with gumbo (the only file that sees gumbo): parse, choose the
// content, walk it writing text with block breaks, and record where each piece came from.
#include "synopsis/html.hpp"

#include <gumbo.h>

#include "synopsis/unicode.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <stdexcept>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>

namespace synopsis {
namespace {

using u32 = std::uint32_t;

// ---------------------------------------------------------------- parsing

// gumbo frees its tree recursively, one stack frame per level, so a deeply nested page would
// overflow the stack. Every block gumbo allocates is linked into a list instead, and the
// whole tree is freed by walking the list.
class ParseArena {
 public:
  ParseArena() = default;
  ParseArena(const ParseArena&) = delete;
  ParseArena& operator=(const ParseArena&) = delete;
  ~ParseArena() {
    for (Header* h = head_.next; h != &head_;) {
      Header* next = h->next;
      std::free(h);
      h = next;
    }
  }

  static void* allocate(void* self, std::size_t size) {
    auto* arena = static_cast<ParseArena*>(self);
    auto* h = static_cast<Header*>(std::malloc(sizeof(Header) + size));
    if (h == nullptr) std::abort();  // gumbo cannot recover from a failed allocation
    h->prev = &arena->head_;
    h->next = arena->head_.next;
    h->next->prev = h;
    arena->head_.next = h;
    return h + 1;
  }

  static void deallocate(void*, void* ptr) {
    if (ptr == nullptr) return;
    Header* h = static_cast<Header*>(ptr) - 1;
    h->prev->next = h->next;
    h->next->prev = h->prev;
    std::free(h);
  }

 private:
  struct alignas(16) Header {  // keeps the block after it aligned as malloc's are
    Header* prev;
    Header* next;
  };
  Header head_{&head_, &head_};
};

const GumboVector* children_of(const GumboNode* node) {
  if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) return &node->v.element.children;
  if (node->type == GUMBO_NODE_DOCUMENT) return &node->v.document.children;
  return nullptr;
}

GumboTag tag_of(const GumboNode* node) {
  return node->type == GUMBO_NODE_ELEMENT ? node->v.element.tag : GUMBO_TAG_UNKNOWN;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

std::string_view attribute(const GumboNode* node, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a == nullptr ? std::string_view() : std::string_view(a->value);
}

bool has_attribute(const GumboNode* node, const char* name) {
  return gumbo_get_attribute(&node->v.element.attributes, name) != nullptr;
}

// An inline style that hides the element ("display: none", "visibility:hidden").
bool style_hides(std::string_view style) {
  std::string squeezed;
  for (char c : style)
    if (!std::isspace(static_cast<unsigned char>(c))) squeezed += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return squeezed.find("display:none") != std::string::npos || squeezed.find("visibility:hidden") != std::string::npos;
}

// Elements whose text a reader does not see as the page's content.
bool is_dropped(const GumboNode* node) {
  if (node->type == GUMBO_NODE_TEMPLATE) return true;
  if (node->type != GUMBO_NODE_ELEMENT) return false;
  switch (node->v.element.tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NAV: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS: case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO: case GUMBO_TAG_NOFRAMES: case GUMBO_TAG_FRAMESET:
      return true;
    default:
      break;
  }
  if (has_attribute(node, "hidden")) return true;
  if (equals_ignoring_case(attribute(node, "aria-hidden"), "true")) return true;
  const std::string_view role = attribute(node, "role");
  if (equals_ignoring_case(role, "navigation") || equals_ignoring_case(role, "contentinfo") ||
      equals_ignoring_case(role, "complementary") || equals_ignoring_case(role, "search"))
    return true;
  const std::string_view style = attribute(node, "style");
  return !style.empty() && style_hides(style);
}

// The furniture kind the markup gives an element: <figcaption>, or a word of its class or id
// (split at anything but letters and digits: "cookie-banner", "c-comments__list", "adSlot"
// is one word "adslot" and does not count). none when nothing says so.
BoilerplateKind markup_furniture(const GumboNode* node) {
  if (tag_of(node) == GUMBO_TAG_FIGCAPTION) return BoilerplateKind::caption;
  static const std::pair<std::string_view, BoilerplateKind> words[] = {
      {"cookie", BoilerplateKind::consent},        {"cookies", BoilerplateKind::consent},
      {"consent", BoilerplateKind::consent},       {"gdpr", BoilerplateKind::consent},
      {"comment", BoilerplateKind::comment},       {"comments", BoilerplateKind::comment},
      {"disqus", BoilerplateKind::comment},        {"newsletter", BoilerplateKind::subscription},
      {"subscribe", BoilerplateKind::subscription}, {"subscription", BoilerplateKind::subscription},
      {"paywall", BoilerplateKind::subscription},  {"signup", BoilerplateKind::subscription},
      {"share", BoilerplateKind::share},           {"sharing", BoilerplateKind::share},
      {"social", BoilerplateKind::share},          {"ad", BoilerplateKind::advertisement},
      {"ads", BoilerplateKind::advertisement},     {"advert", BoilerplateKind::advertisement},
      {"advertisement", BoilerplateKind::advertisement}, {"sponsored", BoilerplateKind::advertisement},
      {"related", BoilerplateKind::related},       {"recommended", BoilerplateKind::related},
      {"readmore", BoilerplateKind::related},      {"byline", BoilerplateKind::byline},
      {"caption", BoilerplateKind::caption},       {"credit", BoilerplateKind::caption},
      {"copyright", BoilerplateKind::footer}};
  for (const char* name : {"class", "id"}) {
    const std::string_view value = attribute(node, name);
    std::size_t i = 0;
    while (i < value.size()) {
      while (i < value.size() && !std::isalnum(static_cast<unsigned char>(value[i]))) ++i;
      std::size_t j = i;
      std::string word;
      while (j < value.size() && std::isalnum(static_cast<unsigned char>(value[j])))
        word += static_cast<char>(std::tolower(static_cast<unsigned char>(value[j++])));
      for (const auto& [w, kind] : words)
        if (word == w) return kind;
      i = j;
    }
  }
  return BoilerplateKind::none;
}

bool is_main(const GumboNode* node) {
  return tag_of(node) == GUMBO_TAG_MAIN || (node->type == GUMBO_NODE_ELEMENT && equals_ignoring_case(attribute(node, "role"), "main"));
}

bool is_heading(GumboTag tag) {
  return tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 || tag == GUMBO_TAG_H4 ||
         tag == GUMBO_TAG_H5 || tag == GUMBO_TAG_H6;
}

// ---------------------------------------------------------------- writing text

constexpr int kSpace = 1, kLine = 2, kBlankLine = 3;  // the breaks between pieces of text

// The break an element makes before and after its content (0: none, it is inline).
int break_of(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_LI: case GUMBO_TAG_DD: case GUMBO_TAG_DT: case GUMBO_TAG_TD: case GUMBO_TAG_TH:
    case GUMBO_TAG_OPTION:
      return kLine;
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_TABLE: case GUMBO_TAG_TR:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_DL: case GUMBO_TAG_UL: case GUMBO_TAG_OL:
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_DETAILS: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_HGROUP: case GUMBO_TAG_CENTER: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_HR: case GUMBO_TAG_BODY:
    case GUMBO_TAG_HTML: case GUMBO_TAG_CAPTION: case GUMBO_TAG_THEAD: case GUMBO_TAG_TBODY: case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_LEGEND: case GUMBO_TAG_MENU: case GUMBO_TAG_DIR: case GUMBO_TAG_LISTING: case GUMBO_TAG_XMP:
    case GUMBO_TAG_PLAINTEXT:
      return kBlankLine;
    default:
      return 0;
  }
}

bool is_html_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::size_t utf8_length(char lead) {
  const auto b = static_cast<unsigned char>(lead);
  return b < 0xC0 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
}

// Text with its source runs, written as a browser lays text out: whitespace collapsed to
// one space, breaks between blocks written only once text follows them.
class TextBuilder {
 public:
  std::string text;
  std::vector<SourceRun> runs;

  void request_break(int level) { pending_ = std::max(pending_, level); }
  void line_break() { pending_ = pending_ >= kLine ? kBlankLine : kLine; }

  // The text of one text node: `decoded` (entities decoded by the parser) read against
  // `original`, its bytes in the HTML starting at offset `base`.
  void add_text(std::string_view original, u32 base, std::string_view decoded, bool pre);

  // Text [a, b) of another builder, with its source runs.
  void append(const TextBuilder& from, std::size_t a, std::size_t b);

 private:
  // Appends bytes that came from source [s, e); a copy continuing the last run joins it.
  void put(std::string_view bytes, u32 s, u32 e) {
    if (bytes.empty()) return;
    const auto at = static_cast<u32>(text.size());
    if (bytes.size() == e - s && !runs.empty()) {
      SourceRun& last = runs.back();
      if (at - last.text == last.source_end - last.source_start && last.source_end == s) {
        last.source_end = e;
        text.append(bytes);
        return;
      }
    }
    runs.push_back({at, s, e});
    text.append(bytes);
  }

  // Writes the break that is due before visible text from source offset `at`.
  void flush(u32 at) {
    const int pending = pending_;
    pending_ = 0;
    const bool spaced = space_;
    space_ = false;
    if (text.empty() || pending == 0) return;
    std::size_t newlines = 0;
    while (newlines < 2 && newlines < text.size() && text[text.size() - 1 - newlines] == '\n') ++newlines;
    if (pending == kSpace) {
      if (newlines > 0) return;
      if (spaced) put(" ", space_start_, space_end_);
      else put(" ", at, at);
      return;
    }
    const std::size_t wanted = pending == kLine ? 1 : 2;
    if (newlines < wanted) put(std::string_view("\n\n", wanted - newlines), at, at);
  }

  void note_space(u32 s, u32 e) {
    if (!space_) {
      space_ = true;
      space_start_ = s;
    }
    space_end_ = e;
    pending_ = std::max(pending_, kSpace);
  }

  // A piece of decoded text and the source it came from (a copy when the lengths agree).
  void piece(std::string_view bytes, u32 s, u32 e, bool pre) {
    if (bytes.empty()) return;
    if (pre) {
      flush(s);
      put(bytes, s, e);
      return;
    }
    if (bytes.size() != e - s) {  // an entity or a normalised line break: one unit
      if (std::all_of(bytes.begin(), bytes.end(), is_html_space)) {
        note_space(s, e);
      } else {
        flush(s);
        put(bytes, s, e);
      }
      return;
    }
    std::size_t k = 0;
    while (k < bytes.size()) {
      if (is_html_space(bytes[k])) {
        std::size_t k2 = k + 1;
        while (k2 < bytes.size() && is_html_space(bytes[k2])) ++k2;
        note_space(s + static_cast<u32>(k), s + static_cast<u32>(k2));
        k = k2;
        continue;
      }
      std::size_t k2 = k + 1;
      while (k2 < bytes.size() && !is_html_space(bytes[k2])) ++k2;
      flush(s + static_cast<u32>(k));
      put(bytes.substr(k, k2 - k), s + static_cast<u32>(k), s + static_cast<u32>(k2));
      k = k2;
    }
  }

  int pending_ = 0;
  bool space_ = false;  // whitespace since the last visible text, from source [space_start_, space_end_)
  u32 space_start_ = 0, space_end_ = 0;
};

// A control character other than whitespace (NUL included): the parser drops it, keeps it or
// writes U+FFFD for it, as the state it is in decides.
bool is_control(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (u < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r') || u == 0x7F;
}

constexpr std::size_t kReach = 1024;  // enough to tell readings apart; bounds the work per difference

// How far original from a continues as decoded from b: the bytes they agree for (kReach + 1
// when both end or the whole reach agrees), or -1 when they disagree. Only up to the next
// character reference, carriage return or control character in the original, or a '<' that
// may open markup the parser ignored (the decoded text lacks it, or a tag name or '/' follows
// it): what follows it was decoded, normalised or skipped on its own ("&notit; &amp;" ->
// "¬it; &"); 0 when one comes first (nothing to go on). Comparing that far tells readings
// apart in repetitive text ("&notTTTTTTTT").
std::ptrdiff_t agreed_bytes(std::string_view original, std::size_t a, std::string_view decoded, std::size_t b) {
  if (a > original.size() || b > decoded.size()) return -1;
  const std::size_t n = std::min({original.size() - a, decoded.size() - b, kReach});
  if (n == 0) return original.size() == a && decoded.size() == b ? static_cast<std::ptrdiff_t>(kReach + 1) : -1;
  for (std::size_t k = 0; k < n; ++k) {
    const char o = original[a + k];
    const bool tag_like = o == '<' && (decoded[b + k] != '<' ||
                                       (a + k + 1 < original.size() &&
                                        (original[a + k + 1] == '/' || std::isalpha(static_cast<unsigned char>(original[a + k + 1])))));
    if (o == '&' || o == '\r' || is_control(o) || tag_like) return static_cast<std::ptrdiff_t>(k);
    if (o != decoded[b + k]) return -1;
  }
  return static_cast<std::ptrdiff_t>(n == kReach || (a + n == original.size() && b + n == decoded.size()) ? kReach + 1 : n);
}

enum class Agreement { agree, unknown, disagree };

Agreement agreement(std::string_view original, std::size_t a, std::string_view decoded, std::size_t b) {
  const std::ptrdiff_t bytes = agreed_bytes(original, a, decoded, b);
  return bytes < 0 ? Agreement::disagree : bytes == 0 ? Agreement::unknown : Agreement::agree;
}

// A character reference at original[i] ('&'): how far it reaches in original and in decoded
// (from j). Literal text ("AT&T", an unknown name) is a copy; a known name may have been
// decoded from a prefix ("&notit;" -> "¬it;"), found where the texts agree again.
std::pair<std::size_t, std::size_t> match_reference(std::string_view original, std::size_t i,
                                                    std::string_view decoded, std::size_t j) {
  const std::size_t n = original.size();
  auto code_points = [&](std::size_t from, int count) {
    for (int c = 0; c < count && from < decoded.size(); ++c) from += utf8_length(decoded[from]);
    return std::min(from, decoded.size());
  };
  auto literal = [&](std::size_t e) { return decoded.compare(j, e - i, original, i, e - i) == 0; };
  std::size_t e = i + 1;
  if (e < n && original[e] == '#') {
    ++e;
    const bool hex = e < n && (original[e] == 'x' || original[e] == 'X');
    if (hex) ++e;
    const std::size_t digits = e;
    while (e < n && (hex ? std::isxdigit(static_cast<unsigned char>(original[e])) : std::isdigit(static_cast<unsigned char>(original[e]))))
      ++e;
    if (e == digits) return {i + 1, code_points(j, 1)};
    if (e < n && original[e] == ';') ++e;
    if (literal(e) && agreement(original, e, decoded, j + (e - i)) != Agreement::disagree) return {e, j + (e - i)};
    return {e, code_points(j, 1)};  // a numeric reference decodes to one code point
  }
  while (e < n && e - i <= 40 && std::isalnum(static_cast<unsigned char>(original[e]))) ++e;
  if (e == i + 1) return {i + 1, code_points(j, 1)};
  if (e < n && original[e] == ';') ++e;
  if (literal(e) && agreement(original, e, decoded, j + (e - i)) != Agreement::disagree) return {e, j + (e - i)};
  const std::size_t one = code_points(j, 1);
  // The whole name decoded, or a prefix of it ("&notit;" -> "¬it;"): the reading after which
  // the texts agree longest (in repetitive text several agree for a while: "&notTTTT").
  std::pair<std::size_t, std::size_t> best{0, 0};
  std::ptrdiff_t best_bytes = 0;
  for (std::size_t e2 = e; e2 >= i + 2; --e2)
    for (int k = 1; k <= 2; ++k) {
      const std::size_t d = code_points(j, k);
      const std::ptrdiff_t bytes = agreed_bytes(original, e2, decoded, d);
      if (bytes > best_bytes) best_bytes = bytes, best = {e2, d};
    }
  if (best_bytes > 0) return best;
  if (literal(e)) return {e, j + (e - i)};
  return {e, one};  // another reference follows at once ("&amp;&amp;"), or nothing agrees
}

// A run of control characters at original[i] and what it became at decoded[j]: some of them
// kept, some replaced by U+FFFD, some dropped. The run maps as a whole to the longest stretch
// of kept characters and U+FFFD after which the texts agree again.
std::pair<std::size_t, std::size_t> match_controls(std::string_view original, std::size_t i,
                                                   std::string_view decoded, std::size_t j) {
  std::size_t i2 = i;
  while (i2 < original.size() && is_control(original[i2])) ++i2;
  std::vector<std::size_t> ends{j};  // where the decoded stretch may end
  for (std::size_t k = j; ends.size() <= 2 * (i2 - i);) {
    if (decoded.compare(k, 3, "\xEF\xBF\xBD") == 0) k += 3;
    else if (k < decoded.size() && is_control(decoded[k])) k += 1;
    else break;
    ends.push_back(k);
  }
  // In body text the parser drops NUL and writes U+FFFD for the others: try that first, as a
  // literal U+FFFD after the run would agree with more than one reading.
  const std::size_t others = static_cast<std::size_t>(std::count_if(original.begin() + static_cast<std::ptrdiff_t>(i),
                                                                     original.begin() + static_cast<std::ptrdiff_t>(i2),
                                                                     [](char c) { return c != '\0'; }));
  auto alike = [&](std::size_t end) { return agreement(original, i2, decoded, end) == Agreement::agree; };
  if (others < ends.size() && alike(ends[others])) return {i2, ends[others]};
  for (std::size_t e = ends.size(); e-- > 0;)
    if (alike(ends[e])) return {i2, ends[e]};
  return {i2, ends[std::min(ends.size() - 1, others)]};
}

// Where original from i and decoded from j agree again after a difference no rule explains
// (an earlier reading of an ambiguous stretch may have been wrong): the nearest pair of
// positions, at most kResyncReach bytes on, from which the texts agree. Without one, one
// code point for one.
std::pair<std::size_t, std::size_t> resync(std::string_view original, std::size_t i, std::string_view decoded,
                                           std::size_t j) {
  constexpr std::size_t kResyncReach = 16;
  for (std::size_t total = 1; total <= kResyncReach; ++total)
    for (std::size_t di = 0; di <= total; ++di) {
      const std::size_t dj = total - di;
      if (i + di > original.size() || j + dj > decoded.size()) continue;
      if (agreement(original, i + di, decoded, j + dj) == Agreement::agree) return {i + di, j + dj};
    }
  return {i + utf8_length(original[i]), j + utf8_length(decoded[j])};
}

void TextBuilder::add_text(std::string_view original, u32 base, std::string_view decoded, bool pre) {
  std::size_t i = 0, j = 0;          // original, decoded
  std::size_t copy_i = 0, copy_j = 0;  // where the current copied stretch starts
  auto end_copy = [&] {
    if (j > copy_j) piece(decoded.substr(copy_j, j - copy_j), base + static_cast<u32>(copy_i), base + static_cast<u32>(i), pre);
  };
  while (j < decoded.size()) {
    if (i >= original.size()) {
      end_copy();
      const auto end = base + static_cast<u32>(original.size());
      piece(decoded.substr(j), end, end, pre);
      return;
    }
    const char o = original[i], d = decoded[j];
    // A '<' that opens markup the parser ignored ("</body>" before a literal "<") is not the
    // decoded '<': the texts part right after it.
    const bool ignored_tag = o == '<' && i + 1 < original.size() && j + 1 <= decoded.size() &&
                             (original[i + 1] == '/' || std::isalpha(static_cast<unsigned char>(original[i + 1]))) &&
                             (j + 1 == decoded.size() || original[i + 1] != decoded[j + 1]);
    if (o == d && o != '&' && o != '\r' && !ignored_tag) {
      ++i, ++j;
      continue;
    }
    end_copy();
    if (o == '<') {  // markup the parser ignored inside a text node (a stray end tag): no text
      const std::size_t gt = original.find('>', i + 1);
      i = copy_i = gt == std::string_view::npos ? original.size() : gt + 1;
      copy_j = j;
      continue;
    }
    std::size_t i2 = i + 1, j2 = j + 1;  // original [i, i2) became decoded [j, j2)
    if (o == '\r' && d == '\n') {       // CR LF and CR are read as LF
      if (i2 < original.size() && original[i2] == '\n') ++i2;
    } else if (o == '&') {
      std::tie(i2, j2) = match_reference(original, i, decoded, j);
    } else if (is_control(o)) {
      std::tie(i2, j2) = match_controls(original, i, decoded, j);
    } else {  // any other difference: to where the texts agree again, else one code point for one
      std::tie(i2, j2) = resync(original, i, decoded, j);
    }
    i2 = std::min(i2, original.size());
    j2 = std::min(j2, decoded.size());
    piece(decoded.substr(j, j2 - j), base + static_cast<u32>(i), base + static_cast<u32>(i2), pre);
    i = copy_i = i2;
    j = copy_j = j2;
  }
  end_copy();
}

void TextBuilder::append(const TextBuilder& from, std::size_t a, std::size_t b) {
  if (a >= b) return;
  auto run = std::upper_bound(from.runs.begin(), from.runs.end(), a,
                              [](std::size_t o, const SourceRun& r) { return o < r.text; });
  if (run != from.runs.begin()) --run;
  for (; run != from.runs.end() && run->text < b; ++run) {
    const std::size_t next = run + 1 != from.runs.end() ? (run + 1)->text : from.text.size();
    const std::size_t t0 = std::max<std::size_t>(run->text, a), t1 = std::min(next, b);
    if (t0 >= t1) continue;
    u32 s = run->source_start, e = run->source_end;
    if (next - run->text == e - s) {  // a copy: cut its source as its text
      s = run->source_start + static_cast<u32>(t0 - run->text);
      e = s + static_cast<u32>(t1 - t0);
    }
    flush(s);
    put(std::string_view(from.text).substr(t0, t1 - t0), s, e);
  }
}

// ---------------------------------------------------------------- choosing the content

struct Measured {
  const GumboNode* node = nullptr;
  std::size_t bytes = 0;  // visible text in it
  bool has_h1 = false;
};

struct PageOutline {
  Measured page, main;
  std::vector<Measured> articles;
  const GumboNode* title = nullptr;
};

// One pass over the page (iterative: nesting depth is unbounded) measuring the text of the
// page, its <article>s and its <main>.
PageOutline outline(const GumboNode* root) {
  PageOutline out;
  struct Frame {
    Measured m;
    unsigned next;
  };
  std::vector<Frame> stack{{{root, 0, false}, 0}};  // has_h1: an h1 with text inside
  while (!stack.empty()) {
    Frame& top = stack.back();
    const GumboVector* children = children_of(top.m.node);
    if (children != nullptr && top.next < children->length) {
      const auto* child = static_cast<const GumboNode*>(children->data[top.next++]);
      if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_CDATA) {
        top.m.bytes += std::strlen(child->v.text.text);
      } else if (child->type == GUMBO_NODE_ELEMENT) {
        if (tag_of(child) == GUMBO_TAG_HEAD && out.title == nullptr) {
          for (unsigned k = 0; k < child->v.element.children.length; ++k) {
            const auto* c = static_cast<const GumboNode*>(child->v.element.children.data[k]);
            if (tag_of(c) == GUMBO_TAG_TITLE) { out.title = c; break; }
          }
        }
        if (!is_dropped(child)) stack.push_back({{child, 0, false}, 0});
      }
      continue;
    }
    Measured done = top.m;
    stack.pop_back();
    done.has_h1 = done.has_h1 || (tag_of(done.node) == GUMBO_TAG_H1 && done.bytes > 0);  // not a logo-only h1
    if (tag_of(done.node) == GUMBO_TAG_ARTICLE) out.articles.push_back(done);
    if (is_main(done.node) && out.main.node == nullptr) out.main = done;
    if (stack.empty()) {
      out.page = done;
    } else {
      stack.back().m.bytes += done.bytes;
      stack.back().m.has_h1 = stack.back().m.has_h1 || done.has_h1;
    }
  }
  return out;
}

Measured choose_content(const PageOutline& page) {
  const Measured* best = nullptr;
  for (const Measured& a : page.articles)
    if (best == nullptr || a.bytes > best->bytes) best = &a;
  if (best != nullptr && best->bytes > 0 && best->bytes * 3 >= page.page.bytes) return *best;
  if (page.main.node != nullptr && page.main.bytes > 0) return page.main;
  return page.page;
}

// ---------------------------------------------------------------- the walk

struct Walker {
  std::string_view html;
  TextBuilder out;
  std::vector<TextSpan> headings, links;
  std::vector<std::pair<TextSpan, BoilerplateKind>> furniture;
  std::optional<TextSpan> first_h1;
  int pre = 0;

  void text_node(const GumboNode* node, bool keep_spaces) {
    const GumboText& t = node->v.text;
    std::string_view decoded(t.text);
    std::string repaired;  // gumbo writes a lone byte for some huge numeric references ("&#xcccccccc;")
    if (find_invalid_utf8(decoded) != std::string_view::npos) {
      repaired = replace_invalid_utf8(decoded);
      decoded = repaired;
    }
    std::string_view original(t.original_text.data, t.original_text.length);
    u32 base = static_cast<u32>(std::min<std::size_t>(t.start_pos.offset, html.size()));
    if (original.data() >= html.data() && original.data() + original.size() <= html.data() + html.size())
      base = static_cast<u32>(original.data() - html.data());
    else
      original = std::string_view();  // not from the input: the whole text maps to its start
    out.add_text(original, base, decoded, keep_spaces);
  }

  void walk(const GumboNode* root) {
    struct Frame {
      const GumboNode* node;
      unsigned next;
      u32 start;  // text size when the element opened
    };
    std::vector<Frame> stack;
    auto enter = [&](const GumboNode* node) {
      const GumboTag tag = tag_of(node);
      if (tag == GUMBO_TAG_BR) { out.line_break(); return; }
      if (int level = break_of(tag)) out.request_break(level);
      if (tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_LISTING || tag == GUMBO_TAG_PLAINTEXT) ++pre;
      stack.push_back({node, 0, static_cast<u32>(out.text.size())});
    };
    enter(root);
    while (!stack.empty()) {
      Frame& top = stack.back();
      const GumboVector* children = children_of(top.node);
      if (children != nullptr && top.next < children->length) {
        const auto* child = static_cast<const GumboNode*>(children->data[top.next++]);
        if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE || child->type == GUMBO_NODE_CDATA)
          text_node(child, pre > 0);
        else if (child->type == GUMBO_NODE_ELEMENT && !is_dropped(child))
          enter(child);
        continue;
      }
      const Frame done = top;
      stack.pop_back();
      const GumboTag tag = tag_of(done.node);
      const TextSpan span{done.start, static_cast<u32>(out.text.size())};
      if (int level = break_of(tag)) out.request_break(level);
      if (tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_LISTING || tag == GUMBO_TAG_PLAINTEXT) --pre;
      if (span.start < span.end) {
        if (is_heading(tag)) headings.push_back(span);
        if (tag == GUMBO_TAG_H1 && !first_h1) first_h1 = span;
        if (tag == GUMBO_TAG_A) links.push_back(span);
        if (const BoilerplateKind kind = markup_furniture(done.node); kind != BoilerplateKind::none)
          furniture.emplace_back(span, kind);
      }
    }
  }
};

// ---------------------------------------------------------------- the headline

std::size_t count_words(std::string_view s) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    const bool space = c == ' ';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// Four hex digits at text[i], or -1.
long hex4(std::string_view text, std::size_t i) {
  if (i + 4 > text.size()) return -1;
  long value = 0;
  for (std::size_t k = i; k < i + 4; ++k) {
    const int digit = std::isxdigit(static_cast<unsigned char>(text[k]))
                          ? (std::isdigit(static_cast<unsigned char>(text[k])) ? text[k] - '0'
                                                                               : (std::tolower(text[k]) - 'a' + 10))
                          : -1;
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

// The JSON string value that starts at text[i] ('"'), unescaped (\uXXXX as UTF-8, a lone
// surrogate as U+FFFD, "\n" and the like as the character); empty when there is none.
std::string json_string_at(std::string_view text, std::size_t i) {
  std::string out;
  if (i >= text.size() || text[i] != '"') return out;
  for (++i; i < text.size() && text[i] != '"'; ++i) {
    if (text[i] != '\\' || i + 1 >= text.size()) {
      out += text[i];
      continue;
    }
    const char e = text[++i];
    const long unit = e == 'u' ? hex4(text, i + 1) : -1;
    if (unit < 0) {
      out += e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e;  // "\"", "\\", "\/" as themselves
      continue;
    }
    i += 4;
    char32_t c = static_cast<char32_t>(unit);
    if (unit >= 0xD800 && unit <= 0xDBFF && i + 2 < text.size() && text[i + 1] == '\\' && text[i + 2] == 'u') {
      const long low = hex4(text, i + 3);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        c = 0x10000 + ((static_cast<char32_t>(unit) - 0xD800) << 10) + (static_cast<char32_t>(low) - 0xDC00);
        i += 6;
      }
    }
    append_utf8(out, c >= 0xD800 && c <= 0xDFFF ? U'\uFFFD' : c);
  }
  return out;
}

// The publisher's name in JSON-LD: "publisher": "Name" or "publisher": {... "name": "Name" ...}.
std::string json_ld_publisher(std::string_view json) {
  constexpr std::size_t kObjectReach = 400;  // the name comes early in a publisher object
  const std::size_t key = json.find("\"publisher\"");
  if (key == std::string_view::npos) return {};
  std::size_t i = key + 11;
  while (i < json.size() && (std::isspace(static_cast<unsigned char>(json[i])) || json[i] == ':')) ++i;
  if (i < json.size() && json[i] == '"') return json_string_at(json, i);
  if (i >= json.size() || json[i] != '{') return {};
  const std::string_view object = json.substr(i, kObjectReach);
  const std::size_t name = object.find("\"name\"");
  if (name == std::string_view::npos) return {};
  std::size_t j = name + 6;
  while (j < object.size() && (std::isspace(static_cast<unsigned char>(object[j])) || object[j] == ':')) ++j;
  return json_string_at(object, j);
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// What the page says the site is called, ASCII-lowercased: its og:site_name meta and its
// JSON-LD publisher (names), and its copyright lines ("© 2024
// The Daily Courier"; footers are dropped from the text but still name the site). A few are
// enough.
struct SiteNames {
  std::vector<std::string> names, copyrights;
};

SiteNames site_names(const GumboNode* root) {
  constexpr std::size_t kMaxNames = 16, kMaxBytes = 400;
  SiteNames out;
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty() && out.names.size() + out.copyrights.size() < kMaxNames) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node->type == GUMBO_NODE_TEXT) {
      const std::string_view text = node->v.text.text;
      if (text.size() <= kMaxBytes && text.find("\xC2\xA9") != std::string_view::npos)
        out.copyrights.push_back(ascii_lower(text));
      continue;
    }
    const GumboTag tag = tag_of(node);
    if (tag == GUMBO_TAG_META) {
      const std::string_view name = has_attribute(node, "property") ? attribute(node, "property") : attribute(node, "name");
      if (equals_ignoring_case(name, "og:site_name"))  // application-name holds headlines on some sites
        out.names.push_back(ascii_lower(attribute(node, "content").substr(0, kMaxBytes)));
      continue;
    }
    if (tag == GUMBO_TAG_SCRIPT) {
      const GumboVector& kids = node->v.element.children;
      if (equals_ignoring_case(attribute(node, "type"), "application/ld+json") && kids.length > 0) {
        const auto* text = static_cast<const GumboNode*>(kids.data[0]);
        if (text->type == GUMBO_NODE_TEXT || text->type == GUMBO_NODE_CDATA) {
          const std::string publisher = json_ld_publisher(text->v.text.text);
          if (!publisher.empty()) out.names.push_back(ascii_lower(publisher));
        }
      }
      continue;
    }
    if (tag == GUMBO_TAG_STYLE) continue;
    const GumboVector* children = children_of(node);
    if (children == nullptr) continue;
    for (unsigned k = children->length; k-- > 0;) stack.push_back(static_cast<const GumboNode*>(children->data[k]));
  }
  return out;
}

// Is this title the site's name (a page without a headline often has only that)? It is when
// og:site_name or the JSON-LD publisher names it, or it follows a copyright sign ("© 2024 Title").
bool names_the_site(std::string_view title, const SiteNames& site) {
  constexpr std::size_t kCopyrightReach = 16;  // "© 2024 ", "Copyright © 2003-2024 "
  if (title.empty()) return false;
  const std::string lower = ascii_lower(title);
  if (std::any_of(site.names.begin(), site.names.end(), [&](const std::string& name) { return name == lower; }))
    return true;
  return std::any_of(site.copyrights.begin(), site.copyrights.end(), [&](const std::string& text) {
    const std::size_t at = text.find(lower);
    if (at == std::string::npos) return false;
    const std::size_t sign = text.rfind("\xC2\xA9", at);
    return sign != std::string::npos && at - sign <= kCopyrightReach;
  });
}

// The title without the site's name: "Storm hits coast - BBC News" -> "Storm hits coast",
// "Site | Storm hits coast" -> "Storm hits coast". The title is collapsed text (single spaces).
std::pair<std::size_t, std::size_t> title_without_site(std::string_view title) {
  static const std::string_view separators[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ",
                                                " \xC2\xB7 ", " \xE2\x80\xA2 ", " \xC2\xBB "};
  std::size_t a = 0, b = title.size();
  for (int round = 0; round < 2; ++round) {
    const std::string_view t = title.substr(a, b - a);
    std::size_t last = std::string_view::npos, last_len = 0, first = std::string_view::npos, first_len = 0;
    for (std::string_view sep : separators) {
      const std::size_t l = t.rfind(sep), f = t.find(sep);
      if (l != std::string_view::npos && (last == std::string_view::npos || l > last)) last = l, last_len = sep.size();
      if (f != std::string_view::npos && (first == std::string_view::npos || f < first)) first = f, first_len = sep.size();
    }
    if (last == std::string_view::npos) break;
    const std::size_t head_words = count_words(t.substr(0, last)), tail_words = count_words(t.substr(last + last_len));
    if (tail_words <= 4 && head_words >= tail_words) {
      b = a + last;
      continue;
    }
    const std::size_t lead_words = count_words(t.substr(0, first)), rest_words = count_words(t.substr(first + first_len));
    if (lead_words <= 3 && rest_words > lead_words) {
      a = a + first + first_len;
      continue;
    }
    break;
  }
  return {a, b};
}

TextSpan trimmed(std::string_view text, TextSpan s) {
  while (s.start < s.end && is_html_space(text[s.start])) ++s.start;
  while (s.end > s.start && is_html_space(text[s.end - 1])) --s.end;
  return s;
}

// Where the elements that stay open (not void, not closed by their next sibling as p and li
// are) first nest deeper than `limit`, or npos. A cheap scan of the tags, no parse: gumbo
// checks the stack of open elements at every block tag, so a page nested ten thousand
// levels deep costs it seconds, and a hundred thousand levels minutes.
// Where a page is too costly for the parser, found by a scan of its tags: elements left open
// more than `limit` deep (gumbo's time grows with the square of the depth), or formatting
// elements (b, i, font, ...) left open while many more tags follow (gumbo reopens every open
// one at each new block: time and memory grow with their product).
struct ParseCost {
  std::size_t offset = std::string_view::npos;  // npos: fine to parse
  bool formatting = false;                      // the second reason, not the depth
};

ParseCost parse_cost(std::string_view html, std::size_t limit) {
  static const std::string_view flat[] = {"p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th",
                                          "thead", "tbody", "tfoot", "caption", "colgroup", "rb", "rt",
                                          "rp", "html", "head", "body", "area", "base", "br", "col", "embed",
                                          "hr", "img", "input", "link", "meta", "param", "source", "track",
                                          "wbr", "keygen", "basefont", "bgsound", "frame", "image"};
  static const std::string_view raw[] = {"script", "style", "textarea", "title", "xmp", "iframe",
                                         "noembed", "noframes", "noscript"};
  static const std::string_view formatting_tags[] = {"a", "b", "big", "code", "em", "font", "i", "nobr",
                                                     "s", "small", "strike", "strong", "tt", "u"};
  auto is_formatting = [](const std::string& n) {
    return std::find(std::begin(formatting_tags), std::end(formatting_tags), n) != std::end(formatting_tags);
  };
  const std::size_t budget = 16 * html.size() + 1000000;  // reopened elements the parser may make
  std::size_t depth = 0, formatting = 0, work = 0;
  std::unordered_map<std::string, std::size_t> open;  // open elements by name
  std::string name;
  for (std::size_t i = html.find('<'); i != std::string_view::npos; i = html.find('<', i + 1)) {
    if (html.compare(i, 4, "<!--") == 0) {
      const std::size_t end = html.find("-->", i + 4);
      if (end == std::string_view::npos) break;
      i = end + 2;
      continue;
    }
    const bool closing = i + 1 < html.size() && html[i + 1] == '/';
    std::size_t k = i + 1 + closing;
    name.clear();
    while (k < html.size() && name.size() < 16 && std::isalnum(static_cast<unsigned char>(html[k])))
      name += static_cast<char>(std::tolower(static_cast<unsigned char>(html[k++])));
    if (name.empty() || !std::isalpha(static_cast<unsigned char>(name[0]))) continue;
    if (!closing && (work += formatting) > budget) return {i, true};
    if (std::find(std::begin(flat), std::end(flat), name) != std::end(flat)) continue;
    if (closing) {  // an end tag with no open element of its name is ignored, as the parser does
      auto it = open.find(name);
      if (it != open.end() && it->second > 0) {
        --it->second, --depth;
        if (is_formatting(name)) --formatting;
      }
      continue;
    }
    if (++depth > limit) return {i, false};
    ++open[name];
    if (is_formatting(name)) ++formatting;
    if (std::find(std::begin(raw), std::end(raw), name) != std::end(raw)) {
      // Script, style, ...: their content is text up to the end tag, whatever '<' it holds.
      std::size_t j = i;
      while ((j = html.find("</", j + 1)) != std::string_view::npos) {
        std::size_t n = 0;
        while (n < name.size() && j + 2 + n < html.size() &&
               std::tolower(static_cast<unsigned char>(html[j + 2 + n])) == name[n])
          ++n;
        if (n == name.size()) break;
      }
      if (j == std::string_view::npos) break;
      i = j - 1;  // the loop finds the end tag next
    }
  }
  return {};
}

}  // namespace

bool looks_like_html(std::string_view text) {
  std::size_t i = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  auto skip_space = [&] {
    while (i < text.size() && is_html_space(text[i])) ++i;
  };
  skip_space();
  if (text.compare(i, 5, "<?xml") == 0) {  // XHTML: an XML declaration, then the document
    const std::size_t end = text.find("?>", i);
    if (end == std::string_view::npos || end - i > 512) return false;
    i = end + 2;
    skip_space();
  }
  if (i >= text.size() || text[i] != '<') return false;
  const std::string_view rest = text.substr(i + 1);
  if (rest.substr(0, 3) == "!--") return true;
  if (equals_ignoring_case(rest.substr(0, 8), "!doctype")) return true;
  std::size_t n = 0;
  while (n < rest.size() && n < 16 && std::isalnum(static_cast<unsigned char>(rest[n]))) ++n;
  if (n == 0 || n == rest.size() || n == 16) return false;
  const char after = rest[n];
  if (after != '>' && after != '/' && !is_html_space(after)) return false;
  return gumbo_tagn_enum(rest.data(), static_cast<unsigned>(n)) != GUMBO_TAG_UNKNOWN;
}

HtmlText html_to_text(std::string_view html) {
  HtmlText result;
  if (html.empty()) return result;
  const ParseCost cost = parse_cost(html, max_html_depth());
  if (cost.offset != std::string_view::npos && !cost.formatting)
    throw std::invalid_argument("the HTML nests elements more than " + std::to_string(max_html_depth()) +
                                " deep (at byte offset " + std::to_string(cost.offset) +
                                "); read it as plain text (format \"text\") or flatten it");
  if (cost.offset != std::string_view::npos)
    throw std::invalid_argument("the HTML leaves too many formatting elements (b, i, font, ...) open "
                                "before the tags that follow them (at byte offset " + std::to_string(cost.offset) +
                                "); read it as plain text (format \"text\") or close them");
  ParseArena arena;
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = &ParseArena::allocate;
  options.deallocator = &ParseArena::deallocate;
  options.userdata = &arena;
  options.max_errors = 0;  // parse errors are not needed: record none
  // Never destroyed with gumbo_destroy_output (recursive): the arena frees the tree.
  // A byte order mark is no text (browsers drop it before parsing); offsets stay those of html.
  const std::size_t bom = html.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  const GumboOutput* parsed = gumbo_parse_with_options(&options, html.data() + bom, html.size() - bom);

  const PageOutline page = outline(parsed->root);
  const Measured content = choose_content(page);

  Walker body{html, {}, {}, {}, {}, {}, 0};
  body.walk(content.node);

  // The headline: the content's h1, else the page title (unless the content opens with it).
  Walker title{html, {}, {}, {}, {}, {}, 0};
  if (page.title != nullptr && !content.has_h1) {
    const GumboVector& kids = page.title->v.element.children;
    for (unsigned k = 0; k < kids.length; ++k) {
      const auto* c = static_cast<const GumboNode*>(kids.data[k]);
      if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_WHITESPACE) title.text_node(c, false);
    }
  }
  const std::string& t = title.out.text;
  const auto [ta, tb] = title_without_site(t);
  std::string_view head = std::string_view(t).substr(ta, tb - ta);
  // A page without a headline often has only the site's name for a title ("Daily Courier").
  if (!head.empty() && names_the_site(head, site_names(parsed->root))) head = {};
  const std::string_view first_line = std::string_view(body.out.text).substr(0, body.out.text.find('\n'));
  const bool prepend = !head.empty() && !equals_ignoring_case(head, first_line);

  u32 shift = 0;
  if (prepend) {
    TextBuilder joined;  // title, blank line, content
    joined.append(title.out, ta, tb);
    result.headline = TextSpan{0, static_cast<u32>(joined.text.size())};
    result.headings.push_back(*result.headline);
    joined.request_break(kBlankLine);
    joined.append(body.out, 0, body.out.text.size());
    shift = static_cast<u32>(joined.text.size() - body.out.text.size());
    result.text = std::move(joined.text);
    result.runs = std::move(joined.runs);
  } else {
    if (body.first_h1) result.headline = trimmed(body.out.text, *body.first_h1);
    else if (!head.empty() && !first_line.empty())
      result.headline = TextSpan{0, static_cast<u32>(first_line.size())};
    result.text = std::move(body.out.text);
    result.runs = std::move(body.out.runs);
  }
  for (TextSpan s : body.headings) {
    s = trimmed(result.text, {s.start + shift, s.end + shift});
    if (s.start < s.end) result.headings.push_back(s);
  }
  for (TextSpan s : body.links) {
    s = trimmed(result.text, {s.start + shift, s.end + shift});
    if (s.start < s.end) result.links.push_back(s);
  }
  for (auto [s, kind] : body.furniture) {
    s = trimmed(result.text, {s.start + shift, s.end + shift});
    const bool holds_headline = result.headline && s.start <= result.headline->start && result.headline->end <= s.end;
    if (s.start < s.end && !holds_headline && 2 * (s.end - s.start) <= result.text.size())
      result.furniture.emplace_back(s, kind);
  }
  auto by_start = [](const TextSpan& x, const TextSpan& y) { return x.start < y.start || (x.start == y.start && x.end < y.end); };
  std::sort(result.headings.begin(), result.headings.end(), by_start);
  std::sort(result.links.begin(), result.links.end(), by_start);
  return result;
}

}  // namespace synopsis
