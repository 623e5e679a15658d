// Models of the stance classifier: multinomial logistic regression and a one-hidden-layer
// MLP over sparse + dense inputs, trained with lazy (touched-rows) Adam.
#include "synopsis/classifier.hpp"
#include "synopsis/unicode.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <numeric>
#include <random>
#include <stdexcept>

#include "synopsis/parallel.hpp"

namespace synopsis {

namespace {

using RowMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

void check_options(const StanceClassifierOptions& o) {
  if (o.model != "mlp" && o.model != "logistic")
    throw std::invalid_argument("model must be 'mlp' or 'logistic', got '" + replace_invalid_utf8(o.model) + "'");
  if (o.hidden_units < 1 || o.hidden_units > 4096) throw std::invalid_argument("hidden_units must lie in 1..4096");
  if (o.hash_bits < 4 || o.hash_bits > 20) throw std::invalid_argument("hash_bits must lie in 4..20");
  if (o.max_epochs < 1) throw std::invalid_argument("max_epochs must be at least 1");
  if (o.batch_size < 1) throw std::invalid_argument("batch_size must be at least 1");
  if (!(o.learning_rate > 0.0f) || !std::isfinite(o.learning_rate))
    throw std::invalid_argument("learning_rate must be a positive number");
  if (!(o.l2 >= 0.0f)) throw std::invalid_argument("l2 must be >= 0");
  if (!(o.validation_fraction >= 0.0f && o.validation_fraction < 0.9f))
    throw std::invalid_argument("validation_fraction must lie in [0, 0.9)");
  if (o.patience < 1) throw std::invalid_argument("patience must be at least 1");
  if (o.class_weight != "balanced" && o.class_weight != "sqrt" && o.class_weight != "none")
    throw std::invalid_argument("class_weight must be 'balanced', 'sqrt' or 'none', got '" +
                                replace_invalid_utf8(o.class_weight) + "'");
}

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

// ---- binary format helpers ----
class Writer {
 public:
  void u32(std::uint32_t v) { raw(&v, 4); }
  void u64(std::uint64_t v) { raw(&v, 8); }
  void f32(float v) { raw(&v, 4); }
  void str(const std::string& s) {
    u64(s.size());
    raw(s.data(), s.size());
  }
  template <typename M>
  void matrix(const M& m) {
    u64(static_cast<std::uint64_t>(m.rows()));
    u64(static_cast<std::uint64_t>(m.cols()));
    for (Eigen::Index r = 0; r < m.rows(); ++r)
      for (Eigen::Index c = 0; c < m.cols(); ++c) f32(m(r, c));
  }
  void raw(const void* p, std::size_t n) { out.append(static_cast<const char*>(p), n); }
  std::string out;
};

class Reader {
 public:
  explicit Reader(std::string_view d) : data(d) {}
  std::uint32_t u32() { std::uint32_t v; raw(&v, 4); return v; }
  std::uint64_t u64() { std::uint64_t v; raw(&v, 8); return v; }
  float f32() {  // weights and options are finite; NaN or infinity means a corrupt file
    float v;
    raw(&v, 4);
    // Trained weights and options are far below 1e6; larger values can only overflow.
    if (!std::isfinite(v) || std::fabs(v) > 1e6f) fail();
    return v;
  }
  std::string str() {
    std::uint64_t n = u64();
    need(n);
    std::string s(data.substr(pos, n));
    pos += n;
    return s;
  }
  template <typename M>
  void matrix(M& m) {
    std::uint64_t r = u64(), c = u64();
    if (r > (1u << 24) || c > (1u << 24) || r * c * 4 > data.size() - pos) fail();
    if ((M::RowsAtCompileTime == 1 && r != 1) || (M::ColsAtCompileTime == 1 && c != 1)) fail();  // a vector
    m.resize(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c));
    for (Eigen::Index i = 0; i < m.rows(); ++i)
      for (Eigen::Index j = 0; j < m.cols(); ++j) m(i, j) = f32();
  }
  void raw(void* p, std::size_t n) {
    need(n);
    std::memcpy(p, data.data() + pos, n);
    pos += n;
  }
  bool done() const { return pos == data.size(); }

 private:
  void need(std::uint64_t n) const {
    if (n > data.size() - pos) fail();
  }
  [[noreturn]] static void fail() { throw std::invalid_argument("corrupt stance model: truncated payload"); }
  std::string_view data;
  std::size_t pos = 0;
};

constexpr char kMagic[8] = {'S', 'Y', 'N', 'S', 'T', 'N', 'C', '\0'};

std::uint64_t checksum(std::string_view bytes) { return stable_hash(bytes, 0x5EED); }

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

StanceClassifierModel::StanceClassifierModel(StanceClassifierOptions options)
    : options_(std::move(options)), featurizer_(14, "en") {
  check_options(options_);
  featurizer_ = StanceFeaturizer(options_.hash_bits, options_.language);
}

std::size_t StanceClassifierModel::input_dim() const {
  return 2 * featurizer_.tfidf().dimension() + stance_dense_feature_names().size();
}

Eigen::VectorXf StanceClassifierModel::forward(const PairFeatures& x, Eigen::VectorXf* hidden_pre) const {
  const std::size_t sparse_dim = 2 * featurizer_.tfidf().dimension();
  Eigen::VectorXf z = b1_;
  for (const auto& [j, v] : x.sparse) z += v * w1_.row(j).transpose();
  for (std::size_t k = 0; k < x.dense.size(); ++k) {
    float v = (x.dense[k] - mean_[k]) * scale_[k];
    if (v != 0.0f) z += v * w1_.row(sparse_dim + k).transpose();
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

TrainingReport StanceClassifierModel::fit(const std::vector<std::string>& targets, const std::vector<std::string>& texts,
                                          const std::vector<int>& labels, std::vector<std::string> classes, int threads,
                                          const std::atomic<bool>* cancel) {
  check_options(options_);
  if (targets.size() != texts.size() || targets.size() != labels.size())
    throw std::invalid_argument("targets, texts and labels must have the same length");
  if (classes.size() < 2) throw std::invalid_argument("training needs at least two classes");
  const int C = static_cast<int>(classes.size());
  for (int y : labels)
    if (y < 0 || y >= C) throw std::invalid_argument("a label index is out of range");
  TrainingReport report;
  auto t0 = std::chrono::steady_clock::now();
  featurizer_ = StanceFeaturizer(options_.hash_bits, options_.language);
  featurizer_.fit(targets, texts, threads, cancel);
  std::vector<PairFeatures> X = featurizer_.transform(targets, texts, threads, cancel);
  if (cancel && cancel->load()) return report;
  report.seconds_features = seconds_since(t0);
  t0 = std::chrono::steady_clock::now();

  const std::size_t n = X.size();
  const std::size_t dd = stance_dense_feature_names().size();
  const std::size_t sparse_dim = 2 * featurizer_.tfidf().dimension();
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
        for (const auto& e : X[train[q]].sparse) touch(e.first);
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
        for (const auto& [j, v] : X[i].sparse) g1.row(row_slot[j]) += v * gz.transpose();
        for (std::size_t k = 0; k < dd; ++k) {
          float v = (X[i].dense[k] - mean_[k]) * scale_[k];
          if (v != 0.0f) g1.row(row_slot[static_cast<std::uint32_t>(sparse_dim + k)]) += v * gz.transpose();
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
  classes_ = std::move(classes);
  report.seconds_training = seconds_since(t0);
  return report;
}

Eigen::MatrixXf StanceClassifierModel::predict_proba(const std::vector<std::string>& targets,
                                                     const std::vector<std::string>& texts, int threads,
                                                     const std::atomic<bool>* cancel) const {
  if (!fitted()) throw std::invalid_argument("the stance classifier is not fitted: call fit first");
  std::vector<PairFeatures> X = featurizer_.transform(targets, texts, threads, cancel);
  Eigen::MatrixXf P(static_cast<Eigen::Index>(X.size()), static_cast<Eigen::Index>(classes_.size()));
  ParallelOptions po;
  po.threads = threads;
  po.cancel = cancel;
  parallel_for(X.size(), po, [&](std::size_t i) { P.row(static_cast<Eigen::Index>(i)) = forward(X[i]).transpose(); });
  return P;
}

std::string StanceClassifierModel::serialize() const {
  if (!fitted()) throw std::invalid_argument("the stance classifier is not fitted: nothing to save");
  Writer w;
  w.str(options_.model);
  w.u32(static_cast<std::uint32_t>(options_.hidden_units));
  w.u32(static_cast<std::uint32_t>(options_.hash_bits));
  w.u32(static_cast<std::uint32_t>(options_.max_epochs));
  w.u32(static_cast<std::uint32_t>(options_.batch_size));
  w.f32(options_.learning_rate);
  w.f32(options_.l2);
  w.f32(options_.validation_fraction);
  w.u32(static_cast<std::uint32_t>(options_.patience));
  w.str(options_.class_weight);
  w.u64(options_.seed);
  w.str(options_.language);
  w.u64(classes_.size());
  for (const auto& c : classes_) w.str(c);
  w.u64(stance_dense_feature_names().size());
  const auto& idf = featurizer_.tfidf().idf_table();
  w.u64(idf.size());
  for (float v : idf) w.f32(v);
  w.matrix(mean_.transpose());
  w.matrix(scale_.transpose());
  w.matrix(w1_);
  w.matrix(b1_.transpose());
  w.matrix(w2_);
  w.matrix(b2_.transpose());

  Writer file;
  file.raw(kMagic, sizeof kMagic);
  file.u32(kFormatVersion);
  file.u64(w.out.size());
  file.raw(w.out.data(), w.out.size());
  file.u64(checksum(w.out));
  return std::move(file.out);
}

StanceClassifierModel StanceClassifierModel::deserialize(std::string_view bytes) {
  if (bytes.size() < sizeof kMagic + 4 + 8 + 8 || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
    throw std::invalid_argument("not a synopsis stance model (bad magic bytes)");
  Reader head(bytes.substr(sizeof kMagic));
  std::uint32_t version = head.u32();
  if (version != kFormatVersion)
    throw std::invalid_argument("unsupported stance model format version " + std::to_string(version) +
                                " (this build reads version " + std::to_string(kFormatVersion) + ")");
  std::uint64_t size = head.u64();
  const std::size_t header = sizeof kMagic + 4 + 8;
  if (size != bytes.size() - header - 8) throw std::invalid_argument("corrupt stance model: size mismatch (truncated?)");
  std::string_view payload = bytes.substr(header, size);
  std::uint64_t stored;
  std::memcpy(&stored, bytes.data() + header + size, 8);
  if (stored != checksum(payload)) throw std::invalid_argument("corrupt stance model: checksum mismatch");

  Reader r(payload);
  StanceClassifierOptions o;
  o.model = r.str();
  o.hidden_units = static_cast<int>(r.u32());
  o.hash_bits = static_cast<int>(r.u32());
  o.max_epochs = static_cast<int>(r.u32());
  o.batch_size = static_cast<int>(r.u32());
  o.learning_rate = r.f32();
  o.l2 = r.f32();
  o.validation_fraction = r.f32();
  o.patience = static_cast<int>(r.u32());
  o.class_weight = r.str();
  o.seed = r.u64();
  o.language = r.str();
  StanceClassifierModel m(o);
  std::uint64_t nc = r.u64();
  if (nc < 2 || nc > 1000) throw std::invalid_argument("corrupt stance model: bad class count");
  for (std::uint64_t i = 0; i < nc; ++i) m.classes_.push_back(r.str());
  if (r.u64() != stance_dense_feature_names().size())
    throw std::invalid_argument("stance model built with a different feature set");
  std::uint64_t ni = r.u64();
  if (ni != m.featurizer_.tfidf().dimension()) throw std::invalid_argument("corrupt stance model: bad IDF table");
  std::vector<float> idf(ni);
  for (auto& v : idf) v = r.f32();
  m.featurizer_.tfidf().set_idf_table(std::move(idf));
  Eigen::RowVectorXf mean, scale, b1, b2;
  r.matrix(mean);
  r.matrix(scale);
  r.matrix(m.w1_);
  r.matrix(b1);
  r.matrix(m.w2_);
  r.matrix(b2);
  m.mean_ = mean.transpose();
  m.scale_ = scale.transpose();
  m.b1_ = b1.transpose();
  m.b2_ = b2.transpose();
  const Eigen::Index H = o.model == "mlp" ? o.hidden_units : static_cast<Eigen::Index>(nc);
  if (!r.done() || static_cast<std::size_t>(m.w1_.rows()) != m.input_dim() || m.w1_.cols() != H ||
      m.b1_.size() != H || m.mean_.size() != static_cast<Eigen::Index>(stance_dense_feature_names().size()) ||
      m.scale_.size() != m.mean_.size() ||
      (o.model == "mlp" && (m.w2_.rows() != H || m.w2_.cols() != static_cast<Eigen::Index>(nc) ||
                            m.b2_.size() != static_cast<Eigen::Index>(nc))))
    throw std::invalid_argument("corrupt stance model: inconsistent shapes");
  return m;
}

}  // namespace synopsis
