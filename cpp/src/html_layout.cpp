// What the HTML says about the layout of its text: link density of each paragraph, the
// headings, the furniture the markup names, and the headline. The text itself comes from
// html.cpp.
#include <algorithm>
#include <vector>

#include "segment_internal.hpp"

namespace synopsis::segmentation {
namespace {

constexpr std::uint32_t kMinUnmarkedHeadlineWords = 5;  // a title the markup does not name

// Code points of text [a, b) other than whitespace.
std::size_t visible_characters(std::string_view text, std::size_t a, std::size_t b) {
  std::size_t n = 0;
  for (std::size_t i = a; i < b; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    n += (c & 0xC0) != 0x80 && c != ' ' && c != '\n' && c != '\t' && c != '\r' && c != '\f';
  }
  return n;
}

}  // namespace

void set_link_density(Document& doc, const std::vector<TextSpan>& links) {
  std::size_t first = 0;  // links and paragraphs are both in text order
  for (Paragraph& p : doc.paragraphs) {
    while (first < links.size() && links[first].end <= p.start) ++first;
    std::size_t linked = 0;
    for (std::size_t k = first; k < links.size() && links[k].start < p.end; ++k)
      linked += visible_characters(doc.text, std::max(links[k].start, p.start), std::min(links[k].end, p.end));
    const std::size_t all = visible_characters(doc.text, p.start, p.end);
    p.link_density = all == 0 ? 0.0f : std::min(1.0f, static_cast<float>(linked) / static_cast<float>(all));
  }
}

void flag_html_structure(Document& doc, const HtmlText& html) {
  std::size_t s = 0;  // headings and sentences are both in text order
  for (const TextSpan& h : html.headings) {
    while (s < doc.sentences.size() && doc.sentences[s].start < h.start) ++s;
    for (std::size_t k = s; k < doc.sentences.size() && doc.sentences[k].start < h.end; ++k)
      doc.sentences[k].is_heading = true;
  }
  // Sentences inside an element the markup names as furniture take its kind; the innermost
  // element that holds the whole sentence decides. Elements nest, so one sweep with a stack
  // of the elements open at each sentence's start finds it.
  using Named = std::pair<TextSpan, BoilerplateKind>;
  std::vector<Named> spans = html.furniture;
  std::sort(spans.begin(), spans.end(), [](const Named& a, const Named& b) {
    return a.first.start < b.first.start || (a.first.start == b.first.start && a.first.end > b.first.end);
  });
  std::vector<const Named*> open;
  std::size_t next = 0;
  for (Sentence& sentence : doc.sentences) {
    for (; next < spans.size() && spans[next].first.start <= sentence.start; ++next) {
      while (!open.empty() && open.back()->first.end <= spans[next].first.start) open.pop_back();
      open.push_back(&spans[next]);
    }
    while (!open.empty() && open.back()->first.end <= sentence.start) open.pop_back();
    if (static_cast<std::int32_t>(sentence.index) == doc.title) continue;
    // Walk out from the innermost element (a few levels: deeper nesting names nothing more).
    for (std::size_t up = 0; up < open.size() && up < 16; ++up) {
      const Named& element = *open[open.size() - 1 - up];
      if (sentence.end <= element.first.end) {
        sentence.is_boilerplate = true;
        sentence.boilerplate_kind = element.second;
        break;
      }
    }
  }
  if (!html.headline) {
    // The markup names no headline (no h1, no title but the site's name): a short first line
    // of a page is a menu or a skip link, not a title. Only a line long enough to be a
    // headline keeps the title the layout found.
    if (doc.title >= 0) {
      const Sentence& title = doc.sentences[static_cast<std::size_t>(doc.title)];
      if (title.token_end - title.token_begin < kMinUnmarkedHeadlineWords) doc.title = -1;
    }
    return;
  }
  for (Sentence& sentence : doc.sentences) {
    if (sentence.start >= html.headline->end) break;
    if (sentence.start >= html.headline->start) {
      sentence.is_heading = true;
      sentence.is_boilerplate = false;
      sentence.boilerplate_kind = BoilerplateKind::none;
      doc.title = static_cast<std::int32_t>(sentence.index);
      break;
    }
  }
}

}  // namespace synopsis::segmentation
