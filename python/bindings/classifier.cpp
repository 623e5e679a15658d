// Binding for synopsis/classifier.hpp: the trainable stance model behind
// synopsis.StanceClassifier (python/synopsis/stance.py adds the scikit-learn contract).
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <numeric>

#include "parallel.hpp"
#include "synopsis/classifier.hpp"
#include "synopsis/parallel.hpp"
#include "text.hpp"

namespace synopsis::python {

namespace {

std::vector<std::string> utf8_list(const py::sequence& seq, const char* what) {
  std::vector<std::string> out;
  out.reserve(py::len(seq));
  for (py::handle h : seq) out.push_back(utf8_from_python(h, "replace", what));
  return out;
}

constexpr std::size_t kChunk = 1024;

}  // namespace

void register_classifier(py::module_& m) {
  py::class_<StanceClassifierModel>(m, "StanceModel", R"doc(
The C++ stance model (features, logistic regression or MLP, serialisation). Use
synopsis.StanceClassifier, which wraps it with the scikit-learn contract.
)doc")
      .def(py::init([](const std::string& model, int hidden_units, int hash_bits, int max_epochs, int batch_size,
                       float learning_rate, float l2, float validation_fraction, int patience,
                       const std::string& class_weight, std::uint64_t seed, const std::string& language) {
             StanceClassifierOptions o;
             o.model = model;
             o.hidden_units = hidden_units;
             o.hash_bits = hash_bits;
             o.max_epochs = max_epochs;
             o.batch_size = batch_size;
             o.learning_rate = learning_rate;
             o.l2 = l2;
             o.validation_fraction = validation_fraction;
             o.patience = patience;
             o.class_weight = class_weight;
             o.seed = seed;
             o.language = language;
             return StanceClassifierModel(o);
           }),
           py::kw_only(), py::arg("model") = "mlp", py::arg("hidden_units") = 64, py::arg("hash_bits") = 14,
           py::arg("max_epochs") = 15, py::arg("batch_size") = 128, py::arg("learning_rate") = 2e-3f,
           py::arg("l2") = 1e-6f, py::arg("validation_fraction") = 0.1f, py::arg("patience") = 3,
           py::arg("class_weight") = "sqrt", py::arg("seed") = 0, py::arg("language") = "en")
      .def("fit", [](StanceClassifierModel& model, const py::sequence& targets, const py::sequence& texts,
                     const std::vector<int>& labels, const std::vector<std::string>& classes, int n_jobs) {
             std::vector<std::string> t = utf8_list(targets, "target"), x = utf8_list(texts, "text");
             const int threads = resolve_threads(n_jobs);
             TrainingReport report;
             // One work item: the GIL is released and errors are rethrown here.
             run_batch(1, 1, [&](std::size_t) { report = model.fit(t, x, labels, classes, threads); });
             py::dict d;
             d["epochs"] = report.epochs;
             d["best_epoch"] = report.best_epoch;
             d["best_validation_loss"] = report.best_validation_loss;
             d["seconds_features"] = report.seconds_features;
             d["seconds_training"] = report.seconds_training;
             return d;
           },
           py::arg("targets"), py::arg("texts"), py::arg("labels"), py::arg("classes"), py::kw_only(),
           py::arg("n_jobs") = -1, "Trains on pairs; labels index classes. Returns a training report dict.")
      .def("predict_proba", [](const StanceClassifierModel& model, const py::sequence& targets,
                               const py::sequence& texts, int n_jobs) {
             if (!model.fitted()) throw std::invalid_argument("the stance classifier is not fitted: call fit first");
             std::vector<std::string> t = utf8_list(targets, "target"), x = utf8_list(texts, "text");
             if (t.size() != x.size()) throw std::invalid_argument("targets and texts differ in length");
             const std::size_t n = t.size(), C = model.classes().size();
             // Pairs sharing a text go to the same chunk, so each text is segmented once per chunk.
             std::vector<std::size_t> order(n);
             std::iota(order.begin(), order.end(), 0);
             std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return x[a] < x[b]; });
             const std::size_t chunks = (n + kChunk - 1) / kChunk;
             std::vector<float> probs(n * C);
             run_batch(chunks, n_jobs, [&](std::size_t c) {
               std::vector<std::string> ct, cx;
               const std::size_t lo = c * kChunk, hi = std::min(n, lo + kChunk);
               for (std::size_t k = lo; k < hi; ++k) {
                 ct.push_back(t[order[k]]);
                 cx.push_back(x[order[k]]);
               }
               Eigen::MatrixXf p = model.predict_proba(ct, cx, 1);
               for (std::size_t k = lo; k < hi; ++k)
                 for (std::size_t j = 0; j < C; ++j) probs[order[k] * C + j] = p(static_cast<Eigen::Index>(k - lo), j);
             });
             py::array_t<float> out({n, C});
             std::copy(probs.begin(), probs.end(), out.mutable_data());
             return out;
           },
           py::arg("targets"), py::arg("texts"), py::kw_only(), py::arg("n_jobs") = -1,
           "(n, classes) float32 probabilities, GIL released.")
      .def_property_readonly("classes", &StanceClassifierModel::classes)
      .def_property_readonly("options", [](const StanceClassifierModel& model) {
        const StanceClassifierOptions& o = model.options();
        py::dict d;
        d["model"] = o.model;
        d["hidden_units"] = o.hidden_units;
        d["hash_bits"] = o.hash_bits;
        d["max_epochs"] = o.max_epochs;
        d["batch_size"] = o.batch_size;
        d["learning_rate"] = o.learning_rate;
        d["l2"] = o.l2;
        d["validation_fraction"] = o.validation_fraction;
        d["patience"] = o.patience;
        d["class_weight"] = o.class_weight;
        d["seed"] = o.seed;
        d["language"] = o.language;
        return d;
      }, "The hyperparameters, as a dict.")
      .def_property_readonly("fitted", &StanceClassifierModel::fitted)
      .def("to_bytes", [](const StanceClassifierModel& model) { return py::bytes(model.serialize()); },
           "The versioned binary form (magic, version, payload, checksum).")
      .def_static("from_bytes", [](const py::bytes& data) {
             std::string s = data;
             return StanceClassifierModel::deserialize(s);
           }, py::arg("data"), "Reads to_bytes() output; ValueError for corrupt or foreign data.")
      .def_property_readonly_static("format_version", [](py::object) { return StanceClassifierModel::kFormatVersion; });

  m.def("stance_feature_names", &stance_dense_feature_names, "Names of the hand-built stance features.");
}

}  // namespace synopsis::python
