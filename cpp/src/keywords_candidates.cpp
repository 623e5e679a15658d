// Keyphrase candidates: runs of content words, and the delimiter lists they rely on.
#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "embedded_data.hpp"
#include "keywords_internal.hpp"
#include "synopsis/keywords.hpp"
#include "synopsis/language.hpp"
#include "synopsis/segment.hpp"
#include <stdexcept>

namespace synopsis {

namespace {

using u32 = std::uint32_t;

// Words that delimit candidates beside the stopwords (cpp/data/keywords/<lang>.txt).
const std::unordered_set<std::string>& delimiter_words(const std::string& language) {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<std::unordered_set<std::string>>> cache;
  std::lock_guard<std::mutex> lock(mutex);
  auto& slot = cache[language];
  if (!slot) {
    slot = std::make_unique<std::unordered_set<std::string>>();
    for (std::string_view word : detail::embedded_lines("keywords/" + language + ".txt")) slot->emplace(word);
  }
  return *slot;
}

bool is_hyphen(std::string_view gap) {
  return gap == "-" || gap == "\u2010" || gap == "\u2011";
}

bool is_space_only(std::string_view gap) {
  for (unsigned char c : gap)
    if (!(c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')) {
      // U+00A0 (C2 A0) and other non-ASCII separators are rare between words; treat any
      // non-ASCII byte as a delimiter, except the no-break space.
      return false;
    }
  return true;
}

bool is_space_gap(std::string_view gap) {
  if (is_space_only(gap)) return true;
  // no-break space between words
  std::string_view rest = gap;
  while (!rest.empty()) {
    if (rest.substr(0, 2) == "\xC2\xA0") {
      rest.remove_prefix(2);
    } else if (rest.front() == ' ' || rest.front() == '\t' || rest.front() == '\n' || rest.front() == '\r') {
      rest.remove_prefix(1);
    } else {
      return false;
    }
  }
  return true;
}

// Bytes of a trailing possessive ("'s", "’s", or the apostrophe of "allies'"), 0 if none.
std::size_t possessive_suffix(std::string_view word) {
  if (word.size() > 3 && (word.substr(word.size() - 2) == "'s" || word.substr(word.size() - 2) == "'S")) return 2;
  if (word.size() > 5 && (word.substr(word.size() - 4) == "\u2019s" || word.substr(word.size() - 4) == "\u2019S"))
    return 4;
  return 0;
}

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// English forms that rarely end a noun phrase: past tenses/participles ("announced") and
// -ly adverbs ("publicly"). Checked only when the verb heuristic is on and the language is
// English.
bool looks_like_verb_or_adverb_en(std::string_view norm) {
  if (norm.size() >= 5 && ends_with(norm, "ed") && !ends_with(norm, "eed")) {
    static const std::unordered_set<std::string_view> nouns = {"hundred", "kindred", "sacred", "naked", "wicked",
                                                               "hatred", "shred", "ahmed", "mohammed", "muhammed"};
    return nouns.count(norm) == 0;
  }
  return false;
}

bool is_adverb_en(std::string_view norm) {
  if (norm.size() < 5 || !ends_with(norm, "ly")) return false;
  static const std::unordered_set<std::string_view> not_adverbs = {
      "family",  "italy",    "july",    "supply",   "assembly", "rally",   "ally",     "anomaly", "monopoly",
      "reply",   "butterfly", "homily", "lily",     "folly",    "bully",   "jelly",    "belly",   "daily",
      "weekly",  "monthly",  "yearly",  "quarterly", "elderly", "friendly", "deadly",  "early",   "holy",
      "likely",  "ugly",     "lonely",  "lovely",   "costly",   "orderly", "nightly", "hourly",  "kelly",
      "shelly",  "emily",    "beverly", "sicily",   "napoly",   "bradley", "stanley", "ashley",  "dudley",
      "oakley",  "wesley",   "apply",   "multiply", "comply",   "imply",   "rely",    "fly",     "gadhafi"};
  return not_adverbs.count(norm) == 0;
}

// Byte ranges of parentheses that hold a labelled note rather than prose, such as
// "(Source: official statements)" or "(Photo: Reuters)": a colon after at most three words.
std::vector<std::pair<u32, u32>> labelled_parentheses(const Document& doc, const Sentence& s) {
  std::vector<std::pair<u32, u32>> out;
  const std::string_view text = doc.span(s.start, s.end);
  std::size_t open = text.find('(');
  while (open != std::string_view::npos) {
    const std::size_t close = text.find(')', open + 1);
    if (close == std::string_view::npos) break;
    const std::string_view inside = text.substr(open + 1, close - open - 1);
    const std::size_t colon = inside.find(':');
    if (colon != std::string_view::npos && colon > 0) {
      const std::string_view label = inside.substr(0, colon);
      std::size_t words = 0;
      bool letters_only = true, in_word = false;
      for (unsigned char c : label) {
        const bool space = c == ' ';
        if (!space && !in_word) ++words;
        in_word = !space;
        if (!space && !(std::isalpha(c) || c >= 0x80 || c == '-' || c == '\'')) letters_only = false;
      }
      if (letters_only && words >= 1 && words <= 3)
        out.emplace_back(s.start + static_cast<u32>(open), s.start + static_cast<u32>(close + 1));
    }
    open = text.find('(', close + 1);
  }
  return out;
}

bool is_verb_marker_en(std::string_view norm) {
  static const std::unordered_set<std::string_view> markers = {
      "to", "will", "would", "can", "could", "should", "must", "may", "might", "shall", "did", "does", "do",
      "didn't", "doesn't", "don't", "won't", "wouldn't", "can't", "cannot", "couldn't", "shouldn't"};
  return markers.count(norm) != 0;
}

}  // namespace

namespace detail {

CandidateSet find_candidates(const Document& doc, const CandidateOptions& options) {
  CandidateSet out;
  const std::string language = primary_language(doc.language.empty() ? "en" : doc.language);
  const LanguageResources& resources = language_resources(language);
  const bool english = language == "en";
  const bool heuristics = options.verb_heuristic;
  const std::unordered_set<std::string>* delimiters = heuristics ? &delimiter_words(language) : nullptr;

  // Per-term flags, computed once per distinct term.
  enum : std::uint8_t { kUnknown = 0, kContent = 1, kDelimiter = 2, kNoEnd = 4 };
  std::vector<std::uint8_t> term_flags(doc.terms.size(), kUnknown);
  auto flags_of = [&](const Token& tok) -> std::uint8_t {
    std::uint8_t& f = term_flags[tok.term];
    if (f != kUnknown) return f;
    const std::string& norm = doc.terms[tok.term];
    bool delimiter = tok.is_stopword;
    if (!delimiter && tok.kind == TokenKind::word) {
      auto abbrev = resources.abbreviations.find(norm);
      if (abbrev != resources.abbreviations.end() && abbrev->second == AbbreviationKind::title) delimiter = true;
      if (delimiters && delimiters->count(norm)) delimiter = true;
      if (heuristics && english && is_adverb_en(norm)) delimiter = true;
    }
    if (tok.kind != TokenKind::word && tok.kind != TokenKind::number) delimiter = true;
    f = delimiter ? kDelimiter : kContent;
    if (heuristics && english && tok.kind == TokenKind::word && looks_like_verb_or_adverb_en(norm)) f |= kNoEnd;
    return f;
  };

  std::unordered_map<std::string, u32> index;  // key -> candidate
  std::vector<Unit> units;
  u32 position = 0;

  auto add = [&](std::size_t a, std::size_t b, u32 sentence) {  // units [a, b)
    const Unit& first = units[a];
    const Unit& last = units[b - 1];
    std::string key;
    std::vector<u32> stems;
    for (std::size_t u = a; u < b; ++u)
      for (u32 t = units[u].token_begin; t < units[u].token_end; ++t) {
        if (!key.empty()) key += ' ';
        key += doc.stems[doc.tokens[t].stem];
        stems.push_back(doc.tokens[t].stem);
      }
    auto [it, inserted] = index.emplace(key, static_cast<u32>(out.candidates.size()));
    if (inserted) {
      Candidate c;
      c.key = key;
      c.stems = std::move(stems);
      out.candidates.push_back(std::move(c));
    }
    CandidateOccurrence occ;
    occ.start = doc.tokens[first.token_begin].start;
    occ.end = last.end;
    occ.sentence = sentence;
    occ.position = first.position;
    occ.token_begin = first.token_begin;
    occ.token_end = last.token_end;
    out.candidates[it->second].occurrences.push_back(occ);
  };

  auto emit = [&](std::size_t a, std::size_t b, u32 sentence) {  // a run: units [a, b)
    // Trim edges: a phrase neither starts nor ends with a number, nor ends with a word that
    // is rarely the head of a noun phrase.
    while (b > a && (units[b - 1].numeric || units[b - 1].no_end)) --b;
    while (a < b && units[a].numeric) ++a;
    if (a == b) return;
    if (static_cast<int>(b - a) <= options.max_words) add(a, b, sentence);
  };

  for (const Sentence& s : doc.sentences) {
    const bool is_title = doc.title >= 0 && s.index == static_cast<u32>(doc.title);
    const bool comment = options.include_comments && doc.is_comment_text(s.index);
    if (!s.is_prose() && !(is_title && options.include_title) && !comment) continue;
    if (s.token_begin == s.token_end) continue;
    out.sentences.push_back(s.index);
    out.first_position.push_back(position);
    // Group tokens into words: tokens joined by a single hyphen ("987-foot", "e-mail").
    units.clear();
    const std::vector<std::pair<u32, u32>> labelled = labelled_parentheses(doc, s);
    auto in_labelled = [&](u32 byte) {
      for (const auto& [a, b] : labelled)
        if (byte >= a && byte < b) return true;
      return false;
    };
    for (u32 t = s.token_begin; t < s.token_end;) {
      Unit unit;
      unit.token_begin = t;
      unit.position = position + (t - s.token_begin);
      u32 e = t + 1;
      while (e < s.token_end && is_hyphen(doc.span(doc.tokens[e - 1].end, doc.tokens[e].start))) ++e;
      unit.token_end = e;
      unit.end = doc.tokens[e - 1].end;
      bool all_numbers = true, any_content = false, all_stop = true;
      for (u32 k = t; k < e; ++k) {
        const Token& tok = doc.tokens[k];
        all_numbers = all_numbers && tok.kind == TokenKind::number;
        all_stop = all_stop && tok.is_stopword;
        any_content = any_content || (flags_of(tok) & kContent);
      }
      if (e - t == 1) {
        const Token& tok = doc.tokens[t];
        const std::uint8_t f = flags_of(tok);
        unit.content = (f & kContent) && (tok.kind == TokenKind::number || code_points(doc.token_text(t)) >= 2);
        unit.no_end = (f & kNoEnd) != 0;
        unit.participle = unit.no_end;
      } else {
        unit.content = !all_stop;
      }
      (void)any_content;
      if (!labelled.empty() && in_labelled(doc.tokens[t].start)) unit.content = false;
      if (heuristics && english && e - t == 1 && t > s.token_begin && is_verb_marker_en(doc.terms[doc.tokens[t - 1].term]) &&
          is_space_gap(doc.span(doc.tokens[t - 1].end, doc.tokens[t].start))) {
        // "to recalibrate Armenia", "would shape policy": a lowercase word after "to" or a
        // modal is most likely a verb
        const unsigned char first = static_cast<unsigned char>(doc.text[doc.tokens[t].start]);
        if (first >= 'a' && first <= 'z') unit.content = false;
      }
      unit.numeric = all_numbers;
      const std::size_t poss = possessive_suffix(doc.span(doc.tokens[e - 1].start, doc.tokens[e - 1].end));
      if (poss) {
        unit.possessive = true;
        unit.end -= static_cast<u32>(poss);
      }
      units.push_back(unit);
      t = e;
    }
    // Runs of content words with only spaces between them.
    std::size_t run = 0;
    for (std::size_t u = 0; u <= units.size(); ++u) {
      bool breaks = u == units.size() || !units[u].content;
      if (!breaks && u > run && units[u].participle) {
        // "tornadoes trashed towns": a participle inside a run is most likely a verb; it may
        // still begin a phrase ("armed forces")
        emit(run, u, s.index);
        run = u;
      } else if (!breaks && u > run) {
        const std::string_view gap = doc.span(doc.tokens[units[u - 1].token_end - 1].end, doc.tokens[units[u].token_begin].start);
        if (!is_space_gap(gap) || units[u - 1].possessive) {
          emit(run, u, s.index);
          run = u;
        }
      }
      if (breaks) {
        if (u > run) emit(run, u, s.index);
        run = u + 1;
      }
    }
    position += s.token_end - s.token_begin;
  }
  out.positions = position;
  return out;
}

}  // namespace detail

std::vector<Candidate> keyphrase_candidates(const Document& doc, const CandidateOptions& options) {
  if (options.max_words < 1) throw std::invalid_argument("max_words must be at least 1");
  return detail::find_candidates(doc, options).candidates;
}

std::string keyphrase_key(std::string_view phrase, std::string_view language) {
  SegmentOptions seg;
  seg.language = std::string(language);
  seg.format = "text";
  const Document doc = segment(phrase, seg);
  std::string key;
  for (const Token& tok : doc.tokens) {
    if (tok.kind != TokenKind::word && tok.kind != TokenKind::number) continue;
    if (!key.empty()) key += ' ';
    key += doc.stems[tok.stem];
  }
  return key;
}

}  // namespace synopsis
