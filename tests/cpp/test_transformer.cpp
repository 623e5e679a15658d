#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <unistd.h>
#include <fstream>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "synopsis/segment.hpp"
#include "synopsis/transformer.hpp"

using namespace synopsis;

namespace {

constexpr int kHidden = 16, kInner = 32, kPositions = 10;
const std::vector<std::string> kVocab = {"[PAD]", "[UNK]", "[CLS]", "[SEP]", "the", "storm", "##s", "hit", "coast", "."};

// A random BERT with one layer, written as a model folder.
class TinyModel {
 public:
  TinyModel() : dir_(std::filesystem::temp_directory_path() / ("synopsis_tiny_bert_" + std::to_string(::getpid()))) {
    std::filesystem::create_directories(dir_);
    std::ofstream(dir_ / "config.json")
        << R"({"model_type": "bert", "hidden_size": 16, "num_hidden_layers": 1, "num_attention_heads": 2,)"
        << R"( "intermediate_size": 32, "vocab_size": 10, "max_position_embeddings": 10, "hidden_act": "gelu"})";
    std::ofstream vocab(dir_ / "vocab.txt");
    for (const std::string& piece : kVocab) vocab << piece << "\n";
    vocab.close();
    std::mt19937 rng(5);
    std::normal_distribution<float> normal(0.0f, 0.3f);
    std::string header = "{", data;
    auto add = [&](const std::string& name, std::vector<int> shape, float base) {
      std::size_t n = 1;
      for (int d : shape) n *= static_cast<std::size_t>(d);
      const std::size_t begin = data.size();
      for (std::size_t i = 0; i < n; ++i) {
        const float v = base + normal(rng);
        data.append(reinterpret_cast<const char*>(&v), 4);
      }
      header += std::string(header.size() > 1 ? "," : "") + "\"" + name + "\":{\"dtype\":\"F32\",\"shape\":[" +
                std::to_string(shape[0]) + (shape.size() > 1 ? "," + std::to_string(shape[1]) : "") +
                "],\"data_offsets\":[" + std::to_string(begin) + "," + std::to_string(data.size()) + "]}";
    };
    add("embeddings.word_embeddings.weight", {10, kHidden}, 0);
    add("embeddings.position_embeddings.weight", {kPositions, kHidden}, 0);
    add("embeddings.token_type_embeddings.weight", {2, kHidden}, 0);
    add("embeddings.LayerNorm.weight", {kHidden}, 1);
    add("embeddings.LayerNorm.bias", {kHidden}, 0);
    const std::string p = "encoder.layer.0.";
    for (const char* m : {"attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense"}) {
      add(p + m + ".weight", {kHidden, kHidden}, 0);
      add(p + m + ".bias", {kHidden}, 0);
    }
    add(p + "intermediate.dense.weight", {kInner, kHidden}, 0);
    add(p + "intermediate.dense.bias", {kInner}, 0);
    add(p + "output.dense.weight", {kHidden, kInner}, 0);
    add(p + "output.dense.bias", {kHidden}, 0);
    for (const char* m : {"attention.output.LayerNorm", "output.LayerNorm"}) {
      add(p + m + ".weight", {kHidden}, 1);
      add(p + m + ".bias", {kHidden}, 0);
    }
    header += "}";
    std::ofstream out(dir_ / "model.safetensors", std::ios::binary);
    const std::uint64_t n = header.size();
    out.write(reinterpret_cast<const char*>(&n), 8);  // little-endian hosts only, as the tests run
    out << header << data;
  }
  ~TinyModel() { std::filesystem::remove_all(dir_); }
  std::string path() const { return dir_.string(); }

 private:
  std::filesystem::path dir_;
};

}  // namespace

TEST(TransformerEncoder, UnitRowsSameForAnyThreadCountAndBatching) {
  const TinyModel model;
  TransformerEncoder enc(model.path());
  EXPECT_EQ(enc.dimension(), 16u);
  EXPECT_EQ(enc.max_length(), static_cast<std::size_t>(kPositions));
  const std::vector<std::string> sentences = {"The storms hit the coast.", "coast", "", "the storm the storm"};
  const SentenceVectors one = enc.embed(sentences, 1);
  const SentenceVectors two = enc.embed(sentences, 2);
  EXPECT_EQ(one.vectors, two.vectors);
  for (Eigen::Index i = 0; i < one.vectors.rows(); ++i) {
    EXPECT_NEAR(one.vectors.row(i).norm(), 1.0f, 1e-5f);
    const SentenceVectors alone = enc.embed({sentences[static_cast<std::size_t>(i)]}, 1);
    EXPECT_LT((alone.vectors.row(0) - one.vectors.row(i)).norm(), 1e-5f);
  }
  EXPECT_EQ(one.tokens, (std::vector<std::uint32_t>{9, 3, 2, 6}));
}

TEST(TransformerEncoder, TruncationIsReported) {
  const TinyModel model;
  const TransformerEncoder enc(model.path());
  const SentenceVectors v = enc.embed({"the storm hit the coast . the storm hit", "the storm"}, 1);
  EXPECT_EQ(v.truncated, (std::vector<std::uint8_t>{1, 0}));
  EXPECT_EQ(v.tokens[0], static_cast<std::uint32_t>(kPositions));
}

TEST(TransformerEncoder, Int8StaysCloseToFloat32) {
  const TinyModel model;
  TransformerOptions o;
  o.quantize = "int8";
  const TransformerEncoder f32(model.path()), i8(model.path(), o);
  const std::vector<std::string> sentences = {"The storms hit the coast.", "the coast", "storm"};
  const DenseRows a = f32.embed(sentences).vectors, b = i8.embed(sentences).vectors;
  for (Eigen::Index i = 0; i < a.rows(); ++i) EXPECT_GT(a.row(i).dot(b.row(i)), 0.98f);
}

TEST(TransformerEncoder, EncodesEveryDocumentSentence) {
  const TinyModel model;
  const TransformerEncoder enc(model.path());
  const Document doc = segment("The storm hit the coast. The storms hit.");
  const Embedding e = enc.encode(doc);
  ASSERT_TRUE(e.dense);
  EXPECT_EQ(e.rows(), static_cast<Eigen::Index>(doc.sentences.size()));
}

TEST(TransformerEncoder, BadFoldersAndOptionsAreInvalidArguments) {
  const TinyModel model;
  EXPECT_THROW(TransformerEncoder("/nonexistent/model"), std::invalid_argument);
  TransformerOptions o;
  o.quantize = "int4";
  EXPECT_THROW(TransformerEncoder(model.path(), o), std::invalid_argument);
  o.quantize = "";
  o.max_length = 1000;
  EXPECT_THROW(TransformerEncoder(model.path(), o), std::invalid_argument);
  const TransformerEncoder enc(model.path());
  EXPECT_THROW(enc.embed_ids({{99}}), std::invalid_argument);
}
