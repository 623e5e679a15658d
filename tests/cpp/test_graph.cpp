#include <gtest/gtest.h>

#include <string>

#include "synopsis/graph.hpp"
#include "synopsis/segment.hpp"

using namespace synopsis;

namespace {
std::string many_sentences(int n) {
  std::string text;
  const char* topics[] = {"river flood water", "market price trade", "school teacher pupil", "storm wind coast"};
  for (int i = 0; i < n; ++i)
    text += std::string("The ") + topics[i % 4] + " item" + std::to_string(i % 97) + " was noted. ";
  return text;
}
}  // namespace

TEST(SimilarityGraph, SmallGraphIsSymmetricWithoutSelfLoops) {
  const Document d = segment("Cats purr. Cats sleep. Dogs bark loudly. Dogs sleep.");
  const SparseGraph g = similarity_graph(TfidfEncoder().encode(d));
  ASSERT_EQ(g.rows(), 4);
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(g.coeff(i, i), 0.0);
    for (int j = 0; j < 4; ++j) EXPECT_NEAR(g.coeff(i, j), g.coeff(j, i), 1e-9);
  }
  EXPECT_GT(g.coeff(0, 1), 0.0);
  EXPECT_EQ(g.coeff(0, 2), 0.0);
}

TEST(SimilarityGraph, AsymmetricOperandsAreAveraged) {
  const Document d = segment("Storm storm hits coast. Storm warning for the coast tonight.");
  const SparseGraph g = similarity_graph(Bm25Encoder().similarity(d));
  EXPECT_GT(g.coeff(0, 1), 0.0);
  EXPECT_NEAR(g.coeff(0, 1), g.coeff(1, 0), 1e-9);
}

TEST(SimilarityGraph, LargeGraphKeepsTopKNeighbours) {
  const Document d = segment(many_sentences(400));
  GraphOptions small;
  small.dense_limit = 50;
  small.top_k = 5;
  const SparseGraph g = similarity_graph(TfidfEncoder().encode(d), small);
  ASSERT_EQ(g.rows(), static_cast<Eigen::Index>(d.sentences.size()));
  // Each row holds its own top 5 plus the rows that chose it: at most 2 k n edges in all.
  for (Eigen::Index i = 0; i < g.outerSize(); ++i) EXPECT_EQ(g.coeff(i, i), 0.0);
  EXPECT_LE(g.nonZeros(), 2 * 5 * g.rows());
  EXPECT_GT(g.nonZeros(), 0);
}

TEST(SimilarityGraph, DenseEmbeddingsMatchSparseOnes) {
  const Document d = segment("Cats purr. Cats sleep. Dogs bark loudly. Dogs sleep.");
  Embedding sparse = TfidfEncoder().encode(d);
  Embedding dense;
  dense.dense = true;
  dense.matrix = sparse.to_dense();
  const SparseGraph a = similarity_graph(sparse), b = similarity_graph(dense);
  EXPECT_TRUE(Eigen::MatrixXd(a).isApprox(Eigen::MatrixXd(b), 1e-5));
}

TEST(SimilarityGraph, MismatchedOperandsThrow) {
  SimilarityOperands ops;
  ops.symmetric = false;
  ops.left.sparse.resize(3, 4);
  ops.right.sparse.resize(2, 4);
  EXPECT_THROW(similarity_graph(ops), std::invalid_argument);
}
