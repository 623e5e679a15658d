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
constexpr std::size_t kFullHeadlineWords = 12;  // a headline this long needs no more words to win
constexpr std::size_t kOpeningTitleDistance = 1;  // a short first line is a title right above the text
constexpr double kMinHeadlineScore = 3;        // a headline of three words or more, near the article
constexpr std::size_t kProseBelowHeadline = 3; // prose below the headline outweighs prose above it 3:1
constexpr std::size_t kMenuRun = 4;
constexpr double kBylineBelowBonus = 3;        // a byline sits right below the headline

struct ParagraphShape {
  std::size_t words = 0;
  bool terminal = false;
  bool single = false;
  std::string key;  // lowercased text, for repetition
};

// Where the article starts: the first paragraph of the stretch with the most prose words, a
// stretch ending where kMenuRun lines that are neither prose nor furniture follow each other
// (a menu between a consent banner and the headline). Without prose, the text's end.
std::size_t article_start(const Document& doc, const std::vector<ParagraphShape>& shape,
                          const std::vector<Furniture>& furniture, std::ptrdiff_t first_prose) {
  const std::size_t n = doc.paragraphs.size();
  if (first_prose < 0) return n;
  std::size_t best_start = static_cast<std::size_t>(first_prose), best_words = 0;
  std::size_t start = best_start, words = 0, run = 0;
  for (std::size_t p = best_start; p < n; ++p) {
    if (furniture[p].kind != BoilerplateKind::none) continue;
    const bool prose = shape[p].terminal || !shape[p].single;
    // A short line that ends ("Time to act?") neither starts a stretch nor ends a menu: it may
    // be the headline.
    if (prose && shape[p].single && shape[p].words < kMinProseWords) continue;
    if (!prose) {
      if (++run == kMenuRun) {
        if (words > best_words) best_words = words, best_start = start;
        words = 0;
      }
      continue;
    }
    if (run >= kMenuRun) start = p;
    run = 0;
    words += shape[p].words;
  }
  if (words > best_words) best_start = start;
  return best_start;
}

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

  // Headings: a line standing alone without terminal punctuation (a reader's comment is text),
  // and the lines of a comment section around its text ("Lucie M.", "Comments are closed.").
  for (std::size_t p = 0; p < n; ++p) {
    const bool comment_line = furniture[p].kind == BoilerplateKind::comment && !furniture[p].comment_text;
    if (!furniture[p].comment_text && shape[p].single && (!shape[p].terminal || comment_line) &&
        shape[p].words <= kMaxHeadingWords)
      doc.sentences[doc.paragraphs[p].sentence_begin].is_heading = true;
  }

  // The title: the headline above the article. Pages put menus, banners, bylines and share
  // bars around it, so it is chosen among the lines before the article's prose by its shape:
  // a line standing alone (a heading, or a short question or exclamation set apart), long for
  // a heading but not prose, near the article, and not speaking in furniture cues.
  const std::size_t start = article_start(doc, shape, furniture, first_prose);
  const bool blank_lines = std::find(paragraph_after_blank.begin() + 1, paragraph_after_blank.end(), true) !=
                           paragraph_after_blank.end();
  // Strict prose words before each paragraph: a headline has little prose above it.
  std::vector<std::size_t> prose_before(n + 1, 0);
  for (std::size_t p = 0; p < n; ++p) prose_before[p + 1] = prose_before[p] + (is_prose(p, true) ? shape[p].words : 0);
  const std::size_t prose_words = prose_before[n];
  std::size_t first_line = 0;  // the first paragraph that is not furniture
  while (first_line < n && is_furniture(first_line)) ++first_line;
  std::ptrdiff_t top = -1;
  double best = 0;
  std::size_t distance = 0;  // lines that are not furniture between the candidate and the article
  for (std::size_t p = start; p-- > 0;) {
    if (is_furniture(p)) continue;
    const std::uint32_t s0 = doc.paragraphs[p].sentence_begin;
    const std::string_view t0 = doc.sentence_text(s0);
    const bool exclaims = !t0.empty() && (t0.back() == '?' || t0.back() == '!');
    // Set apart: a blank line follows, or the text has none (one block a line).
    const bool set_apart = p + 1 >= n || paragraph_after_blank[p + 1] || !blank_lines;
    const bool headline_shape =
        shape[p].single && shape[p].words > 0 && shape[p].words <= kMaxHeadingWords &&
        (doc.sentences[s0].is_heading || (exclaims && set_apart && shape[p].words <= 20));
    const bool listed = is_bullet(decode_at(t0, 0)) || (!t0.empty() && t0[0] == '-');
    const bool little_above = prose_before[p] == 0 || kProseBelowHeadline * prose_before[p] < prose_words - prose_before[p];
    if (headline_shape && !listed && little_above && repeats[shape[p].key] < 2) {
      const double words = static_cast<double>(std::min<std::size_t>(shape[p].words, kFullHeadlineWords));
      double score = words - 2.0 * furniture[p].cue_words - 0.25 * static_cast<double>(distance);
      // The byline right below marks the headline (headline, byline, then a caption or a first
      // line without its period); a menu word above the byline of a page without a headline
      // stays too short to win.
      if (score >= kMinHeadlineScore && p + 1 < n && furniture[p + 1].kind == BoilerplateKind::byline)
        score += kBylineBelowBonus;
      // Deep in a page only a real headline will do; a short first line right above the
      // article is a title as it always was ("Storm hits\n\nHeavy rain fell...").
      const bool opens_text = distance <= kOpeningTitleDistance && p == first_line;
      if (score > best && (score >= kMinHeadlineScore || opens_text)) best = score, top = static_cast<std::ptrdiff_t>(p);
    }
    ++distance;
  }
  if (top >= 0) {
    Sentence& s0 = doc.sentences[doc.paragraphs[static_cast<std::size_t>(top)].sentence_begin];
    s0.is_heading = true;
    doc.title = static_cast<std::int32_t>(s0.index);
  }
  const bool has_title = doc.title >= 0;
  // Nothing of the article comes before its headline: what a page shows above it (menus,
  // and banners speaking in cues) is boilerplate, when the headline is a real one (long
  // enough to win on its own) and what lies above holds little prose next to what follows.
  const bool above_is_page = has_title && best >= kMinHeadlineScore;  // little prose above: see the choice

  // Boilerplate: furniture of its kind; short repeated lines; non-prose lines before the first
  // prose paragraph (other than the title) and after the last one (navigation, related
  // headlines, footers); whatever stands above the headline.
  for (std::size_t p = 0; p < n; ++p) {
    const Paragraph& para = doc.paragraphs[p];
    const bool title = has_title && static_cast<std::ptrdiff_t>(p) == top;
    BoilerplateKind kind = furniture[p].kind;
    if (kind == BoilerplateKind::none && !title) {
      const auto at = static_cast<std::ptrdiff_t>(p);
      const bool outside = first_prose >= 0 && (at < first_prose || at > last_prose);
      if (!shape[p].key.empty() && repeats[shape[p].key] >= 2) kind = BoilerplateKind::repeated;
      else if (outside && !is_prose(p, false)) kind = BoilerplateKind::navigation;
      else if (above_is_page && at < top && (!is_prose(p, true) || furniture[p].cue_words > 0))
        kind = BoilerplateKind::navigation;
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
