// Headings and boilerplate from the shape of each paragraph (a line or a run of
// wrapped lines), its position relative to the prose, and repetition. Page furniture
// (furniture.cpp) is never prose: the title and the prose region are found around it.
#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

#include "segment_internal.hpp"
#include "synopsis/segment.hpp"

namespace synopsis::segmentation {
namespace {

constexpr std::size_t kMinProseWords = 8;      // a prose paragraph has at least this many words
constexpr std::size_t kMaxHeadingWords = 30;   // longer lines without punctuation are prose
constexpr std::size_t kMaxRepeatedWords = 8;   // repeated lines up to this length are navigation

struct ParagraphShape {
  std::size_t words = 0;
  bool terminal = false;
  bool single = false;
  std::string key;  // lowercased text, for repetition
};

}  // namespace

void flag_layout(Document& doc, const std::vector<bool>& paragraph_after_blank,
                 const std::vector<Furniture>& furniture) {
  const std::size_t n = doc.paragraphs.size();
  if (n == 0) return;
  auto is_furniture = [&](std::size_t p) { return furniture[p].kind != BoilerplateKind::none; };
  std::vector<ParagraphShape> shape(n);
  std::unordered_map<std::string, int> repeats;
  for (std::size_t p = 0; p < n; ++p) {
    const Paragraph& para = doc.paragraphs[p];
    auto& sh = shape[p];
    const Sentence& first = doc.sentences[para.sentence_begin];
    const Sentence& last = doc.sentences[para.sentence_end - 1];
    sh.words = last.token_end - first.token_begin;
    sh.terminal = ends_with_terminal(doc.sentence_text(para.sentence_end - 1));
    sh.single = para.sentence_end - para.sentence_begin == 1;
    if (sh.words <= kMaxRepeatedWords) {
      for (std::uint32_t t = first.token_begin; t < last.token_end; ++t) {
        sh.key += doc.terms[doc.tokens[t].term];
        sh.key += ' ';
      }
      if (!sh.key.empty()) ++repeats[sh.key];
    }
  }

  // Prose: sentences that end (a truncated last sentence still counts when others precede it).
  auto is_prose = [&](std::size_t p, bool strict) {
    if (is_furniture(p)) return false;
    const bool ends = shape[p].terminal || !shape[p].single;
    return ends && (!strict || shape[p].words >= kMinProseWords);
  };
  std::ptrdiff_t first_prose = -1, last_prose = -1;
  for (bool strict : {true, false}) {
    for (std::size_t p = 0; p < n; ++p)
      if (is_prose(p, strict)) {
        if (first_prose < 0) first_prose = static_cast<std::ptrdiff_t>(p);
        last_prose = static_cast<std::ptrdiff_t>(p);
      }
    if (first_prose >= 0) break;
  }

  // Headings: a line standing alone without terminal punctuation (a reader's comment is text).
  for (std::size_t p = 0; p < n; ++p) {
    if (!furniture[p].comment_text && shape[p].single && !shape[p].terminal && shape[p].words <= kMaxHeadingWords)
      doc.sentences[doc.paragraphs[p].sentence_begin].is_heading = true;
  }

  // The title: the first line that is not furniture, when it is a heading, or a short question
  // or exclamation set apart by a blank line.
  std::size_t top = 0;
  while (top < n && is_furniture(top)) ++top;
  if (top < n) {
    const std::size_t next_after_blank = top + 1 < n ? paragraph_after_blank[top + 1] : true;
    const std::uint32_t s0_index = doc.paragraphs[top].sentence_begin;
    Sentence& s0 = doc.sentences[s0_index];
    const std::string_view t0 = doc.sentence_text(s0_index);
    const bool exclaims = !t0.empty() && (t0.back() == '?' || t0.back() == '!');
    const bool headline_shape = shape[top].single && shape[top].words <= kMaxHeadingWords &&
                                (s0.is_heading || (exclaims && next_after_blank && shape[top].words <= 20));
    if (headline_shape && (first_prose != static_cast<std::ptrdiff_t>(top) || s0.is_heading)) {
      s0.is_heading = true;
      doc.title = static_cast<std::int32_t>(s0_index);
    }
  }
  const bool has_title = doc.title >= 0;

  // Boilerplate: furniture of its kind; short repeated lines; non-prose lines before the first
  // prose paragraph (other than the title) and after the last one (navigation, related
  // headlines, footers).
  for (std::size_t p = 0; p < n; ++p) {
    const Paragraph& para = doc.paragraphs[p];
    const bool title = has_title && p == top;
    BoilerplateKind kind = furniture[p].kind;
    if (kind == BoilerplateKind::none && !title) {
      const auto at = static_cast<std::ptrdiff_t>(p);
      const bool outside = first_prose >= 0 && (at < first_prose || at > last_prose);
      if (!shape[p].key.empty() && repeats[shape[p].key] >= 2) kind = BoilerplateKind::repeated;
      else if (outside && !is_prose(p, false)) kind = BoilerplateKind::navigation;
      else if (outside && at > last_prose && shape[p].words < kMinProseWords) kind = BoilerplateKind::navigation;
    }
    if (kind == BoilerplateKind::none) continue;
    for (std::uint32_t s = para.sentence_begin; s < para.sentence_end; ++s) {
      doc.sentences[s].is_boilerplate = true;
      doc.sentences[s].boilerplate_kind = kind;
    }
  }
}

}  // namespace synopsis::segmentation

namespace synopsis {

void flag_layout(Document& doc) {
  // A blank line between two paragraphs: the whitespace between them holds two line ends.
  std::vector<bool> after_blank(doc.paragraphs.size(), true);
  for (std::size_t p = 1; p < doc.paragraphs.size(); ++p) {
    const std::string_view gap = doc.span(doc.paragraphs[p - 1].end, doc.paragraphs[p].start);
    after_blank[p] = std::count(gap.begin(), gap.end(), '\n') >= 2;
  }
  for (Sentence& s : doc.sentences) {
    s.is_heading = s.is_boilerplate = false;
    s.boilerplate_kind = BoilerplateKind::none;
  }
  doc.title = -1;
  segmentation::flag_layout(doc, after_blank,
                            segmentation::find_furniture(doc, language_resources(doc.language)));
}

}  // namespace synopsis
