// HTML input: the text a reader sees in a page, with its block structure, and where each
// piece of it lies in the HTML. segment() (synopsis/segment.hpp) calls this for HTML input;
// the parser (gumbo) stays inside html.cpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "synopsis/document.hpp"

namespace synopsis {

// Does text start like an HTML document? After an optional byte order mark and whitespace:
// "<!doctype", an HTML comment, or the start tag of a known HTML element ("<html", "<body",
// "<p>", "<div class=...>"). Text that merely contains "<" is not HTML.
bool looks_like_html(std::string_view text);

struct TextSpan {
  std::uint32_t start = 0;  // byte offsets into HtmlText::text
  std::uint32_t end = 0;
};

struct HtmlText {
  // The readable text: block elements (p, div, li, h1-h6, table rows, ...) are separated by
  // a blank line, list items, table cells and <br> by a line break; inline whitespace is
  // collapsed as a browser does (kept inside <pre>); entities are decoded.
  std::string text;
  std::vector<SourceRun> runs;      // text offsets -> HTML offsets (see document.hpp)
  std::vector<TextSpan> headings;   // h1-h6 elements and the headline, in text order
  std::vector<TextSpan> links;      // text inside <a> elements, in text order
  std::optional<TextSpan> headline; // the content's first h1, or else the page's <title>
  // Elements the markup names as page furniture: <figcaption>, and class or id words such as
  // "cookie", "comments", "newsletter", "share", "ad", "related", "byline" (never one that
  // holds the headline or most of the text). They nest as their elements do.
  std::vector<std::pair<TextSpan, BoilerplateKind>> furniture;
};

// The readable text of an HTML document (valid UTF-8). The content is the largest <article>
// when it holds at least a third of the page's text, else <main> (or role="main"), else the
// body; the headline goes first when the content has no h1 of its own. Scripts, styles,
// navigation, footers, asides, forms, embedded frames and graphics, the head (but for its
// title) and hidden elements (hidden, aria-hidden="true", display:none) are dropped.
// Malformed HTML is read as browsers read it. Throws std::invalid_argument only for elements
// left open more than max_html_depth() levels deep (gumbo's time grows with the square of
// the depth; real pages stay below a few hundred), and for formatting elements (b, i, font,
// ...) left open before so many tags that reopening them would cost more than 16 per byte of
// the page (gumbo's time and memory grow with their product).
HtmlText html_to_text(std::string_view html);

constexpr std::size_t max_html_depth() { return 10000; }

}  // namespace synopsis
