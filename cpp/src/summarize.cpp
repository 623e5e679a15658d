#include "synopsis/summarize.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>

#include "synopsis/language.hpp"
#include "synopsis/segment.hpp"

namespace synopsis {

namespace {

std::string quoted_list(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "'" : ", '") + n + "'";
  return out;
}

void require_unit(double value, const char* name) {
  if (!(value >= 0.0 && value <= 1.0))
    throw std::invalid_argument(std::string(name) + " must be in [0, 1], got " + std::to_string(value));
}

bool is_space_byte(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

const TfidfEncoder& term_encoder(const Encoder* encoder) {
  static const TfidfEncoder plain;
  if (auto* e = dynamic_cast<const TfidfEncoder*>(encoder)) return *e;
  if (auto* e = dynamic_cast<const Bm25Encoder*>(encoder)) return e->terms();
  if (auto* e = dynamic_cast<const LsaEncoder*>(encoder)) return e->terms();
  return plain;
}

// Rescales to [0, 1] (all equal: all 1).
void min_max(Eigen::VectorXd& v) {
  if (v.size() == 0) return;
  const double lo = v.minCoeff(), hi = v.maxCoeff();
  if (hi - lo <= 1e-15 * std::max(1.0, std::abs(hi))) {
    v.setOnes();
    return;
  }
  v = (v.array() - lo) / (hi - lo);
}

// Cosine of each prose sentence to a personalisation text (a query row or the title's row).
Eigen::VectorXd relevance(const Embedding& prose_rows, const SparseRows& target) {
  Eigen::VectorXd rel = Eigen::VectorXd::Zero(prose_rows.rows());
  if (target.nonZeros() == 0) return rel;
  Eigen::VectorXf q = Eigen::VectorXf::Zero(target.cols());
  for (SparseRows::InnerIterator it(target, 0); it; ++it) q[it.col()] = it.value();
  for (Eigen::Index i = 0; i < prose_rows.sparse.outerSize(); ++i) {
    double dot = 0;
    for (SparseRows::InnerIterator it(prose_rows.sparse, i); it; ++it) dot += double(it.value()) * q[it.col()];
    rel[i] = std::max(0.0, dot);
  }
  return rel;
}

// How many of the m prose sentences the budget lets through: the tightest of the sentence
// count, the ratio and the word budget (read as words over the mean sentence length).
std::size_t expected_sentences(const std::vector<std::size_t>& words, const SummarizeOptions& options) {
  const std::size_t m = words.size();
  std::size_t k = m;
  if (const std::size_t count = options.sentence_limit()) k = std::min(k, count);
  if (options.ratio)
    k = std::min(k, std::max<std::size_t>(1, static_cast<std::size_t>(std::llround(*options.ratio * static_cast<double>(m)))));
  if (options.words && m > 0) {
    const double total = static_cast<double>(std::accumulate(words.begin(), words.end(), std::size_t{0}));
    const double mean = std::max(1.0, total / static_cast<double>(m));
    k = std::min(k, std::max<std::size_t>(1, static_cast<std::size_t>(static_cast<double>(*options.words) / mean)));
  }
  return k;
}

std::vector<std::size_t> select(const Eigen::VectorXd& score, const std::vector<std::size_t>& words,
                                const SparseGraph& graph, double graph_max, const SummarizeOptions& options) {
  const std::size_t m = static_cast<std::size_t>(score.size());
  std::size_t limit = m;
  if (const std::size_t count = options.sentence_limit()) limit = std::min(limit, count);
  if (options.ratio) {
    const auto by_ratio = static_cast<std::size_t>(std::llround(*options.ratio * static_cast<double>(m)));
    limit = std::min(limit, std::max<std::size_t>(1, by_ratio));
  }
  std::vector<std::size_t> order(m);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return score[a] > score[b]; });

  const std::size_t budget = options.words.value_or(0);
  std::size_t used = 0;
  std::vector<std::size_t> chosen;
  auto fits = [&](std::size_t p) { return budget == 0 || used + words[p] <= budget; };

  if (options.diversity <= 0.0) {
    for (std::size_t p : order) {
      if (chosen.size() >= limit) break;
      if (!fits(p)) continue;
      chosen.push_back(p);
      used += words[p];
    }
  } else {
    // MMR over the best candidates: (1 - diversity) * score - diversity * max similarity to
    // what is already chosen.
    const std::size_t pool_size = std::min(m, std::max<std::size_t>(50, 10 * limit));
    std::vector<std::size_t> pool(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(pool_size));
    std::vector<double> redundancy(m, 0.0);
    std::vector<char> taken(m, 0);
    const double lambda = options.diversity;
    const double scale = graph_max > 0 ? 1.0 / graph_max : 0.0;
    while (chosen.size() < limit) {
      std::size_t best = m;
      double best_value = -std::numeric_limits<double>::infinity();
      for (std::size_t p : pool) {
        if (taken[p] || !fits(p)) continue;
        const double value = (1.0 - lambda) * score[p] - lambda * redundancy[p];
        if (value > best_value) best_value = value, best = p;
      }
      if (best == m) break;
      taken[best] = 1;
      chosen.push_back(best);
      used += words[best];
      for (SparseGraph::InnerIterator it(graph, static_cast<Eigen::Index>(best)); it; ++it) {
        const auto j = static_cast<std::size_t>(it.col());
        redundancy[j] = std::max(redundancy[j], it.value() * scale);
      }
    }
  }
  // Never empty: when no sentence fits the word budget, the best one is returned alone.
  if (chosen.empty() && m > 0) chosen.push_back(order[0]);
  std::sort(chosen.begin(), chosen.end());
  return chosen;
}

}  // namespace

const std::vector<std::string>& summarize_methods() {
  static const std::vector<std::string> names{"pacsum", "textrank", "lexrank", "lead"};
  return names;
}

void validate(const SummarizeOptions& o) {
  validate_format(o.format);
  const auto& methods = summarize_methods();
  if (std::find(methods.begin(), methods.end(), o.method) == methods.end())
    throw std::invalid_argument("unknown method '" + o.method + "'; use one of " + quoted_list(methods));
  if (!o.encoder_object) {
    const auto& encoders = encoder_names();
    if (std::find(encoders.begin(), encoders.end(), o.encoder) == encoders.end())
      throw std::invalid_argument("unknown encoder '" + o.encoder + "'; use one of " + quoted_list(encoders) +
                                  " or an Encoder object");
  }
  if (o.sentences && *o.sentences < 1)
    throw std::invalid_argument("sentences must be at least 1, got " + std::to_string(*o.sentences));
  if (o.ratio && !(*o.ratio > 0.0 && *o.ratio <= 1.0))
    throw std::invalid_argument("ratio must be in (0, 1], got " + std::to_string(*o.ratio));
  if (o.words && *o.words < 1) throw std::invalid_argument("words must be at least 1, got " + std::to_string(*o.words));
  require_unit(o.diversity, "diversity");
  require_unit(o.query_weight, "query_weight");
  require_unit(o.title_weight, "title_weight");
  if (!(o.damping >= 0.0 && o.damping < 1.0))
    throw std::invalid_argument("damping must be in [0, 1), got " + std::to_string(o.damping));
  if (!(o.tolerance > 0.0 && o.tolerance < 1.0))
    throw std::invalid_argument("tolerance must be in (0, 1), got " + std::to_string(o.tolerance));
  if (o.max_iterations < 1) throw std::invalid_argument("max_iterations must be at least 1");
  if (!(o.lexrank_threshold >= 0.0 && o.lexrank_threshold < 1.0))
    throw std::invalid_argument("lexrank_threshold must be in [0, 1), got " + std::to_string(o.lexrank_threshold));
  require_unit(o.pacsum.beta, "pacsum beta");
  if (!std::isfinite(o.pacsum.lambda1) || !std::isfinite(o.pacsum.lambda2))
    throw std::invalid_argument("pacsum lambda1 and lambda2 must be finite numbers");
  if (!(o.position_weight >= 0.0) || !std::isfinite(o.position_weight))
    throw std::invalid_argument("position_weight must be a non-negative number, got " + std::to_string(o.position_weight));
  if (!(o.lede_position_weight >= 0.0) || !std::isfinite(o.lede_position_weight))
    throw std::invalid_argument("lede_position_weight must be a non-negative number, got " +
                                std::to_string(o.lede_position_weight));
  if (!std::isfinite(o.lede_lambda1)) throw std::invalid_argument("lede_lambda1 must be a finite number");
  require_unit(o.lede_share, "lede_share");
  primary_language(o.language);  // a malformed code is an std::invalid_argument
  if (o.graph.top_k < 1) throw std::invalid_argument("graph_top_k must be at least 1");
  if (o.graph.dense_limit < 1) throw std::invalid_argument("graph_dense_limit must be at least 1");
}

std::size_t count_words(std::string_view text) {
  std::size_t n = 0;
  bool in_word = false;
  for (unsigned char c : text) {
    const bool space = is_space_byte(c);
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

Summary summarize(const Document& doc, const SummarizeOptions& options, const DenseRows* embeddings) {
  validate(options);
  if (embeddings && embeddings->rows() != static_cast<Eigen::Index>(doc.sentences.size()))
    throw std::invalid_argument("embeddings must have one row per sentence of the segmented text: expected " +
                                std::to_string(doc.sentences.size()) + " rows, got " +
                                std::to_string(embeddings->rows()));
  if (embeddings && !embeddings->allFinite()) throw std::invalid_argument("embeddings must be finite numbers");
  Summary summary;
  std::vector<std::uint32_t> prose;
  for (const Sentence& s : doc.sentences)
    if (s.is_prose() || (options.include_comments && doc.is_comment_text(s.index))) prose.push_back(s.index);
  const std::size_t m = prose.size();
  if (m == 0) return summary;

  std::vector<std::size_t> words(m);  // read only under a word budget
  if (options.words)
    for (std::size_t p = 0; p < m; ++p) words[p] = count_words(doc.sentence_text(prose[p]));

  Eigen::VectorXd score(static_cast<Eigen::Index>(m));
  SparseGraph graph;
  double graph_max = 0.0;
  if (options.method == "lead" || m == 1) {
    for (std::size_t p = 0; p < m; ++p) score[p] = 1.0 - static_cast<double>(p) / static_cast<double>(m);
    graph.resize(static_cast<Eigen::Index>(m), static_cast<Eigen::Index>(m));
  } else {
    std::shared_ptr<const Encoder> encoder = options.encoder_object;
    if (!encoder && !embeddings) encoder = make_encoder(options.encoder);
    SimilarityOperands ops;
    if (embeddings) {
      ops.left.dense = true;
      ops.left.matrix = *embeddings;
      ops.left.normalize_rows();
    } else {
      ops = encoder->similarity(doc);
    }
    // Personalisation target: the query, else the headline.
    const TfidfEncoder& terms = term_encoder(encoder.get());
    Eigen::VectorXd rel;
    double pull = 0.0;
    if (!options.query.empty() || (options.use_title && doc.title >= 0 && options.title_weight > 0)) {
      const bool reuse = !embeddings && ops.symmetric && !ops.left.dense && encoder.get() == &terms;
      Embedding all_rows;
      if (!reuse) all_rows = terms.encode(doc);
      const Embedding& rows = reuse ? ops.left : all_rows;
      SparseRows target;
      if (!options.query.empty()) {
        SegmentOptions so;
        so.language = options.language;
        so.format = "text";  // a query is never a page
        const Document query = segment(options.query, so);
        target = terms.encode_texts(doc, {&query});
        pull = options.query_weight;
      } else {
        target = rows.sparse.middleRows(doc.title, 1);
        pull = options.title_weight;
      }
      rel = relevance(rows.select_rows(prose), target);
      if (!(rel.maxCoeff() > 0)) pull = 0.0;
    }
    SimilarityOperands prose_ops;
    prose_ops.symmetric = ops.symmetric;
    prose_ops.left = ops.left.select_rows(prose);
    if (!ops.symmetric) prose_ops.right = ops.right.select_rows(prose);
    graph = similarity_graph(prose_ops, options.graph);
    for (Eigen::Index i = 0; i < graph.outerSize(); ++i)
      for (SparseGraph::InnerIterator it(graph, i); it; ++it) graph_max = std::max(graph_max, it.value());
    if (!ops.symmetric && graph_max > 0) graph /= graph_max, graph_max = 1.0;

    if (options.method == "pacsum") {
      PositionCentralityOptions edges = options.pacsum;
      double prior = options.position_weight;
      if (static_cast<double>(expected_sentences(words, options)) < options.lede_share * static_cast<double>(m)) {
        edges.lambda1 = options.lede_lambda1;
        prior = options.lede_position_weight;
      }
      score = position_centrality(graph, edges);
      min_max(score);
      if (prior > 0)
        for (std::size_t p = 0; p < m; ++p) score[p] += prior / (1.0 + static_cast<double>(p));
    } else {
      PageRankOptions pr;
      pr.damping = options.damping;
      pr.tolerance = options.tolerance;
      pr.max_iterations = options.max_iterations;
      Eigen::VectorXd teleport;
      if (pull > 0)
        teleport = Eigen::VectorXd::Constant(static_cast<Eigen::Index>(m), (1.0 - pull) / static_cast<double>(m)) +
                   pull * rel / rel.sum();
      if (options.method == "lexrank" && options.lexrank_threshold > 0)
        score = pagerank(threshold_graph(graph, options.lexrank_threshold, true), pr, teleport).scores;
      else
        score = pagerank(graph, pr, teleport).scores;
    }
    min_max(score);
    // The query (or headline) also counts directly: a random walk alone lets a well-connected
    // sentence outrank the one the query names.
    if (pull > 0) {
      score = (1.0 - pull) * score + pull * rel / rel.maxCoeff();
      min_max(score);
    }
  }

  for (std::size_t p : select(score, words, graph, graph_max, options)) {
    const Sentence& s = doc.sentences[prose[p]];
    summary.sentences.push_back(SummarySentence{s.index, s.start, s.end, score[static_cast<Eigen::Index>(p)]});
  }
  return summary;
}

Summary summarize(std::string_view text, const SummarizeOptions& options) {
  validate(options);
  SegmentOptions so;
  so.language = options.language;
  so.format = options.format;
  return summarize(segment(text, so), options);
}

}  // namespace synopsis
