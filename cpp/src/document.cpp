#include "synopsis/document.hpp"

#include <algorithm>

namespace synopsis {

std::size_t Document::prose_sentence_count() const {
  return static_cast<std::size_t>(
      std::count_if(sentences.begin(), sentences.end(), [](const Sentence& s) { return s.is_prose(); }));
}

}  // namespace synopsis
