// Per-thread ICU break iterators, Snowball stemmers and term tables, created on first use and
// handed on to the next thread when a thread ends.
#include <algorithm>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

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

namespace {

// Tools of threads that have ended, warm (break iterators built, term tables filled), for the
// next thread that starts work: batch calls and long single calls run on fresh threads, which
// would otherwise rebuild every iterator and table. At most kept() sets wait here; a set in use
// belongs to one thread only, so its tools need no locking.
class ToolShelf {
 public:
  std::unique_ptr<ThreadTools> take() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (shelf_.empty()) return std::make_unique<ThreadTools>();
    std::unique_ptr<ThreadTools> tools = std::move(shelf_.back());
    shelf_.pop_back();
    return tools;
  }
  void give_back(std::unique_ptr<ThreadTools> tools) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (shelf_.size() < kept()) shelf_.push_back(std::move(tools));
    }
    // A set the shelf has no room for is destroyed here, outside the lock.
  }

 private:
  // One set per hardware thread and one for the thread that waits on them.
  static std::size_t kept() { return std::max(1u, std::thread::hardware_concurrency()) + 1; }
  std::mutex mutex_;
  std::vector<std::unique_ptr<ThreadTools>> shelf_;
};

// Never destroyed: threads may end (and give their tools back) after static destruction.
ToolShelf& shelf() {
  static ToolShelf* const instance = new ToolShelf;
  return *instance;
}

struct Borrowed {
  std::unique_ptr<ThreadTools> tools = shelf().take();
  ~Borrowed() { shelf().give_back(std::move(tools)); }
};

}  // namespace

ThreadTools& thread_tools() {
  thread_local Borrowed borrowed;
  return *borrowed.tools;
}

}  // namespace synopsis::segmentation
