#include <gtest/gtest.h>

#include <stdexcept>
#include <vector>

#include "synopsis/rank.hpp"

using namespace synopsis;

namespace {
SparseGraph graph_from(int n, const std::vector<Eigen::Triplet<double>>& edges) {
  SparseGraph g(n, n);
  g.setFromTriplets(edges.begin(), edges.end());
  return g;
}
}  // namespace

TEST(PageRank, ScoresSumToOneAndFavourTheHub) {
  // A star: every leaf points to node 0 and back.
  std::vector<Eigen::Triplet<double>> e;
  for (int i = 1; i < 5; ++i) e.emplace_back(i, 0, 1.0), e.emplace_back(0, i, 1.0);
  const auto r = pagerank(graph_from(5, e));
  EXPECT_TRUE(r.converged);
  EXPECT_NEAR(r.scores.sum(), 1.0, 1e-9);
  for (int i = 1; i < 5; ++i) EXPECT_GT(r.scores[0], r.scores[i]);
}

TEST(PageRank, SymmetricCycleIsUniform) {
  const auto r = pagerank(graph_from(3, {{0, 1, 1}, {1, 2, 1}, {2, 0, 1}}));
  for (int i = 0; i < 3; ++i) EXPECT_NEAR(r.scores[i], 1.0 / 3, 1e-6);
}

TEST(PageRank, TeleportPersonalises) {
  const auto g = graph_from(3, {{0, 1, 1}, {1, 0, 1}, {1, 2, 1}, {2, 1, 1}, {0, 2, 1}, {2, 0, 1}});
  Eigen::VectorXd t(3);
  t << 0, 0, 1;
  const auto r = pagerank(g, {}, t);
  EXPECT_GT(r.scores[2], r.scores[0]);
  EXPECT_GT(r.scores[2], r.scores[1]);
}

TEST(PageRank, HandlesDanglingNodesAndEmptyGraphs) {
  const auto r = pagerank(graph_from(3, {{0, 1, 1}}));
  EXPECT_NEAR(r.scores.sum(), 1.0, 1e-9);
  EXPECT_EQ(pagerank(SparseGraph(0, 0)).scores.size(), 0);
}

TEST(PageRank, RejectsBadInput) {
  EXPECT_THROW(pagerank(SparseGraph(2, 3)), std::invalid_argument);
  EXPECT_THROW(pagerank(graph_from(2, {{0, 1, -1}})), std::invalid_argument);
  PageRankOptions o;
  o.damping = 1.0;
  EXPECT_THROW(pagerank(graph_from(2, {{0, 1, 1}}), o), std::invalid_argument);
  Eigen::VectorXd zero = Eigen::VectorXd::Zero(2);
  EXPECT_THROW(pagerank(graph_from(2, {{0, 1, 1}}), {}, zero), std::invalid_argument);
}

TEST(PositionCentrality, RewardsSimilarityToLaterSentences) {
  // Sentence 0 is most similar to the others; edges to earlier sentences count against.
  SparseGraph g(3, 3);
  std::vector<Eigen::Triplet<double>> t{{0, 1, 1.0}, {1, 0, 1.0}, {0, 2, 0.8}, {2, 0, 0.8}, {1, 2, 0.6}, {2, 1, 0.6}};
  g.setFromTriplets(t.begin(), t.end());
  PositionCentralityOptions o;
  o.beta = 0.0;
  const Eigen::VectorXd c = position_centrality(g, o);  // threshold 0.6
  EXPECT_NEAR(c[0], 0.6, 1e-9);
  EXPECT_NEAR(c[1], -0.8, 1e-9);
  EXPECT_NEAR(c[2], -0.4, 1e-9);
  o.beta = 1.0;  // threshold = max: no edge survives
  EXPECT_EQ(position_centrality(g, o).cwiseAbs().sum(), 0.0);
  o.beta = 2.0;
  EXPECT_THROW(position_centrality(g, o), std::invalid_argument);
}

TEST(ThresholdGraph, DropsWeakEdgesAndBinarises) {
  SparseGraph g(2, 2);
  std::vector<Eigen::Triplet<double>> t{{0, 1, 0.05}, {1, 0, 0.5}};
  g.setFromTriplets(t.begin(), t.end());
  const SparseGraph b = threshold_graph(g, 0.1, true);
  EXPECT_EQ(b.coeff(0, 1), 0.0);
  EXPECT_EQ(b.coeff(1, 0), 1.0);
  EXPECT_EQ(threshold_graph(g, 0.1, false).coeff(1, 0), 0.5);
}
