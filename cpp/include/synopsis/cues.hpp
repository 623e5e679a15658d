// Cue lexicons for stance and attribution: support, refute, hedge, negation and reporting
// verbs, matched on the normalised tokens of a sentence (multi-word cues allowed).
//
// The word lists are the data files cpp/data/cues/<kind>.txt compiled into the library.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "synopsis/document.hpp"

namespace synopsis {

enum class CueKind : std::uint8_t { support, refute, hedge, negation, reporting };
constexpr int kCueKinds = 5;

const char* cue_kind_name(CueKind kind);

struct Cue {
  CueKind kind = CueKind::hedge;
  std::uint32_t start = 0;        // byte offsets into Document::text
  std::uint32_t end = 0;
  std::uint32_t token_begin = 0;  // tokens [token_begin, token_end) of the document
  std::uint32_t token_end = 0;
  bool negated = false;           // inside the scope of a negation cue (not set for negations)
};

class CueLexicon {
 public:
  // The English lexicon compiled from cpp/data/cues/*.txt (built once, thread-safe).
  static const CueLexicon& english();

  // Builds a lexicon from lists of cues (lower case; words separated by spaces).
  void add(CueKind kind, std::string_view cue);
  std::size_t size(CueKind kind) const { return sizes_[static_cast<int>(kind)]; }

  // Cues of the tokens [token_begin, token_end) of doc, in text order. Where cues of one kind
  // overlap the longest wins; a word may carry cues of several kinds ("claimed" is both a
  // hedge and a reporting verb). Negation scope: the words after a negation cue up to the next
  // clause punctuation, at most `negation_window` words.
  std::vector<Cue> find(const Document& doc, std::size_t token_begin, std::size_t token_end,
                        std::size_t negation_window = 6) const;
  std::vector<Cue> find_in_sentence(const Document& doc, std::size_t sentence) const {
    const Sentence& s = doc.sentences.at(sentence);
    return find(doc, s.token_begin, s.token_end);
  }

 private:
  struct Entry {
    std::vector<std::string> words;
    CueKind kind;
  };
  std::unordered_map<std::string, std::vector<Entry>> by_first_;  // first word -> cues
  std::size_t sizes_[kCueKinds] = {0, 0, 0, 0, 0};
};

// Normalised form of token i for cue matching: the casefolded term with typographic
// apostrophes replaced by ASCII ones.
std::string cue_form(const Document& doc, std::size_t token);

// True when the text between two byte offsets holds clause punctuation (, ; : ( ) quotes,
// dashes or sentence ends): used to bound negation scope and attribution sources.
bool clause_break_between(std::string_view text, std::size_t from, std::size_t to);

}  // namespace synopsis
