// Segmentation: UTF-8 text in, the document model (paragraphs, sentences, tokens,
// heading and boilerplate flags) out.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "synopsis/document.hpp"

namespace synopsis {

struct SegmentOptions {
  std::string language = "en";   // default "en"; BCP 47 / ISO 639 code; rules, stopwords and stems follow it
  bool replace_invalid = false;  // default false: invalid UTF-8 throws; true: replaced by U+FFFD first
  std::string format = "auto";   // default "auto": HTML when the text starts like an HTML document
                                 // (looks_like_html in synopsis/html.hpp); "text"; "html"
};

// The input formats: "auto", "text", "html".
const std::vector<std::string>& text_formats();

// Throws std::invalid_argument naming the choices unless format is one of text_formats().
void validate_format(std::string_view format);

// Throws std::invalid_argument for a malformed language code or an unknown format.
void validate(const SegmentOptions& options);

// Is text read as HTML under this format ("auto" looks at how it starts)?
bool reads_as_html(std::string_view text, std::string_view format);

// Splits UTF-8 text into paragraphs, sentences and tokens and flags headings and boilerplate.
// HTML (options.format) is first reduced to its readable text (synopsis/html.hpp); the
// Document keeps the HTML as its source. Throws std::invalid_argument for invalid UTF-8
// (naming the byte offset), a malformed language code, an unknown format, text longer
// than max_text_bytes(), or HTML nested deeper than max_html_depth() (synopsis/html.hpp).
Document segment(std::string_view text, const SegmentOptions& options = {});

// Sets the heading, boilerplate (with its kind) and title flags of a segmented document from
// its paragraphs: their shape, position, repetition, the language's furniture cue words and
// Paragraph::link_density. segment() calls it; call it again after filling link_density
// (text taken from HTML). The flags it sets before are replaced.
void flag_layout(Document& doc);

// The largest text segment() accepts (offsets are 32-bit).
constexpr std::size_t max_text_bytes() { return (std::size_t{1} << 31) - 1; }

}  // namespace synopsis
