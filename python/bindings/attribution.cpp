// Binding for synopsis/attribution.hpp (and the cues of synopsis/cues.hpp).
#include "attribution.hpp"

#include <pybind11/stl.h>

#include "arguments.hpp"
#include "document.hpp"
#include "parallel.hpp"
#include "results.hpp"
#include "state.hpp"
#include "synopsis/segment.hpp"

namespace synopsis::python {

PyAttribution to_python(const Document& doc, const CodePointIndex& cp, const Attribution& a, bool reported) {
  PyAttribution out;
  out.kind = attribution_kind_name(a.kind);
  out.reported = reported;
  if (a.has_source()) {
    out.source = std::string(doc.span(a.source_start, a.source_end));
    out.start = cp(a.source_start);
    out.end = cp(a.source_end);
    out.cue = std::string(doc.span(a.cue_start, a.cue_end));
    out.label = a.label;
  }
  return out;
}

std::vector<PyCue> to_python(const Document& doc, const CodePointIndex& cp, const std::vector<Cue>& cues) {
  std::vector<PyCue> out;
  out.reserve(cues.size());
  for (const Cue& c : cues) {
    std::string kind = cue_kind_name(c.kind);
    if (c.negated && (c.kind == CueKind::support || c.kind == CueKind::refute)) kind = "negated_" + kind;
    out.emplace_back(kind, std::string(doc.span(c.start, c.end)), cp(c.start), cp(c.end));
  }
  return out;
}

PyAttributedSentence to_python(const Document& doc, const CodePointIndex& cp, const SentenceAttribution& s) {
  const Sentence& sent = doc.sentences[s.sentence];
  PyAttributedSentence out{s.sentence, cp(sent.start), cp(sent.end), std::string(doc.sentence_text(s.sentence)),
                           to_python(doc, cp, s.attribution, s.reported), {}, to_python(doc, cp, s.cues),
                           s.reported, s.hedged, s.negated};
  for (const Attribution& a : s.sources) out.sources.push_back(to_python(doc, cp, a, s.reported));
  return out;
}

std::vector<std::string> attribution_kind_names() {
  std::vector<std::string> names;
  for (AttributionKind kind : {AttributionKind::none, AttributionKind::parenthetical, AttributionKind::according_to,
                               AttributionKind::reporting_verb})
    names.emplace_back(attribution_kind_name(kind));
  return names;
}

void register_attribution(py::module_& m) {
  py::class_<PyAttribution> attribution(m, "Attribution", R"doc(
Who a sentence attributes its content to.

``source`` is the source text (None when the sentence names none), ``start``/``end`` its str
span, ``kind`` one of none, parenthetical ("(Source: X)"), according_to, reporting_verb
("X said"), ``label`` the tag of a parenthetical ("Source", "Analysis", ...), ``cue`` the text
that introduced the source, and ``reported`` whether the sentence is reported speech rather
than asserted by the text itself.
)doc");
  def_plain_data(attribution);
  attribution
      .def_readonly("source", &PyAttribution::source)
      .def_readonly("start", &PyAttribution::start)
      .def_readonly("end", &PyAttribution::end)
      .def_readonly("kind", &PyAttribution::kind)
      .def_readonly("label", &PyAttribution::label)
      .def_readonly("cue", &PyAttribution::cue)
      .def_readonly("reported", &PyAttribution::reported)
      .def("__repr__", [](const PyAttribution& a) {
        std::string src = a.source ? std::string(py::repr(py::str(*a.source))) : "None";
        return "Attribution(source=" + src + ", kind='" + a.kind + "', reported=" + (a.reported ? "True" : "False") + ")";
      })
      .def(py::pickle(
          [](const PyAttribution& a) { return py::make_tuple(a.source, a.start, a.end, a.kind, a.label, a.cue, a.reported); },
          [](const py::object& state) {
            const StateReader r(state, "Attribution", 7);
            PyAttribution a;
            a.source = r.optional_text(0);
            a.start = r.optional_count(1);
            a.end = r.optional_count(2);
            a.kind = r.choice(3, attribution_kind_names());
            a.label = r.text(4);
            a.cue = r.optional_text(5);
            a.reported = r.flag(6);
            r.require(a.source.has_value() == a.start.has_value() && a.start.has_value() == a.end.has_value(),
                      "source, start and end come together or not at all");
            if (a.source) r.require_span(*a.start, *a.end, py::len(r.item(0)));
            return a;
          }));

  py::class_<PyAttributedSentence> attributed(m, "AttributedSentence", R"doc(
A sentence with its attribution, cues and hedging. ``cues`` is a list of
(kind, text, start, end) with kind in support, refute, hedge, negation, reporting (support and
refute inside a negation's scope come as negated_support / negated_refute); offsets are str
indices into the analysed text.
)doc");
  def_plain_data(attributed);
  attributed
      .def_readonly("index", &PyAttributedSentence::index)
      .def_readonly("text", &PyAttributedSentence::text)
      .def_readonly("start", &PyAttributedSentence::start)
      .def_readonly("end", &PyAttributedSentence::end)
      .def_readonly("attribution", &PyAttributedSentence::attribution)
      .def_readonly("sources", &PyAttributedSentence::sources)
      .def_readonly("cues", &PyAttributedSentence::cues)
      .def_readonly("reported", &PyAttributedSentence::reported)
      .def_readonly("hedged", &PyAttributedSentence::hedged)
      .def_readonly("negated", &PyAttributedSentence::negated)
      .def_property_readonly("source", [](const PyAttributedSentence& s) { return s.attribution.source; })
      .def("__repr__", [](const PyAttributedSentence& s) {
        std::string text = shorten_utf8(s.text, 50);
        std::string src = s.attribution.source ? std::string(py::repr(py::str(*s.attribution.source))) : "None";
        return "AttributedSentence(" + std::to_string(s.index) + ", " + std::string(py::repr(py::str(text))) +
               ", source=" + src + ", reported=" + (s.reported ? "True" : "False") +
               ", hedged=" + (s.hedged ? "True" : "False") + ")";
      })
      .def(py::pickle(
          [](const PyAttributedSentence& s) {
            return py::make_tuple(s.index, s.start, s.end, py::str(s.text), s.attribution, s.sources, s.cues, s.reported,
                                  s.hedged, s.negated);
          },
          [](const py::object& state) {
            const StateReader r(state, "AttributedSentence", 10);
            PyAttributedSentence s{r.count(0), r.count(1), r.count(2), r.text(3), r.bound<PyAttribution>(r.item(4), 4),
                                   r.bound_list<PyAttribution>(5), cues_from_state(r, 6), r.flag(7), r.flag(8),
                                   r.flag(9)};
            r.require_span(s.start, s.end, py::len(r.item(3)));
            return s;
          }));

  m.def("attributions", [](py::handle text, const Language& language, const std::string& format,
                           const std::string& errors) {
        auto doc = std::make_shared<const Document>(segment_python(text, language.code, errors, format));
        const std::vector<SentenceAttribution> result = run_interruptible(doc->text.size(), [doc] { return attribute(*doc); });
        CodePointIndex cp(doc->text);
        std::vector<PyAttributedSentence> out;
        for (const auto& s : result) out.push_back(to_python(*doc, cp, s));
        return out;
      },
      py::arg("text"), py::kw_only(), py::arg("language") = SegmentOptions{}.language,
      py::arg("format") = SegmentOptions{}.format, py::arg("errors") = "strict",
      R"doc(
Attribution and hedging of every sentence of a text.

Arguments:
    text: str, or UTF-8 bytes.
    language: language code for segmentation (the cue lexicons are English).
    format: "auto" (HTML when the text starts like a page), "text" or "html".
    errors: "strict" (invalid UTF-8 raises ValueError) or "replace".

Returns:
    list[AttributedSentence], one per sentence, each with ``attribution`` (source text and
    span, or None), ``reported``, ``hedged``, ``negated`` and ``cues``.

Example:
    >>> s = synopsis.attributions("Reportedly, the talks stalled (Source: officials).")[0]
    >>> s.attribution.source, s.hedged
    ('officials', True)
)doc");
}

}  // namespace synopsis::python
