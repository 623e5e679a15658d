#include "synopsis/static_encoder.hpp"

#include <Eigen/Eigenvalues>
#include <atomic>
#include <cstring>
#include <stdexcept>

#include "synopsis/parallel.hpp"
#include "synopsis/unicode.hpp"

namespace synopsis {

namespace {

constexpr char kMagic[8] = {'S', 'Y', 'N', 'S', 'T', 'A', 'T', '\0'};

std::uint64_t checksum(std::string_view bytes) {  // FNV-1a, 64 bits
  std::uint64_t h = 1469598103934665603ull;
  for (char c : bytes) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return h;
}

template <class T>
void put(std::string& out, T v) {
  out.append(reinterpret_cast<const char*>(&v), sizeof(T));
}

class Reader {
 public:
  explicit Reader(std::string_view b) : b_(b) {}
  template <class T>
  T get() {
    need(sizeof(T));
    T v;
    std::memcpy(&v, b_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return v;
  }
  std::string_view bytes(std::size_t n) {
    need(n);
    const std::string_view s = b_.substr(pos_, n);
    pos_ += n;
    return s;
  }
  std::size_t left() const { return b_.size() - pos_; }

 private:
  void need(std::size_t n) const {
    if (n > b_.size() - pos_) throw std::invalid_argument("static encoder: the file is cut short");
  }
  std::string_view b_;
  std::size_t pos_ = 0;
};

}  // namespace

StaticEncoder::StaticEncoder(WordPieceTokenizer tokenizer, DenseRows vectors, std::size_t max_pieces)
    : tokenizer_(std::move(tokenizer)), vectors_(std::move(vectors)), max_pieces_(max_pieces) {
  if (static_cast<std::size_t>(vectors_.rows()) != tokenizer_.vocabulary().size())
    throw std::invalid_argument("static encoder: one vector per vocabulary piece is needed");
  if (vectors_.cols() < 1) throw std::invalid_argument("static encoder: vectors need at least one dimension");
  if (max_pieces_ < 1) throw std::invalid_argument("static encoder: max_pieces must be >= 1");
}

std::shared_ptr<StaticEncoder> StaticEncoder::distill(const TransformerEncoder& transformer,
                                                      const std::vector<std::string>& corpus,
                                                      const StaticDistillOptions& options) {
  const int d = options.dimensions;
  if (d < 1 || static_cast<std::size_t>(d) > transformer.dimension())
    throw std::invalid_argument("dimensions must lie in [1, " + std::to_string(transformer.dimension()) + "], got " +
                                std::to_string(d));
  if (!(options.sif_a > 0)) throw std::invalid_argument("sif_a must be > 0");
  const WordPieceTokenizer& tok = transformer.tokenizer();
  const std::size_t vocab = tok.vocabulary().size();

  // Every piece alone through the transformer.
  std::vector<std::vector<std::int32_t>> ids(vocab);
  for (std::size_t i = 0; i < vocab; ++i) ids[i] = {static_cast<std::int32_t>(i)};
  const DenseRows full = transformer.embed_ids(ids, options.threads, /*inner_only=*/true);

  // PCA: the top-d eigenvectors of the covariance.
  const Eigen::RowVectorXf mean = full.colwise().mean();
  const Eigen::MatrixXf centred = full.rowwise() - mean;
  const Eigen::MatrixXd cov = (centred.transpose() * centred).cast<double>() / static_cast<double>(vocab);
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(cov);
  const Eigen::MatrixXf basis = eig.eigenvectors().rightCols(d).rowwise().reverse().cast<float>();
  DenseRows reduced = centred * basis;

  // Piece frequencies over the corpus.
  std::vector<std::atomic<std::uint64_t>> counts(vocab);
  ParallelOptions parallel;
  parallel.threads = options.threads;
  parallel_for(corpus.size(), parallel, [&](std::size_t i) {
    for (std::int32_t id : tok.encode(corpus[i])) counts[static_cast<std::size_t>(id)].fetch_add(1, std::memory_order_relaxed);
  });
  double total = 0;
  for (const auto& c : counts) total += static_cast<double>(c.load());
  for (std::size_t i = 0; i < vocab; ++i) {
    const double p = (static_cast<double>(counts[i].load()) + 1.0) / (total + static_cast<double>(vocab));
    reduced.row(static_cast<Eigen::Index>(i)) *= static_cast<float>(options.sif_a / (options.sif_a + p));
  }
  return std::make_shared<StaticEncoder>(tok, std::move(reduced), transformer.max_length() - 2);
}

DenseRows StaticEncoder::embed(const std::vector<std::string>& sentences, int threads) const {
  DenseRows out = DenseRows::Zero(static_cast<Eigen::Index>(sentences.size()), vectors_.cols());
  ParallelOptions parallel;
  parallel.threads = threads;
  parallel_for(sentences.size(), parallel, [&](std::size_t i) {
    auto row = out.row(static_cast<Eigen::Index>(i));
    for (std::int32_t id : tokenizer_.encode(sentences[i], max_pieces_)) row += vectors_.row(id);
    const float norm = row.norm();
    if (norm > 0) row /= norm;
  });
  return out;
}

Embedding StaticEncoder::encode(const Document& doc) const {
  std::vector<std::string> sentences;
  for (const Sentence& s : doc.sentences) sentences.emplace_back(doc.text.substr(s.start, s.end - s.start));
  Embedding e;
  e.dense = true;
  e.matrix = embed(sentences, 1);
  return e;
}

std::string StaticEncoder::serialize() const {
  std::string out(kMagic, 8);
  put<std::uint32_t>(out, kFormatVersion);
  const WordPieceOptions& o = tokenizer_.options();
  put<std::uint8_t>(out, o.lowercase);
  put<std::uint8_t>(out, o.strip_accents);
  put<std::uint8_t>(out, o.chinese_chars);
  put<std::uint8_t>(out, o.clean_text);
  put<std::uint64_t>(out, o.max_chars_per_word);
  put<std::uint64_t>(out, max_pieces_);
  for (const std::string* s : {&o.continuation, &o.unknown}) {
    put<std::uint32_t>(out, static_cast<std::uint32_t>(s->size()));
    out += *s;
  }
  put<std::uint64_t>(out, tokenizer_.vocabulary().size());
  for (const std::string& piece : tokenizer_.vocabulary()) {
    put<std::uint32_t>(out, static_cast<std::uint32_t>(piece.size()));
    out += piece;
  }
  put<std::uint64_t>(out, static_cast<std::uint64_t>(vectors_.cols()));
  out.append(reinterpret_cast<const char*>(vectors_.data()), sizeof(float) * static_cast<std::size_t>(vectors_.size()));
  put<std::uint64_t>(out, checksum(out));
  return out;
}

std::shared_ptr<StaticEncoder> StaticEncoder::deserialize(std::string_view bytes) {
  if (bytes.size() < 20 || std::memcmp(bytes.data(), kMagic, 8) != 0)
    throw std::invalid_argument("not a synopsis static encoder file (bad magic)");
  std::uint64_t stored;
  std::memcpy(&stored, bytes.data() + bytes.size() - 8, 8);
  if (stored != checksum(bytes.substr(0, bytes.size() - 8)))
    throw std::invalid_argument("static encoder: checksum mismatch (the file is corrupt)");
  Reader r(bytes.substr(8, bytes.size() - 16));
  const auto version = r.get<std::uint32_t>();
  if (version != kFormatVersion)
    throw std::invalid_argument("static encoder: format version " + std::to_string(version) + " is not supported");
  WordPieceOptions o;
  o.lowercase = r.get<std::uint8_t>() != 0;
  o.strip_accents = r.get<std::uint8_t>() != 0;
  o.chinese_chars = r.get<std::uint8_t>() != 0;
  o.clean_text = r.get<std::uint8_t>() != 0;
  o.max_chars_per_word = static_cast<std::size_t>(r.get<std::uint64_t>());
  const auto max_pieces = static_cast<std::size_t>(r.get<std::uint64_t>());
  for (std::string* s : {&o.continuation, &o.unknown}) *s = std::string(r.bytes(r.get<std::uint32_t>()));
  const auto vocab = r.get<std::uint64_t>();
  if (vocab > r.left() / 4) throw std::invalid_argument("static encoder: the vocabulary size exceeds the file");
  std::vector<std::string> pieces;
  pieces.reserve(static_cast<std::size_t>(vocab));
  for (std::uint64_t i = 0; i < vocab; ++i) pieces.emplace_back(r.bytes(r.get<std::uint32_t>()));
  for (const std::string* s : {&o.continuation, &o.unknown})
    if (find_invalid_utf8(*s) != std::string_view::npos) throw std::invalid_argument("static encoder: a piece is not UTF-8");
  for (const std::string& piece : pieces)
    if (find_invalid_utf8(piece) != std::string_view::npos) throw std::invalid_argument("static encoder: a piece is not UTF-8");
  const auto dims = r.get<std::uint64_t>();
  if (dims == 0 || dims > 65536 || vocab * dims * 4 != r.left())
    throw std::invalid_argument("static encoder: the matrix does not match the vocabulary and dimension");
  DenseRows vectors(static_cast<Eigen::Index>(vocab), static_cast<Eigen::Index>(dims));
  const std::string_view data = r.bytes(static_cast<std::size_t>(vocab * dims * 4));
  std::memcpy(vectors.data(), data.data(), data.size());
  if (!vectors.allFinite()) throw std::invalid_argument("static encoder: the matrix holds non-finite values");
  return std::make_shared<StaticEncoder>(WordPieceTokenizer(std::move(pieces), o), std::move(vectors), max_pieces);
}

}  // namespace synopsis
