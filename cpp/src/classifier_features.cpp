// Pair features of the stance classifier.
#include <algorithm>
#include <cmath>
#include <memory>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "synopsis/classifier.hpp"
#include "synopsis/cues.hpp"
#include "synopsis/encoder.hpp"
#include "synopsis/parallel.hpp"
#include "synopsis/segment.hpp"
#include "synopsis/stance.hpp"

namespace synopsis {

namespace {

constexpr std::size_t kNearWindow = 8;  // tokens either side of a target word
constexpr float kProbeAgreement = 0.98f;  // cosine of probe vectors from which two encoders match

const std::vector<std::string> kEmbeddingScalarNames = {"emb_cosine",          "emb_relevance_max",
                                                        "emb_relevance_mean",  "emb_relevance_first",
                                                        "emb_relevance_top3",  "emb_lean"};

const std::vector<std::string> kDenseNames = [] {
  std::vector<std::string> names = {
      "cosine",          "relevance_max",     "relevance_mean",     "relevance_argmax_position",
      "relevance_first", "relevance_top3",    "relevant_fraction",  "word_overlap",
      "bigram_overlap",  "lead_overlap",      "target_hits_log",    "text_tokens_log",
      "target_tokens_log", "hedged_fraction", "reported_fraction"};
  for (const char* where : {"text", "near", "target"})
    for (int k = 0; k < kCueKinds; ++k)
      names.push_back(std::string(where) + "_" + cue_kind_name(static_cast<CueKind>(k)));
  names.push_back("text_negated_support");
  names.push_back("text_negated_refute");
  return names;
}();

// What a distinct string contributes to every pair it is part of.
struct Analysed {
  std::vector<std::uint32_t> terms;                  // hashed content terms, whole text
  std::vector<std::vector<std::uint32_t>> sentence_terms;
  std::vector<std::uint64_t> token_stems;            // stem hash per token (0 for stopwords/punct)
  std::unordered_set<std::uint64_t> stems, bigrams, lead_stems;
  std::vector<Cue> cues;
  std::size_t sentences = 0, hedged = 0, reported = 0, content_tokens = 0;
  std::vector<std::uint64_t> ngrams;                 // hashed_ngrams (texts, from level 1)
  std::uint64_t salt = 0;                            // hash of the normalised target
  std::vector<std::string> sentence_texts;           // sentences of sentence_terms (texts, with an encoder)
};

std::uint64_t pair_hash(std::uint64_t a, std::uint64_t b) { return a * 0x9E3779B97F4A7C15ULL ^ (b + 0x632BE59BD9B4E019ULL); }

// A target's identity for the salted n-gram block: its normalised word forms, so that case
// and spacing variants of one target share their n-gram weights.
std::uint64_t target_salt(const Document& doc) {
  std::uint64_t h = 0x51A7;
  for (const Token& t : doc.tokens)
    if (t.kind == TokenKind::word || t.kind == TokenKind::number) h = stable_hash(doc.terms[t.term], h);
  return h | 1;
}

// The text's n-grams as buckets of one block (salt 0: plain; else the target's salt).
std::vector<std::uint32_t> ngram_buckets(const std::vector<std::uint64_t>& ngrams, std::uint64_t salt, int bits) {
  std::vector<std::uint32_t> out;
  out.reserve(ngrams.size());
  for (std::uint64_t h : ngrams) out.push_back(ngram_bucket(h, salt, bits));
  return out;
}

Analysed analyse(std::string_view text, int bits, const std::string& language, bool ngrams, bool sentence_texts) {
  SegmentOptions so;
  so.language = language;
  so.replace_invalid = true;
  Document doc = segment(text, so);
  Analysed a;
  if (ngrams) a.ngrams = hashed_ngrams(doc);
  a.salt = target_salt(doc);
  const CueLexicon& lex = CueLexicon::english();
  a.terms = hashed_terms(doc, 0, doc.tokens.size(), bits);
  a.token_stems.assign(doc.tokens.size(), 0);
  std::uint64_t prev = 0;
  for (std::size_t i = 0; i < doc.tokens.size(); ++i) {
    const Token& t = doc.tokens[i];
    if (t.is_stopword) continue;
    std::uint64_t h = stable_hash(doc.stems[t.stem], 7) | 1;
    a.token_stems[i] = h;
    a.stems.insert(h);
    if (t.sentence < 2) a.lead_stems.insert(h);
    if (prev) a.bigrams.insert(pair_hash(prev, h));
    prev = h;
    ++a.content_tokens;
  }
  for (std::size_t s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& sent = doc.sentences[s];
    if (sent.is_boilerplate) continue;
    a.sentence_terms.push_back(hashed_terms(doc, sent.token_begin, sent.token_end, bits));
    if (sentence_texts) a.sentence_texts.emplace_back(doc.sentence_text(s));
    std::vector<Cue> cues = lex.find(doc, sent.token_begin, sent.token_end);
    bool hedged = false, reported = false;
    for (const Cue& c : cues) {
      hedged |= c.kind == CueKind::hedge;
      reported |= c.kind == CueKind::reporting;
    }
    a.hedged += hedged;
    a.reported += reported;
    a.cues.insert(a.cues.end(), cues.begin(), cues.end());
    ++a.sentences;
  }
  return a;
}

// Segments and analyses each distinct string once.
struct AnalysedSet {
  std::vector<Analysed> items;
  std::vector<std::size_t> index_of_target, index_of_text;
  std::vector<std::string_view> distinct;  // the string behind each item
  std::vector<char> is_text;               // item i is some pair's text
};

AnalysedSet analyse_all(const std::vector<std::string>& targets, const std::vector<std::string>& texts, int bits,
                        const std::string& language, bool ngrams, bool sentence_texts, int threads,
                        const std::atomic<bool>* cancel) {
  AnalysedSet set;
  std::unordered_map<std::string_view, std::size_t> ids;
  std::vector<std::string_view> distinct;
  auto id = [&](const std::string& s) {
    auto [it, inserted] = ids.emplace(std::string_view(s), distinct.size());
    if (inserted) distinct.push_back(s);
    return it->second;
  };
  for (const auto& t : targets) set.index_of_target.push_back(id(t));
  for (const auto& t : texts) set.index_of_text.push_back(id(t));
  set.items.resize(distinct.size());
  std::vector<char> is_text(distinct.size(), 0);
  for (std::size_t i : set.index_of_text) is_text[i] = 1;
  ParallelOptions po;
  po.threads = threads;
  po.cancel = cancel;
  parallel_for(distinct.size(), po, [&](std::size_t i) {
    set.items[i] = analyse(distinct[i], bits, language, ngrams && is_text[i], sentence_texts && is_text[i]);
  });
  set.distinct.assign(distinct.begin(), distinct.end());
  set.is_text = std::move(is_text);
  return set;
}

// Rows of every string the text-vector features read, embedded in one call: each distinct
// target, its side statements (stance_statements) and each distinct text with its sentences.
struct TextVectors {
  DenseRows rows;
  std::vector<std::size_t> whole;                    // row of each distinct string
  std::vector<std::vector<std::size_t>> sentences;   // texts: rows of their sentences
  std::vector<std::size_t> statements;               // targets: row of the first of their 4 statements
};

TextVectors embed_set(const AnalysedSet& set, const Encoder& encoder, int threads) {
  TextVectors v;
  std::vector<std::string> units;
  std::unordered_map<std::string, std::size_t> row_of;
  auto row = [&](std::string text) {
    auto [it, inserted] = row_of.emplace(text, units.size());
    if (inserted) units.push_back(std::move(text));
    return it->second;
  };
  const std::size_t n = set.distinct.size();
  v.whole.resize(n);
  v.sentences.resize(n);
  v.statements.assign(n, 0);
  std::vector<char> is_target(n, 0);
  for (std::size_t i : set.index_of_target) is_target[i] = 1;
  // A text's own vector is the mean of its sentences' (computed below: no extra forward pass,
  // and a long text is read whole, not cut at the encoder's token cap); a target's, and that
  // of a text without sentences, is the encoder's vector of the string.
  std::vector<char> from_sentences(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    if (set.is_text[i])
      for (const std::string& s : set.items[i].sentence_texts) v.sentences[i].push_back(row(s));
    from_sentences[i] = !v.sentences[i].empty() && !is_target[i];
    if (!from_sentences[i]) v.whole[i] = row(std::string(set.distinct[i]));
    if (is_target[i]) {
      // Four consecutive rows, so never shared with other units.
      v.statements[i] = units.size();
      for (std::string& s : stance_statements(std::string(set.distinct[i]))) units.push_back(std::move(s));
    }
  }
  const DenseRows embedded = encoder.embed_texts(units, threads);
  if (embedded.rows() != static_cast<Eigen::Index>(units.size()) ||
      embedded.cols() != static_cast<Eigen::Index>(encoder.dimension()))
    throw std::runtime_error("the encoder returned a matrix of the wrong shape");
  std::size_t means = 0;
  for (char f : from_sentences) means += f != 0;
  v.rows.resize(embedded.rows() + static_cast<Eigen::Index>(means), embedded.cols());
  v.rows.topRows(embedded.rows()) = embedded;
  Eigen::Index next = embedded.rows();
  for (std::size_t i = 0; i < n; ++i) {
    if (!from_sentences[i]) continue;
    auto mean = v.rows.row(next);
    mean.setZero();
    for (std::size_t r : v.sentences[i]) mean += embedded.row(static_cast<Eigen::Index>(r));
    const float norm = mean.norm();
    if (norm > 0.0f) mean /= norm;
    v.whole[i] = static_cast<std::size_t>(next++);
  }
  return v;
}

float log1pf_(float x) { return std::log1p(x); }

// The text-vector features of pair (target item ti, text item xi), all dense, in the order of
// stance_embedding_feature_names: the scalars (rows are L2-normalised, so dot products are
// cosines), then the text's vector and its element-wise product with the target's vector
// scaled to unit length (the model standardises them; see StanceClassifierModel::train_weights).
void append_text_vector_features(std::vector<float>& d, const TextVectors& tv, std::size_t ti, std::size_t xi) {
  const auto target = tv.rows.row(static_cast<Eigen::Index>(tv.whole[ti]));
  const auto text = tv.rows.row(static_cast<Eigen::Index>(tv.whole[xi]));
  auto cosine = [&](std::size_t row) { return target.dot(tv.rows.row(static_cast<Eigen::Index>(row))); };
  d.push_back(target.dot(text));
  float mx = 0, sum = 0, first = 0;
  std::vector<float> rel;
  for (std::size_t r : tv.sentences[xi]) rel.push_back(cosine(r));
  for (std::size_t s = 0; s < rel.size(); ++s) {
    if (s == 0) first = mx = rel[s];
    mx = std::max(mx, rel[s]);
    sum += rel[s];
  }
  std::sort(rel.rbegin(), rel.rend());
  float top3 = 0;
  for (std::size_t s = 0; s < std::min<std::size_t>(3, rel.size()); ++s) top3 += rel[s] / 3.0f;
  d.push_back(mx);
  d.push_back(rel.empty() ? 0.0f : sum / static_cast<float>(rel.size()));
  d.push_back(first);
  d.push_back(top3);
  auto text_dot = [&](std::size_t row) { return text.dot(tv.rows.row(static_cast<Eigen::Index>(row))); };
  const std::size_t st = tv.statements[ti];
  d.push_back(0.5f * (text_dot(st) + text_dot(st + 1)) - 0.5f * (text_dot(st + 2) + text_dot(st + 3)));

  for (Eigen::Index c = 0; c < text.size(); ++c) d.push_back(text[c]);
  const Eigen::RowVectorXf product = text.cwiseProduct(target);
  const float norm = product.norm();
  for (Eigen::Index c = 0; c < product.size(); ++c) d.push_back(norm > 0.0f ? product[c] / norm : 0.0f);
}

// The text's n-gram vector at ngram_offset and (level 2) the same weights moved to the
// target's own buckets at salted_offset, colliding buckets summed.
void append_ngram_blocks(SparseVector& out, const Analysed& text, std::uint64_t salt, const SparseVector& ngrams,
                         std::uint32_t ngram_offset, std::uint32_t salted_offset, int level, int bits) {
  for (const auto& e : ngrams) out.emplace_back(e.first + ngram_offset, e.second);
  if (level < 2 || ngrams.empty()) return;
  // The n-gram vector is indexed by plain buckets; salting maps each n-gram hash anew, so the
  // weights are rebuilt from the hashes: the weight of a plain bucket goes to the salted
  // bucket of every n-gram that fell in it (once per distinct n-gram).
  std::unordered_map<std::uint32_t, float> weight;
  weight.reserve(ngrams.size());
  for (const auto& e : ngrams) weight.emplace(e.first, e.second);
  std::unordered_set<std::uint64_t> seen;
  std::unordered_map<std::uint32_t, float> salted;
  for (std::uint64_t h : text.ngrams) {
    if (!seen.insert(h).second) continue;
    auto it = weight.find(ngram_bucket(h, 0, bits));
    if (it == weight.end()) continue;
    salted[ngram_bucket(h, salt, bits)] += it->second;
  }
  SparseVector block(salted.begin(), salted.end());
  std::sort(block.begin(), block.end());
  normalize(block);
  for (const auto& e : block) out.emplace_back(e.first + salted_offset, e.second);
}

}  // namespace

const std::vector<std::string>& stance_dense_feature_names() { return kDenseNames; }

const std::vector<std::string>& stance_feature_sets() {
  static const std::vector<std::string> sets = {"words", "ngrams", "target_ngrams"};
  return sets;
}

int stance_feature_level(const std::string& features) {
  const auto& sets = stance_feature_sets();
  auto it = std::find(sets.begin(), sets.end(), features);
  if (it == sets.end()) throw std::invalid_argument("unknown stance feature set '" + features + "'");
  return static_cast<int>(it - sets.begin());
}

StanceFeaturizer::StanceFeaturizer(int hash_bits, std::string language, int level, int ngram_bits)
    : tfidf_(hash_bits), ngram_tfidf_(ngram_bits), language_(std::move(language)), level_(level) {
  if (level < 0 || level >= static_cast<int>(stance_feature_sets().size()))
    throw std::invalid_argument("stance feature level out of range");
}

StanceFeaturizer StanceFeaturizer::with_level(int level) const {
  if (level > level_) throw std::invalid_argument("a featurizer cannot gain blocks it was not fitted with");
  StanceFeaturizer f = *this;
  f.level_ = level;
  return f;
}

std::size_t StanceFeaturizer::sparse_dimension(int level) const {
  return 2 * std::size_t{tfidf_.dimension()} + static_cast<std::size_t>(level) * ngram_tfidf_.dimension();
}

std::size_t StanceFeaturizer::sparse_dimension() const { return sparse_dimension(level_); }

void StanceFeaturizer::fit(const std::vector<std::string>& targets, const std::vector<std::string>& texts,
                           int threads, const std::atomic<bool>* cancel) {
  AnalysedSet set = analyse_all(targets, texts, tfidf_.bits(), language_, level_ > 0, false, threads, cancel);
  std::vector<std::vector<std::uint32_t>> corpus, ngram_corpus;
  corpus.reserve(set.items.size());
  for (auto& a : set.items) {
    corpus.push_back(std::move(a.terms));
    if (level_ > 0 && !a.ngrams.empty()) ngram_corpus.push_back(ngram_buckets(a.ngrams, 0, ngram_tfidf_.bits()));
  }
  tfidf_.fit(corpus);
  if (level_ > 0) ngram_tfidf_.fit(ngram_corpus);
}

std::vector<PairFeatures> StanceFeaturizer::transform(const std::vector<std::string>& targets,
                                                      const std::vector<std::string>& texts, int threads,
                                                      const std::atomic<bool>* cancel) const {
  if (targets.size() != texts.size()) throw std::invalid_argument("targets and texts differ in length");
  const bool vectors = signature_.dimension() > 0;
  if (vectors && !encoder_)
    throw std::invalid_argument("this stance model reads text vectors from a '" + signature_.name +
                                "' encoder of dimension " + std::to_string(signature_.dimension()) +
                                ": give it that encoder (encoder=... when loading)");
  AnalysedSet set = analyse_all(targets, texts, tfidf_.bits(), language_, level_ > 0, vectors, threads, cancel);
  TextVectors tv;
  if (vectors) {
    if (cancel && cancel->load()) return std::vector<PairFeatures>(targets.size());  // the caller sees the cancel
    tv = embed_set(set, *encoder_, threads);
  }
  // Per distinct string: its TF-IDF vector, its sentences' vectors and its n-gram vector.
  std::vector<SparseVector> vec(set.items.size()), ngram_vec(set.items.size());
  std::vector<std::vector<SparseVector>> sent_vec(set.items.size());
  ParallelOptions po;
  po.threads = threads;
  po.cancel = cancel;
  const int nbits = ngram_tfidf_.bits();
  parallel_for(set.items.size(), po, [&](std::size_t i) {
    vec[i] = tfidf_.transform(set.items[i].terms);
    for (const auto& st : set.items[i].sentence_terms) sent_vec[i].push_back(tfidf_.transform(st));
    if (level_ > 0 && !set.items[i].ngrams.empty())
      ngram_vec[i] = ngram_tfidf_.transform(ngram_buckets(set.items[i].ngrams, 0, nbits));
  });
  const std::uint32_t ngram_offset = 2 * tfidf_.dimension(), salted_offset = ngram_offset + ngram_tfidf_.dimension();

  const std::uint32_t dim = tfidf_.dimension();
  std::vector<PairFeatures> out(targets.size());
  parallel_for(targets.size(), po, [&](std::size_t p) {
    const std::size_t ti = set.index_of_target[p], xi = set.index_of_text[p];
    const Analysed& T = set.items[ti];
    const Analysed& X = set.items[xi];
    PairFeatures& f = out[p];
    f.sparse = vec[ti];
    for (const auto& e : vec[xi]) f.sparse.emplace_back(e.first + dim, e.second);
    std::vector<float> vector_scalars;  // dense, after the pair features
    if (vectors) append_text_vector_features(vector_scalars, tv, ti, xi);
    if (level_ >= 1) append_ngram_blocks(f.sparse, X, T.salt, ngram_vec[xi], ngram_offset, salted_offset, level_, nbits);
    std::vector<float>& d = f.dense;
    d.reserve(dense_dimension());
    d.push_back(dot(vec[ti], vec[xi]));
    // relevance profile over the text's sentences
    const auto& sv = sent_vec[xi];
    float mx = 0, sum = 0, first = 0;
    std::size_t arg = 0, relevant = 0;
    std::vector<float> rel;
    for (std::size_t s = 0; s < sv.size(); ++s) {
      float r = dot(vec[ti], sv[s]);
      rel.push_back(r);
      if (s == 0) first = r;
      if (r > mx) mx = r, arg = s;
      sum += r;
      relevant += r > 0.1f;
    }
    std::sort(rel.rbegin(), rel.rend());
    float top3 = 0;
    for (std::size_t s = 0; s < std::min<std::size_t>(3, rel.size()); ++s) top3 += rel[s] / 3.0f;
    const float n = static_cast<float>(std::max<std::size_t>(1, sv.size()));
    d.push_back(mx);
    d.push_back(sum / n);
    d.push_back(sv.size() > 1 ? static_cast<float>(arg) / (n - 1) : 0.0f);
    d.push_back(first);
    d.push_back(top3);
    d.push_back(relevant / n);
    // overlap
    std::size_t hits = 0, lead = 0, bihits = 0;
    for (std::uint64_t h : T.stems) {
      hits += X.stems.count(h);
      lead += X.lead_stems.count(h);
    }
    for (std::uint64_t h : T.bigrams) bihits += X.bigrams.count(h);
    d.push_back(T.stems.empty() ? 0.0f : float(hits) / T.stems.size());
    d.push_back(T.bigrams.empty() ? 0.0f : float(bihits) / T.bigrams.size());
    d.push_back(T.stems.empty() ? 0.0f : float(lead) / T.stems.size());
    std::size_t occurrences = 0;
    std::vector<char> near(X.token_stems.size(), 0);
    for (std::size_t i = 0; i < X.token_stems.size(); ++i)
      if (X.token_stems[i] && T.stems.count(X.token_stems[i])) {
        ++occurrences;
        std::size_t lo = i >= kNearWindow ? i - kNearWindow : 0, hi = std::min(X.token_stems.size(), i + kNearWindow + 1);
        for (std::size_t j = lo; j < hi; ++j) near[j] = 1;
      }
    d.push_back(log1pf_(float(occurrences)));
    d.push_back(log1pf_(float(X.content_tokens)));
    d.push_back(log1pf_(float(T.content_tokens)));
    d.push_back(X.sentences ? float(X.hedged) / X.sentences : 0.0f);
    d.push_back(X.sentences ? float(X.reported) / X.sentences : 0.0f);
    // cue counts: text, near target words, target
    float text_counts[kCueKinds] = {0}, near_counts[kCueKinds] = {0}, target_counts[kCueKinds] = {0};
    float neg_support = 0, neg_refute = 0;
    for (const Cue& c : X.cues) {
      int k = static_cast<int>(c.kind);
      text_counts[k] += 1;
      if (c.token_begin < near.size() && near[c.token_begin]) near_counts[k] += 1;
      if (c.negated && c.kind == CueKind::support) neg_support += 1;
      if (c.negated && c.kind == CueKind::refute) neg_refute += 1;
    }
    for (const Cue& c : T.cues) target_counts[static_cast<int>(c.kind)] += 1;
    for (float v : text_counts) d.push_back(log1pf_(v));
    for (float v : near_counts) d.push_back(log1pf_(v));
    for (float v : target_counts) d.push_back(std::min(v, 3.0f));
    d.push_back(log1pf_(neg_support));
    d.push_back(log1pf_(neg_refute));
    d.insert(d.end(), vector_scalars.begin(), vector_scalars.end());
  });
  return out;
}

std::vector<std::string> stance_embedding_feature_names(std::size_t dimension) {
  std::vector<std::string> names = kEmbeddingScalarNames;
  for (const char* block : {"emb_text_", "emb_product_"})
    for (std::size_t i = 0; i < dimension; ++i) names.push_back(block + std::to_string(i));
  return names;
}

const char* const kStanceEncoderProbe = "The council said on Monday that the new bridge would open next spring.";

EncoderSignature EncoderSignature::of(const Encoder& encoder) {
  if (encoder.dimension() == 0)
    throw std::invalid_argument("the stance classifier reads fixed-length text vectors, which the '" + encoder.name() +
                                "' encoder does not give: use a TransformerEncoder or a StaticEncoder");
  DenseRows probe = encoder.embed_texts({kStanceEncoderProbe}, 1);
  EncoderSignature s;
  s.name = encoder.name();
  s.probe.assign(probe.data(), probe.data() + probe.size());
  return s;
}

void EncoderSignature::check(const Encoder& encoder) const {
  const std::string wanted = "'" + name + "' encoder of dimension " + std::to_string(dimension());
  if (encoder.name() != name || encoder.dimension() != dimension())
    throw std::invalid_argument("this stance model was trained with a " + wanted + ", not a '" + encoder.name() +
                                "' encoder of dimension " + std::to_string(encoder.dimension()));
  const EncoderSignature other = of(encoder);
  float agreement = 0.0f;
  for (std::size_t i = 0; i < probe.size(); ++i) agreement += probe[i] * other.probe[i];
  if (!(agreement >= kProbeAgreement))
    throw std::invalid_argument("this stance model was trained with another " + wanted +
                                " (its vectors differ from this encoder's: cosine " + std::to_string(agreement) +
                                " on a probe sentence)");
}

void StanceFeaturizer::set_encoder(std::shared_ptr<const Encoder> encoder) {
  if (!encoder) {
    encoder_.reset();
    signature_ = {};
    return;
  }
  if (signature_.dimension() > 0) signature_.check(*encoder);
  else signature_ = EncoderSignature::of(*encoder);
  encoder_ = std::move(encoder);
}

void StanceFeaturizer::expect_encoder(EncoderSignature signature) {
  encoder_.reset();
  signature_ = std::move(signature);
}

std::size_t StanceFeaturizer::dense_dimension() const {
  const std::size_t d = signature_.dimension();
  return kDenseNames.size() + (d ? kEmbeddingScalarNames.size() + 2 * d : 0);
}

}  // namespace synopsis
