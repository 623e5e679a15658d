// Binding for synopsis/keywords.hpp: keywords(), keywords_batch(), Keyword, KeywordExtractor.
#include "synopsis/keywords.hpp"

#include <pybind11/stl.h>

#include <algorithm>
#include <cstdio>

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "document.hpp"
#include "encoder.hpp"
#include "synopsis/language.hpp"
#include "synopsis/parallel.hpp"
#include "arguments.hpp"
#include "synopsis/segment.hpp"
#include "parallel.hpp"
#include "results.hpp"
#include "state.hpp"
#include "text.hpp"

namespace synopsis::python {

namespace {

struct PyKeyword {
  std::string phrase;
  std::string stem;
  double score = 0.0;
  std::vector<std::pair<std::size_t, std::size_t>> offsets;  // str indices
};

constexpr const char* kDedupNames = "none, subsumed, overlap";

KeywordDedup dedup_from(const std::string& name) {
  if (name == "none") return KeywordDedup::none;
  if (name == "subsumed") return KeywordDedup::subsumed;
  if (name == "overlap") return KeywordDedup::overlap;
  throw std::invalid_argument("unknown dedup '" + name + "'; use one of " + kDedupNames);
}

std::string dedup_name(KeywordDedup d) {
  switch (d) {
    case KeywordDedup::none: return "none";
    case KeywordDedup::subsumed: return "subsumed";
    case KeywordDedup::overlap: return "overlap";
  }
  return "subsumed";
}

IdfSource idf_from(const std::string& name) {
  if (name == "bundled") return IdfSource::bundled;
  if (name == "document") return IdfSource::document;
  throw std::invalid_argument("unknown idf '" + name + "'; use one of bundled, document");
}

// The options of one call, converted from Python arguments with the GIL held.
struct Settings {
  KeywordOptions options;
  SegmentOptions segment;  // language and format of the texts
  std::string errors = "strict";
};

Settings make_settings(py::handle top, const std::string& method, const std::string& language,
                       const std::string& format, py::handle window, py::handle max_words, const std::string& dedup,
                       double damping, bool heuristics, bool include_comments, const std::string& idf,
                       const std::string& errors, py::handle encoder, double diversity) {
  Settings s;
  if (!encoder.is_none()) s.options.encoder = encoder_from_python(encoder);
  s.options.diversity = diversity;
  if (!top.is_none()) s.options.top = count(top, "top");
  s.options.method = keyword_method(method);
  if (!window.is_none()) s.options.window = static_cast<int>(count(window, "window", kIntMax));
  s.options.candidates.max_words = static_cast<int>(count(max_words, "max_words", kIntMax));
  s.options.candidates.verb_heuristic = heuristics;
  s.options.candidates.include_comments = include_comments;
  s.options.dedup = dedup_from(dedup);
  s.options.damping = damping;
  s.options.idf = idf_from(idf);
  check_errors(errors);
  s.errors = errors;
  s.segment.language = language;
  s.segment.format = format;
  validate(s.segment);
  validate(s.options);
  return s;
}

// A text to work on: a str/bytes converted to UTF-8, or an already segmented Document.
struct Input {
  std::string utf8;
  std::shared_ptr<const Document> doc;
};

Input input_from(py::handle obj, const Settings& s) {
  Input in;
  if (py::isinstance<PyDocument>(obj)) {
    in.doc = obj.cast<const PyDocument&>().shared();
  } else {
    in.utf8 = utf8_from_python(obj, s.errors);
  }
  return in;
}

std::vector<PyKeyword> run(const Input& in, const Settings& s, const DocumentFrequency* df) {
  std::shared_ptr<const Document> doc = in.doc;
  if (!doc) {
    doc = std::make_shared<const Document>(segment(in.utf8, s.segment));
  }
  const std::vector<Keyword> found = extract_keywords(*doc, s.options, df);
  const CodePointIndex index(doc->text);
  std::vector<PyKeyword> out;
  out.reserve(found.size());
  for (const Keyword& k : found) {
    PyKeyword p{k.phrase, k.key, k.score, {}};
    p.offsets.reserve(k.offsets.size());
    for (const auto& [a, b] : k.offsets) p.offsets.emplace_back(index(a), index(b));
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<std::vector<PyKeyword>> run_many(py::handle texts, const Settings& s, const DocumentFrequency* df,
                                             int n_jobs) {
  if (PyUnicode_Check(texts.ptr()) || PyBytes_Check(texts.ptr()))
    throw py::type_error("texts must be an iterable of str, not a single string");
  std::vector<Input> inputs;
  for (py::handle t : py::iter(texts)) inputs.push_back(input_from(t, s));
  resolve_threads(n_jobs);  // validates n_jobs before any work
  std::vector<std::vector<PyKeyword>> results(inputs.size());
  run_batch(inputs.size(), n_jobs, [&](std::size_t i) { results[i] = run(inputs[i], s, df); });
  return results;
}

// A reusable extractor: fixed options, and optionally document frequencies for TF-IDF.
class PyKeywordExtractor {
 public:
  PyKeywordExtractor(Settings settings, py::dict params) : settings_(std::move(settings)), params_(std::move(params)) {}

  std::vector<PyKeyword> extract(py::handle text) const {
    auto in = std::make_shared<const Input>(input_from(text, settings_));
    const std::size_t bytes = in->doc ? in->doc->text.size() : in->utf8.size();
    return run_interruptible(bytes, [in, settings = settings_, df = df_] { return run(*in, settings, df.get()); });
  }

  std::vector<std::vector<PyKeyword>> extract_batch(py::handle texts, int n_jobs) const {
    const auto df = df_;  // a fit() on another thread must not free the table the workers read
    return run_many(texts, settings_, df.get(), n_jobs);
  }

  void fit(py::handle texts, int n_jobs) {
    if (PyUnicode_Check(texts.ptr()) || PyBytes_Check(texts.ptr()))
      throw py::type_error("texts must be an iterable of str, not a single string");
    std::vector<Input> inputs;
    for (py::handle t : py::iter(texts)) inputs.push_back(input_from(t, settings_));
    resolve_threads(n_jobs);
    std::vector<std::vector<std::string>> keys(inputs.size());
    run_batch(inputs.size(), n_jobs, [&](std::size_t i) {
      std::shared_ptr<const Document> doc = inputs[i].doc;
      if (!doc) {
        doc = std::make_shared<const Document>(segment(inputs[i].utf8, settings_.segment));
      }
      for (const Candidate& c : keyphrase_candidates(*doc, settings_.options.candidates)) keys[i].push_back(c.key);
    });
    auto df = std::make_shared<DocumentFrequency>();
    df->set_documents(inputs.size());
    for (const auto& doc_keys : keys)
      for (const std::string& k : doc_keys) df->add(k, 1);
    df_ = std::move(df);
  }

  void set_table(py::dict table, long long documents, bool keys_are_stems) {
    if (documents < (keys_are_stems ? 0 : 1)) throw std::invalid_argument("n_documents must be at least 1");
    auto df = std::make_shared<DocumentFrequency>();
    df->set_documents(static_cast<std::uint64_t>(documents));
    for (const auto& [k, v] : table) {
      if (!PyUnicode_Check(k.ptr())) throw py::type_error("document_frequency keys must be str phrases");
      const std::size_t count = python::count(v, "a document_frequency count");
      if (count > static_cast<std::uint64_t>(documents))
        throw std::invalid_argument("a document_frequency count exceeds n_documents");
      const std::string phrase = k.cast<std::string>();
      df->add(keys_are_stems ? phrase : keyphrase_key(phrase, settings_.segment.language), static_cast<std::uint64_t>(count));
    }
    df_ = std::move(df);
  }

  py::object table() const {
    if (!df_) return py::none();
    py::dict d;
    // sorted for a stable, readable order
    std::vector<std::pair<std::string, std::uint64_t>> entries(df_->table().begin(), df_->table().end());
    std::sort(entries.begin(), entries.end());
    for (const auto& [k, v] : entries) d[py::str(k)] = v;
    return std::move(d);
  }
  long long documents() const { return df_ ? static_cast<long long>(df_->documents()) : 0; }
  bool fitted() const { return df_ != nullptr; }
  const py::dict& params() const { return params_; }
  const Settings& settings() const { return settings_; }

 private:
  Settings settings_;
  py::dict params_;
  std::shared_ptr<const DocumentFrequency> df_;
};

std::string keyword_repr(const PyKeyword& k) {
  char score[32];
  std::snprintf(score, sizeof score, "%.4g", k.score);
  return "Keyword(" + std::string(py::repr(py::str(k.phrase))) + ", score=" + score +
         ", count=" + std::to_string(k.offsets.size()) + ")";
}

const char* kOptionsDoc = R"doc(
    top: how many phrases to return (default 10).
    method: "positiontfidf" (default: TF-IDF weighted by how early a phrase first
        appears), "tfidf", "positionrank", "textrank", "singlerank", "topicrank",
        "multipartiterank" or "embedrank" (phrases ranked by the cosine of their embedding to
        the document's, with MMR diversity: EmbedRank++).
    language: language code of the text (stopwords and stems follow it).
    format: "auto" (HTML when a text starts like a page), "text" or "html"; offsets of
        HTML input are str indices into the text extracted from it.
    window: co-occurrence window in tokens for the word-graph methods; None means the
        method's default (textrank 2 content words, singlerank/positionrank 10 tokens).
    max_words: longest phrase in words (a hyphenated word counts once); longer runs of
        content words are not candidates.
    dedup: "subsumed" (default: drop a phrase whose words are a contiguous part of a
        higher-ranked phrase, so "security" is dropped after "regional security"),
        "overlap" (also drop a phrase containing a higher-ranked one) or "none".
    damping: PageRank damping factor in [0, 1).
    heuristics: treat frequent verbs, -ly adverbs and past participles at the end of a
        run as delimiters (English); False uses stopwords and punctuation only.
    include_comments: draw phrases from readers' comments too (``Document.comments``);
        by default comments are page furniture and ignored.
    idf: where the TF-IDF methods take document frequencies from when the extractor has
        none of its own (fit() or document_frequency=): "bundled" (default: the table
        shipped for English, built from 1,000 CNN/DailyMail news articles; other languages
        use the document's sentences) or "document" (the document's own sentences).
    errors: "strict" or "replace" for invalid UTF-8 / lone surrogates.
    encoder: embedrank's encoder of sentences and phrases: None (TF-IDF), a name
        ("tfidf", "bm25", "lsa") or an Encoder such as a TransformerEncoder.
    diversity: embedrank's MMR weight against redundancy in [0, 1] (EmbedRank++); 0, the
        default, ranks by the plain cosine to the document.)doc";

}  // namespace

void register_keywords(py::module_& m) {
  py::class_<PyKeyword>(m, "Keyword", R"doc(
A keyphrase: .phrase (its most frequent surface form in the text), .score (higher is
better; comparable within one call), .count (occurrences), .offsets (a list of (start, end)
str indices, text[start:end] is an occurrence) and .stem (the normalised key phrases are
matched by: stems joined by spaces).
)doc")
      .def(py::init([](std::string phrase, double score, std::vector<std::pair<std::size_t, std::size_t>> offsets,
                       std::string stem) { return PyKeyword{std::move(phrase), std::move(stem), score, std::move(offsets)}; }),
           py::arg("phrase"), py::arg("score"), py::arg("offsets"), py::arg("stem"))
      .def_readonly("phrase", &PyKeyword::phrase)
      .def_readonly("score", &PyKeyword::score)
      .def_readonly("stem", &PyKeyword::stem)
      .def_property_readonly("count", [](const PyKeyword& k) { return k.offsets.size(); })
      .def_property_readonly("offsets", [](const PyKeyword& k) {
        py::list out;
        for (const auto& [a, b] : k.offsets) out.append(py::make_tuple(a, b));
        return out;
      })
      .def("__repr__", &keyword_repr)
      .def("__str__", [](const PyKeyword& k) { return k.phrase; })
      .def("__eq__", [](const PyKeyword& a, const PyKeyword& b) {
        return a.phrase == b.phrase && a.stem == b.stem && a.score == b.score && a.offsets == b.offsets;
      }, py::is_operator())
      .def("to_json", [](py::handle self) { return to_json(self); }, "to_dict() as a JSON string.")
      .def("to_dict", [](const PyKeyword& k) {
        py::dict d;
        d["phrase"] = k.phrase;
        d["score"] = k.score;
        d["count"] = k.offsets.size();
        py::list offsets;
        for (const auto& [a, b] : k.offsets) offsets.append(py::make_tuple(a, b));
        d["offsets"] = offsets;
        d["stem"] = k.stem;
        return d;
      }, "The keyphrase as a plain dict (for JSON).")
      .def(py::pickle([](const PyKeyword& k) { return py::make_tuple(k.phrase, k.score, k.offsets, k.stem); },
                      [](const py::object& state) {
                        const StateReader r(state, "Keyword", 4);
                        return PyKeyword{r.text(0), r.text(3), r.finite(1), spans_from_python(r.item(2), "Keyword offsets")};
                      }));
  m.attr("Keyword").attr("__hash__") = py::none();

  std::vector<std::string> methods;
  for (KeywordMethod method : {KeywordMethod::positiontfidf, KeywordMethod::tfidf, KeywordMethod::positionrank,
                               KeywordMethod::textrank, KeywordMethod::singlerank, KeywordMethod::topicrank,
                               KeywordMethod::multipartiterank, KeywordMethod::embedrank})
    methods.emplace_back(keyword_method_name(method));
  m.attr("KEYWORD_METHODS") = methods;

  const KeywordOptions defaults;
  py::class_<PyKeywordExtractor>(m, "KeywordExtractor", (std::string(R"doc(
A reusable keyphrase extractor with fixed options; picklable.

For the TF-IDF methods ("positiontfidf", the default, and "tfidf"), fit(texts) learns
document frequencies from a corpus (or pass document_frequency={phrase: count} with
n_documents=N); without them the bundled English table (or, with idf="document" or in other
languages, the document's own sentences) serves as the corpus.

Arguments:)doc") + kOptionsDoc + R"doc(
    document_frequency: optional {phrase: number of documents containing it}.
    n_documents: size of the corpus behind document_frequency.

Example:
    >>> import synopsis as sy
    >>> ex = sy.KeywordExtractor(method="tfidf", top=3).fit(["Oil prices fell.", "Oil spill in Alaska."])
    >>> [k.phrase for k in ex.extract("An oil spill in Alaska.")]
    ['oil spill', 'Alaska']
)doc").c_str())
      .def(py::init([](py::object top, const std::string& method, const Language& language,
                       const std::string& format, py::object window, py::object max_words, const std::string& dedup,
                       double damping, bool heuristics, bool include_comments, const std::string& idf,
                       const std::string& errors, std::optional<py::dict> table, std::optional<long long> documents,
                       py::object encoder, double diversity, const py::kwargs& unknown) {
             reject_unknown_options<PyKeywordExtractor>(unknown, "KeywordExtractor");
             Settings s = make_settings(top, method, language.code, format, window, max_words, dedup, damping,
                                        heuristics, include_comments, idf, errors, encoder, diversity);
             py::dict params;
             params["top"] = s.options.top;  // None means the default: keywords(text) == KeywordExtractor()
             params["method"] = method;
             params["language"] = language.code;
             params["format"] = format;
             params["window"] = window;
             params["max_words"] = max_words;
             params["dedup"] = dedup;
             params["damping"] = damping;
             params["heuristics"] = heuristics;
             params["include_comments"] = include_comments;
             params["idf"] = idf;
             params["errors"] = errors;
             params["encoder"] = encoder;
             params["diversity"] = diversity;
             PyKeywordExtractor ex(std::move(s), params);
             if (table) {
               if (!documents) throw std::invalid_argument("document_frequency needs n_documents (the corpus size)");
               ex.set_table(*table, *documents, false);
             } else if (documents) {
               throw std::invalid_argument("n_documents is given without document_frequency");
             }
             return ex;
           }),
           py::kw_only(), py::arg("top") = py::int_(defaults.top),
           py::arg("method") = std::string(keyword_method_name(defaults.method)),
           py::arg("language") = SegmentOptions{}.language, py::arg("format") = SegmentOptions{}.format,
           py::arg("window") = py::none(),
           py::arg("max_words") = py::int_(defaults.candidates.max_words), py::arg("dedup") = dedup_name(defaults.dedup),
           py::arg("damping") = defaults.damping, py::arg("heuristics") = defaults.candidates.verb_heuristic,
           py::arg("include_comments") = defaults.candidates.include_comments, py::arg("idf") = "bundled",
           py::arg("errors") = "strict",
           py::arg("document_frequency") = py::none(), py::arg("n_documents") = py::none(),
           py::arg("encoder") = py::none(), py::arg("diversity") = defaults.diversity)
      .def("extract", &PyKeywordExtractor::extract, py::arg("text"),
           "The keyphrases of one text (str, bytes or Document), best first.")
      .def("extract_batch", &PyKeywordExtractor::extract_batch, py::arg("texts"), py::arg("n_jobs") = -1,
           "extract() for many texts on a thread pool (GIL released); input order, deterministic.")
      .def("fit", [](py::object self, py::handle texts, int n_jobs) {
             self.cast<PyKeywordExtractor&>().fit(texts, n_jobs);
             return self;
           }, py::arg("texts"), py::arg("n_jobs") = -1,
           "Learns document frequencies of candidate phrases from texts (for the TF-IDF methods); returns self.")
      .def_property_readonly("document_frequency", &PyKeywordExtractor::table,
                             "{stem key: documents} after fit() or from the constructor, else None.")
      .def_property_readonly("n_documents", &PyKeywordExtractor::documents)
      .def_property_readonly("is_fitted", &PyKeywordExtractor::fitted)
      .def("get_params", [](const PyKeywordExtractor& ex) { return ex.params().attr("copy")(); },
           "The constructor options as a dict.")
      .def("__repr__", [](const PyKeywordExtractor& ex) {
        return "KeywordExtractor(" + params_repr(changed_params(ex.params(), default_params<PyKeywordExtractor>())) + ")";
      })
      .def(py::pickle(
          [](const PyKeywordExtractor& ex) {
            return py::make_tuple(ex.params(), ex.fitted() ? ex.table() : py::none(), ex.documents());
          },
          [](const py::object& state) {
            // Through the constructor: the options of a state are checked exactly as arguments are.
            const StateReader r(state, "KeywordExtractor", 3);
            if (!PyDict_Check(r.item(0).ptr())) r.fail_type(0, "a dict of options");
            PyKeywordExtractor ex =
                py::type::of<PyKeywordExtractor>()(**py::reinterpret_borrow<py::dict>(r.item(0))).cast<PyKeywordExtractor>();
            const std::size_t documents = r.count(2);
            if (r.item(1).is_none()) {
              r.require(documents == 0, "n_documents without a document_frequency table");
            } else {
              if (!PyDict_Check(r.item(1).ptr())) r.fail_type(1, "a dict or None");
              ex.set_table(py::reinterpret_borrow<py::dict>(r.item(1)), static_cast<long long>(documents), true);
            }
            return ex;
          }));
}

}  // namespace synopsis::python
