// Where a sentence may end. Line joining (blocks.cpp), the boundary rules and the heading
// test (layout.cpp) all ask this file, so a terminal one of them knows is known to all:
// a paragraph ending in a terminal the heading test did not know was flagged a heading.
#include "segment_internal.hpp"

namespace synopsis::segmentation {

bool is_sentence_terminal(UChar32 c) {
  if (c < 0x80) return c == '.' || c == '!' || c == '?';
  // The ATerm full stops of UAX #29 are not all Sentence_Terminal (U+2024 is not); the
  // ellipsis is neither, but ends sentences of running prose ("and then it stopped…").
  return u_hasBinaryProperty(c, UCHAR_S_TERM) || c == 0x2024 || c == 0xFE52 || c == 0xFF0E || c == 0x2026;
}

bool is_closing_punctuation(UChar32 c) {
  if (c < 0) return false;
  const int8_t category = u_charType(c);
  if (category == U_END_PUNCTUATION || category == U_FINAL_PUNCTUATION) return true;
  // Quotation marks that neither open nor are initial quotes close or are ambiguous
  // ('"', U+FF02); at the end of a sentence they close it.
  return u_hasBinaryProperty(c, UCHAR_QUOTATION_MARK) && category != U_START_PUNCTUATION &&
         category != U_INITIAL_PUNCTUATION;
}

bool ends_with_terminal(std::string_view s) {
  auto [a, e] = trim(s, 0, s.size());
  while (e > a) {
    std::size_t start;
    const UChar32 c = decode_before(s.substr(0, e), e, &start);
    if (is_closing_punctuation(c)) {
      e = start;
      continue;
    }
    return is_sentence_terminal(c) || c == ';';
  }
  return false;
}

}  // namespace synopsis::segmentation
