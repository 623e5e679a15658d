#include "synopsis/features.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace synopsis {

float dot(const SparseVector& a, const SparseVector& b) {
  float s = 0.0f;
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].first == b[j].first) s += a[i++].second * b[j++].second;
    else if (a[i].first < b[j].first) ++i;
    else ++j;
  }
  return s;
}

void normalize(SparseVector& v) {
  double n = 0.0;
  for (const auto& e : v) n += double(e.second) * e.second;
  if (n <= 0.0) return;
  float inv = static_cast<float>(1.0 / std::sqrt(n));
  for (auto& e : v) e.second *= inv;
}

std::uint64_t stable_hash(std::string_view s, std::uint64_t seed) {
  std::uint64_t h = 1469598103934665603ULL ^ (seed * 0x9E3779B97F4A7C15ULL);
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  // final avalanche so that low bits are well mixed
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  return h;
}

std::vector<std::uint32_t> hashed_terms(const Document& doc, std::size_t token_begin, std::size_t token_end,
                                        int bits) {
  std::vector<std::uint32_t> out;
  token_end = std::min(token_end, doc.tokens.size());
  const std::uint32_t mask = (std::uint32_t{1} << bits) - 1;
  for (std::size_t i = token_begin; i < token_end; ++i) {
    const Token& t = doc.tokens[i];
    if (t.is_stopword) continue;
    if (t.kind != TokenKind::word && t.kind != TokenKind::number) continue;
    const std::string& stem = doc.stems[t.stem];
    out.push_back(static_cast<std::uint32_t>(stable_hash(stem)) & mask);
  }
  return out;
}

std::vector<std::uint64_t> hashed_ngrams(const Document& doc) {
  std::vector<std::uint64_t> out;
  std::vector<const std::string*> words;
  for (const Token& t : doc.tokens)
    if (t.kind == TokenKind::word || t.kind == TokenKind::number) words.push_back(&doc.terms[t.term]);
  std::vector<std::uint64_t> unigram(words.size());
  for (std::size_t i = 0; i < words.size(); ++i) {
    unigram[i] = stable_hash(*words[i], 11);
    out.push_back(unigram[i]);
    if (i >= 1) out.push_back(stable_hash(std::string_view(), unigram[i - 1] * 31 + unigram[i]));
    if (i >= 2) out.push_back(stable_hash(std::string_view(), (unigram[i - 2] * 31 + unigram[i - 1]) * 31 + unigram[i]));
  }
  std::string padded;
  std::vector<std::size_t> starts;  // byte offset of each code point, then the end
  for (const std::string* w : words) {
    padded.assign(" ");
    padded += *w;
    padded += ' ';
    starts.clear();
    for (std::size_t b = 0; b < padded.size(); ++b)
      if ((static_cast<unsigned char>(padded[b]) & 0xC0) != 0x80) starts.push_back(b);
    starts.push_back(padded.size());
    const std::size_t points = starts.size() - 1;
    for (std::size_t n = 2; n <= 5; ++n)
      for (std::size_t i = 0; i + n <= points; ++i)
        out.push_back(stable_hash(std::string_view(padded).substr(starts[i], starts[i + n] - starts[i]), 13));
  }
  return out;
}

HashedTfidf::HashedTfidf(int bits) : bits_(bits) {
  if (bits < 1 || bits > 24) throw std::invalid_argument("hash bits must lie in 1..24, got " + std::to_string(bits));
}

void HashedTfidf::set_idf_table(std::vector<float> idf) {
  if (!idf.empty() && idf.size() != dimension())
    throw std::invalid_argument("IDF table size does not match 2^bits");
  idf_ = std::move(idf);
}

void HashedTfidf::fit(const std::vector<std::vector<std::uint32_t>>& documents) {
  std::vector<std::uint32_t> df(dimension(), 0);
  std::vector<std::uint32_t> seen(dimension(), 0);  // last document (1-based) that counted a bucket
  std::uint32_t d = 0;
  for (const auto& doc : documents) {
    ++d;
    for (std::uint32_t b : doc)
      if (seen[b] != d) {
        seen[b] = d;
        ++df[b];
      }
  }
  const double n = static_cast<double>(documents.size());
  idf_.assign(dimension(), 0.0f);
  for (std::uint32_t b = 0; b < dimension(); ++b)
    idf_[b] = static_cast<float>(std::log((1.0 + n) / (1.0 + df[b])) + 1.0);  // smoothed, never zero
}

SparseVector HashedTfidf::transform(const std::vector<std::uint32_t>& terms) const {
  std::vector<std::uint32_t> sorted(terms);
  std::sort(sorted.begin(), sorted.end());
  SparseVector v;
  for (std::size_t i = 0; i < sorted.size();) {
    std::size_t j = i;
    while (j < sorted.size() && sorted[j] == sorted[i]) ++j;
    float tf = 1.0f + std::log(static_cast<float>(j - i));
    v.emplace_back(sorted[i], tf * idf(sorted[i]));
    i = j;
  }
  normalize(v);
  return v;
}

}  // namespace synopsis
