// Binding for synopsis/stance.hpp: the zero-shot stance tagger.
#include <pybind11/stl.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "arguments.hpp"
#include "attribution.hpp"
#include "document.hpp"
#include "encoder.hpp"
#include "parallel.hpp"
#include "results.hpp"
#include "state.hpp"
#include "synopsis/segment.hpp"
#include "synopsis/stance.hpp"

namespace synopsis::python {

namespace {

struct PyStanceSentence {
  std::size_t index, start, end;
  std::string text, label;
  float relevance;
  std::vector<PyCue> cues;
  PyAttribution attribution;
  bool hedged, reported, negated;
};

struct PyStanceResult {
  std::string label;
  std::vector<std::string> labels;
  std::vector<float> scores;
  float relevance;
  std::vector<PyStanceSentence> sentences;
};

PyStanceResult convert(const Document& doc, const StanceResult& r) {
  CodePointIndex cp(doc.text);
  PyStanceResult out{r.label, r.labels, r.scores, r.relevance, {}};
  for (const SentenceStance& s : r.sentences) {
    const Sentence& sent = doc.sentences[s.sentence];
    out.sentences.push_back(PyStanceSentence{s.sentence, cp(sent.start), cp(sent.end),
                                             std::string(doc.sentence_text(s.sentence)), s.label, s.relevance,
                                             to_python(doc, cp, s.analysis.cues),
                                             to_python(doc, cp, s.analysis.attribution, s.analysis.reported),
                                             s.analysis.hedged, s.analysis.reported, s.analysis.negated});
  }
  return out;
}

std::vector<std::string> all_stance_labels() {
  std::vector<std::string> labels = stance_labels(StanceScheme::fnc);
  for (const std::string& label : stance_labels(StanceScheme::semeval)) labels.push_back(label);
  return labels;
}

std::string scheme_name(StanceScheme scheme) { return scheme == StanceScheme::fnc ? "fnc" : "semeval"; }

py::dict scores_dict(const PyStanceResult& r) {
  py::dict d;
  for (std::size_t i = 0; i < r.labels.size(); ++i) d[py::str(r.labels[i])] = r.scores[i];
  return d;
}

}  // namespace

void register_stance(py::module_& m) {
  py::class_<PyStanceSentence> stance_sentence(m, "StanceSentence", R"doc(
A sentence of a tagged text: ``label`` (a label of the scheme, "unrelated"/"none" when not
relevant), ``relevance`` to the target (cosine, 0..1), ``cues`` that decided, as
(kind, text, start, end), ``attribution`` (who says it), ``hedged``, ``reported``.
)doc");
  def_plain_data(stance_sentence);
  stance_sentence
      .def_readonly("index", &PyStanceSentence::index)
      .def_readonly("text", &PyStanceSentence::text)
      .def_readonly("start", &PyStanceSentence::start)
      .def_readonly("end", &PyStanceSentence::end)
      .def_readonly("label", &PyStanceSentence::label)
      .def_readonly("relevance", &PyStanceSentence::relevance)
      .def_readonly("cues", &PyStanceSentence::cues)
      .def_readonly("attribution", &PyStanceSentence::attribution)
      .def_readonly("hedged", &PyStanceSentence::hedged)
      .def_readonly("reported", &PyStanceSentence::reported)
      .def_readonly("negated", &PyStanceSentence::negated)
      .def("__repr__", [](const PyStanceSentence& s) {
        std::string text = shorten_utf8(s.text, 50);
        return "StanceSentence(" + std::to_string(s.index) + ", " + std::string(py::repr(py::str(text))) +
               ", label='" + s.label + "', relevance=" + std::to_string(s.relevance).substr(0, 5) + ")";
      })
      .def(py::pickle(
          [](const PyStanceSentence& s) {
            return py::make_tuple(s.index, s.start, s.end, py::str(s.text), s.label, s.relevance, s.cues, s.attribution,
                                  s.hedged, s.reported, s.negated);
          },
          [](const py::object& state) {
            const StateReader r(state, "StanceSentence", 11);
            PyStanceSentence s{r.count(0), r.count(1), r.count(2), r.text(3), r.choice(4, all_stance_labels()),
                               static_cast<float>(r.finite(5)), cues_from_state(r, 6),
                               r.bound<PyAttribution>(r.item(7), 7), r.flag(8), r.flag(9), r.flag(10)};
            r.require_span(s.start, s.end, py::len(r.item(3)));
            return s;
          }));

  py::class_<PyStanceResult> stance_result(m, "StanceResult",
                                           "The stance of a text toward a target: label, scores, sentences.");
  def_plain_data(stance_result, {"document", "source"});
  stance_result
      .def("to_frame", [](py::handle self) { return items_frame(self.attr("sentences")); }, R"doc(
One row per sentence (text, label, relevance, cues, ...) as a pandas DataFrame.

Example:
    >>> import synopsis as sy
    >>> r = sy.StanceTagger("the plan").tag("The plan works. It rained.")
    >>> r.to_frame().shape[0] == len(r.sentences)
    True
)doc")
      .def("_repr_html_", [](py::handle self) { return html_of("stance_html", self); })
      .def_readonly("label", &PyStanceResult::label)
      .def_property_readonly("scores", &scores_dict, "dict label -> score (the scores sum to 1)")
      .def_readonly("labels", &PyStanceResult::labels)
      .def_readonly("relevance", &PyStanceResult::relevance)
      .def_readonly("sentences", &PyStanceResult::sentences)
      .def("__repr__", [](const PyStanceResult& r) {
        return "StanceResult(label='" + r.label + "', relevance=" + std::to_string(r.relevance).substr(0, 5) +
               ", sentences=" + std::to_string(r.sentences.size()) + ")";
      })
      .def(py::pickle(
          [](const PyStanceResult& r) { return py::make_tuple(r.label, r.labels, r.scores, r.relevance, r.sentences); },
          [](const py::object& state) {
            const StateReader r(state, "StanceResult", 5);
            PyStanceResult result{r.text(0), r.texts(1), {}, static_cast<float>(r.finite(3)),
                                  r.bound_list<PyStanceSentence>(4)};
            // Scores pair with labels and are probabilities; the label is one of them.
            for (py::handle score : r.list(2)) {
              const double value = number(score, "StanceResult score");
              r.require(value >= 0.0 && value <= 1.0, "a score is not a probability");
              result.scores.push_back(static_cast<float>(value));
            }
            r.require(result.labels.size() == result.scores.size(), "labels and scores differ in length");
            r.require(std::find(result.labels.begin(), result.labels.end(), result.label) != result.labels.end(),
                      "the label is not one of the labels");
            return result;
          }));

  const StanceTaggerOptions defaults;
  py::class_<StanceTagger, std::shared_ptr<StanceTagger>>(m, "StanceTagger", R"doc(
Zero-shot stance of texts toward a target: relevance from the encoder, polarity from cue
lexicons (support, refute, hedge, negation) with negation scope, plus attribution.

Arguments:
    target: the claim or topic ("Armenia should leave the CSTO", a headline).
    scheme: "fnc" (agree, disagree, discuss, unrelated) or "semeval" (favor, against, none).
    encoder: a sentence encoder for relevance: "tfidf" (default), "bm25", "bm25+", "lsa", or
        "hashed" (the hashed TF-IDF of the classifier); IDF from the text's own sentences. Or
        an Encoder object such as a TransformerEncoder (semantic relevance; its cosines run
        higher than TF-IDF's, so related_threshold wants raising, e.g. 0.35 for all-MiniLM-L6-v2).
        With a TransformerEncoder or StaticEncoder and scheme="semeval", a text about the
        target (cosine >= 0.2) that no praise or blame word decides takes the side whose
        statements it is nearer ("I support X." / "X is good." against "I am against X." /
        "X is bad."), when it leans clearly; otherwise it stays "none".
    language: language code for segmentation.
    format: "auto" (HTML when a text starts like a page), "text" or "html": how the texts
        tagged are read (the target is always text).
    related_threshold: document relevance below which the text is unrelated / none.
    sentence_threshold: sentence relevance below which a sentence gives no polarity.
    include_comments: readers' comments count as part of the text; by default they are
        page furniture and take no part (a reader's opinion is not the article's).

Example:
    >>> t = synopsis.StanceTagger("the moon landing was faked")
    >>> t.tag("Experts say the moon landing was not faked; the hoax claims are false.").label
    'disagree'
)doc")
      .def(py::init([](py::handle target, const std::string& scheme, py::handle encoder,
                       const Language& language, const std::string& format, float related_threshold,
                       float sentence_threshold, bool include_comments) {
             StanceTaggerOptions o;
             o.scheme = parse_stance_scheme(scheme);
             if (PyUnicode_Check(encoder.ptr())) {
               o.encoder = utf8_from_python(encoder, "strict", "encoder");
             } else {
               o.encoder_model = encoder_from_python(encoder);  // TypeError for anything but an Encoder
               o.encoder = o.encoder_model->name();
             }
             o.language = language.code;
             o.format = format;
             o.related_threshold = related_threshold;
             o.sentence_threshold = sentence_threshold;
             o.include_comments = include_comments;
             return std::make_shared<StanceTagger>(utf8_from_python(target, "strict", "target"), o);
           }),
           py::arg("target"), py::kw_only(), py::arg("scheme") = scheme_name(defaults.scheme),
           py::arg("encoder") = defaults.encoder, py::arg("language") = defaults.language,
           py::arg("format") = defaults.format, py::arg("related_threshold") = shortest_decimal(defaults.related_threshold),
           py::arg("sentence_threshold") = shortest_decimal(defaults.sentence_threshold),
           py::arg("include_comments") = defaults.include_comments)
      .def_property_readonly("target", &StanceTagger::target)
      .def_property_readonly("scheme", [](const StanceTagger& t) { return scheme_name(t.options().scheme); })
      .def_property_readonly("format", [](const StanceTagger& t) { return t.options().format; })
      .def_property_readonly("labels", [](const StanceTagger& t) { return stance_labels(t.options().scheme); })
      .def("tag", [](const std::shared_ptr<StanceTagger>& t, py::handle text, const std::string& errors) {
             auto doc = std::make_shared<const Document>(segment_python(text, t->options().language, errors, t->options().format));
             const StanceResult r = run_interruptible(doc->text.size(), [t, doc] { return t->tag(*doc); });
             return convert(*doc, r);
           },
           py::arg("text"), py::kw_only(), py::arg("errors") = "strict", "Stance of one text -> StanceResult.")
      .def("tag_batch", [](const StanceTagger& t, py::handle texts, int n_jobs, const std::string& errors) {
             const std::vector<std::string> utf8 = utf8_list_from_python(texts, errors);
             std::vector<Document> docs(utf8.size());
             std::vector<StanceResult> results(utf8.size());
             SegmentOptions so;
             so.language = t.options().language;
             so.format = t.options().format;
             run_batch(utf8.size(), n_jobs, [&](std::size_t i) {
               docs[i] = segment(utf8[i], so);
               results[i] = t.tag(docs[i]);
             });
             std::vector<PyStanceResult> out;
             for (std::size_t i = 0; i < utf8.size(); ++i) out.push_back(convert(docs[i], results[i]));
             return out;
           },
           py::arg("texts"), py::kw_only(), py::arg("n_jobs") = -1, py::arg("errors") = "strict",
           "Stance of many texts, GIL released, on n_jobs threads -> list[StanceResult].")
      .def("__repr__", [](const StanceTagger& t) {
        return "StanceTagger(" + std::string(py::repr(py::str(t.target()))) + ", scheme='" +
               scheme_name(t.options().scheme) + "'" + (t.options().include_comments ? ", include_comments=True" : "") + ")";
      })
      .def(py::pickle(
          [](const StanceTagger& t) {
            const StanceTaggerOptions& o = t.options();
            py::object encoder = py::str(o.encoder);
            if (o.encoder_model) encoder = py::cast(std::const_pointer_cast<Encoder>(o.encoder_model));
            return py::make_tuple(t.target(), scheme_name(o.scheme), encoder, o.language,
                                  o.related_threshold, o.sentence_threshold, o.format, o.include_comments);
          },
          [](const py::object& state) {
            // Through the constructor: a state is checked exactly as arguments are.
            const StateReader r(state, "StanceTagger", 8);
            return py::type::of<StanceTagger>()(r.item(0), py::arg("scheme") = r.item(1),
                                                py::arg("encoder") = r.item(2), py::arg("language") = r.item(3),
                                                py::arg("related_threshold") = r.finite(4),
                                                py::arg("sentence_threshold") = r.finite(5),
                                                py::arg("format") = r.item(6),
                                                py::arg("include_comments") = r.flag(7))
                .cast<std::shared_ptr<StanceTagger>>();
          }));
}

}  // namespace synopsis::python
