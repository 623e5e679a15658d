// Hashed TF-IDF: content words (stems of non-stopword tokens) hashed into 2^bits buckets,
// sublinear term frequency, IDF learnt from a corpus (or 1 when not fitted), L2-normalised.
// No vocabulary to store, so a model built on it stays small and any text can be encoded.
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "synopsis/document.hpp"

namespace synopsis {

// A sparse vector: (index, value) pairs sorted by index, indices distinct.
using SparseVector = std::vector<std::pair<std::uint32_t, float>>;

float dot(const SparseVector& a, const SparseVector& b);
// Scales to unit L2 norm (no-op for the zero vector).
void normalize(SparseVector& v);

// 64-bit FNV-1a of a string: stable across platforms and runs.
std::uint64_t stable_hash(std::string_view s, std::uint64_t seed = 0);

// The hashed content terms of tokens [token_begin, token_end): stems of word/number tokens
// that are not stopwords (bucket ids in [0, 2^bits)). Repeated terms repeat.
std::vector<std::uint32_t> hashed_terms(const Document& doc, std::size_t token_begin, std::size_t token_end,
                                        int bits);

// Surface n-grams of a whole document, as 64-bit hashes (repeated n-grams repeat): word 1- to
// 3-grams over the normalised forms of its word and number tokens, stopwords kept, and
// character 2- to 5-grams (code points) inside each such form padded with a space on either
// side. Map a hash to a bucket with ngram_bucket.
std::vector<std::uint64_t> hashed_ngrams(const Document& doc);
// The bucket in [0, 2^bits) of an n-gram hash; a non-zero salt (e.g. a hash of the target)
// gives every salt its own scattering of the same n-grams.
inline std::uint32_t ngram_bucket(std::uint64_t hash, std::uint64_t salt, int bits) {
  std::uint64_t h = hash ^ (salt * 0x9E3779B97F4A7C15ULL);
  h ^= h >> 31;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 29;
  return static_cast<std::uint32_t>(h) & ((std::uint32_t{1} << bits) - 1);
}

class HashedTfidf {
 public:
  explicit HashedTfidf(int bits = 16);  // 1 <= bits <= 24, else std::invalid_argument

  // Learns document frequencies; each inner vector is one document's hashed_terms.
  void fit(const std::vector<std::vector<std::uint32_t>>& documents);
  bool fitted() const { return !idf_.empty(); }

  // Sublinear TF (1 + log tf) times IDF, L2-normalised.
  SparseVector transform(const std::vector<std::uint32_t>& terms) const;
  SparseVector transform(const Document& doc, std::size_t token_begin, std::size_t token_end) const {
    return transform(hashed_terms(doc, token_begin, token_end, bits_));
  }

  int bits() const { return bits_; }
  std::uint32_t dimension() const { return std::uint32_t{1} << bits_; }
  float idf(std::uint32_t bucket) const { return idf_.empty() ? 1.0f : idf_[bucket]; }
  const std::vector<float>& idf_table() const { return idf_; }
  void set_idf_table(std::vector<float> idf);  // size must be dimension() (or 0 for unfitted)

 private:
  int bits_;
  std::vector<float> idf_;
};

}  // namespace synopsis
