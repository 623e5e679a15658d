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
  std::size_t source_start = 0, source_end = 0;  // str indices into the input (HTML or the text)
};

// A summary keeps its text (a Python str), the HTML it came from (None for plain text) and,
// when the caller segmented it already, the Document; otherwise the Document is made on
// first use.
class PySummary {
 public:
  PySummary(py::str text, std::vector<PySummarySentence> sentences, std::string language, py::object source,
            std::optional<PyDocument> document = std::nullopt)
      : text_(std::move(text)), sentences_(std::move(sentences)), language_(std::move(language)),
        source_(std::move(source)), document_(std::move(document)) {}

  const py::str& text() const { return text_; }
  const std::vector<PySummarySentence>& sentences() const { return sentences_; }
  const std::string& language() const { return language_; }
  const py::object& html() const { return source_; }
  py::object source() const { return source_.is_none() ? py::object(text_) : source_; }
  const PyDocument& document() {
    if (!document_) {
      if (source_.is_none()) document_.emplace(segment_python(text_, language_, "strict", "text"));
      else document_.emplace(segment_python(source_, language_, "strict", "html"));
    }
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
  py::object source_;
  std::optional<PyDocument> document_;
};

// What a worker keeps of a summarised document: its text, its HTML (empty for plain text),
// and the chosen sentences with their source byte spans.
struct SummaryParts {
  std::string text, source;
  Summary summary;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> source_spans;
};

SummaryParts summary_parts(Document doc, Summary summary) {
  SummaryParts parts;
  for (const SummarySentence& x : summary.sentences)
    parts.source_spans.emplace_back(doc.source_start(x.start), doc.source_end(x.end));
  parts.text = std::move(doc.text);
  parts.source = std::move(doc.source);
  parts.summary = std::move(summary);
  return parts;
}

PySummary make_summary(const SummaryParts& parts, const std::string& language,
                       std::optional<PyDocument> document = std::nullopt) {
  const std::string& utf8 = parts.text;
  const CodePointIndex cp(utf8);
  const bool html = !parts.source.empty();
  const CodePointIndex source_cp(html ? std::string_view(parts.source) : std::string_view());
  std::vector<PySummarySentence> out;
  out.reserve(parts.summary.sentences.size());
  for (std::size_t i = 0; i < parts.summary.sentences.size(); ++i) {
    const SummarySentence& x = parts.summary.sentences[i];
    const auto [s, e] = parts.source_spans[i];
    out.push_back({x.index, cp(x.start), cp(x.end), utf8.substr(x.start, x.end - x.start), x.score,
                   html ? source_cp(s) : cp(s), html ? source_cp(e) : cp(e)});
  }
  return PySummary(py::str(utf8), std::move(out), language, html ? py::object(py::str(parts.source)) : py::none(),
                   std::move(document));
}

// Pickled states are checked as a whole before an object is built from them.
PySummary summary_from_state(const py::object& state) {
  const StateReader r(state, "Summary", 4);
  r.text(0);  // a str that is valid text
  const auto text = py::reinterpret_borrow<py::str>(r.item(0));
  const std::size_t length = py::len(text);
  const py::object source = r.item(3).is_none() ? py::object(py::none()) : py::object(py::str(r.text(3)));
  const std::size_t source_length = source.is_none() ? length : py::len(source);
  std::vector<PySummarySentence> sentences;
  std::size_t previous_end = 0;
  for (py::handle row : r.list(1)) {
    const StateReader s(row, "Summary sentence", 6);
    const std::size_t index = s.count(0), start = s.count(1), end = s.count(2);
    const double score = s.finite(3);
    const std::size_t source_start = s.count(4), source_end = s.count(5);
    // In document order, inside the text, without overlaps.
    s.require(start <= end && end <= length && start >= previous_end && score >= 0.0 && score <= 1.0,
              "a sentence span or score is out of range");
    s.require(source_start <= source_end && source_end <= source_length, "a source span is out of range");
    previous_end = end;
    sentences.push_back({index, start, end, text[py::slice(start, end, 1)].cast<std::string>(), score,
                         source_start, source_end});
  }
  return PySummary(text, std::move(sentences), language_from_python(r.item(2)), source);
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
      so.format = options.format;
      Document doc = segment(*utf8, so);
      Summary s = synopsis::summarize(doc, options, rows ? &*rows : nullptr);
      return std::make_pair(std::move(doc), std::move(s));
    });
    PyDocument document(std::move(doc));
    SummaryParts parts;
    for (const SummarySentence& x : summary.sentences)
      parts.source_spans.emplace_back(document.doc().source_start(x.start), document.doc().source_end(x.end));
    parts.text = document.doc().text;
    parts.source = document.doc().source;
    parts.summary = std::move(summary);
    return make_summary(parts, options_.language, std::move(document));
  }

  std::vector<PySummary> summarize_batch(py::handle texts, int n_jobs) const {
    const std::vector<std::string> utf8 = utf8_list_from_python(texts, errors_, "each text");
    std::vector<SummaryParts> results(utf8.size());
    run_batch(utf8.size(), n_jobs, [&](std::size_t i) {
      SegmentOptions so;
      so.language = options_.language;
      so.format = options_.format;
      Document doc = segment(utf8[i], so);
      Summary s = synopsis::summarize(doc, options_);
      results[i] = summary_parts(std::move(doc), std::move(s));
    });
    std::vector<PySummary> out;
    out.reserve(utf8.size());
    for (const SummaryParts& parts : results) out.push_back(make_summary(parts, options_.language));
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
    format: "auto" (HTML when the text starts like a page), "text" or "html"; for HTML the
        summary is of the text a reader sees, and each sentence has source_start/source_end
        in the HTML.
    errors: "strict" (invalid UTF-8 or lone surrogates raise ValueError) or "replace".
    use_title, query_weight, title_weight: personalisation toward the query or headline.
    damping, tolerance, max_iterations: PageRank.
    lexrank_threshold: LexRank drops edges at or below it (0: continuous LexRank).
    lambda1, lambda2, beta: PacSum's weights of edges to earlier / later sentences and its
        edge threshold.
    position_weight: PacSum's prior 1 / (1 + position) for early prose sentences.
    lede_share, lede_lambda1, lede_position_weight: a budget below lede_share of the prose
        sentences is lede-sized (three sentences of a long article); PacSum then uses
        lede_lambda1 and lede_position_weight in place of lambda1 and position_weight
        (lede_share=0: never).
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
      .def_readonly("source_start", &PySummarySentence::source_start)
      .def_readonly("source_end", &PySummarySentence::source_end)
      .def("__str__", [](const PySummarySentence& s) { return s.text; })
      .def(py::pickle(
          [](const PySummarySentence& s) {
            return py::make_tuple(s.index, s.text, s.start, s.end, s.score, s.source_start, s.source_end);
          },
          [](const py::object& state) {
            const StateReader r(state, "SummarySentence", 7);
            PySummarySentence s{r.count(0), r.count(2), r.count(3), r.text(1), r.finite(4), r.count(5), r.count(6)};
            r.require_span(s.start, s.end, py::len(r.item(1)));
            r.require(s.source_start <= s.source_end, "its source span ends before it starts");
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
      .def_property_readonly("text", &PySummary::text, "The summarised text (for HTML input, the text extracted from it).")
      .def_property_readonly("source", &PySummary::source,
                             "The input: the HTML the text was extracted from, or the text itself.")
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
The summary as plain data: ``{"summary": text, "sentences": [{index, text, start, end, score,
source_start, source_end}]}``.

Example:
    >>> import synopsis as sy
    >>> d = sy.summarize("Rain fell. The river rose. Shops closed.", sentences=1).to_dict()
    >>> sorted(d), sorted(d["sentences"][0])
    (['sentences', 'summary'], ['end', 'index', 'score', 'source_end', 'source_start', 'start', 'text'])
)doc")
      .def("to_json", [](py::object self) { return to_json(self); }, "to_dict() as a JSON string.")
      .def("to_frame", [](py::object self) { return to_frame(self.attr("to_dict")()["sentences"]); }, R"doc(
One row per chosen sentence (index, text, start, end, score, source_start, source_end) as a
pandas DataFrame.

Example:
    >>> import synopsis as sy
    >>> sy.summarize("Rain fell. The river rose. Shops closed.", sentences=2).to_frame().shape
    (2, 7)
)doc")
      .def("_repr_html_", [](py::object self) { return html_of("summary_html", self); })
      .def(py::pickle(
          [](const PySummary& s) {
            py::list rows;
            for (const PySummarySentence& x : s.sentences())
              rows.append(py::make_tuple(x.index, x.start, x.end, x.score, x.source_start, x.source_end));
            return py::make_tuple(s.text(), rows, s.language(), s.html());
          },
          &summary_from_state));

  const SummarizeOptions d;
  py::class_<PySummarizer>(m, "Summarizer", kSummarizerDoc)
      .def(py::init([](py::object sentences, py::object ratio, py::object words, const std::string& method,
                       py::object encoder, py::object query, double diversity, const Language& language,
                       const std::string& format, const std::string& errors, bool use_title, double query_weight, double title_weight,
                       double damping, double tolerance, py::object max_iterations, double lexrank_threshold,
                       double lambda1, double lambda2, double beta, double position_weight,
                       double lede_share, double lede_lambda1, double lede_position_weight,
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
             o.format = format;
             o.use_title = use_title;
             o.query_weight = query_weight;
             o.title_weight = title_weight;
             o.damping = damping;
             o.tolerance = tolerance;
             o.max_iterations = static_cast<int>(count(max_iterations, "max_iterations", kIntMax));
             o.lexrank_threshold = lexrank_threshold;
             o.pacsum = {lambda1, lambda2, beta};
             o.position_weight = position_weight;
             o.lede_share = lede_share;
             o.lede_lambda1 = lede_lambda1;
             o.lede_position_weight = lede_position_weight;
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
             params["format"] = format;
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
             params["lede_share"] = lede_share;
             params["lede_lambda1"] = lede_lambda1;
             params["lede_position_weight"] = lede_position_weight;
             params["graph_dense_limit"] = graph_dense_limit;
             params["graph_top_k"] = graph_top_k;
             params["include_comments"] = include_comments;
             return PySummarizer(std::move(o), errors, std::move(params));
           }),
           py::kw_only(), py::arg("sentences") = py::none(), py::arg("ratio") = py::none(),
           py::arg("words") = py::none(), py::arg("method") = d.method, py::arg("encoder") = py::str(d.encoder),
           py::arg("query") = py::none(), py::arg("diversity") = d.diversity, py::arg("language") = d.language,
           py::arg("format") = d.format, py::arg("errors") = "strict", py::arg("use_title") = d.use_title, py::arg("query_weight") = d.query_weight,
           py::arg("title_weight") = d.title_weight, py::arg("damping") = d.damping,
           py::arg("tolerance") = d.tolerance, py::arg("max_iterations") = py::int_(d.max_iterations),
           py::arg("lexrank_threshold") = d.lexrank_threshold, py::arg("lambda1") = d.pacsum.lambda1,
           py::arg("lambda2") = d.pacsum.lambda2, py::arg("beta") = d.pacsum.beta,
           py::arg("position_weight") = d.position_weight, py::arg("lede_share") = d.lede_share,
           py::arg("lede_lambda1") = d.lede_lambda1, py::arg("lede_position_weight") = d.lede_position_weight,
           py::arg("graph_dense_limit") = py::int_(d.graph.dense_limit),
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
