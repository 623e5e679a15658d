// Centrality on weighted graphs: PageRank by power iteration (TextRank for sentences and
// words), optionally personalised.
#pragma once

#include <Eigen/Core>
#include <Eigen/SparseCore>

namespace synopsis {

using SparseGraph = Eigen::SparseMatrix<double, Eigen::RowMajor>;  // W(i, j): weight of edge i -> j

struct PageRankOptions {
  double damping = 0.85;    // probability of following an edge
  double tolerance = 1e-6;  // stop when the L1 change of the scores falls below this
  int max_iterations = 200;
};

struct PageRankResult {
  Eigen::VectorXd scores;  // sums to 1
  int iterations = 0;
  bool converged = false;
};

// Weighted PageRank: each node spreads its score along its out-edges in proportion to their
// weights; dangling nodes spread theirs by the teleport distribution. `teleport` (optional,
// non-negative, any scale) personalises the random jump; empty means uniform.
// Throws std::invalid_argument for a non-square graph, negative weights, damping outside
// [0, 1), or a teleport vector of the wrong size or without mass.
PageRankResult pagerank(const SparseGraph& graph, const PageRankOptions& options = {},
                        const Eigen::VectorXd& teleport = Eigen::VectorXd());

// LexRank's graph: edges with weight <= threshold are dropped; binary gives the rest weight 1
// (LexRank with a threshold), otherwise they keep their weight (continuous LexRank).
SparseGraph threshold_graph(const SparseGraph& graph, double threshold, bool binary);

struct PositionCentralityOptions {
  double lambda1 = -2.0;  // weight of edges to earlier sentences
  double lambda2 = 1.0;   // weight of edges to later sentences
  double beta = 0.6;      // edges below min + beta (max - min) are dropped, the rest shifted down
};

// Directed, position-aware degree centrality in the manner of PacSum (Zheng and Lapata 2019):
// score(i) = lambda1 * sum_{j < i} e'(i, j) + lambda2 * sum_{j > i} e'(i, j), where
// e' = max(0, e - (min + beta (max - min))) over the graph's pairs. Nodes are in document
// order. Throws std::invalid_argument for a non-square graph or beta outside [0, 1].
Eigen::VectorXd position_centrality(const SparseGraph& graph, const PositionCentralityOptions& options = {});

}  // namespace synopsis
