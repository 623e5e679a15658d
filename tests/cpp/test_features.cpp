#include "synopsis/features.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <vector>

#include "synopsis/segment.hpp"

using namespace synopsis;

namespace {
float norm(const SparseVector& v) { return std::sqrt(dot(v, v)); }
}  // namespace

TEST(SparseVector, DotMultipliesSharedIndices) {
  const SparseVector a{{1, 2.0f}, {3, 4.0f}, {7, 1.0f}};
  const SparseVector b{{0, 9.0f}, {3, 0.5f}, {7, 3.0f}, {9, 1.0f}};
  EXPECT_FLOAT_EQ(dot(a, b), 5.0f);
  EXPECT_FLOAT_EQ(dot(b, a), 5.0f);
  EXPECT_FLOAT_EQ(dot(a, SparseVector{}), 0.0f);
}

TEST(SparseVector, NormalizeGivesUnitLength) {
  SparseVector v{{2, 3.0f}, {5, 4.0f}};
  normalize(v);
  EXPECT_FLOAT_EQ(v[0].second, 0.6f);
  EXPECT_FLOAT_EQ(v[1].second, 0.8f);
  SparseVector zero{{1, 0.0f}};
  normalize(zero);  // no division by zero
  EXPECT_EQ(zero[0].second, 0.0f);
}

TEST(StableHash, IsFixedAcrossRunsAndPlatforms) {
  // Saved models hold buckets computed with these hashes: they must never change.
  EXPECT_EQ(stable_hash(""), 16388411138889640531ULL);
  EXPECT_EQ(stable_hash("storm"), 13601548552071972790ULL);
  EXPECT_EQ(stable_hash("storm", 1), 18240220078227450218ULL);
  EXPECT_NE(stable_hash("storm"), stable_hash("storms"));
}

TEST(HashedTerms, KeepsStemsOfContentWords) {
  const Document doc = segment("The storms and the storm, 42!");
  const int bits = 12;
  const std::vector<std::uint32_t> terms = hashed_terms(doc, 0, doc.tokens.size(), bits);
  const std::uint32_t storm = static_cast<std::uint32_t>(stable_hash("storm")) & ((1u << bits) - 1);
  const std::uint32_t number = static_cast<std::uint32_t>(stable_hash("42")) & ((1u << bits) - 1);
  EXPECT_EQ(terms, (std::vector<std::uint32_t>{storm, storm, number}));  // stopwords and punctuation dropped
  EXPECT_TRUE(hashed_terms(doc, 0, 2, bits).size() == 1u);  // a token range
  EXPECT_TRUE(hashed_terms(doc, 3, 1000, bits).size() == 2u);  // clamped to the document
}

TEST(HashedTfidf, RejectsBitsOutOfRange) {
  EXPECT_THROW(HashedTfidf(0), std::invalid_argument);
  EXPECT_THROW(HashedTfidf(25), std::invalid_argument);
  EXPECT_EQ(HashedTfidf(10).dimension(), 1024u);
}

TEST(HashedTfidf, UnfittedUsesSublinearTermFrequency) {
  const HashedTfidf tfidf(8);
  EXPECT_FALSE(tfidf.fitted());
  EXPECT_FLOAT_EQ(tfidf.idf(3), 1.0f);
  const SparseVector v = tfidf.transform(std::vector<std::uint32_t>{5, 3, 5});
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0].first, 3u);  // sorted by index
  EXPECT_EQ(v[1].first, 5u);
  EXPECT_FLOAT_EQ(v[1].second / v[0].second, 1.0f + std::log(2.0f));
  EXPECT_NEAR(norm(v), 1.0f, 1e-6);
}

TEST(HashedTfidf, FitGivesRareTermsMoreWeight) {
  HashedTfidf tfidf(4);
  tfidf.fit({{1, 2}, {1}, {1, 1}});
  ASSERT_TRUE(tfidf.fitted());
  EXPECT_FLOAT_EQ(tfidf.idf(1), 1.0f);  // in every document
  EXPECT_FLOAT_EQ(tfidf.idf(2), static_cast<float>(std::log(4.0 / 2.0) + 1.0));
  EXPECT_FLOAT_EQ(tfidf.idf(0), static_cast<float>(std::log(4.0) + 1.0));
  const SparseVector v = tfidf.transform(std::vector<std::uint32_t>{1, 2});
  EXPECT_GT(v[1].second, v[0].second);
}

TEST(HashedTfidf, IdfTableRoundTrips) {
  HashedTfidf fitted(3);
  fitted.fit({{0, 1}, {1}});
  HashedTfidf copy(3);
  copy.set_idf_table(fitted.idf_table());
  EXPECT_EQ(copy.idf_table(), fitted.idf_table());
  EXPECT_THROW(copy.set_idf_table(std::vector<float>(5, 1.0f)), std::invalid_argument);
  copy.set_idf_table({});
  EXPECT_FALSE(copy.fitted());
}

TEST(HashedNgrams, CountsWordAndCharacterGrams) {
  // "no" and "way": 2 unigrams + 1 bigram; " no " has 4 code points (3 + 2 + 1 grams of 2..4
  // points, none of 5) and " way " 5 (4 + 3 + 2 + 1).
  const std::vector<std::uint64_t> grams = hashed_ngrams(segment("No way!"));
  EXPECT_EQ(grams.size(), 3u + 6u + 10u);
  EXPECT_EQ(grams, hashed_ngrams(segment("no WAY")));  // normalised forms: case does not count
  // A character outside ASCII is one code point: "né" padded has 4.
  EXPECT_EQ(hashed_ngrams(segment("né")).size(), 1u + 6u);
  EXPECT_TRUE(hashed_ngrams(segment("")).empty());
}

TEST(HashedNgrams, SaltsScatterTheSameGram) {
  const std::uint64_t h = stable_hash("masks");
  EXPECT_LT(ngram_bucket(h, 0, 10), 1024u);
  EXPECT_EQ(ngram_bucket(h, 7, 10), ngram_bucket(h, 7, 10));
  int differ = 0;
  for (std::uint64_t salt = 1; salt <= 20; ++salt) differ += ngram_bucket(h, salt, 16) != ngram_bucket(h, 0, 16);
  EXPECT_GE(differ, 19);
}
