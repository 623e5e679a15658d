// Binding for synopsis/classifier.hpp: the trainable stance model behind
// synopsis.StanceClassifier (python/synopsis/_estimator.py adds the scikit-learn contract).
// Labels cross as Python str or int and come back as given; the model file carries them.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <numeric>
#include <optional>
#include <type_traits>

#include "arguments.hpp"
#include "encoder.hpp"
#include "parallel.hpp"
#include "synopsis/classifier.hpp"
#include "synopsis/parallel.hpp"
#include "text.hpp"

namespace synopsis::python {

namespace {

// Invalid UTF-8 or lone surrogates raise ValueError: silently replaced text would train and
// predict on something other than what the caller passed.
std::vector<std::string> utf8_list(const py::sequence& seq, const char* what) {
  std::vector<std::string> out;
  out.reserve(py::len(seq));
  for (py::handle h : seq) out.push_back(utf8_from_python(h, "strict", what));
  return out;
}

// Training labels, all str or all int.
struct Labels {
  bool integer = false;
  std::vector<std::string> strings;
  std::vector<std::int64_t> integers;
};

constexpr const char* kLabelKinds = "labels must be all str or all int (numpy integers included)";

// A Python int or numpy integer as int64; nullopt for anything else (bool is not a label:
// True == 1 would silently merge two classes).
std::optional<std::int64_t> integer_label(py::handle h, std::size_t position) {
  if (PyBool_Check(h.ptr())) return std::nullopt;
  py::object number;
  if (PyLong_Check(h.ptr())) {
    number = py::reinterpret_borrow<py::object>(h);
  } else {
    static const py::handle numpy_integer = py::object(py::module_::import("numpy").attr("integer")).release();
    if (!py::isinstance(h, numpy_integer)) return std::nullopt;
    number = py::reinterpret_steal<py::object>(PyNumber_Index(h.ptr()));
    if (!number) throw py::error_already_set();
  }
  int overflow = 0;
  const long long v = PyLong_AsLongLongAndOverflow(number.ptr(), &overflow);
  if (v == -1 && PyErr_Occurred()) throw py::error_already_set();
  if (overflow != 0)
    throw py::value_error("label at position " + std::to_string(position) + " does not fit in 64 bits");
  return static_cast<std::int64_t>(v);
}

Labels labels_from_python(const py::handle& y) {
  if (PyUnicode_Check(y.ptr()) || PyBytes_Check(y.ptr()))
    throw py::type_error("y must be a sequence of labels, not a single str or bytes");
  if (!PySequence_Check(y.ptr())) throw py::type_error("y must be a sequence of labels (list, tuple or array)");
  Labels out;
  std::size_t i = 0;
  for (py::handle h : py::reinterpret_borrow<py::sequence>(y)) {
    bool integer = false;
    if (PyUnicode_Check(h.ptr())) {
      out.strings.push_back(utf8_from_python(h, "strict", "label"));
    } else if (auto v = integer_label(h, i)) {
      out.integers.push_back(*v);
      integer = true;
    } else {
      throw py::type_error(std::string(kLabelKinds) + "; position " + std::to_string(i) + " holds a " +
                           std::string(py::str(py::type::handle_of(h).attr("__name__"))));
    }
    if (i == 0) out.integer = integer;
    if (integer != out.integer)
      throw py::type_error(std::string(kLabelKinds) + "; position 0 holds a" + (out.integer ? "n int" : " str") +
                           ", position " + std::to_string(i) + " a" + (integer ? "n int" : " str"));
    ++i;
  }
  return out;
}

// The model's classes as Python objects, in column order.
py::list classes_to_python(const ClassLabels& classes) {
  py::list out;
  if (classes.kind() == ClassLabels::Kind::integer) {
    for (std::int64_t v : classes.integers()) out.append(py::int_(v));
  } else {
    for (const std::string& s : classes.strings()) out.append(py::str(s));
  }
  return out;
}

// Calls visit(name, field) for every option, in the constructor's order: one list for the
// options dict, pickle states and their checks.
template <typename Options, typename Visit>
void for_each_option(Options& o, Visit&& visit) {
  visit("model", o.model);
  visit("hidden_units", o.hidden_units);
  visit("hash_bits", o.hash_bits);
  visit("max_epochs", o.max_epochs);
  visit("batch_size", o.batch_size);
  visit("learning_rate", o.learning_rate);
  visit("l2", o.l2);
  visit("validation_fraction", o.validation_fraction);
  visit("patience", o.patience);
  visit("class_weight", o.class_weight);
  visit("seed", o.seed);
  visit("language", o.language);
  visit("features", o.features);
  visit("ngram_bits", o.ngram_bits);
  visit("per_target", o.per_target);
}

py::dict options_to_python(const StanceClassifierOptions& o) {
  py::dict d;
  for_each_option(o, [&](const char* name, const auto& value) {
    if constexpr (std::is_same_v<std::decay_t<decltype(value)>, float>) d[name] = shortest_decimal(value);
    else d[name] = value;
  });
  return d;
}

// The inverse of options_to_python, for pickle states: any key or type that the constructor
// would not take raises ValueError (a bad state must never build a model).
StanceClassifierOptions options_from_python(const py::dict& d) {
  StanceClassifierOptions o;
  for (auto [key, value] : d) {
    const std::string name = py::isinstance<py::str>(key) ? key.cast<std::string>() : std::string(py::repr(key));
    bool known = false;
    for_each_option(o, [&](const char* option, auto& field) {
      if (name != option) return;
      known = true;
      try {
        field = value.cast<std::decay_t<decltype(field)>>();
      } catch (const py::cast_error&) {
        throw py::value_error("bad StanceModel pickle state: option '" + name + "' holds a " +
                              std::string(py::str(py::type::handle_of(value).attr("__name__"))));
      }
    });
    if (!known) throw py::value_error("bad StanceModel pickle state: unknown option " + name);
  }
  return o;
}

// A path (str, bytes or os.PathLike) as the bytes the OS sees.
std::string path_from_python(const py::object& path) {
  return py::module_::import("os").attr("fsencode")(path).cast<std::string>();
}

// Raises the OSError subclass of the error (FileNotFoundError for ENOENT, ...) naming path.
[[noreturn]] void raise_os_error(const std::filesystem::filesystem_error& e, const py::object& path) {
  py::object error = py::module_::import("builtins").attr("OSError")(e.code().value(), e.code().message(), path);
  PyErr_SetObject(reinterpret_cast<PyObject*>(Py_TYPE(error.ptr())), error.ptr());
  throw py::error_already_set();
}

std::string bytes_from_python(const py::object& data) {
  // bytes, bytearray, memoryview or any buffer; TypeError for anything else (str and lists of
  // ints included, which PyBytes_FromObject would take).
  if (!PyObject_CheckBuffer(data.ptr()))
    throw py::type_error("expected bytes (or bytearray, memoryview), got " +
                         py::str(py::type::handle_of(data).attr("__name__")).cast<std::string>());
  py::object b = py::reinterpret_steal<py::object>(PyBytes_FromObject(data.ptr()));
  if (!b) throw py::error_already_set();
  return b.cast<std::string>();
}

// A TransformerEncoder or StaticEncoder; TypeError for anything else (the lexical encoders'
// vectors are one document's terms, not features that mean the same in every pair).
std::shared_ptr<const Encoder> semantic_encoder_from_python(py::handle encoder) {
  std::shared_ptr<const Encoder> e = py::isinstance<py::str>(encoder) ? nullptr : encoder_from_python(encoder);
  if (!e || e->dimension() == 0)
    throw py::type_error("encoder must be a TransformerEncoder or a StaticEncoder (fixed-length text vectors), got " +
                         (e ? "the '" + e->name() + "' encoder" : std::string(py::repr(encoder))));
  return e;
}

py::object encoder_to_python(const StanceClassifierModel& model) {
  if (!model.encoder()) return py::none();
  return py::cast(std::const_pointer_cast<Encoder>(model.encoder()));
}

constexpr std::size_t kChunk = 1024;

// (n, classes) probabilities of the pairs, with the GIL released.
py::array_t<float> probabilities(StanceClassifierModel& self, const py::sequence& targets, const py::sequence& texts,
                                 int n_jobs) {
  const StanceClassifierModel& model = self;
  if (!model.fitted()) throw std::invalid_argument("the stance classifier is not fitted: call fit first");
  std::vector<std::string> t = utf8_list(targets, "target"), x = utf8_list(texts, "text");
  if (t.size() != x.size())
    throw std::invalid_argument("targets and texts differ in length (" + std::to_string(t.size()) + " and " +
                                std::to_string(x.size()) + ")");
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
}

}  // namespace

void register_classifier(py::module_& m) {
  const StanceClassifierOptions defaults;
  py::class_<StanceClassifierModel>(m, "StanceModel", R"doc(
The C++ stance model: features of (target, text) pairs, logistic regression or a
one-hidden-layer MLP, and one versioned model format that carries the class labels.
synopsis.StanceClassifier wraps it with the scikit-learn contract.

Arguments (keyword only; ValueError outside the ranges):
    model: "auto" (the better of the two on the held-out part), "mlp" or "logistic".
    hidden_units: MLP hidden layer width, 1..4096.
    hash_bits: 2**hash_bits hashed TF-IDF buckets for target and for text, 4..20.
    max_epochs: 1..100000. batch_size: 1..2**20.
    learning_rate: Adam step size in (0, 1]. l2: weight decay in [0, 1].
    validation_fraction: held out for early stopping, in [0, 0.9). patience: 1..100000.
    class_weight: "sqrt", "balanced" or "none". seed: fixes split, initialisation, order.
    language: language of the texts.
    features: "auto" (chosen on the held-out part of the training data), "words", "ngrams"
        (also word 1-3-grams and character 2-5-grams of the text) or "target_ngrams" (also
        those n-grams per target). ngram_bits: 2**ngram_bits buckets per n-gram block, 4..20.
    per_target: one model per target seen in training, plus one over all pairs.
    encoder: None, or a semantic encoder (TransformerEncoder, StaticEncoder) whose text
        vectors become features too (cosine and relevance profile by meaning, lean towards
        statements for and against the target, the text's vector and its product with the
        target's). A model trained with one needs it again after from_bytes/load:
        set_encoder. TypeError for other encoders.

Example:
    >>> m = StanceModel(model="logistic", hash_bits=10)
    >>> report = m.fit(["rates rise"] * 2, ["Rates rose.", "Rates fell."], ["agree", "disagree"])
    >>> m.classes
    ['agree', 'disagree']
)doc")
      .def(py::init([](const std::string& model, int hidden_units, int hash_bits, int max_epochs, int batch_size,
                       float learning_rate, float l2, float validation_fraction, int patience,
                       const std::string& class_weight, std::uint64_t seed, const std::string& language,
                       const std::string& features, int ngram_bits, bool per_target, py::handle encoder) {
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
             o.features = features;
             o.ngram_bits = ngram_bits;
             o.per_target = per_target;
             std::shared_ptr<const Encoder> text_encoder;
             if (!encoder.is_none()) text_encoder = semantic_encoder_from_python(encoder);
             return StanceClassifierModel(o, std::move(text_encoder));
           }),
           py::kw_only(), py::arg("model") = defaults.model, py::arg("hidden_units") = defaults.hidden_units,
           py::arg("hash_bits") = defaults.hash_bits, py::arg("max_epochs") = defaults.max_epochs,
           py::arg("batch_size") = defaults.batch_size,
           py::arg("learning_rate") = shortest_decimal(defaults.learning_rate),
           py::arg("l2") = shortest_decimal(defaults.l2),
           py::arg("validation_fraction") = shortest_decimal(defaults.validation_fraction),
           py::arg("patience") = defaults.patience, py::arg("class_weight") = defaults.class_weight,
           py::arg("seed") = defaults.seed, py::arg("language") = defaults.language,
           py::arg("features") = defaults.features, py::arg("ngram_bits") = defaults.ngram_bits,
           py::arg("per_target") = defaults.per_target, py::arg("encoder") = py::none())
      .def("fit", [](StanceClassifierModel& self, const py::sequence& targets, const py::sequence& texts, const py::sequence& y,
                     int n_jobs) {
             StanceClassifierModel& model = self;
             std::vector<std::string> t = utf8_list(targets, "target"), x = utf8_list(texts, "text");
             const Labels labels = labels_from_python(y);
             const std::size_t n = labels.integer ? labels.integers.size() : labels.strings.size();
             if (t.size() != x.size() || t.size() != n)
               throw std::invalid_argument("targets, texts and y must have the same length, got " +
                                           std::to_string(t.size()) + ", " + std::to_string(x.size()) + " and " +
                                           std::to_string(n));
             const int threads = resolve_threads(n_jobs);
             TrainingReport report;
             // Trained apart and kept only when fit completes: Ctrl-C (which run_batch raises after
             // the work item ends) or an error leaves the model as it was.
             StanceClassifierModel trained(model.options(), model.encoder());
             run_batch(1, 1, [&](std::size_t) {
               report = labels.integer ? trained.fit(t, x, labels.integers, threads)
                                       : trained.fit(t, x, labels.strings, threads);
             });
             model = std::move(trained);
             py::dict d;
             d["epochs"] = report.epochs;
             d["best_epoch"] = report.best_epoch;
             d["best_validation_loss"] = report.best_validation_loss;
             d["validation_macro_f1"] = report.validation_macro_f1;
             d["model"] = report.model;
             py::list candidates;
             for (const auto& c : report.candidates) {
               py::dict one;
               one["model"] = c.model;
               one["features"] = c.features;
               one["validation_macro_f1"] = c.validation_macro_f1;
               candidates.append(one);
             }
             d["candidates"] = candidates;
             d["features"] = report.features;
             d["seconds_features"] = report.seconds_features;
             d["seconds_training"] = report.seconds_training;
             return d;
           },
           py::arg("targets"), py::arg("texts"), py::arg("y"), py::kw_only(), py::arg("n_jobs") = -1, R"doc(
Trains on (target, text) pairs labelled y; the classes become the sorted distinct labels.

Arguments:
    targets, texts: sequences of str (or UTF-8 bytes), one pair per position; invalid UTF-8
        or lone surrogates raise ValueError.
    y: one label per pair, all str or all int (numpy integers too). bool, float, None and
        mixed kinds raise TypeError; fewer than two distinct labels raise ValueError.
    n_jobs: threads (-1: all cores).

Returns a training report: epochs, best_epoch, best_validation_loss, validation_macro_f1,
model and features (those trained: the choice, for "auto"), candidates (each model and
feature set tried, with its held-out macro-F1), seconds_features, seconds_training. A failed fit (e.g. diverged weights: ValueError) keeps the previous model.

Example:
    >>> m = StanceModel(model="logistic", hash_bits=10)
    >>> m.fit(["rates rise"] * 2, ["Rates rose.", "Rates fell."], [1, 0])["epochs"] >= 1
    True
)doc")
      .def("predict_proba", &probabilities, py::arg("targets"), py::arg("texts"), py::kw_only(),
           py::arg("n_jobs") = -1, R"doc(
Class probabilities of (target, text) pairs, computed with the GIL released.

Arguments:
    targets, texts: sequences of str of the same length.
    n_jobs: threads (-1: all cores).

Returns a float32 array of shape (n, len(classes)); column j is classes[j].

Example:
    >>> m.predict_proba(["rates rise"], ["Rates rose."]).shape      # doctest: +SKIP
    (1, 2)
)doc")
      .def("predict", [](StanceClassifierModel& self, const py::sequence& targets, const py::sequence& texts, int n_jobs) {
             py::array_t<float> p = probabilities(self, targets, texts, n_jobs);
             const py::list classes = classes_to_python(self.classes());
             const auto r = p.unchecked<2>();
             py::list out;
             for (py::ssize_t i = 0; i < r.shape(0); ++i) {
               py::ssize_t best = 0;  // the first of equal maxima, as numpy.argmax
               for (py::ssize_t j = 1; j < r.shape(1); ++j)
                 if (r(i, j) > r(i, best)) best = j;
               out.append(classes[best]);
             }
             return out;
           },
           py::arg("targets"), py::arg("texts"), py::kw_only(), py::arg("n_jobs") = -1, R"doc(
The most probable class of each (target, text) pair, as the label value fit was given.

Arguments:
    targets, texts: sequences of str of the same length.
    n_jobs: threads (-1: all cores).

Example:
    >>> m.predict(["rates rise"], ["Rates rose."])                 # doctest: +SKIP
    ['agree']
)doc")
      .def_property_readonly("classes", [](StanceClassifierModel& self) { return classes_to_python(self.classes()); },
                             "The class labels (str or int, as given to fit), in column order; [] before fit.")
      .def_property_readonly("options", [](StanceClassifierModel& self) { return options_to_python(self.options()); },
                             "The hyperparameters, as a dict.")
      .def_property_readonly("fitted", [](StanceClassifierModel& self) { return self.fitted(); },
                             "Whether fit (or from_bytes, load) gave the model its weights.")
      .def_property_readonly("encoder", [](StanceClassifierModel& self) { return encoder_to_python(self); },
                             "The encoder of the text-vector features, or None.")
      .def_property_readonly("text_vectors", [](StanceClassifierModel& self) -> py::object {
             if (!self.reads_text_vectors()) return py::none();
             py::dict d;
             d["encoder"] = self.encoder_signature().name;
             d["dimension"] = self.encoder_signature().dimension();
             return d;
           }, "For a fitted model that reads text vectors, the encoder it needs ({'encoder': name, 'dimension': n}); else None.")
      .def("set_encoder", [](StanceClassifierModel& self, py::handle encoder) {
             self.set_encoder(semantic_encoder_from_python(encoder));
           }, py::arg("encoder"), R"doc(
Gives a loaded model that reads text vectors the encoder it was trained with.

Arguments:
    encoder: a TransformerEncoder or StaticEncoder. ValueError when the model reads no text
        vectors, or when the encoder is not the one it was trained with (name, dimension, or
        its vector of a probe sentence); the model is then left as it was.
)doc")
      .def("to_bytes", [](StanceClassifierModel& self) { return py::bytes(self.serialize()); }, R"doc(
The versioned binary form: magic, format version, payload (options, class labels, weights),
checksum over all of it. ValueError when not fitted.

Example:
    >>> StanceModel.from_bytes(m.to_bytes()).classes == m.classes   # doctest: +SKIP
    True
)doc")
      .def_static("from_bytes", [](const py::object& data) {
             std::string s = bytes_from_python(data);
             py::gil_scoped_release release;
             return StanceClassifierModel::deserialize(s);
           }, py::arg("data"), R"doc(
Reads to_bytes() output (format version 1 to 4). A model that reads text vectors needs
set_encoder before it predicts.

Arguments:
    data: bytes (or bytearray, memoryview). ValueError saying what is wrong for foreign,
        truncated or corrupt data.

Example:
    >>> StanceModel.from_bytes(b"not a model")
    Traceback (most recent call last):
    ValueError: not a synopsis stance model (bad magic bytes)
)doc")
      .def("save", [](StanceClassifierModel& self, const py::object& path) {
             const StanceClassifierModel& model = self;
             const std::string file = path_from_python(path);
             try {
               py::gil_scoped_release release;
               model.save(file);
             } catch (const std::filesystem::filesystem_error& e) {
               raise_os_error(e, path);
             }
           }, py::arg("path"), R"doc(
Writes the model to a file atomically: a temporary file in the same folder is written,
synced and renamed over path, so an interrupted save leaves any previous file intact.

Arguments:
    path: str, bytes or os.PathLike. OSError (naming the path) when it cannot be written;
        ValueError when the model is not fitted.

Example:
    >>> m.save("stance.model")                                       # doctest: +SKIP
)doc")
      .def_static("load", [](const py::object& path) {
             const std::string file = path_from_python(path);
             try {
               py::gil_scoped_release release;
               return StanceClassifierModel::load(file);
             } catch (const std::filesystem::filesystem_error& e) {
               raise_os_error(e, path);
             }
           }, py::arg("path"), R"doc(
Reads a file written by save().

Arguments:
    path: str, bytes or os.PathLike. FileNotFoundError (an OSError) naming the path when it
        does not exist; ValueError saying what is wrong for a corrupt or foreign file.

Example:
    >>> StanceModel.load("stance.model").classes                     # doctest: +SKIP
    ['agree', 'disagree']
)doc")
      .def_property_readonly_static("format_version", [](py::object) { return StanceClassifierModel::kFormatVersion; },
                                    "The model format version this build writes.")
      .def(py::pickle(
          // A fitted model pickles as its serialised form, an unfitted one as its options; with
          // an encoder, as (that, encoder).
          [](StanceClassifierModel& self) -> py::object {
            const StanceClassifierModel& model = self;
            py::object state = model.fitted() ? py::object(py::bytes(model.serialize()))
                                              : py::object(options_to_python(model.options()));
            if (model.encoder()) return py::make_tuple(state, encoder_to_python(model));
            return state;
          },
          [](const py::object& state) {
            py::object core = state, encoder = py::none();
            if (py::isinstance<py::tuple>(state) && py::len(state) == 2) {
              core = state[py::int_(0)];
              encoder = state[py::int_(1)];
            }
            std::shared_ptr<const Encoder> text_encoder;
            if (!encoder.is_none()) text_encoder = semantic_encoder_from_python(encoder);
            if (py::isinstance<py::bytes>(core)) {
              StanceClassifierModel m = StanceClassifierModel::deserialize(core.cast<std::string>());
              if (text_encoder) m.set_encoder(std::move(text_encoder));
              return m;
            }
            if (py::isinstance<py::dict>(core)) return StanceClassifierModel(options_from_python(core), std::move(text_encoder));
            throw py::value_error("bad StanceModel pickle state: expected bytes or an options dict, got a " +
                                  std::string(py::str(py::type::handle_of(core).attr("__name__"))));
          }));

  m.def("stance_feature_names", &stance_dense_feature_names, "Names of the hand-built stance features.");
}

}  // namespace synopsis::python
