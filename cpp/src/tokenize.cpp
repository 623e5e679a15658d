// Word and number tokens: ICU word boundaries, NFKC-casefold forms, Snowball stems and
// stopword flags, interned through the thread's TermTable so that each distinct form is
// normalised and stemmed once per thread, not once per document.
#include <unicode/normalizer2.h>

#include <stdexcept>

#include "segment_internal.hpp"

namespace synopsis::segmentation {

std::string normalise(std::string_view raw) {
  const bool ascii =
      std::all_of(raw.begin(), raw.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii) {
    std::string out(raw);
    for (auto& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
    return out;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU NFKC_Casefold data is missing");
  icu::UnicodeString src =
      icu::UnicodeString::fromUTF8(icu::StringPiece(raw.data(), static_cast<int32_t>(raw.size())));
  icu::UnicodeString dst = nfkc_cf->normalize(src, status);
  std::string out;
  if (U_FAILURE(status)) return std::string(raw);
  dst.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x2019)), icu::UnicodeString(static_cast<UChar32>('\'')));
  dst.toUTF8String(out);
  return out;
}

namespace {


class Tokenizer {
 public:
  Tokenizer(Document& doc, const std::vector<u32>& offsets, const LanguageResources& lang)
      : doc_(doc), offsets_(offsets) {
    ThreadTools& tools = thread_tools();
    table_ = &tools.term_table(lang);
    word_bi_ = &tools.get(true, lang.code);
  }

  // The text is cut at ASCII whitespace, where the word rules always break, into chunks.
  // A chunk of plain ASCII letters, digits and punctuation is split by the rules of
  // ascii_chunk_tokens (the same boundaries and kinds as ICU's word rules give it); any other
  // chunk goes to ICU's word iterator, set on the whole text.
  void run(const icu::UnicodeString& u16) {
    const u32 n_sent = static_cast<u32>(doc_.sentences.size());
    if (n_sent == 0) return;
    table_->begin_document();
    // English news has a token per 5.9 bytes: one reserve, no doubling.
    doc_.tokens.reserve(doc_.text.size() / 5 + 16);
    word_bi_->setText(u16);
    doc_.sentences[0].token_begin = 0;
    const std::string_view text = doc_.text;
    const std::size_t n = text.size();
    std::size_t i = 0;
    int32_t unit = 0;  // UTF-16 offset of byte i
    while (i < n) {
      if (is_ascii_space(static_cast<unsigned char>(text[i]))) {
        ++i, ++unit;
        continue;
      }
      std::size_t j = i;
      int32_t units = 0;
      bool ascii = true;
      for (; j < n && !is_ascii_space(static_cast<unsigned char>(text[j])); ++j) {
        const auto c = static_cast<unsigned char>(text[j]);
        ascii &= c < 0x80;
        if ((c & 0xC0) != 0x80) units += c >= 0xF0 ? 2 : 1;  // a code point starts here
      }
      if (ascii && is_plain_ascii(text, i, j)) {
        ascii_chunk_tokens(text, i, j);
        i = j;
        unit += units;
      } else {
        unit = icu_tokens(unit, unit + units);
        i = offsets_[static_cast<std::size_t>(unit)];
      }
    }
    doc_.sentences[sent_].token_end = static_cast<u32>(doc_.tokens.size());
    for (u32 si = sent_ + 1; si < n_sent; ++si)
      doc_.sentences[si].token_begin = doc_.sentences[si].token_end = static_cast<u32>(doc_.tokens.size());
  }

  static bool is_ascii_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
  static bool is_letter(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
  static bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
  static bool is_alnum(unsigned char c) { return is_letter(c) || is_digit(c); }

  // Chunks whose every boundary follows from UAX #29 rules WB6, WB7, WB11, WB12 and WB999
  // alone: printable ASCII without '_' (ExtendNumLet) and '@' (ICU reads it as a letter),
  // without a letter next to a digit (WB9, WB10: ICU then gives the kind of the last run) and
  // without a colon between two letters or digits (ICU's MidLetter set has varied by version).
  static bool is_plain_ascii(std::string_view s, std::size_t a, std::size_t b) {
    for (std::size_t k = a; k < b; ++k) {
      const auto c = static_cast<unsigned char>(s[k]);
      if (c < 0x21 || c > 0x7E || c == '_' || c == '@') return false;
      if (k + 1 == b) break;
      const auto d = static_cast<unsigned char>(s[k + 1]);
      if ((is_letter(c) && is_digit(d)) || (is_digit(c) && is_letter(d))) return false;
      if (d == ':' && k + 2 < b && is_alnum(c) && is_alnum(static_cast<unsigned char>(s[k + 2]))) return false;
    }
    return true;
  }

  // Letters joined by single '.' or '\'' between letters (WB6, WB7: "U.S", "don't") make a
  // word; digits joined by single '.', '\'', ',' or ';' between digits (WB11, WB12: "1,000.5")
  // make a number; every other character stands alone and is no token.
  void ascii_chunk_tokens(std::string_view s, std::size_t a, std::size_t b) {
    std::size_t k = a;
    while (k < b) {
      const auto c = static_cast<unsigned char>(s[k]);
      if (!is_alnum(c)) {
        ++k;
        continue;
      }
      const bool word = is_letter(c);
      auto same = [word](unsigned char x) { return word ? is_letter(x) : is_digit(x); };
      auto joins = [word](unsigned char x) {
        return x == '.' || x == '\'' || (!word && (x == ',' || x == ';'));
      };
      const std::size_t start = k++;
      for (;;) {
        while (k < b && same(static_cast<unsigned char>(s[k]))) ++k;
        if (k + 1 < b && joins(static_cast<unsigned char>(s[k])) && same(static_cast<unsigned char>(s[k + 1]))) {
          k += 2;
          continue;
        }
        break;
      }
      add_token(start, k, word ? TokenKind::word : TokenKind::number);
    }
  }

  // The tokens ICU's word iterator finds in the UTF-16 span [ustart, uend); returns the
  // boundary it stopped at, uend or (when spaces join across it, WB3d) beyond.
  int32_t icu_tokens(int32_t ustart, int32_t uend) {
    // The boundary at or before ustart; preceding() gives DONE when ustart + 1 falls inside a
    // surrogate pair at the start of the text (it moves back to 0, and nothing precedes 0).
    int32_t prev = word_bi_->preceding(ustart + 1);
    if (prev == icu::BreakIterator::DONE) prev = word_bi_->first();
    for (int32_t b = word_bi_->next(); b != icu::BreakIterator::DONE; prev = b, b = word_bi_->next()) {
      const int32_t status = word_bi_->getRuleStatus();
      if (status >= UBRK_WORD_NONE_LIMIT) {
        // The word rules attach format characters to the word before them; U+FEFF is one,
        // but sentences are trimmed of it, so trim tokens the same way ("0<U+FEFF>").
        const auto [start, end] =
            trim(doc_.text, offsets_[static_cast<std::size_t>(prev)], offsets_[static_cast<std::size_t>(b)]);
        if (start != end) add_token(start, end, status < UBRK_WORD_NUMBER_LIMIT ? TokenKind::number : TokenKind::word);
      }
      if (b >= uend) return b;
    }
    return uend;
  }

  void add_token(std::size_t start, std::size_t end, TokenKind kind) {
    Token tok;
    tok.start = static_cast<u32>(start);
    tok.end = static_cast<u32>(end);
    const u32 n_sent = static_cast<u32>(doc_.sentences.size());
    while (sent_ + 1 < n_sent && tok.start >= doc_.sentences[sent_].end) {
      doc_.sentences[sent_].token_end = static_cast<u32>(doc_.tokens.size());
      ++sent_;
      doc_.sentences[sent_].token_begin = static_cast<u32>(doc_.tokens.size());
    }
    tok.sentence = sent_;
    tok.kind = kind;
    intern(tok);
    doc_.tokens.push_back(tok);
  }

  // A document's terms are numbered in first-seen order; a term's stem is decided by the kind
  // of the token that first brings it (numbers are not stemmed).
  void intern(Token& tok) {
    const u32 t = table_->term_of(doc_.span(tok.start, tok.end));
    u32& doc_term = table_->doc_term(t);
    if (doc_term == StringIds::kNone) {
      doc_term = static_cast<u32>(doc_.terms.size());
      doc_.terms.emplace_back(table_->term(t));
      const u32 s = table_->stem_of(t, tok.kind == TokenKind::word);
      u32& doc_stem = table_->doc_stem(s);
      if (doc_stem == StringIds::kNone) {
        doc_stem = static_cast<u32>(doc_.stems.size());
        doc_.stems.emplace_back(table_->stem(s));
      }
      info_.push_back({doc_stem, table_->is_stopword(t)});
    }
    tok.term = doc_term;
    tok.stem = info_[doc_term].stem;
    tok.is_stopword = info_[doc_term].stop;
  }

 private:
  struct TermInfo {
    u32 stem;
    bool stop;
  };

  Document& doc_;
  const std::vector<u32>& offsets_;
  TermTable* table_ = nullptr;
  icu::BreakIterator* word_bi_ = nullptr;
  std::vector<TermInfo> info_;  // per document term
  u32 sent_ = 0;                // sentence of the last token
};

}  // namespace

void tokenize(Document& doc, const icu::UnicodeString& u16, const std::vector<u32>& offsets,
              const LanguageResources& lang) {
  Tokenizer(doc, offsets, lang).run(u16);
}

}  // namespace synopsis::segmentation
