// Binding for synopsis/encoder.hpp: encoders and embed().
#include "encoder.hpp"

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <cstring>
#include <vector>

#include "arguments.hpp"
#include "document.hpp"
#include "parallel.hpp"
#include "state.hpp"
#include "synopsis/summarize.hpp"
#include "text.hpp"
#include "synopsis/segment.hpp"

namespace synopsis::python {

namespace {

py::array_t<float> to_numpy(const DenseRows& m) {
  py::array_t<float> out({static_cast<py::ssize_t>(m.rows()), static_cast<py::ssize_t>(m.cols())});
  if (m.size()) std::memcpy(out.mutable_data(), m.data(), sizeof(float) * static_cast<std::size_t>(m.size()));
  return out;
}

// A Document from a str/bytes (segmented), a synopsis.Document, or a list of sentences.
Document document_from_python(py::handle obj, const std::string& language, const std::string& errors) {
  check_errors(errors);
  if (py::isinstance<PyDocument>(obj)) return obj.cast<const PyDocument&>().doc();
  if (PyUnicode_Check(obj.ptr()) || PyBytes_Check(obj.ptr())) return segment_python(obj, language, errors);
  if (PyList_Check(obj.ptr()) || PyTuple_Check(obj.ptr())) {
    std::vector<std::string> sentences;
    for (py::handle item : obj) sentences.push_back(utf8_from_python(item, errors, "each sentence"));
    py::gil_scoped_release release;
    return document_from_sentences(sentences, language);
  }
  throw py::type_error("expected a str, a list of sentences (str) or a synopsis.Document, got " +
                       std::string(py::str(py::type::handle_of(obj).attr("__name__"))));
}

std::vector<Document> documents_from_python(py::handle texts, const std::string& language, const std::string& errors,
                                            int n_jobs) {
  check_errors(errors);
  if (PyUnicode_Check(texts.ptr()) || PyBytes_Check(texts.ptr()))
    throw py::type_error("fit() takes an iterable of texts, not a single str");
  std::vector<std::string> utf8;
  std::vector<std::size_t> given;  // index into utf8, or SIZE_MAX for a Document
  std::vector<Document> docs;
  std::vector<py::object> items;
  for (py::handle item : texts) items.push_back(py::reinterpret_borrow<py::object>(item));
  docs.resize(items.size());
  std::vector<std::size_t> todo;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (py::isinstance<PyDocument>(items[i])) {
      docs[i] = items[i].cast<const PyDocument&>().doc();
    } else {
      utf8.push_back(utf8_from_python(items[i], errors, "each text"));
      todo.push_back(i);
    }
  }
  SegmentOptions options;
  options.language = language;
  run_batch(todo.size(), n_jobs, [&](std::size_t k) { docs[todo[k]] = segment(utf8[k], options); });
  return docs;
}

py::array_t<float> encode_interruptible(std::shared_ptr<const Encoder> encoder, Document doc) {
  const std::size_t bytes = doc.text.size();
  return to_numpy(run_interruptible(
      bytes, [encoder = std::move(encoder), doc = std::make_shared<const Document>(std::move(doc))] {
        return encoder->encode(*doc).to_dense();
      }));
}

template <class E>
void bind_fit(py::class_<E, Encoder, std::shared_ptr<E>>& cls) {
  cls.def("fit", [](std::shared_ptr<E> self, py::handle texts, const Language& language, int n_jobs,
                    const std::string& errors) {
        std::vector<Document> docs = documents_from_python(texts, language.code, errors, n_jobs);
        py::gil_scoped_release release;
        self->fit(docs);
        return self;
      },
      py::arg("texts"), py::kw_only(), py::arg("language") = SegmentOptions{}.language, py::arg("n_jobs") = 1,
      py::arg("errors") = "strict",
      "Fit document frequencies on a corpus (an iterable of str or Document), one unit per text; "
      "returns self. Without fit, IDF comes from each document's own sentences.")
      .def_property_readonly("is_fitted", [](const E& e) { return !e.idf().empty(); })
      .def_property_readonly("n_documents", [](const E& e) { return e.idf().documents; },
                             "Number of texts the encoder was fitted on (0: not fitted).");
}

py::tuple idf_state(const IdfTable& t) {
  py::dict df;
  for (const auto& [k, v] : t.df) df[py::str(k)] = v;
  return py::make_tuple(df, t.documents);
}

// A document frequency counts documents of the corpus: at most n_documents each.
IdfTable idf_from_state(py::handle state) {
  const StateReader r(state, "encoder IDF", 2);
  if (!PyDict_Check(r.item(0).ptr())) r.fail_type(0, "a dict of str -> documents");
  IdfTable t;
  t.documents = r.count(1);
  for (auto item : py::reinterpret_borrow<py::dict>(r.item(0))) {
    if (!PyUnicode_Check(item.first.ptr())) r.fail_type(0, "a dict with str keys");
    const std::size_t df = count(item.second, "a document frequency", kIntMax);
    r.require(df <= t.documents, "a document frequency exceeds the number of documents");
    t.df.emplace(utf8_from_python(item.first, "strict", "a term"), static_cast<std::uint32_t>(df));
  }
  return t;
}

// An encoder from a pickled state: its options through the constructor (checked exactly as
// arguments are), then its IDF table.
template <class E, class... Options>
std::shared_ptr<E> encoder_from_state(const StateReader& state, Options&&... options) {
  IdfTable idf = idf_from_state(state.item(1));
  auto encoder = py::type::of<E>()(std::forward<Options>(options)...).template cast<std::shared_ptr<E>>();
  encoder->set_idf(std::move(idf));
  return encoder;
}

}  // namespace

std::shared_ptr<const Encoder> encoder_from_python(py::handle encoder) {
  if (PyUnicode_Check(encoder.ptr())) return make_encoder(utf8_from_python(encoder, "strict", "encoder"));
  if (py::isinstance<Encoder>(encoder)) return encoder.cast<std::shared_ptr<Encoder>>();
  std::string names;
  for (const std::string& name : encoder_names()) names += (names.empty() ? "'" : ", '") + name + "'";
  throw py::type_error("encoder must be a name (" + names + ") or an Encoder object, got " +
                       std::string(py::str(py::type::handle_of(encoder).attr("__name__"))));
}

void register_encoder(py::module_& m) {
  py::class_<Encoder, std::shared_ptr<Encoder>>(m, "Encoder", R"doc(
Base class of the sentence encoders: a text becomes a matrix with one row per sentence.
Use TfidfEncoder, Bm25Encoder or LsaEncoder.
)doc")
      .def_property_readonly("name", &Encoder::name)
      .def("encode", [](const std::shared_ptr<Encoder>& e, py::handle sentences, const Language& language,
                        const std::string& errors) {
            return encode_interruptible(e, document_from_python(sentences, language.code, errors));
          },
          py::arg("sentences"), py::kw_only(), py::arg("language") = SegmentOptions{}.language,
          py::arg("errors") = "strict",
          "The sentence matrix (float32, one L2-normalised row per sentence); see synopsis.embed.")
      .def("__repr__", [](const Encoder& e) { return "<synopsis Encoder '" + e.name() + "'>"; });

  auto tfidf = py::class_<TfidfEncoder, Encoder, std::shared_ptr<TfidfEncoder>>(m, "TfidfEncoder", R"doc(
TF-IDF sentence vectors over Snowball stems, stopwords removed, sublinear tf (1 + log tf).
IDF comes from the document's own sentences, or from a corpus with fit(texts).

Example:
    >>> import synopsis as sy
    >>> enc = sy.TfidfEncoder().fit(["The cat sat.", "A dog barked."])
    >>> sy.embed(["The cat sat.", "The dog sat."], encoder=enc).shape[0]
    2
)doc");
  tfidf.def(py::init([](bool sublinear_tf, bool stopwords, bool stems) {
              TfidfOptions o;
              o.sublinear_tf = sublinear_tf;
              o.remove_stopwords = stopwords;
              o.use_stems = stems;
              return std::make_shared<TfidfEncoder>(o);
            }),
            py::kw_only(), py::arg("sublinear_tf") = true, py::arg("stopwords") = true, py::arg("stems") = true,
            "stopwords=True removes them; stems=False uses normalised words instead of stems.")
      .def("__repr__", [](const TfidfEncoder& e) {
        const auto& o = e.options();
        return std::string("TfidfEncoder(sublinear_tf=") + (o.sublinear_tf ? "True" : "False") +
               ", stopwords=" + (o.remove_stopwords ? "True" : "False") + ", stems=" + (o.use_stems ? "True" : "False") +
               (e.idf().empty() ? "" : ", fitted on " + std::to_string(e.idf().documents) + " texts") + ")";
      })
      .def(py::pickle(
          [](const TfidfEncoder& e) {
            const auto& o = e.options();
            return py::make_tuple(py::make_tuple(o.sublinear_tf, o.remove_stopwords, o.use_stems), idf_state(e.idf()));
          },
          [](const py::object& state) {
            const StateReader r(state, "TfidfEncoder", 2);
            const StateReader o(r.item(0), "TfidfEncoder options", 3);
            return encoder_from_state<TfidfEncoder>(
                r, py::arg("sublinear_tf") = o.flag(0), py::arg("stopwords") = o.flag(1), py::arg("stems") = o.flag(2));
          }));
  bind_fit(tfidf);

  auto bm25 = py::class_<Bm25Encoder, Encoder, std::shared_ptr<Bm25Encoder>>(m, "Bm25Encoder", R"doc(
BM25 sentence similarity (Barrios et al. 2016), BM25+ when delta > 0. Sentences are the
documents of the idf (or a corpus with fit). The similarity is asymmetric (query sentence vs
document sentence); the summariser's graph averages both directions. encode() returns the
document-side BM25 weights, L2-normalised.
)doc");
  bm25.def(py::init([](double k1, double b, double delta, double epsilon) {
             if (!(k1 >= 0) || !(b >= 0 && b <= 1) || !(delta >= 0) || !(epsilon >= 0))
               throw py::value_error("Bm25Encoder: need k1 >= 0, 0 <= b <= 1, delta >= 0, epsilon >= 0");
             Bm25Options o;
             o.k1 = k1, o.b = b, o.delta = delta, o.epsilon = epsilon;
             return std::make_shared<Bm25Encoder>(o);
           }),
           py::kw_only(), py::arg("k1") = 1.2, py::arg("b") = 0.75, py::arg("delta") = 0.0, py::arg("epsilon") = 0.25)
      .def("__repr__", [](const Bm25Encoder& e) {
        const auto& o = e.options();
        return "Bm25Encoder(k1=" + std::to_string(o.k1) + ", b=" + std::to_string(o.b) + ", delta=" +
               std::to_string(o.delta) + ")";
      })
      .def(py::pickle(
          [](const Bm25Encoder& e) {
            const auto& o = e.options();
            return py::make_tuple(py::make_tuple(o.k1, o.b, o.delta, o.epsilon), idf_state(e.idf()));
          },
          [](const py::object& state) {
            const StateReader r(state, "Bm25Encoder", 2);
            const StateReader o(r.item(0), "Bm25Encoder options", 4);
            return encoder_from_state<Bm25Encoder>(r, py::arg("k1") = o.finite(0), py::arg("b") = o.finite(1),
                                                   py::arg("delta") = o.finite(2), py::arg("epsilon") = o.finite(3));
          }));
  bind_fit(bm25);

  auto lsa = py::class_<LsaEncoder, Encoder, std::shared_ptr<LsaEncoder>>(m, "LsaEncoder", R"doc(
LSA sentence vectors: truncated SVD of the TF-IDF matrix (exact for small documents, a seeded
randomized SVD for large ones); dense rows U_k S_k, L2-normalised. dimensions=0 picks
min(100, (sentences + 1) / 2).
)doc");
  lsa.def(py::init([](int dimensions, std::uint64_t seed) {
            if (dimensions < 0) throw py::value_error("LsaEncoder: dimensions must be >= 0 (0 = automatic)");
            LsaOptions o;
            o.dimensions = dimensions;
            o.seed = seed;
            return std::make_shared<LsaEncoder>(o);
          }),
          py::kw_only(), py::arg("dimensions") = 0, py::arg("seed") = 7)
      .def("__repr__", [](const LsaEncoder& e) {
        return "LsaEncoder(dimensions=" + std::to_string(e.options().dimensions) + ")";
      })
      .def(py::pickle(
          [](const LsaEncoder& e) {
            return py::make_tuple(py::make_tuple(e.options().dimensions, e.options().seed), idf_state(e.idf()));
          },
          [](const py::object& state) {
            const StateReader r(state, "LsaEncoder", 2);
            const StateReader o(r.item(0), "LsaEncoder options", 2);
            return encoder_from_state<LsaEncoder>(r, py::arg("dimensions") = o.count(0),
                                                  py::arg("seed") = count(o.item(1), "LsaEncoder seed"));
          }));
  bind_fit(lsa);

  m.def("embed", [](py::handle sentences, py::handle encoder, const Language& language, const std::string& errors) {
        return encode_interruptible(encoder_from_python(encoder), document_from_python(sentences, language.code, errors));
      },
      py::arg("sentences"), py::kw_only(), py::arg("encoder") = SummarizeOptions{}.encoder,
      py::arg("language") = SegmentOptions{}.language, py::arg("errors") = "strict", R"doc(
Sentence vectors as a float32 numpy array (n, d), one L2-normalised row per sentence.

Arguments:
    sentences: a list of sentences (each str is one row), a text (str, segmented; one row per
        sentence of synopsis.segment(text).sentences), or a synopsis.Document.
    encoder: "tfidf", "bm25", "bm25+", "lsa", or an Encoder object (e.g. a fitted TfidfEncoder).
    language: language code for tokens, stopwords and stems.
    errors: "strict" (invalid UTF-8 or lone surrogates raise ValueError) or "replace".

TF-IDF and BM25 columns are the stems of this input (so d varies by input); LSA columns are
latent dimensions.

Example:
    >>> import synopsis as sy
    >>> X = sy.embed(["Prices rose.", "Prices fell sharply."])
    >>> X.shape[0], X.dtype
    (2, dtype('float32'))
)doc");
}

}  // namespace synopsis::python
