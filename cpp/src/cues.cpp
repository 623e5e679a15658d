#include "synopsis/cues.hpp"

#include <algorithm>
#include <stdexcept>

#include "embedded_data.hpp"

namespace synopsis {

namespace {

std::vector<std::string> split_words(std::string_view cue) {
  std::vector<std::string> words;
  std::size_t pos = 0;
  while (pos < cue.size()) {
    while (pos < cue.size() && cue[pos] == ' ') ++pos;
    std::size_t end = cue.find(' ', pos);
    if (end == std::string_view::npos) end = cue.size();
    if (end > pos) words.emplace_back(cue.substr(pos, end - pos));
    pos = end;
  }
  return words;
}

void load_file(CueLexicon& lexicon, CueKind kind, std::string_view name) {
  for (std::string_view cue : detail::embedded_lines(name)) lexicon.add(kind, cue);
}

}  // namespace

const char* cue_kind_name(CueKind kind) {
  switch (kind) {
    case CueKind::support: return "support";
    case CueKind::refute: return "refute";
    case CueKind::hedge: return "hedge";
    case CueKind::negation: return "negation";
    case CueKind::reporting: return "reporting";
  }
  return "hedge";
}

const CueLexicon& CueLexicon::english() {
  static const CueLexicon lexicon = [] {
    CueLexicon l;
    load_file(l, CueKind::support, "cues/support.txt");
    load_file(l, CueKind::refute, "cues/refute.txt");
    load_file(l, CueKind::hedge, "cues/hedge.txt");
    load_file(l, CueKind::negation, "cues/negation.txt");
    load_file(l, CueKind::reporting, "cues/reporting.txt");
    return l;
  }();
  return lexicon;
}

void CueLexicon::add(CueKind kind, std::string_view cue) {
  std::vector<std::string> words = split_words(cue);
  if (words.empty()) throw std::invalid_argument("a cue must hold at least one word");
  auto& list = by_first_[words.front()];
  list.push_back(Entry{std::move(words), kind});
  // Longest cues first, so that "according to" wins over "according".
  std::stable_sort(list.begin(), list.end(),
                   [](const Entry& a, const Entry& b) { return a.words.size() > b.words.size(); });
  ++sizes_[static_cast<int>(kind)];
}

std::string cue_form(const Document& doc, std::size_t token) {
  std::string form = doc.terms[doc.tokens[token].term];
  // U+2019 RIGHT SINGLE QUOTATION MARK (E2 80 99) -> '
  for (std::size_t p = form.find("\xE2\x80\x99"); p != std::string::npos; p = form.find("\xE2\x80\x99", p))
    form.replace(p, 3, "'");
  return form;
}

bool clause_break_between(std::string_view text, std::size_t from, std::size_t to) {
  if (to <= from) return false;
  std::string_view gap = text.substr(from, to - from);
  for (char c : gap)
    if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '"' || c == '.' || c == '!' ||
        c == '?' || c == '[' || c == ']')
      return true;
  // typographic quotes and dashes: U+201C, U+201D, U+2013, U+2014
  return gap.find("\xE2\x80\x9C") != std::string_view::npos || gap.find("\xE2\x80\x9D") != std::string_view::npos ||
         gap.find("\xE2\x80\x93") != std::string_view::npos || gap.find("\xE2\x80\x94") != std::string_view::npos ||
         gap.find(" - ") != std::string_view::npos;
}

std::vector<Cue> CueLexicon::find(const Document& doc, std::size_t token_begin, std::size_t token_end,
                                  std::size_t negation_window) const {
  std::vector<Cue> cues;
  token_end = std::min(token_end, doc.tokens.size());
  if (token_begin >= token_end) return cues;
  std::vector<std::string> forms;
  forms.reserve(token_end - token_begin);
  for (std::size_t i = token_begin; i < token_end; ++i) forms.push_back(cue_form(doc, i));

  // per kind: the token up to which an earlier (longer) cue of that kind already covers
  std::size_t covered[kCueKinds] = {0, 0, 0, 0, 0};
  for (std::size_t i = 0; i < forms.size(); ++i) {
    auto it = by_first_.find(forms[i]);
    if (it == by_first_.end()) continue;
    bool matched_kind[kCueKinds] = {false, false, false, false, false};
    for (const Entry& e : it->second) {
      int k = static_cast<int>(e.kind);
      if (matched_kind[k] || covered[k] > i) continue;
      if (i + e.words.size() > forms.size()) continue;
      bool ok = true;
      for (std::size_t w = 1; w < e.words.size() && ok; ++w) {
        ok = forms[i + w] == e.words[w] &&
             !clause_break_between(doc.text, doc.tokens[token_begin + i + w - 1].end,
                                   doc.tokens[token_begin + i + w].start);
      }
      if (!ok) continue;
      matched_kind[k] = true;
      covered[k] = i + e.words.size();
      Cue cue;
      cue.kind = e.kind;
      cue.token_begin = static_cast<std::uint32_t>(token_begin + i);
      cue.token_end = static_cast<std::uint32_t>(token_begin + i + e.words.size());
      cue.start = doc.tokens[cue.token_begin].start;
      cue.end = doc.tokens[cue.token_end - 1].end;
      cues.push_back(cue);
    }
  }
  // Negation scope: following words up to clause punctuation, within the window.
  for (const Cue& neg : cues) {
    if (neg.kind != CueKind::negation) continue;
    std::size_t last = neg.token_end;  // one past the last token in scope
    while (last < token_end && last - neg.token_end < negation_window &&
           !clause_break_between(doc.text, doc.tokens[last - 1].end, doc.tokens[last].start))
      ++last;
    for (Cue& c : cues)
      if (c.kind != CueKind::negation && c.token_begin >= neg.token_end && c.token_begin < last) c.negated = true;
  }
  std::stable_sort(cues.begin(), cues.end(), [](const Cue& a, const Cue& b) { return a.start < b.start; });
  return cues;
}

}  // namespace synopsis
