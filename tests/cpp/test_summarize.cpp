#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include "shared_data.hpp"
#include "synopsis/segment.hpp"
#include "synopsis/summarize.hpp"

using namespace synopsis;

namespace {
const char* kArticle =
    "Flood Barrier Approved\n\n"
    "Skip to content\nShare this article\n\n"
    "The city council voted on Tuesday to fund a flood barrier along the river. "
    "The barrier will protect about 11,000 homes from floods. "
    "Opponents said the barrier would cut the district off from the river. "
    "The council will hold a hearing on the barrier design in January. "
    "Residents who lived through the floods were relieved.\n\n"
    "Share this article\nRelated Stories\nPrevious Article\nNext Article\n";
}  // namespace

TEST(Summarize, SentenceBudgetHoldsAndOrderIsDocumentOrder) {
  for (const std::string method : {"pacsum", "textrank", "lexrank", "lead"}) {
    SummarizeOptions o;
    o.method = method;
    o.sentences = 2;
    const Summary s = summarize(kArticle, o);
    ASSERT_EQ(s.sentences.size(), 2u) << method;
    EXPECT_LT(s.sentences[0].index, s.sentences[1].index) << method;
  }
}

TEST(Summarize, NeverChoosesHeadingsOrBoilerplate) {
  const Document d = segment(kArticle);
  for (const std::string encoder : {"tfidf", "bm25", "bm25+", "lsa"}) {
    SummarizeOptions o;
    o.encoder = encoder;
    o.sentences = 100;
    const Summary s = summarize(d, o);
    EXPECT_EQ(s.sentences.size(), d.prose_sentence_count()) << encoder;
    for (const auto& x : s.sentences) EXPECT_TRUE(d.sentences[x.index].is_prose()) << encoder;
  }
}

TEST(Summarize, WordBudgetIsNeverExceeded) {
  const Document d = segment(kArticle);
  for (std::size_t words : {15u, 25u, 40u}) {
    SummarizeOptions o;
    o.words = words;
    const Summary s = summarize(d, o);
    std::size_t total = 0;
    for (const auto& x : s.sentences) total += count_words(d.sentence_text(x.index));
    EXPECT_LE(total, words);
    EXPECT_FALSE(s.sentences.empty());
  }
}

TEST(Summarize, RatioBudget) {
  SummarizeOptions o;
  o.ratio = 0.4;
  EXPECT_EQ(summarize(kArticle, o).sentences.size(), 2u);  // round(0.4 * 5)
  o.ratio = 0.01;
  EXPECT_EQ(summarize(kArticle, o).sentences.size(), 1u);
}

TEST(Summarize, DefaultBudgetIsThreeSentencesUnlessRatioOrWordsIsGiven) {
  SummarizeOptions o;
  EXPECT_EQ(o.sentence_limit(), 3u);
  EXPECT_EQ(summarize(kArticle, o).sentences.size(), 3u);
  o.words = 1000;
  EXPECT_EQ(o.sentence_limit(), 0u);
  EXPECT_EQ(summarize(kArticle, o).sentences.size(), 5u);
  o.sentences = 2;
  EXPECT_EQ(summarize(kArticle, o).sentences.size(), 2u);
}

TEST(Summarize, ShortTexts) {
  EXPECT_TRUE(summarize("").sentences.empty());
  EXPECT_TRUE(summarize("Previous Article\nNext Article\n").sentences.empty());
  EXPECT_EQ(summarize("Only one sentence here.").sentences.size(), 1u);
  EXPECT_EQ(summarize("First one is here. Second one is there.").sentences.size(), 2u);
}

TEST(Summarize, QueryPersonalises) {
  SummarizeOptions o;
  o.sentences = 1;
  o.method = "textrank";
  o.query = "opponents district";
  const Document d = segment(kArticle);
  const Summary s = summarize(d, o);
  ASSERT_EQ(s.sentences.size(), 1u);
  EXPECT_NE(std::string(d.sentence_text(s.sentences[0].index)).find("Opponents"), std::string::npos);
}

TEST(Summarize, DiversityAvoidsNearDuplicates) {
  const std::string text =
      "The storm hit the coast on Monday night. The storm hit the coast on Monday. "
      "Schools stayed closed across the region. Power returned to most homes by Wednesday.";
  SummarizeOptions o;
  o.sentences = 2;
  o.method = "textrank";
  o.diversity = 0.9;
  const Summary s = summarize(text, o);
  ASSERT_EQ(s.sentences.size(), 2u);
  EXPECT_FALSE(s.sentences[0].index == 0 && s.sentences[1].index == 1);
}

TEST(Summarize, BadOptionsNameAllowedValues) {
  SummarizeOptions o;
  o.method = "magic";
  try {
    validate(o);
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("pacsum"), std::string::npos);
  }
  o = {};
  o.encoder = "bert";
  EXPECT_THROW(validate(o), std::invalid_argument);
  o = {};
  o.ratio = -0.5;
  EXPECT_THROW(validate(o), std::invalid_argument);
  o = {};
  o.sentences = 0;
  EXPECT_THROW(validate(o), std::invalid_argument);
  o = {};
  o.diversity = std::nan("");
  EXPECT_THROW(validate(o), std::invalid_argument);
  o = {};
  o.lede_share = 1.5;
  EXPECT_THROW(validate(o), std::invalid_argument);
  o = {};
  o.lede_lambda1 = std::numeric_limits<double>::infinity();
  EXPECT_THROW(validate(o), std::invalid_argument);
  o = {};
  o.lede_position_weight = -1.0;
  EXPECT_THROW(validate(o), std::invalid_argument);
}

// A budget under lede_share of the prose takes the lede setting; a larger one the coverage
// setting. Each must give what the plain options (lede_share = 0) give for that setting.
TEST(Summarize, LedeSizedBudgetsTakeTheLedeSetting) {
  const char* topics[] = {"river", "council", "barrier", "homes", "hearing", "floods"};
  std::string text;
  for (int i = 0; i < 30; ++i)
    text += "Sentence " + std::to_string(i) + " is about the " + topics[i % 6] + " and the " + topics[(i * 5 + 1) % 6] +
            (i % 4 == 0 ? " in the district" : "") + ". ";
  const Document doc = segment(text);
  ASSERT_EQ(std::count_if(doc.sentences.begin(), doc.sentences.end(), [](const Sentence& s) { return s.is_prose(); }), 30);
  auto chosen = [&](const SummarizeOptions& o) {
    std::vector<std::uint32_t> out;
    for (const SummarySentence& s : summarize(doc, o).sentences) out.push_back(s.index);
    return out;
  };
  SummarizeOptions lede, plain_lede, coverage, plain_coverage;
  lede.sentences = plain_lede.sentences = 3;  // 3 < 0.2 * 30
  plain_lede.lede_share = 0.0;
  plain_lede.pacsum.lambda1 = lede.lede_lambda1;
  plain_lede.position_weight = lede.lede_position_weight;
  EXPECT_EQ(chosen(lede), chosen(plain_lede));
  coverage.sentences = plain_coverage.sentences = 10;  // 10 >= 0.2 * 30
  plain_coverage.lede_share = 0.0;
  EXPECT_EQ(chosen(coverage), chosen(plain_coverage));
  lede.words = 40;  // a word budget counts too: 40 words are about 4 of these sentences
  lede.sentences.reset();
  plain_lede.words = 40;
  plain_lede.sentences.reset();
  EXPECT_EQ(chosen(lede), chosen(plain_lede));
}

TEST(Summarize, SeedArticleSummaryIsProse) {
  const auto text = test_data::shared_text("seed/news_article.txt");
  if (!text) GTEST_SKIP() << "../shared/data is absent";
  const Document d = segment(*text);
  for (const std::string method : {"pacsum", "textrank", "lexrank", "lead"}) {
    SummarizeOptions o;
    o.method = method;
    const Summary s = summarize(d, o);
    ASSERT_EQ(s.sentences.size(), 3u) << method;
    for (const auto& x : s.sentences) {
      EXPECT_TRUE(d.sentences[x.index].is_prose());
      EXPECT_EQ(std::string(d.sentence_text(x.index)).find("Get a summary"), std::string::npos);
    }
  }
}

TEST(Summarize, UserEmbeddingsReplaceTheEncoder) {
  const Document d = segment("Alpha one. Beta two. Gamma three.");
  DenseRows e(3, 2);
  e << 1, 0, 1, 0.1f, 0, 1;
  SummarizeOptions o;
  o.method = "textrank";
  o.sentences = 1;
  const Summary s = summarize(d, o, &e);
  ASSERT_EQ(s.sentences.size(), 1u);
  DenseRows wrong(2, 2);
  EXPECT_THROW(summarize(d, o, &wrong), std::invalid_argument);
}
