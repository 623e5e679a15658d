// Zero-shot stance tagging: what does a text say about a target?
//
// Relevance of each sentence to the target comes from a sentence encoder (encoder.hpp; IDF
// from the text's own sentences); polarity comes from the cue lexicons with
// negation scope ("not a hoax" supports, "did not confirm" refutes); hedges and attribution
// mark reported, uncommitted sentences. With a semantic encoder (transformer or static) the
// semeval scheme also reads meaning: a text about the target that the opinion words leave at
// "none" takes the side of the statements built from the target ("I support X.", "X is bad.",
// ...) it is nearer. No training data is needed.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "synopsis/attribution.hpp"
#include "synopsis/document.hpp"

namespace synopsis {

class Encoder;

enum class StanceScheme { fnc, semeval };

// Labels of a scheme, in score order: fnc -> agree, disagree, discuss, unrelated;
// semeval -> favor, against, none. Throws std::invalid_argument for an unknown name.
StanceScheme parse_stance_scheme(std::string_view name);
std::vector<std::string> stance_labels(StanceScheme scheme);

// Statements of the two sides built from a target (English), favourable ones first:
// "I support X.", "X is good.", "I am against X.", "X is bad.". A text's lean is its mean
// cosine to the first two minus that to the last two (StanceTagger and StanceClassifier).
std::vector<std::string> stance_statements(const std::string& target);

struct StanceTaggerOptions {
  StanceScheme scheme = StanceScheme::fnc;
  std::string encoder = "tfidf";   // a sentence encoder name ("tfidf", "bm25", "bm25+", "lsa"),
                                   // or "hashed" (the classifier's hashed TF-IDF)
  std::string language = "en";
  std::string format = "auto";      // of the texts tagged: "auto", "text" or "html" (segment.hpp)
  float related_threshold = 0.12f;  // document relevance below this: unrelated / none
  float sentence_threshold = 0.08f; // a sentence below this relevance takes no part in polarity
  bool include_comments = false;    // readers' comments count as part of the text
  std::shared_ptr<const Encoder> encoder_model;  // when set, relevance comes from this encoder
                                                 // (e.g. a TransformerEncoder), not from `encoder`
};

struct SentenceStance {
  std::size_t sentence = 0;
  std::string label;       // a label of the scheme
  float relevance = 0.0f;  // cosine of target and sentence, in [0, 1]
  SentenceAttribution analysis;  // cues, attribution, hedging
};

struct StanceResult {
  std::string label;
  std::vector<std::string> labels;  // the scheme's labels
  std::vector<float> scores;        // one per label, summing to 1
  float relevance = 0.0f;           // document relevance to the target
  std::vector<SentenceStance> sentences;  // every sentence that is not boilerplate (comments on request)
};

class StanceTagger {
 public:
  // Throws std::invalid_argument for an empty target or an unknown encoder.
  StanceTagger(std::string target, StanceTaggerOptions options = {});

  StanceResult tag(const Document& doc) const;
  StanceResult tag(std::string_view text) const;

  const std::string& target() const { return target_; }
  const StanceTaggerOptions& options() const { return options_; }

 private:
  std::string target_;
  StanceTaggerOptions options_;
  Document target_doc_;
  std::shared_ptr<const Encoder> encoder_;  // null for "hashed"
  float target_hedged_ = 0.0f;  // 1 when the target itself holds a hedge cue
  std::vector<std::size_t> target_grams_;  // hashed character 4-grams of the target's content words

  float target_containment(const Document& doc, const std::vector<std::size_t>& sentences) const;
};

}  // namespace synopsis
