// Per-language resources: stopwords, abbreviations, Snowball stemmers.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace synopsis {

// title: never ends a sentence ("Mr."); abbreviation: ends one only before a capitalised
// function word ("U.S."); final: ends one before any capital ("etc."); before_number: an
// abbreviation only when a number follows ("p. 55").
enum class AbbreviationKind { title, abbreviation, final, before_number };

struct LanguageResources {
  std::string code;  // primary subtag, lowercase ("en", "de", "hy")
  std::unordered_set<std::string> stopwords;
  std::unordered_map<std::string, AbbreviationKind> abbreviations;  // lowercase, no final period
  bool has_stemmer = false;

  bool is_stopword(std::string_view normalised) const {
    return stopwords.count(std::string(normalised)) != 0;
  }
};

// Validates a language code ("en", "pt-BR", "hy_AM") and returns its primary subtag,
// lowercased. Throws std::invalid_argument for a malformed code.
std::string primary_language(std::string_view code);

// Resources for a language, loaded once and shared (thread-safe). A well-formed code
// without data gets empty lists: segmentation still works, without stopwords or stems.
const LanguageResources& language_resources(std::string_view code);

// Languages with a stopword list, and languages with a Snowball stemmer.
std::vector<std::string> stopword_languages();
std::vector<std::string> stemmer_languages();

// The stopwords of a language (sorted), for users and tests.
std::vector<std::string> stopwords(std::string_view code);

}  // namespace synopsis
