#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "synopsis/wordpiece.hpp"

using namespace synopsis;

namespace {

WordPieceTokenizer tokenizer(WordPieceOptions options = {}) {
  return WordPieceTokenizer({"[PAD]", "[UNK]", "[CLS]", "[SEP]", "the", "storm", "##s", "un", "##aff", "##able", ",",
                             "'", "cafe", "caf", "##é", "!", "\xe4\xb8\xad", "\xe6\x96\x87", "-", "1", "##0"},
                            options);
}

std::vector<std::string> pieces(const WordPieceTokenizer& t, const std::string& text) {
  std::vector<std::string> out;
  for (std::int32_t id : t.encode(text)) out.push_back(t.vocabulary()[static_cast<std::size_t>(id)]);
  return out;
}

}  // namespace

TEST(WordPiece, LowercasesStripsAccentsAndSplitsPunctuation) {
  const WordPieceTokenizer t = tokenizer();
  EXPECT_EQ(pieces(t, "The STORMS, unaffable!"),
            (std::vector<std::string>{"the", "storm", "##s", ",", "un", "##aff", "##able", "!"}));
  EXPECT_EQ(pieces(t, "Caf\xC3\xA9"), (std::vector<std::string>{"cafe"}));          // é -> e
  EXPECT_EQ(pieces(t, "the\xE4\xB8\xAD\xE6\x96\x87"), (std::vector<std::string>{"the", "\xe4\xb8\xad", "\xe6\x96\x87"}));
  EXPECT_EQ(pieces(t, "storm\xE2\x80\x8B" "s 10"), (std::vector<std::string>{"storm", "##s", "1", "##0"}));  // ZWSP dropped
  EXPECT_EQ(pieces(t, "stormy the"), (std::vector<std::string>{"[UNK]", "the"}));  // no piece for "y"
  EXPECT_EQ(pieces(t, std::string(101, 's')), (std::vector<std::string>{"[UNK]"}));
  EXPECT_EQ(pieces(t, "\xFF the"), (std::vector<std::string>{"the"}));  // invalid UTF-8 reads as U+FFFD, dropped
}

TEST(WordPiece, AccentsStayWhenTheModelKeepsThem) {
  WordPieceOptions o;
  o.lowercase = false;
  o.strip_accents = false;
  const WordPieceTokenizer t = tokenizer(o);
  EXPECT_EQ(pieces(t, "caf\xC3\xA9"), (std::vector<std::string>{"caf", "##\xC3\xA9"}));
  EXPECT_EQ(pieces(t, "The"), (std::vector<std::string>{"[UNK]"}));
}

TEST(WordPiece, TruncationIsReported) {
  const WordPieceTokenizer t = tokenizer();
  bool truncated = false;
  EXPECT_EQ(t.encode("the storms the", 3, &truncated).size(), 3u);
  EXPECT_TRUE(truncated);
  EXPECT_EQ(t.encode("the storms", 3, &truncated).size(), 3u);
  EXPECT_FALSE(truncated);
  EXPECT_EQ(t.encode("the storms", 2, &truncated).size(), 2u);
  EXPECT_TRUE(truncated);
}

TEST(WordPiece, VocabularyIsChecked) {
  EXPECT_THROW(WordPieceTokenizer({}, {}), std::invalid_argument);
  EXPECT_THROW(WordPieceTokenizer({"a", "b"}, {}), std::invalid_argument);  // no [UNK]
  EXPECT_THROW(WordPieceTokenizer({"[UNK]", "a", "a"}, {}), std::invalid_argument);
  EXPECT_EQ(read_vocab_txt("[UNK]\r\na\n##b\n"), (std::vector<std::string>{"[UNK]", "a", "##b"}));
}
