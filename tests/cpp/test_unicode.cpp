#include <gtest/gtest.h>

#include "synopsis/unicode.hpp"

using synopsis::count_code_points;
using synopsis::find_invalid_utf8;
using synopsis::replace_invalid_utf8;

TEST(Utf8Validation, AcceptsValidText) {
  EXPECT_EQ(find_invalid_utf8("plain ascii text, long enough for the fast path"), std::string_view::npos);
  EXPECT_EQ(find_invalid_utf8("Երևան, Москва, 北京, 🙂"), std::string_view::npos);
  EXPECT_EQ(find_invalid_utf8(""), std::string_view::npos);
}

TEST(Utf8Validation, ReportsTheOffsetOfTheFirstBadByte) {
  EXPECT_EQ(find_invalid_utf8("abc\xff"), 3u);
  EXPECT_EQ(find_invalid_utf8("abcdefghij\xc3"), 10u);            // truncated sequence
  EXPECT_EQ(find_invalid_utf8("x\xc0\xaf"), 1u);                  // overlong '/'
  EXPECT_EQ(find_invalid_utf8("x\xe0\x80\xaf"), 1u);              // overlong, 3 bytes
  EXPECT_EQ(find_invalid_utf8("x\xed\xa0\x80"), 1u);              // UTF-16 surrogate
  EXPECT_EQ(find_invalid_utf8("x\xf4\x90\x80\x80"), 1u);          // above U+10FFFF
}

TEST(Utf8Validation, ReplacementGivesValidText) {
  const std::string fixed = replace_invalid_utf8("a\xff" "b\xe2\x82" "c");
  EXPECT_EQ(fixed, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c");
  EXPECT_EQ(find_invalid_utf8(fixed), std::string_view::npos);
}

TEST(Utf8Validation, CountsCodePoints) {
  EXPECT_EQ(count_code_points("héllo"), 5u);
  EXPECT_EQ(count_code_points("🙂a"), 2u);
}
