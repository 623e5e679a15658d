// Binding for synopsis/summarize.hpp: Summarizer (the options, checked once by the core's
// validate()), Summary and SummarySentence (the results). synopsis.summarize and
// synopsis.summarize_batch are thin Python calls of Summarizer.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <cmath>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "arguments.hpp"
#include "document.hpp"
#include "encoder.hpp"
#include "parallel.hpp"
#include "results.hpp"
#include "state.hpp"
#include "synopsis/segment.hpp"
#include "synopsis/summarize.hpp"
#include "text.hpp"

namespace synopsis::python {

namespace {

struct PySummarySentence {
  std::size_t index = 0, start = 0, end = 0;  // start/end: str indices into the summarised text
  std::string text;
  double score = 0.0;
};

// A summary keeps its source text (a Python str) and, when the caller segmented it already,
// the Document; otherwise the Document is made on first use.
class PySummary {
 public:
  PySummary(py::str text, std::vector<PySummarySentence> sentences, std::string language,
            std::optional<PyDocument> document = std::nullopt)
      : text_(std::move(text)), sentences_(std::move(sentences)), language_(std::move(language)),
        document_(std::move(document)) {}

  const py::str& text() const { return text_; }
  const std::vector<PySummarySentence>& sentences() const { return sentences_; }
  const std::string& language() const { return language_; }
  const PyDocument& document() {
    if (!document_) document_.emplace(segment_python(text_, language_, "strict"));
    return *document_;
  }
  std::string joined() const {
    std::string out;
    for (const PySummarySentence& s : sentences_) {
      if (!out.empty()) out += ' ';
      out += s.text;
    }
    return out;
  }

 private:
  py::str text_;
  std::vector<PySummarySentence> sentences_;
  std::string language_;
  std::optional<PyDocument> document_;
};

PySummary make_summary(py::str text, const std::string& utf8, const Summary& s, const std::string& language,
                       std::optional<PyDocument> document = std::nullopt) {
  const CodePointIndex cp(utf8);
  std::vector<PySummarySentence> out;
  out.reserve(s.sentences.size());
  for (const SummarySentence& x : s.sentences)
    out.push_back({x.index, cp(x.start), cp(x.end), utf8.substr(x.start, x.end - x.start), x.score});
  return PySummary(std::move(text), std::move(out), language, std::move(document));
}

// Pickled states are checked as a whole before an object is built from them.
PySummary summary_from_state(const py::object& state) {
  const StateReader r(state, "Summary", 3);
  r.text(0);  // a str that is valid text
  const auto text = py::reinterpret_borrow<py::str>(r.item(0));
  const std::size_t length = py::len(text);
  std::vector<PySummarySentence> sentences;
  std::size_t previous_end = 0;
  for (py::handle row : r.list(1)) {
    const StateReader s(row, "Summary sentence", 4);
    const std::size_t index = s.count(0), start = s.count(1), end = s.count(2);
    const double score = s.finite(3);
    // In document order, inside the text, without overlaps.
    s.require(start <= end && end <= length && start >= previous_end && score >= 0.0 && score <= 1.0,
              "a sentence span or score is out of range");
    previous_end = end;
    sentences.push_back({index, start, end, text[py::slice(start, end, 1)].cast<std::string>(), score});
  }
  return PySummary(text, std::move(sentences), language_from_python(r.item(2)));
}

// The summariser's options: the arguments as given (for repr, get_params and pickling) and
// the core's options built from them.
class PySummarizer {
 public:
  PySummarizer(SummarizeOptions options, std::string errors, py::dict params)
      : options_(std::move(options)), errors_(std::move(errors)), params_(std::move(params)) {}

  PySummary summarize(py::handle text, py::handle embeddings) const {
    auto utf8 = std::make_shared<const std::string>(utf8_from_python(text, errors_));
    std::optional<DenseRows> rows;
    if (!embeddings.is_none()) rows = dense_rows_from_python(embeddings, "embeddings");
    auto [doc, summary] = run_interruptible(utf8->size(), [utf8, options = options_, rows = std::move(rows)] {
      SegmentOptions so;
      so.language = options.language;
      Document doc = segment(*utf8, so);
      Summary s = synopsis::summarize(doc, options, rows ? &*rows : nullptr);
      return std::make_pair(std::move(doc), std::move(s));
    });
    return make_summary(py::str(*utf8), *utf8, summary, options_.language, PyDocument(std::move(doc)));
  }

  std::vector<PySummary> summarize_batch(py::handle texts, int n_jobs) const {
    const std::vector<std::string> utf8 = utf8_list_from_python(texts, errors_, "each text");
    std::vector<Summary> results(utf8.size());
    run_batch(utf8.size(), n_jobs, [&](std::size_t i) {
      SegmentOptions so;
      so.language = options_.language;
      results[i] = synopsis::summarize(segment(utf8[i], so), options_);
    });
    std::vector<PySummary> out;
    out.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size(); ++i)
      out.push_back(make_summary(py::str(utf8[i]), utf8[i], results[i], options_.language));
    return out;
  }

  const py::dict& params() const { return params_; }

 private:
  SummarizeOptions options_;
  std::string errors_;
  py::dict params_;
};

const char* kSummarizerDoc = R"doc(
A configured extractive summariser: ``Summarizer(**options).summarize(text)``.

The options are checked once, here (by the core). Summarizers are picklable (a fitted
encoder travels with them) and safe to share between threads.

Arguments:
    sentences: at most this many sentences; None: 3, unless ratio or words is given.
    ratio: at most round(ratio * prose sentences) sentences, at least 1; in (0, 1].
    words: at most this many words (whitespace-separated); when no sentence fits, the
        best one is returned alone.
    method: "pacsum" (position-aware directed centrality, made for news), "textrank"
        (PageRank), "lexrank" (thresholded PageRank), or "lead" (the first sentences).
    encoder: "tfidf", "bm25", "bm25+", "lsa", or an Encoder (e.g. a fitted TfidfEncoder).
    query: rank toward this text (personalised ranking); without it the headline, when the
        text has one, pulls lightly.
    diversity: 0..1, the MMR weight against redundancy with sentences already chosen.
    language: language code for segmentation, stopwords and stems.
    errors: "strict" (invalid UTF-8 or lone surrogates raise ValueError) or "replace".
    use_title, query_weight, title_weight: personalisation toward the query or headline.
    damping, tolerance, max_iterations: PageRank.
    lexrank_threshold: LexRank drops edges at or below it (0: continuous LexRank).
    lambda1, lambda2, beta: PacSum's weights of edges to earlier / later sentences and its
        edge threshold.
    position_weight: PacSum's prior 1 / (1 + position) for early prose sentences.
    graph_dense_limit, graph_top_k: above graph_dense_limit prose sentences each keeps its
        graph_top_k nearest neighbours (memory stays linear).
    include_comments: readers' comments may be chosen too (``Document.comments``); by
        default they are page furniture like the rest, and never chosen.

Example:
    >>> import synopsis as sy
    >>> s = sy.Summarizer(sentences=1, method="textrank")
    >>> len(s.summarize("Rain fell. The river rose. Shops closed.").sentences)
    1
)doc";

}  // namespace

void register_summarize(py::module_& m) {
  py::class_<PySummarySentence> summary_sentence(m, "SummarySentence", R"doc(
A chosen sentence: ``summary.text[start:end] == text``; ``index`` is its position in
``synopsis.segment(text).sentences``; ``score`` is its ranking score in [0, 1].

Example:
    >>> import synopsis as sy
    >>> s = sy.summarize("Rain fell. The river rose. Shops closed.", sentences=1).sentences[0]
    >>> s.text == sy.segment("Rain fell. The river rose. Shops closed.").sentences[s.index].text
    True
)doc");
  def_plain_data(summary_sentence);
  summary_sentence
      .def_readonly("index", &PySummarySentence::index)
      .def_readonly("text", &PySummarySentence::text)
      .def_readonly("start", &PySummarySentence::start)
      .def_readonly("end", &PySummarySentence::end)
      .def_readonly("score", &PySummarySentence::score)
      .def("__str__", [](const PySummarySentence& s) { return s.text; })
      .def(py::pickle(
          [](const PySummarySentence& s) { return py::make_tuple(s.index, s.text, s.start, s.end, s.score); },
          [](const py::object& state) {
            const StateReader r(state, "SummarySentence", 5);
            PySummarySentence s{r.count(0), r.count(2), r.count(3), r.text(1), r.finite(4)};
            r.require_span(s.start, s.end, py::len(r.item(1)));
            r.require(s.score >= 0.0 && s.score <= 1.0, "the score is outside [0, 1]");
            return s;
          }))
      .def("__eq__", [](const PySummarySentence& a, const PySummarySentence& b) {
        return a.index == b.index && a.start == b.start && a.end == b.end && a.text == b.text && a.score == b.score;
      })
      .def("__repr__", [](const PySummarySentence& s) {
        char score[32];
        std::snprintf(score, sizeof score, "%.3f", s.score);
        return "SummarySentence(" + std::to_string(s.index) + ", " + std::string(py::repr(py::str(shorten_utf8(s.text, 60)))) +
               ", start=" + std::to_string(s.start) + ", end=" + std::to_string(s.end) + ", score=" + score + ")";
      });

  py::class_<PySummary>(m, "Summary", R"doc(
An extractive summary of ``text``.

``sentences`` are in document order; ``str(summary)`` is the summary text (the sentences
joined by spaces); ``document`` is the segmented source text. In Jupyter a Summary shows
the article with the chosen sentences highlighted (shaded by score); ``to_dict()``,
``to_json()`` and ``to_frame()`` give plain data.

Example:
    >>> import synopsis as sy
    >>> summary = sy.summarize("Rain fell. The river rose. Shops closed. The river burst its banks.", sentences=2)
    >>> len(summary), str(summary) == " ".join(s.text for s in summary.sentences)
    (2, True)
)doc")
      .def_property_readonly("text", &PySummary::text, "The summarised text.")
      .def_property_readonly("sentences", &PySummary::sentences, "The chosen sentences, in document order.")
      .def_property_readonly("language", &PySummary::language)
      .def_property_readonly("document", &PySummary::document, py::return_value_policy::copy,
                             "The segmented source text.")
      .def_property_readonly("indices", [](const PySummary& s) {
        std::vector<std::size_t> out;
        for (const PySummarySentence& x : s.sentences()) out.push_back(x.index);
        return out;
      }, "The chosen sentences' indices in document.sentences.")
      .def("__str__", &PySummary::joined)
      .def("__len__", [](const PySummary& s) { return s.sentences().size(); })
      .def("__iter__", [](const PySummary& s) { return py::iter(py::cast(s.sentences())); })
      .def("__getitem__", [](const PySummary& s, std::ptrdiff_t i) {
        const auto n = static_cast<std::ptrdiff_t>(s.sentences().size());
        if (i < 0) i += n;
        if (i < 0 || i >= n) throw std::out_of_range("summary sentence index out of range");
        return s.sentences()[static_cast<std::size_t>(i)];
      })
      .def("__eq__", [](const PySummary& a, const PySummary& b) {
        if (!a.text().equal(b.text()) || a.sentences().size() != b.sentences().size()) return false;
        for (std::size_t i = 0; i < a.sentences().size(); ++i) {
          const PySummarySentence &x = a.sentences()[i], &y = b.sentences()[i];
          if (x.index != y.index || x.start != y.start || x.end != y.end || x.score != y.score) return false;
        }
        return true;
      })
      .def("__repr__", [](const PySummary& s) {
        std::size_t words = 0;
        for (const PySummarySentence& x : s.sentences()) words += count_words(x.text);
        return "Summary(" + std::to_string(s.sentences().size()) + " sentences, " + std::to_string(words) + " words)";
      })
      .def("to_dict", [](const PySummary& s) {
        py::dict d;
        d["summary"] = s.joined();
        py::list rows;
        for (const PySummarySentence& x : s.sentences()) rows.append(py::cast(x).attr("to_dict")());
        d["sentences"] = rows;
        return d;
      }, R"doc(
The summary as plain data: ``{"summary": text, "sentences": [{index, text, start, end, score}]}``.

Example:
    >>> import synopsis as sy
    >>> d = sy.summarize("Rain fell. The river rose. Shops closed.", sentences=1).to_dict()
    >>> sorted(d), sorted(d["sentences"][0])
    (['sentences', 'summary'], ['end', 'index', 'score', 'start', 'text'])
)doc")
      .def("to_json", [](py::object self) { return to_json(self); }, "to_dict() as a JSON string.")
      .def("to_frame", [](py::object self) { return to_frame(self.attr("to_dict")()["sentences"]); }, R"doc(
One row per chosen sentence (index, text, start, end, score) as a pandas DataFrame.

Example:
    >>> import synopsis as sy
    >>> sy.summarize("Rain fell. The river rose. Shops closed.", sentences=2).to_frame().shape
    (2, 5)
)doc")
      .def("_repr_html_", [](py::object self) { return html_of("summary_html", self); })
      .def(py::pickle(
          [](const PySummary& s) {
            py::list rows;
            for (const PySummarySentence& x : s.sentences()) rows.append(py::make_tuple(x.index, x.start, x.end, x.score));
            return py::make_tuple(s.text(), rows, s.language());
          },
          &summary_from_state));

  const SummarizeOptions d;
  py::class_<PySummarizer>(m, "Summarizer", kSummarizerDoc)
      .def(py::init([](py::object sentences, py::object ratio, py::object words, const std::string& method,
                       py::object encoder, py::object query, double diversity, const Language& language,
                       const std::string& errors, bool use_title, double query_weight, double title_weight,
                       double damping, double tolerance, py::object max_iterations, double lexrank_threshold,
                       double lambda1, double lambda2, double beta, double position_weight,
                       py::object graph_dense_limit, py::object graph_top_k, bool include_comments,
                       const py::kwargs& unknown) {
             reject_unknown_options<PySummarizer>(unknown, "Summarizer");
             SummarizeOptions o;
             o.sentences = optional_count(sentences, "sentences");
             o.words = optional_count(words, "words");
             if (!ratio.is_none()) o.ratio = number(ratio, "ratio");
             o.method = method;
             if (PyUnicode_Check(encoder.ptr())) o.encoder = utf8_from_python(encoder, "strict", "encoder");
             else o.encoder_object = encoder_from_python(encoder);
             if (!query.is_none()) o.query = utf8_from_python(query, errors, "query");
             o.diversity = diversity;
             o.language = language.code;
             o.use_title = use_title;
             o.query_weight = query_weight;
             o.title_weight = title_weight;
             o.damping = damping;
             o.tolerance = tolerance;
             o.max_iterations = static_cast<int>(count(max_iterations, "max_iterations", kIntMax));
             o.lexrank_threshold = lexrank_threshold;
             o.pacsum = {lambda1, lambda2, beta};
             o.position_weight = position_weight;
             o.graph.dense_limit = count(graph_dense_limit, "graph_dense_limit");
             o.graph.top_k = static_cast<int>(count(graph_top_k, "graph_top_k", kIntMax));
             o.include_comments = include_comments;
             check_errors(errors);
             validate(o);
             py::dict params;
             params["sentences"] = sentences;
             params["ratio"] = ratio;
             params["words"] = words;
             params["method"] = method;
             params["encoder"] = encoder;
             params["query"] = query;
             params["diversity"] = diversity;
             params["language"] = language.code;
             params["errors"] = errors;
             params["use_title"] = use_title;
             params["query_weight"] = query_weight;
             params["title_weight"] = title_weight;
             params["damping"] = damping;
             params["tolerance"] = tolerance;
             params["max_iterations"] = max_iterations;
             params["lexrank_threshold"] = lexrank_threshold;
             params["lambda1"] = lambda1;
             params["lambda2"] = lambda2;
             params["beta"] = beta;
             params["position_weight"] = position_weight;
             params["graph_dense_limit"] = graph_dense_limit;
             params["graph_top_k"] = graph_top_k;
             params["include_comments"] = include_comments;
             return PySummarizer(std::move(o), errors, std::move(params));
           }),
           py::kw_only(), py::arg("sentences") = py::none(), py::arg("ratio") = py::none(),
           py::arg("words") = py::none(), py::arg("method") = d.method, py::arg("encoder") = py::str(d.encoder),
           py::arg("query") = py::none(), py::arg("diversity") = d.diversity, py::arg("language") = d.language,
           py::arg("errors") = "strict", py::arg("use_title") = d.use_title, py::arg("query_weight") = d.query_weight,
           py::arg("title_weight") = d.title_weight, py::arg("damping") = d.damping,
           py::arg("tolerance") = d.tolerance, py::arg("max_iterations") = py::int_(d.max_iterations),
           py::arg("lexrank_threshold") = d.lexrank_threshold, py::arg("lambda1") = d.pacsum.lambda1,
           py::arg("lambda2") = d.pacsum.lambda2, py::arg("beta") = d.pacsum.beta,
           py::arg("position_weight") = d.position_weight, py::arg("graph_dense_limit") = py::int_(d.graph.dense_limit),
           py::arg("graph_top_k") = py::int_(d.graph.top_k), py::arg("include_comments") = d.include_comments)
      .def("summarize", &PySummarizer::summarize, py::arg("text"), py::kw_only(), py::arg("embeddings") = py::none(),
           R"doc(
Summarises one text (str or UTF-8 bytes). ``embeddings`` (optional): a numpy array
(n, d), one row per sentence of synopsis.segment(text).sentences, replacing the encoder
(cosine similarity). The GIL is released while the core works.
)doc")
      .def("__call__", &PySummarizer::summarize, py::arg("text"), py::kw_only(), py::arg("embeddings") = py::none())
      .def("summarize_batch", &PySummarizer::summarize_batch, py::arg("texts"), py::kw_only(), py::arg("n_jobs") = -1,
           "Summaries of a list of texts on the core's thread pool (GIL released); the same for any n_jobs.")
      .def("get_params", [](const PySummarizer& s) { return s.params().attr("copy")(); },
           "Every option with its value, as a dict.")
      .def_property_readonly("options", [](const PySummarizer& s) { return changed_params(s.params(), default_params<PySummarizer>()); },
                             "The options that differ from the defaults, as a dict.")
      .def("__eq__", [](const PySummarizer& a, const PySummarizer& b) { return a.params().equal(b.params()); })
      .def("__repr__", [](const PySummarizer& s) {
        return "Summarizer(" + params_repr(changed_params(s.params(), default_params<PySummarizer>())) + ")";
      })
      .def(py::pickle([](const PySummarizer& s) { return s.params(); },
                      [](const py::dict& params) {
                        return py::type::of<PySummarizer>()(**params).cast<PySummarizer>();
                      }));

  m.attr("SUMMARIZE_METHODS") = summarize_methods();
  m.attr("ENCODER_NAMES") = encoder_names();
  m.def("count_words", [](py::handle text) { return count_words(utf8_from_python(text)); }, py::arg("text"), R"doc(
Words as the word budget counts them: whitespace-separated runs.

Example:
    >>> from synopsis._core import count_words
    >>> count_words("Rates rose  again.")
    3
)doc");
}

}  // namespace synopsis::python
