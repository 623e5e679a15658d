#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "synopsis/static_encoder.hpp"

using namespace synopsis;

namespace {

StaticEncoder small() {
  WordPieceTokenizer tok({"[UNK]", "rain", "storm", "##s"}, {});
  DenseRows v(4, 2);
  v << 0, 0, 1, 0, 0, 1, 0.5f, 0.5f;
  return StaticEncoder(std::move(tok), v, 16);
}

}  // namespace

TEST(StaticEncoder, SentenceIsTheNormalisedMeanOfItsPieces) {
  const DenseRows x = small().embed({"Storms", "rain", ""});
  EXPECT_NEAR(x(0, 0), 0.5f / std::sqrt(0.25f + 2.25f), 1e-6);
  EXPECT_NEAR(x(0, 1), 1.5f / std::sqrt(0.25f + 2.25f), 1e-6);
  EXPECT_FLOAT_EQ(x(1, 0), 1.0f);
  EXPECT_FLOAT_EQ(x.row(2).norm(), 0.0f);
}

TEST(StaticEncoder, SerialisedFormRoundTripsAndCorruptionIsAnError) {
  const StaticEncoder e = small();
  const std::string bytes = e.serialize();
  const auto back = StaticEncoder::deserialize(bytes);
  EXPECT_EQ(back->embed({"storms rain"}), e.embed({"storms rain"}));
  for (std::size_t cut : {std::size_t{0}, std::size_t{10}, bytes.size() - 1}) {
    EXPECT_THROW(StaticEncoder::deserialize(bytes.substr(0, cut)), std::invalid_argument);
  }
  std::string flipped = bytes;
  flipped[20] ^= 1;
  EXPECT_THROW(StaticEncoder::deserialize(flipped), std::invalid_argument);
}
