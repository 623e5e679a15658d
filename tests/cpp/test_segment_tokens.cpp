// segment() splits plain ASCII runs itself and leaves the rest to ICU; its word and number
// tokens must be exactly those of ICU's word iterator over the whole text. A randomized
// differential test against that iterator, on texts mixing the characters where the two
// could part: joiners ('.', '\'', ',', ';', ':', '_'), letters next to digits, format and
// combining characters, non-ASCII spaces and letters.
#include <gtest/gtest.h>
#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <memory>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "synopsis/segment.hpp"

using namespace synopsis;

namespace {

using Span = std::tuple<std::uint32_t, std::uint32_t, TokenKind>;

bool is_token_space(UChar32 c) {
  return c == ' ' || (c >= '\t' && c <= '\r') || c == 0xFEFF || c == 0x200B || (c > 0x7F && u_isUWhiteSpace(c));
}

// Word-like segments of ICU's English word iterator, as byte spans trimmed of whitespace.
std::vector<Span> icu_word_tokens(const std::string& text) {
  const icu::UnicodeString u16 = icu::UnicodeString::fromUTF8(text);
  std::vector<std::uint32_t> byte_of(static_cast<std::size_t>(u16.length()) + 1);
  for (int32_t byte = 0, unit = 0; byte < static_cast<int32_t>(text.size());) {
    const int32_t start = byte;
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), byte, static_cast<int32_t>(text.size()), c);
    for (int32_t k = 0; k < U16_LENGTH(c); ++k) byte_of[static_cast<std::size_t>(unit++)] = static_cast<std::uint32_t>(start);
  }
  byte_of.back() = static_cast<std::uint32_t>(text.size());
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> words(icu::BreakIterator::createWordInstance(icu::Locale("en"), status));
  EXPECT_TRUE(U_SUCCESS(status));
  words->setText(u16);
  std::vector<Span> out;
  int32_t prev = words->first();
  for (int32_t b = words->next(); b != icu::BreakIterator::DONE; prev = b, b = words->next()) {
    const int32_t rule = words->getRuleStatus();
    if (rule < UBRK_WORD_NONE_LIMIT) continue;
    int32_t a = static_cast<int32_t>(byte_of[static_cast<std::size_t>(prev)]);
    int32_t e = static_cast<int32_t>(byte_of[static_cast<std::size_t>(b)]);
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    while (a < e) {
      int32_t next = a;
      UChar32 c;
      U8_NEXT(s, next, e, c);
      if (!is_token_space(c)) break;
      a = next;
    }
    while (e > a) {
      int32_t before = e;
      UChar32 c;
      U8_PREV(s, a, before, c);
      if (!is_token_space(c)) break;
      e = before;
    }
    if (a == e) continue;
    out.emplace_back(a, e, rule < UBRK_WORD_NUMBER_LIMIT ? TokenKind::number : TokenKind::word);
  }
  return out;
}

std::vector<Span> segment_tokens(const Document& doc) {
  std::vector<Span> out;
  for (const Token& t : doc.tokens) out.emplace_back(t.start, t.end, t.kind);
  return out;
}

}  // namespace

TEST(SegmentTokens, MatchIcuWordIteratorOnRandomTexts) {
  // No line breaks: the segmenter reads some of them as spaces, which the reference does not.
  const std::vector<std::string> pieces = {
      "a", "e", "Z", "q", "x", "1", "0", "7", ".", ",", "'", ";", ":", "_", "-", "!", "\"", "(", "?",
      "/", "@", " ", " ", " ", "  ", "\t", "\xC3\xA9" /* é */, "\xCC\x81" /* combining acute */,
      "\xEF\xBB\xBF" /* U+FEFF */, "\xE2\x80\x99" /* U+2019 */, "\xC2\xA0" /* no-break space */,
      "\xE2\x80\x8B" /* U+200B */, "\xE3\x80\x80" /* ideographic space */, "\xC3\x9F" /* ß */,
      "\xE6\x97\xA5" /* 日 */, "\xF0\x9F\x98\x80" /* emoji */, "\xE2\x80\x8D" /* ZWJ */,
      "\xD7\x90" /* Hebrew alef */, "\xD9\xA0" /* Arabic-Indic zero */, "\xEF\xAC\x81" /* ﬁ */,
      "\xEF\xBC\x8E" /* fullwidth full stop */, "\xC2\xB7" /* middle dot */, "\xE2\x80\xA4" /* one dot leader */,
      "U.S.", "don't", "1,000.5", "3:30", "e.g.", "A1", "1990s", "x_y", "re:do", "a@b.com"};
  std::mt19937 rng(20261202);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1), length(1, 30);
  std::size_t compared = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    for (std::size_t k = length(rng); k > 0; --k) text += pieces[pick(rng)];
    const Document doc = segment(text);
    if (doc.sentences.empty()) continue;
    ++compared;
    ASSERT_EQ(segment_tokens(doc), icu_word_tokens(text)) << "text: \"" << text << "\"";
  }
  EXPECT_GT(compared, 15000u);
}

TEST(SegmentTokens, ThreadTermTableResetKeepsResults) {
  // A text with more distinct words than the per-thread term table keeps (2^18) makes it start
  // afresh before the next document; documents before and after must come out the same.
  const std::string probe = "The cat sat on the mat. The cats were sitting on 3 mats, weren't they?";
  const Document before = segment(probe);
  std::string many;
  for (std::uint32_t i = 0; i < 300000; ++i) {
    for (std::uint32_t v = i; v; v /= 26) many += static_cast<char>('a' + v % 26);
    many += i % 12 == 11 ? ". " : " ";
  }
  const Document big = segment(many);
  EXPECT_GT(big.terms.size(), 270000u);
  const Document after = segment(probe);
  EXPECT_EQ(segment_tokens(after), segment_tokens(before));
  EXPECT_EQ(after.terms, before.terms);
  EXPECT_EQ(after.stems, before.stems);
  ASSERT_EQ(after.tokens.size(), before.tokens.size());
  for (std::size_t i = 0; i < before.tokens.size(); ++i) {
    EXPECT_EQ(after.tokens[i].term, before.tokens[i].term);
    EXPECT_EQ(after.tokens[i].stem, before.tokens[i].stem);
    EXPECT_EQ(after.tokens[i].is_stopword, before.tokens[i].is_stopword);
  }
}

TEST(SegmentTokens, TextOpeningWithACharacterOutsideTheBmp) {
  for (const std::string text : {"\U0001869F><>", "\U0001F600 is fun. Yes.", "\U0001D400\U0001D401 news today."}) {
    const Document doc = segment(text);
    for (const Token& t : doc.tokens) {
      EXPECT_LE(t.start, t.end);
      EXPECT_LE(t.end, doc.text.size());
    }
  }
  const Document doc = segment("\U0001D400\U0001D401 news today.");
  ASSERT_EQ(doc.tokens.size(), 3u);
  EXPECT_EQ(doc.token_text(0), "\U0001D400\U0001D401");
}

