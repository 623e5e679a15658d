// Heading, boilerplate and title flags, which segment() sets from the layout of the text.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "shared_data.hpp"
#include "synopsis/segment.hpp"

using namespace synopsis;

namespace {
const char* const kProse1 =
    "The storm reached the coast on Monday night and damaged hundreds of homes along the shore. "
    "Officials said repairs to the sea wall would take several weeks to finish.";
const char* const kProse2 =
    "Emergency crews worked through the night to clear fallen trees from the main roads. "
    "Schools in the area will stay closed until the power supply is restored.";

std::vector<std::string> flagged(const Document& doc, bool Sentence::*flag) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < doc.sentences.size(); ++i)
    if (doc.sentences[i].*flag) out.emplace_back(doc.sentence_text(i));
  return out;
}
}  // namespace

TEST(Layout, HeadlineIsTheTitle) {
  const Document doc = segment(std::string("Storm Batters the Coast\n\n") + kProse1 + "\n\n" + kProse2);
  ASSERT_EQ(doc.title, 0);
  EXPECT_EQ(doc.sentence_text(0), "Storm Batters the Coast");
  EXPECT_TRUE(doc.sentences[0].is_heading);
  EXPECT_FALSE(doc.sentences[0].is_boilerplate);
  EXPECT_EQ(doc.prose_sentence_count(), 4u);
}

TEST(Layout, NoTitleWhenTheTextOpensWithProse) {
  const Document doc = segment(std::string(kProse1) + "\n\n" + kProse2);
  EXPECT_EQ(doc.title, -1);
  EXPECT_TRUE(flagged(doc, &Sentence::is_heading).empty());
  EXPECT_TRUE(flagged(doc, &Sentence::is_boilerplate).empty());
}

TEST(Layout, SubheadingBetweenProseIsAHeadingNotBoilerplate) {
  const Document doc = segment(std::string(kProse1) + "\n\nRoads and schools\n\n" + kProse2);
  EXPECT_EQ(flagged(doc, &Sentence::is_heading), std::vector<std::string>{"Roads and schools"});
  EXPECT_TRUE(flagged(doc, &Sentence::is_boilerplate).empty());
}

TEST(Layout, NavigationBeforeTheProseIsBoilerplate) {
  const Document doc =
      segment(std::string("Storm Batters the Coast\n\nHome\nWorld\nSport\n\n") + kProse1 + "\n\n" + kProse2);
  EXPECT_EQ(doc.title, 0);
  EXPECT_EQ(flagged(doc, &Sentence::is_boilerplate), (std::vector<std::string>{"Home", "World", "Sport"}));
  EXPECT_EQ(doc.prose_sentence_count(), 4u);
}

TEST(Layout, RepeatedShortLinesAreBoilerplate) {
  const Document doc = segment(std::string(kProse1) + "\n\nShare this article\n\n" + kProse2 +
                               "\n\nShare this article\n\n" + kProse1);
  EXPECT_EQ(flagged(doc, &Sentence::is_boilerplate),
            (std::vector<std::string>{"Share this article", "Share this article"}));
}

TEST(Layout, TrailingHeadlinesAreBoilerplate) {
  const Document doc = segment(std::string("Storm Batters the Coast\n\n") + kProse1 + "\n\n" + kProse2 +
                               "\n\nRelated Stories\nHeat Wave Strains Regional Power Grid\n"
                               "Local School Board Names New Superintendent\n");
  EXPECT_EQ(flagged(doc, &Sentence::is_boilerplate),
            (std::vector<std::string>{"Related Stories", "Heat Wave Strains Regional Power Grid",
                                      "Local School Board Names New Superintendent"}));
  EXPECT_EQ(doc.prose_sentence_count(), 4u);
}

TEST(Layout, ShortQuestionSetApartIsTheTitle) {
  const Document doc = segment(std::string("Will the sea wall hold?\n\n") + kProse1 + "\n\n" + kProse2);
  EXPECT_EQ(doc.title, 0);
  EXPECT_TRUE(doc.sentences[0].is_heading);
}

TEST(Layout, FlagsTheSeedArticle) {
  const auto text = test_data::shared_text("seed/news_article.txt");
  if (!text) GTEST_SKIP() << "../shared/data is absent";
  const Document doc = segment(*text);
  ASSERT_EQ(doc.title, 0);
  EXPECT_EQ(doc.sentence_text(0),
            "Armenia, CSTO, and Western Engagement: A Shifting Security Landscape in the South Caucasus");
  EXPECT_EQ(doc.prose_sentence_count(), 15u);
  for (const Sentence& s : doc.sentences) {
    if (s.is_prose()) {
      EXPECT_GT(s.end - s.start, 100u) << doc.sentence_text(s.index);  // every prose sentence is long
    } else {
      EXPECT_LT(s.end - s.start, 100u) << doc.sentence_text(s.index);  // only short lines are flagged
    }
  }
  // The page furniture after the article: "No time to read?", the two related headlines.
  const std::vector<std::string> boiler = flagged(doc, &Sentence::is_boilerplate);
  EXPECT_NE(std::find(boiler.begin(), boiler.end(), "Previous Article"), boiler.end());
  EXPECT_NE(std::find(boiler.begin(), boiler.end(), "Healthier Choices When Eating Dumplings"), boiler.end());
  EXPECT_NE(std::find(boiler.begin(), boiler.end(), "No time to read?"), boiler.end());
}

TEST(Layout, AQuestionHeadlineBelowAMenuIsTheTitle) {
  // A short line that ends ("...?") does not start the article: it can be the headline.
  const Document doc = segment(std::string("Home\nWorld\nBusiness\nSport\nWeather\n\nIs the sea wall too low?\n\n") +
                               kProse1 + "\n\n" + kProse2);
  ASSERT_GE(doc.title, 0);
  EXPECT_EQ(doc.sentence_text(static_cast<std::size_t>(doc.title)), "Is the sea wall too low?");
}

TEST(Layout, OneBlockALineKeepsAHeadlineApartFromItsByline) {
  // get_text() of a page: no blank lines, long paragraphs on one line each. A headline of more
  // than 48 bytes ending in a function word stays apart from the line below it.
  const std::string text = std::string("Menu\nSearch\nCoastal towns count the cost of the storm after all\n"
                                       "by Ruth Calder\n") + kProse1 + " " + kProse2 + "\n" + kProse2 + " " + kProse1 + "\n";
  const Document doc = segment(text);
  ASSERT_GE(doc.title, 0);
  EXPECT_EQ(doc.sentence_text(static_cast<std::size_t>(doc.title)), "Coastal towns count the cost of the storm after all");
  // Paragraphs apart by blank lines still wrap their lines.
  const Document wrapped = segment(
      "The storm reached the coast on Monday night and damaged hundreds\nof homes along the shore.\n\n"
      "Officials said repairs to the sea wall would take several weeks.\n");
  EXPECT_EQ(wrapped.paragraphs.size(), 2u);
}
