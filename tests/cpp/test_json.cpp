#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "synopsis/json.hpp"

using namespace synopsis;

TEST(Json, ReadsEveryKind) {
  const JsonValue v = JsonValue::parse(R"( {"a": [1, -2.5e3, true, false, null], "b": "x\u00e9\ud83d\ude00\n", "a": 7} )");
  ASSERT_TRUE(v.is_object());
  EXPECT_EQ(v.as_object("v").size(), 2u);  // a repeated key keeps one entry, the last value
  EXPECT_EQ(v.find("a")->as_integer("a", 0, 10), 7);
  EXPECT_EQ(v.find("b")->as_string("b"), "x\xC3\xA9\xF0\x9F\x98\x80\n");
  EXPECT_EQ(v.find("missing"), nullptr);
  const JsonValue arr = JsonValue::parse("[1, -2.5e3, true, false, null]");
  EXPECT_DOUBLE_EQ(arr.as_array("arr")[1].as_number("n"), -2500.0);
  EXPECT_TRUE(arr.as_array("arr")[2].as_bool("b"));
  EXPECT_TRUE(arr.as_array("arr")[4].is_null());
}

TEST(Json, MalformedTextNamesTheByte) {
  for (const char* bad : {"", "{", "[1,]", "{\"a\" 1}", "01", "1.", "\"\\x\"", "\"\\ud800\"", "tru", "[1] 2",
                          "\"\x80\"", "\"a\nb\""}) {
    EXPECT_THROW(JsonValue::parse(bad), std::invalid_argument) << bad;
  }
  try {
    JsonValue::parse("[1, 2, }");
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("at byte 7"), std::string::npos) << e.what();
  }
}

TEST(Json, DeepNestingIsAnErrorNotAStackOverflow) {
  EXPECT_THROW(JsonValue::parse(std::string(100000, '[')), std::invalid_argument);
  EXPECT_NO_THROW(JsonValue::parse(std::string(kMaxJsonDepth - 1, '[') + std::string(kMaxJsonDepth - 1, ']')));
}

TEST(Json, AccessorsCheckKinds) {
  const JsonValue v = JsonValue::parse("{\"n\": 2.5}");
  EXPECT_THROW(v.find("n")->as_string("n"), std::invalid_argument);
  EXPECT_THROW(v.find("n")->as_integer("n", 0, 10), std::invalid_argument);
  EXPECT_THROW(v.as_array("v"), std::invalid_argument);
}
