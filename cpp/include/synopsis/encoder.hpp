// Sentence encoders: a Document becomes a matrix with one row per sentence.
//
// TF-IDF and BM25 rows are sparse (columns are the document's stems); LSA rows are dense.
// encode() rows are L2-normalised, so a dot product is a cosine. BM25's similarity is
// asymmetric (one sentence is the query, the other the document), so an encoder also
// gives the two operands of its similarity: sim(i, j) = left.row(i) . right.row(j).
#pragma once

#include <Eigen/Core>
#include <Eigen/SparseCore>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "synopsis/document.hpp"

namespace synopsis {

using SparseRows = Eigen::SparseMatrix<float, Eigen::RowMajor>;
using DenseRows = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// One row per sentence, held sparse or dense.
struct Embedding {
  bool dense = false;
  SparseRows sparse;  // when !dense
  DenseRows matrix;   // when dense

  Eigen::Index rows() const { return dense ? matrix.rows() : sparse.rows(); }
  Eigen::Index cols() const { return dense ? matrix.cols() : sparse.cols(); }
  DenseRows to_dense() const;
  // The rows listed, in that order.
  Embedding select_rows(const std::vector<std::uint32_t>& rows) const;
  // Scales every non-zero row to unit L2 norm.
  void normalize_rows();
};

// The two operands of an encoder's sentence similarity: sim(i, j) = left_i . right_j.
// symmetric means left and right are the same matrix (a cosine).
struct SimilarityOperands {
  Embedding left;
  Embedding right;
  bool symmetric = true;
};

// Document frequencies fitted on a corpus, keyed by stem (or normalised word); each encoder
// turns them into its own idf.
struct IdfTable {
  std::unordered_map<std::string, std::uint32_t> df;
  std::uint64_t documents = 0;
  bool empty() const { return documents == 0; }
};

class Encoder {
 public:
  virtual ~Encoder() = default;
  virtual std::string name() const = 0;
  // One L2-normalised row per sentence of doc (all sentences, headings included).
  virtual Embedding encode(const Document& doc) const = 0;
  // The operands of the similarity the sentence graph uses; by default the cosine of encode().
  virtual SimilarityOperands similarity(const Document& doc) const;

  // Fixed-length sentence vectors, for encoders whose rows mean the same in every document
  // (the semantic encoders: transformer, static); 0 for the lexical encoders, whose columns
  // are one document's terms.
  virtual std::size_t dimension() const { return 0; }
  // dimension() columns per text (each text is one row, never split), L2-normalised, on
  // `threads` worker threads. std::invalid_argument for an encoder without fixed-length vectors.
  virtual DenseRows embed_texts(const std::vector<std::string>& texts, int threads = 1) const;
};

struct TfidfOptions {
  bool sublinear_tf = true;    // tf -> 1 + log(tf)
  bool remove_stopwords = true;
  bool use_stems = true;       // false: the normalised word forms
};

// TF-IDF over the sentences of one document. IDF comes from the document itself (sentences
// as documents, smoothed: log((1 + n) / (1 + df)) + 1) unless fitted on a corpus with fit().
class TfidfEncoder : public Encoder {
 public:
  explicit TfidfEncoder(TfidfOptions options = {}) : options_(options) {}
  std::string name() const override { return "tfidf"; }
  Embedding encode(const Document& doc) const override;

  // TF-IDF rows for other texts (a query, a title) in the columns of doc, L2-normalised:
  // their dot product with encode(doc) rows is a cosine. Terms doc lacks are dropped.
  SparseRows encode_texts(const Document& doc, const std::vector<const Document*>& texts) const;

  // Fits IDF on documents (each document is one unit of df). Replaces an earlier fit.
  void fit(const std::vector<Document>& documents);
  void set_idf(IdfTable table) { idf_ = std::move(table); }
  const IdfTable& idf() const { return idf_; }
  const TfidfOptions& options() const { return options_; }

  // Unnormalised TF-IDF rows (for LSA and BM25 reuse).
  SparseRows weights(const Document& doc) const;
  // The document frequency of each of doc's columns and the number of documents behind it:
  // from the fit, or from doc itself with its sentences as the documents.
  struct ColumnStats {
    std::vector<double> df;
    double documents = 0;
  };
  ColumnStats column_stats(const Document& doc) const;
  // TF-IDF idf per column: log((1 + n) / (1 + df)) + 1.
  std::vector<float> column_idf(const Document& doc) const;
  // The column of each token (stem or term id), or -1 when the token does not count.
  std::int64_t column(const Document& doc, const Token& token) const;
  std::size_t column_count(const Document& doc) const;

 private:
  TfidfOptions options_;
  IdfTable idf_;
};

struct Bm25Options {
  double k1 = 1.2;        // term-frequency saturation
  double b = 0.75;        // length normalisation
  double delta = 0.0;     // > 0: BM25+ (Lv and Zhai 2011), the lower bound added to a matching term
  double epsilon = 0.25;  // a negative idf is replaced by epsilon * the mean idf (Barrios et al. 2016)
};

// BM25 / BM25+ sentence similarity as in Barrios et al. 2016: sim(i, j) = sum over the
// words of sentence i of idf(w) * f(w, j) (k1 + 1) / (f(w, j) + k1 (1 - b + b |j| / avgdl)),
// with sentences as documents (idf from the document, or from fit()).
// encode() gives the document-side weights, L2-normalised.
class Bm25Encoder : public Encoder {
 public:
  explicit Bm25Encoder(Bm25Options options = {}, TfidfOptions terms = {}) : options_(options), terms_(terms) {}
  std::string name() const override { return options_.delta > 0 ? "bm25+" : "bm25"; }
  Embedding encode(const Document& doc) const override;
  SimilarityOperands similarity(const Document& doc) const override;

  void fit(const std::vector<Document>& documents) { terms_.fit(documents); }
  void set_idf(IdfTable table) { terms_.set_idf(std::move(table)); }
  const IdfTable& idf() const { return terms_.idf(); }
  const TfidfEncoder& terms() const { return terms_; }
  const Bm25Options& options() const { return options_; }
  const TfidfOptions& term_options() const { return terms_.options(); }

 private:
  SparseRows document_side(const Document& doc) const;
  Bm25Options options_;
  TfidfEncoder terms_;
};

struct LsaOptions {
  int dimensions = 0;       // latent dimensions; 0 picks one from the sentence count
  std::uint64_t seed = 7;   // for the randomized SVD of large documents
  int power_iterations = 2;
  std::size_t exact_limit = 4'000'000;  // sentences x terms up to which a full SVD is used
};

// Latent semantic analysis: truncated SVD of the TF-IDF matrix; rows are U_k S_k, dense.
class LsaEncoder : public Encoder {
 public:
  explicit LsaEncoder(LsaOptions options = {}, TfidfOptions terms = {}) : options_(options), terms_(terms) {}
  std::string name() const override { return "lsa"; }
  Embedding encode(const Document& doc) const override;

  void fit(const std::vector<Document>& documents) { terms_.fit(documents); }
  void set_idf(IdfTable table) { terms_.set_idf(std::move(table)); }
  const IdfTable& idf() const { return terms_.idf(); }
  const TfidfEncoder& terms() const { return terms_; }
  const LsaOptions& options() const { return options_; }
  const TfidfOptions& term_options() const { return terms_.options(); }

 private:
  LsaOptions options_;
  TfidfEncoder terms_;
};

// The encoder for a name: "tfidf", "bm25", "bm25+", "lsa". Throws std::invalid_argument
// naming the allowed values otherwise.
std::shared_ptr<Encoder> make_encoder(const std::string& name);
const std::vector<std::string>& encoder_names();

// Fits IDF for any of the encoders above; throws std::invalid_argument for other encoders.
void fit_encoder(Encoder& encoder, const std::vector<Document>& documents);

// A Document whose sentences are exactly the given texts (each is segmented for its tokens,
// never split), for encoding a list of sentences.
Document document_from_sentences(const std::vector<std::string>& sentences, const std::string& language);

}  // namespace synopsis
