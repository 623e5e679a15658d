// Binding for synopsis/static_encoder.hpp: StaticEncoder.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "synopsis/parallel.hpp"
#include "synopsis/static_encoder.hpp"
#include "text.hpp"

namespace synopsis::python {

namespace {

std::string fspath(py::handle path) {
  return utf8_from_python(py::module_::import("os").attr("fspath")(path), "strict", "path");
}

}  // namespace

void register_static_encoder(py::module_& m) {
  py::class_<StaticEncoder, Encoder, std::shared_ptr<StaticEncoder>>(m, "StaticEncoder", R"doc(
A static sentence encoder distilled from a TransformerEncoder: one vector per vocabulary
piece (the piece alone through the transformer, PCA-reduced, weighted by a / (a + p) with p
the piece's frequency in a corpus); a sentence is the normalised mean of its pieces' vectors.
Tokenising is the whole cost, so it is orders of magnitude faster than the transformer.

Build one with StaticEncoder.distill(transformer, texts), keep it with save(path) and
StaticEncoder.load(path) (synopsis's own format, checked on load; pickling works too).

Example:
    >>> import synopsis as sy
    >>> static = sy.StaticEncoder.distill(transformer, texts, dimensions=256)  # doctest: +SKIP
    >>> sy.embed(["Prices rose."], encoder=static).shape                      # doctest: +SKIP
    (1, 256)
)doc")
      .def_static("distill",
                  [](const TransformerEncoder& transformer, py::handle texts, int dimensions, int n_jobs) {
                    std::vector<std::string> corpus = utf8_list_from_python(texts, "replace", "each text");
                    StaticDistillOptions o;
                    o.dimensions = dimensions;
                    o.threads = resolve_threads(n_jobs);
                    py::gil_scoped_release release;
                    return StaticEncoder::distill(transformer, corpus, o);
                  },
                  py::arg("transformer"), py::arg("texts"), py::kw_only(), py::arg("dimensions") = 256,
                  py::arg("n_jobs") = 1,
                  "Distil a StaticEncoder from a TransformerEncoder; texts (an iterable of str) give the piece "
                  "frequencies. Runs every vocabulary piece through the transformer once (n_jobs threads).")
      .def("embed",
           [](const StaticEncoder& e, py::handle sentences, int n_jobs, const std::string& errors) {
             std::vector<std::string> utf8 = utf8_list_from_python(sentences, errors, "each sentence");
             const int threads = resolve_threads(n_jobs);
             DenseRows v;
             {
               py::gil_scoped_release release;
               v = e.embed(utf8, threads);
             }
             py::array_t<float> out({static_cast<py::ssize_t>(v.rows()), static_cast<py::ssize_t>(v.cols())});
             if (v.size()) std::memcpy(out.mutable_data(), v.data(), sizeof(float) * static_cast<std::size_t>(v.size()));
             return out;
           },
           py::arg("sentences"), py::kw_only(), py::arg("n_jobs") = 1, py::arg("errors") = "strict",
           "Vectors (float32, one L2-normalised row per sentence) for a list of sentences.")
      .def("save",
           [](const StaticEncoder& e, py::handle path) {
             const std::string p = fspath(path);
             const std::string bytes = e.serialize();
             std::ofstream out(p, std::ios::binary);
             if (!out.write(bytes.data(), static_cast<std::streamsize>(bytes.size())))
               throw py::value_error("cannot write '" + p + "'");
           },
           py::arg("path"), "Write the encoder to a file (synopsis's own format).")
      .def_static("load",
                  [](py::handle path) {
                    const std::string p = fspath(path);
                    std::ifstream in(p, std::ios::binary);
                    if (!in) throw py::value_error("cannot open '" + p + "'");
                    std::stringstream buffer;
                    buffer << in.rdbuf();
                    const std::string bytes = buffer.str();
                    py::gil_scoped_release release;
                    return StaticEncoder::deserialize(bytes);
                  },
                  py::arg("path"), "Read an encoder that save() wrote; a corrupt file raises ValueError.")
      .def_property_readonly("dimension", &StaticEncoder::dimension)
      .def("__repr__", [](const StaticEncoder& e) {
        return "StaticEncoder(" + std::to_string(e.tokenizer().vocabulary().size()) + " pieces, " +
               std::to_string(e.dimension()) + " dimensions)";
      })
      .def(py::pickle([](const StaticEncoder& e) { return py::make_tuple(py::bytes(e.serialize())); },
                      [](const py::tuple& state) {
                        if (state.size() != 1 || !PyBytes_Check(state[0].ptr()))
                          throw py::type_error("StaticEncoder state must be a tuple of one bytes object");
                        return StaticEncoder::deserialize(state[0].cast<std::string>());
                      }));
}

}  // namespace synopsis::python
