// Attribution and hedging per sentence: who says it (the source), whether the sentence is
// reported or asserted, and how firmly (hedges, negation).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "synopsis/cues.hpp"
#include "synopsis/document.hpp"

namespace synopsis {

enum class AttributionKind : std::uint8_t {
  none,            // no source named
  parenthetical,   // "(Source: X)", "(Analysis: X)", "(Attribution: X)", ...
  according_to,    // "according to X"
  reporting_verb,  // "X said", "X urged", "said X"
};

const char* attribution_kind_name(AttributionKind kind);

struct Attribution {
  AttributionKind kind = AttributionKind::none;
  std::uint32_t source_start = 0;  // byte span of the source ("official statements, ...")
  std::uint32_t source_end = 0;
  std::uint32_t cue_start = 0;     // byte span of what introduced it ("Source", "according to", "said")
  std::uint32_t cue_end = 0;
  std::string label;               // the tag of a parenthetical ("Source", "Analysis", ...)

  bool has_source() const { return kind != AttributionKind::none; }
};

struct SentenceAttribution {
  std::size_t sentence = 0;
  Attribution attribution;           // the most explicit source: parenthetical, according to, verb
  std::vector<Attribution> sources;  // every source found, in text order
  std::vector<Cue> cues;             // all cues of the sentence
  bool reported = false;             // a source or a reporting/evidential cue: reported speech
  bool hedged = false;               // holds a hedge cue
  bool negated = false;              // holds a negation cue
};

// Attributions of one sentence of doc.
SentenceAttribution attribute_sentence(const Document& doc, std::size_t sentence,
                                       const CueLexicon& lexicon = CueLexicon::english());

// Attributions of every sentence of doc.
std::vector<SentenceAttribution> attribute(const Document& doc, const CueLexicon& lexicon = CueLexicon::english());

}  // namespace synopsis
