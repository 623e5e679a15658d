// Shared pieces of the keyphrase methods (private to the library).
#pragma once

#include <cstdint>
#include <vector>

#include "synopsis/keywords.hpp"

namespace synopsis::detail {

// A word of a sentence: one token, or tokens joined by hyphens.
struct Unit {
  std::uint32_t token_begin = 0, token_end = 0;
  std::uint32_t position = 0;  // token position of its first token
  std::uint32_t end = 0;       // byte end, possessive suffix excluded
  bool content = false, numeric = false, possessive = false, no_end = false;
  bool participle = false;  // a past tense or participle form: starts a new run when inside one
};

struct CandidateSet {
  std::vector<Candidate> candidates;         // in order of first occurrence
  std::vector<std::uint32_t> sentences;       // eligible sentences (prose, and the title when asked)
  std::vector<std::uint32_t> first_position;  // token position where each eligible sentence starts
  std::uint32_t positions = 0;               // tokens in eligible sentences
};

CandidateSet find_candidates(const Document& doc, const CandidateOptions& options);

// Scores of every candidate (same order) by one method; higher is better.
std::vector<double> word_graph_scores(const Document& doc, const CandidateSet& set, const KeywordOptions& options);
std::vector<double> topic_scores(const Document& doc, const CandidateSet& set, const KeywordOptions& options);
std::vector<double> embedrank_scores(const Document& doc, const CandidateSet& set, const KeywordOptions& options);

// TF-IDF of every candidate (KeywordMethod::tfidf, and ::positiontfidf with its first-position
// prior). Document frequencies come from df when it holds documents, else from the bundled table
// of the document's language (KeywordOptions::idf == IdfSource::bundled), else from the
// document's own sentences.
std::vector<double> tfidf_scores(const Document& doc, const CandidateSet& set, const KeywordOptions& options,
                                 const DocumentFrequency* df);

// TextRank keeps only phrases made of top-ranked words; it returns new candidates (runs of top
// words inside the original ones) with their scores.
void textrank_phrases(const Document& doc, CandidateSet& set, std::vector<double>& scores, const KeywordOptions& options);

}  // namespace synopsis::detail
