#include "synopsis/encoder.hpp"

#include <Eigen/Dense>
#include <Eigen/QR>
#include <Eigen/Eigenvalues>
#include <Eigen/SVD>
#include <algorithm>
#include <cmath>
#include <random>
#include <stdexcept>
#include <unordered_set>
#include <utility>

#include "synopsis/segment.hpp"

namespace synopsis {

// ---------------------------------------------------------------------------------------
// Embedding

DenseRows Embedding::to_dense() const {
  if (dense) return matrix;
  return DenseRows(sparse);
}

Embedding Embedding::select_rows(const std::vector<std::uint32_t>& rows) const {
  Embedding out;
  out.dense = dense;
  if (dense) {
    out.matrix.resize(static_cast<Eigen::Index>(rows.size()), matrix.cols());
    for (std::size_t r = 0; r < rows.size(); ++r) out.matrix.row(static_cast<Eigen::Index>(r)) = matrix.row(rows[r]);
    return out;
  }
  std::size_t nnz = 0;
  for (std::uint32_t r : rows) nnz += static_cast<std::size_t>(sparse.outerIndexPtr()[r + 1] - sparse.outerIndexPtr()[r]);
  out.sparse.resize(static_cast<Eigen::Index>(rows.size()), sparse.cols());
  out.sparse.reserve(static_cast<Eigen::Index>(nnz));
  for (std::size_t r = 0; r < rows.size(); ++r) {
    out.sparse.startVec(static_cast<Eigen::Index>(r));
    for (SparseRows::InnerIterator it(sparse, rows[r]); it; ++it)
      out.sparse.insertBack(static_cast<Eigen::Index>(r), it.col()) = it.value();
  }
  out.sparse.finalize();
  return out;
}

void Embedding::normalize_rows() {
  if (dense) {
    for (Eigen::Index i = 0; i < matrix.rows(); ++i) {
      const float norm = matrix.row(i).norm();
      if (norm > 0) matrix.row(i) /= norm;
    }
    return;
  }
  for (Eigen::Index i = 0; i < sparse.outerSize(); ++i) {
    double sum = 0;
    for (SparseRows::InnerIterator it(sparse, i); it; ++it) sum += double(it.value()) * it.value();
    if (sum <= 0) continue;
    const float scale = static_cast<float>(1.0 / std::sqrt(sum));
    for (SparseRows::InnerIterator it(sparse, i); it; ++it) it.valueRef() *= scale;
  }
}

SimilarityOperands Encoder::similarity(const Document& doc) const {
  SimilarityOperands ops;
  ops.left = encode(doc);
  ops.symmetric = true;
  return ops;
}

DenseRows Encoder::embed_texts(const std::vector<std::string>&, int) const {
  throw std::invalid_argument("the '" + name() +
                              "' encoder gives no fixed-length text vectors: use a TransformerEncoder or a StaticEncoder");
}

namespace {

// Per-sentence (column, count) lists, columns ascending.
struct TermCounts {
  std::vector<std::uint32_t> offsets;  // sentence i: entries [offsets[i], offsets[i + 1])
  std::vector<std::uint32_t> columns;
  std::vector<float> counts;
  std::vector<float> lengths;  // counted tokens per sentence
};

TermCounts count_terms(const Document& doc, const TfidfEncoder& enc) {
  TermCounts tc;
  const std::size_t n = doc.sentences.size();
  tc.offsets.reserve(n + 1);
  tc.offsets.push_back(0);
  tc.lengths.assign(n, 0.0f);
  std::vector<std::pair<std::uint32_t, float>> row;
  for (std::size_t i = 0; i < n; ++i) {
    const Sentence& s = doc.sentences[i];
    row.clear();
    for (std::uint32_t t = s.token_begin; t < s.token_end; ++t) {
      const std::int64_t c = enc.column(doc, doc.tokens[t]);
      if (c < 0) continue;
      row.emplace_back(static_cast<std::uint32_t>(c), 1.0f);
    }
    tc.lengths[i] = static_cast<float>(row.size());
    std::sort(row.begin(), row.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t k = 0; k < row.size(); ++k) {
      if (!tc.columns.empty() && tc.columns.size() > tc.offsets.back() && tc.columns.back() == row[k].first) {
        tc.counts.back() += 1.0f;
      } else {
        tc.columns.push_back(row[k].first);
        tc.counts.push_back(1.0f);
      }
    }
    tc.offsets.push_back(static_cast<std::uint32_t>(tc.columns.size()));
  }
  return tc;
}

template <class Value>
SparseRows build_rows(const TermCounts& tc, std::size_t cols, Value value) {
  const Eigen::Index n = static_cast<Eigen::Index>(tc.offsets.size() - 1);
  SparseRows m(n, static_cast<Eigen::Index>(cols));
  m.reserve(static_cast<Eigen::Index>(tc.columns.size()));
  for (Eigen::Index i = 0; i < n; ++i) {
    m.startVec(i);
    for (std::uint32_t k = tc.offsets[i]; k < tc.offsets[i + 1]; ++k)
      m.insertBack(i, tc.columns[k]) = value(static_cast<std::size_t>(i), tc.columns[k], tc.counts[k]);
  }
  m.finalize();
  return m;
}

void count_document_frequencies(const Document& doc, const TfidfEncoder& enc, IdfTable& table) {
  std::unordered_set<std::uint32_t> seen;
  const bool stems = enc.options().use_stems;
  for (const Token& t : doc.tokens) {
    const std::int64_t c = enc.column(doc, t);
    if (c < 0 || !seen.insert(static_cast<std::uint32_t>(c)).second) continue;
    ++table.df[stems ? doc.stems[c] : doc.terms[c]];
  }
  ++table.documents;
}

}  // namespace

// ---------------------------------------------------------------------------------------
// TF-IDF

std::int64_t TfidfEncoder::column(const Document& doc, const Token& token) const {
  if (token.kind != TokenKind::word && token.kind != TokenKind::number) return -1;
  if (options_.remove_stopwords && token.is_stopword) return -1;
  return options_.use_stems ? token.stem : token.term;
}

std::size_t TfidfEncoder::column_count(const Document& doc) const {
  return options_.use_stems ? doc.stems.size() : doc.terms.size();
}

TfidfEncoder::ColumnStats TfidfEncoder::column_stats(const Document& doc) const {
  ColumnStats stats;
  const std::size_t cols = column_count(doc);
  stats.df.assign(cols, 0.0);
  if (!idf_.empty()) {
    stats.documents = static_cast<double>(idf_.documents);
    const auto& names = options_.use_stems ? doc.stems : doc.terms;
    for (std::size_t c = 0; c < cols; ++c) {
      auto it = idf_.df.find(names[c]);
      if (it != idf_.df.end()) stats.df[c] = it->second;
    }
    return stats;
  }
  stats.documents = static_cast<double>(doc.sentences.size());
  std::vector<std::uint32_t> last(cols, UINT32_MAX);
  for (const Token& t : doc.tokens) {
    const std::int64_t c = column(doc, t);
    if (c < 0 || last[c] == t.sentence) continue;
    last[c] = t.sentence;
    stats.df[c] += 1.0;
  }
  return stats;
}

std::vector<float> TfidfEncoder::column_idf(const Document& doc) const {
  const ColumnStats stats = column_stats(doc);
  std::vector<float> idf(stats.df.size());
  for (std::size_t c = 0; c < idf.size(); ++c)
    idf[c] = static_cast<float>(std::log((1.0 + stats.documents) / (1.0 + stats.df[c])) + 1.0);
  return idf;
}

SparseRows TfidfEncoder::weights(const Document& doc) const {
  const TermCounts tc = count_terms(doc, *this);
  const std::vector<float> idf = column_idf(doc);
  const bool sublinear = options_.sublinear_tf;
  return build_rows(tc, idf.size(), [&](std::size_t, std::uint32_t c, float count) {
    const float tf = sublinear ? 1.0f + std::log(count) : count;
    return tf * idf[c];
  });
}

Embedding TfidfEncoder::encode(const Document& doc) const {
  Embedding e;
  e.sparse = weights(doc);
  e.normalize_rows();
  return e;
}

SparseRows TfidfEncoder::encode_texts(const Document& doc, const std::vector<const Document*>& texts) const {
  const std::vector<float> idf = column_idf(doc);
  const auto& names = options_.use_stems ? doc.stems : doc.terms;
  std::unordered_map<std::string, std::uint32_t> column_of;
  for (const Document* text : texts) {
    const auto& their = options_.use_stems ? text->stems : text->terms;
    for (const auto& name : their) column_of.emplace(name, UINT32_MAX);
  }
  for (std::size_t c = 0; c < names.size(); ++c) {
    auto it = column_of.find(names[c]);
    if (it != column_of.end() && it->second == UINT32_MAX) it->second = static_cast<std::uint32_t>(c);
  }
  Embedding e;
  e.sparse.resize(static_cast<Eigen::Index>(texts.size()), static_cast<Eigen::Index>(names.size()));
  std::vector<Eigen::Triplet<float>> entries;
  for (std::size_t r = 0; r < texts.size(); ++r) {
    const Document& text = *texts[r];
    std::unordered_map<std::uint32_t, float> counts;
    for (const Token& t : text.tokens) {
      const std::int64_t local = column(text, t);
      if (local < 0) continue;
      const auto& their = options_.use_stems ? text.stems : text.terms;
      auto it = column_of.find(their[local]);
      if (it == column_of.end() || it->second == UINT32_MAX) continue;
      counts[it->second] += 1.0f;
    }
    for (const auto& [c, count] : counts) {
      const float tf = options_.sublinear_tf ? 1.0f + std::log(count) : count;
      entries.emplace_back(static_cast<int>(r), static_cast<int>(c), tf * idf[c]);
    }
  }
  e.sparse.setFromTriplets(entries.begin(), entries.end());
  e.normalize_rows();
  return e.sparse;
}

void TfidfEncoder::fit(const std::vector<Document>& documents) {
  IdfTable table;
  for (const Document& doc : documents) count_document_frequencies(doc, *this, table);
  idf_ = std::move(table);
}

// ---------------------------------------------------------------------------------------
// BM25

SparseRows Bm25Encoder::document_side(const Document& doc) const {
  const TermCounts tc = count_terms(doc, terms_);
  const auto stats = terms_.column_stats(doc);
  const std::size_t cols = stats.df.size();
  const double n = stats.documents;
  std::vector<double> idf(cols, 0.0);
  for (std::size_t c = 0; c < cols; ++c) idf[c] = std::log((n - stats.df[c] + 0.5) / (stats.df[c] + 0.5));
  // Barrios et al.: a term in more than half of the sentences would get a negative idf; it
  // gets epsilon times the mean positive idf instead (epsilon alone when no idf is positive,
  // as in a two-sentence text).
  double positive_sum = 0;
  std::size_t positive = 0;
  for (std::size_t c = 0; c < cols; ++c)
    if (stats.df[c] > 0 && idf[c] > 0) positive_sum += idf[c], ++positive;
  const double floor = options_.epsilon * (positive ? positive_sum / static_cast<double>(positive) : 1.0);
  for (double& v : idf)
    if (v <= 0) v = floor;
  double total_length = 0;
  for (float len : tc.lengths) total_length += len;
  const double avgdl = tc.lengths.empty() ? 1.0 : std::max(1e-9, total_length / static_cast<double>(tc.lengths.size()));
  const double k1 = options_.k1, b = options_.b, delta = options_.delta;
  return build_rows(tc, cols, [&](std::size_t i, std::uint32_t c, float f) {
    const double norm = k1 * (1.0 - b + b * tc.lengths[i] / avgdl);
    return static_cast<float>(idf[c] * (f * (k1 + 1.0) / (f + norm) + delta));
  });
}

Embedding Bm25Encoder::encode(const Document& doc) const {
  Embedding e;
  e.sparse = document_side(doc);
  e.normalize_rows();
  return e;
}

SimilarityOperands Bm25Encoder::similarity(const Document& doc) const {
  SimilarityOperands ops;
  ops.symmetric = false;
  ops.right.sparse = document_side(doc);
  const TermCounts tc = count_terms(doc, terms_);
  ops.left.sparse = build_rows(tc, static_cast<std::size_t>(ops.right.sparse.cols()),
                               [](std::size_t, std::uint32_t, float count) { return count; });
  return ops;
}

// ---------------------------------------------------------------------------------------
// LSA

namespace {

int auto_dimensions(Eigen::Index rows) {
  return static_cast<int>(std::max<Eigen::Index>(2, std::min<Eigen::Index>(100, (rows + 1) / 2)));
}

// Makes each column's largest-magnitude entry positive, so the factorisation is unique.
void fix_signs(Eigen::MatrixXd& u) {
  for (Eigen::Index j = 0; j < u.cols(); ++j) {
    Eigen::Index arg = 0;
    u.col(j).cwiseAbs().maxCoeff(&arg);
    if (u(arg, j) < 0) u.col(j) *= -1.0;
  }
}

}  // namespace

Embedding LsaEncoder::encode(const Document& doc) const {
  Embedding tfidf = terms_.encode(doc);
  const SparseRows& a = tfidf.sparse;
  const Eigen::Index n = a.rows(), v = a.cols();
  Embedding out;
  out.dense = true;
  const Eigen::Index rank_cap = std::min(n, v);
  int k = options_.dimensions > 0 ? options_.dimensions : auto_dimensions(n);
  k = static_cast<int>(std::min<Eigen::Index>(k, rank_cap));
  if (k <= 0) {
    out.matrix = DenseRows::Zero(n, std::max<Eigen::Index>(1, k));
    return out;
  }
  Eigen::MatrixXd us;  // n x k: U_k S_k
  if (static_cast<std::size_t>(n) * static_cast<std::size_t>(v) <= options_.exact_limit) {
    // U S from the eigenvectors of the smaller Gram matrix: A A' = U S^2 U', or A'A = V S^2 V'
    // with A V = U S. (Eigen 3.4's BDCSVD reads out of bounds on some rank-deficient inputs;
    // the symmetric eigensolver is robust, and the leading components are all LSA needs.)
    const Eigen::SparseMatrix<double, Eigen::RowMajor> ad = a.cast<double>();
    const bool by_rows = n <= v;
    const Eigen::MatrixXd gram = by_rows ? Eigen::MatrixXd(ad * ad.transpose())
                                         : Eigen::MatrixXd(ad.transpose() * ad);
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(gram);
    const Eigen::Index m = gram.rows();
    Eigen::MatrixXd top(m, k);  // eigenvectors of the k largest eigenvalues, largest first
    Eigen::VectorXd sigma(k);
    for (int j = 0; j < k; ++j) {
      top.col(j) = eig.eigenvectors().col(m - 1 - j);
      sigma[j] = std::sqrt(std::max(0.0, eig.eigenvalues()[m - 1 - j]));
    }
    us = by_rows ? Eigen::MatrixXd(top * sigma.asDiagonal()) : Eigen::MatrixXd(ad * top);
    fix_signs(us);
  } else {
    // Randomized range finder (Halko, Martinsson and Tropp 2011) with a fixed seed.
    const Eigen::Index l = std::min<Eigen::Index>(rank_cap, k + 10);
    const Eigen::SparseMatrix<double, Eigen::RowMajor> ad = a.cast<double>();
    std::mt19937_64 rng(options_.seed);
    std::normal_distribution<double> normal(0.0, 1.0);
    Eigen::MatrixXd omega(v, l);
    for (Eigen::Index j = 0; j < l; ++j)
      for (Eigen::Index i = 0; i < v; ++i) omega(i, j) = normal(rng);
    Eigen::MatrixXd y = ad * omega;
    auto orthonormal = [](const Eigen::MatrixXd& m) {
      Eigen::HouseholderQR<Eigen::MatrixXd> qr(m);
      return Eigen::MatrixXd(qr.householderQ() * Eigen::MatrixXd::Identity(m.rows(), m.cols()));
    };
    Eigen::MatrixXd q = orthonormal(y);
    for (int it = 0; it < options_.power_iterations; ++it) {
      Eigen::MatrixXd z = orthonormal(ad.transpose() * q);
      q = orthonormal(ad * z);
    }
    Eigen::MatrixXd b = (ad.transpose() * q).transpose();  // l x v
    Eigen::BDCSVD<Eigen::MatrixXd> svd(b, Eigen::ComputeThinU);
    Eigen::MatrixXd u = q * svd.matrixU().leftCols(k);
    fix_signs(u);
    us = u * svd.singularValues().head(k).asDiagonal();
  }
  out.matrix = us.cast<float>();
  out.normalize_rows();
  return out;
}

// ---------------------------------------------------------------------------------------
// Factory and helpers

const std::vector<std::string>& encoder_names() {
  static const std::vector<std::string> names{"tfidf", "bm25", "bm25+", "lsa"};
  return names;
}

std::shared_ptr<Encoder> make_encoder(const std::string& name) {
  if (name == "tfidf") return std::make_shared<TfidfEncoder>();
  if (name == "bm25") return std::make_shared<Bm25Encoder>();
  if (name == "bm25+") {
    Bm25Options o;
    o.delta = 1.0;
    return std::make_shared<Bm25Encoder>(o);
  }
  if (name == "lsa") return std::make_shared<LsaEncoder>();
  std::string allowed;
  for (const auto& n : encoder_names()) allowed += (allowed.empty() ? "" : ", ") + ("'" + n + "'");
  throw std::invalid_argument("unknown encoder '" + name + "'; use one of " + allowed +
                              " or an Encoder object");
}

void fit_encoder(Encoder& encoder, const std::vector<Document>& documents) {
  if (auto* e = dynamic_cast<TfidfEncoder*>(&encoder)) return e->fit(documents);
  if (auto* e = dynamic_cast<Bm25Encoder*>(&encoder)) return e->fit(documents);
  if (auto* e = dynamic_cast<LsaEncoder*>(&encoder)) return e->fit(documents);
  throw std::invalid_argument("fit: encoder '" + encoder.name() + "' has nothing to fit");
}

Document document_from_sentences(const std::vector<std::string>& sentences, const std::string& language) {
  Document out;
  SegmentOptions options;
  options.language = language;
  options.format = "text";  // each item is a sentence, never a page
  std::unordered_map<std::string, std::uint32_t> term_ids, stem_ids;
  auto intern = [](std::unordered_map<std::string, std::uint32_t>& ids, std::vector<std::string>& names,
                   const std::string& s) {
    auto [it, added] = ids.emplace(s, static_cast<std::uint32_t>(names.size()));
    if (added) names.push_back(s);
    return it->second;
  };
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    if (i) out.text += '\n';
    const std::uint32_t base = static_cast<std::uint32_t>(out.text.size());
    const Document part = segment(sentences[i], options);
    if (i == 0) out.language = part.language;
    out.text += sentences[i];
    Sentence s;
    s.index = static_cast<std::uint32_t>(i);
    s.paragraph = static_cast<std::uint32_t>(i);
    s.start = base;
    s.end = base + static_cast<std::uint32_t>(sentences[i].size());
    s.token_begin = static_cast<std::uint32_t>(out.tokens.size());
    for (Token t : part.tokens) {
      t.start += base;
      t.end += base;
      t.sentence = s.index;
      t.term = intern(term_ids, out.terms, part.terms[t.term]);
      t.stem = intern(stem_ids, out.stems, part.stems[t.stem]);
      out.tokens.push_back(t);
    }
    s.token_end = static_cast<std::uint32_t>(out.tokens.size());
    out.sentences.push_back(s);
    Paragraph p;
    p.index = s.index;
    p.start = s.start;
    p.end = s.end;
    p.sentence_begin = s.index;
    p.sentence_end = s.index + 1;
    out.paragraphs.push_back(p);
  }
  if (out.language.empty()) out.language = language;
  return out;
}

}  // namespace synopsis
