#include "synopsis/stance.hpp"

#include <gtest/gtest.h>

#include <numeric>

namespace {

TEST(StanceTagger, LabelsFollowTheScheme) {
  EXPECT_EQ(synopsis::stance_labels(synopsis::StanceScheme::fnc).size(), 4u);
  EXPECT_EQ(synopsis::stance_labels(synopsis::StanceScheme::semeval).size(), 3u);
  EXPECT_THROW(synopsis::parse_stance_scheme("imdb"), std::invalid_argument);
}

TEST(StanceTagger, RejectsEmptyTargetAndUnknownEncoder) {
  EXPECT_THROW(synopsis::StanceTagger(""), std::invalid_argument);
  synopsis::StanceTaggerOptions o;
  o.encoder = "word2vec";
  EXPECT_THROW(synopsis::StanceTagger("a claim", o), std::invalid_argument);
}

TEST(StanceTagger, UnrelatedText) {
  synopsis::StanceTagger tagger("Shark spotted in the city canal");
  auto r = tagger.tag("The central bank raised interest rates by a quarter point on Tuesday.");
  EXPECT_EQ(r.label, "unrelated");
  EXPECT_NEAR(std::accumulate(r.scores.begin(), r.scores.end(), 0.0f), 1.0f, 1e-4);
}

TEST(StanceTagger, RefutingText) {
  synopsis::StanceTagger tagger("Shark spotted in the city canal");
  auto r = tagger.tag(
      "Officials said the photo of a shark in the city canal is a hoax. The shark picture was fake and "
      "doctored, the police denied any shark was spotted in the canal.");
  EXPECT_EQ(r.label, "disagree");
}

TEST(StanceTagger, HedgedTextDiscusses) {
  synopsis::StanceTagger tagger("Shark spotted in the city canal");
  auto r = tagger.tag(
      "A shark was reportedly spotted in the city canal, according to social media posts. "
      "Residents claim the shark may have come from the harbour, but it is unconfirmed.");
  EXPECT_EQ(r.label, "discuss");
}

TEST(StanceTagger, SemevalScheme) {
  synopsis::StanceTaggerOptions o;
  o.scheme = synopsis::StanceScheme::semeval;
  synopsis::StanceTagger tagger("climate change is real", o);
  auto r = tagger.tag("Scientists confirmed again that climate change is real and proven by evidence.");
  EXPECT_EQ(r.label, "favor");
  auto r2 = tagger.tag("He denied that climate change is real, calling it a hoax and a myth.");
  EXPECT_EQ(r2.label, "against");
}

// Tweets seldom name their target: praise and blame still give favor and against, and a
// target named in another form (a hashtag) counts as named.
TEST(StanceTagger, SemevalReadsOpinionsAboutUnnamedTargets) {
  synopsis::StanceTaggerOptions o;
  o.scheme = synopsis::StanceScheme::semeval;
  synopsis::StanceTagger masks("face masks", o);
  auto r = masks.tag("Please #WearAMask, it is the responsible thing to do and keeps everyone safe.");
  EXPECT_EQ(r.label, "favor");
  EXPECT_GT(r.relevance, 0.1f);
  EXPECT_EQ(masks.tag("Masks are not safe and not effective.").label, "against");
  EXPECT_EQ(masks.tag("The train to Leeds leaves at nine from platform four.").label, "none");
  synopsis::StanceTagger lockdown("stay at home orders", o);
  EXPECT_EQ(lockdown.tag("This lockdown is tyranny, a useless and unconstitutional overreach.").label, "against");
}

TEST(StanceTagger, EmptyTextIsUnrelated) {
  synopsis::StanceTagger tagger("anything at all");
  auto r = tagger.tag("");
  EXPECT_EQ(r.label, "unrelated");
  EXPECT_TRUE(r.sentences.empty());
}

}  // namespace
