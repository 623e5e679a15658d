#include <gtest/gtest.h>

#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

#include "synopsis/safetensors.hpp"

using namespace synopsis;

namespace {

std::string file_with(const std::string& header, const std::string& data) {
  std::string out(8, '\0');
  std::uint64_t n = header.size();
  for (int i = 0; i < 8; ++i) out[i] = static_cast<char>((n >> (8 * i)) & 0xFF);
  return out + header + data;
}

std::string floats_le(const std::vector<float>& v) {
  std::string s(v.size() * 4, '\0');
  for (std::size_t i = 0; i < v.size(); ++i) {
    std::uint32_t bits;
    std::memcpy(&bits, &v[i], 4);
    for (int b = 0; b < 4; ++b) s[4 * i + b] = static_cast<char>((bits >> (8 * b)) & 0xFF);
  }
  return s;
}

}  // namespace

TEST(Safetensors, ReadsTensorsOfEachFloatType) {
  // F32 [2, 2], F16 [2] (1.0, -2.0), BF16 [1] (0.5), an I64 tensor that is listed but not floats.
  std::string data = floats_le({1, 2, 3, 4});
  data += std::string("\x00\x3C\x00\xC0", 4);
  data += std::string("\x00\x3F", 2);
  data += std::string(8, '\x01');
  const std::string header =
      R"({"__metadata__": {"format": "pt"}, "w": {"dtype": "F32", "shape": [2, 2], "data_offsets": [0, 16]},)"
      R"( "h": {"dtype": "F16", "shape": [2], "data_offsets": [16, 20]},)"
      R"( "b": {"dtype": "BF16", "shape": [1], "data_offsets": [20, 22]},)"
      R"( "ids": {"dtype": "I64", "shape": [1], "data_offsets": [22, 30]}})";
  const SafetensorsFile f = SafetensorsFile::parse(file_with(header, data));
  EXPECT_EQ(f.metadata().at("format"), "pt");
  EXPECT_EQ(f.floats("w", {2, 2}), (std::vector<float>{1, 2, 3, 4}));
  EXPECT_EQ(f.floats("h", {2}), (std::vector<float>{1.0f, -2.0f}));
  EXPECT_EQ(f.floats("b", {1}), (std::vector<float>{0.5f}));
  EXPECT_THROW(f.floats("ids", {1}), std::invalid_argument);
  EXPECT_THROW(f.floats("w", {4}), std::invalid_argument);
  EXPECT_THROW(f.floats("nothing", {1}), std::invalid_argument);
}

TEST(Safetensors, CorruptFilesAreInvalidArguments) {
  const std::string data = floats_le({1, 2});
  const std::vector<std::string> bad = {
      "",
      std::string("\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF", 8) + "{}",
      file_with("{\"w\": 1}", data),
      file_with("not json", data),
      file_with(R"({"w": {"dtype": "F32", "shape": [3], "data_offsets": [0, 8]}})", data),      // shape vs bytes
      file_with(R"({"w": {"dtype": "F32", "shape": [2], "data_offsets": [0, 80]}})", data),     // past the end
      file_with(R"({"w": {"dtype": "F32", "shape": [2], "data_offsets": [8, 0]}})", data),      // reversed
      file_with(R"({"w": {"dtype": "Q4", "shape": [2], "data_offsets": [0, 8]}})", data),       // unknown dtype
      file_with(R"({"w": {"dtype": "F32", "shape": [-2], "data_offsets": [0, 8]}})", data),     // negative dim
      file_with(R"({"w": {"dtype": "F32", "shape": [2]}})", data),                                // no offsets
      file_with(R"({"a": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]},)"
                R"( "b": {"dtype": "F32", "shape": [1], "data_offsets": [4, 8]}})", data),       // overlap
      file_with(R"({"w": {"dtype": "F32", "shape": [2147483647, 2147483647, 2147483647], "data_offsets": [0, 8]}})",
                data),  // element count overflows
  };
  for (const std::string& file : bad) EXPECT_THROW(SafetensorsFile::parse(file), std::invalid_argument) << file;
  EXPECT_THROW(SafetensorsFile::read("/nonexistent/model.safetensors"), std::invalid_argument);
}
