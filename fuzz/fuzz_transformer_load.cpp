// A model folder built from the input: the first byte picks which file the rest becomes
// (model.safetensors, config.json or tokenizer.json); the others are those of a valid tiny
// BERT. Loading must either give an encoder whose vectors are finite unit rows, or throw
// std::invalid_argument with a valid UTF-8 message.
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <string>

#include "fuzz_input.hpp"
#include "synopsis/transformer.hpp"
#include "synopsis/unicode.hpp"

using namespace synopsis;

namespace {

constexpr int kHidden = 8, kInner = 16, kVocab = 8, kPositions = 8;

void write(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::string tiny_safetensors() {
  std::string header = "{";
  std::string data;
  auto add = [&](const std::string& name, std::size_t rows, std::size_t cols) {
    const std::size_t n = rows * cols;
    const std::size_t begin = data.size();
    for (std::size_t i = 0; i < n; ++i) {
      const float v = 0.1f * static_cast<float>((i * 7919 + name.size()) % 13) - 0.6f;
      data.append(reinterpret_cast<const char*>(&v), 4);
    }
    if (header.size() > 1) header += ",";
    header += "\"" + name + "\":{\"dtype\":\"F32\",\"shape\":[" + std::to_string(rows) + "," + std::to_string(cols) +
              "],\"data_offsets\":[" + std::to_string(begin) + "," + std::to_string(data.size()) + "]}";
  };
  auto vec = [&](const std::string& name, std::size_t n) {
    const std::size_t begin = data.size();
    for (std::size_t i = 0; i < n; ++i) {
      const float v = 1.0f;
      data.append(reinterpret_cast<const char*>(&v), 4);
    }
    header += ",\"" + name + "\":{\"dtype\":\"F32\",\"shape\":[" + std::to_string(n) + "],\"data_offsets\":[" +
              std::to_string(begin) + "," + std::to_string(data.size()) + "]}";
  };
  add("embeddings.word_embeddings.weight", kVocab, kHidden);
  add("embeddings.position_embeddings.weight", kPositions, kHidden);
  add("embeddings.token_type_embeddings.weight", 2, kHidden);
  vec("embeddings.LayerNorm.weight", kHidden);
  vec("embeddings.LayerNorm.bias", kHidden);
  const std::string p = "encoder.layer.0.";
  for (const char* m : {"attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense"}) {
    add(p + m + ".weight", kHidden, kHidden);
    vec(p + m + ".bias", kHidden);
  }
  add(p + "intermediate.dense.weight", kInner, kHidden);
  vec(p + "intermediate.dense.bias", kInner);
  add(p + "output.dense.weight", kHidden, kInner);
  vec(p + "output.dense.bias", kHidden);
  for (const char* m : {"attention.output.LayerNorm", "output.LayerNorm"}) {
    vec(p + m + ".weight", kHidden);
    vec(p + m + ".bias", kHidden);
  }
  header += "}";
  std::string out(8, '\0');
  const std::uint64_t n = header.size();
  for (int i = 0; i < 8; ++i) out[static_cast<std::size_t>(i)] = static_cast<char>((n >> (8 * i)) & 0xFF);
  return out + header + data;
}

const char* kConfig =
    R"({"model_type":"bert","hidden_size":8,"num_hidden_layers":1,"num_attention_heads":2,)"
    R"("intermediate_size":16,"vocab_size":8,"max_position_embeddings":8,"hidden_act":"gelu"})";
const char* kTokenizer =
    R"({"normalizer":{"type":"BertNormalizer","lowercase":true},"model":{"type":"WordPiece","unk_token":"[UNK]",)"
    R"("vocab":{"[PAD]":0,"[UNK]":1,"[CLS]":2,"[SEP]":3,"the":4,"storm":5,"##s":6,".":7}}})";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string dir = [] {
    char name[] = "/tmp/synopsis_fuzz_model_XXXXXX";
    const char* made = mkdtemp(name);
    return std::string(made ? made : "/tmp");
  }();
  static const std::string weights = tiny_safetensors();
  fuzz::Input in(data, size);
  const int target = in.byte() % 3;
  const std::string rest(in.rest());
  write(dir + "/model.safetensors", target == 0 ? rest : weights);
  write(dir + "/config.json", target == 1 ? rest : kConfig);
  write(dir + "/tokenizer.json", target == 2 ? rest : kTokenizer);
  try {
    TransformerOptions options;
    options.quantize = (size & 1) ? "int8" : "";
    const TransformerEncoder enc(dir, options);
    const SentenceVectors v = enc.embed({"The storms.", "", "the the the the the the the the the"});
    SYNOPSIS_FUZZ_CHECK(v.vectors.rows() == 3);
    for (Eigen::Index i = 0; i < v.vectors.rows(); ++i) {
      SYNOPSIS_FUZZ_CHECK(v.vectors.row(i).allFinite());
      const float norm = v.vectors.row(i).norm();
      SYNOPSIS_FUZZ_CHECK(norm == 0 || std::fabs(norm - 1.0f) < 1e-3f);
    }
  } catch (const std::invalid_argument& e) {
    SYNOPSIS_FUZZ_CHECK(find_invalid_utf8(e.what()) == std::string_view::npos);
  }
  return 0;
}
