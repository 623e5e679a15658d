#include "synopsis/attribution.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "shared_data.hpp"
#include "synopsis/segment.hpp"

namespace {

using synopsis::AttributionKind;
using synopsis::CueKind;

std::string source_of(const synopsis::Document& doc, const synopsis::Attribution& a) {
  return std::string(doc.span(a.source_start, a.source_end));
}

bool has_cue(const synopsis::Document& doc, const synopsis::SentenceAttribution& s, CueKind kind,
             const std::string& text) {
  for (const auto& c : s.cues)
    if (c.kind == kind && doc.span(c.start, c.end) == text) return true;
  return false;
}

TEST(CueLexicon, LoadsEveryKind) {
  const auto& lex = synopsis::CueLexicon::english();
  for (CueKind k : {CueKind::support, CueKind::refute, CueKind::hedge, CueKind::negation, CueKind::reporting})
    EXPECT_GT(lex.size(k), 10u) << synopsis::cue_kind_name(k);
}

TEST(CueLexicon, MatchesMultiWordCuesAndNegationScope) {
  auto doc = synopsis::segment("Sources say the photo is not fake, according to the agency.");
  auto cues = synopsis::CueLexicon::english().find_in_sentence(doc, 0);
  bool sources_say = false, negated_fake = false;
  for (const auto& c : cues) {
    if (c.kind == CueKind::hedge && doc.span(c.start, c.end) == "Sources say") sources_say = true;
    if (c.kind == CueKind::refute && doc.span(c.start, c.end) == "fake") negated_fake = c.negated;
  }
  EXPECT_TRUE(sources_say);
  EXPECT_TRUE(negated_fake);
}

TEST(Attribution, ReportingVerbSubject) {
  auto doc = synopsis::segment("The United States and its allies have urged Armenia to leave the bloc.");
  auto a = synopsis::attribute_sentence(doc, 0);
  ASSERT_EQ(a.attribution.kind, AttributionKind::reporting_verb);
  EXPECT_EQ(source_of(doc, a.attribution), "The United States and its allies");
  EXPECT_TRUE(a.reported);
}

TEST(Attribution, AccordingTo) {
  auto doc = synopsis::segment("The bridge will close in May, according to city officials.");
  auto a = synopsis::attribute_sentence(doc, 0);
  ASSERT_EQ(a.attribution.kind, AttributionKind::according_to);
  EXPECT_EQ(source_of(doc, a.attribution), "city officials");
}

TEST(Attribution, InvertedSaid) {
  auto doc = synopsis::segment("\"We will appeal,\" said Maria Lopez, the lawyer.");
  auto a = synopsis::attribute_sentence(doc, 0);
  ASSERT_EQ(a.attribution.kind, AttributionKind::reporting_verb);
  EXPECT_EQ(source_of(doc, a.attribution), "Maria Lopez");
}

TEST(Attribution, AssertedSentenceHasNoSource) {
  auto doc = synopsis::segment("The river rose two metres overnight.");
  auto a = synopsis::attribute_sentence(doc, 0);
  EXPECT_FALSE(a.attribution.has_source());
  EXPECT_FALSE(a.reported);
  EXPECT_FALSE(a.hedged);
}

TEST(Attribution, ParentheticalsStayInTheirSentence) {
  auto doc = synopsis::segment(
      "The dam held (Source: river authority). Water rose (no tag here. Then a new line (Analysis: the desk).");
  ASSERT_EQ(doc.sentences.size(), 3u);
  auto first = synopsis::attribute_sentence(doc, 0);
  ASSERT_EQ(first.attribution.kind, AttributionKind::parenthetical);
  EXPECT_EQ(source_of(doc, first.attribution), "river authority");
  EXPECT_EQ(first.attribution.label, "Source");
  // An unclosed "(" must not borrow the ")" and ":" of the next sentence.
  EXPECT_EQ(synopsis::attribute_sentence(doc, 1).attribution.kind, AttributionKind::none);
  auto third = synopsis::attribute_sentence(doc, 2);
  ASSERT_EQ(third.attribution.kind, AttributionKind::parenthetical);
  EXPECT_EQ(source_of(doc, third.attribution), "the desk");
}

// Many sentences and no parenthesis: each sentence's search stops at its own end (it once ran
// to the end of the text, quadratic in the sentence count). The time bound is loose; the
// quadratic version took minutes here.
TEST(Attribution, ManySentencesTakeLinearTime) {
  std::string text;
  for (int i = 0; i < 100000; ++i) text += "The mayor said the plan " + std::to_string(i) + " was sound. ";
  auto doc = synopsis::segment(text);
  const auto t0 = std::chrono::steady_clock::now();
  auto all = synopsis::attribute(doc);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  ASSERT_EQ(all.size(), doc.sentences.size());
  EXPECT_EQ(all.back().attribution.kind, AttributionKind::reporting_verb);
  EXPECT_LT(seconds, 20.0);
}

TEST(Attribution, SeedArticleParentheticalsAndHedge) {
  const auto text = synopsis::test_data::shared_text("seed/news_article.txt");
  if (!text) GTEST_SKIP() << "../shared/data is absent";
  auto doc = synopsis::segment(*text);
  auto all = synopsis::attribute(doc);
  std::vector<std::pair<std::string, std::string>> found;  // label, source
  bool reportedly = false;
  for (const auto& s : all) {
    for (const auto& a : s.sources)
      if (a.kind == AttributionKind::parenthetical) found.emplace_back(a.label, source_of(doc, a));
    if (doc.sentence_text(s.sentence).substr(0, 11) == "Reportedly,") {
      reportedly = s.hedged && s.reported && has_cue(doc, s, CueKind::hedge, "Reportedly");
    }
  }
  std::vector<std::pair<std::string, std::string>> expected = {
      {"Source", "official statements, attribution in briefing"},
      {"Attribution", "policy discussions, regional security analysts"},
      {"Source", "official statements, ICC commentary, attribution in briefing"},
      {"Analysis", "regional security forums, policy think tanks, attribution in briefing"},
      {"Commentary", "regional security experts, attribution in briefing"},
      {"Observation", "international law scholars, attribution in briefing"},
  };
  EXPECT_EQ(found, expected);
  EXPECT_TRUE(reportedly);
}

}  // namespace
