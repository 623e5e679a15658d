// Keyphrase extraction: candidate phrases from the document model, ranked by a word graph
// (TextRank, SingleRank, PositionRank), a graph of topics (TopicRank, MultipartiteRank),
// TF-IDF, or TF-IDF with a prior for phrases that appear early (PositionTfidf, the default:
// news puts its subject first).
//
// Candidates are maximal runs of content words inside one sentence of prose (or the title):
// stopwords, punctuation between words and sentence ends delimit them; a hyphen does not
// ("987-foot tanker"). Labelled notes in parentheses ("(Source: ...)") are not prose. Phrases are matched by their stems, so "oil spills" and "oil spill"
// are one candidate.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "synopsis/document.hpp"

namespace synopsis {

class Encoder;

enum class KeywordMethod { textrank, singlerank, positionrank, topicrank, multipartiterank, tfidf, positiontfidf,
                           embedrank };

// "textrank" -> KeywordMethod::textrank, ...; throws std::invalid_argument naming the allowed
// values for anything else.
KeywordMethod keyword_method(std::string_view name);
std::string_view keyword_method_name(KeywordMethod method);
// The allowed method names, for messages and help texts: "textrank, singlerank, ...".
std::string keyword_method_names();

struct CandidateOptions {
  int max_words = 4;             // longest phrase in words ("987-foot" is one word); longer runs are dropped
  bool include_title = true;     // candidates from the headline as well as from prose
  bool include_comments = false; // candidates from readers' comments as well
  bool verb_heuristic = true;    // English: treat common verbs ("said"), -ly adverbs, a lowercase
                                 // word after "to" or a modal, and prepositions missing from the
                                 // stopwords as delimiters; a past participle inside a run starts
                                 // a new run and never ends a phrase
};

// One occurrence of a candidate: a span of Document::text (bytes) and its word position.
struct CandidateOccurrence {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  std::uint32_t sentence = 0;
  std::uint32_t position = 0;     // index of its first token among the tokens candidates are drawn from
  std::uint32_t token_begin = 0;  // tokens [token_begin, token_end) of the Document
  std::uint32_t token_end = 0;
};

struct Candidate {
  std::string key;                   // stems joined by spaces: the normalised identity
  std::vector<std::uint32_t> stems;  // Document::stems ids, in phrase order
  std::vector<CandidateOccurrence> occurrences;  // in text order
};

// The candidates of a document in order of first occurrence.
std::vector<Candidate> keyphrase_candidates(const Document& doc, const CandidateOptions& options = {});

// Candidate keys of a phrase given as text ("Oil spills" -> "oil spill"), in the language's
// stems; empty when the phrase has no content word.
std::string keyphrase_key(std::string_view phrase, std::string_view language = "en");

// Document frequencies of candidate keys over a corpus, for the TF-IDF methods.
class DocumentFrequency {
 public:
  // Counts each candidate of doc once.
  void add_document(const Document& doc, const CandidateOptions& options = {});
  // Adds a (key, count) entry directly; count documents contain the phrase with that key.
  void add(const std::string& key, std::uint64_t count);
  void set_documents(std::uint64_t n) { documents_ = n; }
  // Merges another table (e.g. one built on another thread).
  void merge(const DocumentFrequency& other);

  std::uint64_t documents() const { return documents_; }
  std::uint64_t frequency(const std::string& key) const;
  const std::unordered_map<std::string, std::uint64_t>& table() const { return table_; }

 private:
  std::uint64_t documents_ = 0;
  std::unordered_map<std::string, std::uint64_t> table_;
};

// The document-frequency table shipped with synopsis for a language ("en": candidate keys of
// news articles, cpp/data/keywords/df_en.txt, built by scripts/build_df_table.py), or nullptr
// when there is none. Parsed once, on first use; safe to call from any thread.
const DocumentFrequency* bundled_document_frequency(std::string_view language);

// Where the TF-IDF methods take document frequencies from when extract_keywords gets no table.
enum class IdfSource {
  bundled,   // the bundled table of the document's language; the document's sentences without one
  document,  // the document's own sentences (each sentence counts as a document)
};

// How equal-stem and overlapping phrases are thinned out of the ranking.
enum class KeywordDedup {
  none,      // every candidate, in score order
  subsumed,  // drop a phrase whose words form a contiguous part of a higher-ranked phrase
  overlap,   // also drop a phrase that contains a higher-ranked phrase
};

struct KeywordOptions {
  KeywordMethod method = KeywordMethod::positiontfidf;
  std::size_t top = 10;        // phrases returned (>= 1)
  int window = 0;              // co-occurrence window in tokens; 0: the method's default
                               // (textrank 2 over content words, singlerank/positionrank 10)
  double damping = 0.85;       // PageRank damping
  double length_exponent = 0.5;  // word-graph methods: phrase score = sum of its word scores
                                 // / words^length_exponent (0: the plain sum of the papers,
                                 // which favours long phrases)
  double cluster_threshold = 0.74;  // topicrank/multipartiterank: average-linkage distance cut
  double alpha = 1.1;          // multipartiterank: weight of the first-occurrence boost
  IdfSource idf = IdfSource::bundled;  // tfidf/positiontfidf when no table is passed
  double position_decay = 360.0;  // positiontfidf: a phrase first seen at token t is weighted
                                  // exp(-t / position_decay) (360 tokens: about 2,000 characters)
  KeywordDedup dedup = KeywordDedup::subsumed;
  CandidateOptions candidates;
  // embedrank (keywords_embedrank.cpp): the encoder of sentences and phrases (null: TF-IDF)
  // and the MMR weight against redundancy (0, the default: plain EmbedRank, the cosine to the
  // document; MMR lowered F1@10 on DUC-2001, benchmarks/keywords_quality.py).
  std::shared_ptr<const Encoder> encoder;
  double diversity = 0.0;
};

// Throws std::invalid_argument with a message naming the option when a value is out of range.
void validate(const KeywordOptions& options);

struct Keyword {
  std::string phrase;  // the most frequent surface form (first seen on ties)
  std::string key;     // stems joined by spaces
  double score = 0.0;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> offsets;  // byte spans of every occurrence

  std::size_t count() const { return offsets.size(); }
};

// The top keyphrases of a document, best first; deterministic. `df` (optional) supplies the
// document frequencies for the TF-IDF methods; without it options.idf says where they come from.
std::vector<Keyword> extract_keywords(const Document& doc, const KeywordOptions& options = {},
                                      const DocumentFrequency* df = nullptr);

}  // namespace synopsis
