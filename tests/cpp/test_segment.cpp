#include "synopsis/segment.hpp"

#include <gtest/gtest.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

#include "synopsis/summarize.hpp"

using namespace synopsis;

namespace {
std::vector<std::string> sentence_texts(const Document& doc) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < doc.sentences.size(); ++i) out.emplace_back(doc.sentence_text(i));
  return out;
}

std::string utf8(UChar32 c) {
  char buf[U8_MAX_LENGTH];
  int32_t n = 0;
  U8_APPEND_UNSAFE(buf, n, c);
  return std::string(buf, static_cast<std::size_t>(n));
}

// Three prose paragraphs, each one sentence of ordinary words ending in `end`: whether they
// read as prose rests on `end` alone.
std::string prose_ending_in(const std::string& end) {
  return "The council approved the new budget for schools and roads on Tuesday" + end + "\n\n" +
         "Members said the plan would help families across the whole region" + end + "\n\n" +
         "Work on the first projects is expected to begin early next year" + end + "\n";
}

// Empty when every paragraph of prose_ending_in(end) is prose and a summary finds it;
// otherwise what went wrong.
std::string prose_problem(const std::string& end) {
  const Document doc = segment(prose_ending_in(end));
  if (doc.sentences.size() != 3) return std::to_string(doc.sentences.size()) + " sentences";
  for (const Sentence& s : doc.sentences) {
    if (s.is_heading) return "sentence " + std::to_string(s.index) + " is a heading";
    if (s.is_boilerplate) return "sentence " + std::to_string(s.index) + " is boilerplate";
  }
  SummarizeOptions options;
  options.sentences = 2;
  if (summarize(prose_ending_in(end), options).sentences.empty()) return "empty summary";
  return {};
}

// Every code point with Sentence_Terminal, and the ATerm full stops of UAX #29.
std::vector<UChar32> sentence_terminators() {
  std::vector<UChar32> out;
  for (UChar32 c = 0; c <= 0x10FFFF; ++c)
    if (u_hasBinaryProperty(c, UCHAR_S_TERM)) out.push_back(c);
  for (UChar32 c : {0x002E, 0x2024, 0xFE52, 0xFF0E})
    if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
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

// These paragraph ends were once flagged as headings (layout knew fewer terminals than the
// sentence rules), so summarize() found no prose at all.
TEST(SentenceTerminal, FullwidthEthiopicAndDoubleQuestionMarksEndProse) {
  for (const char* end : {"\uFF0E", "\u1362", "\u2047"}) EXPECT_EQ(prose_problem(end), "") << end;
}

TEST(SentenceTerminal, EverySentenceTerminalEndsProse) {
  const std::vector<UChar32> terminators = sentence_terminators();
  ASSERT_GT(terminators.size(), 100u);  // ICU knows the property
  std::string failures;
  for (UChar32 c : terminators) {
    const std::string problem = prose_problem(utf8(c));
    if (problem.empty()) continue;
    char name[16];
    std::snprintf(name, sizeof name, "U+%04X", static_cast<unsigned>(c));
    failures += std::string(name) + ": " + problem + "\n";
  }
  EXPECT_EQ(failures, "");
}

TEST(SentenceTerminal, ClosingQuotesAndBracketsMayFollow) {
  for (const char* end : {"\uFF0E\u300D", "\u1362\u201D", "\u2047)", ".\u00BB", "!\uFF09", "?\"", "\u3002\u300F"})
    EXPECT_EQ(prose_problem(end), "") << end;
}

TEST(SentenceTerminal, OtherPunctuationLeavesAHeading) {
  for (const char* end : {"", ",", ":", "\u2014", "\u201C", "("}) {
    const Document doc = segment(prose_ending_in(end));
    ASSERT_FALSE(doc.sentences.empty()) << end;
    EXPECT_TRUE(doc.sentences[0].is_heading) << end;
  }
}

TEST(SentenceTerminal, WrappedLinesRunOnToAnyTerminal) {
  // The line break inside the sentence is read as a space only when a sentence end follows.
  for (const char* end : {".", "\uFF0E", "\u1362", "\u2047"}) {
    const Document doc = segment(std::string("The council approved the new budget for schools and\nroads on Tuesday") + end);
    EXPECT_EQ(doc.sentences.size(), 1u) << end;
  }
}
