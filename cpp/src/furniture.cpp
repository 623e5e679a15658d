// Page furniture: the consent banners, sign-up prompts, reader comments, share bars,
// advertisement markers, related-story lists, bylines, datelines, captions and footers that
// scraped news carries around the article.
//
// Each paragraph is judged on its own shape (length, terminal punctuation, capitals, a handle
// at its start, a relative time, a date, a count in brackets, a copyright sign), on link
// density when the input was HTML, and on per-language cue words (cpp/data/furniture/). A cue
// word alone never decides: a short line must consist mostly of cues, a longer paragraph must
// be dense in them and speak to the reader, and cues inside quotation marks or reported speech
// do not count, so that an article about cookies keeps its prose.
#include <algorithm>
#include <array>
#include <iterator>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "embedded_data.hpp"
#include "segment_internal.hpp"

namespace synopsis::segmentation {
namespace {

// Cue classes: the furniture kinds that cues point to, then helper classes.
enum Cue : std::uint8_t {
  consent, subscription, comment, share, advertisement, related, byline, dateline, caption, footer,
  navigation, reader, site, unit, ago, date, reported, role, kCueClasses
};
constexpr std::size_t kFurnitureClasses = navigation + 1;

constexpr const char* kCueNames[kCueClasses] = {
    "consent", "subscription", "comment", "share", "advertisement", "related", "byline", "dateline",
    "caption", "footer", "navigation", "reader", "site", "unit", "ago", "date", "reported", "role"};

constexpr BoilerplateKind kKindOf[kFurnitureClasses] = {
    BoilerplateKind::consent, BoilerplateKind::subscription, BoilerplateKind::comment,
    BoilerplateKind::share, BoilerplateKind::advertisement, BoilerplateKind::related,
    BoilerplateKind::byline, BoilerplateKind::dateline, BoilerplateKind::caption,
    BoilerplateKind::footer, BoilerplateKind::navigation};

constexpr std::size_t kShortLineWords = 8;     // furniture lines: "Accept all cookies", "Reply"
constexpr std::size_t kMaxBylineWords = 14;    // "By Jane Smith and John Doe, BBC News"
constexpr std::size_t kMaxRoleWords = 5;       // "Jane Smith, correspondent in Brussels"
constexpr std::size_t kMaxDatelineWords = 14;  // "Last updated on Tuesday 12 March 2024, 14:05 GMT"
constexpr std::size_t kMaxCaptionWords = 60;   // a caption is one or two sentences
constexpr std::size_t kMaxCreditWords = 8;
constexpr std::size_t kShortCaptionWords = 12;  // "Photo d'archives prise l'an dernier."     // "Photo: Thomas Samson / AFP"
constexpr std::size_t kMaxCountWordBytes = 10;  // a count in words: "an", "einer", "une", "одну"
constexpr std::size_t kCommentBodies = 4;      // paragraphs of text after a comment's handle line
constexpr std::size_t kMaxCommentWords = 80;   // a longer paragraph ends the comment section
constexpr std::size_t kBannerTitleWords = 6;   // "Your privacy choices", "Ihre Privatsphäre ist uns wichtig"
constexpr std::size_t kBoxLines = 4;           // lines of a sign-up box on each side of its field
constexpr std::size_t kBoxLineWords = 20;      // "Sign up for free to receive breaking news alerts."
constexpr std::size_t kBoxLabelWords = 5;
constexpr std::size_t kBoxCueWords = 3;        // "See subscription options"
constexpr std::size_t kBoxPromptWords = 6;     // "Get alerts" is a button, "Sign up for free to ..." a prompt      // "The Morning Briefing", "Don't miss a thing"
constexpr std::size_t kBannerControls = 4;     // "Accept all", "Reject all", "Manage preferences", "OK"
constexpr std::size_t kMetaWords = 4;          // "sarah1984 · yesterday", "John_D wrote:", "Show more replies"
constexpr std::size_t kTimeWords = 5;          // "il y a 12 minutes"
constexpr std::size_t kMetaLineWords = 8;      // "Posted by Helen M. 2 hours ago"

struct CuePhrase {
  std::vector<std::string> words;  // casefolded; a trailing '*' marks a prefix
  Cue cls;
};

struct Lexicon {
  std::vector<CuePhrase> cues;
  std::unordered_map<std::string, std::vector<std::uint32_t>> by_first;  // exact first word
  std::vector<std::uint32_t> prefix_first;                              // first word is a prefix
};

bool word_matches(std::string_view cue, std::string_view term) {
  if (!cue.empty() && cue.back() == '*') {
    cue.remove_suffix(1);
    return term.size() >= cue.size() && term.compare(0, cue.size(), cue) == 0;
  }
  return cue == term;
}

void add_cues(Lexicon& lex, std::string_view file) {
  for (std::string_view line : detail::embedded_lines(file)) {
    const std::size_t space = line.find(' ');
    if (space == std::string_view::npos) continue;
    const std::string_view name = line.substr(0, space);
    std::size_t cls = 0;
    while (cls < kCueClasses && name != kCueNames[cls]) ++cls;
    if (cls == kCueClasses) continue;
    CuePhrase cue{{}, static_cast<Cue>(cls)};
    std::string_view rest = line.substr(space + 1);
    while (!rest.empty()) {
      const std::size_t end = std::min(rest.find(' '), rest.size());
      if (end > 0) cue.words.push_back(lowercase(rest.substr(0, end)));
      rest.remove_prefix(std::min(end + 1, rest.size()));
    }
    if (cue.words.empty()) continue;
    const auto id = static_cast<std::uint32_t>(lex.cues.size());
    if (cue.words[0].back() == '*') lex.prefix_first.push_back(id);
    else lex.by_first[cue.words[0]].push_back(id);
    lex.cues.push_back(std::move(cue));
  }
}

// Languages with cue files (cpp/data/furniture/<code>.txt).
constexpr const char* kCueLanguages[] = {"en", "de", "fr", "es", "ru"};

// The cues of the given languages, loaded once per combination.
const Lexicon& lexicon(const std::vector<std::string>& codes) {
  static std::mutex mutex;
  static std::unordered_map<std::string, std::unique_ptr<Lexicon>> cache;
  std::string key;
  for (const std::string& code : codes) key += code + ' ';
  std::lock_guard<std::mutex> lock(mutex);
  auto& slot = cache[key];
  if (!slot) {
    slot = std::make_unique<Lexicon>();
    for (const std::string& code : codes) add_cues(*slot, "furniture/" + code + ".txt");
  }
  return *slot;
}

// Mostly Cyrillic letters (UTF-8 lead bytes 0xD0-0xD3 against ASCII letters).
bool mostly_cyrillic(std::string_view text) {
  std::size_t cyrillic = 0, latin = 0;
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    cyrillic += c >= 0xD0 && c <= 0xD3;
    latin += std::isalpha(c) != 0;
  }
  return cyrillic > latin;
}

// The languages the page's furniture is written in: the document's, English (pages in every
// language carry English furniture: "Cookie", "Share", "Newsletter"), and any other language
// with cues in which at least two paragraphs are written, as when an aggregator wraps wire
// copy in its own language's banners, menus and comments. A paragraph is written in a
// language when that language's stopwords (those that are not the document language's) are
// at least two and outnumber the document language's (an English article that mentions
// "war", "die" or "son" stays English), or when it is written in Russian's script. A short
// line with one such stopword and none of the document language's ("Lire aussi : ... ce
// week-end") leans to the language: with one written in it, two paragraphs will do.
// For every stopword of the cue languages, the languages it is a stopword of (bit i:
// kCueLanguages[i]): one lookup per term tells all of them.
const std::unordered_map<std::string_view, std::uint8_t>& cue_language_stopwords() {
  static const std::unordered_map<std::string_view, std::uint8_t> table = [] {
    std::unordered_map<std::string_view, std::uint8_t> t;
    for (std::size_t i = 0; i < std::size(kCueLanguages); ++i)
      for (const std::string& word : language_resources(kCueLanguages[i]).stopwords)
        t[word] |= static_cast<std::uint8_t>(1u << i);  // the cached resources live as long as the process
    return t;
  }();
  return table;
}

std::vector<std::string> furniture_languages(const Document& doc, const LanguageResources& lang) {
  std::vector<std::string> codes{lang.code};
  if (lang.code != "en") codes.push_back("en");
  // Per term: a stopword of the document's language (the tokens' flag), and of which cue languages.
  std::vector<std::uint8_t> own(doc.terms.size(), 0), foreign_in(doc.terms.size(), 0);
  for (const Token& tok : doc.tokens)
    if (tok.is_stopword) own[tok.term] = 1;
  const auto& table = cue_language_stopwords();
  for (std::size_t t = 0; t < doc.terms.size(); ++t) {
    if (own[t]) continue;
    const auto it = table.find(doc.terms[t]);
    if (it != table.end()) foreign_in[t] = it->second;
  }
  for (std::size_t i = 0; i < std::size(kCueLanguages); ++i) {
    const char* code = kCueLanguages[i];
    if (std::find(codes.begin(), codes.end(), code) != codes.end()) continue;
    // Menus and buttons have few stopwords; in another script they tell their language alone.
    const bool cyrillic = std::string_view(code) == "ru" && lang.code != "ru" && lang.code != "uk" &&
                          lang.code != "bg" && lang.code != "sr" && lang.code != "be" && lang.code != "mk";
    const std::uint8_t bit = static_cast<std::uint8_t>(1u << i);
    int paragraphs = 0, leaning = 0;
    for (const Paragraph& para : doc.paragraphs) {
      std::size_t foreign = 0, own_words = 0;
      for (std::uint32_t t = doc.sentences[para.sentence_begin].token_begin;
           t < doc.sentences[para.sentence_end - 1].token_end; ++t) {
        const std::uint32_t term = doc.tokens[t].term;
        own_words += own[term];
        foreign += (foreign_in[term] & bit) != 0;  // a stopword of the other language only
      }
      const bool in_script = cyrillic && mostly_cyrillic(doc.span(para.start, para.end));
      if ((foreign >= 2 && foreign > own_words) || in_script) ++paragraphs;
      else if (foreign > own_words) ++leaning;
      if (paragraphs >= 2 || (paragraphs >= 1 && leaning >= 1)) break;
    }
    if (paragraphs >= 2 || (paragraphs >= 1 && leaning >= 1)) codes.emplace_back(code);
  }
  return codes;
}

// What a paragraph looks like, and which cues it holds.
struct Evidence {
  std::size_t words = 0;
  std::size_t sentences = 0;
  bool terminal = false;
  bool all_caps = false;
  bool copyright_sign = false;
  bool count_in_brackets = false;  // "(12)"
  bool handle_start = false;       // "John_D", "@jane", "sarah1984"
  // Per word (the first kMaskWords): part of a time ("2 hours ago", "yesterday", "4h", "14:05"),
  // a handle, a capitalised word no cue claims (a name), a comment cue ("wrote"), an initial.
  std::uint32_t dated_mask = 0, handle_mask = 0, name_mask = 0, comment_mask = 0, initial_mask = 0;
  bool clock_or_numeric_date = false;
  std::array<std::size_t, kCueClasses> weight{};  // summed cue weights (a phrase: its words, at most 3)
  std::array<std::size_t, kCueClasses> cover{};  // words covered by cues of the class
  std::array<std::ptrdiff_t, kCueClasses> first{};  // word index of the first cue, or -1
  std::array<std::ptrdiff_t, kCueClasses> first_end{};  // one past its last word
  std::ptrdiff_t relative_time = -1;  // word index where "2 hours ago" starts
  std::size_t relative_time_end = 0;
  std::size_t numbers = 0;
  std::size_t capitalised = 0;        // words that start in upper case
  std::size_t any_cover = 0;          // words covered by some furniture cue
  float link_density = 0;
};

bool is_handle(std::string_view chunk) {
  while (!chunk.empty() && (chunk.back() == ':' || chunk.back() == ',')) chunk.remove_suffix(1);
  if (chunk.size() < 3 || chunk.size() > 48) return false;
  bool letter = false, digit = false, underscore = false, camel = false, lower_before = false;
  for (std::size_t i = 0; i < chunk.size();) {
    const UChar32 c = decode_at(chunk, i);
    if (i == 0 && !u_isalpha(c) && c != '@' && c != '_') return false;  // "22m", "4h" are times
    if (u_isupper(c) && lower_before) camel = true;
    lower_before = u_islower(c);
    if (u_isalpha(c)) letter = true;
    else if (u_isdigit(c)) digit = true;
    else if (c == '_') underscore = true;
    else if (c != '.' && c != '-' && !(c == '@' && i == 0)) return false;
    i += U8_LENGTH(c);
  }
  // "John_D", "@jane", "sarah1984", "TaxpayerEmma", "Елена_Д", "ЧитательСергей"
  return letter && (chunk[0] == '@' || underscore || digit || camel);
}

// Letters all in upper case ("US", "ADVERTISEMENT").
bool all_upper(std::string_view word) {
  bool upper = false;
  for (std::size_t i = 0; i < word.size();) {
    const UChar32 c = decode_at(word, i);
    if (u_islower(c)) return false;
    upper = upper || u_isupper(c);
    i += U8_LENGTH(c);
  }
  return upper;
}

// A single capital letter: an initial ("Karen P.").
bool is_initial(std::string_view word) {
  return !word.empty() && U8_LENGTH(decode_at(word, 0)) == static_cast<int>(word.size()) && starts_upper(word);
}

constexpr std::size_t kMaskWords = 32;  // per-word flags of a paragraph's first words

class FurnitureFinder {
 public:
  FurnitureFinder(const Document& doc, const Lexicon& lex) : doc_(doc), lex_(lex) {
    // Cues whose first word is each term of the document.
    term_cues_.resize(doc.terms.size());
    for (std::size_t t = 0; t < doc.terms.size(); ++t) {
      const std::string& term = doc.terms[t];
      auto it = lex.by_first.find(term);
      if (it != lex.by_first.end()) term_cues_[t] = it->second;
      for (std::uint32_t id : lex.prefix_first)
        if (word_matches(lex.cues[id].words[0], term)) term_cues_[t].push_back(id);
    }
  }

  Evidence evidence(const Paragraph& para) const {
    Evidence e;
    e.first.fill(-1);
    e.first_end.fill(-1);
    e.link_density = para.link_density;
    e.sentences = para.sentence_end - para.sentence_begin;
    const std::string_view text = doc_.span(para.start, para.end);
    e.terminal = ends_with_terminal(doc_.sentence_text(para.sentence_end - 1));
    const std::uint32_t tb = doc_.sentences[para.sentence_begin].token_begin;
    const std::uint32_t te = doc_.sentences[para.sentence_end - 1].token_end;
    e.words = te - tb;
    scan_text(text, e);
    const std::vector<bool> quoted = quoted_tokens(tb, te);

    std::array<std::size_t, kCueClasses> covered_until{};
    std::vector<bool> any(e.words, false);
    for (std::uint32_t t = tb; t < te; ++t) {
      const Token& tok = doc_.tokens[t];
      const std::size_t w = t - tb;
      const std::string_view word = doc_.token_text(t);
      if (tok.kind == TokenKind::number) ++e.numbers;
      if (starts_upper(word)) ++e.capitalised;
      // The longest cue of each class that starts here.
      std::array<std::size_t, kCueClasses> longest{};
      for (std::uint32_t id : term_cues_[tok.term]) {
        const CuePhrase& cue = lex_.cues[id];
        const std::size_t n = cue.words.size();
        if (w + n > e.words) continue;
        bool ok = true;
        for (std::size_t k = 1; k < n && ok; ++k) ok = word_matches(cue.words[k], doc_.terms[doc_.tokens[t + k].term]);
        if (ok) longest[cue.cls] = std::max(longest[cue.cls], n);
      }
      // An acronym is not the word it spells: "US" is no "us", unless the whole line shouts.
      const bool acronym = !e.all_caps && word.size() >= 2 && all_upper(word);
      for (std::size_t c = 0; c < kCueClasses; ++c) {
        const std::size_t n = longest[c];
        if (n == 0 || w < covered_until[c]) continue;
        if (acronym && (c == reader || c == site)) continue;
        if (c < kFurnitureClasses && quoted[w]) continue;  // a quotation mentions, it does not prompt
        covered_until[c] = w + n;
        e.weight[c] += std::min<std::size_t>(n, 3);
        e.cover[c] += n;
        if (e.first[c] < 0) {
          e.first[c] = static_cast<std::ptrdiff_t>(w);
          e.first_end[c] = static_cast<std::ptrdiff_t>(w + n);
        }
        // Bylines and datelines have rules of their own; their cue words ("by", "on", "at")
        // say nothing about a short line.
        if (c < kFurnitureClasses && c != byline && c != dateline)
          for (std::size_t k = w; k < w + n; ++k) any[k] = true;
      }
      if (w < kMaskWords) {
        const std::uint32_t bit = 1u << w;
        bool cued = false, dated = tok.kind == TokenKind::number && !is_handle(word);
        for (std::size_t c = 0; c < kCueClasses; ++c) {
          if (w >= covered_until[c]) continue;
          cued = true;
          if (c == date || c == dateline || c == unit || c == ago) dated = true;
          if (c == comment) e.comment_mask |= bit;
        }
        if (dated || compact_time(word)) e.dated_mask |= bit;
        if (is_handle(word)) e.handle_mask |= bit;
        if (is_initial(word)) e.initial_mask |= bit;
        // An initial is a name even where a time unit reads it ("Helen M.", "m" for minutes).
        if ((!cued || is_initial(word)) && tok.kind == TokenKind::word && starts_upper(word)) e.name_mask |= bit;
      }
      // A compact relative time: "2h", "5min".
      if (e.relative_time < 0 && starts_digit(word)) {
        std::size_t d = 0;
        while (d < word.size() && std::isdigit(static_cast<unsigned char>(word[d]))) ++d;
        if (d < word.size() && has_cue(lowercase(word.substr(d)), unit) && e.words <= kShortLineWords) {
          e.relative_time = static_cast<std::ptrdiff_t>(w);
          e.relative_time_end = w + 1;
        }
      }
    }
    e.any_cover = static_cast<std::size_t>(std::count(any.begin(), any.end(), true));
    find_relative_time(tb, te, e);
    for (std::size_t w = static_cast<std::size_t>(std::max<std::ptrdiff_t>(e.relative_time, 0));
         e.relative_time >= 0 && w < std::min(e.relative_time_end, kMaskWords); ++w)
      e.dated_mask |= 1u << w;  // the count in words: "an hour ago", "vor einer Stunde"
    return e;
  }

 private:
  bool has_cue(const std::string& term, Cue cls) const {
    auto it = lex_.by_first.find(term);
    if (it != lex_.by_first.end())
      for (std::uint32_t id : it->second)
        if (lex_.cues[id].cls == cls && lex_.cues[id].words.size() == 1) return true;
    for (std::uint32_t id : lex_.prefix_first)
      if (lex_.cues[id].cls == cls && lex_.cues[id].words.size() == 1 && word_matches(lex_.cues[id].words[0], term))
        return true;
    return false;
  }

  // "4h", "22m", "5min": digits and a time unit in one word.
  bool compact_time(std::string_view word) const {
    std::size_t d = 0;
    while (d < word.size() && std::isdigit(static_cast<unsigned char>(word[d]))) ++d;
    return d > 0 && d < word.size() && has_cue(lowercase(word.substr(d)), unit);
  }

  bool token_is(std::uint32_t t, Cue cls) const {
    for (std::uint32_t id : term_cues_[doc_.tokens[t].term])
      if (lex_.cues[id].cls == cls && lex_.cues[id].words.size() == 1) return true;
    return false;
  }

  // "2 hours ago", "vor 2 Stunden", "il y a 3 heures", "hace 2 horas", "2 часа назад", and with
  // the count in words or left out: "an hour ago", "vor einer Stunde", "час назад". A time
  // unit with a word of the "ago" class next to it (possibly several words: "il y a") or one
  // short word (the count) away.
  void find_relative_time(std::uint32_t tb, std::uint32_t te, Evidence& e) const {
    if (e.relative_time >= 0) return;
    auto count_at = [&](std::uint32_t t) {
      return doc_.tokens[t].kind == TokenKind::number ||
             (doc_.tokens[t].kind == TokenKind::word && doc_.tokens[t].end - doc_.tokens[t].start <= kMaxCountWordBytes);
    };
    for (std::uint32_t t = tb; t < te; ++t) {
      if (!token_is(t, unit) || doc_.tokens[t].kind != TokenKind::word) continue;
      const auto w = static_cast<std::ptrdiff_t>(t - tb);
      const bool counted = t > tb && count_at(t - 1);
      const std::ptrdiff_t from = counted ? w - 1 : w;
      if (t + 1 < te && token_is(t + 1, ago)) {
        e.relative_time = from;
        e.relative_time_end = static_cast<std::size_t>(w) + 2;
        return;
      }
      const std::ptrdiff_t ago_at = e.first[ago];
      if (ago_at >= 0 && (e.first_end[ago] == w || (counted && e.first_end[ago] == w - 1))) {
        e.relative_time = ago_at;
        e.relative_time_end = static_cast<std::size_t>(w) + 1;
        return;
      }
    }
  }

  void scan_text(std::string_view text, Evidence& e) const {
    e.copyright_sign = text.find("\xC2\xA9") != std::string_view::npos;
    if (e.words <= 2 * kShortLineWords) {  // capitals mark short lines only ("ADVERTISEMENT")
      bool lower = false, upper = false;
      for (std::size_t i = 0; i < text.size() && !lower;) {
        const UChar32 c = decode_at(text, i);
        lower = u_islower(c);
        upper = upper || u_isupper(c);
        i += U8_LENGTH(c);
      }
      e.all_caps = upper && !lower;
    }
    auto digit = [&](std::size_t k) { return k < text.size() && std::isdigit(static_cast<unsigned char>(text[k])); };
    for (std::size_t k = 0; k < text.size(); ++k) {
      if ((text[k] == '(' || text[k] == '[') && digit(k + 1)) {
        std::size_t j = k + 1;
        while (digit(j)) ++j;
        if (j < text.size() && (text[j] == ')' || text[j] == ']')) e.count_in_brackets = true;
      }
      // 14:05, 12.03.2024, 2024-03-12, 12/03/2024
      if (digit(k) && (k == 0 || !digit(k - 1)) && k + 2 < text.size()) {
        std::size_t j = k;
        while (digit(j)) ++j;
        const std::size_t run = j - k;
        if (j < text.size() && text[j] == ':' && run <= 2 && digit(j + 1) && digit(j + 2) && !digit(j + 3))
          e.clock_or_numeric_date = true;
        if (j < text.size() && (text[j] == '.' || text[j] == '-' || text[j] == '/') && run <= 4 && digit(j + 1)) {
          std::size_t m = j + 1;
          while (digit(m)) ++m;
          if (m - j - 1 <= 2 && m < text.size() && text[m] == text[j] && digit(m + 1)) e.clock_or_numeric_date = true;
        }
      }
    }
    const std::size_t space = text.find_first_of(" \t\n");
    e.handle_start = is_handle(text.substr(0, space));
  }

  // Tokens inside double quotation marks ("...", “...”, «...», „...“).
  std::vector<bool> quoted_tokens(std::uint32_t tb, std::uint32_t te) const {
    std::vector<bool> out(te - tb, false);
    if (tb == te) return out;
    const std::string_view text = doc_.text;
    bool inside = false;
    std::uint32_t t = tb;
    std::size_t i = doc_.tokens[tb].start;
    const std::size_t end = doc_.tokens[te - 1].end;
    while (i < end && t < te) {
      if (i == doc_.tokens[t].start) {
        out[t - tb] = inside;
        i = doc_.tokens[t].end;
        ++t;
        continue;
      }
      const UChar32 c = decode_at(text, i);
      if (c == '"') inside = !inside;
      else if (c == 0x201C || c == 0x00AB || c == 0x201E) inside = true;
      else if (c == 0x201D || c == 0x00BB) inside = false;
      i += U8_LENGTH(c);
    }
    return out;
  }

  const Document& doc_;
  const Lexicon& lex_;
  std::vector<std::vector<std::uint32_t>> term_cues_;
};

// The character right after word index w of the paragraph (skipping spaces), or 0.
UChar32 char_after_word(const Document& doc, const Paragraph& para, std::size_t w) {
  const std::uint32_t t = doc.sentences[para.sentence_begin].token_begin + static_cast<std::uint32_t>(w);
  std::size_t i = doc.tokens[t].end;
  while (i < para.end) {
    const UChar32 c = decode_at(doc.text, i);
    if (!is_space(c)) return c;
    i += U8_LENGTH(c);
  }
  return 0;
}

std::size_t dated_words(const Evidence& e) {
  return e.cover[date] + e.cover[dateline] + e.cover[unit] + e.cover[ago] + e.numbers;
}

// A line that only says when: "2h", "5 mins ago", "yesterday", "vor 5 Minuten", "il y a une heure".
bool time_only(const Evidence& e) {
  return e.words > 0 && e.words <= kTimeWords && !e.terminal &&
         (e.relative_time == 0 || 10 * dated_words(e) >= 6 * e.words);
}

bool ends_with(const Document& doc, const Paragraph& para, char c) {
  const std::string_view text = doc.span(para.start, para.end);
  return !text.empty() && text.back() == c;
}

std::size_t place_before_comma(const Document& doc, const Paragraph& para);

// A short line made of dates, times and the words around them, perhaps after the place
// ("Valencia, 18 de enero de 2022", "Published: 06:30, 08/10/2025").
bool dateline_shape(const Document& doc, const Paragraph& para, const Evidence& e) {
  const bool has_date = e.cover[date] > 0 || e.relative_time >= 0 || e.clock_or_numeric_date;
  if (!has_date || e.words == 0 || e.words > kMaxDatelineWords) return false;
  const std::size_t dated = dated_words(e) + place_before_comma(doc, para);
  return 10 * dated >= (e.terminal ? 8 : 6) * e.words;
}

// Some word tells a time, not just a number or a word of publication ("4h", "yesterday",
// "14:05"; "On" alone is no time).
bool timed(const Evidence& e) {
  return e.cover[date] + e.cover[unit] + e.cover[ago] > 0 || e.clock_or_numeric_date || e.relative_time >= 0;
}

// A dateline that says when the page was published: a clock time, a numeric date, a relative
// time or a word of publication first ("Published: 06:30, 08/10/2025", "Actualizado 7 de
// diciembre"), not a bare day ("Tuesday, 1 March" under a fixture's venue).
bool publication_line(const Document& doc, const Paragraph& para, const Evidence& e) {
  if (!dateline_shape(doc, para, e)) return false;
  const Token& first = doc.tokens[doc.sentences[para.sentence_begin].token_begin];
  return e.clock_or_numeric_date || e.relative_time >= 0 || (e.first[dateline] == 0 && !first.is_stopword);
}

// Capitalised words no cue claims at the start of the paragraph (a name), at most three.
std::size_t leading_names(const Evidence& e) {
  std::size_t k = 0;
  while (k < 3 && k < e.words && (e.name_mask & (1u << k))) ++k;
  return k;
}

// Every word from `from` on is part of a time.
bool dated_from(const Evidence& e, std::size_t from) {
  if (e.words > kMaskWords) return false;
  for (std::size_t k = from; k < e.words; ++k)
    if (!(e.dated_mask & (1u << k))) return false;
  return true;
}

// A comment's meta line: who wrote it and when. A comment cue may open it ("Posted by"); then
// the author, a handle ("John_D", "sarah1984", "Елена_Д") or one to three capitalised words
// no cue claims ("Karen P."); then nothing but a time ("2 hours ago", "yesterday", "4h",
// "il y a 5 min") or a comment cue before a colon ("wrote:", "a écrit :"). A name needs the
// comment section around it or a commenter's shape (a first name and an initial); a handle
// needs neither. An author alone is `author`: the caller looks at the next line.
enum class Meta { none, dated, wrote, author };

Meta comment_meta(const Document& doc, const Paragraph& para, const Evidence& e, bool in_comments) {
  if (e.words == 0 || e.words > kMetaLineWords || e.sentences > 2 || e.words > kMaskWords) return Meta::none;
  const auto bit = [](std::size_t w) { return 1u << w; };
  std::size_t w = 0;
  if (e.first[comment] == 0 && static_cast<std::size_t>(e.first_end[comment]) < e.words)
    w = static_cast<std::size_t>(e.first_end[comment]);  // "Posted by"
  std::size_t author = 0;
  bool handle = false;
  if (e.handle_mask & bit(w)) {
    author = 1;
    handle = true;
  } else {
    while (author < 3 && w + author < e.words && (e.name_mask & bit(w + author))) ++author;
  }
  if (author == 0) return Meta::none;
  const bool initial = (e.initial_mask & bit(w + author - 1)) != 0 && author >= 2;
  if (!handle && !initial && !in_comments) return Meta::none;
  w += author;
  if (w == e.words) return Meta::author;
  bool dated = true, cued = true;
  for (std::size_t k = w; k < e.words; ++k) {
    dated = dated && (e.dated_mask & bit(k)) != 0;
    cued = cued && (e.comment_mask & bit(k)) != 0;
  }
  if (dated) return Meta::dated;
  return cued && ends_with(doc, para, ':') ? Meta::wrote : Meta::none;
}

// A name opening the paragraph: two or three capitalised words followed by ',' or '|'
// ("Jane Smith, Business reporter"); their count, or 0.
std::size_t name_before_separator(const Document& doc, const Paragraph& para) {
  const std::uint32_t tb = doc.sentences[para.sentence_begin].token_begin;
  const std::uint32_t te = doc.sentences[para.sentence_end - 1].token_end;
  for (std::size_t k = 0; k < 3 && tb + k < te; ++k) {
    const std::uint32_t t = tb + static_cast<std::uint32_t>(k);
    if (doc.tokens[t].kind != TokenKind::word || !starts_upper(doc.token_text(t))) return 0;
    const UChar32 c = char_after_word(doc, para, k);
    if (c == ',' || c == '|') return k >= 1 ? k + 1 : 0;
  }
  return 0;
}

// A credit or labelled caption: it opens with a caption cue and a separator ("Photo: Reuters",
// "Image caption, ...", "Foto / dpa").
// Also a short line whose separator comes a word or two after the cue ("Photo d'illustration /
// MaxPPP"), and a short caption opened by a cue of several words ("File photo of the plant",
// "Photo d'archives prise l'an dernier.").
bool is_credit(const Document& doc, const Paragraph& para, const Evidence& e) {
  if (e.first[caption] != 0) return false;
  const auto separator = [](UChar32 c) { return c == ':' || c == ',' || c == '|' || c == '/' || c == 0x2013 || c == 0x2014; };
  const auto cue_end = static_cast<std::size_t>(e.first_end[caption]);
  if (separator(char_after_word(doc, para, cue_end - 1))) return true;
  if (e.words > kShortCaptionWords || e.sentences > 1) return false;
  for (std::size_t w = cue_end; w < std::min(cue_end + 2, e.words); ++w)
    if (separator(char_after_word(doc, para, w))) return true;
  return e.cover[caption] >= 2 && cue_end >= 2;
}

// A credit in brackets at the end: "... (Getty Images)", "(Photo: AFP)". A credit names
// someone; "(pictured)" points at a photo.
bool bracketed_credit(const Document& doc, const Paragraph& para, const Evidence& e) {
  const std::string_view text = doc.span(para.start, para.end);
  if (text.empty() || text.back() != ')' || e.words > kMaxCaptionWords || e.sentences > 2 || e.first[caption] < 0)
    return false;
  const std::size_t open = text.rfind('(');
  if (open == std::string_view::npos) return false;
  const std::uint32_t t = doc.sentences[para.sentence_begin].token_begin;
  const std::size_t cue_at = doc.tokens[t + static_cast<std::uint32_t>(e.first[caption])].start - para.start;
  const std::size_t inside_words = static_cast<std::size_t>(std::count(text.begin() + open, text.end(), ' ')) + 1;
  const bool names = std::any_of(text.begin() + open, text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  return inside_words <= 5 && cue_at > open && names;
}

// A paragraph that is a credit in brackets and nothing else: a few capitalised words with a
// slash between names or a caption cue ("(NASA/JPL)", "(Photo: Jane Doe)").
bool credit_in_brackets(const Document& doc, const Paragraph& para, const Evidence& e) {
  const std::string_view text = doc.span(para.start, para.end);
  if (text.size() < 3 || text.front() != '(' || text.back() != ')' || e.words == 0 || e.words > kMaxCreditWords ||
      e.sentences > 1)
    return false;
  const std::string_view inside = text.substr(1, text.size() - 2);
  if (inside.find_first_of("()") != std::string_view::npos) return false;
  return (inside.find('/') != std::string_view::npos || e.cover[caption] > 0) && e.capitalised + 1 >= e.words;
}

// A place opening the paragraph: one to three capitalised words and a comma; their count.
std::size_t place_before_comma(const Document& doc, const Paragraph& para) {
  const std::uint32_t tb = doc.sentences[para.sentence_begin].token_begin;
  const std::uint32_t te = doc.sentences[para.sentence_end - 1].token_end;
  for (std::size_t k = 0; k < 3 && tb + k < te; ++k) {
    const std::uint32_t t = tb + static_cast<std::uint32_t>(k);
    if (doc.tokens[t].kind != TokenKind::word || !starts_upper(doc.token_text(t))) return 0;
    if (char_after_word(doc, para, k) == ',') return k + 1;
  }
  return 0;
}

// The furniture class most of a short line's words belong to, when the line is furniture
// through and through: "Accept all cookies", "Facebook Twitter Email", "ADVERTISEMENT",
// "Reply · Like (4)", "Terms of use | Privacy policy".
// Link text (from HTML) lowers the bar: a line that is mostly links is navigation of some kind.
std::ptrdiff_t short_line_class(const Evidence& e) {
  const bool linked = e.link_density >= 0.5f;
  if (e.words == 0 || e.words > (linked ? kShortLineWords + 4 : kShortLineWords) || e.sentences > 2) return -1;
  const std::size_t furniture_words = e.any_cover + (e.any_cover > 0 ? e.numbers : 0);
  if (10 * furniture_words < (linked ? 4 : 7) * e.words) return -1;
  std::ptrdiff_t best = -1;
  for (std::size_t c = 0; c < kFurnitureClasses; ++c)
    if (e.cover[c] > 0 && (best < 0 || e.cover[c] > e.cover[static_cast<std::size_t>(best)])) best = static_cast<std::ptrdiff_t>(c);
  return best;
}

// A longer paragraph is a prompt when it is dense in cues of one class and is the site
// speaking ("We use cookies ... you agree to our Cookie Policy"), or opens with the cue and
// speaks to the reader ("Subscribe now and get unlimited access on your phone"), or speaks to
// the reader in cues and little else; never when it is reported speech. Footers need density
// alone. Share bars, related lists and advertisement markers are short lines (or links):
// prose that names Facebook and Twitter or shares and advertising is news.
std::ptrdiff_t prompt_class(const Evidence& e) {
  if (e.weight[reported] > 0 || e.words == 0) return -1;
  const bool linked = e.link_density >= 0.5f;
  std::ptrdiff_t best = -1;
  std::size_t best_weight = 0;
  for (Cue c : {consent, subscription, footer, share, related, advertisement}) {
    const std::size_t w = e.weight[c];
    // Two cues will do for a banner that speaks as the site and to the reader.
    const bool both_voices = (c == consent || c == subscription) && e.weight[site] > 0 && e.weight[reader] > 0;
    if (w < (both_voices ? 2u : 3u) || ((c == share || c == related || c == advertisement) && !linked)) continue;
    const std::size_t share_pct = 100 * e.cover[c] / e.words;
    const bool voiced = e.weight[site] > 0 || linked || (e.first[c] == 0 && e.weight[reader] > 0);
    // A banner speaks both as the site and to the reader ("We and our partners store
    // information on your device"); one dense in consent or sign-up cues needs no voice.
    const bool prompt = c == consent || c == subscription;
    const bool dense = c == footer ? share_pct >= 30
                                   : (voiced && share_pct >= 20) || (e.weight[reader] > 0 && share_pct >= 35) ||
                                         (both_voices && share_pct >= 8) ||
                                         (prompt && w >= 4 && share_pct >= 50);
    if (dense && w > best_weight) best = c, best_weight = w;
  }
  return best;
}

// A consent banner or sign-up box is one block of lines: its title just before it ("We value
// your privacy", "The Morning Briefing" above a newsletter prompt) when that speaks in cues,
// and its buttons and fields just after it ("OK", "More options", "Your email").
void extend_banners(const std::vector<Evidence>& evidence, std::vector<Furniture>& out) {
  const std::size_t n = out.size();
  std::vector<BoilerplateKind> found(n);  // as the rules found them: a line taken in extends nothing
  for (std::size_t p = 0; p < n; ++p) found[p] = out[p].kind;
  auto line = [&](std::size_t q) {
    const Evidence& e = evidence[q];
    return out[q].kind == BoilerplateKind::none && e.sentences == 1 && !e.terminal && e.words > 0;
  };
  for (std::size_t p = 0; p < n; ++p) {
    const BoilerplateKind kind = found[p];
    if (kind != BoilerplateKind::consent && kind != BoilerplateKind::subscription) continue;
    if (evidence[p].words <= kShortLineWords && evidence[p].sentences == 1) continue;  // a button, not a banner
    if (p > 0 && line(p - 1) && evidence[p - 1].words <= kBannerTitleWords && out[p - 1].cue_words > 0)
      out[p - 1].kind = kind;
    // Buttons the rules found already ("Accept all") are part of the row.
    for (std::size_t q = p + 1, k = 0; q < n && k < kBannerControls && (found[q] == kind || line(q)); ++q, ++k) {
      if (found[q] == kind) continue;
      const bool control = evidence[q].words <= 2 || (evidence[q].words <= 3 && out[q].cue_words > 0);
      if (!control) break;
      out[q].kind = kind;
    }
  }
  // Above a consent button ("Aceptar todo"), the short lines that speak of cookies or consent
  // are its banner ("Este sitio web utiliza cookies.").
  for (std::size_t p = 0; p < n; ++p) {
    if (found[p] != BoilerplateKind::consent || evidence[p].words > kShortLineWords) continue;
    for (std::size_t q = p; q-- > 0 && p - q <= kBoxLines;) {
      const Evidence& e = evidence[q];
      if (found[q] == BoilerplateKind::consent) continue;
      if (out[q].kind != BoilerplateKind::none || e.words == 0 || e.words > kBoxLineWords || e.sentences > 2 ||
          e.cover[consent] == 0)
        break;
      out[q].kind = BoilerplateKind::consent;
    }
  }
  // A sign-up box: a few short lines around a field or button ("Your email", "Sign up") that
  // speak to the reader or in cues ("Get the biggest stories delivered to your inbox"), or
  // are short labels ("The Morning Briefing").
  // A line of the box speaks in cues, to the reader or as the site ("selected by our
  // editors"), or is a short label or slogan ("The Morning Briefing", "Cancel anytime.").
  auto short_line = [&](std::size_t q) {
    const Evidence& e = evidence[q];
    return out[q].kind == BoilerplateKind::none && e.words > 0 && e.words <= kBoxLineWords && e.sentences <= 2;
  };
  auto voiced = [&](std::size_t q) {
    const Evidence& e = evidence[q];
    return short_line(q) && (e.any_cover > 0 || e.weight[reader] > 0 || e.weight[site] > 0);
  };
  auto in_box = [&](std::size_t q) {
    return voiced(q) || (short_line(q) && evidence[q].words <= kBoxLabelWords);
  };
  // A line between two that speak so belongs to the box too ("Get the day's news every
  // morning." between "Newsletter" and "Your email").
  auto boxed = [&](std::size_t q) {
    return in_box(q) || (short_line(q) && q > 0 && q + 1 < n && (voiced(q - 1) || found[q - 1] == BoilerplateKind::subscription) &&
                         (voiced(q + 1) || found[q + 1] == BoilerplateKind::subscription));
  };
  // The box needs a prompt: a line of some length that speaks to the reader, as the site or
  // in cues, or another that names the subscription ("See subscription options"; a "Sign in" button
  // above a menu makes no box of the menu).
  auto prompt = [&](std::size_t q) {
    const Evidence& e = evidence[q];
    return (e.words >= kBoxPromptWords && (e.any_cover > 0 || e.weight[reader] > 0 || e.weight[site] > 0)) ||
           (e.words >= kBoxCueWords && e.cover[subscription] > 0);
  };
  for (std::size_t p = 0; p < n; ++p) {
    if (found[p] != BoilerplateKind::subscription || evidence[p].words > kShortLineWords) continue;
    std::size_t lo = p, hi = p + 1;
    while (lo > 0 && p - lo < kBoxLines && boxed(lo - 1)) --lo;
    while (hi < n && hi - p <= kBoxLines && boxed(hi)) ++hi;
    bool prompted = false;
    for (std::size_t q = lo; q < hi && !prompted; ++q) prompted = q != p && prompt(q);
    if (!prompted) continue;
    for (std::size_t q = lo; q < hi; ++q)
      if (out[q].kind == BoilerplateKind::none) out[q].kind = BoilerplateKind::subscription;
  }
}

}  // namespace

std::vector<Furniture> find_furniture(const Document& doc, const LanguageResources& lang) {
  const std::size_t n = doc.paragraphs.size();
  std::vector<Furniture> out(n);
  if (n == 0) return out;
  const FurnitureFinder finder(doc, lexicon(furniture_languages(doc, lang)));

  std::vector<Evidence> evidence;
  evidence.reserve(n);
  for (const Paragraph& para : doc.paragraphs) evidence.push_back(finder.evidence(para));

  bool in_comments = false;      // inside a comment section
  std::size_t bodies_left = 0;   // text paragraphs of the current comment still expected
  bool in_related = false;       // after a "Related" / "Read more" header
  bool meta_continues = false;   // the previous line was a handle alone; this one is its time
  for (std::size_t p = 0; p < n; ++p) {
    const Paragraph& para = doc.paragraphs[p];
    const Evidence& e = evidence[p];
    auto set = [&](Cue c) { out[p].kind = kKindOf[c]; };
    out[p].cue_words = static_cast<std::uint32_t>(e.any_cover + e.cover[reader] + e.cover[site]);

    // Comments: a handle and a relative time open one ("John_D 2 hours ago: ..."); inside a
    // comment section a name will do. A published or updated time is a dateline instead.
    // The handle and the time may stand on lines of their own ("John_D" / "2h"), the time
    // may be a word ("sarah1984 · yesterday"), and "John_D wrote:" opens one too.
    const bool dated_by_page = e.first[dateline] >= 0 && e.first[dateline] < e.relative_time;
    const bool after_handle = e.handle_start && e.relative_time >= 1 && e.relative_time <= 2;
    const bool after_name = in_comments && e.relative_time >= 1 && e.relative_time <= 3 &&
                            e.capitalised >= static_cast<std::size_t>(e.relative_time);
    const bool handle_dated = e.handle_start && e.words <= kMetaWords && !e.terminal &&
                              e.cover[date] + e.cover[ago] > 0 && dated_words(e) + 1 >= e.words;
    const bool handle_alone = e.words <= 2 && !e.terminal && e.sentences == 1 &&
                              (e.handle_start || (in_comments && e.capitalised == e.words)) && p + 1 < n &&
                              time_only(evidence[p + 1]);
    const bool wrote = e.words <= kMetaWords && e.first[comment] >= 1 &&
                       static_cast<std::size_t>(e.first_end[comment]) == e.words && ends_with(doc, para, ':') &&
                       (e.handle_start || e.capitalised > 0);
    const Meta meta = comment_meta(doc, para, e, in_comments);
    const bool author_alone = meta == Meta::author && p + 1 < n && time_only(evidence[p + 1]);
    const bool meta_line = meta == Meta::dated || meta == Meta::wrote || author_alone;
    if (meta_continues || meta_line ||
        (!dated_by_page && (after_handle || after_name || handle_dated || handle_alone || wrote))) {
      set(comment);
      in_comments = true;
      bodies_left = kCommentBodies;
      out[p].comment_text = !meta_continues && !meta_line && !handle_alone && e.words >= e.relative_time_end + 3 &&
                            !wrote && !handle_dated;
      meta_continues = handle_alone || author_alone;
      in_related = false;
      continue;
    }

    std::ptrdiff_t line = short_line_class(e);
    const bool comment_marker = e.words <= kShortLineWords && !e.terminal && e.all_caps && e.cover[comment] > 0;
    const bool comment_control = in_comments && e.words <= kMetaWords && !e.terminal && e.cover[comment] > 0;
    if (line == comment || comment_marker || comment_control || (line >= 0 && in_comments && e.cover[comment] > 0)) {
      // "Comments (12)", "Reply", "Like (4)", "SEE ALL COMMENTS": the controls of a comment
      // section. A "Like" or "Report" among other words is not enough.
      const bool control = e.count_in_brackets || e.numbers > 0 || e.cover[comment] >= 2 || in_comments ||
                           e.link_density >= 0.5f || e.all_caps || e.cover[comment] == e.words;
      if (!control) {
        line = -1;
      } else {
        set(comment);
        in_comments = true;
        bodies_left = 0;
        continue;
      }
    }
    if (in_comments && bodies_left > 0 && line < 0 && prompt_class(e) < 0 && !e.copyright_sign &&
        e.words <= kMaxCommentWords) {
      set(comment);
      out[p].comment_text = true;
      --bodies_left;
      continue;
    }

    // Bylines: "By Jane Smith, BBC News", the names capitalised, perhaps with the time of
    // publication after them ("Written by Jane Smith 2 hours ago"); or a name and a role
    // without a cue ("Jane Smith, Business reporter"; "Иван Петров, спортивный редактор").
    const std::size_t dated = dated_words(e);
    if (e.first[byline] == 0 && e.words >= 2 && e.words <= kMaxBylineWords) {
      const std::size_t after = e.words - static_cast<std::size_t>(e.first_end[byline]);
      const std::size_t undated = after > dated ? after - dated : 0;
      const bool cue_capitalised = starts_upper(doc.span(para.start, para.end)) && e.capitalised > 0;
      const std::size_t names = e.capitalised - (cue_capitalised ? 1 : 0);
      if (undated > 0 && 2 * names >= undated && (!e.terminal || e.words <= 6)) {
        set(byline);
        continue;
      }
    }
    // A name and the time of publication ("Jane Holloway Last updated: 4h"); a bare name, or a
    // name and a place after a separator, next to a dateline ("Lucy Brennan", "Elena Ruiz | Bruselas").
    const std::size_t names = leading_names(e);
    const bool next_to_dateline = (p > 0 && publication_line(doc, doc.paragraphs[p - 1], evidence[p - 1])) ||
                                  (p + 1 < n && publication_line(doc, doc.paragraphs[p + 1], evidence[p + 1]));
    const bool bare_name = e.words == names && (names == 2 || (e.initial_mask & 2u)) &&
                           (!e.terminal || (e.initial_mask & (1u << (names - 1))));
    if (names >= 2 && e.sentences == 1 &&
        ((e.words > names && dated_from(e, names) && timed(e)) || (bare_name && next_to_dateline))) {
      set(byline);
      continue;
    }
    if (!e.terminal && e.sentences == 1 && e.words >= 3 && e.words <= kMaxBylineWords && e.first[byline] != 0) {
      const std::size_t name_words = name_before_separator(doc, para);
      const bool with_date = e.cover[date] > 0 || e.clock_or_numeric_date || e.relative_time >= 0;
      if (name_words > 0 && e.words - name_words <= dated + kMaxRoleWords &&
          (e.cover[role] > 0 || with_date || next_to_dateline)) {
        set(byline);
        continue;
      }
    }

    // Datelines: a short line made of dates, times and the words around them, perhaps after
    // the place ("Valencia, 18 de enero de 2022").
    if (dateline_shape(doc, para, e)) {
      set(dateline);
      in_comments = false;
      continue;
    }

    // Captions and credits: "Image caption, ...", "Photo: Reuters", "... (Getty Images)", and
    // a caption whose last sentence is its credit ("Campaigners gathered on Tuesday. Getty Images").
    if (e.words <= kMaxCaptionWords && is_credit(doc, para, e)) {
      set(caption);
      continue;
    }
    if (e.sentences == 2 && e.words <= kMaxCaptionWords) {
      Paragraph last = para;
      last.sentence_begin = para.sentence_end - 1;
      last.start = doc.sentences[last.sentence_begin].start;
      const Evidence credit = finder.evidence(last);
      if (credit.words <= kMaxCreditWords &&
          (is_credit(doc, last, credit) || short_line_class(credit) == caption || bracketed_credit(doc, last, credit) ||
           (credit.copyright_sign && credit.words <= kMaxCreditWords))) {
        set(caption);
        continue;
      }
    }
    if (bracketed_credit(doc, para, e)) {
      set(caption);
      continue;
    }
    // A credit standing alone in brackets ("(NASA/JPL/Space Science Institute)") and the short
    // caption just above it ("Titan in false colour, 2004.").
    if (credit_in_brackets(doc, para, e)) {
      set(caption);
      if (p > 0 && out[p - 1].kind == BoilerplateKind::none && evidence[p - 1].sentences == 1 &&
          evidence[p - 1].words <= kShortCaptionWords)
        out[p - 1].kind = BoilerplateKind::caption;
      continue;
    }

    if (e.copyright_sign && e.words <= 40) {
      set(footer);
      in_comments = in_related = false;
      continue;
    }

    // A related-stories header ("Read more:", "Related", "More on this story") and the
    // headlines listed under it.
    const bool related_header = e.first[related] == 0 && e.words <= 25 && (line == related || !e.terminal ||
                                char_after_word(doc, para, static_cast<std::size_t>(e.first_end[related]) - 1) == ':');
    if (related_header) {
      set(related);
      in_related = e.words <= kShortLineWords;
      in_comments = false;
      continue;
    }
    // Headlines under a related header, and headlines that are links (from HTML) anywhere.
    const bool headline = e.sentences == 1 && !e.terminal && e.words <= 20 && line < 0;
    if ((in_related && (headline || e.link_density >= 0.5f)) || (headline && e.link_density >= 0.8f)) {
      set(related);
      continue;
    }
    in_related = false;

    if (line >= 0) {
      set(static_cast<Cue>(line));
      if (line != comment) in_comments = false;
      continue;
    }
    const std::ptrdiff_t prompt = prompt_class(e);
    if (prompt >= 0) {
      set(static_cast<Cue>(prompt));
      in_comments = false;
      continue;
    }
    if (in_comments && bodies_left == 0 && e.words > kShortLineWords) in_comments = false;
  }
  extend_banners(evidence, out);
  return out;
}

}  // namespace synopsis::segmentation
