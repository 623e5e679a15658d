#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "synopsis/document.hpp"

using namespace synopsis;

namespace {
std::vector<std::string> sentence_texts(const Document& doc) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < doc.sentences.size(); ++i) out.emplace_back(doc.sentence_text(i));
  return out;
}
}  // namespace

TEST(Segment, SplitsPlainSentences) {
  const Document doc = segment("The sun rose. Birds sang! Did you hear them?");
  EXPECT_EQ(sentence_texts(doc), (std::vector<std::string>{"The sun rose.", "Birds sang!", "Did you hear them?"}));
}

TEST(Segment, KeepsAbbreviationsInitialsAndAcronyms) {
  EXPECT_EQ(segment("Mr. J. R. Smith met Dr. Lee in the U.S. Senate at 5 p.m. on Monday.").sentences.size(), 1u);
  EXPECT_EQ(segment("I live in the U.S. How about you?").sentences.size(), 2u);
  EXPECT_EQ(segment("She paid $100.00 for it. It was cheap.").sentences.size(), 2u);
}

TEST(Segment, SplitsListsAndHonoursLines) {
  EXPECT_EQ(segment("1. The first item 2. The second item").sentences.size(), 2u);
  EXPECT_EQ(segment("It was a cold\nnight in the city.").sentences.size(), 1u);
  EXPECT_EQ(segment("Home\nWorld news\nSport").sentences.size(), 3u);
}

TEST(Segment, SpansAreTrimmedAndOrdered) {
  const Document doc = segment("  Headline here\n\n  First sentence.   Second one.  \n");
  ASSERT_EQ(doc.sentences.size(), 3u);
  std::uint32_t prev_end = 0;
  for (const Sentence& s : doc.sentences) {
    EXPECT_GE(s.start, prev_end);
    EXPECT_LT(s.start, s.end);
    EXPECT_NE(doc.text[s.start], ' ');
    EXPECT_NE(doc.text[s.end - 1], ' ');
    prev_end = s.end;
  }
  EXPECT_EQ(doc.title, 0);
}

TEST(Segment, TokensCarryNormsStemsAndStopwords) {
  const Document doc = segment("The Runners were RUNNING quickly.");
  ASSERT_EQ(doc.tokens.size(), 5u);
  EXPECT_EQ(doc.terms[doc.tokens[3].term], "running");
  EXPECT_EQ(doc.stems[doc.tokens[3].stem], "run");
  EXPECT_TRUE(doc.tokens[0].is_stopword);
  EXPECT_FALSE(doc.tokens[1].is_stopword);
  const Document folded = segment("Straße STRASSE ﬁnance");  // NFKC-casefold
  EXPECT_EQ(folded.terms[folded.tokens[0].term], "strasse");
  EXPECT_EQ(folded.tokens[0].term, folded.tokens[1].term);
  EXPECT_EQ(folded.terms[folded.tokens[2].term], "finance");
}

TEST(Segment, EmptyAndBlankTextGiveEmptyDocuments) {
  EXPECT_TRUE(segment("").sentences.empty());
  EXPECT_TRUE(segment(" \n\t \n").sentences.empty());
}

TEST(Segment, RejectsInvalidUtf8WithOffset) {
  try {
    segment("good text \xff bad");
    FAIL() << "expected std::invalid_argument";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("byte offset 10"), std::string::npos) << e.what();
  }
  SegmentOptions replace;
  replace.replace_invalid = true;
  EXPECT_EQ(segment("good text \xff bad.", replace).sentences.size(), 1u);
}

TEST(Segment, RejectsMalformedLanguage) {
  SegmentOptions options;
  options.language = "not a language";
  EXPECT_THROW(segment("Text.", options), std::invalid_argument);
}

TEST(Segment, HandlesMixedScriptsAndNul) {
  const std::string text = std::string("Երևանը մայրաքաղաքն է։ Москва — столица. 北京是首都。 🙂 End.") + '\0' + " Tail.";
  const Document doc = segment(text);
  EXPECT_GE(doc.sentences.size(), 4u);
}

TEST(Layout, FlagsTheSeedArticle) {
  std::ifstream in(SYNOPSIS_SHARED_DATA "/seed/news_article.txt");
  if (!in) GTEST_SKIP() << "../shared/data is absent";
  std::stringstream buf;
  buf << in.rdbuf();
  const Document doc = segment(buf.str());
  ASSERT_GE(doc.title, 0);
  EXPECT_EQ(doc.sentence_text(doc.title).substr(0, 38), "Armenia, CSTO, and Western Engagement:");
  EXPECT_EQ(doc.prose_sentence_count(), 15u);
  for (const Sentence& s : doc.sentences)
    if (!s.is_prose()) EXPECT_LT(s.end - s.start, 100u);  // only short lines are flagged
}
