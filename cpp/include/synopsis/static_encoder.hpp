// A static sentence encoder distilled from a TransformerEncoder: one vector per vocabulary
// piece, so a sentence costs a tokenisation and a weighted mean instead of a forward pass.
//
// distill() runs every vocabulary piece through the transformer alone ([CLS] piece [SEP]; the
// piece's own output state, normalised), reduces the vectors by PCA to `dimensions`, and scales each by
// the smooth inverse frequency weight a / (a + p(piece)) (Arora et al. 2017), p counted over
// a corpus tokenised with the model's tokeniser. A sentence is the mean of its pieces'
// weighted vectors, L2-normalised.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "synopsis/encoder.hpp"
#include "synopsis/transformer.hpp"
#include "synopsis/wordpiece.hpp"

namespace synopsis {

struct StaticDistillOptions {
  int dimensions = 256;       // PCA components kept (at most the transformer's dimension)
  double sif_a = 1e-4;        // the a of a / (a + p) (chosen on DUC-2001 and the parity sentences)
  int threads = 1;            // worker threads for the vocabulary pass and the corpus count
};

class StaticEncoder : public Encoder {
 public:
  static constexpr std::uint32_t kFormatVersion = 1;

  StaticEncoder(WordPieceTokenizer tokenizer, DenseRows vectors, std::size_t max_pieces);

  static std::shared_ptr<StaticEncoder> distill(const TransformerEncoder& transformer,
                                                const std::vector<std::string>& corpus,
                                                const StaticDistillOptions& options = {});

  std::string name() const override { return "static"; }
  Embedding encode(const Document& doc) const override;
  DenseRows embed(const std::vector<std::string>& sentences, int threads = 1) const;

  // synopsis's own format: magic, version, tokeniser options and vocabulary, the matrix,
  // a checksum. deserialize throws std::invalid_argument for anything else.
  std::string serialize() const;
  static std::shared_ptr<StaticEncoder> deserialize(std::string_view bytes);

  std::size_t dimension() const override { return static_cast<std::size_t>(vectors_.cols()); }
  DenseRows embed_texts(const std::vector<std::string>& texts, int threads = 1) const override {
    return embed(texts, threads);
  }
  std::size_t max_pieces() const { return max_pieces_; }
  const WordPieceTokenizer& tokenizer() const { return tokenizer_; }

 private:
  WordPieceTokenizer tokenizer_;
  DenseRows vectors_;  // vocabulary x dimension, weights applied
  std::size_t max_pieces_;
};

}  // namespace synopsis
