// Segmentation of any bytes, read as plain text, in any language code. The first byte picks
// the language (or announces a raw code), the second the options; the rest is the text.
// (fuzz_html reads the bytes as HTML.)
#include <stdexcept>

#include "fuzz_input.hpp"
#include "synopsis/language.hpp"
#include "synopsis/segment.hpp"

using namespace synopsis;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::Input in(data, size);
  SegmentOptions options;
  options.language = in.language();
  options.replace_invalid = (in.byte() & 1) != 0;
  options.format = "text";
  const std::string_view text = in.rest();

  bool language_ok = true;
  try {
    primary_language(options.language);
  } catch (const std::invalid_argument&) {
    language_ok = false;
  }
  const bool utf8_ok = find_invalid_utf8(text) == std::string_view::npos;

  Document doc;
  try {
    doc = segment(text, options);
  } catch (const std::invalid_argument& e) {
    // Only a bad code or (in strict mode) invalid UTF-8 may be refused, with a message
    // Python can decode.
    SYNOPSIS_FUZZ_CHECK(!language_ok || (!utf8_ok && !options.replace_invalid));
    SYNOPSIS_FUZZ_CHECK(find_invalid_utf8(e.what()) == std::string_view::npos);
    return 0;
  }
  SYNOPSIS_FUZZ_CHECK(language_ok && (utf8_ok || options.replace_invalid));
  if (utf8_ok) SYNOPSIS_FUZZ_CHECK(doc.text == text);
  fuzz::check_document(doc);
  return 0;
}
