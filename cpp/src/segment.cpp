// Segmentation: lines -> paragraphs -> ICU sentence candidates -> boundary rules -> tokens,
// then page furniture, heading and boilerplate flags from line shape, position, repetition and
// cue words.
#include "synopsis/segment.hpp"

#include <algorithm>
#include <stdexcept>

#include "segment_internal.hpp"
#include "synopsis/html.hpp"
#include "synopsis/unicode.hpp"

namespace synopsis {
namespace segmentation {
namespace {

class Segmenter {
 public:
  Segmenter(Document& doc, const LanguageResources& lang)
      : doc_(doc), lang_(lang), tools_(thread_tools()), rules_(doc.text, lang) {
    sentence_bi_ = &tools_.get(false, lang.code);
    word_bi_ = &tools_.get(true, lang.code);
  }

  void run() {
    const std::string_view text = doc_.text;
    const std::vector<Block> blocks = split_blocks(text, lang_);
    if (blocks.empty()) return;
    // One UTF-16 copy of the whole text (wrapped newlines read as spaces) and one pass of
    // each BreakIterator: setText and the rule caches cost more per call than per byte.
    std::string work(text);
    for (const Block& block : blocks)
      for (std::size_t nl : block.soft_newlines) work[nl] = ' ';
    const icu::UnicodeString u16 =
        icu::UnicodeString::fromUTF8(icu::StringPiece(work.data(), static_cast<int32_t>(work.size())));
    build_offsets(work, static_cast<std::size_t>(u16.length()));

    sentence_bi_->setText(u16);
    word_bi_->setText(u16);
    std::vector<std::size_t> icu_breaks;
    for (int32_t b = sentence_bi_->next(); b != icu::BreakIterator::DONE; b = sentence_bi_->next())
      // A candidate inside a word is no sentence end: ICU's sentence rules break after the
      // Armenian full stop in "11,0<U+0589>00", which the word rules read as one number.
      if (word_bi_->isBoundary(b)) icu_breaks.push_back(offsets_[static_cast<std::size_t>(b)]);

    std::size_t cursor = 0;
    for (const Block& block : blocks) {
      const u32 first_sentence = static_cast<u32>(doc_.sentences.size());
      while (cursor < icu_breaks.size() && icu_breaks[cursor] <= block.start) ++cursor;
      std::size_t stop = cursor;
      while (stop < icu_breaks.size() && icu_breaks[stop] < block.end) ++stop;
      segment_block(block, icu_breaks.data() + cursor, icu_breaks.data() + stop);
      cursor = stop;
      if (doc_.sentences.size() == first_sentence) continue;
      Paragraph p;
      p.index = static_cast<u32>(doc_.paragraphs.size());
      p.sentence_begin = first_sentence;
      p.sentence_end = static_cast<u32>(doc_.sentences.size());
      p.start = doc_.sentences[first_sentence].start;
      p.end = doc_.sentences.back().end;
      for (u32 si = p.sentence_begin; si < p.sentence_end; ++si) doc_.sentences[si].paragraph = p.index;
      doc_.paragraphs.push_back(p);
    }
    tokenize(doc_, u16, offsets_, lang_);
  }

 private:
  // offsets_[i]: byte offset of UTF-16 unit i (and of the end, at index length).
  void build_offsets(std::string_view work, std::size_t units) {
    offsets_.resize(units + 1);
    std::size_t byte = 0, unit = 0;
    const std::size_t n = work.size();
    while (byte < n) {
      const auto b0 = static_cast<unsigned char>(work[byte]);
      if (b0 < 0x80) {
        offsets_[unit++] = static_cast<u32>(byte++);
        continue;
      }
      UChar32 c = decode_at(work, byte);
      const std::size_t ulen = U16_LENGTH(c);
      for (std::size_t k = 0; k < ulen; ++k) offsets_[unit + k] = static_cast<u32>(byte);
      unit += ulen;
      byte += U8_LENGTH(c);
    }
    offsets_[unit] = static_cast<u32>(n);
  }

  void segment_block(const Block& block, const std::size_t* icu_begin, const std::size_t* icu_end) {
    const std::string_view text = doc_.text;
    // Candidate breaks from ICU, forced breaks from list structure.
    std::vector<std::pair<std::size_t, bool>> breaks;  // (byte offset, forced)
    for (const std::size_t* b = icu_begin; b != icu_end; ++b) breaks.emplace_back(*b, false);
    for (std::size_t b : list_breaks(text, block.start, block.end)) breaks.emplace_back(b, true);
    for (std::size_t b : extra_candidates(text, block.start, block.end, lang_.code == "hy"))
      breaks.emplace_back(b, false);
    std::sort(breaks.begin(), breaks.end());
    // One entry per position; a forced break wins over an ICU candidate.
    std::vector<std::pair<std::size_t, bool>> unique;
    for (const auto& b : breaks) {
      if (!unique.empty() && unique.back().first == b.first) unique.back().second |= b.second;
      else unique.push_back(b);
    }
    breaks.swap(unique);
    if (breaks.empty() || breaks.back().first != block.end) breaks.emplace_back(block.end, true);
    else breaks.back().second = true;

    // Apply the boundary rules left to right.
    std::size_t start = block.start;
    std::size_t prev = block.start;
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    for (std::size_t k = 0; k < breaks.size(); ++k) {
      const std::size_t b = breaks[k].first;
      if (b <= prev) continue;
      if (!breaks[k].second && k + 1 < breaks.size()) {
        std::size_t next_end = breaks[k + 1].first;
        if (rules_.merge(start, b, b, next_end)) { prev = b; continue; }
      }
      spans.emplace_back(start, b);
      start = prev = b;
    }

    attach_closers(text, spans);
    for (auto [a, b] : spans) {
      auto [s, e] = trim(text, a, b);
      if (s == e) continue;
      Sentence sent;
      sent.index = static_cast<u32>(doc_.sentences.size());
      sent.start = static_cast<u32>(s);
      sent.end = static_cast<u32>(e);
      doc_.sentences.push_back(sent);
    }
  }

  Document& doc_;
  const LanguageResources& lang_;
  ThreadTools& tools_;
  BoundaryRules rules_;
  icu::BreakIterator* sentence_bi_ = nullptr;
  icu::BreakIterator* word_bi_ = nullptr;
  std::vector<u32> offsets_;
};

}  // namespace
}  // namespace segmentation

const std::vector<std::string>& text_formats() {
  static const std::vector<std::string> formats{"auto", "text", "html"};
  return formats;
}

void validate_format(std::string_view format) {
  const auto& formats = text_formats();
  if (std::find(formats.begin(), formats.end(), format) == formats.end())
    throw std::invalid_argument("format must be \"auto\", \"text\" or \"html\", got \"" +
                                replace_invalid_utf8(format) + "\"");
}

void validate(const SegmentOptions& options) {
  language_resources(options.language);
  validate_format(options.format);
}

bool reads_as_html(std::string_view text, std::string_view format) {
  return format == "html" || (format == "auto" && looks_like_html(text));
}

Document segment(std::string_view text, const SegmentOptions& options) {
  const LanguageResources& lang = language_resources(options.language);
  validate_format(options.format);
  if (text.size() > max_text_bytes())
    throw std::invalid_argument("text is too long: " + std::to_string(text.size()) +
                                " bytes, the limit is " + std::to_string(max_text_bytes()));
  Document doc;
  doc.language = options.language;
  const std::size_t bad = find_invalid_utf8(text);
  if (bad != std::string_view::npos) {
    if (!options.replace_invalid)
      throw std::invalid_argument("invalid UTF-8 at byte offset " + std::to_string(bad));
    doc.text = replace_invalid_utf8(text);
    if (doc.text.size() > max_text_bytes())  // each bad byte may grow into three
      throw std::invalid_argument("text is too long after replacing invalid UTF-8: " +
                                  std::to_string(doc.text.size()) + " bytes, the limit is " +
                                  std::to_string(max_text_bytes()));
  } else {
    doc.text.assign(text);
  }
  if (!reads_as_html(doc.text, options.format)) {
    segmentation::Segmenter segmenter(doc, lang);
    segmenter.run();
    flag_layout(doc);
    return doc;
  }
  HtmlText html = html_to_text(doc.text);
  if (html.text.size() > max_text_bytes())  // a few entities decode to more bytes than they take
    throw std::invalid_argument("the text of this HTML is too long: " + std::to_string(html.text.size()) +
                                " bytes, the limit is " + std::to_string(max_text_bytes()));
  doc.source = std::move(doc.text);
  doc.text = std::move(html.text);
  doc.source_runs = std::move(html.runs);
  segmentation::Segmenter segmenter(doc, lang);
  segmenter.run();
  segmentation::set_link_density(doc, html.links);
  flag_layout(doc);
  segmentation::flag_html_structure(doc, html);
  return doc;
}

}  // namespace synopsis
