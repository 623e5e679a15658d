// Topic-based ranking: TopicRank (Bougouin, Boudin and Daille 2013) and MultipartiteRank
// (Boudin 2018). Candidates that share stems are grouped by average-linkage agglomerative
// clustering; topics (or candidates across topics) are ranked by synopsis::pagerank over
// edges weighted by how close their occurrences are in the text.
#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <queue>

#include "keywords_internal.hpp"
#include "synopsis/rank.hpp"

namespace synopsis::detail {

namespace {

using u32 = std::uint32_t;

// Bounds that keep very long documents linear-ish: the clustering considers at most this many
// candidates (the most frequent; the rest are not ranked), and occurrences farther apart than
// kMaxGap tokens add no edge weight (their 1/gap contribution is negligible).
constexpr std::size_t kMaxTopicCandidates = 2000;
constexpr u32 kMaxGap = 2000;

std::vector<u32> sorted_unique(std::vector<u32> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

double jaccard(const std::vector<u32>& a, const std::vector<u32>& b) {
  std::size_t common = 0, i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) ++i;
    else if (b[j] < a[i]) ++j;
    else ++common, ++i, ++j;
  }
  const std::size_t total = a.size() + b.size() - common;
  return total ? static_cast<double>(common) / static_cast<double>(total) : 0.0;
}

// Average-linkage clustering with distance 1 - Jaccard(stems), cut at `threshold`. Pairs that
// share no stem are at distance 1, so only sharing pairs need storing. Returns a topic id per
// candidate (ids in order of first member).
std::vector<u32> cluster(const std::vector<std::vector<u32>>& stems, std::size_t n_stems, double threshold) {
  const std::size_t n = stems.size();
  std::vector<std::vector<u32>> by_stem(n_stems);
  for (std::size_t i = 0; i < n; ++i)
    for (u32 s : stems[i]) by_stem[s].push_back(static_cast<u32>(i));

  // sim[i]: cluster -> summed similarity to cluster i
  std::vector<std::unordered_map<u32, double>> sim(n);
  for (const auto& members : by_stem)
    for (std::size_t x = 0; x < members.size(); ++x)
      for (std::size_t y = x + 1; y < members.size(); ++y) {
        const u32 a = members[x], b = members[y];
        if (sim[a].count(b)) continue;
        const double s = jaccard(stems[a], stems[b]);
        sim[a][b] = s;
        sim[b][a] = s;
      }
  std::vector<double> size(n, 1.0);
  std::vector<u32> version(n, 0);
  std::vector<u32> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  std::vector<char> alive(n, 1);

  struct Entry {
    double similarity;
    u32 a, b, va, vb;
    bool operator<(const Entry& o) const {  // max-heap on similarity, then smaller ids first
      if (similarity != o.similarity) return similarity < o.similarity;
      if (a != o.a) return a > o.a;
      return b > o.b;
    }
  };
  const double min_similarity = 1.0 - threshold;  // merge while average distance <= threshold
  std::priority_queue<Entry> heap;
  for (u32 a = 0; a < n; ++a)
    for (const auto& [b, s] : sim[a])
      if (a < b && s >= min_similarity - 1e-12) heap.push({s, a, b, 0, 0});

  while (!heap.empty()) {
    const Entry e = heap.top();
    heap.pop();
    if (!alive[e.a] || !alive[e.b] || version[e.a] != e.va || version[e.b] != e.vb) continue;
    // merge b into a
    const u32 a = e.a, b = e.b;
    alive[b] = 0;
    parent[b] = a;
    for (const auto& [c, s] : sim[b]) {
      if (c == a) continue;
      sim[a][c] += s;
      sim[c].erase(b);
      sim[c][a] = sim[a][c];
    }
    sim[a].erase(b);
    sim[b].clear();
    size[a] += size[b];
    ++version[a];
    for (const auto& [c, s] : sim[a]) {
      if (!alive[c]) continue;
      const double average = s / (size[a] * size[c]);
      if (average >= min_similarity - 1e-12) {
        const u32 lo = std::min(a, c), hi = std::max(a, c);
        heap.push({average, lo, hi, version[lo], version[hi]});
      }
    }
  }
  auto root = [&](u32 i) {
    while (parent[i] != i) i = parent[i];
    return i;
  };
  std::vector<u32> topic(n), id_of_root(n, ~u32{0});
  u32 next = 0;
  for (u32 i = 0; i < n; ++i) {
    const u32 r = root(i);
    if (id_of_root[r] == ~u32{0}) id_of_root[r] = next++;
    topic[i] = id_of_root[r];
  }
  return topic;
}

struct Placed {
  u32 position, length, candidate;
};

}  // namespace

std::vector<double> topic_scores(const Document& doc, const CandidateSet& set, const KeywordOptions& options) {
  const double excluded = -std::numeric_limits<double>::infinity();
  std::vector<double> scores(set.candidates.size(), excluded);
  // The candidates taken into account: all, or the most frequent when there are too many.
  std::vector<u32> chosen(set.candidates.size());
  std::iota(chosen.begin(), chosen.end(), 0);
  if (chosen.size() > kMaxTopicCandidates) {
    std::stable_sort(chosen.begin(), chosen.end(), [&](u32 a, u32 b) {
      return set.candidates[a].occurrences.size() > set.candidates[b].occurrences.size();
    });
    chosen.resize(kMaxTopicCandidates);
    std::sort(chosen.begin(), chosen.end());
  }
  const std::size_t n = chosen.size();
  if (n == 0) return scores;

  std::vector<std::vector<u32>> stems(n);
  for (std::size_t i = 0; i < n; ++i) stems[i] = sorted_unique(set.candidates[chosen[i]].stems);
  const std::vector<u32> topic = cluster(stems, doc.stems.size(), options.cluster_threshold);
  const u32 n_topics = topic.empty() ? 0 : *std::max_element(topic.begin(), topic.end()) + 1;

  // Occurrences in text order.
  std::vector<Placed> placed;
  for (std::size_t i = 0; i < n; ++i)
    for (const CandidateOccurrence& o : set.candidates[chosen[i]].occurrences)
      placed.push_back({o.position, o.token_end - o.token_begin, static_cast<u32>(i)});
  std::sort(placed.begin(), placed.end(), [](const Placed& a, const Placed& b) {
    return a.position != b.position ? a.position < b.position : a.candidate < b.candidate;
  });

  // The first-occurring candidate of each topic represents it.
  std::vector<u32> first_of_topic(n_topics, ~u32{0});
  for (std::size_t i = 0; i < n; ++i) {
    u32& f = first_of_topic[topic[i]];
    if (f == ~u32{0} || set.candidates[chosen[i]].occurrences.front().position <
                            set.candidates[chosen[f]].occurrences.front().position)
      f = static_cast<u32>(i);
  }

  const bool multipartite = options.method == KeywordMethod::multipartiterank;
  const std::size_t nodes = multipartite ? n : n_topics;
  // Edge weights between candidates (or topics) of different topics: the sum of 1 / gap over
  // pairs of their occurrences; duplicate triplets add up.
  std::vector<Eigen::Triplet<double>> triplets;
  for (std::size_t i = 0; i < placed.size(); ++i)
    for (std::size_t j = i + 1; j < placed.size(); ++j) {
      if (placed[j].position - placed[i].position > kMaxGap) break;
      const u32 ci = placed[i].candidate, cj = placed[j].candidate;
      if (topic[ci] == topic[cj]) continue;
      const double gap = std::max<double>(1.0, static_cast<double>(placed[j].position) - placed[i].position -
                                                   (static_cast<double>(placed[i].length) - 1.0));
      const int a = static_cast<int>(multipartite ? ci : topic[ci]), b = static_cast<int>(multipartite ? cj : topic[cj]);
      triplets.emplace_back(a, b, 1.0 / gap);
      triplets.emplace_back(b, a, 1.0 / gap);
    }
  SparseGraph graph(static_cast<Eigen::Index>(nodes), static_cast<Eigen::Index>(nodes));
  graph.setFromTriplets(triplets.begin(), triplets.end());

  if (multipartite) {
    // Boost edges into the first candidate of each topic by the weights of its siblings
    // (Boudin 2018, eq. 2): w(j -> first) += alpha * exp(1 / (1 + p_first)) * sum_v w(v, j).
    std::vector<std::vector<u32>> members(n_topics);
    for (std::size_t i = 0; i < n; ++i) members[topic[i]].push_back(static_cast<u32>(i));
    std::vector<Eigen::Triplet<double>> boosts;
    for (u32 t = 0; t < n_topics; ++t) {
      if (members[t].size() < 2) continue;
      const u32 first = first_of_topic[t];
      const double position_weight =
          std::exp(1.0 / (1.0 + set.candidates[chosen[first]].occurrences.front().position));
      for (SparseGraph::InnerIterator it(graph, first); it; ++it) {
        const auto j = it.col();
        double booster = 0.0;
        for (u32 v : members[t])
          if (v != first) booster += graph.coeff(v, j);
        if (booster > 0) boosts.emplace_back(static_cast<int>(j), static_cast<int>(first), options.alpha * position_weight * booster);
      }
    }
    SparseGraph boost(graph.rows(), graph.cols());
    boost.setFromTriplets(boosts.begin(), boosts.end());
    graph += boost;
  }

  PageRankOptions pr;
  pr.damping = options.damping;
  pr.tolerance = 1e-8;
  const Eigen::VectorXd rank = pagerank(graph, pr).scores;

  if (multipartite) {
    for (std::size_t i = 0; i < n; ++i) scores[chosen[i]] = rank[static_cast<Eigen::Index>(i)];
  } else {
    for (u32 t = 0; t < n_topics; ++t) scores[chosen[first_of_topic[t]]] = rank[t];
  }
  return scores;
}

}  // namespace synopsis::detail
