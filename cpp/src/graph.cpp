#include "synopsis/graph.hpp"

#include <algorithm>
#include <stdexcept>
#include <utility>
#include <vector>

namespace synopsis {

namespace {

using Candidate = std::pair<std::uint32_t, float>;  // (neighbour, similarity)

// Keeps the k best candidates (ties: lower index), or all when k < 0.
void keep_top(std::vector<Candidate>& row, int k) {
  auto better = [](const Candidate& a, const Candidate& b) {
    return a.second > b.second || (a.second == b.second && a.first < b.first);
  };
  if (k >= 0 && row.size() > static_cast<std::size_t>(k)) {
    std::nth_element(row.begin(), row.begin() + k, row.end(), better);
    row.resize(static_cast<std::size_t>(k));
  }
}

// Row i's similarities to every other sentence, from sparse operands through an inverted
// index of the right operand.
class SparseScorer {
 public:
  SparseScorer(const SparseRows& left, const SparseRows& right, std::size_t max_postings)
      : left_(left), index_(right), max_postings_(max_postings), acc_(static_cast<std::size_t>(right.rows()), 0.0f) {
    index_.makeCompressed();
  }

  void row(std::uint32_t i, double min_similarity, std::vector<Candidate>& out) {
    out.clear();
    touched_.clear();
    for (SparseRows::InnerIterator it(left_, i); it; ++it) {
      const Eigen::Index c = it.col();
      const auto begin = index_.outerIndexPtr()[c], end = index_.outerIndexPtr()[c + 1];
      if (static_cast<std::size_t>(end - begin) > max_postings_) continue;
      const float w = it.value();
      for (auto p = begin; p < end; ++p) {
        const auto j = static_cast<std::uint32_t>(index_.innerIndexPtr()[p]);
        if (acc_[j] == 0.0f) touched_.push_back(j);
        acc_[j] += w * index_.valuePtr()[p];
      }
    }
    for (std::uint32_t j : touched_) {
      const float s = acc_[j];
      acc_[j] = 0.0f;
      if (j != i && s > min_similarity) out.emplace_back(j, s);
    }
  }

 private:
  const SparseRows& left_;
  Eigen::SparseMatrix<float, Eigen::ColMajor> index_;  // column c: the sentences holding term c
  std::size_t max_postings_;
  std::vector<float> acc_;
  std::vector<std::uint32_t> touched_;
};

}  // namespace

SparseGraph similarity_graph(const SimilarityOperands& operands, const GraphOptions& options) {
  const Embedding& left = operands.left;
  const Embedding& right = operands.symmetric ? operands.left : operands.right;
  if (left.dense != right.dense || left.rows() != right.rows() || left.cols() != right.cols())
    throw std::invalid_argument("similarity_graph: the two similarity operands must have the same shape and kind");
  if (options.top_k < 1) throw std::invalid_argument("similarity_graph: top_k must be at least 1");
  const auto n = static_cast<std::size_t>(left.rows());
  const bool sparse_graph = n > options.dense_limit;
  const int k = sparse_graph ? options.top_k : -1;
  const bool symmetric = operands.symmetric;

  std::vector<Eigen::Triplet<double>> edges;
  std::vector<Candidate> row;
  auto emit = [&](std::uint32_t i) {
    keep_top(row, k);
    for (const auto& [j, s] : row) {
      if (symmetric && !sparse_graph) {
        edges.emplace_back(i, j, s);  // the full matrix is already symmetric
      } else if (symmetric) {
        edges.emplace_back(i, j, s);  // union of both top-k lists, same weight either way
        edges.emplace_back(j, i, s);
      } else if (options.symmetrize) {
        edges.emplace_back(i, j, 0.5 * s);
        edges.emplace_back(j, i, 0.5 * s);
      } else {
        edges.emplace_back(i, j, s);
      }
    }
  };

  if (!left.dense) {
    const std::size_t max_postings = sparse_graph ? options.max_postings : n + 1;
    SparseScorer scorer(left.sparse, right.sparse, max_postings);
    for (std::uint32_t i = 0; i < n; ++i) {
      scorer.row(i, options.min_similarity, row);
      emit(i);
    }
  } else {
    const Eigen::Index block = sparse_graph ? 256 : static_cast<Eigen::Index>(std::max<std::size_t>(n, 1));
    Eigen::MatrixXf sims;
    for (Eigen::Index b0 = 0; b0 < static_cast<Eigen::Index>(n); b0 += block) {
      const Eigen::Index rows = std::min<Eigen::Index>(block, static_cast<Eigen::Index>(n) - b0);
      sims.noalias() = left.matrix.middleRows(b0, rows) * right.matrix.transpose();
      for (Eigen::Index r = 0; r < rows; ++r) {
        const auto i = static_cast<std::uint32_t>(b0 + r);
        row.clear();
        for (Eigen::Index j = 0; j < static_cast<Eigen::Index>(n); ++j) {
          const float s = sims(r, j);
          if (j != i && s > options.min_similarity) row.emplace_back(static_cast<std::uint32_t>(j), s);
        }
        emit(i);
      }
    }
  }

  SparseGraph graph(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(n));
  if (symmetric && sparse_graph)
    graph.setFromTriplets(edges.begin(), edges.end(), [](double a, double b) { return std::max(a, b); });
  else
    graph.setFromTriplets(edges.begin(), edges.end());
  return graph;
}

SparseGraph similarity_graph(const Embedding& embedding, const GraphOptions& options) {
  SimilarityOperands ops;
  ops.left = embedding;
  ops.symmetric = true;
  return similarity_graph(ops, options);
}

}  // namespace synopsis
