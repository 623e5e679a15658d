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

namespace {

// The run that holds text byte `offset` (runs are sorted by text offset; the first starts at 0).
const SourceRun& run_at(const std::vector<SourceRun>& runs, std::uint32_t offset) {
  auto it = std::upper_bound(runs.begin(), runs.end(), offset,
                             [](std::uint32_t o, const SourceRun& r) { return o < r.text; });
  return it == runs.begin() ? *it : *(it - 1);
}

}  // namespace

std::uint32_t Document::source_start(std::uint32_t offset) const {
  if (source_runs.empty()) return is_html() ? 0 : offset;
  const auto at = static_cast<std::uint32_t>(std::min<std::size_t>(offset, text.size()));
  if (at == text.size()) return source_end(at);
  const SourceRun& r = run_at(source_runs, at);
  const std::size_t index = static_cast<std::size_t>(&r - source_runs.data());
  const std::uint32_t text_end =
      index + 1 < source_runs.size() ? source_runs[index + 1].text : static_cast<std::uint32_t>(text.size());
  if (text_end - r.text == r.source_end - r.source_start) return r.source_start + (at - r.text);
  return r.source_start;
}

std::uint32_t Document::source_end(std::uint32_t offset) const {
  if (source_runs.empty()) return is_html() ? 0 : offset;
  const auto at = static_cast<std::uint32_t>(std::min<std::size_t>(offset, text.size()));
  if (at == 0) return source_runs.front().source_start;
  const SourceRun& r = run_at(source_runs, at - 1);  // the run of the span's last byte
  const std::size_t index = static_cast<std::size_t>(&r - source_runs.data());
  const std::uint32_t text_end =
      index + 1 < source_runs.size() ? source_runs[index + 1].text : static_cast<std::uint32_t>(text.size());
  if (text_end - r.text == r.source_end - r.source_start) return r.source_start + (at - r.text);
  return r.source_end;
}

}  // namespace synopsis
