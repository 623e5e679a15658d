// HTML input: any bytes read as HTML (or by format "auto"). The first byte picks the
// language, the second the options (bit 0: replace invalid UTF-8; bit 1: format "auto"
// instead of "html"); the rest is the page.
#include <stdexcept>

#include "fuzz_input.hpp"
#include "synopsis/html.hpp"
#include "synopsis/language.hpp"
#include "synopsis/segment.hpp"

using namespace synopsis;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::Input in(data, size);
  SegmentOptions options;
  options.language = in.language();
  const std::uint8_t flags = in.byte();
  options.replace_invalid = (flags & 1) != 0;
  options.format = (flags & 2) != 0 ? "auto" : "html";
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
    SYNOPSIS_FUZZ_CHECK(!language_ok || (!utf8_ok && !options.replace_invalid) ||
                        std::string_view(e.what()).find("nests elements more than") != std::string_view::npos ||
                        std::string_view(e.what()).find("too many formatting elements") != std::string_view::npos);
    SYNOPSIS_FUZZ_CHECK(find_invalid_utf8(e.what()) == std::string_view::npos);
    return 0;
  }
  SYNOPSIS_FUZZ_CHECK(language_ok && (utf8_ok || options.replace_invalid));
  fuzz::check_document(doc);
  const bool html = options.format == "html" || looks_like_html(doc.is_html() ? doc.source : doc.text);
  SYNOPSIS_FUZZ_CHECK(doc.is_html() == (html && !text.empty()));
  if (!html && utf8_ok) SYNOPSIS_FUZZ_CHECK(doc.text == text);
  return 0;
}
