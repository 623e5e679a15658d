// The bad-input catalogue for the core: whatever bytes arrive, segment() returns a
// Document that keeps every structural promise, or throws std::invalid_argument saying
// what to fix. Inputs found by fuzzing are kept here as regressions.
#include <gtest/gtest.h>
#include <sys/mman.h>
#include <unicode/uloc.h>

#include <cmath>
#include <limits>
#include <set>
#include <stdexcept>
#include <string>

#include "../../fuzz/document_invariants.hpp"
#include "synopsis/document.hpp"
#include "synopsis/language.hpp"
#include "synopsis/segment.hpp"
#include "synopsis/stance.hpp"

using namespace synopsis;

namespace {

Document checked(std::string_view text, const std::string& language = "en", bool replace = false) {
  SegmentOptions options;
  options.language = language;
  options.replace_invalid = replace;
  Document doc = segment(text, options);
  const char* violated = fuzz::document_violation(doc);
  EXPECT_EQ(violated, nullptr) << (violated ? violated : "");
  return doc;
}

std::string thrown_message(std::string_view text, const std::string& language = "en") {
  SegmentOptions options;
  options.language = language;
  try {
    segment(text, options);
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "(nothing thrown)";
}

std::vector<std::string> sentence_texts(const Document& doc) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < doc.sentences.size(); ++i) out.emplace_back(doc.sentence_text(i));
  return out;
}

}  // namespace

TEST(BadInput, InvalidUtf8NamesTheOffset) {
  EXPECT_EQ(thrown_message("abc\xff"), "invalid UTF-8 at byte offset 3");
  EXPECT_EQ(thrown_message("\x80 lone continuation"), "invalid UTF-8 at byte offset 0");
  EXPECT_EQ(thrown_message("cut \xe2\x82"), "invalid UTF-8 at byte offset 4");  // truncated at the end
}

TEST(BadInput, OverlongSurrogateAndOutOfRangeEncodingsAreRejected) {
  for (const char* bad : {"\xc0\xaf", "\xc1\xbf", "\xe0\x80\xaf", "\xf0\x80\x80\xaf", "\xed\xa0\x80",
                          "\xed\xbf\xbf", "\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\xfe", "\xff"}) {
    const std::string text = std::string("ok ") + bad + " tail.";
    EXPECT_EQ(thrown_message(text), "invalid UTF-8 at byte offset 3") << text;
  }
}

TEST(BadInput, ReplaceInvalidGivesValidText) {
  const Document doc = checked("Bad \xc0\xaf byte. Next \xed\xa0\x80 one.\xff", "en", true);
  EXPECT_EQ(find_invalid_utf8(doc.text), std::string_view::npos);
  EXPECT_NE(doc.text.find("\xEF\xBF\xBD"), std::string::npos);
  EXPECT_EQ(doc.sentences.size(), 2u);
}

TEST(BadInput, NulBytesAreText) {
  const std::string text("First\0one. Second one.", 22);
  const Document doc = checked(text);
  EXPECT_EQ(doc.text, text);
  ASSERT_EQ(doc.sentences.size(), 2u);
  EXPECT_EQ(std::string(doc.sentence_text(0)), std::string("First\0one.", 10));
}

TEST(BadInput, ByteOrderMarkIsNotPartOfTheFirstSentence) {
  const Document doc = checked("\xef\xbb\xbfHello there. General Kenobi.");
  ASSERT_EQ(doc.sentences.size(), 2u);
  EXPECT_EQ(doc.sentences[0].start, 3u);
  EXPECT_EQ(std::string(doc.sentence_text(0)), "Hello there.");
}

TEST(BadInput, ControlCharactersDoNotBreakSegmentation) {
  const Document doc = checked("Alarm\x07 rang. Escape \x1b[31mred\x1b[0m text.\x7f End\x01.");
  EXPECT_GE(doc.sentences.size(), 2u);
}

TEST(BadInput, RightToLeftAndBidiControls) {
  const Document doc = checked("\u202bذهب الولد إلى المدرسة.\u202c هل رأيته؟ نعم.", "ar");
  EXPECT_EQ(doc.sentences.size(), 3u);
  checked("\u202eevil\u202c override. \u200fmark\u200e here.");
}

TEST(BadInput, CombiningMarksStayWithTheirBase) {
  const std::string zalgo = "Ze\u0301\u0301\u0301\u0308\u0308 said it\u0327\u0327. Then\u0300 left.";
  const Document doc = checked(zalgo);
  EXPECT_EQ(doc.sentences.size(), 2u);
  checked("\u0301\u0301\u0301 starts with marks.");
}

TEST(BadInput, ZeroWidthJoinersAndEmojiSequences) {
  const Document doc = checked("The family \U0001F469\u200D\U0001F469\u200D\U0001F467 smiled. Flags \U0001F1FA\U0001F1F8 waved.");
  EXPECT_EQ(doc.sentences.size(), 2u);
  checked("\u200d\u200d\u200d");
  checked("zero\u200bwidth\u200bspace. and\u2060joiner.");
}

TEST(BadInput, EmptyWhitespaceAndPunctuationOnly) {
  EXPECT_TRUE(checked("").sentences.empty());
  EXPECT_TRUE(checked(" \t\r\n\f\v\u00a0\u3000\n\n").sentences.empty());
  checked("...!!!???;;;,,,:::---");
  checked("\u2026\u3002\uff01\u061f\u0964");
  checked("\"\"''(()))]]}}");
}

TEST(BadInput, NumbersOnly) {
  const Document doc = checked("1 2 3. 4.5 6,7 8. 9 10 11. 2024. 2025.");
  for (const Token& t : doc.tokens) EXPECT_EQ(t.kind, TokenKind::number);
}

TEST(BadInput, BoilerplateOnly) {
  const Document doc = checked("Home\nWorld\nSport\nShare this article\nHome\nWorld\nSport\n");
  EXPECT_EQ(doc.prose_sentence_count(), 0u);
}

TEST(BadInput, MalformedLanguageCodesAreRejected) {
  for (const char* code : {"", "e", "english", "en-", "en--US", "-en", "en US", "1a", "en-123456789", "\xc3\xa9n"}) {
    const std::string message = thrown_message("Text.", code);
    EXPECT_NE(message.find("language must be a code"), std::string::npos) << code << ": " << message;
  }
}

// The message echoes the code; cut in the middle of a character it was invalid UTF-8,
// which Python could not decode into a ValueError.
TEST(BadInput, LanguageErrorMessagesAreValidUtf8) {
  for (const std::string code : {std::string("\xff\xfe"), std::string(20 * 3, '\xe6'),
                                 "en-" + std::string(40, 'x'), std::string("\xe6\x97\xa5") + "\xe6\x97\xa5"}) {
    const std::string message = thrown_message("Text.", code);
    EXPECT_NE(message.find("language must be a code"), std::string::npos) << message;
    EXPECT_EQ(find_invalid_utf8(message), std::string_view::npos) << message;
  }
  std::string cjk;
  for (int i = 0; i < 20; ++i) cjk += "\xe6\x97\xa5";  // 20 x U+65E5, 60 bytes
  const std::string message = thrown_message("Text.", cjk);
  EXPECT_EQ(find_invalid_utf8(message), std::string_view::npos) << message;
  EXPECT_NE(message.find("..."), std::string::npos);
}

TEST(BadInput, UnknownWellFormedLanguagesStillSegment) {
  for (const char* code : {"xx", "qaa", "zzz", "tlh", "en-Latn-US-x-private", "EN", "en_US_POSIX"}) {
    const Document doc = checked("One sentence. Another one.", code);
    EXPECT_EQ(doc.sentences.size(), 2u) << code;
  }
}

TEST(BadInput, EveryIcuLocaleSegments) {
  std::set<std::string> codes;
  for (int32_t i = 0; i < uloc_countAvailable(); ++i) codes.insert(uloc_getAvailable(i));
  ASSERT_GT(codes.size(), 100u);
  for (const std::string& code : codes) {
    const Document doc = checked("Hello world. Ünïcödé text here! 今天。Done?", code);
    EXPECT_GE(doc.sentences.size(), 2u) << code;
  }
}

TEST(BadInput, OneHugeToken) {
  const std::string text = "Start " + std::string(1 << 20, 'x') + " end.";
  const Document doc = checked(text);
  ASSERT_EQ(doc.sentences.size(), 1u);
  EXPECT_EQ(doc.tokens.size(), 3u);
  EXPECT_EQ(doc.tokens[1].end - doc.tokens[1].start, 1u << 20);
}

TEST(BadInput, LongTextWithoutPunctuation) {
  std::string text;
  while (text.size() < (2u << 20)) text += "word another thing ";
  const Document doc = checked(text);
  EXPECT_EQ(doc.sentences.size(), 1u);
}

TEST(BadInput, ManyOneWordSentences) {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "Yes. ";
  const Document doc = checked(text);
  EXPECT_EQ(doc.sentences.size(), 20000u);
}

// A paragraph of many lines used to take quadratic time (each line rescanned the rest).
TEST(BadInput, ManyLinesWithoutBlankLinesTakeLinearTime) {
  std::string lines, wrapped;
  for (int i = 0; i < 20000; ++i) lines += "Word\n", wrapped += "word and\n";
  wrapped += "end.";
  EXPECT_EQ(checked(lines).sentences.size(), 20000u);
  EXPECT_EQ(checked(wrapped).sentences.size(), 1u);
}

TEST(BadInput, TextAboveTheLimitIsRejectedBeforeItIsRead) {
  // Reserve address space only: the pages are never touched.
  const std::size_t size = max_text_bytes() + 1;
  void* p = mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED) GTEST_SKIP() << "cannot reserve 2 GiB of address space";
  const std::string message = thrown_message(std::string_view(static_cast<const char*>(p), size));
  munmap(p, size);
  EXPECT_NE(message.find("text is too long"), std::string::npos) << message;
}

// fuzz_segment found: ICU's sentence rules break after the Armenian full stop inside the
// number "11,0<U+0589>00", which the word rules keep as one token, so the token straddled
// two sentences.
TEST(BadInput, FuzzRegressionNoTokenStraddlesASentenceEnd) {
  const Document doc = checked("about 11,0\u058900 homes fy's engineering.", "fr");
  ASSERT_EQ(doc.sentences.size(), 1u);
  EXPECT_EQ(std::string(doc.token_text(1)), "11,0\u058900");
}

// fuzz_segment found: the word rules attach U+FEFF (a format character) to the word
// before it, while sentences are trimmed of it, so the token "0<U+FEFF>" ended after its
// sentence.
TEST(BadInput, FuzzRegressionTrailingByteOrderMarkStaysOutOfTokens) {
  const Document doc = checked("er ArieKr T\xde\x05" "0\xef\xbb\xbf", "ro", true);
  ASSERT_FALSE(doc.tokens.empty());
  EXPECT_EQ(std::string(doc.token_text(doc.tokens.size() - 1)).find("\xef\xbb\xbf"), std::string::npos);
  const Document words = checked("A word\xef\xbb\xbf and another\xef\xbb\xbf\xef\xbb\xbf.");
  for (std::size_t i = 0; i < words.tokens.size(); ++i)
    EXPECT_EQ(std::string(words.token_text(i)).find("\xef\xbb\xbf"), std::string::npos) << i;
}

// fuzz_stance found: a NaN or infinite relevance threshold made every stance score NaN.
TEST(BadInput, FuzzRegressionStanceThresholdsMustLieInTheUnitInterval) {
  for (float bad : {std::numeric_limits<float>::quiet_NaN(), std::numeric_limits<float>::infinity(), -0.1f, 1.5f}) {
    StanceTaggerOptions o;
    o.related_threshold = bad;
    EXPECT_THROW(StanceTagger("flood barrier", o), std::invalid_argument) << bad;
    o = StanceTaggerOptions{};
    o.sentence_threshold = bad;
    EXPECT_THROW(StanceTagger("flood barrier", o), std::invalid_argument) << bad;
  }
  const StanceResult r = StanceTagger("flood barrier").tag("The flood barrier was approved. It will protect homes.");
  for (float s : r.scores) EXPECT_TRUE(std::isfinite(s));
}
