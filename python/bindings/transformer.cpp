// Binding for synopsis/transformer.hpp: TransformerEncoder.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "state.hpp"
#include "synopsis/parallel.hpp"
#include "synopsis/transformer.hpp"
#include "text.hpp"

namespace synopsis::python {

namespace {

std::string path_from_python(py::handle path) {
  py::object fs = py::module_::import("os").attr("fspath");
  py::object p;
  try {
    p = fs(path);
  } catch (py::error_already_set&) {
    throw py::type_error("path must be a str or os.PathLike naming a model folder, got " +
                         std::string(py::str(py::type::handle_of(path).attr("__name__"))));
  }
  return utf8_from_python(p, "strict", "path");
}

std::shared_ptr<TransformerEncoder> make_transformer(py::handle path, const std::optional<std::string>& quantize,
                                                     std::optional<std::size_t> max_length, int n_jobs) {
  TransformerOptions o;
  o.quantize = quantize.value_or("");
  o.max_length = max_length.value_or(0);
  if (max_length && *max_length == 0) throw py::value_error("max_length must be >= 3 or None (the model's cap)");
  o.threads = resolve_threads(n_jobs);
  const std::string folder = path_from_python(path);
  py::gil_scoped_release release;
  return std::make_shared<TransformerEncoder>(folder, o);
}

py::array_t<float> rows_to_numpy(const DenseRows& m) {
  py::array_t<float> out({static_cast<py::ssize_t>(m.rows()), static_cast<py::ssize_t>(m.cols())});
  if (m.size()) std::memcpy(out.mutable_data(), m.data(), sizeof(float) * static_cast<std::size_t>(m.size()));
  return out;
}

const char* pooling_name(Pooling p) {
  switch (p) {
    case Pooling::cls: return "cls";
    case Pooling::max: return "max";
    default: return "mean";
  }
}

}  // namespace

void register_transformer(py::module_& m) {
  py::class_<SentenceVectors>(m, "SentenceVectors", R"doc(
What TransformerEncoder.embed returns: the vectors and what each sentence lost.

Attributes:
    vectors: float32 array (n, d), one L2-normalised row per sentence.
    truncated: bool array (n,): True where the sentence had more tokens than the model's cap
        (max_length) and only its beginning was read.
    tokens: int array (n,): tokens read per sentence, [CLS] and [SEP] included.
)doc")
      .def_property_readonly("vectors", [](const SentenceVectors& v) { return rows_to_numpy(v.vectors); })
      .def_property_readonly("truncated", [](const SentenceVectors& v) {
        py::array_t<bool> out(static_cast<py::ssize_t>(v.truncated.size()));
        for (std::size_t i = 0; i < v.truncated.size(); ++i) out.mutable_at(static_cast<py::ssize_t>(i)) = v.truncated[i] != 0;
        return out;
      })
      .def_property_readonly("tokens", [](const SentenceVectors& v) {
        py::array_t<std::uint32_t> out(static_cast<py::ssize_t>(v.tokens.size()));
        if (!v.tokens.empty()) std::memcpy(out.mutable_data(), v.tokens.data(), 4 * v.tokens.size());
        return out;
      })
      .def("__len__", [](const SentenceVectors& v) { return v.truncated.size(); })
      .def("__repr__", [](const SentenceVectors& v) {
        std::size_t cut = 0;
        for (auto t : v.truncated) cut += t;
        return "<SentenceVectors " + std::to_string(v.vectors.rows()) + " x " + std::to_string(v.vectors.cols()) + ", " +
               std::to_string(cut) + " truncated>";
      });

  py::class_<TransformerEncoder, Encoder, std::shared_ptr<TransformerEncoder>>(m, "TransformerEncoder", R"doc(
Semantic sentence vectors from a BERT-family sentence-embedding model, computed in the C++
core (no torch): WordPiece tokens, the encoder layers in Eigen, mean pooling and L2
normalisation as sentence-transformers does them.

Arguments:
    path: a local model folder in the Hugging Face layout: config.json, model.safetensors,
        tokenizer.json or vocab.txt, and where present modules.json, 1_Pooling/config.json
        and sentence_bert_config.json (e.g. what huggingface_hub.snapshot_download fetched
        for sentence-transformers/all-MiniLM-L6-v2). Nothing is downloaded.
    quantize: None (float32 weights) or "int8": the attention-output and feed-forward
        weights int8 with one scale per row, their inputs quantised per token (about 1.5x
        faster where the processor has AVX-512 VNNI; cosine to float32 about 0.995 at worst).
    max_length: tokens per sentence with [CLS] and [SEP]; None = the model's cap
        (sentence_bert_config's max_seq_length, else the position embeddings). Longer
        sentences are truncated; embed() says which.
    n_jobs: worker threads when the encoder is used through synopsis.embed, summarize, ...

A folder that is missing files, malformed or not a BERT model raises ValueError.

Example:
    >>> import synopsis as sy
    >>> enc = sy.TransformerEncoder("path/to/all-MiniLM-L6-v2")        # doctest: +SKIP
    >>> X = sy.embed(["Prices rose.", "Costs went up."], encoder=enc)   # doctest: +SKIP
    >>> float(X[0] @ X[1]) > 0.5                                        # doctest: +SKIP
    True
)doc")
      .def(py::init(&make_transformer), py::arg("path"), py::kw_only(), py::arg("quantize") = py::none(),
           py::arg("max_length") = py::none(), py::arg("n_jobs") = 1)
      .def("embed",
           [](const TransformerEncoder& e, py::handle sentences, int n_jobs, const std::string& errors) {
             std::vector<std::string> utf8 = utf8_list_from_python(sentences, errors, "each sentence");
             const int threads = resolve_threads(n_jobs);
             py::gil_scoped_release release;
             return e.embed(utf8, threads);
           },
           py::arg("sentences"), py::kw_only(), py::arg("n_jobs") = 1, py::arg("errors") = "strict", R"doc(
Vectors for a list of sentences (each str is one row, never split), with truncation flags.

Arguments:
    sentences: an iterable of str (or UTF-8 bytes).
    n_jobs: worker threads (-1: every core); the GIL is released while they run.
    errors: "strict" or "replace" for invalid UTF-8 and lone surrogates.

Returns a SentenceVectors (.vectors, .truncated, .tokens).
)doc")
      .def("tokenize",
           [](const TransformerEncoder& e, py::handle sentence) {
             const std::string s = utf8_from_python(sentence, "strict", "sentence");
             std::vector<std::string> pieces;
             for (std::int32_t id : e.tokenize(s)) pieces.push_back(e.tokenizer().vocabulary()[static_cast<std::size_t>(id)]);
             return pieces;
           },
           py::arg("sentence"), "The sentence's wordpieces (without [CLS] and [SEP]), capped at max_length - 2.")
      .def_property_readonly("path", &TransformerEncoder::folder, "The model folder.")
      .def_property_readonly("dimension", &TransformerEncoder::dimension, "Length of each vector.")
      .def_property_readonly("max_length", &TransformerEncoder::max_length,
                             "Tokens read per sentence, [CLS] and [SEP] included.")
      .def_property_readonly("quantize", [](const TransformerEncoder& e) -> py::object {
        if (e.options().quantize.empty()) return py::none();
        return py::str(e.options().quantize);
      })
      .def_property_readonly("pooling", [](const TransformerEncoder& e) { return pooling_name(e.pooling()); },
                             "'mean', 'cls' or 'max', from the model's pooling configuration.")
      .def_property_readonly("kernel", &TransformerEncoder::kernel,
                             "The instruction set the forward pass uses here: 'avx512', 'avx2vnni', 'avx2' or 'generic'.")
      .def_property_readonly("n_jobs", [](const TransformerEncoder& e) { return e.options().threads; })
      .def("__repr__", [](const TransformerEncoder& e) {
        return "TransformerEncoder('" + e.folder() + "'" + (e.options().quantize.empty() ? "" : ", quantize='int8'") +
               ", max_length=" + std::to_string(e.max_length()) + ")";
      })
      .def(py::pickle(
          [](const TransformerEncoder& e) {
            return py::make_tuple(e.folder(), e.options().quantize, e.options().max_length, e.options().threads);
          },
          [](const py::object& state) {
            const StateReader r(state, "TransformerEncoder", 4);
            const std::string quantize = utf8_from_python(r.item(1), "strict", "quantize");
            const std::size_t max_length = r.count(2);
            return make_transformer(r.item(0), quantize.empty() ? std::nullopt : std::optional<std::string>(quantize),
                                    max_length ? std::optional<std::size_t>(max_length) : std::nullopt,
                                    static_cast<int>(r.count(3)));
          }));
}

}  // namespace synopsis::python
