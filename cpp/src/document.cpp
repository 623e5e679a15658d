#include "synopsis/document.hpp"

#include <algorithm>

namespace synopsis {

const char* boilerplate_kind_name(BoilerplateKind kind) {
  switch (kind) {
    case BoilerplateKind::none: return "none";
    case BoilerplateKind::navigation: return "navigation";
    case BoilerplateKind::repeated: return "repeated";
    case BoilerplateKind::consent: return "consent";
    case BoilerplateKind::subscription: return "subscription";
    case BoilerplateKind::comment: return "comment";
    case BoilerplateKind::share: return "share";
    case BoilerplateKind::advertisement: return "advertisement";
    case BoilerplateKind::related: return "related";
    case BoilerplateKind::byline: return "byline";
    case BoilerplateKind::dateline: return "dateline";
    case BoilerplateKind::caption: return "caption";
    case BoilerplateKind::footer: return "footer";
  }
  return "none";
}

std::size_t Document::prose_sentence_count() const {
  return static_cast<std::size_t>(
      std::count_if(sentences.begin(), sentences.end(), [](const Sentence& s) { return s.is_prose(); }));
}

}  // namespace synopsis
