// Extractive summarisation: encode the prose sentences, build their similarity graph, rank
// them, and select within a budget. Headings and boilerplate are never chosen.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "synopsis/document.hpp"
#include "synopsis/encoder.hpp"
#include "synopsis/graph.hpp"
#include "synopsis/rank.hpp"

namespace synopsis {

struct SummarizeOptions {
  std::string method = "pacsum";  // "pacsum", "textrank", "lexrank", "lead"
  std::string encoder = "tfidf";  // "tfidf", "bm25", "bm25+", "lsa"; unused when encoder_object is set
  std::shared_ptr<const Encoder> encoder_object;  // a configured (possibly fitted) encoder

  // Budget: every budget that is set holds. When none is set, the summary has
  // kDefaultSentences sentences; a ratio or word budget alone replaces that default.
  static constexpr std::size_t kDefaultSentences = 3;
  std::optional<std::size_t> sentences;  // unset; >= 1: at most this many sentences
  std::optional<double> ratio;           // unset; (0, 1]: at most round(ratio * prose sentences), at least 1
  std::optional<std::size_t> words;      // unset; >= 1: at most this many words (whitespace-separated)

  // The sentence-count limit these budgets give (0: none).
  std::size_t sentence_limit() const {
    if (sentences) return *sentences;
    return ratio || words ? 0 : kDefaultSentences;
  }

  double diversity = 0.0;  // [0, 1]: MMR weight of redundancy with sentences already chosen
  std::string query;       // personalises the ranking toward this text
  bool use_title = true;   // without a query, personalise toward the document's headline
  double query_weight = 0.5;   // [0, 1]: pull of the query
  double title_weight = 0.1;   // [0, 1]: pull of the headline when there is no query
  std::string language = "en";  // for segmenting the text and the query
  std::string format = "auto";   // of the text: "auto" (HTML when it starts like a page), "text", "html"
  bool include_comments = false;  // readers' comments may be chosen too (other furniture never is)

  // TextRank and LexRank
  double damping = 0.85;
  double tolerance = 1e-6;
  int max_iterations = 200;
  double lexrank_threshold = 0.1;  // LexRank: edges <= this are dropped and the rest get weight 1;
                                   // 0 gives continuous LexRank (weighted edges)
  // PacSum: position-aware directed centrality, plus a prior 1 / (1 + position among prose)
  // for early sentences. Which of two settings applies depends on the share of the prose the
  // budget asks for (see README, "Default"). A lede-sized summary (fewer sentences than
  // lede_share of the prose: three of a 30-sentence article) gets the lede setting, tuned on
  // CNN/DailyMail validation highlights: edges to earlier sentences count against a sentence,
  // so the sentences that open topics rise. A longer summary gets the coverage setting, tuned
  // on BBC News Summary: edges weighted alike, a light prior.
  PositionCentralityOptions pacsum{1.0, 1.0, 0.0};  // coverage: lambda1, lambda2, beta
  double position_weight = 0.25;                     // coverage: weight of the prior
  double lede_share = 0.2;      // [0, 1]: budgets below this share of the prose are lede-sized (0: never)
  double lede_lambda1 = -1.0;   // lede-sized: replaces pacsum.lambda1
  double lede_position_weight = 0.5;  // lede-sized: replaces position_weight

  GraphOptions graph;
};

struct SummarySentence {
  std::uint32_t index = 0;  // sentence index in the Document
  std::uint32_t start = 0;  // byte offsets into Document::text
  std::uint32_t end = 0;
  double score = 0.0;       // ranking score in [0, 1] (1 = the best sentence)
};

struct Summary {
  std::vector<SummarySentence> sentences;  // in document order
};

// The only validator of the options: throws std::invalid_argument naming the allowed values
// for an unknown method or encoder, a budget below 1 or outside (0, 1], a non-finite or
// out-of-range weight or tuning value.
void validate(const SummarizeOptions& options);

const std::vector<std::string>& summarize_methods();

// Summarises a segmented document. `embeddings` (optional) replaces the encoder: one row per
// sentence of doc (all sentences, as doc.sentences), compared by cosine.
Summary summarize(const Document& doc, const SummarizeOptions& options = {}, const DenseRows* embeddings = nullptr);

// Segments text with options.language, then summarises it.
Summary summarize(std::string_view text, const SummarizeOptions& options = {});

// Words in a span as summarize() counts them for the word budget (whitespace-separated runs).
std::size_t count_words(std::string_view text);

}  // namespace synopsis
