// extract_keywords() on any text with random options. Bytes: language, method, top,
// window, damping, cluster_threshold, alpha, dedup, max_words, include_title,
// verb_heuristic, then the text.
#include <cmath>
#include <stdexcept>

#include "fuzz_input.hpp"
#include "synopsis/keywords.hpp"
#include "synopsis/segment.hpp"

using namespace synopsis;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::Input in(data, size);
  SegmentOptions so;
  so.language = in.language();
  KeywordOptions o;
  o.method = static_cast<KeywordMethod>(in.byte() % 6);
  const long long top = in.integer();
  o.top = static_cast<std::size_t>(top < 0 ? 0 : top);
  o.window = static_cast<int>(in.integer() % 100000);
  o.damping = in.real();
  o.cluster_threshold = in.real();
  o.alpha = in.real();
  o.dedup = static_cast<KeywordDedup>(in.byte() % 3);
  o.candidates.max_words = static_cast<int>(in.integer() % 1000);
  const std::uint8_t flags = in.byte();
  o.candidates.include_title = flags & 1;
  o.candidates.verb_heuristic = flags & 2;
  const std::string_view text = in.rest();

  Document doc;
  try {
    doc = segment(text, so);
  } catch (const std::invalid_argument&) {
    return 0;
  }
  const bool options_ok = fuzz::accepted(o);
  std::vector<Keyword> keywords;
  try {
    keywords = extract_keywords(doc, o);
  } catch (const std::invalid_argument& e) {
    SYNOPSIS_FUZZ_CHECK(!options_ok);
    SYNOPSIS_FUZZ_CHECK(find_invalid_utf8(e.what()) == std::string_view::npos);
    return 0;
  }
  SYNOPSIS_FUZZ_CHECK(options_ok);
  SYNOPSIS_FUZZ_CHECK(keywords.size() <= o.top);
  for (std::size_t i = 0; i < keywords.size(); ++i) {
    const Keyword& k = keywords[i];
    SYNOPSIS_FUZZ_CHECK(!k.phrase.empty() && find_invalid_utf8(k.phrase) == std::string_view::npos);
    SYNOPSIS_FUZZ_CHECK(std::isfinite(k.score));
    if (i > 0) SYNOPSIS_FUZZ_CHECK(k.score <= keywords[i - 1].score);
    SYNOPSIS_FUZZ_CHECK(k.count() >= 1);
    for (const auto& [a, b] : k.offsets) {
      SYNOPSIS_FUZZ_CHECK(a < b && b <= doc.text.size());
      SYNOPSIS_FUZZ_CHECK(fuzz::is_boundary(doc.text, a) && fuzz::is_boundary(doc.text, b));
    }
  }
  // Deterministic: the same call gives the same phrases in the same order.
  const std::vector<Keyword> again = extract_keywords(doc, o);
  SYNOPSIS_FUZZ_CHECK(again.size() == keywords.size());
  for (std::size_t i = 0; i < again.size(); ++i) SYNOPSIS_FUZZ_CHECK(again[i].key == keywords[i].key);
  return 0;
}
