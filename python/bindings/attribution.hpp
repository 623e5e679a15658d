// Python views of attribution results, shared by the attribution and stance bindings.
#pragma once

#include <pybind11/pybind11.h>

#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "synopsis/attribution.hpp"
#include "text.hpp"

namespace synopsis::python {

namespace py = pybind11;

using PyCue = std::tuple<std::string, std::string, std::size_t, std::size_t>;  // kind, text, start, end

struct PyAttribution {
  std::optional<std::string> source;
  std::optional<std::size_t> start, end;  // str span of the source
  std::string kind;                       // none, parenthetical, according_to, reporting_verb
  std::string label;                      // tag of a parenthetical ("Source", "Analysis", ...)
  std::optional<std::string> cue;         // text that introduced the source
  bool reported = false;
};

struct PyAttributedSentence {
  std::size_t index, start, end;
  std::string text;
  PyAttribution attribution;
  std::vector<PyAttribution> sources;
  std::vector<PyCue> cues;
  bool reported, hedged, negated;
};

PyAttribution to_python(const Document& doc, const CodePointIndex& cp, const Attribution& a, bool reported);
std::vector<PyCue> to_python(const Document& doc, const CodePointIndex& cp, const std::vector<Cue>& cues);
PyAttributedSentence to_python(const Document& doc, const CodePointIndex& cp, const SentenceAttribution& s);

}  // namespace synopsis::python
