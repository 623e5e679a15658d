// Running a TransformerEncoder: sentences to wordpieces, packed batches through the forward
// pass on the worker pool, pooling and L2 normalisation.
#include "synopsis/transformer.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>
#include <mutex>
#include <numeric>
#include <stdexcept>

#include "synopsis/parallel.hpp"
#include "transformer_weights.hpp"

namespace synopsis {

namespace {

// Lower-cases a whole sentence as Python's str.lower() (sentence-transformers' do_lower_case).
std::string lowercase_utf8(std::string_view s);

}  // namespace

std::vector<std::int32_t> TransformerEncoder::tokenize(std::string_view sentence, bool* truncated) const {
  const std::size_t cap = max_length_ - 2;
  if (lowercase_input_) {
    const std::string lower = lowercase_utf8(sentence);
    return tokenizer_->encode(lower, cap, truncated);
  }
  return tokenizer_->encode(sentence, cap, truncated);
}

DenseRows TransformerEncoder::embed_ids(const std::vector<std::vector<std::int32_t>>& ids, int threads,
                                        bool inner_only) const {
  const std::size_t n = ids.size();
  const std::size_t d = dimension();
  DenseRows out = DenseRows::Zero(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(d));
  if (n == 0) return out;
  for (const auto& seq : ids) {
    if (seq.size() + 2 > max_length_)
      throw std::invalid_argument("a token sequence is longer than max_length - 2 = " + std::to_string(max_length_ - 2));
    for (std::int32_t id : seq)
      if (id < 0 || id >= config_.vocab)
        throw std::invalid_argument("token id " + std::to_string(id) + " lies outside the vocabulary [0, " +
                                    std::to_string(config_.vocab) + ")");
  }
  // Batches of consecutive sentences (in order of length, so batches finish together) up
  // to batch_tokens tokens each.
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return ids[a].size() < ids[b].size(); });
  std::vector<std::size_t> batch_begin{0};
  std::size_t tokens = 0;
  for (std::size_t k = 0; k < n; ++k) {
    const std::size_t len = ids[order[k]].size() + 2;
    if (tokens > 0 && tokens + len > options_.batch_tokens) {
      batch_begin.push_back(k);
      tokens = 0;
    }
    tokens += len;
  }
  batch_begin.push_back(n);

  const Weights& w = *weights_;
  // Each worker's buffers, handed from batch to batch: allocating them anew for every batch
  // cost a page fault per 4 KB touched, about a tenth of the time.
  struct Buffers {
    std::vector<float> scratch, states;
  };
  std::mutex pool_mutex;
  std::vector<std::unique_ptr<Buffers>> pool;
  ParallelOptions parallel;
  parallel.threads = threads;
  parallel_for(batch_begin.size() - 1, parallel, [&](std::size_t b) {
    const std::size_t first = batch_begin[b], last = batch_begin[b + 1];
    std::vector<std::int32_t> packed;
    std::vector<std::size_t> offsets{0};
    std::size_t longest = 0;
    for (std::size_t k = first; k < last; ++k) {
      packed.push_back(cls_id_);
      const auto& seq = ids[order[k]];
      packed.insert(packed.end(), seq.begin(), seq.end());
      packed.push_back(sep_id_);
      offsets.push_back(packed.size());
      longest = std::max(longest, seq.size() + 2);
    }
    std::unique_ptr<Buffers> buffers;
    {
      const std::lock_guard<std::mutex> lock(pool_mutex);
      if (!pool.empty()) {
        buffers = std::move(pool.back());
        pool.pop_back();
      }
    }
    if (!buffers) buffers = std::make_unique<Buffers>();
    const std::size_t need = transformer_detail::scratch_layout(w.view, packed.size(), longest).total + 16;
    if (buffers->scratch.size() < need) buffers->scratch.resize(need);
    if (buffers->states.size() < packed.size() * d) buffers->states.resize(packed.size() * d);
    const auto address = reinterpret_cast<std::uintptr_t>(buffers->scratch.data());
    float* scratch = buffers->scratch.data() + (64 - address % 64) % 64 / sizeof(float);
    Eigen::Map<DenseRows> states(buffers->states.data(), static_cast<Eigen::Index>(packed.size()),
                                 static_cast<Eigen::Index>(d));
    w.forward(w.view, packed.data(), offsets.data(), last - first, scratch, states.data());
    for (std::size_t k = first; k < last; ++k) {
      auto begin = static_cast<Eigen::Index>(offsets[k - first]);
      auto len = static_cast<Eigen::Index>(offsets[k - first + 1] - offsets[k - first]);
      if (inner_only && len > 2) begin += 1, len -= 2;
      auto block = states.middleRows(begin, len);
      Eigen::RowVectorXf v;
      switch (pooling_) {
        case Pooling::mean: v = block.colwise().sum() / static_cast<float>(len); break;
        case Pooling::cls: v = block.row(0); break;
        case Pooling::max: v = block.colwise().maxCoeff(); break;
      }
      const float norm = v.norm();
      if (norm > 0) v /= norm;
      out.row(static_cast<Eigen::Index>(order[k])) = v;
    }
    const std::lock_guard<std::mutex> lock(pool_mutex);
    pool.push_back(std::move(buffers));
  });
  return out;
}

SentenceVectors TransformerEncoder::embed(const std::vector<std::string>& sentences, int threads) const {
  SentenceVectors result;
  const std::size_t n = sentences.size();
  std::vector<std::vector<std::int32_t>> ids(n);
  result.truncated.assign(n, 0);
  result.tokens.assign(n, 0);
  ParallelOptions parallel;
  parallel.threads = threads;
  parallel_for(n, parallel, [&](std::size_t i) {
    bool cut = false;
    ids[i] = tokenize(sentences[i], &cut);
    result.truncated[i] = cut;
    result.tokens[i] = static_cast<std::uint32_t>(ids[i].size() + 2);
  });
  result.vectors = embed_ids(ids, threads);
  return result;
}

Embedding TransformerEncoder::encode(const Document& doc) const {
  std::vector<std::string> sentences;
  sentences.reserve(doc.sentences.size());
  for (const Sentence& s : doc.sentences) sentences.emplace_back(doc.text.substr(s.start, s.end - s.start));
  Embedding e;
  e.dense = true;
  e.matrix = embed(sentences, options_.threads).vectors;
  return e;
}

}  // namespace synopsis

// ICU's full lower-case mapping of the whole string (root locale), as Python's str.lower().
#include <unicode/locid.h>
#include <unicode/unistr.h>

namespace synopsis {
namespace {
std::string lowercase_utf8(std::string_view s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<std::int32_t>(s.size())));
  u.toLower(icu::Locale::getRoot());
  std::string out;
  u.toUTF8String(out);
  return out;
}
}  // namespace
}  // namespace synopsis
