#include "synopsis/cues.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "synopsis/segment.hpp"

using namespace synopsis;

namespace {
// "kind:text" for each cue of the first sentence, "!" after the kind when negated.
std::vector<std::string> cues(const std::string& text, const CueLexicon& lexicon = CueLexicon::english()) {
  const Document doc = segment(text);
  std::vector<std::string> out;
  for (const Cue& c : lexicon.find_in_sentence(doc, 0))
    out.push_back(std::string(cue_kind_name(c.kind)) + (c.negated ? "!" : "") + ":" +
                  std::string(doc.span(c.start, c.end)));
  return out;
}

using Cues = std::vector<std::string>;
}  // namespace

TEST(CueLexicon, EnglishListsAreLoaded) {
  const CueLexicon& en = CueLexicon::english();
  for (CueKind kind : {CueKind::support, CueKind::refute, CueKind::hedge, CueKind::negation, CueKind::reporting})
    EXPECT_GT(en.size(kind), 10u) << cue_kind_name(kind);
  EXPECT_EQ(&en, &CueLexicon::english());  // built once
}

TEST(CueLexicon, FindsEachKind) {
  EXPECT_EQ(cues("The ministry confirmed the figures."), (Cues{"support:confirmed", "reporting:confirmed"}));
  EXPECT_EQ(cues("Experts debunked the hoax."), (Cues{"refute:debunked", "refute:hoax"}));
  EXPECT_EQ(cues("The ship reportedly sank."), Cues{"hedge:reportedly"});
  EXPECT_EQ(cues("The mayor told reporters."), Cues{"reporting:told"});
  EXPECT_EQ(cues("Nobody came."), Cues{"negation:Nobody"});
}

TEST(CueLexicon, NegationScopeMarksTheCuesAfterIt) {
  EXPECT_EQ(cues("Officials did not confirm the report."),
            (Cues{"negation:not", "support!:confirm", "reporting!:confirm", "reporting!:report"}));
}

TEST(CueLexicon, NegationScopeStopsAtClausePunctuation) {
  EXPECT_EQ(cues("It was not, officials confirmed, a hoax."),
            (Cues{"negation:not", "support:confirmed", "reporting:confirmed", "refute:hoax"}));
}

TEST(CueLexicon, NegationScopeIsAWindowOfWords) {
  const Document doc = segment("We never expected that the old crane would be confirmed.");
  auto negated = [&](std::size_t window) {
    std::vector<std::string> out;
    for (const Cue& c : CueLexicon::english().find(doc, 0, doc.tokens.size(), window))
      if (c.negated) out.emplace_back(doc.span(c.start, c.end));
    return out;
  };
  EXPECT_EQ(negated(3), Cues{});
  EXPECT_EQ(negated(8), (Cues{"would", "confirmed", "confirmed"}));
}

TEST(CueLexicon, MultiWordCuesWinOverTheirFirstWord) {
  EXPECT_EQ(cues("According to the police, the road is closed."), Cues{"hedge:According to"});
  EXPECT_EQ(cues("The story was made up."), (Cues{"refute:made up"}));
  // A multi-word cue does not span clause punctuation.
  EXPECT_EQ(cues("It was made, up to a point."), Cues{});
}

TEST(CueLexicon, TypographicApostrophesMatch) {
  EXPECT_EQ(cues("They don\u2019t deny it."), (Cues{"negation:don\u2019t", "refute!:deny", "reporting!:deny"}));
  EXPECT_EQ(cue_form(segment("don\u2019t"), 0), "don't");
}

TEST(CueLexicon, CustomListsAndBadCues) {
  CueLexicon lexicon;
  lexicon.add(CueKind::support, "beyond doubt");
  lexicon.add(CueKind::refute, "doubt");
  EXPECT_EQ(lexicon.size(CueKind::support), 1u);
  EXPECT_EQ(cues("It is beyond doubt.", lexicon), (Cues{"support:beyond doubt", "refute:doubt"}));
  EXPECT_THROW(lexicon.add(CueKind::hedge, "   "), std::invalid_argument);
}

TEST(CueLexicon, ClauseBreaks) {
  EXPECT_TRUE(clause_break_between("a, b", 1, 3));
  EXPECT_TRUE(clause_break_between("a \u2014 b", 1, 6));
  EXPECT_TRUE(clause_break_between("a - b", 1, 4));
  EXPECT_FALSE(clause_break_between("a b", 1, 2));
  EXPECT_FALSE(clause_break_between("a-b", 1, 2));
  EXPECT_FALSE(clause_break_between("a, b", 3, 1));
}

TEST(CueLexicon, KindNames) {
  EXPECT_STREQ(cue_kind_name(CueKind::support), "support");
  EXPECT_STREQ(cue_kind_name(CueKind::refute), "refute");
  EXPECT_STREQ(cue_kind_name(CueKind::hedge), "hedge");
  EXPECT_STREQ(cue_kind_name(CueKind::negation), "negation");
  EXPECT_STREQ(cue_kind_name(CueKind::reporting), "reporting");
}
