#include "synopsis/language.hpp"

#include "embedded_data.hpp"
#include "synopsis/unicode.hpp"

#include <libstemmer.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>

namespace synopsis {

namespace {

std::unique_ptr<LanguageResources> load(const std::string& code) {
  auto res = std::make_unique<LanguageResources>();
  res->code = code;
  for (auto line : detail::embedded_lines("stopwords/" + code + ".txt"))
    res->stopwords.emplace(line);
  for (auto line : detail::embedded_lines("abbreviations/" + code + ".txt")) {
    const auto tab = line.find('\t');
    std::string_view word = line.substr(0, tab);
    std::string_view kind = tab == std::string_view::npos ? "abbrev" : line.substr(tab + 1);
    while (!kind.empty() && std::isspace(static_cast<unsigned char>(kind.front()))) kind.remove_prefix(1);
    AbbreviationKind k = AbbreviationKind::abbreviation;
    if (kind == "title") k = AbbreviationKind::title;
    else if (kind == "number") k = AbbreviationKind::before_number;
    else if (kind == "final") k = AbbreviationKind::final;
    res->abbreviations.emplace(std::string(word), k);
  }
  if (sb_stemmer* probe = sb_stemmer_new(code.c_str(), "UTF_8")) {
    res->has_stemmer = true;
    sb_stemmer_delete(probe);
  }
  return res;
}

}  // namespace

std::string primary_language(std::string_view code) {
  // BCP 47 shape, loosely: 2-3 letter primary subtag, then '-' or '_' separated subtags.
  auto bad = [&] {
    // Echo at most 40 bytes, cut at a code point boundary and made valid UTF-8, so the
    // message itself can always be decoded (Python turns it into a ValueError).
    std::size_t n = std::min<std::size_t>(code.size(), 40);
    while (n > 0 && n < code.size() && (static_cast<unsigned char>(code[n]) & 0xC0) == 0x80) --n;
    const std::string shown = replace_invalid_utf8(code.substr(0, n)) + (n < code.size() ? "..." : "");
    return std::invalid_argument("language must be a code such as \"en\", \"de\" or \"pt-BR\", got \"" +
                                 shown + "\"");
  };
  std::size_t i = 0;
  while (i < code.size() && std::isalpha(static_cast<unsigned char>(code[i]))) ++i;
  if (i < 2 || i > 3) throw bad();
  std::string primary(code.substr(0, i));
  for (auto& c : primary) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  while (i < code.size()) {
    if (code[i] != '-' && code[i] != '_') throw bad();
    std::size_t j = ++i;
    while (j < code.size() && std::isalnum(static_cast<unsigned char>(code[j]))) ++j;
    if (j - i < 1 || j - i > 8) throw bad();
    i = j;
  }
  return primary;
}

const LanguageResources& language_resources(std::string_view code) {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<LanguageResources>> cache;
  const std::string primary = primary_language(code);
  std::lock_guard<std::mutex> lock(mutex);
  auto& slot = cache[primary];
  if (!slot) slot = load(primary);
  return *slot;
}

std::vector<std::string> stopword_languages() {
  std::vector<std::string> out;
  constexpr std::string_view prefix = "stopwords/", suffix = ".txt";
  for (std::string_view name : detail::embedded_file_names()) {
    if (name.substr(0, prefix.size()) != prefix || name.size() < prefix.size() + suffix.size()) continue;
    if (name.substr(name.size() - suffix.size()) != suffix) continue;
    out.emplace_back(name.substr(prefix.size(), name.size() - prefix.size() - suffix.size()));
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> stemmer_languages() {
  std::vector<std::string> out;
  for (const char* const* p = sb_stemmer_list(); *p; ++p) out.emplace_back(*p);
  return out;
}

std::vector<std::string> stopwords(std::string_view code) {
  const auto& res = language_resources(code);
  std::vector<std::string> out(res.stopwords.begin(), res.stopwords.end());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace synopsis
