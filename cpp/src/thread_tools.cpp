// Per-thread ICU break iterators, Snowball stemmers and term tables, created on first use.
#include <stdexcept>

#include "segment_internal.hpp"

namespace synopsis::segmentation {

ThreadTools::~ThreadTools() {
  for (auto& kv : stemmers)
    if (kv.second) sb_stemmer_delete(kv.second);
}

icu::BreakIterator& ThreadTools::get(bool words, const std::string& lang) {
  auto& cache = words ? word : sentence;
  auto& slot = cache[lang];
  if (!slot) {
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale locale(lang.c_str());
    slot.reset(words ? icu::BreakIterator::createWordInstance(locale, status)
                     : icu::BreakIterator::createSentenceInstance(locale, status));
    if (U_FAILURE(status) || !slot) {
      status = U_ZERO_ERROR;
      slot.reset(words ? icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status)
                       : icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
      if (U_FAILURE(status) || !slot) throw std::runtime_error("ICU could not create a BreakIterator");
    }
  }
  return *slot;
}

sb_stemmer* ThreadTools::stemmer(const LanguageResources& lang) {
  if (!lang.has_stemmer) return nullptr;
  auto it = stemmers.find(lang.code);
  if (it != stemmers.end()) return it->second;
  return stemmers[lang.code] = sb_stemmer_new(lang.code.c_str(), "UTF_8");
}

TermTable& ThreadTools::term_table(const LanguageResources& lang) {
  auto& slot = term_tables[lang.code];
  if (!slot) slot = std::make_unique<TermTable>(lang, stemmer(lang));
  return *slot;
}

ThreadTools& thread_tools() {
  thread_local ThreadTools tools;
  return tools;
}

}  // namespace synopsis::segmentation
