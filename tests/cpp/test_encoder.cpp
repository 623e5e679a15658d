#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

#include "synopsis/encoder.hpp"
#include "synopsis/segment.hpp"

using namespace synopsis;

namespace {
const char* kText =
    "The river flooded the town. The town council met about the river. "
    "Volunteers filled sandbags all night. The river fell on Friday.";

Document doc() { return segment(kText); }

double row_norm(const DenseRows& m, Eigen::Index i) { return m.row(i).norm(); }
}  // namespace

TEST(TfidfEncoder, OneUnitRowPerSentence) {
  const Document d = doc();
  const Embedding e = TfidfEncoder().encode(d);
  ASSERT_FALSE(e.dense);
  ASSERT_EQ(e.rows(), static_cast<Eigen::Index>(d.sentences.size()));
  const DenseRows m = e.to_dense();
  for (Eigen::Index i = 0; i < m.rows(); ++i) EXPECT_NEAR(row_norm(m, i), 1.0, 1e-5);
}

TEST(TfidfEncoder, StopwordsDoNotCount) {
  const Document d = segment("The the the of. Of the and.");
  const Embedding e = TfidfEncoder().encode(d);
  EXPECT_EQ(e.sparse.nonZeros(), 0);
}

TEST(TfidfEncoder, SharedStemsMakeSentencesSimilar) {
  const Document d = doc();
  const DenseRows m = TfidfEncoder().encode(d).to_dense();
  // "river" + "town" shared by sentences 0 and 1; sentence 2 shares nothing with 0.
  EXPECT_GT(m.row(0).dot(m.row(1)), 0.1);
  EXPECT_NEAR(m.row(0).dot(m.row(2)), 0.0, 1e-6);
}

TEST(TfidfEncoder, FittedIdfDownweightsCorpusCommonTerms) {
  TfidfEncoder fitted;
  std::vector<Document> corpus;
  for (int i = 0; i < 20; ++i) corpus.push_back(segment("The river is here. Nothing else " + std::to_string(i)));
  corpus.push_back(segment("Sandbags and volunteers."));
  fitted.fit(corpus);
  EXPECT_EQ(fitted.idf().documents, 21u);
  const Document d = segment("River sandbags.");
  const auto idf = fitted.column_idf(d);
  const auto& stems = d.stems;
  float river = 0, sandbag = 0;
  for (std::size_t c = 0; c < stems.size(); ++c) {
    if (stems[c] == "river") river = idf[c];
    if (stems[c] == "sandbag") sandbag = idf[c];
  }
  EXPECT_GT(sandbag, river);
}

TEST(Bm25Encoder, SimilarityIsAsymmetricAndNonNegative) {
  const Document d = segment("Storm storm storm hits coast. Storm warning issued for the coast tonight today.");
  const SimilarityOperands ops = Bm25Encoder().similarity(d);
  EXPECT_FALSE(ops.symmetric);
  const DenseRows l = ops.left.to_dense(), r = ops.right.to_dense();
  const double s01 = l.row(0).dot(r.row(1)), s10 = l.row(1).dot(r.row(0));
  EXPECT_GE(s01, 0.0);
  EXPECT_GE(s10, 0.0);
  EXPECT_NE(s01, s10);
}

TEST(Bm25Encoder, PlusVariantAddsDelta) {
  const Document d = doc();
  Bm25Options plus;
  plus.delta = 1.0;
  const DenseRows a = Bm25Encoder().similarity(d).right.to_dense();
  const DenseRows b = Bm25Encoder(plus).similarity(d).right.to_dense();
  EXPECT_GE(b.sum(), a.sum());
  EXPECT_EQ(Bm25Encoder(plus).name(), "bm25+");
}

TEST(LsaEncoder, DenseUnitRowsAndDeterministic) {
  const Document d = doc();
  const Embedding a = LsaEncoder().encode(d), b = LsaEncoder().encode(d);
  ASSERT_TRUE(a.dense);
  EXPECT_EQ(a.rows(), static_cast<Eigen::Index>(d.sentences.size()));
  EXPECT_TRUE(a.matrix.isApprox(b.matrix));
  for (Eigen::Index i = 0; i < a.rows(); ++i) EXPECT_NEAR(row_norm(a.matrix, i), 1.0, 1e-4);
}

TEST(LsaEncoder, RandomizedSvdAgreesWithExactOnLeadingComponent) {
  std::string text;
  for (int i = 0; i < 60; ++i)
    text += "Sentence about " + std::string(i % 3 ? "rivers and floods" : "markets and prices") + " number w" +
            std::to_string(i) + ". ";
  const Document d = segment(text);
  LsaOptions exact, randomized;
  exact.dimensions = randomized.dimensions = 2;
  randomized.exact_limit = 0;
  const DenseRows a = LsaEncoder(exact).encode(d).matrix, b = LsaEncoder(randomized).encode(d).matrix;
  ASSERT_EQ(a.rows(), b.rows());
  // Compare cosine structure (the basis may rotate within a tied subspace).
  const DenseRows ga = a * a.transpose(), gb = b * b.transpose();
  EXPECT_LT((ga - gb).cwiseAbs().maxCoeff(), 0.05);
}

TEST(Encoder, UnknownNameNamesAllowedValues) {
  try {
    make_encoder("word2vec");
    FAIL() << "expected invalid_argument";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("tfidf"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("lsa"), std::string::npos);
  }
}

TEST(Encoder, DocumentFromSentencesKeepsEachTextWhole) {
  const Document d = document_from_sentences({"Dr. Smith arrived. He sat.", "Rain."}, "en");
  ASSERT_EQ(d.sentences.size(), 2u);
  EXPECT_EQ(d.sentence_text(0), "Dr. Smith arrived. He sat.");
  EXPECT_EQ(d.sentence_text(1), "Rain.");
  EXPECT_EQ(TfidfEncoder().encode(d).rows(), 2);
}

TEST(Encoder, EmptyDocument) {
  const Document d = segment("");
  EXPECT_EQ(TfidfEncoder().encode(d).rows(), 0);
  EXPECT_EQ(LsaEncoder().encode(d).rows(), 0);
  EXPECT_EQ(Bm25Encoder().encode(d).rows(), 0);
}
