// A trainable stance classifier for (target, text) pairs, learnt with Eigen.
//
// Features of a pair: hashed TF-IDF of the target and of the text, their cosine, word and
// bigram overlap, support/refute/hedge/negation/reporting cue counts (in the text, near the
// target's words, in the target), and the relevance profile over the text's sentences. Models:
// multinomial logistic regression and a one-hidden-layer MLP, trained with Adam on
// mini-batches, class weights, early stopping on a held-out fraction and a fixed seed.
//
// Serialised form: "SYNSTNC\0" magic, format version, payload size, payload, FNV-1a checksum;
// anything else is rejected with std::invalid_argument.
#pragma once

#include <Eigen/Dense>

#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "synopsis/features.hpp"

namespace synopsis {

struct StanceClassifierOptions {
  std::string model = "mlp";          // "mlp" or "logistic"
  int hidden_units = 64;              // MLP hidden layer width
  int hash_bits = 14;                 // 2^bits buckets for each of target and text TF-IDF
  int max_epochs = 15;
  int batch_size = 128;
  float learning_rate = 2e-3f;        // Adam step size
  float l2 = 1e-6f;                   // weight decay on touched weights
  float validation_fraction = 0.1f;   // held out for early stopping (0: none, train max_epochs)
  int patience = 3;                   // epochs without validation improvement before stopping
  std::string class_weight = "sqrt";  // "balanced", "sqrt" (square root of balanced) or "none"
  std::uint64_t seed = 0;
  std::string language = "en";
};

// Dense (hand-built) feature names, in order.
const std::vector<std::string>& stance_dense_feature_names();

struct PairFeatures {
  SparseVector sparse;       // indices in [0, 2 * 2^hash_bits): target part, then text part
  std::vector<float> dense;  // stance_dense_feature_names().size() values
};

// Turns (target, text) pairs into features. Each distinct string is segmented once.
class StanceFeaturizer {
 public:
  explicit StanceFeaturizer(int hash_bits = 14, std::string language = "en");
  // Learns IDF over the distinct targets and texts.
  void fit(const std::vector<std::string>& targets, const std::vector<std::string>& texts, int threads = 1,
           const std::atomic<bool>* cancel = nullptr);
  std::vector<PairFeatures> transform(const std::vector<std::string>& targets, const std::vector<std::string>& texts,
                                      int threads = 1, const std::atomic<bool>* cancel = nullptr) const;
  const HashedTfidf& tfidf() const { return tfidf_; }
  HashedTfidf& tfidf() { return tfidf_; }
  const std::string& language() const { return language_; }

 private:
  HashedTfidf tfidf_;
  std::string language_;
};

struct TrainingReport {
  int epochs = 0;                  // epochs run
  int best_epoch = 0;              // epoch whose weights were kept (1-based)
  float best_validation_loss = 0;  // weighted cross-entropy on the held-out part (0 when none)
  double seconds_features = 0, seconds_training = 0;
};

class StanceClassifierModel {
 public:
  explicit StanceClassifierModel(StanceClassifierOptions options = {});

  // labels[i] indexes classes. Throws std::invalid_argument for mismatched sizes, fewer than
  // two classes, or bad options.
  TrainingReport fit(const std::vector<std::string>& targets, const std::vector<std::string>& texts,
                     const std::vector<int>& labels, std::vector<std::string> classes, int threads = 1,
                     const std::atomic<bool>* cancel = nullptr);
  // (n, classes) probabilities.
  Eigen::MatrixXf predict_proba(const std::vector<std::string>& targets, const std::vector<std::string>& texts,
                                int threads = 1, const std::atomic<bool>* cancel = nullptr) const;

  bool fitted() const { return !classes_.empty(); }
  const std::vector<std::string>& classes() const { return classes_; }
  const StanceClassifierOptions& options() const { return options_; }

  std::string serialize() const;
  static StanceClassifierModel deserialize(std::string_view bytes);
  static constexpr std::uint32_t kFormatVersion = 1;

 private:
  Eigen::VectorXf forward(const PairFeatures& x, Eigen::VectorXf* hidden_pre = nullptr) const;
  std::size_t input_dim() const;

  StanceClassifierOptions options_;
  StanceFeaturizer featurizer_;
  std::vector<std::string> classes_;
  Eigen::VectorXf mean_, scale_;  // standardisation of the dense features
  // Row-major so that the row of one input feature is contiguous (sparse inputs touch rows).
  Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> w1_;  // input x (hidden | classes)
  Eigen::VectorXf b1_;
  Eigen::MatrixXf w2_;  // hidden x classes (MLP only)
  Eigen::VectorXf b2_;
};

}  // namespace synopsis
