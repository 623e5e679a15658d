#include "synopsis/rank.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

namespace synopsis {

PageRankResult pagerank(const SparseGraph& graph, const PageRankOptions& options, const Eigen::VectorXd& teleport) {
  const Eigen::Index n = graph.rows();
  if (graph.cols() != n) throw std::invalid_argument("pagerank: the graph must be square");
  if (!(options.damping >= 0.0 && options.damping < 1.0))
    throw std::invalid_argument("pagerank: damping must be in [0, 1), got " + std::to_string(options.damping));
  if (!(options.tolerance > 0.0)) throw std::invalid_argument("pagerank: tolerance must be positive");
  if (options.max_iterations < 1) throw std::invalid_argument("pagerank: max_iterations must be at least 1");
  PageRankResult result;
  if (n == 0) {
    result.converged = true;
    return result;
  }

  Eigen::VectorXd jump;
  if (teleport.size() == 0) {
    jump = Eigen::VectorXd::Constant(n, 1.0 / static_cast<double>(n));
  } else {
    if (teleport.size() != n) throw std::invalid_argument("pagerank: teleport vector has the wrong size");
    if ((teleport.array() < 0).any() || !teleport.allFinite())
      throw std::invalid_argument("pagerank: teleport weights must be finite and non-negative");
    const double mass = teleport.sum();
    if (!(mass > 0)) throw std::invalid_argument("pagerank: teleport vector has no mass");
    jump = teleport / mass;
  }

  // Row-normalise out-weights once.
  Eigen::VectorXd out_weight = Eigen::VectorXd::Zero(n);
  for (Eigen::Index i = 0; i < n; ++i)
    for (SparseGraph::InnerIterator it(graph, i); it; ++it) {
      if (it.value() < 0 || !std::isfinite(it.value()))
        throw std::invalid_argument("pagerank: edge weights must be finite and non-negative");
      out_weight[i] += it.value();
    }

  Eigen::VectorXd score = jump;
  Eigen::VectorXd next(n);
  const double d = options.damping;
  for (int iter = 1; iter <= options.max_iterations; ++iter) {
    next.setZero();
    double dangling = 0.0;
    for (Eigen::Index i = 0; i < n; ++i) {
      if (out_weight[i] <= 0) {
        dangling += score[i];
        continue;
      }
      const double share = score[i] / out_weight[i];
      for (SparseGraph::InnerIterator it(graph, i); it; ++it) next[it.col()] += share * it.value();
    }
    next = d * next + (d * dangling + (1.0 - d)) * jump;
    next /= next.sum();
    const double change = (next - score).lpNorm<1>();
    score.swap(next);
    result.iterations = iter;
    if (change < options.tolerance) {
      result.converged = true;
      break;
    }
  }
  result.scores = std::move(score);
  return result;
}

SparseGraph threshold_graph(const SparseGraph& graph, double threshold, bool binary) {
  SparseGraph out = graph;
  out.prune([&](Eigen::Index, Eigen::Index, double value) { return value > threshold; });
  if (binary)
    for (Eigen::Index i = 0; i < out.outerSize(); ++i)
      for (SparseGraph::InnerIterator it(out, i); it; ++it) it.valueRef() = 1.0;
  return out;
}

Eigen::VectorXd position_centrality(const SparseGraph& graph, const PositionCentralityOptions& options) {
  const Eigen::Index n = graph.rows();
  if (graph.cols() != n) throw std::invalid_argument("position_centrality: the graph must be square");
  if (!(options.beta >= 0.0 && options.beta <= 1.0))
    throw std::invalid_argument("position_centrality: beta must be in [0, 1], got " + std::to_string(options.beta));
  if (!std::isfinite(options.lambda1) || !std::isfinite(options.lambda2))
    throw std::invalid_argument("position_centrality: lambda1 and lambda2 must be finite");
  Eigen::VectorXd score = Eigen::VectorXd::Zero(n);
  if (n == 0) return score;
  // Pairs without an edge have similarity 0, which is then the minimum.
  double lo = 0.0, hi = 0.0;
  bool first = true;
  Eigen::Index stored = 0;
  for (Eigen::Index i = 0; i < n; ++i)
    for (SparseGraph::InnerIterator it(graph, i); it; ++it) {
      if (it.col() == i) continue;
      ++stored;
      if (first) lo = hi = it.value(), first = false;
      lo = std::min(lo, it.value());
      hi = std::max(hi, it.value());
    }
  if (stored < n * (n - 1)) lo = std::min(lo, 0.0);
  const double threshold = lo + options.beta * (hi - lo);
  for (Eigen::Index i = 0; i < n; ++i)
    for (SparseGraph::InnerIterator it(graph, i); it; ++it) {
      const Eigen::Index j = it.col();
      const double e = it.value() - threshold;
      if (j == i || e <= 0) continue;
      score[i] += (j < i ? options.lambda1 : options.lambda2) * e;
    }
  return score;
}

}  // namespace synopsis
