// A BERT-family sentence-embedding model (the sentence-transformers layout) run in Eigen:
// WordPiece tokens, the encoder layers, then mean (or [CLS] or max) pooling and L2
// normalisation, as sentence-transformers computes them.
//
// The model is a local folder in the Hugging Face layout: config.json, model.safetensors,
// tokenizer.json or vocab.txt (+ tokenizer_config.json), and where present modules.json,
// 1_Pooling/config.json and sentence_bert_config.json (its max_seq_length caps the tokens).
// Anything missing, malformed or not a BERT model throws std::invalid_argument naming the
// file and what to fix. Nothing is downloaded.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "synopsis/encoder.hpp"
#include "synopsis/wordpiece.hpp"

namespace synopsis {

struct TransformerOptions {
  std::string quantize;        // "" (float32 weights) or "int8" (int8 weights, one scale per row)
  std::size_t max_length = 0;  // tokens per sentence with [CLS] and [SEP]; 0 = the model's cap
  int threads = 1;             // worker threads of encode(Document)
  std::size_t batch_tokens = 1024;  // tokens per forward pass (sentences are packed, never padded)
};

struct BertConfig {
  int hidden = 0;
  int layers = 0;
  int heads = 0;
  int intermediate = 0;
  int vocab = 0;
  int positions = 0;
  int token_types = 0;
  float norm_eps = 1e-12f;
};

enum class Pooling { mean, cls, max };

// Sentence vectors with what each sentence lost: truncated[i] is 1 when sentence i had more
// tokens than the cap (its tail was not read); tokens[i] counts the tokens read.
struct SentenceVectors {
  DenseRows vectors;
  std::vector<std::uint8_t> truncated;
  std::vector<std::uint32_t> tokens;
};

class TransformerEncoder : public Encoder {
 public:
  explicit TransformerEncoder(const std::string& folder, TransformerOptions options = {});
  ~TransformerEncoder() override;

  std::string name() const override { return "transformer"; }
  // One row per sentence of doc (the sentence's text as written).
  Embedding encode(const Document& doc) const override;

  // Vectors for sentences (UTF-8) on `threads` worker threads (see resolve_threads).
  SentenceVectors embed(const std::vector<std::string>& sentences, int threads = 1) const;
  // The wordpiece ids of a sentence, without [CLS]/[SEP], capped at max_length() - 2.
  std::vector<std::int32_t> tokenize(std::string_view sentence, bool* truncated = nullptr) const;
  // Pooled, L2-normalised vectors of id sequences (each is framed by [CLS] ... [SEP] here).
  // inner_only: pool the sequence's own tokens' states, leaving [CLS] and [SEP] out.
  DenseRows embed_ids(const std::vector<std::vector<std::int32_t>>& ids, int threads = 1,
                      bool inner_only = false) const;

  const std::string& folder() const { return folder_; }
  const BertConfig& config() const { return config_; }
  const TransformerOptions& options() const { return options_; }
  const WordPieceTokenizer& tokenizer() const { return *tokenizer_; }
  Pooling pooling() const { return pooling_; }
  std::size_t dimension() const override { return static_cast<std::size_t>(config_.hidden); }
  DenseRows embed_texts(const std::vector<std::string>& texts, int threads = 1) const override {
    return embed(texts, threads).vectors;
  }
  std::size_t max_length() const { return max_length_; }
  // The instruction set the forward pass runs with: "avx512", "avx2vnni", "avx2" or "generic".
  std::string kernel() const;

  struct Weights;

 private:
  std::string folder_;
  TransformerOptions options_;
  BertConfig config_;
  Pooling pooling_ = Pooling::mean;
  bool lowercase_input_ = false;  // sentence_bert_config do_lower_case
  std::size_t max_length_ = 0;
  std::int32_t cls_id_ = 0, sep_id_ = 0;
  std::unique_ptr<WordPieceTokenizer> tokenizer_;
  std::unique_ptr<Weights> weights_;
};

}  // namespace synopsis
