// Models of the stance classifier: multinomial logistic regression and a one-hidden-layer
// MLP over sparse + dense inputs, trained with lazy (touched-rows) Adam.
#include "synopsis/classifier.hpp"
#include "synopsis/unicode.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <map>
#include <numeric>
#include <string_view>
#include <unordered_map>
#include <random>
#include <sstream>
#include <stdexcept>

#include "synopsis/parallel.hpp"

namespace synopsis {

namespace {

using RowMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// Adam state of one parameter block; rows are updated lazily (only those with a gradient).
struct Adam {
  RowMatrix m, v;
  void init(Eigen::Index rows, Eigen::Index cols) {
    m = RowMatrix::Zero(rows, cols);
    v = RowMatrix::Zero(rows, cols);
  }
};

struct AdamStep {
  float lr, b1 = 0.9f, b2 = 0.999f, eps = 1e-8f;
  long t = 0;
  float c1() const { return 1.0f - std::pow(b1, float(t)); }
  float c2() const { return 1.0f - std::pow(b2, float(t)); }
};

// One Adam step on a row of weights (with L2 decay folded into the gradient).
template <typename Row, typename Grad, typename MRow, typename VRow>
void adam_row(Row&& w, const Grad& g, MRow&& m, VRow&& v, const AdamStep& s, float c1, float c2, float l2) {
  auto gk = (g.array() + l2 * w.array()).eval();
  m.array() = s.b1 * m.array() + (1 - s.b1) * gk;
  v.array() = s.b2 * v.array() + (1 - s.b2) * gk.square();
  w.array() -= (s.lr / c1) * m.array() / ((v.array() / c2).sqrt() + s.eps);
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

namespace {

// 0.002 and 1e+06 rather than std::to_string's 0.002000 and 1000000.000000.
std::string number(double v) {
  std::ostringstream out;
  out << v;
  return out.str();
}

}  // namespace

// Range checks written as !(inside) so that NaN, which fails every comparison, is rejected.
void StanceClassifierOptions::validate() const {
  namespace lim = stance_limits;
  auto range = [](const char* name, int lo, int hi) {
    return std::string(name) + " must lie in " + std::to_string(lo) + ".." + std::to_string(hi);
  };
  if (model != "mlp" && model != "logistic" && model != "auto")
    throw std::invalid_argument("model must be 'auto', 'mlp' or 'logistic', got '" + replace_invalid_utf8(model) +
                                "'");
  if (!(hidden_units >= lim::kMinHiddenUnits && hidden_units <= lim::kMaxHiddenUnits))
    throw std::invalid_argument(range("hidden_units", lim::kMinHiddenUnits, lim::kMaxHiddenUnits));
  if (!(hash_bits >= lim::kMinHashBits && hash_bits <= lim::kMaxHashBits))
    throw std::invalid_argument(range("hash_bits", lim::kMinHashBits, lim::kMaxHashBits));
  if (!(max_epochs >= 1 && max_epochs <= lim::kMaxEpochs)) throw std::invalid_argument(range("max_epochs", 1, lim::kMaxEpochs));
  if (!(batch_size >= 1 && batch_size <= lim::kMaxBatchSize))
    throw std::invalid_argument(range("batch_size", 1, lim::kMaxBatchSize));
  if (!(learning_rate > 0.0f && learning_rate <= lim::kMaxLearningRate))
    throw std::invalid_argument("learning_rate must be a number in (0, " + number(lim::kMaxLearningRate) + "], got " +
                                number(learning_rate));
  if (!(l2 >= 0.0f && l2 <= lim::kMaxL2))
    throw std::invalid_argument("l2 must be a number in [0, " + number(lim::kMaxL2) + "], got " + number(l2));
  if (!(validation_fraction >= 0.0f && validation_fraction < lim::kMaxValidationFraction))
    throw std::invalid_argument("validation_fraction must be a number in [0, " +
                                number(lim::kMaxValidationFraction) + "), got " + number(validation_fraction));
  if (!(patience >= 1 && patience <= lim::kMaxEpochs)) throw std::invalid_argument(range("patience", 1, lim::kMaxEpochs));
  if (class_weight != "balanced" && class_weight != "sqrt" && class_weight != "none")
    throw std::invalid_argument("class_weight must be 'balanced', 'sqrt' or 'none', got '" +
                                replace_invalid_utf8(class_weight) + "'");
  const auto& sets = stance_feature_sets();
  if (features != "auto" && std::find(sets.begin(), sets.end(), features) == sets.end())
    throw std::invalid_argument("features must be 'auto', 'words', 'ngrams' or 'target_ngrams', got '" +
                                replace_invalid_utf8(features) + "'");
  if (!(ngram_bits >= lim::kMinHashBits && ngram_bits <= lim::kMaxHashBits))
    throw std::invalid_argument(range("ngram_bits", lim::kMinHashBits, lim::kMaxHashBits));
}

StanceClassifierModel::StanceClassifierModel(StanceClassifierOptions options, std::shared_ptr<const Encoder> encoder)
    : options_(std::move(options)), featurizer_(14, "en") {
  options_.validate();
  const int level = options_.features == "auto" ? 0 : stance_feature_level(options_.features);
  featurizer_ = StanceFeaturizer(options_.hash_bits, options_.language, level, options_.ngram_bits);
  featurizer_.set_encoder(std::move(encoder));
}

void StanceClassifierModel::set_encoder(std::shared_ptr<const Encoder> encoder) {
  if (!encoder) throw std::invalid_argument("set_encoder needs an encoder");
  if (!reads_text_vectors())
    throw std::invalid_argument("this stance model reads no text vectors: it was trained without an encoder");
  // Checked before anything changes, so that a mismatch leaves the model as it was; the
  // per-target models record the same encoder (the loader and fit make sure of it).
  encoder_signature().check(*encoder);
  featurizer_.set_encoder(encoder);
  for (StanceClassifierModel& m : target_models_) m.featurizer_.set_encoder(encoder);
}

std::size_t StanceClassifierModel::input_dim() const {
  return featurizer_.sparse_dimension() + featurizer_.dense_dimension();
}

Eigen::VectorXf StanceClassifierModel::forward(const PairFeatures& x, Eigen::VectorXf* hidden_pre) const {
  const std::size_t sparse_dim = featurizer_.sparse_dimension();
  Eigen::VectorXf z = b1_;
  for (const auto& [j, v] : x.sparse) {
    if (j >= sparse_dim) break;  // blocks of a larger feature set (ascending indices)
    z += v * w1_.row(j).transpose();
  }
  if (!x.dense.empty()) {
    // The dense rows are one contiguous block: a matrix-vector product (hundreds of rows with
    // text vectors).
    const Eigen::Index dd = static_cast<Eigen::Index>(x.dense.size());
    const Eigen::VectorXf v = (Eigen::Map<const Eigen::VectorXf>(x.dense.data(), dd) - mean_).cwiseProduct(scale_);
    z.noalias() += w1_.middleRows(static_cast<Eigen::Index>(sparse_dim), dd).transpose() * v;
  }
  if (hidden_pre) *hidden_pre = z;
  Eigen::VectorXf o;
  if (options_.model == "mlp") o = w2_.transpose() * z.cwiseMax(0.0f) + b2_;
  else o = z;
  // A model file may hold weights that overflow (inf, or inf - inf = NaN) on some input;
  // clamped logits keep the probabilities finite whatever was loaded.
  o = o.unaryExpr([](float v) {
    constexpr float limit = 1e30f;
    return std::isnan(v) ? -limit : std::clamp(v, -limit, limit);
  });
  o.array() -= o.maxCoeff();
  o = o.array().exp();
  o /= o.sum();
  return o;
}

namespace {

// The label-independent checks of fit, before any work.
void check_training_set(std::size_t targets, std::size_t texts, std::size_t labels, std::size_t classes) {
  if (targets != texts || targets != labels)
    throw std::invalid_argument("targets, texts and labels must have the same length, got " + std::to_string(targets) +
                                ", " + std::to_string(texts) + " and " + std::to_string(labels));
  if (classes < 2) throw std::invalid_argument("training needs at least two distinct labels, got " + std::to_string(classes));
  if (classes > stance_limits::kMaxClasses)
    throw std::invalid_argument("training takes at most " + std::to_string(stance_limits::kMaxClasses) +
                                " distinct labels, got " + std::to_string(classes));
}

// Below this many pairs a target has no model of its own (per_target).
constexpr std::size_t kMinTargetPairs = 30;
// "auto" compares feature sets only with at least this many held-out pairs (fewer cannot
// tell them apart) ...
constexpr std::size_t kMinSelectionPairs = 50;
// ... and tries the n-gram blocks only when the median text is at most this many bytes: on
// long texts (articles) they cost much time and memory, and the stems already carry them.
constexpr std::size_t kMaxNgramTextBytes = 1000;

// The (model, feature level) pairs fit tries, in order of preference on ties.
std::vector<std::pair<std::string, int>> candidates(const StanceClassifierOptions& o,
                                                    const std::vector<std::string>& texts) {
  const bool choose_model = o.model == "auto", choose_features = o.features == "auto";
  std::vector<int> levels = {choose_features ? 0 : stance_feature_level(o.features)};
  std::vector<std::string> models = {choose_model ? "mlp" : o.model};
  const auto held_out = static_cast<std::size_t>(o.validation_fraction * texts.size());
  if (held_out >= kMinSelectionPairs) {
    if (choose_model) models.push_back("logistic");
    if (choose_features && !texts.empty()) {
      std::vector<std::size_t> lengths;
      lengths.reserve(texts.size());
      for (const auto& t : texts) lengths.push_back(t.size());
      std::nth_element(lengths.begin(), lengths.begin() + lengths.size() / 2, lengths.end());
      if (lengths[lengths.size() / 2] <= kMaxNgramTextBytes)
        for (int level = 1; level < static_cast<int>(stance_feature_sets().size()); ++level) levels.push_back(level);
    }
  }
  std::vector<std::pair<std::string, int>> out;
  for (int level : levels)
    for (const auto& model : models) out.emplace_back(model, level);
  return out;
}

// When most targets come with only a few pairs (median below this), the targets a model meets
// later are mostly new ones: the held-out part is then made of whole targets, so that early
// stopping and "auto" judge what carries over to unseen targets.
constexpr std::size_t kGroupSplitPairs = 15;

// Target ids of the pairs when the held-out part is to be whole targets, else empty.
std::vector<std::uint32_t> held_out_groups(const std::vector<std::string>& targets) {
  std::unordered_map<std::string_view, std::uint32_t> ids;
  std::vector<std::uint32_t> groups;
  groups.reserve(targets.size());
  for (const auto& t : targets) groups.push_back(ids.emplace(t, static_cast<std::uint32_t>(ids.size())).first->second);
  std::vector<std::size_t> sizes(ids.size(), 0);
  for (std::uint32_t g : groups) ++sizes[g];
  if (sizes.size() < 2) return {};
  std::nth_element(sizes.begin(), sizes.begin() + sizes.size() / 2, sizes.end());
  if (sizes[sizes.size() / 2] >= kGroupSplitPairs) return {};
  return groups;
}

// Replaces a pair-level split by whole groups (in a seeded order) until at least n_val pairs
// are held out; train keeps the order it had.
void split_by_group(const std::vector<std::uint32_t>& groups, std::size_t n_val, std::uint64_t seed,
                    std::vector<std::size_t>& val, std::vector<std::size_t>& train) {
  std::uint32_t count = 0;
  for (std::uint32_t g : groups) count = std::max(count, g + 1);
  std::vector<std::uint32_t> shuffled(count);
  std::iota(shuffled.begin(), shuffled.end(), 0u);
  std::mt19937_64 rng(seed ^ 0x6A09E667F3BCC909ULL);
  std::shuffle(shuffled.begin(), shuffled.end(), rng);
  std::vector<std::size_t> size(count, 0);
  for (std::uint32_t g : groups) ++size[g];
  std::vector<char> held(count, 0);
  std::size_t taken = 0;
  for (std::uint32_t g : shuffled) {
    if (taken >= n_val) break;
    held[g] = 1;
    taken += size[g];
  }
  std::vector<std::size_t> all(val);
  all.insert(all.end(), train.begin(), train.end());
  val.clear();
  train.clear();
  for (std::size_t i : all) (held[groups[i]] ? val : train).push_back(i);
  if (train.empty()) std::swap(val, train);  // never train on nothing
}

// Column in all of each class of sub.
std::vector<int> class_columns(const ClassLabels& all, const ClassLabels& sub) {
  return sub.kind() == ClassLabels::Kind::string ? all.indices_of(sub.strings()) : all.indices_of(sub.integers());
}

bool storable_values(const float* data, Eigen::Index size) {
  return std::all_of(data, data + size, [](float v) { return std::fabs(v) <= stance_limits::kMaxAbsValue; });
}

}  // namespace

template <typename Label>
TrainingReport StanceClassifierModel::fit_labels(const std::vector<std::string>& targets,
                                                 const std::vector<std::string>& texts, const std::vector<Label>& labels,
                                                 int threads, const std::atomic<bool>* cancel) {
  ClassLabels classes = ClassLabels::sorted_distinct(labels);
  const std::vector<int> index = classes.indices_of(labels);  // before classes is moved from
  return fit_indexed(targets, texts, index, std::move(classes), threads, cancel);
}

TrainingReport StanceClassifierModel::fit(const std::vector<std::string>& targets, const std::vector<std::string>& texts,
                                          const std::vector<std::string>& labels, int threads,
                                          const std::atomic<bool>* cancel) {
  return fit_labels(targets, texts, lowercase_labels(labels), threads, cancel);
}

TrainingReport StanceClassifierModel::fit(const std::vector<std::string>& targets, const std::vector<std::string>& texts,
                                          const std::vector<std::int64_t>& labels, int threads,
                                          const std::atomic<bool>* cancel) {
  return fit_labels(targets, texts, labels, threads, cancel);
}

// Trains a fresh model and takes its state only when it is complete and storable, so that a
// failed or cancelled fit leaves this model as it was.
TrainingReport StanceClassifierModel::fit_indexed(const std::vector<std::string>& targets,
                                                  const std::vector<std::string>& texts, const std::vector<int>& labels,
                                                  ClassLabels classes, int threads, const std::atomic<bool>* cancel) {
  check_training_set(targets.size(), texts.size(), labels.size(), classes.size());
  StanceClassifierModel trained(options_, encoder());
  TrainingReport report = trained.train(targets, texts, labels, std::move(classes), threads, cancel);
  if (cancel && cancel->load()) return report;
  if (!trained.storable())
    throw std::invalid_argument("training diverged: weights became infinite, NaN or larger than " +
                                number(stance_limits::kMaxAbsValue) +
                                " in magnitude (lower learning_rate, or l2)");
  *this = std::move(trained);
  return report;
}

// |fabs(v) <= limit| is false for NaN, so one comparison covers NaN, infinities and overflow.
bool StanceClassifierModel::storable() const {
  const auto& idf = featurizer_.tfidf().idf_table();
  return storable_values(idf.data(), static_cast<Eigen::Index>(idf.size())) &&
         storable_values(mean_.data(), mean_.size()) && storable_values(scale_.data(), scale_.size()) &&
         storable_values(w1_.data(), w1_.size()) && storable_values(b1_.data(), b1_.size()) &&
         storable_values(w2_.data(), w2_.size()) && storable_values(b2_.data(), b2_.size()) &&
         storable_values(featurizer_.ngram_tfidf().idf_table().data(),
                         static_cast<Eigen::Index>(featurizer_.ngram_tfidf().idf_table().size())) &&
         std::all_of(target_models_.begin(), target_models_.end(),
                     [](const StanceClassifierModel& m) { return m.storable(); });
}

TrainingReport StanceClassifierModel::train(const std::vector<std::string>& targets,
                                            const std::vector<std::string>& texts, const std::vector<int>& labels,
                                            ClassLabels classes, int threads, const std::atomic<bool>* cancel) {
  if (!options_.per_target) return train_single(targets, texts, labels, classes, threads, cancel);
  return train_per_target(targets, texts, labels, classes, threads, cancel);
}

TrainingReport StanceClassifierModel::train_per_target(const std::vector<std::string>& targets,
                                                       const std::vector<std::string>& texts,
                                                       const std::vector<int>& labels, const ClassLabels& classes,
                                                       int threads, const std::atomic<bool>* cancel) {
  StanceClassifierOptions single = options_;
  single.per_target = false;
  StanceClassifierModel all(single, encoder());
  TrainingReport report = all.train_single(targets, texts, labels, classes, threads, cancel);
  if (cancel && cancel->load()) return report;
  std::map<std::string, std::vector<std::size_t>> by_target;
  for (std::size_t i = 0; i < targets.size(); ++i) by_target[targets[i]].push_back(i);
  const std::size_t C = classes.size();
  std::vector<std::string> keys;
  std::vector<StanceClassifierModel> models;
  for (const auto& [key, pairs] : by_target) {
    if (pairs.size() < kMinTargetPairs) continue;
    std::vector<int> remap(C, -1);
    for (std::size_t i : pairs) remap[labels[i]] = 0;
    std::vector<std::string> names;
    std::vector<std::int64_t> numbers;
    int present = 0;
    for (std::size_t c = 0; c < C; ++c) {
      if (remap[c] < 0) continue;
      remap[c] = present++;
      if (classes.kind() == ClassLabels::Kind::string) names.push_back(classes.strings()[c]);
      else numbers.push_back(classes.integers()[c]);
    }
    if (present < 2) continue;  // one label only: the model over all pairs answers
    std::vector<std::string> t, x;
    std::vector<int> y;
    for (std::size_t i : pairs) {
      t.push_back(targets[i]);
      x.push_back(texts[i]);
      y.push_back(remap[labels[i]]);
    }
    StanceClassifierModel own(single, encoder());
    own.train_single(t, x, y,
                     classes.kind() == ClassLabels::Kind::string ? ClassLabels::in_order(std::move(names))
                                                                 : ClassLabels::in_order(std::move(numbers)),
                     threads, cancel);
    if (cancel && cancel->load()) return report;
    keys.push_back(key);
    models.push_back(std::move(own));
  }
  *this = std::move(all);
  options_.per_target = true;
  target_keys_ = std::move(keys);  // std::map order: sorted
  target_models_ = std::move(models);
  return report;
}

TrainingReport StanceClassifierModel::train_single(const std::vector<std::string>& targets,
                                                   const std::vector<std::string>& texts, const std::vector<int>& labels,
                                                   const ClassLabels& classes, int threads,
                                                   const std::atomic<bool>* cancel) {
  TrainingReport report;
  auto t0 = std::chrono::steady_clock::now();
  const auto tried = candidates(options_, texts);
  int top = 0;
  for (const auto& c : tried) top = std::max(top, c.second);
  std::shared_ptr<const Encoder> text_encoder = encoder();
  featurizer_ = StanceFeaturizer(options_.hash_bits, options_.language, top, options_.ngram_bits);
  featurizer_.set_encoder(std::move(text_encoder));
  featurizer_.fit(targets, texts, threads, cancel);
  std::vector<PairFeatures> X = featurizer_.transform(targets, texts, threads, cancel);
  if (cancel && cancel->load()) return report;
  const double seconds_features = seconds_since(t0);
  const std::vector<std::uint32_t> groups = held_out_groups(targets);
  // Each candidate on the same split (same seed and size); the best held-out macro-F1 wins,
  // the earlier candidate on ties.
  StanceClassifierModel best;
  TrainingReport best_report;
  std::vector<TrainingReport::Candidate> tried_scores;
  bool have = false;
  for (const auto& [model, level] : tried) {
    if (cancel && cancel->load()) return report;
    StanceClassifierOptions o = options_;
    o.model = model;
    o.features = stance_feature_sets()[level];
    StanceClassifierModel candidate(o);
    candidate.featurizer_ = featurizer_.with_level(level);
    TrainingReport r = candidate.train_weights(X, labels, classes, groups.empty() ? nullptr : &groups, cancel);
    tried_scores.push_back({model, o.features, r.validation_macro_f1});
    if (!have || r.validation_macro_f1 > best_report.validation_macro_f1 + 1e-6f) {
      best = std::move(candidate);
      best_report = r;
      have = true;
    }
  }
  *this = std::move(best);
  best_report.candidates = std::move(tried_scores);
  best_report.seconds_features = seconds_features;
  best_report.seconds_training = seconds_since(t0) - seconds_features;
  return best_report;
}

TrainingReport StanceClassifierModel::train_weights(const std::vector<PairFeatures>& X, const std::vector<int>& labels,
                                                    const ClassLabels& classes, const std::vector<std::uint32_t>* groups,
                                                    const std::atomic<bool>* cancel) {
  const int C = static_cast<int>(classes.size());
  TrainingReport report;
  report.features = options_.features;
  report.model = options_.model;
  auto t0 = std::chrono::steady_clock::now();

  const std::size_t n = X.size();
  const std::size_t dd = featurizer_.dense_dimension();
  const std::size_t sparse_dim = featurizer_.sparse_dimension();
  // standardise dense features
  mean_ = Eigen::VectorXf::Zero(dd);
  Eigen::VectorXf var = Eigen::VectorXf::Zero(dd);
  for (const auto& x : X)
    for (std::size_t k = 0; k < dd; ++k) mean_[k] += x.dense[k];
  mean_ /= float(std::max<std::size_t>(1, n));
  for (const auto& x : X)
    for (std::size_t k = 0; k < dd; ++k) var[k] += (x.dense[k] - mean_[k]) * (x.dense[k] - mean_[k]);
  scale_.resize(dd);
  for (std::size_t k = 0; k < dd; ++k) {
    float sd = std::sqrt(var[k] / float(std::max<std::size_t>(1, n)));
    scale_[k] = sd > 1e-6f ? 1.0f / sd : 0.0f;
  }
  // A text vector's components, standardised one by one, would weigh as much as hundreds of
  // pair features together (and drown the n-gram blocks): each of its two blocks is scaled to
  // about unit length instead, as every sparse block is.
  const std::size_t vector_dims = featurizer_.encoder_signature().dimension();
  if (vector_dims > 0) {
    const float shrink = 1.0f / std::sqrt(static_cast<float>(vector_dims));
    for (std::size_t k = dd - 2 * vector_dims; k < dd; ++k) scale_[k] *= shrink;
  }
  // class weights
  std::vector<double> counts(C, 0.0);
  for (int y : labels) counts[y] += 1;
  std::vector<float> cw(C, 1.0f);
  for (int c = 0; c < C; ++c) {
    double balanced = counts[c] > 0 ? double(n) / (C * counts[c]) : 1.0;
    if (options_.class_weight == "balanced") cw[c] = float(balanced);
    else if (options_.class_weight == "sqrt") cw[c] = float(std::sqrt(balanced));
  }
  // split off the validation part
  std::mt19937_64 rng(options_.seed);
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::shuffle(order.begin(), order.end(), rng);
  std::size_t n_val = static_cast<std::size_t>(options_.validation_fraction * n);
  if (n - n_val < 1) n_val = 0;
  std::vector<std::size_t> val(order.begin(), order.begin() + n_val), train(order.begin() + n_val, order.end());
  if (groups && n_val > 0) split_by_group(*groups, n_val, options_.seed, val, train);

  const bool mlp = options_.model == "mlp";
  const int H = mlp ? options_.hidden_units : C;
  const std::size_t D = input_dim();
  {
    std::normal_distribution<float> normal(0.0f, 1.0f);
    float s1 = std::sqrt(2.0f / 100.0f);  // inputs are sparse and unit-norm: a fixed small scale
    w1_ = RowMatrix(D, H);
    for (Eigen::Index i = 0; i < w1_.size(); ++i) w1_.data()[i] = mlp ? s1 * normal(rng) * 0.5f : 0.0f;
    b1_ = Eigen::VectorXf::Zero(H);
    if (mlp) {
      w2_ = Eigen::MatrixXf(H, C);
      float s2 = std::sqrt(2.0f / float(H + C));
      for (Eigen::Index i = 0; i < w2_.size(); ++i) w2_.data()[i] = s2 * normal(rng);
      b2_ = Eigen::VectorXf::Zero(C);
    } else {
      w2_.resize(0, 0);
      b2_.resize(0);
    }
  }
  Adam a1, ab1, a2, ab2;
  a1.init(D, H);
  ab1.init(1, H);
  if (mlp) {
    a2.init(H, C);
    ab2.init(1, C);
  }
  AdamStep step;
  step.lr = options_.learning_rate;

  auto loss_on = [&](const std::vector<std::size_t>& idx) {
    double loss = 0, wsum = 0;
    for (std::size_t i : idx) {
      Eigen::VectorXf p = forward(X[i]);
      loss -= cw[labels[i]] * std::log(std::max(p[labels[i]], 1e-12f));
      wsum += cw[labels[i]];
    }
    return wsum > 0 ? float(loss / wsum) : 0.0f;
  };

  RowMatrix best_w1;
  Eigen::VectorXf best_b1, best_b2;
  Eigen::MatrixXf best_w2;
  float best = std::numeric_limits<float>::infinity();
  int since_best = 0;
  std::vector<std::int32_t> row_slot(D, -1);  // input row -> gradient slot in this batch
  RowMatrix g1;
  std::vector<std::uint32_t> touched;
  const std::size_t B = static_cast<std::size_t>(options_.batch_size);

  for (int epoch = 1; epoch <= options_.max_epochs; ++epoch) {
    if (cancel && cancel->load()) break;
    std::shuffle(train.begin(), train.end(), rng);
    for (std::size_t b0 = 0; b0 < train.size(); b0 += B) {
      const std::size_t b1e = std::min(train.size(), b0 + B);
      for (std::uint32_t r : touched) row_slot[r] = -1;
      touched.clear();
      auto touch = [&](std::uint32_t r) {
        if (row_slot[r] < 0) {
          row_slot[r] = static_cast<std::int32_t>(touched.size());
          touched.push_back(r);
        }
      };
      for (std::size_t q = b0; q < b1e; ++q)
        for (const auto& e : X[train[q]].sparse) {
          if (e.first >= sparse_dim) break;
          touch(e.first);
        }
      const Eigen::Index dense_slot = static_cast<Eigen::Index>(touched.size());  // dense rows: one block of slots
      for (std::size_t k = 0; k < dd; ++k) touch(static_cast<std::uint32_t>(sparse_dim + k));
      g1 = RowMatrix::Zero(static_cast<Eigen::Index>(touched.size()), H);
      Eigen::VectorXf gb1 = Eigen::VectorXf::Zero(H), gb2;
      Eigen::MatrixXf g2;
      if (mlp) {
        g2 = Eigen::MatrixXf::Zero(H, C);
        gb2 = Eigen::VectorXf::Zero(C);
      }
      float wsum = 0;
      for (std::size_t q = b0; q < b1e; ++q) wsum += cw[labels[train[q]]];
      for (std::size_t q = b0; q < b1e; ++q) {
        const std::size_t i = train[q];
        Eigen::VectorXf z;
        Eigen::VectorXf p = forward(X[i], &z);
        Eigen::VectorXf go = p;
        go[labels[i]] -= 1.0f;
        go *= cw[labels[i]] / wsum;
        Eigen::VectorXf gz;
        if (mlp) {
          Eigen::VectorXf h = z.cwiseMax(0.0f);
          g2.noalias() += h * go.transpose();
          gb2 += go;
          gz = (w2_ * go).cwiseProduct((z.array() > 0.0f).cast<float>().matrix());
        } else {
          gz = go;
        }
        gb1 += gz;
        for (const auto& [j, v] : X[i].sparse) {
          if (j >= sparse_dim) break;
          g1.row(row_slot[j]) += v * gz.transpose();
        }
        if (dd > 0) {
          const Eigen::Index n_dense = static_cast<Eigen::Index>(dd);
          const Eigen::VectorXf v =
              (Eigen::Map<const Eigen::VectorXf>(X[i].dense.data(), n_dense) - mean_).cwiseProduct(scale_);
          g1.middleRows(dense_slot, n_dense).noalias() += v * gz.transpose();
        }
      }
      ++step.t;
      const float c1 = step.c1(), c2 = step.c2();
      for (std::size_t s = 0; s < touched.size(); ++s) {
        const Eigen::Index r = touched[s];
        adam_row(w1_.row(r), g1.row(static_cast<Eigen::Index>(s)), a1.m.row(r), a1.v.row(r), step, c1, c2, options_.l2);
      }
      adam_row(b1_.transpose(), gb1.transpose(), ab1.m.row(0), ab1.v.row(0), step, c1, c2, 0.0f);
      if (mlp) {
        for (int h = 0; h < H; ++h) adam_row(w2_.row(h), g2.row(h), a2.m.row(h), a2.v.row(h), step, c1, c2, options_.l2);
        adam_row(b2_.transpose(), gb2.transpose(), ab2.m.row(0), ab2.v.row(0), step, c1, c2, 0.0f);
      }
    }
    report.epochs = epoch;
    if (val.empty()) {
      report.best_epoch = epoch;
      continue;
    }
    float l = loss_on(val);
    if (l < best - 1e-5f) {
      best = l;
      since_best = 0;
      report.best_epoch = epoch;
      best_w1 = w1_;
      best_b1 = b1_;
      best_w2 = w2_;
      best_b2 = b2_;
    } else if (++since_best >= options_.patience) {
      break;
    }
  }
  if (!val.empty() && report.best_epoch > 0) {
    w1_ = std::move(best_w1);
    b1_ = std::move(best_b1);
    w2_ = std::move(best_w2);
    b2_ = std::move(best_b2);
    report.best_validation_loss = best;
  }
  if (!val.empty()) {
    std::vector<double> tp(C, 0), fp(C, 0), fn(C, 0);
    for (std::size_t i : val) {
      Eigen::Index guess;
      forward(X[i]).maxCoeff(&guess);
      if (guess == labels[i]) tp[labels[i]] += 1;
      else fp[guess] += 1, fn[labels[i]] += 1;
    }
    double sum = 0;
    for (int c = 0; c < C; ++c) sum += tp[c] > 0 ? 2 * tp[c] / (2 * tp[c] + fp[c] + fn[c]) : 0.0;
    report.validation_macro_f1 = static_cast<float>(sum / C);
  }
  classes_ = classes;
  report.seconds_training = seconds_since(t0);
  return report;
}

Eigen::MatrixXf StanceClassifierModel::predict_proba(const std::vector<std::string>& targets,
                                                     const std::vector<std::string>& texts, int threads,
                                                     const std::atomic<bool>* cancel) const {
  if (!fitted()) throw std::invalid_argument("the stance classifier is not fitted: call fit first");
  if (targets.size() != texts.size()) throw std::invalid_argument("targets and texts differ in length");
  if (target_models_.empty()) return own_proba(targets, texts, threads, cancel);
  // Pairs of a target with its own model go to it; the rest to the model over all pairs.
  std::vector<std::vector<std::size_t>> groups(target_models_.size() + 1);
  for (std::size_t i = 0; i < targets.size(); ++i) {
    auto it = std::lower_bound(target_keys_.begin(), target_keys_.end(), targets[i]);
    const bool own = it != target_keys_.end() && *it == targets[i];
    groups[own ? static_cast<std::size_t>(it - target_keys_.begin()) : target_models_.size()].push_back(i);
  }
  Eigen::MatrixXf P = Eigen::MatrixXf::Zero(static_cast<Eigen::Index>(targets.size()),
                                            static_cast<Eigen::Index>(classes_.size()));
  for (std::size_t g = 0; g < groups.size(); ++g) {
    if (groups[g].empty()) continue;
    std::vector<std::string> gt, gx;
    for (std::size_t i : groups[g]) {
      gt.push_back(targets[i]);
      gx.push_back(texts[i]);
    }
    const bool own = g < target_models_.size();
    Eigen::MatrixXf p = own ? target_models_[g].own_proba(gt, gx, threads, cancel) : own_proba(gt, gx, threads, cancel);
    const std::vector<int> column = own ? class_columns(classes_, target_models_[g].classes_)
                                        : class_columns(classes_, classes_);
    for (std::size_t k = 0; k < groups[g].size(); ++k)
      for (std::size_t j = 0; j < column.size(); ++j)
        P(static_cast<Eigen::Index>(groups[g][k]), column[j]) = p(static_cast<Eigen::Index>(k), static_cast<Eigen::Index>(j));
  }
  return P;
}

Eigen::MatrixXf StanceClassifierModel::own_proba(const std::vector<std::string>& targets,
                                                 const std::vector<std::string>& texts, int threads,
                                                 const std::atomic<bool>* cancel) const {
  std::vector<PairFeatures> X = featurizer_.transform(targets, texts, threads, cancel);
  Eigen::MatrixXf P(static_cast<Eigen::Index>(X.size()), static_cast<Eigen::Index>(classes_.size()));
  ParallelOptions po;
  po.threads = threads;
  po.cancel = cancel;
  parallel_for(X.size(), po, [&](std::size_t i) { P.row(static_cast<Eigen::Index>(i)) = forward(X[i]).transpose(); });
  return P;
}

}  // namespace synopsis
