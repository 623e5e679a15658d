#include "synopsis/document.hpp"

#include <gtest/gtest.h>

using namespace synopsis;

namespace {
// Built by hand: the data model must not need segment() to be usable.
Document two_sentences() {
  Document doc;
  doc.text = "Menu\n\nRain fell. It stopped.";
  doc.terms = {"menu", "rain", "fell", "it", "stopped"};
  doc.stems = doc.terms;
  Sentence menu{0, 0, 4, 0, 0, 1, true, false};
  Sentence rain{1, 6, 16, 1, 1, 3, false, false};
  Sentence stop{2, 17, 28, 1, 3, 5, false, true};
  doc.sentences = {menu, rain, stop};
  for (std::uint32_t t = 0; t < 5; ++t) {
    Token tok;
    tok.term = tok.stem = t;
    tok.sentence = t == 0 ? 0 : (t < 3 ? 1 : 2);
    doc.tokens.push_back(tok);
  }
  doc.tokens[1].start = 6, doc.tokens[1].end = 10;
  return doc;
}
}  // namespace

TEST(Document, SpansAreByteRangesOfTheText) {
  const Document doc = two_sentences();
  EXPECT_EQ(doc.span(6, 10), "Rain");
  EXPECT_EQ(doc.sentence_text(0), "Menu");
  EXPECT_EQ(doc.sentence_text(1), "Rain fell.");
  EXPECT_EQ(doc.sentence_text(2), "It stopped.");
  EXPECT_EQ(doc.token_text(1), "Rain");
}

TEST(Document, ProseExcludesHeadingsAndBoilerplate) {
  const Document doc = two_sentences();
  EXPECT_FALSE(doc.sentences[0].is_prose());
  EXPECT_TRUE(doc.sentences[1].is_prose());
  EXPECT_FALSE(doc.sentences[2].is_prose());
  EXPECT_EQ(doc.prose_sentence_count(), 1u);
  EXPECT_EQ(Document{}.prose_sentence_count(), 0u);
  EXPECT_EQ(Document{}.title, -1);
}
