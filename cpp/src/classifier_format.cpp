// The stance model's serialised form and its files (see classifier.hpp for the layout).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <system_error>

#include "synopsis/classifier.hpp"

namespace synopsis {

namespace {

namespace fs = std::filesystem;

class Writer {
 public:
  void u8(std::uint8_t v) { raw(&v, 1); }
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

[[noreturn]] void corrupt(const std::string& what) { throw std::invalid_argument("corrupt stance model: " + what); }

class Reader {
 public:
  explicit Reader(std::string_view d) : data(d) {}
  std::uint8_t u8() { std::uint8_t v; raw(&v, 1); return v; }
  std::uint32_t u32() { std::uint32_t v; raw(&v, 4); return v; }
  std::uint64_t u64() { std::uint64_t v; raw(&v, 8); return v; }
  // Options and weights within the limits fit enforces; anything else is corruption.
  float f32() {
    float v;
    raw(&v, 4);
    if (!(std::fabs(v) <= stance_limits::kMaxAbsValue)) corrupt("a stored number is not finite or out of range");
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
    if (r > (1u << 24) || c > (1u << 24) || r * c * 4 > data.size() - pos) corrupt("a matrix is larger than the file");
    if ((M::RowsAtCompileTime == 1 && r != 1) || (M::ColsAtCompileTime == 1 && c != 1)) corrupt("a vector has two dimensions");
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
    if (n > data.size() - pos) corrupt("truncated payload");
  }
  std::string_view data;
  std::size_t pos = 0;
};

constexpr char kMagic[8] = {'S', 'Y', 'N', 'S', 'T', 'N', 'C', '\0'};
constexpr std::size_t kHeaderSize = sizeof kMagic + 4 + 8;  // magic, version, payload size
constexpr std::size_t kChecksumSize = 8;
constexpr std::uint64_t kMaxTextVectorDimension = 1 << 16;

std::uint64_t checksum(std::string_view bytes) { return stable_hash(bytes, 0x5EED); }

void write_options(Writer& w, const StanceClassifierOptions& o) {
  w.str(o.model);
  w.u32(static_cast<std::uint32_t>(o.hidden_units));
  w.u32(static_cast<std::uint32_t>(o.hash_bits));
  w.u32(static_cast<std::uint32_t>(o.max_epochs));
  w.u32(static_cast<std::uint32_t>(o.batch_size));
  w.f32(o.learning_rate);
  w.f32(o.l2);
  w.f32(o.validation_fraction);
  w.u32(static_cast<std::uint32_t>(o.patience));
  w.str(o.class_weight);
  w.u64(o.seed);
  w.str(o.language);
  // version 3
  w.str(o.features);
  w.u32(static_cast<std::uint32_t>(o.ngram_bits));
  w.u8(o.per_target ? 1 : 0);
}

// Versions 1 and 2 knew the "words" feature set only, and no per-target models.
StanceClassifierOptions read_options(Reader& r, std::uint32_t version) {
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
  if (version >= 3) {
    o.features = r.str();
    o.ngram_bits = static_cast<int>(r.u32());
    const std::uint8_t per_target = r.u8();
    if (per_target > 1) corrupt("bad per_target flag");
    o.per_target = per_target == 1;
    if (o.features == "auto" || o.model == "auto") corrupt("a fitted model names its model and feature set");
  } else {
    o.features = "words";
  }
  try {
    o.validate();
  } catch (const std::invalid_argument& e) {
    corrupt(std::string("invalid options (") + e.what() + ")");
  }
  return o;
}

void write_classes(Writer& w, const ClassLabels& classes) {
  w.u8(static_cast<std::uint8_t>(classes.kind()));
  w.u64(classes.size());
  if (classes.kind() == ClassLabels::Kind::string) {
    for (const std::string& c : classes.strings()) w.str(c);
  } else {
    for (std::int64_t c : classes.integers()) w.u64(static_cast<std::uint64_t>(c));
  }
}

std::uint64_t read_class_count(Reader& r) {
  const std::uint64_t n = r.u64();
  if (n < 2 || n > stance_limits::kMaxClasses) corrupt("bad class count " + std::to_string(n));
  return n;
}

// Version 2: the kind, then the labels, sorted and distinct as fit makes them.
ClassLabels read_classes(Reader& r) {
  const std::uint8_t kind = r.u8();
  if (kind != static_cast<std::uint8_t>(ClassLabels::Kind::string) &&
      kind != static_cast<std::uint8_t>(ClassLabels::Kind::integer))
    corrupt("unknown class label kind " + std::to_string(kind));
  const std::uint64_t n = read_class_count(r);
  auto strictly_increasing = [](const auto& v) {
    for (std::size_t i = 1; i < v.size(); ++i)
      if (!(v[i - 1] < v[i])) return false;
    return true;
  };
  if (kind == static_cast<std::uint8_t>(ClassLabels::Kind::string)) {
    std::vector<std::string> labels;
    for (std::uint64_t i = 0; i < n; ++i) labels.push_back(r.str());
    if (!strictly_increasing(labels)) corrupt("class labels are not sorted and distinct");
    return ClassLabels::in_order(std::move(labels));
  }
  std::vector<std::int64_t> labels;
  for (std::uint64_t i = 0; i < n; ++i) labels.push_back(static_cast<std::int64_t>(r.u64()));
  if (!strictly_increasing(labels)) corrupt("class labels are not sorted and distinct");
  return ClassLabels::in_order(std::move(labels));
}

// Version 1: string labels in the order the caller gave them.
ClassLabels read_classes_v1(Reader& r) {
  const std::uint64_t n = read_class_count(r);
  std::vector<std::string> labels;
  for (std::uint64_t i = 0; i < n; ++i) labels.push_back(r.str());
  try {
    return ClassLabels::in_order(std::move(labels));
  } catch (const std::invalid_argument&) {
    corrupt("repeated class label");
  }
}

[[noreturn]] void io_error(const std::string& what, const std::string& path, int error) {
  throw fs::filesystem_error(what, fs::path(path), std::error_code(error, std::generic_category()));
}

// Writes all of data to fd, resuming after interrupted or partial writes.
bool write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

// A name in target's folder that no other save (of this or another process) uses.
std::string temporary_name(const fs::path& target) {
  static std::atomic<unsigned> counter{0};
  fs::path name = target;
  name.replace_filename("." + target.filename().string() + "." + std::to_string(::getpid()) + "." +
                        std::to_string(counter.fetch_add(1)) + ".tmp");
  return name.string();
}

}  // namespace

std::string StanceClassifierModel::serialize() const {
  if (!fitted()) throw std::invalid_argument("the stance classifier is not fitted: nothing to save");
  Writer w;
  write_options(w, options_);
  write_classes(w, classes_);
  w.u64(stance_dense_feature_names().size());
  // version 4: the encoder of the text-vector features
  const EncoderSignature& signature = featurizer_.encoder_signature();
  w.u64(signature.dimension());
  if (signature.dimension() > 0) {
    w.str(signature.name);
    for (float v : signature.probe) w.f32(v);
  }
  const auto& idf = featurizer_.tfidf().idf_table();
  w.u64(idf.size());
  for (float v : idf) w.f32(v);
  if (featurizer_.level() > 0) {
    const auto& ngram_idf = featurizer_.ngram_tfidf().idf_table();
    w.u64(ngram_idf.size());
    for (float v : ngram_idf) w.f32(v);
  }
  w.matrix(mean_.transpose());
  w.matrix(scale_.transpose());
  w.matrix(w1_);
  w.matrix(b1_.transpose());
  w.matrix(w2_);
  w.matrix(b2_.transpose());
  if (options_.per_target) {
    w.u64(target_keys_.size());
    for (std::size_t i = 0; i < target_keys_.size(); ++i) {
      w.str(target_keys_[i]);
      w.str(target_models_[i].serialize());
    }
  }

  Writer file;
  file.raw(kMagic, sizeof kMagic);
  file.u32(kFormatVersion);
  file.u64(w.out.size());
  file.raw(w.out.data(), w.out.size());
  file.u64(checksum(file.out));  // header and payload: a damaged header is caught too
  return std::move(file.out);
}

// Depth of deserialize calls on this thread: a per-target model is read inside its parent, and
// never holds models itself, so a file nesting deeper is corrupt (and must not exhaust the stack).
static thread_local int deserialize_depth = 0;

StanceClassifierModel StanceClassifierModel::deserialize(std::string_view bytes) {
  struct Depth {
    Depth() {
      if (++deserialize_depth > 2) {
        --deserialize_depth;
        corrupt("per-target models nested inside per-target models");
      }
    }
    ~Depth() { --deserialize_depth; }
  } depth;
  if (bytes.size() < sizeof kMagic || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
    throw std::invalid_argument("not a synopsis stance model (bad magic bytes)");
  if (bytes.size() < kHeaderSize + kChecksumSize) corrupt("truncated header");
  Reader head(bytes.substr(sizeof kMagic));
  const std::uint32_t version = head.u32();
  if (version < 1 || version > kFormatVersion)
    throw std::invalid_argument("unsupported stance model format version " + std::to_string(version) +
                                " (this build reads versions 1 to " + std::to_string(kFormatVersion) + ")");
  const std::uint64_t size = head.u64();
  const std::uint64_t held = bytes.size() - kHeaderSize - kChecksumSize;
  if (size != held)
    corrupt("the header announces " + std::to_string(size) + " payload bytes but the data holds " +
            std::to_string(held) + " (truncated or padded?)");
  const std::string_view payload = bytes.substr(kHeaderSize, size);
  std::uint64_t stored;
  std::memcpy(&stored, bytes.data() + kHeaderSize + size, kChecksumSize);
  // Version 1 summed the payload only.
  if (stored != checksum(version == 1 ? payload : bytes.substr(0, kHeaderSize + size))) corrupt("checksum mismatch");

  Reader r(payload);
  StanceClassifierModel m(read_options(r, version));
  m.classes_ = version == 1 ? read_classes_v1(r) : read_classes(r);
  const std::size_t nc = m.classes_.size();
  if (r.u64() != stance_dense_feature_names().size())
    throw std::invalid_argument("stance model built with a different feature set");
  if (version >= 4) {
    const std::uint64_t dimension = r.u64();
    if (dimension > kMaxTextVectorDimension) corrupt("bad text-vector dimension " + std::to_string(dimension));
    if (dimension > 0) {
      EncoderSignature signature;
      signature.name = r.str();
      if (signature.name.empty() || signature.name.size() > 64) corrupt("bad encoder name");
      signature.probe.resize(dimension);
      for (float& v : signature.probe) v = r.f32();
      m.featurizer_.expect_encoder(std::move(signature));
    }
  }
  std::uint64_t ni = r.u64();
  if (ni != m.featurizer_.tfidf().dimension()) corrupt("the IDF table does not match hash_bits");
  std::vector<float> idf(ni);
  for (auto& v : idf) v = r.f32();
  m.featurizer_.tfidf().set_idf_table(std::move(idf));
  if (m.featurizer_.level() > 0) {
    std::uint64_t nn = r.u64();
    if (nn != m.featurizer_.ngram_tfidf().dimension()) corrupt("the n-gram IDF table does not match ngram_bits");
    std::vector<float> ngram_idf(nn);
    for (auto& v : ngram_idf) v = r.f32();
    m.featurizer_.ngram_tfidf().set_idf_table(std::move(ngram_idf));
  }
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
  const bool mlp = m.options_.model == "mlp";
  const Eigen::Index H = mlp ? m.options_.hidden_units : static_cast<Eigen::Index>(nc);
  const Eigen::Index C = static_cast<Eigen::Index>(nc);
  // The per-target models: a count, then (target, serialised model) pairs, targets sorted and
  // distinct; each model's classes are classes of the whole model.
  if (m.options_.per_target) {
    const std::uint64_t n = r.u64();
    if (n > (1u << 24)) corrupt("too many per-target models");
    for (std::uint64_t i = 0; i < n; ++i) {
      std::string key = r.str();
      if (!m.target_keys_.empty() && !(m.target_keys_.back() < key)) corrupt("per-target models are not sorted");
      StanceClassifierModel own = deserialize(r.str());
      if (own.options_.per_target) corrupt("a per-target model has models of its own");
      if (own.classes_.kind() != m.classes_.kind()) corrupt("a per-target model has another kind of labels");
      const EncoderSignature &mine = m.encoder_signature(), &theirs = own.encoder_signature();
      if (mine.name != theirs.name || mine.probe != theirs.probe) corrupt("a per-target model reads another encoder");
      try {
        if (own.classes_.kind() == ClassLabels::Kind::string) m.classes_.indices_of(own.classes_.strings());
        else m.classes_.indices_of(own.classes_.integers());
      } catch (const std::invalid_argument&) {
        corrupt("a per-target model has a class the model does not have");
      }
      m.target_keys_.push_back(std::move(key));
      m.target_models_.push_back(std::move(own));
    }
  }
  if (!r.done()) corrupt("unexpected bytes after the weights");
  if (static_cast<std::size_t>(m.w1_.rows()) != m.input_dim() || m.w1_.cols() != H || m.b1_.size() != H ||
      m.mean_.size() != static_cast<Eigen::Index>(m.featurizer_.dense_dimension()) ||
      m.scale_.size() != m.mean_.size() ||
      (mlp && (m.w2_.rows() != H || m.w2_.cols() != C || m.b2_.size() != C)))
    corrupt("inconsistent weight shapes");
  return m;
}

void StanceClassifierModel::save(const std::string& path) const {
  const std::string bytes = serialize();
  const fs::path target(path);
  const std::string temporary = temporary_name(target);
  // 0666 before the umask, as for any file the user creates; O_EXCL never reuses a file.
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) io_error("cannot create a temporary file next to the stance model", path, errno);
  // The data must be on disk before the rename makes it the model: otherwise a crash could
  // leave a renamed but empty file.
  bool ok = write_all(fd, bytes);
  int error = ok ? 0 : errno;
  if (ok && ::fsync(fd) != 0) ok = false, error = errno;
  if (::close(fd) != 0 && ok) ok = false, error = errno;
  if (ok && ::rename(temporary.c_str(), path.c_str()) != 0) ok = false, error = errno;
  if (!ok) {
    ::unlink(temporary.c_str());
    io_error("cannot write the stance model", path, error);
  }
  // Makes the rename itself durable; a folder that cannot be synced loses nothing already written.
  fs::path folder = target.parent_path();
  const int dir = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
}

StanceClassifierModel StanceClassifierModel::load(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) io_error("cannot open the stance model", path, errno);
  std::string bytes;
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int error = errno;
      ::close(fd);
      io_error("cannot read the stance model", path, error);
    }
    if (n == 0) break;
    bytes.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  try {
    return deserialize(bytes);
  } catch (const std::invalid_argument& e) {
    throw std::invalid_argument(path + ": " + e.what());  // which of several files is bad
  }
}

}  // namespace synopsis
