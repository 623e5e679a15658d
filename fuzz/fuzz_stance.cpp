// StanceTagger(target, options).tag(text). Bytes: language, scheme, related_threshold,
// sentence_threshold, then "target|" and the text.
#include <cmath>
#include <stdexcept>

#include "fuzz_input.hpp"
#include "synopsis/segment.hpp"
#include "synopsis/stance.hpp"

using namespace synopsis;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::Input in(data, size);
  StanceTaggerOptions o;
  o.language = in.language();
  o.scheme = (in.byte() & 1) ? StanceScheme::semeval : StanceScheme::fnc;
  o.related_threshold = static_cast<float>(in.real());
  o.sentence_threshold = static_cast<float>(in.real());
  const std::string target(in.field(128));
  const std::string_view text = in.rest();

  StanceResult r;
  try {
    const StanceTagger tagger(target, o);
    r = tagger.tag(text);
  } catch (const std::invalid_argument& e) {
    SYNOPSIS_FUZZ_CHECK(find_invalid_utf8(e.what()) == std::string_view::npos);
    return 0;
  }
  const std::vector<std::string> labels = stance_labels(o.scheme);
  SYNOPSIS_FUZZ_CHECK(r.labels == labels);
  SYNOPSIS_FUZZ_CHECK(r.scores.size() == labels.size());
  bool known = false;
  for (const std::string& l : labels) known |= l == r.label;
  SYNOPSIS_FUZZ_CHECK(known);
  double sum = 0;
  for (float s : r.scores) {
    SYNOPSIS_FUZZ_CHECK(std::isfinite(s) && s >= 0.0f && s <= 1.0f + 1e-5f);
    sum += s;
  }
  SYNOPSIS_FUZZ_CHECK(std::fabs(sum - 1.0) < 1e-3);
  SYNOPSIS_FUZZ_CHECK(std::isfinite(r.relevance) && r.relevance >= -1e-5f && r.relevance <= 1.0f + 1e-5f);
  SegmentOptions so;
  so.language = o.language;
  const Document doc = segment(text, so);
  for (const SentenceStance& s : r.sentences) {
    SYNOPSIS_FUZZ_CHECK(s.sentence < doc.sentences.size());
    SYNOPSIS_FUZZ_CHECK(std::isfinite(s.relevance));
    bool ok = false;
    for (const std::string& l : labels) ok |= l == s.label;
    SYNOPSIS_FUZZ_CHECK(ok);
  }
  return 0;
}
