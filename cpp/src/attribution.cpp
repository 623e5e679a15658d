#include "synopsis/attribution.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

namespace synopsis {

namespace {

// Labels of parenthetical attribution tags, compared case-insensitively.
constexpr std::array<std::string_view, 14> kTagLabels = {
    "source",  "sources",     "analysis", "attribution", "commentary", "observation", "via",
    "credit",  "reporting",   "citation", "opinion",     "comment",    "according",   "report"};

// Words that end a source noun phrase when walking back from a reporting verb.
constexpr std::array<std::string_view, 20> kClauseWords = {
    "that",   "which",    "who",     "whom",  "while", "when",    "because", "as",    "if",      "but",
    "so",     "after",    "before",  "since", "until", "although", "though", "where", "whether", "whereas"};
// Auxiliaries skipped between a source and its verb ("X has said", "X had been told").
constexpr std::array<std::string_view, 10> kAuxiliaries = {"have", "has", "had", "will", "would",
                                                           "also", "later", "previously", "been", "reportedly"};
// A determiner before a reporting-verb form makes it a noun ("a report", "the claims").
constexpr std::array<std::string_view, 12> kDeterminers = {"a", "an", "the", "this", "that", "these",
                                                           "those", "his", "her", "its", "their", "our"};

template <std::size_t N>
bool in(const std::array<std::string_view, N>& list, std::string_view w) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

void trim(std::string_view text, std::size_t& start, std::size_t& end) {
  while (start < end && is_space(text[start])) ++start;
  while (end > start && is_space(text[end - 1])) --end;
}

// "(Label: X)" inside sentence s. Every search is bounded by the sentence (a ')' may sit just
// past its end): searching to the end of the document made attribute() quadratic in the
// number of sentences when the text has no parenthesis after the current one.
void find_parentheticals(const Document& doc, const Sentence& s, std::vector<Attribution>& out) {
  std::string_view text = doc.text;
  const std::string_view sentence = text.substr(0, s.end);                  // '(' lies before s.end
  const std::string_view closing = text.substr(0, std::min(text.size(), std::size_t{s.end} + 1));  // ')' at most at s.end
  std::size_t pos = s.start;
  while (true) {
    std::size_t open = sentence.find('(', pos);
    if (open == std::string_view::npos) return;
    std::size_t close = closing.find(')', open);
    if (close == std::string_view::npos) return;
    pos = open + 1;
    std::size_t colon = text.substr(0, close).find(':', open);  // the label ends before ')'
    if (colon == std::string_view::npos) continue;
    std::size_t ls = open + 1, le = colon;
    trim(text, ls, le);
    if (!in(kTagLabels, lower_ascii(text.substr(ls, le - ls)))) continue;
    std::size_t ss = colon + 1, se = close;
    trim(text, ss, se);
    if (ss >= se) continue;
    Attribution a;
    a.kind = AttributionKind::parenthetical;
    a.source_start = static_cast<std::uint32_t>(ss);
    a.source_end = static_cast<std::uint32_t>(se);
    a.cue_start = static_cast<std::uint32_t>(ls);
    a.cue_end = static_cast<std::uint32_t>(le);
    a.label = std::string(text.substr(ls, le - ls));
    out.push_back(std::move(a));
    pos = close + 1;
  }
}

bool is_capitalised(const Document& doc, std::size_t token) {
  unsigned char c = static_cast<unsigned char>(doc.text[doc.tokens[token].start]);
  return c < 0x80 ? std::isupper(c) != 0 : false;
}

bool adverb(const std::string& form) { return form.size() > 4 && form.compare(form.size() - 2, 2, "ly") == 0; }

}  // namespace

const char* attribution_kind_name(AttributionKind kind) {
  switch (kind) {
    case AttributionKind::none: return "none";
    case AttributionKind::parenthetical: return "parenthetical";
    case AttributionKind::according_to: return "according_to";
    case AttributionKind::reporting_verb: return "reporting_verb";
  }
  return "none";
}

SentenceAttribution attribute_sentence(const Document& doc, std::size_t sentence, const CueLexicon& lexicon) {
  const Sentence& s = doc.sentences.at(sentence);
  SentenceAttribution out;
  out.sentence = sentence;
  out.cues = lexicon.find(doc, s.token_begin, s.token_end);
  std::vector<Attribution> sources;
  find_parentheticals(doc, s, sources);

  const std::size_t tb = s.token_begin, te = s.token_end;
  auto inside_parenthetical = [&](std::size_t tok) {
    for (const Attribution& a : sources)
      if (a.kind == AttributionKind::parenthetical && doc.tokens[tok].start >= a.cue_start &&
          doc.tokens[tok].end <= a.source_end)
        return true;
    return false;
  };
  auto breaks = [&](std::size_t a, std::size_t b) {  // punctuation between tokens a and b (a < b)
    return clause_break_between(doc.text, doc.tokens[a].end, doc.tokens[b].start);
  };

  for (std::size_t i = tb; i < te; ++i) {
    if (inside_parenthetical(i)) continue;
    std::string form = cue_form(doc, i);
    // "according to X": X runs to the next clause punctuation, at most 10 words.
    if (form == "according" && i + 2 < te && cue_form(doc, i + 1) == "to" && !breaks(i, i + 1)) {
      std::size_t first = i + 2, last = first;
      while (last + 1 < te && last + 1 - first < 10 && !breaks(last, last + 1)) ++last;
      Attribution a;
      a.kind = AttributionKind::according_to;
      a.cue_start = doc.tokens[i].start;
      a.cue_end = doc.tokens[i + 1].end;
      a.source_start = doc.tokens[first].start;
      a.source_end = doc.tokens[last].end;
      sources.push_back(a);
      continue;
    }
  }
  for (const Cue& cue : out.cues) {
    if (cue.kind != CueKind::reporting) continue;
    std::size_t v = cue.token_begin;
    if (inside_parenthetical(v) || is_capitalised(doc, v)) continue;  // "United States", "Reports"
    if (v > tb && in(kDeterminers, cue_form(doc, v - 1))) continue;   // "a report", "the claims"
    // Walk back over auxiliaries and adverbs to the end of the subject.
    std::size_t j = v;
    while (j > tb && !breaks(j - 1, j)) {
      std::string f = cue_form(doc, j - 1);
      if (in(kAuxiliaries, f) || adverb(f)) --j;
      else break;
    }
    std::size_t subj_end = j;  // one past the subject
    std::size_t subj_begin = j;
    if (subj_end > tb && !breaks(subj_end - 1, subj_end)) {
      subj_begin = subj_end - 1;
      while (subj_begin > tb && subj_end - subj_begin < 10 && !breaks(subj_begin - 1, subj_begin) &&
             !in(kClauseWords, cue_form(doc, subj_begin - 1)) )
        --subj_begin;
      // "Analysts emphasize that", "the government said": keep; a clause word alone is no source.
    }
    Attribution a;
    a.kind = AttributionKind::reporting_verb;
    a.cue_start = cue.start;
    a.cue_end = cue.end;
    if (subj_begin < subj_end) {
      a.source_start = doc.tokens[subj_begin].start;
      a.source_end = doc.tokens[subj_end - 1].end;
    } else if (cue.token_end < te && !breaks(cue.token_end - 1, cue.token_end)) {
      // Inverted: '"...," said John Smith.' The source follows the verb.
      std::size_t first = cue.token_end, last = first;
      while (last + 1 < te && last + 1 - first < 6 && !breaks(last, last + 1)) ++last;
      a.source_start = doc.tokens[first].start;
      a.source_end = doc.tokens[last].end;
    } else {
      continue;
    }
    sources.push_back(a);
  }
  std::stable_sort(sources.begin(), sources.end(),
                   [](const Attribution& a, const Attribution& b) { return a.source_start < b.source_start; });
  out.sources = sources;
  // The most explicit source wins: a tag, then "according to", then the first reporting verb.
  for (AttributionKind k : {AttributionKind::parenthetical, AttributionKind::according_to, AttributionKind::reporting_verb}) {
    auto it = std::find_if(sources.begin(), sources.end(), [k](const Attribution& a) { return a.kind == k; });
    if (it != sources.end()) {
      out.attribution = *it;
      break;
    }
  }
  bool evidential = false;
  for (const Cue& c : out.cues) {
    if (c.kind == CueKind::hedge) out.hedged = true;
    if (c.kind == CueKind::negation) out.negated = true;
    if (c.kind == CueKind::reporting && !is_capitalised(doc, c.token_begin)) evidential = true;
    if (c.kind == CueKind::hedge) {
      std::string f = cue_form(doc, c.token_begin);
      if (f == "reportedly" || f == "allegedly" || f == "purportedly" || f == "supposedly" || f == "sources" ||
          f == "source" || f == "according")
        evidential = true;
    }
  }
  out.reported = !sources.empty() || evidential;
  return out;
}

std::vector<SentenceAttribution> attribute(const Document& doc, const CueLexicon& lexicon) {
  std::vector<SentenceAttribution> out;
  out.reserve(doc.sentences.size());
  for (std::size_t i = 0; i < doc.sentences.size(); ++i) out.push_back(attribute_sentence(doc, i, lexicon));
  return out;
}

}  // namespace synopsis
