#include "synopsis/stance.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string_view>
#include <unordered_set>

#include "embedded_data.hpp"
#include "synopsis/encoder.hpp"
#include "synopsis/features.hpp"
#include "synopsis/segment.hpp"

namespace synopsis {

namespace {

constexpr int kBits = 18;

// The semeval scheme's weights (set by looking at the development split of the COVID-19
// stance tweets, benchmarks/stance_data.py; no fitting):
constexpr float kOpinionBase = 0.5f;           // weight of a sentence's opinion beyond its relevance
constexpr float kContainmentRelevance = 0.4f;  // relevance of a target named only in another form
constexpr float kUnnamedTarget = 0.9f;         // how surely an opinionated text is about an unnamed target
constexpr float kBareMention = 0.5f;          // stance share of a text that names the target without opinion
// With a semantic encoder (a transformer or a static encoder), the semeval scheme also reads
// the text's meaning: its cosine to statements for and against the target. Where the opinion
// words leave a text about the target at "none", the side the text is nearer decides: the
// lean is a logistic of (cos to the favourable statements - cos to the opposed ones).
constexpr float kSemanticRelated = 0.2f;  // cosine of text and target from which a text is about it
constexpr float kSemanticSlope = 200.0f;  // lean = logistic(slope * difference of mean cosines)
constexpr float kSemanticMass = 0.6f;     // stance share given by meaning alone

bool reads_meaning(const Encoder& encoder) {
  const std::string name = encoder.name();
  return name == "transformer" || name == "static";
}

struct Polarity {
  float support = 0.0f, refute = 0.0f, hedge = 0.0f;
};

// Polarity evidence of one analysed sentence. Negation flips the support and refute cues in
// its scope ("not a hoax" supports, "did not confirm" refutes).
Polarity polarity(const SentenceAttribution& a) {
  Polarity p;
  for (const Cue& c : a.cues) {
    switch (c.kind) {
      case CueKind::support: (c.negated ? p.refute : p.support) += 1.0f; break;
      case CueKind::refute: (c.negated ? p.support : p.refute) += 1.0f; break;
      case CueKind::hedge: p.hedge += 1.0f; break;
      case CueKind::negation: break;  // counted per sentence by the caller
      case CueKind::reporting: break;
    }
  }
  if (a.reported) p.hedge += 0.5f;
  return p;
}

// Evaluative words (cpp/data/opinion/*.txt), read by the semeval scheme: a writer favours or
// opposes what a text is about mostly in words of praise and blame, seldom in the claim
// verbs of the cue lexicons.
struct OpinionLexicon {
  std::unordered_set<std::string_view> positive, negative;
  static const OpinionLexicon& english() {
    static const OpinionLexicon lexicon = [] {
      OpinionLexicon l;
      for (std::string_view w : detail::embedded_lines("opinion/positive.txt")) l.positive.insert(w);
      for (std::string_view w : detail::embedded_lines("opinion/negative.txt")) l.negative.insert(w);
      return l;
    }();
    return lexicon;
  }
};

constexpr std::size_t kNegationReach = 3;  // tokens after a negation whose opinion it flips

// Praise and blame in one sentence: support counts positive words, refute negative ones, each
// flipped within kNegationReach tokens after a negation ("not safe" blames).
Polarity opinion(const Document& doc, const Sentence& s, const SentenceAttribution& a) {
  Polarity p;
  const OpinionLexicon& lex = OpinionLexicon::english();
  for (std::size_t i = s.token_begin; i < s.token_end && i < doc.tokens.size(); ++i) {
    const Token& t = doc.tokens[i];
    if (t.kind != TokenKind::word) continue;
    const std::string_view term = doc.terms[t.term];
    const bool positive = lex.positive.count(term) > 0;
    if (!positive && lex.negative.count(term) == 0) continue;
    bool negated = false;
    for (const Cue& c : a.cues)
      negated |= c.kind == CueKind::negation && c.token_end <= i && i - c.token_end < kNegationReach;
    (positive != negated ? p.support : p.refute) += 1.0f;
  }
  return p;
}

constexpr std::size_t kGram = 4;

// Character 4-grams (bytes) of a word's normalised form, or the whole form when shorter.
template <typename Add>
void word_grams(std::string_view term, Add&& add) {
  if (term.size() <= kGram) {
    add(std::hash<std::string_view>()(term));
    return;
  }
  for (std::size_t i = 0; i + kGram <= term.size(); ++i) add(std::hash<std::string_view>()(term.substr(i, kGram)));
}

}  // namespace

std::vector<std::string> stance_statements(const std::string& target) {
  return {"I support " + target + ".", target + " is good.", "I am against " + target + ".", target + " is bad."};
}

StanceScheme parse_stance_scheme(std::string_view name) {
  if (name == "fnc") return StanceScheme::fnc;
  if (name == "semeval") return StanceScheme::semeval;
  throw std::invalid_argument("unknown stance scheme '" + std::string(name) + "': use 'fnc' or 'semeval'");
}

std::vector<std::string> stance_labels(StanceScheme scheme) {
  if (scheme == StanceScheme::fnc) return {"agree", "disagree", "discuss", "unrelated"};
  return {"favor", "against", "none"};
}

StanceTagger::StanceTagger(std::string target, StanceTaggerOptions options)
    : target_(std::move(target)), options_(std::move(options)) {
  if (options_.encoder_model) encoder_ = options_.encoder_model;
  else if (options_.encoder != "hashed") encoder_ = make_encoder(options_.encoder);  // throws for unknown names
  // Relevances are cosines in [0, 1]; a NaN or infinite threshold made every score NaN.
  if (!(options_.related_threshold >= 0.0f && options_.related_threshold <= 1.0f))
    throw std::invalid_argument("related_threshold must lie in [0, 1], got " + std::to_string(options_.related_threshold));
  if (!(options_.sentence_threshold >= 0.0f && options_.sentence_threshold <= 1.0f))
    throw std::invalid_argument("sentence_threshold must lie in [0, 1], got " +
                                std::to_string(options_.sentence_threshold));
  validate_format(options_.format);
  SegmentOptions so;
  so.language = options_.language;
  so.format = "text";  // a target is a claim or a headline, never a page
  target_doc_ = segment(target_, so);
  if (target_doc_.tokens.empty()) throw std::invalid_argument("the stance target must contain at least one word");
  for (const Cue& c : CueLexicon::english().find(target_doc_, 0, target_doc_.tokens.size()))
    if (c.kind == CueKind::hedge) target_hedged_ = 1.0f;
  std::unordered_set<std::size_t> grams;
  for (const Token& t : target_doc_.tokens)
    if (!t.is_stopword && (t.kind == TokenKind::word || t.kind == TokenKind::number))
      word_grams(target_doc_.terms[t.term], [&](std::size_t g) { grams.insert(g); });
  target_grams_.assign(grams.begin(), grams.end());
}

// Share of the target's content-word 4-grams found inside the text's words: the target named
// in another form ("#WearAMask" for "face masks", "@Fauci" for "fauci").
float StanceTagger::target_containment(const Document& doc, const std::vector<std::size_t>& sentences) const {
  if (target_grams_.empty()) return 0.0f;
  std::unordered_set<std::size_t> grams;
  for (std::size_t i : sentences) {
    const Sentence& s = doc.sentences[i];
    for (std::size_t k = s.token_begin; k < s.token_end && k < doc.tokens.size(); ++k) {
      const Token& t = doc.tokens[k];
      if (t.kind == TokenKind::word || t.kind == TokenKind::number)
        word_grams(doc.terms[t.term], [&](std::size_t g) { grams.insert(g); });
    }
  }
  std::size_t found = 0;
  for (std::size_t g : target_grams_) found += grams.count(g);
  return static_cast<float>(found) / static_cast<float>(target_grams_.size());
}

StanceResult StanceTagger::tag(std::string_view text) const {
  SegmentOptions so;
  so.language = options_.language;
  so.format = options_.format;
  return tag(segment(text, so));
}

StanceResult StanceTagger::tag(const Document& doc) const {
  StanceResult result;
  result.labels = stance_labels(options_.scheme);
  const bool fnc = options_.scheme == StanceScheme::fnc;
  const std::string off_label = fnc ? "unrelated" : "none";

  std::vector<std::size_t> kept;
  for (std::size_t i = 0; i < doc.sentences.size(); ++i)
    if (!doc.sentences[i].is_boilerplate || (options_.include_comments && doc.is_comment_text(i))) kept.push_back(i);

  // Relevance: cosines of the target with the whole text and with each sentence.
  float doc_relevance = 0.0f;
  float lean = 0.0f;  // semantic encoders, semeval: cos to the favourable statements - to the opposed
  bool has_lean = false;
  std::vector<float> sentence_relevance(kept.size(), 0.0f);
  if (encoder_) {
    // One document whose "sentences" are the target, the whole text and each sentence, so
    // that every row lives in the same columns (IDF from these units).
    std::vector<std::string> units;
    units.reserve(kept.size() + 2);
    units.emplace_back(target_);
    std::string all;
    for (std::size_t i : kept) {
      all.append(doc.sentence_text(i));
      all.push_back(' ');
    }
    units.push_back(std::move(all));
    for (std::size_t i : kept) units.emplace_back(doc.sentence_text(i));
    const bool semantic = !fnc && options_.encoder_model && reads_meaning(*encoder_) && !kept.empty();
    const std::size_t statements = units.size();
    if (semantic)
      for (std::string& statement : stance_statements(target_)) units.push_back(std::move(statement));
    Document combined = document_from_sentences(units, options_.language);
    Embedding e = encoder_->encode(combined);
    if (e.rows() == static_cast<Eigen::Index>(units.size())) {
      // Cosines with row 0 (the target), without densifying a large sparse matrix.
      std::vector<float> target_row(static_cast<std::size_t>(e.cols()), 0.0f);
      if (e.dense) {
        for (Eigen::Index c = 0; c < e.cols(); ++c) target_row[c] = e.matrix(0, c);
      } else {
        for (SparseRows::InnerIterator it(e.sparse, 0); it; ++it) target_row[it.col()] = it.value();
      }
      auto cosine = [&](Eigen::Index r) {
        float sum = 0.0f;
        if (e.dense) {
          for (Eigen::Index c = 0; c < e.cols(); ++c) sum += target_row[c] * e.matrix(r, c);
        } else {
          for (SparseRows::InnerIterator it(e.sparse, r); it; ++it) sum += target_row[it.col()] * it.value();
        }
        return sum;
      };
      doc_relevance = std::max(0.0f, cosine(1));
      for (std::size_t k = 0; k < kept.size(); ++k) sentence_relevance[k] = cosine(static_cast<Eigen::Index>(k + 2));
      if (semantic && e.dense) {
        // Rows are L2-normalised: the text's cosine to each statement is a dot product.
        auto text_dot = [&](std::size_t row) { return e.matrix.row(1).dot(e.matrix.row(static_cast<Eigen::Index>(row))); };
        lean = 0.5f * (text_dot(statements) + text_dot(statements + 1)) -
               0.5f * (text_dot(statements + 2) + text_dot(statements + 3));
        has_lean = true;
      }
    }
  } else {
    // Hashed TF-IDF with IDF from the document's sentences and the target.
    std::vector<std::vector<std::uint32_t>> terms;
    std::vector<std::uint32_t> all_terms;
    for (std::size_t i : kept) {
      const Sentence& s = doc.sentences[i];
      terms.push_back(hashed_terms(doc, s.token_begin, s.token_end, kBits));
      all_terms.insert(all_terms.end(), terms.back().begin(), terms.back().end());
    }
    std::vector<std::uint32_t> target_terms = hashed_terms(target_doc_, 0, target_doc_.tokens.size(), kBits);
    HashedTfidf tfidf(kBits);
    std::vector<std::vector<std::uint32_t>> corpus = terms;
    corpus.push_back(target_terms);
    tfidf.fit(corpus);
    SparseVector target_vec = tfidf.transform(target_terms);
    doc_relevance = std::max(0.0f, dot(target_vec, tfidf.transform(all_terms)));
    for (std::size_t k = 0; k < kept.size(); ++k) sentence_relevance[k] = dot(target_vec, tfidf.transform(terms[k]));
  }

  // Relevance-weighted evidence over the sentences that speak about the target.
  float max_rel = 0.0f, weight = 0.0f, hedged = 0.0f, best_hedged = 0.0f, best_rel = -1.0f;
  Polarity total, praise;
  float negations = 0.0f;
  for (std::size_t k = 0; k < kept.size(); ++k) {
    SentenceStance st;
    st.sentence = kept[k];
    st.relevance = std::clamp(sentence_relevance[k], 0.0f, 1.0f);
    st.analysis = attribute_sentence(doc, kept[k]);
    max_rel = std::max(max_rel, st.relevance);
    if (!fnc) {
      // Every sentence may voice the opinion: short texts seldom repeat the target's words.
      const Polarity o = opinion(doc, doc.sentences[kept[k]], st.analysis);
      const float w = kOpinionBase + st.relevance;
      praise.support += w * o.support;
      praise.refute += w * o.refute;
    }
    if (st.relevance < options_.sentence_threshold) {
      st.label = off_label;
    } else {
      Polarity p = polarity(st.analysis);
      const float w = st.relevance;
      const bool uncommitted = st.analysis.hedged || st.analysis.reported;
      weight += w;
      total.support += w * p.support;
      total.refute += w * p.refute;
      hedged += w * (uncommitted ? 1.0f : 0.0f);
      negations += w * (st.analysis.negated ? 1.0f : 0.0f);
      if (st.relevance > best_rel) best_rel = st.relevance, best_hedged = uncommitted ? 1.0f : 0.0f;
      if (p.refute > p.support) st.label = fnc ? "disagree" : "against";
      else if (fnc && uncommitted) st.label = "discuss";
      else st.label = fnc ? "agree" : "favor";
    }
    result.sentences.push_back(std::move(st));
  }
  // Document relevance: the whole text and its best sentence both count.
  const float relevance = 0.5f * doc_relevance + 0.5f * max_rel;
  result.relevance = relevance;
  // Related probability: a logistic ramp around the threshold.
  const float related = 1.0f / (1.0f + std::exp(-(relevance - options_.related_threshold) * 40.0f));
  const float inv = weight > 0.0f ? 1.0f / weight : 0.0f;
  const float hed = hedged * inv, sup = total.support * inv, ref = total.refute * inv, neg = negations * inv;

  std::vector<float> scores(result.labels.size(), 0.0f);
  if (fnc) {
    // A text agrees when it asserts what the target says (few hedged or reported sentences,
    // the most relevant one asserted); it discusses when it reports or hedges, or when the
    // target itself is hedged ("may", "reportedly"); it disagrees on refuting cues.
    float agree = 0.3f + sup + 1.2f * (1.0f - hed) * (1.0f - best_hedged);
    float discuss = 0.2f + 0.8f * hed + 0.4f * best_hedged + 0.7f * target_hedged_;
    float disagree = 0.02f + 2.0f * ref + 0.5f * neg;
    float sum = agree + disagree + discuss;
    scores = {related * agree / sum, related * disagree / sum, related * discuss / sum, 1.0f - related};
  } else {
    // Favor and against need an opinion about the target: words of praise or blame (or the
    // claim cues) in a text that names the target, in its words or in another form
    // (target_containment), or, less surely, in a text that does not name it at all.
    const float named = std::max(relevance, kContainmentRelevance * target_containment(doc, kept));
    const float on_target = 1.0f / (1.0f + std::exp(-(named - options_.related_threshold) * 40.0f));
    const float praised = praise.support + sup, blamed = praise.refute + 2.0f * ref + 0.5f * neg;
    const float opinionated = 1.0f - std::exp(-(praised + blamed));
    const float about = std::max(on_target, kUnnamedTarget * opinionated);
    const float mass = about * (kBareMention + (1.0f - kBareMention) * opinionated);
    const float favor = 0.2f + praised, against = 0.2f + blamed;
    scores = {mass * favor / (favor + against), mass * against / (favor + against), 1.0f - mass};
    result.relevance = std::max(relevance, named);
    if (has_lean && scores[2] >= std::max(scores[0], scores[1]) && doc_relevance >= kSemanticRelated) {
      // The opinion words say nothing decisive about a text that is about the target: its
      // meaning takes a side when it leans clearly enough (else it stays "none").
      const float towards_favor = 1.0f / (1.0f + std::exp(-kSemanticSlope * lean));
      scores = {kSemanticMass * towards_favor, kSemanticMass * (1.0f - towards_favor), 1.0f - kSemanticMass};
    }
  }
  result.scores = scores;
  result.label = result.labels[std::max_element(scores.begin(), scores.end()) - scores.begin()];
  return result;
}

}  // namespace synopsis
