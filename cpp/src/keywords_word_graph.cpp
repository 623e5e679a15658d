// Word co-occurrence graphs: TextRank (Mihalcea and Tarau 2004), SingleRank (Wan and Xiao
// 2008) and PositionRank (Florescu and Caragea 2017), all ranked by synopsis::pagerank.
#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <unordered_map>

#include "keywords_internal.hpp"
#include "synopsis/rank.hpp"

namespace synopsis::detail {

namespace {

using u32 = std::uint32_t;

struct WordGraph {
  std::vector<u32> node_of_stem;  // stem id -> node, or kNone
  std::vector<u32> stem_of_node;
  Eigen::VectorXd scores;
};

constexpr u32 kNone = ~u32{0};

int default_window(KeywordMethod method) { return method == KeywordMethod::textrank ? 2 : 10; }

WordGraph rank_words(const Document& doc, const CandidateSet& set, const KeywordOptions& options) {
  WordGraph g;
  g.node_of_stem.assign(doc.stems.size(), kNone);
  // Tokens that belong to a candidate are the graph's words.
  std::vector<char> in_candidate(doc.tokens.size(), 0);
  for (const Candidate& c : set.candidates)
    for (const CandidateOccurrence& o : c.occurrences)
      for (u32 t = o.token_begin; t < o.token_end; ++t) in_candidate[t] = 1;

  // The token sequence of the eligible sentences: (position, node) of candidate words.
  std::vector<std::pair<u32, u32>> sequence;
  for (std::size_t k = 0; k < set.sentences.size(); ++k) {
    const Sentence& s = doc.sentences[set.sentences[k]];
    for (u32 t = s.token_begin; t < s.token_end; ++t) {
      if (!in_candidate[t]) continue;
      const u32 stem = doc.tokens[t].stem;
      if (g.node_of_stem[stem] == kNone) {
        g.node_of_stem[stem] = static_cast<u32>(g.stem_of_node.size());
        g.stem_of_node.push_back(stem);
      }
      sequence.emplace_back(set.first_position[k] + (t - s.token_begin), g.node_of_stem[stem]);
    }
  }
  const Eigen::Index n = static_cast<Eigen::Index>(g.stem_of_node.size());
  if (n == 0) return g;

  const int window = options.window > 0 ? options.window : default_window(options.method);
  // TextRank counts the window over content words only; the others over all tokens.
  const bool content_only = options.method == KeywordMethod::textrank;
  std::vector<Eigen::Triplet<double>> edges;
  for (std::size_t i = 0; i < sequence.size(); ++i) {
    for (std::size_t j = i + 1; j < sequence.size(); ++j) {
      const std::size_t distance = content_only ? j - i : sequence[j].first - sequence[i].first;
      if (distance >= static_cast<std::size_t>(window)) break;
      const u32 a = sequence[i].second, b = sequence[j].second;
      if (a == b) continue;
      edges.emplace_back(a, b, 1.0);
      edges.emplace_back(b, a, 1.0);
    }
  }
  SparseGraph graph(n, n);
  graph.setFromTriplets(edges.begin(), edges.end());  // duplicates add up: co-occurrence counts

  Eigen::VectorXd teleport;
  if (options.method == KeywordMethod::positionrank) {
    teleport = Eigen::VectorXd::Zero(n);
    for (const auto& [position, node] : sequence) teleport[node] += 1.0 / (1.0 + position);
  }
  PageRankOptions pr;
  pr.damping = options.damping;
  pr.tolerance = 1e-8;
  g.scores = pagerank(graph, pr, teleport).scores;
  return g;
}

double phrase_score(const WordGraph& g, const Candidate& c, double length_exponent) {
  double score = 0.0;
  for (u32 stem : c.stems) {
    const u32 node = g.node_of_stem[stem];
    if (node != kNone) score += g.scores[node];
  }
  if (length_exponent != 0.0) score /= std::pow(static_cast<double>(c.stems.size()), length_exponent);
  return score;
}

bool hyphen_between(const Document& doc, u32 left_token) {
  const std::string_view gap = doc.span(doc.tokens[left_token].end, doc.tokens[left_token + 1].start);
  return gap == "-" || gap == "\u2010" || gap == "\u2011";
}

}  // namespace

std::vector<double> word_graph_scores(const Document& doc, const CandidateSet& set, const KeywordOptions& options) {
  const WordGraph g = rank_words(doc, set, options);
  std::vector<double> scores(set.candidates.size(), 0.0);
  if (g.scores.size() == 0) return scores;
  for (std::size_t i = 0; i < set.candidates.size(); ++i) scores[i] = phrase_score(g, set.candidates[i], options.length_exponent);
  return scores;
}

void textrank_phrases(const Document& doc, CandidateSet& set, std::vector<double>& scores,
                      const KeywordOptions& options) {
  const WordGraph g = rank_words(doc, set, options);
  const std::size_t n = g.stem_of_node.size();
  scores.clear();
  if (n == 0) {
    set.candidates.clear();
    return;
  }
  // The top third of the words (at least one), ties broken by first appearance.
  std::vector<u32> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](u32 a, u32 b) { return g.scores[a] > g.scores[b]; });
  const std::size_t keep = std::max<std::size_t>(1, (n + 2) / 3);
  std::vector<char> top(doc.stems.size(), 0);
  for (std::size_t i = 0; i < keep; ++i) top[g.stem_of_node[order[i]]] = 1;

  // Adjacent top words inside a candidate merge into a phrase; a hyphenated word is kept or
  // dropped whole.
  CandidateSet merged;
  merged.sentences = set.sentences;
  merged.first_position = set.first_position;
  merged.positions = set.positions;
  std::unordered_map<std::string, u32> index;
  for (const Candidate& c : set.candidates) {
    for (const CandidateOccurrence& o : c.occurrences) {
      // words of the occurrence as token ranges
      std::vector<std::pair<u32, u32>> words;
      for (u32 t = o.token_begin; t < o.token_end;) {
        u32 e = t + 1;
        while (e < o.token_end && hyphen_between(doc, e - 1)) ++e;
        words.emplace_back(t, e);
        t = e;
      }
      std::size_t w = 0;
      while (w < words.size()) {
        auto all_top = [&](std::size_t k) {
          for (u32 t = words[k].first; t < words[k].second; ++t)
            if (!top[doc.tokens[t].stem]) return false;
          return true;
        };
        if (!all_top(w)) {
          ++w;
          continue;
        }
        std::size_t e = w + 1;
        while (e < words.size() && all_top(e)) ++e;
        // a run made only of numbers is not a phrase
        bool has_word = false;
        std::string key;
        std::vector<u32> stems;
        for (std::size_t k = w; k < e; ++k)
          for (u32 t = words[k].first; t < words[k].second; ++t) {
            has_word = has_word || doc.tokens[t].kind == TokenKind::word;
            if (!key.empty()) key += ' ';
            key += doc.stems[doc.tokens[t].stem];
            stems.push_back(doc.tokens[t].stem);
          }
        if (has_word) {
          auto [it, inserted] = index.emplace(key, static_cast<u32>(merged.candidates.size()));
          if (inserted) {
            Candidate m;
            m.key = key;
            m.stems = std::move(stems);
            merged.candidates.push_back(std::move(m));
          }
          CandidateOccurrence occ;
          occ.token_begin = words[w].first;
          occ.token_end = words[e - 1].second;
          occ.start = doc.tokens[occ.token_begin].start;
          occ.end = occ.token_end == o.token_end ? o.end : doc.tokens[occ.token_end - 1].end;
          occ.sentence = o.sentence;
          occ.position = o.position + (occ.token_begin - o.token_begin);
          merged.candidates[it->second].occurrences.push_back(occ);
        }
        w = e;
      }
    }
  }
  // Occurrences were gathered candidate by candidate; restore text order.
  for (Candidate& m : merged.candidates)
    std::sort(m.occurrences.begin(), m.occurrences.end(),
              [](const CandidateOccurrence& a, const CandidateOccurrence& b) { return a.start < b.start; });
  std::stable_sort(merged.candidates.begin(), merged.candidates.end(), [](const Candidate& a, const Candidate& b) {
    return a.occurrences.front().start < b.occurrences.front().start;
  });
  scores.resize(merged.candidates.size());
  for (std::size_t i = 0; i < merged.candidates.size(); ++i) scores[i] = phrase_score(g, merged.candidates[i], options.length_exponent);
  set = std::move(merged);
}

}  // namespace synopsis::detail
