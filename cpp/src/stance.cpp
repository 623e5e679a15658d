#include "synopsis/stance.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <unordered_set>

#include "synopsis/features.hpp"

namespace synopsis {

namespace {

constexpr int kBits = 18;

struct Polarity {
  float support = 0.0f, refute = 0.0f, hedge = 0.0f;
};

// Polarity evidence of one analysed sentence. Negation flips support and refute cues; a
// negation that is not itself part of a cue counts as weak refutation of what the sentence
// says about the target.
Polarity polarity(const SentenceAttribution& a) {
  Polarity p;
  for (const Cue& c : a.cues) {
    switch (c.kind) {
      case CueKind::support: (c.negated ? p.refute : p.support) += 1.0f; break;
      case CueKind::refute: (c.negated ? p.support : p.refute) += 1.0f; break;
      case CueKind::hedge: p.hedge += 1.0f; break;
      case CueKind::negation: p.refute += 0.25f; break;
      case CueKind::reporting: break;
    }
  }
  if (a.reported) p.hedge += 0.5f;
  return p;
}

}  // namespace

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
  if (options_.encoder != "tfidf")
    throw std::invalid_argument("unknown encoder '" + options_.encoder + "' for the stance tagger: use 'tfidf'");
  // Relevances are cosines in [0, 1]; a NaN or infinite threshold made every score NaN.
  if (!(options_.related_threshold >= 0.0f && options_.related_threshold <= 1.0f))
    throw std::invalid_argument("related_threshold must lie in [0, 1], got " + std::to_string(options_.related_threshold));
  if (!(options_.sentence_threshold >= 0.0f && options_.sentence_threshold <= 1.0f))
    throw std::invalid_argument("sentence_threshold must lie in [0, 1], got " +
                                std::to_string(options_.sentence_threshold));
  SegmentOptions so;
  so.language = options_.language;
  target_doc_ = segment(target_, so);
  if (target_doc_.tokens.empty()) throw std::invalid_argument("the stance target must contain at least one word");
}

StanceResult StanceTagger::tag(std::string_view text) const {
  SegmentOptions so;
  so.language = options_.language;
  return tag(segment(text, so));
}

StanceResult StanceTagger::tag(const Document& doc) const {
  StanceResult result;
  result.labels = stance_labels(options_.scheme);
  const bool fnc = options_.scheme == StanceScheme::fnc;
  const std::string off_label = fnc ? "unrelated" : "none";

  std::vector<std::size_t> kept;
  for (std::size_t i = 0; i < doc.sentences.size(); ++i)
    if (!doc.sentences[i].is_boilerplate) kept.push_back(i);

  // IDF from the document's sentences and the target: words in every sentence weigh less.
  std::vector<std::vector<std::uint32_t>> terms;
  std::vector<std::uint32_t> all_terms;
  for (std::size_t i : kept) {
    const Sentence& s = doc.sentences[i];
    terms.push_back(hashed_terms(doc, s.token_begin, s.token_end, kBits));
    all_terms.insert(all_terms.end(), terms.back().begin(), terms.back().end());
  }
  std::vector<std::uint32_t> target_terms = hashed_terms(target_doc_, 0, target_doc_.tokens.size(), kBits);
  HashedTfidf tfidf(kBits);
  {
    std::vector<std::vector<std::uint32_t>> corpus = terms;
    corpus.push_back(target_terms);
    tfidf.fit(corpus);
  }
  SparseVector target_vec = tfidf.transform(target_terms);
  SparseVector doc_vec = tfidf.transform(all_terms);
  const float doc_relevance = std::max(0.0f, dot(target_vec, doc_vec));

  float max_rel = 0.0f;
  Polarity total;
  for (std::size_t k = 0; k < kept.size(); ++k) {
    SentenceStance st;
    st.sentence = kept[k];
    st.relevance = std::clamp(dot(target_vec, tfidf.transform(terms[k])), 0.0f, 1.0f);
    st.analysis = attribute_sentence(doc, kept[k]);
    max_rel = std::max(max_rel, st.relevance);
    if (st.relevance < options_.sentence_threshold) {
      st.label = off_label;
    } else {
      Polarity p = polarity(st.analysis);
      total.support += st.relevance * p.support;
      total.refute += st.relevance * p.refute;
      total.hedge += st.relevance * p.hedge;
      if (p.refute > p.support) st.label = fnc ? "disagree" : "against";
      else if (fnc && p.hedge > 0.0f) st.label = "discuss";
      else st.label = fnc ? "agree" : "favor";
    }
    result.sentences.push_back(std::move(st));
  }
  // Document relevance: the whole text and its best sentence both count.
  const float relevance = 0.5f * doc_relevance + 0.5f * max_rel;
  result.relevance = relevance;
  // Related probability: a logistic ramp around the threshold.
  const float related = 1.0f / (1.0f + std::exp(-(relevance - options_.related_threshold) * 40.0f));

  std::vector<float> scores(result.labels.size(), 0.0f);
  if (fnc) {
    // Priors: most related news texts discuss a claim; evidence shifts the mass.
    float agree = 0.30f + total.support, disagree = 0.05f + 0.8f * total.refute, discuss = 0.45f + total.hedge;
    float sum = agree + disagree + discuss;
    scores = {related * agree / sum, related * disagree / sum, related * discuss / sum, 1.0f - related};
  } else {
    float favor = 0.5f + total.support + 0.3f * total.hedge, against = 0.2f + total.refute;
    float sum = favor + against;
    scores = {related * favor / sum, related * against / sum, 1.0f - related};
  }
  result.scores = scores;
  result.label = result.labels[std::max_element(scores.begin(), scores.end()) - scores.begin()];
  return result;
}

}  // namespace synopsis
