// summarize(text, options) with random options: method, encoder, budgets (including 0,
// negative, NaN and huge), diversity, weights, a query and a language. Bytes: language,
// method, encoder, sentences, ratio, words, diversity, query_weight, title_weight,
// position_weight, use_title, then "query|" and the text.
#include <cmath>
#include <stdexcept>

#include "fuzz_input.hpp"
#include "synopsis/segment.hpp"
#include "synopsis/summarize.hpp"

using namespace synopsis;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::Input in(data, size);
  SummarizeOptions o;
  o.language = in.language();
  static const char* const methods[] = {"pacsum", "textrank", "lexrank", "lead", "PacSum", ""};
  static const char* const encoders[] = {"tfidf", "bm25", "bm25+", "lsa", "word2vec"};
  o.method = methods[in.byte() % 6];
  o.encoder = encoders[in.byte() % 5];
  // 0 leaves a budget unset; a negative count becomes the invalid 0.
  const long long sentences = in.integer();
  if (sentences != 0) o.sentences = static_cast<std::size_t>(sentences < 0 ? 0 : sentences);
  if (const double ratio = in.real(); ratio != 0.0) o.ratio = ratio;
  const long long words = in.integer();
  if (words != 0) o.words = static_cast<std::size_t>(words < 0 ? 0 : words);
  o.diversity = in.real();
  o.query_weight = in.real();
  o.title_weight = in.real();
  o.position_weight = in.real();
  o.use_title = in.byte() & 1;
  o.query = std::string(in.field());
  const std::string_view text = in.rest();

  const bool options_ok = fuzz::accepted(o);
  Summary summary;
  try {
    summary = summarize(text, o);
  } catch (const std::invalid_argument& e) {
    SYNOPSIS_FUZZ_CHECK(find_invalid_utf8(e.what()) == std::string_view::npos);
    return 0;  // bad options, bad language code, invalid UTF-8 in text or query
  }
  SYNOPSIS_FUZZ_CHECK(options_ok);  // summarize() must not accept what validate() refuses
  SegmentOptions so;
  so.language = o.language;
  const Document doc = segment(text, so);
  std::size_t prev = 0, total_words = 0;
  for (std::size_t i = 0; i < summary.sentences.size(); ++i) {
    const SummarySentence& s = summary.sentences[i];
    SYNOPSIS_FUZZ_CHECK(s.index < doc.sentences.size());
    if (i > 0) SYNOPSIS_FUZZ_CHECK(s.index > prev);  // document order, no repeats
    prev = s.index;
    SYNOPSIS_FUZZ_CHECK(doc.sentences[s.index].start == s.start && doc.sentences[s.index].end == s.end);
    SYNOPSIS_FUZZ_CHECK(doc.sentences[s.index].is_prose());
    SYNOPSIS_FUZZ_CHECK(std::isfinite(s.score) && s.score >= 0.0 && s.score <= 1.0 + 1e-9);
    total_words += count_words(doc.sentence_text(s.index));
  }
  if (o.sentences > 0) SYNOPSIS_FUZZ_CHECK(summary.sentences.size() <= o.sentences);
  // The word budget holds, except that when no sentence fits the best one stands alone.
  if (o.words > 0) SYNOPSIS_FUZZ_CHECK(total_words <= o.words || summary.sentences.size() == 1);
  return 0;
}
