// Word and number tokens: ICU word boundaries, NFKC-casefold forms, Snowball stems and
// stopword flags, interned so that each distinct form is normalised and stemmed once.
#include <unicode/normalizer2.h>

#include <stdexcept>

#include "segment_internal.hpp"

namespace synopsis::segmentation {
namespace {

class Tokenizer {
 public:
  Tokenizer(Document& doc, const std::vector<u32>& offsets, const LanguageResources& lang)
      : doc_(doc), lang_(lang), offsets_(offsets) {
    ThreadTools& tools = thread_tools();
    stemmer_ = tools.stemmer(lang);
    stem_cache_ = &tools.stem_cache[lang.code];
    word_bi_ = &tools.get(true, lang.code);
  }

  void run(const icu::UnicodeString& u16) {
    const u32 n_sent = static_cast<u32>(doc_.sentences.size());
    if (n_sent == 0) return;
    doc_.tokens.reserve(doc_.text.size() / 6);
    raw_terms_.reserve(doc_.text.size() / 16);
    term_ids_.reserve(doc_.text.size() / 20);
    stem_ids_.reserve(doc_.text.size() / 24);
    word_bi_->setText(u16);
    u32 sent = 0;
    doc_.sentences[0].token_begin = 0;
    int32_t prev = word_bi_->first();
    for (int32_t b = word_bi_->next(); b != icu::BreakIterator::DONE; prev = b, b = word_bi_->next()) {
      const int32_t status = word_bi_->getRuleStatus();
      if (status < UBRK_WORD_NONE_LIMIT) continue;  // spaces and punctuation
      // The word rules attach format characters to the word before them; U+FEFF is one,
      // but sentences are trimmed of it, so trim tokens the same way ("0<U+FEFF>").
      const auto [tok_start, tok_end] =
          trim(doc_.text, offsets_[static_cast<std::size_t>(prev)], offsets_[static_cast<std::size_t>(b)]);
      if (tok_start == tok_end) continue;
      Token tok;
      tok.start = static_cast<u32>(tok_start);
      tok.end = static_cast<u32>(tok_end);
      while (sent + 1 < n_sent && tok.start >= doc_.sentences[sent].end) {
        doc_.sentences[sent].token_end = static_cast<u32>(doc_.tokens.size());
        ++sent;
        doc_.sentences[sent].token_begin = static_cast<u32>(doc_.tokens.size());
      }
      tok.sentence = sent;
      tok.kind = status < UBRK_WORD_NUMBER_LIMIT ? TokenKind::number : TokenKind::word;
      intern(tok);
      doc_.tokens.push_back(tok);
    }
    doc_.sentences[sent].token_end = static_cast<u32>(doc_.tokens.size());
    for (u32 si = sent + 1; si < n_sent; ++si)
      doc_.sentences[si].token_begin = doc_.sentences[si].token_end = static_cast<u32>(doc_.tokens.size());
  }

  void intern(Token& tok) {
    const std::string_view raw = doc_.span(tok.start, tok.end);
    auto it = raw_terms_.find(raw);
    if (it != raw_terms_.end()) {
      tok.term = it->second.term;
      tok.stem = it->second.stem;
      tok.is_stopword = it->second.stop;
      return;
    }
    const std::string norm = normalise(raw);
    Interned entry;
    auto term_it = term_ids_.find(norm);
    if (term_it == term_ids_.end()) {
      entry.term = static_cast<u32>(doc_.terms.size());
      doc_.terms.push_back(norm);
      term_ids_.emplace(norm, entry.term);
      const std::string& stem = (stemmer_ && tok.kind == TokenKind::word) ? stem_of(norm) : norm;
      auto [stem_it, inserted] = stem_ids_.emplace(stem, static_cast<u32>(doc_.stems.size()));
      if (inserted) doc_.stems.push_back(stem);
      entry.stem = stem_it->second;
      entry.stop = lang_.stopwords.count(norm) != 0;
      term_info_.push_back(entry);
    } else {
      entry = term_info_[term_it->second];
    }
    raw_terms_.emplace(raw, entry);
    tok.term = entry.term;
    tok.stem = entry.stem;
    tok.is_stopword = entry.stop;
  }

  // Snowball stems are the costliest part of tokenising; words recur across documents, so
  // each thread keeps the stems it has computed (bounded: cleared when it grows large).
  const std::string& stem_of(const std::string& norm) {
    auto it = stem_cache_->find(norm);
    if (it != stem_cache_->end()) return it->second;
    if (stem_cache_->size() >= kStemCacheLimit) stem_cache_->clear();
    const sb_symbol* out = sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(norm.data()),
                                           static_cast<int>(norm.size()));
    std::string stem = out ? std::string(reinterpret_cast<const char*>(out),
                                         static_cast<std::size_t>(sb_stemmer_length(stemmer_)))
                           : norm;
    return stem_cache_->emplace(norm, std::move(stem)).first->second;
  }

  std::string normalise(std::string_view raw) const {
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

 private:
  struct Interned {
    u32 term = 0, stem = 0;
    bool stop = false;
  };

  Document& doc_;
  const LanguageResources& lang_;
  const std::vector<u32>& offsets_;
  static constexpr std::size_t kStemCacheLimit = 200000;
  sb_stemmer* stemmer_ = nullptr;
  std::unordered_map<std::string, std::string>* stem_cache_ = nullptr;
  icu::BreakIterator* word_bi_ = nullptr;
  std::unordered_map<std::string_view, Interned> raw_terms_;
  std::unordered_map<std::string, u32> term_ids_, stem_ids_;
  std::vector<Interned> term_info_;
};

}  // namespace

void tokenize(Document& doc, const icu::UnicodeString& u16, const std::vector<u32>& offsets,
              const LanguageResources& lang) {
  Tokenizer(doc, offsets, lang).run(u16);
}

}  // namespace synopsis::segmentation
