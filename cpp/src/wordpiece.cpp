#include "synopsis/wordpiece.hpp"
#include "synopsis/unicode.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include <stdexcept>
#include <utility>

namespace synopsis {

namespace {

bool is_whitespace(UChar32 c) {
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return true;
  if (c < 0x80) return false;
  return u_hasBinaryProperty(c, UCHAR_WHITE_SPACE);
}

// Categories Cc, Cf, Cs, Co and Cn, except the three white-space controls.
bool is_control(UChar32 c) {
  if (c == '\t' || c == '\n' || c == '\r') return false;
  if (c >= 0x20 && c < 0x7F) return false;
  switch (u_charType(c)) {
    case U_CONTROL_CHAR:
    case U_FORMAT_CHAR:
    case U_SURROGATE:
    case U_PRIVATE_USE_CHAR:
    case U_UNASSIGNED: return true;
    default: return false;
  }
}

// ASCII punctuation (which includes $ + < = > ^ ` | ~, symbols to Unicode) or any P* category.
bool is_punctuation(UChar32 c) {
  if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)) return true;
  if (c < 0x80) return false;
  switch (u_charType(c)) {
    case U_DASH_PUNCTUATION:
    case U_START_PUNCTUATION:
    case U_END_PUNCTUATION:
    case U_CONNECTOR_PUNCTUATION:
    case U_OTHER_PUNCTUATION:
    case U_INITIAL_PUNCTUATION:
    case U_FINAL_PUNCTUATION: return true;
    default: return false;
  }
}

// The CJK Unified Ideographs blocks BERT's tokeniser isolates (not Hangul, kana or symbols).
bool is_cjk(UChar32 c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2A6DF) ||
         (c >= 0x2A700 && c <= 0x2B73F) || (c >= 0x2B740 && c <= 0x2B81F) || (c >= 0x2B820 && c <= 0x2CEAF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
}

// Appends c with its accents stripped (canonical decomposition, non-spacing marks removed).
void append_stripped(std::u32string& out, UChar32 c, const icu::Normalizer2* nfd) {
  if (c < 0xC0) {  // nothing below U+00C0 decomposes
    out += static_cast<char32_t>(c);
    return;
  }
  icu::UnicodeString decomposition;
  if (!nfd || !nfd->getDecomposition(c, decomposition)) {
    if (u_charType(c) != U_NON_SPACING_MARK) out += static_cast<char32_t>(c);
    return;
  }
  for (int32_t i = 0; i < decomposition.length();) {
    const UChar32 d = decomposition.char32At(i);
    i += U16_LENGTH(d);
    if (u_charType(d) != U_NON_SPACING_MARK) out += static_cast<char32_t>(d);
  }
}

// Full lower-case mapping of one code point, without context (as Rust's char::to_lowercase).
void append_lower(std::u32string& out, UChar32 c) {
  if (c < 0x80) {
    out += static_cast<char32_t>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    return;
  }
  UChar src[2];
  int32_t n = 0;
  U16_APPEND_UNSAFE(src, n, c);
  UChar dst[8];
  UErrorCode status = U_ZERO_ERROR;
  const int32_t len = u_strToLower(dst, 8, src, n, "", &status);
  if (U_FAILURE(status)) {
    out += static_cast<char32_t>(c);
    return;
  }
  for (int32_t i = 0; i < len;) {
    UChar32 d;
    U16_NEXT(dst, i, len, d);
    out += static_cast<char32_t>(d);
  }
}

}  // namespace

std::vector<std::string> read_vocab_txt(std::string_view text) {
  std::vector<std::string> pieces;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pieces.emplace_back(line);
    pos = end + 1;
  }
  return pieces;
}

WordPieceTokenizer::WordPieceTokenizer(std::vector<std::string> vocabulary, WordPieceOptions options)
    : vocabulary_(std::move(vocabulary)), options_(std::move(options)) {
  if (vocabulary_.empty()) throw std::invalid_argument("WordPiece: the vocabulary is empty");
  if (vocabulary_.size() > static_cast<std::size_t>(INT32_MAX))
    throw std::invalid_argument("WordPiece: the vocabulary is too large");
  ids_.reserve(vocabulary_.size());
  for (std::size_t i = 0; i < vocabulary_.size(); ++i) {
    if (!ids_.emplace(vocabulary_[i], static_cast<std::int32_t>(i)).second && !vocabulary_[i].empty())
      throw std::invalid_argument("WordPiece: the piece '" + vocabulary_[i] + "' appears twice in the vocabulary");
  }
  unknown_id_ = id(options_.unknown);
  if (unknown_id_ < 0) throw std::invalid_argument("WordPiece: the vocabulary lacks the unknown piece " + options_.unknown);
  if (options_.max_chars_per_word == 0) throw std::invalid_argument("WordPiece: max_chars_per_word must be > 0");
}

std::int32_t WordPieceTokenizer::id(std::string_view piece) const {
  const auto it = ids_.find(std::string(piece));
  return it == ids_.end() ? -1 : it->second;
}

std::vector<std::string> WordPieceTokenizer::words(std::string_view utf8) const {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = options_.strip_accents ? icu::Normalizer2::getNFDInstance(status) : nullptr;
  if (U_FAILURE(status)) nfd = nullptr;

  // Normalise into code points.
  std::u32string text;
  text.reserve(utf8.size());
  std::u32string stripped;
  const auto* s = reinterpret_cast<const std::uint8_t*>(utf8.data());
  const std::int32_t length = static_cast<std::int32_t>(std::min<std::size_t>(utf8.size(), INT32_MAX));
  for (std::int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) c = 0xFFFD;
    if (options_.clean_text) {
      if (c == 0 || c == 0xFFFD || is_control(c)) continue;
      if (is_whitespace(c)) c = ' ';
    }
    stripped.clear();
    if (options_.chinese_chars && is_cjk(c)) {
      stripped += U' ';
      stripped += static_cast<char32_t>(c);
      stripped += U' ';
    } else if (options_.strip_accents) {
      append_stripped(stripped, c, nfd);
    } else {
      stripped += static_cast<char32_t>(c);
    }
    if (options_.lowercase) {
      for (char32_t d : stripped) append_lower(text, static_cast<UChar32>(d));
    } else {
      text += stripped;
    }
  }

  // Split at white space, isolate punctuation.
  std::vector<std::string> out;
  std::string word;
  for (char32_t c : text) {
    const UChar32 u = static_cast<UChar32>(c);
    if (is_whitespace(u)) {
      if (!word.empty()) out.push_back(std::move(word)), word.clear();
    } else if (is_punctuation(u)) {
      if (!word.empty()) out.push_back(std::move(word)), word.clear();
      std::string p;
      append_utf8(p, static_cast<char32_t>(u));
      out.push_back(std::move(p));
    } else {
      append_utf8(word, static_cast<char32_t>(u));
    }
  }
  if (!word.empty()) out.push_back(std::move(word));
  return out;
}

bool WordPieceTokenizer::add_word(std::string_view word, std::vector<std::int32_t>& out, std::size_t max_pieces) const {
  // Character boundaries of the word (its bytes are valid UTF-8: they were written above).
  std::vector<std::size_t> bounds;
  for (std::size_t i = 0; i < word.size(); ++i)
    if ((static_cast<unsigned char>(word[i]) & 0xC0) != 0x80) bounds.push_back(i);
  bounds.push_back(word.size());
  const std::size_t chars = bounds.size() - 1;
  auto push = [&](std::int32_t id) {
    if (out.size() >= max_pieces) return false;
    out.push_back(id);
    return true;
  };
  if (chars > options_.max_chars_per_word) return push(unknown_id_);

  std::vector<std::int32_t> pieces;
  std::string candidate;
  std::size_t start = 0;
  while (start < chars) {
    std::size_t end = chars;
    std::int32_t found = -1;
    while (end > start) {
      candidate.clear();
      if (start > 0) candidate = options_.continuation;
      candidate.append(word.substr(bounds[start], bounds[end] - bounds[start]));
      const auto it = ids_.find(candidate);
      if (it != ids_.end()) {
        found = it->second;
        break;
      }
      --end;
    }
    if (found < 0) return push(unknown_id_);
    pieces.push_back(found);
    start = end;
  }
  for (std::int32_t p : pieces)
    if (!push(p)) return false;
  return true;
}

std::vector<std::int32_t> WordPieceTokenizer::encode(std::string_view utf8, std::size_t max_pieces,
                                                     bool* truncated) const {
  std::vector<std::int32_t> ids;
  bool cut = false;
  const std::vector<std::string> ws = words(utf8);
  for (std::size_t w = 0; w < ws.size(); ++w) {
    // Every word gives at least one piece: a full list with words left over is truncated.
    if (!add_word(ws[w], ids, max_pieces) || (ids.size() == max_pieces && w + 1 < ws.size())) {
      cut = true;
      break;
    }
  }
  if (truncated) *truncated = cut;
  return ids;
}

}  // namespace synopsis
