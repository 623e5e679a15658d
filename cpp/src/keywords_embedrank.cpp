// EmbedRank (Bennani-Smires et al. 2018): each candidate phrase is embedded with the same
// sentence encoder as the document, and ranked by the cosine of its vector to the document's;
// with diversity > 0, EmbedRank++'s maximal marginal relevance picks the order instead: each
// turn takes the phrase that is close to the document and far from the phrases already taken,
// both similarities rescaled as the paper does (min-max, then standardised around 0.5).
//
// The document vector is the normalised mean of its eligible sentences' vectors (a long text
// does not fit a transformer's token cap whole). Sentences and phrases are encoded together,
// so a lexical encoder's columns are shared by both.
#include <algorithm>
#include <cmath>
#include <limits>

#include "keywords_internal.hpp"
#include "synopsis/encoder.hpp"

namespace synopsis::detail {

namespace {

// Min-max to [0, 1], then (x - mean) / std + 0.5, as EmbedRank++ normalises similarities.
void rescale(std::vector<double>& x) {
  if (x.empty()) return;
  const auto [lo, hi] = std::minmax_element(x.begin(), x.end());
  const double a = *lo, range = *hi - *lo;
  if (!(range > 0)) {
    std::fill(x.begin(), x.end(), 0.5);
    return;
  }
  double mean = 0;
  for (double& v : x) mean += (v = (v - a) / range);
  mean /= static_cast<double>(x.size());
  double var = 0;
  for (double v : x) var += (v - mean) * (v - mean);
  const double sd = std::sqrt(var / static_cast<double>(x.size()));
  for (double& v : x) v = sd > 0 ? 0.5 + (v - mean) / sd : 0.5;
}

}  // namespace

std::vector<double> embedrank_scores(const Document& doc, const CandidateSet& set, const KeywordOptions& options) {
  const std::size_t n = set.candidates.size();
  std::vector<std::string> texts;
  texts.reserve(set.sentences.size() + n);
  for (std::uint32_t s : set.sentences) {
    const Sentence& sentence = doc.sentences[s];
    texts.push_back(doc.text.substr(sentence.start, sentence.end - sentence.start));
  }
  for (const Candidate& c : set.candidates) {
    const CandidateOccurrence& first = c.occurrences.front();
    texts.push_back(doc.text.substr(first.start, first.end - first.start));
  }
  const Document combined = document_from_sentences(texts, doc.language.empty() ? "en" : doc.language);
  const TfidfEncoder fallback;
  const Encoder& encoder = options.encoder ? *options.encoder : fallback;
  const DenseRows rows = encoder.encode(combined).to_dense();
  const auto k = static_cast<Eigen::Index>(set.sentences.size());

  Eigen::RowVectorXf centre = Eigen::RowVectorXf::Zero(rows.cols());
  for (Eigen::Index i = 0; i < k; ++i) centre += rows.row(i);
  if (centre.norm() > 0) centre.normalize();
  const auto phrases = rows.bottomRows(static_cast<Eigen::Index>(n));
  std::vector<double> to_doc(n);
  for (std::size_t i = 0; i < n; ++i) to_doc[i] = phrases.row(static_cast<Eigen::Index>(i)).dot(centre);
  if (options.diversity <= 0 || n < 2) return to_doc;

  // EmbedRank++: maximal marginal relevance.
  const DenseRows pair = phrases * phrases.transpose();
  std::vector<double> relevance = to_doc;
  rescale(relevance);
  std::vector<double> between;
  between.reserve(n * (n - 1) / 2);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j) between.push_back(pair(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)));
  rescale(between);
  std::vector<double> similar(n * n, 0.0);
  for (std::size_t i = 0, p = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j, ++p) similar[i * n + j] = similar[j * n + i] = between[p];

  const double lambda = 1.0 - options.diversity;
  std::vector<double> scores(n, -std::numeric_limits<double>::infinity());
  std::vector<double> closest(n, -std::numeric_limits<double>::infinity());  // to any phrase taken
  std::vector<bool> taken(n, false);
  double previous = std::numeric_limits<double>::infinity();
  for (std::size_t turn = 0; turn < n; ++turn) {
    std::size_t best = n;
    double best_value = -std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < n; ++i) {
      if (taken[i]) continue;
      const double value = turn == 0 ? relevance[i] : lambda * relevance[i] - (1 - lambda) * closest[i];
      if (best == n || value > best_value) best = i, best_value = value;
    }
    taken[best] = true;
    // Scores never rise along the turns, so the ranking that sorts them keeps MMR's order.
    const double score = best_value < previous ? best_value : std::nextafter(previous, -std::numeric_limits<double>::infinity());
    scores[best] = previous = score;
    for (std::size_t i = 0; i < n; ++i) closest[i] = std::max(closest[i], similar[i * n + best]);
  }
  return scores;
}

}  // namespace synopsis::detail
