// Document frequencies and the TF-IDF keyphrase methods: tables built with fit(), the table
// bundled for English, and the document's own sentences as the corpus when there is no table.
#include <charconv>
#include <cmath>
#include <memory>
#include <stdexcept>
#include <string>

#include "embedded_data.hpp"
#include "keywords_internal.hpp"
#include "synopsis/keywords.hpp"
#include "synopsis/language.hpp"

namespace synopsis {

void DocumentFrequency::add_document(const Document& doc, const CandidateOptions& options) {
  ++documents_;
  for (const Candidate& c : detail::find_candidates(doc, options).candidates) ++table_[c.key];
}

void DocumentFrequency::add(const std::string& key, std::uint64_t count) {
  if (!key.empty()) table_[key] += count;
}

void DocumentFrequency::merge(const DocumentFrequency& other) {
  documents_ += other.documents_;
  for (const auto& [k, v] : other.table_) table_[k] += v;
}

std::uint64_t DocumentFrequency::frequency(const std::string& key) const {
  auto it = table_.find(key);
  return it == table_.end() ? 0 : it->second;
}

namespace {

std::uint64_t parse_count(std::string_view text, std::string_view file) {
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size())
    throw std::logic_error("malformed count '" + std::string(text) + "' in " + std::string(file));
  return value;
}

// keywords/df_<language>.txt: a line "documents<TAB>N", then "key<TAB>count" lines.
std::unique_ptr<const DocumentFrequency> load_table(std::string_view file) {
  const std::vector<std::string_view> lines = detail::embedded_lines(file);
  if (lines.empty()) return nullptr;
  auto df = std::make_unique<DocumentFrequency>();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::size_t tab = lines[i].find('\t');
    if (tab == std::string_view::npos) throw std::logic_error("line without a tab in " + std::string(file));
    const std::string_view key = lines[i].substr(0, tab);
    const std::uint64_t count = parse_count(lines[i].substr(tab + 1), file);
    if (i == 0) {
      if (key != "documents") throw std::logic_error(std::string(file) + " must start with its document count");
      df->set_documents(count);
    } else {
      df->add(std::string(key), count);
    }
  }
  return df;
}

}  // namespace

const DocumentFrequency* bundled_document_frequency(std::string_view language) {
  // "en", "EN", "en-GB", "en_US": the primary subtag decides; a malformed code has no table.
  try {
    if (primary_language(language) != "en") return nullptr;
  } catch (const std::invalid_argument&) {
    return nullptr;
  }
  static const std::unique_ptr<const DocumentFrequency> english = load_table("keywords/df_en.txt");
  return english.get();
}

namespace detail {

std::vector<double> tfidf_scores(const Document& doc, const CandidateSet& set, const KeywordOptions& options,
                                 const DocumentFrequency* df) {
  if (!df || df->documents() == 0)
    df = options.idf == IdfSource::bundled ? bundled_document_frequency(doc.language) : nullptr;
  const bool position = options.method == KeywordMethod::positiontfidf;
  std::vector<double> scores(set.candidates.size());
  for (std::size_t i = 0; i < set.candidates.size(); ++i) {
    const Candidate& c = set.candidates[i];
    double tf = static_cast<double>(c.occurrences.size());
    double n, f;
    if (df) {
      n = static_cast<double>(df->documents());
      f = static_cast<double>(df->frequency(c.key));
      // With a corpus behind the IDF, repeats inside the document are damped; the sentence
      // table below already discounts a phrase found in many of the document's sentences.
      if (position) tf = std::sqrt(tf);
    } else {  // the document's own sentences are the corpus
      n = static_cast<double>(set.sentences.size());
      std::size_t sentences = 0;
      std::uint32_t last = ~std::uint32_t{0};
      for (const CandidateOccurrence& o : c.occurrences)
        if (o.sentence != last) ++sentences, last = o.sentence;
      f = static_cast<double>(sentences);
    }
    double score = tf * std::log((n + 1.0) / (f + 1.0) + 1.0);
    if (position) score *= std::exp(-static_cast<double>(c.occurrences.front().position) / options.position_decay);
    scores[i] = score;
  }
  return scores;
}

}  // namespace detail
}  // namespace synopsis
