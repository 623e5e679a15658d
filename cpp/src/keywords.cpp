// Keyphrase extraction: method dispatch, ranking, deduplication and surface forms.
#include "synopsis/keywords.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <stdexcept>
#include <unordered_set>

#include "keywords_internal.hpp"

namespace synopsis {

namespace {

constexpr std::pair<std::string_view, KeywordMethod> kMethods[] = {
    {"textrank", KeywordMethod::textrank},         {"singlerank", KeywordMethod::singlerank},
    {"positionrank", KeywordMethod::positionrank}, {"topicrank", KeywordMethod::topicrank},
    {"multipartiterank", KeywordMethod::multipartiterank}, {"tfidf", KeywordMethod::tfidf},
    {"positiontfidf", KeywordMethod::positiontfidf},
    {"embedrank", KeywordMethod::embedrank},
};

using u32 = std::uint32_t;

// Is `part` a contiguous run of `whole`?
bool contains(const std::vector<u32>& whole, const std::vector<u32>& part) {
  if (part.size() > whole.size()) return false;
  return std::search(whole.begin(), whole.end(), part.begin(), part.end()) != whole.end();
}

Keyword make_keyword(const Document& doc, const Candidate& c, double score) {
  Keyword k;
  k.key = c.key;
  k.score = score;
  k.offsets.reserve(c.occurrences.size());
  // the most frequent surface form, the first seen on ties
  std::map<std::string_view, std::pair<std::size_t, std::size_t>> forms;  // text -> (count, first index)
  for (std::size_t i = 0; i < c.occurrences.size(); ++i) {
    const CandidateOccurrence& o = c.occurrences[i];
    k.offsets.emplace_back(o.start, o.end);
    auto [it, inserted] = forms.emplace(doc.span(o.start, o.end), std::make_pair(std::size_t{0}, i));
    ++it->second.first;
  }
  std::string_view best;
  std::size_t best_count = 0, best_first = 0;
  for (const auto& [text, info] : forms)
    if (info.first > best_count || (info.first == best_count && info.second < best_first)) {
      best = text;
      best_count = info.first;
      best_first = info.second;
    }
  k.phrase = std::string(best);
  // line breaks inside a phrase read as spaces
  for (char& ch : k.phrase)
    if (ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';
  return k;
}

}  // namespace

KeywordMethod keyword_method(std::string_view name) {
  for (const auto& [n, m] : kMethods)
    if (n == name) return m;
  throw std::invalid_argument("unknown keyword method '" + std::string(name) + "'; use one of " +
                              keyword_method_names());
}

std::string_view keyword_method_name(KeywordMethod method) {
  for (const auto& [n, m] : kMethods)
    if (m == method) return n;
  return "positionrank";
}

std::string keyword_method_names() {
  std::string out;
  for (const auto& [n, m] : kMethods) {
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out;
}

void validate(const KeywordOptions& options) {
  if (options.top < 1) throw std::invalid_argument("top must be at least 1");
  if (options.window < 0) throw std::invalid_argument("window must be positive (or 0 for the method's default)");
  if (options.window == 1) throw std::invalid_argument("window must be at least 2 (a window of 1 links no words)");
  if (options.window > 1000000) throw std::invalid_argument("window must be at most 1000000");
  if (!(options.damping >= 0.0 && options.damping < 1.0))
    throw std::invalid_argument("damping must be in [0, 1)");
  if (!(options.cluster_threshold >= 0.0 && options.cluster_threshold <= 1.0))
    throw std::invalid_argument("cluster_threshold must be in [0, 1]");
  if (!(options.length_exponent >= 0.0 && options.length_exponent <= 4.0))
    throw std::invalid_argument("length_exponent must be in [0, 4]");
  if (!(options.alpha >= 0.0) || !std::isfinite(options.alpha))
    throw std::invalid_argument("alpha must be finite and non-negative");
  if (!(options.position_decay > 0.0) || !std::isfinite(options.position_decay))
    throw std::invalid_argument("position_decay must be a positive number of tokens");
  if (!(options.diversity >= 0.0 && options.diversity <= 1.0))
    throw std::invalid_argument("diversity must be in [0, 1]");
  if (options.candidates.max_words < 1 || options.candidates.max_words > 64)
    throw std::invalid_argument("max_words must be between 1 and 64, got " + std::to_string(options.candidates.max_words));
}

std::vector<Keyword> extract_keywords(const Document& doc, const KeywordOptions& options, const DocumentFrequency* df) {
  validate(options);
  detail::CandidateSet set = detail::find_candidates(doc, options.candidates);
  if (set.candidates.empty()) return {};

  std::vector<double> scores;
  switch (options.method) {
    case KeywordMethod::textrank:
      detail::textrank_phrases(doc, set, scores, options);
      break;
    case KeywordMethod::singlerank:
    case KeywordMethod::positionrank:
      scores = detail::word_graph_scores(doc, set, options);
      break;
    case KeywordMethod::topicrank:
    case KeywordMethod::multipartiterank:
      scores = detail::topic_scores(doc, set, options);
      break;
    case KeywordMethod::tfidf:
    case KeywordMethod::positiontfidf:
      scores = detail::tfidf_scores(doc, set, options, df);
      break;
    case KeywordMethod::embedrank:
      scores = detail::embedrank_scores(doc, set, options);
      break;
  }

  // Best first; ties go to the phrase seen first (candidates are in order of first occurrence).
  std::vector<u32> order(set.candidates.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](u32 a, u32 b) { return scores[a] > scores[b]; });

  std::vector<Keyword> out;
  std::vector<const Candidate*> chosen;
  for (u32 i : order) {
    if (out.size() >= options.top) break;
    if (!(scores[i] > -std::numeric_limits<double>::infinity())) continue;  // not ranked by the method
    const Candidate& c = set.candidates[i];
    bool redundant = false;
    for (const Candidate* s : chosen) {
      if (options.dedup == KeywordDedup::none) break;
      if (contains(s->stems, c.stems) || (options.dedup == KeywordDedup::overlap && contains(c.stems, s->stems))) {
        redundant = true;
        break;
      }
    }
    if (redundant) continue;
    chosen.push_back(&c);
    out.push_back(make_keyword(doc, c, scores[i]));
  }
  return out;
}

}  // namespace synopsis
