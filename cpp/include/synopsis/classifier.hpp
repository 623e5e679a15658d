// A trainable stance classifier for (target, text) pairs, learnt with Eigen.
//
// Features of a pair: hashed TF-IDF of the target and of the text, their cosine, word and
// bigram overlap, support/refute/hedge/negation/reporting cue counts (in the text, near the
// target's words, in the target), and the relevance profile over the text's sentences. Given
// a semantic encoder (one with fixed-length vectors: TransformerEncoder, StaticEncoder), also
// the same cosine and relevance profile by meaning, the text's lean towards statements for and
// against the target, the text's vector (the mean of its sentences') and its element-wise
// product with the target's. Models:
// multinomial logistic regression and a one-hidden-layer MLP, trained with Adam on
// mini-batches, class weights, early stopping on a held-out fraction and a fixed seed.
//
// Serialised form (version 4): "SYNSTNC\0" magic, u32 format version, u64 payload size,
// payload, u64 FNV-1a checksum of everything before it (header included). The payload holds
// the options, the class labels with their kind (strings or integers), the text-vector
// dimension (0: no encoder) with the encoder's name and its vector of a fixed probe sentence
// (the encoder itself is not stored: it is given again at load, and must give nearly the same
// probe vector), the IDF tables, the standardisation, the weights and, with per_target, each
// target's own model (serialised the same way). Version 3 (no text vectors), version 2 (also
// no feature set, n-gram IDF or per-target models: the "words" features) and version 1 (also:
// checksum over the payload only, string labels) are still read. Anything else is rejected
// with std::invalid_argument.
#pragma once

#include <Eigen/Dense>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "synopsis/features.hpp"

namespace synopsis {

class Encoder;

// Ranges of the numeric options and of the stored values. StanceClassifierOptions::validate
// and the model loader both apply them, so that every model fit can train is one load can read.
namespace stance_limits {
constexpr int kMinHiddenUnits = 1, kMaxHiddenUnits = 4096;
constexpr int kMinHashBits = 4, kMaxHashBits = 20;
constexpr int kMaxEpochs = 100000;         // also bounds patience
constexpr int kMaxBatchSize = 1 << 20;
constexpr float kMaxLearningRate = 1.0f;   // Adam steps are about this size: larger ones diverge
constexpr float kMaxL2 = 1.0f;             // decay beyond 1 per step overshoots and oscillates
constexpr float kMaxValidationFraction = 0.9f;  // exclusive
constexpr std::size_t kMaxClasses = 1000;
// Weights, IDF values and the dense standardisation stay far below this after any sane
// training; a larger magnitude means divergence (or a corrupt file) and would overflow.
constexpr float kMaxAbsValue = 1e6f;
}  // namespace stance_limits

struct StanceClassifierOptions {
  // "mlp", "logistic" or "auto": both trained on the same split, the one with the better
  // held-out macro-F1 kept (with features == "auto", every pair of model and feature set is
  // a candidate). A fitted model's options name its model, never "auto".
  std::string model = "auto";
  int hidden_units = 64;              // MLP hidden layer width, 1..4096
  int hash_bits = 14;                 // 2^bits buckets for each of target and text TF-IDF, 4..20
  int max_epochs = 15;                // 1..100000
  int batch_size = 128;               // 1..2^20
  float learning_rate = 2e-3f;        // Adam step size, in (0, 1]
  float l2 = 1e-6f;                   // weight decay on touched weights, in [0, 1]
  float validation_fraction = 0.1f;   // held out for early stopping, in [0, 0.9) (0: none, train max_epochs)
  int patience = 3;                   // epochs without validation improvement before stopping, 1..100000
  std::string class_weight = "sqrt";  // "balanced", "sqrt" (square root of balanced) or "none"
  std::uint64_t seed = 0;
  std::string language = "en";
  // Feature blocks (see stance_feature_sets): "words" (hashed TF-IDF of target and text stems
  // plus the dense pair features), "ngrams" (also the text's word 1-3-grams and character
  // 2-5-grams), "target_ngrams" (also those n-grams hashed together with the target, so that
  // the model learns which n-grams signal which stance towards each target, named in the text
  // or not), or "auto": fit trains each candidate on the same split and keeps the one with
  // the best macro-F1 on the held-out part (see fit). A fitted model's options name the set
  // it uses, never "auto".
  std::string features = "auto";
  int ngram_bits = 16;                // 2^bits buckets for each n-gram block, 4..20
  // One model per target seen in training (with at least two labels among its pairs), plus
  // one over all pairs for targets without their own.
  bool per_target = false;

  // Throws std::invalid_argument naming the first option outside its range (stance_limits);
  // NaN and infinities are outside every range.
  void validate() const;
};

// The class labels of a model: all strings or all integers, distinct. fit takes them sorted
// (strings by UTF-8 bytes, which is code point order; integers numerically); column i of
// predict_proba is class i.
class ClassLabels {
 public:
  enum class Kind : std::uint8_t { string = 0, integer = 1 };

  ClassLabels() = default;
  // The sorted distinct values of labels.
  static ClassLabels sorted_distinct(std::vector<std::string> labels);
  static ClassLabels sorted_distinct(std::vector<std::int64_t> labels);
  // Labels kept in the given order; std::invalid_argument when two are equal.
  static ClassLabels in_order(std::vector<std::string> labels);
  static ClassLabels in_order(std::vector<std::int64_t> labels);

  // Class index of each label; std::invalid_argument for a label that is not a class.
  std::vector<int> indices_of(const std::vector<std::string>& labels) const;
  std::vector<int> indices_of(const std::vector<std::int64_t>& labels) const;

  Kind kind() const { return kind_; }
  std::size_t size() const { return kind_ == Kind::string ? strings_.size() : integers_.size(); }
  bool empty() const { return size() == 0; }
  const std::vector<std::string>& strings() const { return strings_; }     // empty unless kind() == string
  const std::vector<std::int64_t>& integers() const { return integers_; }  // empty unless kind() == integer
  // Label i as text (integers in decimal), for messages and reports.
  std::string text(std::size_t i) const;

  bool operator==(const ClassLabels& other) const {
    return kind_ == other.kind_ && strings_ == other.strings_ && integers_ == other.integers_;
  }
  bool operator!=(const ClassLabels& other) const { return !(*this == other); }

 private:
  ClassLabels(Kind kind, std::vector<std::string> strings, std::vector<std::int64_t> integers)
      : kind_(kind), strings_(std::move(strings)), integers_(std::move(integers)) {}

  Kind kind_ = Kind::string;
  std::vector<std::string> strings_;
  std::vector<std::int64_t> integers_;
};

// String labels in the one case convention of the stance API (the StanceTagger's labels are
// lowercase too): each label lowercased (Unicode, root locale). std::invalid_argument when two
// labels differ only in case.
std::vector<std::string> lowercase_labels(const std::vector<std::string>& labels);

// Dense (hand-built) feature names, in order.
const std::vector<std::string>& stance_dense_feature_names();
// Names of the dense features read from text vectors of the given dimension, in order (they
// follow stance_dense_feature_names()): the scalars, then "emb_text_<i>" (the text's vector),
// then "emb_product_<i>" (its element-wise product with the target's, scaled to unit length).
std::vector<std::string> stance_embedding_feature_names(std::size_t dimension);

// The sentence whose vector identifies an encoder in a model file.
extern const char* const kStanceEncoderProbe;

// The feature sets, smallest first; each adds a sparse block after those of the one before.
// "auto" is not among them (it chooses one).
const std::vector<std::string>& stance_feature_sets();
// Position of a feature set in stance_feature_sets(); std::invalid_argument for others.
int stance_feature_level(const std::string& features);

struct PairFeatures {
  // Indices ascending, block after block: target stems [0, 2^hash_bits), text stems
  // [2^hash_bits, 2 * 2^hash_bits), then (from level 1) text n-grams and (level 2) text
  // n-grams salted with the target, 2^ngram_bits each.
  SparseVector sparse;
  std::vector<float> dense;  // StanceFeaturizer::dense_dimension() values
};

// The encoder a model's text-vector features were learnt with, as a model file records it.
struct EncoderSignature {
  std::string name;                // Encoder::name()
  std::vector<float> probe;        // its vector of kStanceEncoderProbe (dimension() values)
  std::size_t dimension() const { return probe.size(); }
  // The signature of a semantic encoder; std::invalid_argument for one without fixed-length vectors.
  static EncoderSignature of(const Encoder& encoder);
  // std::invalid_argument saying what differs unless encoder gives (nearly) this signature:
  // same name and dimension, probe vectors with cosine >= 0.98 (int8 weights pass).
  void check(const Encoder& encoder) const;
};

// Turns (target, text) pairs into features. Each distinct string is segmented once.
class StanceFeaturizer {
 public:
  // level: index into stance_feature_sets().
  explicit StanceFeaturizer(int hash_bits = 14, std::string language = "en", int level = 0, int ngram_bits = 16);
  // Learns IDF over the distinct targets and texts (n-gram IDF over the distinct texts).
  void fit(const std::vector<std::string>& targets, const std::vector<std::string>& texts, int threads = 1,
           const std::atomic<bool>* cancel = nullptr);
  std::vector<PairFeatures> transform(const std::vector<std::string>& targets, const std::vector<std::string>& texts,
                                      int threads = 1, const std::atomic<bool>* cancel = nullptr) const;
  const HashedTfidf& tfidf() const { return tfidf_; }
  HashedTfidf& tfidf() { return tfidf_; }
  const HashedTfidf& ngram_tfidf() const { return ngram_tfidf_; }
  HashedTfidf& ngram_tfidf() { return ngram_tfidf_; }
  const std::string& language() const { return language_; }
  int level() const { return level_; }
  // Text-vector features from this semantic encoder (null: none). std::invalid_argument for an
  // encoder without fixed-length vectors, or one that does not match the recorded signature.
  void set_encoder(std::shared_ptr<const Encoder> encoder);
  // The encoder a loaded model expects (set_encoder must then give a matching one).
  void expect_encoder(EncoderSignature signature);
  const std::shared_ptr<const Encoder>& encoder() const { return encoder_; }
  const EncoderSignature& encoder_signature() const { return signature_; }
  // The dense width: stance_dense_feature_names() plus the text-vector features, if any.
  std::size_t dense_dimension() const;
  // The same fitted tables with fewer blocks (level <= this one's).
  StanceFeaturizer with_level(int level) const;
  // Width of the sparse part: 2 * 2^hash_bits plus 2^ngram_bits per n-gram block.
  std::size_t sparse_dimension() const;
  // Width of the sparse part at a given level with these tables.
  std::size_t sparse_dimension(int level) const;

 private:
  HashedTfidf tfidf_;
  HashedTfidf ngram_tfidf_;
  std::string language_;
  int level_ = 0;
  std::shared_ptr<const Encoder> encoder_;
  EncoderSignature signature_;  // empty probe: no text vectors
};

struct TrainingReport {
  int epochs = 0;                  // epochs run
  int best_epoch = 0;              // epoch whose weights were kept (1-based)
  float best_validation_loss = 0;  // weighted cross-entropy on the held-out part (0 when none)
  float validation_macro_f1 = 0;   // macro-F1 over the classes on the held-out part (0 when none)
  std::string model, features;     // the model and feature set trained (the choice, for "auto")
  struct Candidate {
    std::string model, features;
    float validation_macro_f1 = 0;
  };
  std::vector<Candidate> candidates;  // every candidate "auto" trained, in the order tried
  double seconds_features = 0, seconds_training = 0;
};

class StanceClassifierModel {
 public:
  // Throws std::invalid_argument for bad options (StanceClassifierOptions::validate), or an
  // encoder without fixed-length vectors. With an encoder, fit learns text-vector features too.
  explicit StanceClassifierModel(StanceClassifierOptions options = {}, std::shared_ptr<const Encoder> encoder = nullptr);

  // Trains on labelled pairs; the classes become the sorted distinct labels, string labels
  // lowercased (lowercase_labels: "FAVOR" is learnt and predicted as "favor"). Throws
  // std::invalid_argument for mismatched sizes, fewer than two or more than
  // stance_limits::kMaxClasses classes, or a training run whose weights diverged (not finite
  // or beyond stance_limits::kMaxAbsValue: lower learning_rate). On any error, and when
  // cancelled, the model keeps its previous state.
  TrainingReport fit(const std::vector<std::string>& targets, const std::vector<std::string>& texts,
                     const std::vector<std::string>& labels, int threads = 1,
                     const std::atomic<bool>* cancel = nullptr);
  TrainingReport fit(const std::vector<std::string>& targets, const std::vector<std::string>& texts,
                     const std::vector<std::int64_t>& labels, int threads = 1,
                     const std::atomic<bool>* cancel = nullptr);
  // (n, classes) probabilities.
  Eigen::MatrixXf predict_proba(const std::vector<std::string>& targets, const std::vector<std::string>& texts,
                                int threads = 1, const std::atomic<bool>* cancel = nullptr) const;

  bool fitted() const { return !classes_.empty(); }
  // The encoder of the text-vector features (null when none is set).
  const std::shared_ptr<const Encoder>& encoder() const { return featurizer_.encoder(); }
  // Whether the fitted model reads text vectors, and from which encoder.
  bool reads_text_vectors() const { return featurizer_.encoder_signature().dimension() > 0; }
  const EncoderSignature& encoder_signature() const { return featurizer_.encoder_signature(); }
  // Gives a loaded model that reads text vectors its encoder (every per-target model too).
  // std::invalid_argument when the model reads none or the encoder does not match.
  void set_encoder(std::shared_ptr<const Encoder> encoder);
  const ClassLabels& classes() const { return classes_; }
  const StanceClassifierOptions& options() const { return options_; }

  // The serialised form (see the top of this file); std::invalid_argument when not fitted.
  std::string serialize() const;
  // Reads serialize() output of this or an earlier format version; std::invalid_argument
  // saying what is wrong for foreign, truncated or corrupt data.
  static StanceClassifierModel deserialize(std::string_view bytes);
  // Writes serialize() to path atomically: a temporary file in the same folder is written,
  // flushed, synced and renamed over path, so a crash mid-save leaves the old file whole.
  // Throws std::filesystem::filesystem_error (with the errno and the path) on I/O errors.
  void save(const std::string& path) const;
  // Reads a file written by save: std::filesystem::filesystem_error when it cannot be read
  // (e.g. missing), std::invalid_argument when it is not a valid model.
  static StanceClassifierModel load(const std::string& path);
  static constexpr std::uint32_t kFormatVersion = 4;

 private:
  Eigen::VectorXf forward(const PairFeatures& x, Eigen::VectorXf* hidden_pre = nullptr) const;
  std::size_t input_dim() const;
  // fit for either label kind: classes are the sorted distinct labels.
  template <typename Label>
  TrainingReport fit_labels(const std::vector<std::string>& targets, const std::vector<std::string>& texts,
                            const std::vector<Label>& labels, int threads, const std::atomic<bool>* cancel);
  // fit with labels[i] indexing classes.
  TrainingReport fit_indexed(const std::vector<std::string>& targets, const std::vector<std::string>& texts,
                             const std::vector<int>& labels, ClassLabels classes, int threads,
                             const std::atomic<bool>* cancel);
  // Trains this freshly constructed model; labels[i] indexes classes.
  TrainingReport train(const std::vector<std::string>& targets, const std::vector<std::string>& texts,
                       const std::vector<int>& labels, ClassLabels classes, int threads,
                       const std::atomic<bool>* cancel);
  // train for one model over all pairs: fits the featurizer, and for features == "auto"
  // trains each candidate feature set and keeps the best on the held-out part.
  TrainingReport train_single(const std::vector<std::string>& targets, const std::vector<std::string>& texts,
                              const std::vector<int>& labels, const ClassLabels& classes, int threads,
                              const std::atomic<bool>* cancel);
  // train with per_target: the model over all pairs, then one per target.
  TrainingReport train_per_target(const std::vector<std::string>& targets, const std::vector<std::string>& texts,
                                  const std::vector<int>& labels, const ClassLabels& classes, int threads,
                                  const std::atomic<bool>* cancel);
  // Learns the weights from features made by featurizer_ (already fitted).
  // groups (one id per pair, or null): hold out whole groups instead of single pairs.
  TrainingReport train_weights(const std::vector<PairFeatures>& X, const std::vector<int>& labels,
                               const ClassLabels& classes, const std::vector<std::uint32_t>* groups,
                               const std::atomic<bool>* cancel);
  // predict_proba of the model itself, ignoring the per-target models.
  Eigen::MatrixXf own_proba(const std::vector<std::string>& targets, const std::vector<std::string>& texts,
                            int threads, const std::atomic<bool>* cancel) const;
  // Every stored value (IDF, standardisation, weights) finite and within stance_limits::kMaxAbsValue.
  bool storable() const;

  StanceClassifierOptions options_;
  StanceFeaturizer featurizer_;
  ClassLabels classes_;
  Eigen::VectorXf mean_, scale_;  // standardisation of the dense features
  // Row-major so that the row of one input feature is contiguous (sparse inputs touch rows).
  Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> w1_;  // input x (hidden | classes)
  Eigen::VectorXf b1_;
  Eigen::MatrixXf w2_;  // hidden x classes (MLP only)
  Eigen::VectorXf b2_;
  // per_target: the targets with their own model (sorted) and those models, whose classes
  // are a subset of classes_.
  std::vector<std::string> target_keys_;
  std::vector<StanceClassifierModel> target_models_;
};

}  // namespace synopsis
