#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>

#include "synopsis/language.hpp"

using namespace synopsis;

TEST(Language, NormalisesCodes) {
  EXPECT_EQ(primary_language("en"), "en");
  EXPECT_EQ(primary_language("pt-BR"), "pt");
  EXPECT_EQ(primary_language("HY_am"), "hy");
}

TEST(Language, RejectsMalformedCodes) {
  EXPECT_THROW(primary_language(""), std::invalid_argument);
  EXPECT_THROW(primary_language("english"), std::invalid_argument);
  EXPECT_THROW(primary_language("e"), std::invalid_argument);
  EXPECT_THROW(primary_language("en us"), std::invalid_argument);
  EXPECT_THROW(primary_language("../en"), std::invalid_argument);
}

TEST(Language, HasStopwordsForAtLeastTwelveLanguages) {
  const auto langs = stopword_languages();
  for (const char* code : {"en", "de", "fr", "es", "it", "pt", "nl", "ru", "sv", "tr", "hy", "da"})
    EXPECT_NE(std::find(langs.begin(), langs.end(), code), langs.end()) << code;
  EXPECT_TRUE(language_resources("en").is_stopword("the"));
  EXPECT_TRUE(language_resources("de").is_stopword("und"));
  EXPECT_FALSE(language_resources("en").is_stopword("armenia"));
}

TEST(Language, UnknownButWellFormedCodesHaveNoData) {
  const auto& res = language_resources("xx");
  EXPECT_TRUE(res.stopwords.empty());
  EXPECT_FALSE(res.has_stemmer);
}

TEST(Language, KnowsSnowballStemmers) {
  EXPECT_TRUE(language_resources("en").has_stemmer);
  EXPECT_TRUE(language_resources("ru").has_stemmer);
  EXPECT_TRUE(language_resources("hy").has_stemmer);
}
