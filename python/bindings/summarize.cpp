// Binding for synopsis/summarize.hpp. The Pythonic surface (Summary, Summarizer, argument
// checking) is python/synopsis/summarize.py; these functions take a dict of options.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <optional>
#include <vector>

#include "document.hpp"
#include "encoder.hpp"
#include "parallel.hpp"
#include "synopsis/segment.hpp"
#include "synopsis/summarize.hpp"
#include "text.hpp"

namespace synopsis::python {

namespace {

SummarizeOptions options_from_dict(const py::dict& d) {
  SummarizeOptions o;
  for (auto item : d) {
    const std::string key = item.first.cast<std::string>();
    py::handle v = item.second;
    if (v.is_none()) continue;
    if (key == "method") o.method = v.cast<std::string>();
    else if (key == "encoder") {
      if (PyUnicode_Check(v.ptr())) o.encoder = v.cast<std::string>();
      else o.encoder_object = encoder_from_python(v);
    }
    else if (key == "sentences") o.sentences = v.cast<std::size_t>();
    else if (key == "ratio") o.ratio = v.cast<double>();
    else if (key == "words") o.words = v.cast<std::size_t>();
    else if (key == "diversity") o.diversity = v.cast<double>();
    else if (key == "query") o.query = utf8_from_python(v, "strict", "query");
    else if (key == "use_title") o.use_title = v.cast<bool>();
    else if (key == "query_weight") o.query_weight = v.cast<double>();
    else if (key == "title_weight") o.title_weight = v.cast<double>();
    else if (key == "language") o.language = v.cast<std::string>();
    else if (key == "damping") o.damping = v.cast<double>();
    else if (key == "tolerance") o.tolerance = v.cast<double>();
    else if (key == "max_iterations") o.max_iterations = v.cast<int>();
    else if (key == "lexrank_threshold") o.lexrank_threshold = v.cast<double>();
    else if (key == "lambda1") o.pacsum.lambda1 = v.cast<double>();
    else if (key == "lambda2") o.pacsum.lambda2 = v.cast<double>();
    else if (key == "beta") o.pacsum.beta = v.cast<double>();
    else if (key == "position_weight") o.position_weight = v.cast<double>();
    else if (key == "graph_dense_limit") o.graph.dense_limit = v.cast<std::size_t>();
    else if (key == "graph_top_k") o.graph.top_k = v.cast<int>();
    else throw py::type_error("unexpected summarize option '" + key + "'");
  }
  validate(o);
  return o;
}

// (index, start, end, score) with str offsets.
py::list to_python(const Summary& s, const CodePointIndex& cp) {
  py::list out;
  for (const SummarySentence& x : s.sentences)
    out.append(py::make_tuple(x.index, cp(x.start), cp(x.end), x.score));
  return out;
}

py::dict defaults() {
  const SummarizeOptions o;
  py::dict d;
  d["method"] = o.method;
  d["encoder"] = o.encoder;
  d["sentences"] = o.sentences;
  d["use_title"] = o.use_title;
  d["query_weight"] = o.query_weight;
  d["title_weight"] = o.title_weight;
  d["damping"] = o.damping;
  d["tolerance"] = o.tolerance;
  d["max_iterations"] = o.max_iterations;
  d["lexrank_threshold"] = o.lexrank_threshold;
  d["lambda1"] = o.pacsum.lambda1;
  d["lambda2"] = o.pacsum.lambda2;
  d["beta"] = o.pacsum.beta;
  d["position_weight"] = o.position_weight;
  d["graph_dense_limit"] = o.graph.dense_limit;
  d["graph_top_k"] = o.graph.top_k;
  return d;
}

}  // namespace

void register_summarize(py::module_& m) {
  m.def("_summarize", [](py::handle text, const py::dict& options, py::object embeddings) {
        const SummarizeOptions o = options_from_dict(options);
        std::string utf8 = utf8_from_python(text);
        std::optional<DenseRows> rows;
        if (!embeddings.is_none()) {
          auto arr = py::array_t<float, py::array::c_style | py::array::forcecast>::ensure(embeddings);
          if (!arr) throw py::type_error("embeddings must be a 2-D numpy array of numbers");
          if (arr.ndim() != 2)
            throw py::value_error("embeddings must be 2-D (one row per sentence), got " + std::to_string(arr.ndim()) + "-D");
          rows = Eigen::Map<const DenseRows>(arr.data(), arr.shape(0), arr.shape(1));
        }
        Summary s;
        {
          py::gil_scoped_release release;
          SegmentOptions so;
          so.language = o.language;
          const Document doc = segment(utf8, so);
          s = summarize(doc, o, rows ? &*rows : nullptr);
        }
        return to_python(s, CodePointIndex(utf8));
      },
      py::arg("text"), py::arg("options"), py::arg("embeddings") = py::none(),
      "Summarise one text; returns [(index, start, end, score)] with str offsets.");

  m.def("_summarize_batch", [](py::handle texts, const py::dict& options, int n_jobs) {
        const SummarizeOptions o = options_from_dict(options);
        std::vector<std::string> utf8;
        for (py::handle t : texts) utf8.push_back(utf8_from_python(t, "strict", "each text"));
        std::vector<Summary> results(utf8.size());
        run_batch(utf8.size(), n_jobs, [&](std::size_t i) {
          SegmentOptions so;
          so.language = o.language;
          results[i] = summarize(segment(utf8[i], so), o);
        });
        py::list out;
        for (std::size_t i = 0; i < utf8.size(); ++i) out.append(to_python(results[i], CodePointIndex(utf8[i])));
        return out;
      },
      py::arg("texts"), py::arg("options"), py::arg("n_jobs") = -1,
      "Summarise many texts on a thread pool (GIL released); one result list per text.");

  m.def("_summarize_defaults", &defaults, "The core's default summarize options.");
  m.attr("SUMMARIZE_METHODS") = summarize_methods();
  m.attr("ENCODER_NAMES") = encoder_names();
  m.def("count_words", [](py::handle text) { return count_words(utf8_from_python(text)); }, py::arg("text"),
        "Words as the word budget counts them: whitespace-separated runs.");
}

}  // namespace synopsis::python
