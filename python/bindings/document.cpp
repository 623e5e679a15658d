// Binding for synopsis/document.hpp and synopsis/language.hpp.
#include "document.hpp"

#include <pybind11/stl.h>

#include <optional>

#include "arguments.hpp"
#include "parallel.hpp"
#include "results.hpp"
#include "state.hpp"
#include "synopsis/parallel.hpp"
#include "synopsis/language.hpp"
#include "synopsis/segment.hpp"

namespace synopsis::python {

PySentence PyDocument::sentence(std::size_t i) const {
  const Sentence& s = doc_->sentences.at(i);
  return PySentence{s.index, cp(s.start), cp(s.end), s.paragraph, std::string(doc_->sentence_text(i)),
                    s.is_heading, s.is_boilerplate, boilerplate_kind_name(s.boilerplate_kind),
                    source_start(s.start), source_end(s.end)};
}

Document segment_python(py::handle text, const std::string& language, const std::string& errors,
                        const std::string& format) {
  SegmentOptions options;
  options.language = language;
  options.format = format;
  validate_format(format);  // before the text is copied
  std::string utf8 = utf8_from_python(text, errors);
  const std::size_t bytes = utf8.size();
  return run_interruptible(bytes, [utf8 = std::move(utf8), options] { return segment(utf8, options); });
}

namespace {

const char* kind_name(TokenKind k) {
  switch (k) {
    case TokenKind::word: return "word";
    case TokenKind::number: return "number";
    case TokenKind::punctuation: return "punctuation";
    case TokenKind::symbol: return "symbol";
  }
  return "word";
}

std::vector<std::string> token_kind_names() {
  std::vector<std::string> names;
  for (TokenKind k : {TokenKind::word, TokenKind::number, TokenKind::punctuation, TokenKind::symbol})
    names.emplace_back(kind_name(k));
  return names;
}

PyToken make_token(const PyDocument& d, std::size_t i) {
  const Document& doc = d.doc();
  const Token& t = doc.tokens[i];
  return PyToken{d.cp(t.start), d.cp(t.end), t.sentence, std::string(doc.token_text(i)),
                 doc.terms[t.term], doc.stems[t.stem], kind_name(t.kind), t.is_stopword,
                 d.source_start(t.start), d.source_end(t.end)};
}

// A read-only sequence over a document's tokens: Token objects are made on access, so
// segmenting a long text does not pay for millions of Python objects nobody reads.
struct TokenList {
  PyDocument doc;
  std::size_t size() const { return doc.doc().tokens.size(); }
  py::list to_list() const {
    py::list out;
    for (std::size_t i = 0; i < size(); ++i) out.append(make_token(doc, i));
    return out;
  }
};

std::vector<std::string> boilerplate_kind_names() {
  std::vector<std::string> names;
  for (int k = 0; k <= static_cast<int>(BoilerplateKind::footer); ++k)
    names.emplace_back(boilerplate_kind_name(static_cast<BoilerplateKind>(k)));
  return names;
}

std::string sentence_repr(const PySentence& s) {
  std::string text = shorten_utf8(s.text, 60);
  std::string flags;
  if (s.is_heading) flags += ", heading";
  if (s.is_boilerplate) flags += ", " + s.boilerplate_kind;
  return "Sentence(" + std::to_string(s.index) + ", " + std::string(py::repr(py::str(text))) + ", start=" +
         std::to_string(s.start) + ", end=" + std::to_string(s.end) + flags + ")";
}

}  // namespace

void register_document(py::module_& m) {
  py::class_<PySentence> sentence(m, "Sentence", R"doc(
A sentence of a Document: ``doc.text[start:end] == text``; ``doc.source[source_start:source_end]``
is where it lies in the input (the HTML it was extracted from, or the text itself).
)doc");
  def_plain_data(sentence);
  sentence
      .def_readonly("index", &PySentence::index)
      .def_readonly("text", &PySentence::text)
      .def_readonly("start", &PySentence::start)
      .def_readonly("end", &PySentence::end)
      .def_readonly("paragraph", &PySentence::paragraph)
      .def_readonly("is_heading", &PySentence::is_heading)
      .def_readonly("is_boilerplate", &PySentence::is_boilerplate)
      .def_readonly("source_start", &PySentence::source_start)
      .def_readonly("source_end", &PySentence::source_end)
      .def_property_readonly("boilerplate_kind", [](const PySentence& s) -> std::optional<std::string> {
        if (s.boilerplate_kind == "none") return std::nullopt;
        return s.boilerplate_kind;
      }, "Why the sentence is boilerplate (\"navigation\", \"repeated\", \"consent\", \"subscription\", "
         "\"comment\", \"share\", \"advertisement\", \"related\", \"byline\", \"dateline\", \"caption\", "
         "\"footer\"), or None for prose and headings.")
      .def_property_readonly("is_prose", [](const PySentence& s) { return !s.is_heading && !s.is_boilerplate; })
      .def("__repr__", &sentence_repr)
      .def("__str__", [](const PySentence& s) { return s.text; })
      .def(py::pickle(
          [](const PySentence& s) {
            return py::make_tuple(s.index, s.start, s.end, s.paragraph, py::str(s.text), s.is_heading, s.is_boilerplate,
                                  s.boilerplate_kind, s.source_start, s.source_end);
          },
          [](const py::object& state) {
            const StateReader r(state, "Sentence", 10);
            PySentence s{r.count(0), r.count(1), r.count(2), r.count(3), r.text(4), r.flag(5), r.flag(6),
                         r.choice(7, boilerplate_kind_names()), r.count(8), r.count(9)};
            r.require_span(s.start, s.end, py::len(r.item(4)));
            r.require(s.is_boilerplate == (s.boilerplate_kind != "none"),
                      "is_boilerplate disagrees with boilerplate_kind");
            r.require(s.source_start <= s.source_end, "its source span ends before it starts");
            return s;
          }));

  py::class_<PyToken> token(m, "Token", "A word or number token; norm is NFKC-casefolded, stem is Snowball's.");
  def_plain_data(token);
  token
      .def_readonly("text", &PyToken::text)
      .def_readonly("start", &PyToken::start)
      .def_readonly("end", &PyToken::end)
      .def_readonly("sentence", &PyToken::sentence)
      .def_readonly("norm", &PyToken::norm)
      .def_readonly("stem", &PyToken::stem)
      .def_readonly("kind", &PyToken::kind)
      .def_readonly("is_stopword", &PyToken::is_stopword)
      .def_readonly("source_start", &PyToken::source_start)
      .def_readonly("source_end", &PyToken::source_end)
      .def("__repr__", [](const PyToken& t) {
        return "Token(" + std::string(py::repr(py::str(t.text))) + ", norm=" + std::string(py::repr(py::str(t.norm))) +
               ", stem=" + std::string(py::repr(py::str(t.stem))) + ", start=" + std::to_string(t.start) + ")";
      })
      .def(py::pickle(
          [](const PyToken& t) {
            return py::make_tuple(t.start, t.end, t.sentence, py::str(t.text), py::str(t.norm), py::str(t.stem),
                                  t.kind, t.is_stopword, t.source_start, t.source_end);
          },
          [](const py::object& state) {
            const StateReader r(state, "Token", 10);
            PyToken t{r.count(0), r.count(1), r.count(2), r.text(3), r.text(4), r.text(5),
                      r.choice(6, token_kind_names()), r.flag(7), r.count(8), r.count(9)};
            r.require_span(t.start, t.end, py::len(r.item(3)));
            r.require(t.source_start <= t.source_end, "its source span ends before it starts");
            return t;
          }));

  py::class_<PyParagraph> paragraph(m, "Paragraph", "A paragraph: a line, or lines wrapped into one.");
  def_plain_data(paragraph);
  paragraph
      .def_readonly("index", &PyParagraph::index)
      .def_readonly("text", &PyParagraph::text)
      .def_readonly("start", &PyParagraph::start)
      .def_readonly("end", &PyParagraph::end)
      .def_readonly("link_density", &PyParagraph::link_density,
                    "Share of its characters inside <a> elements (HTML input); 0 for plain text.")
      .def_property_readonly("sentences", [](const PyParagraph& p) {
        return py::make_tuple(p.sentence_begin, p.sentence_end);
      }, "(first, last + 1) sentence indices")
      .def("__repr__", [](const PyParagraph& p) {
        std::string text = shorten_utf8(p.text, 60);
        return "Paragraph(" + std::to_string(p.index) + ", " + std::string(py::repr(py::str(text))) + ")";
      })
      .def(py::pickle(
          [](const PyParagraph& p) {
            return py::make_tuple(p.index, p.start, p.end, p.sentence_begin, p.sentence_end, py::str(p.text),
                                  p.link_density);
          },
          [](const py::object& state) {
            const StateReader r(state, "Paragraph", 7);
            const double density = r.finite(6);
            r.require(density >= 0.0 && density <= 1.0, "its link_density is outside [0, 1]");
            PyParagraph p{r.count(0), r.count(1), r.count(2), r.count(3), r.count(4), r.text(5),
                          static_cast<float>(density)};
            r.require_span(p.start, p.end, py::len(r.item(5)));
            r.require(p.sentence_begin <= p.sentence_end, "its sentences end before they begin");
            return p;
          }));

  py::class_<TokenList>(m, "TokenList", "The tokens of a Document: a read-only sequence of Token.")
      .def("__len__", &TokenList::size)
      .def("__getitem__", [](const TokenList& l, std::ptrdiff_t i) {
        const auto n = static_cast<std::ptrdiff_t>(l.size());
        if (i < 0) i += n;
        if (i < 0 || i >= n) throw py::index_error("token index out of range");
        return make_token(l.doc, static_cast<std::size_t>(i));
      })
      .def("__getitem__", [](const TokenList& l, const py::slice& slice) {
        std::size_t start = 0, stop = 0, step = 0, length = 0;
        if (!slice.compute(l.size(), &start, &stop, &step, &length)) throw py::error_already_set();
        py::list out;
        for (std::size_t k = 0; k < length; ++k, start += step) out.append(make_token(l.doc, start));
        return out;
      })
      .def("__iter__", [](const TokenList& l) { return py::iter(l.to_list()); })
      .def("__eq__", [](const TokenList& l, const py::object& other) -> py::object {
        if (!py::isinstance<py::list>(other) && !py::isinstance<py::tuple>(other) &&
            !py::isinstance<TokenList>(other))
          return py::reinterpret_borrow<py::object>(Py_NotImplemented);
        return py::bool_(l.to_list().equal(py::list(other)));
      })
      .def("__repr__", [](const TokenList& l) { return "<TokenList of " + std::to_string(l.size()) + " tokens>"; })
      .def("__reduce__", [](const TokenList& l) {
        return py::make_tuple(py::module_::import("builtins").attr("list"), py::make_tuple(l.to_list()));
      });

  py::class_<PyDocument> document(m, "Document", R"doc(
A segmented text: paragraphs, sentences and tokens, with headings and boilerplate flagged.

All offsets are str indices into ``Document.text``: ``doc.text[s.start:s.end] == s.text``.
For HTML input ``text`` is the text a reader sees and ``source`` the HTML; sentences and
tokens also have ``source_start``/``source_end``, str indices into ``source``.
Create one with :func:`synopsis.segment`.
)doc");
  def_plain_data(document, {"tokens", "prose", "source", "comments"});
  document
      .def("to_frame", [](const PyDocument& d, const std::string& level) {
             if (level != "sentences" && level != "tokens" && level != "paragraphs")
               throw py::value_error("level must be 'sentences', 'tokens' or 'paragraphs', got '" + level + "'");
             return items_frame(py::cast(d).attr(level.c_str()));
           },
           py::arg("level") = "sentences", R"doc(
One row per sentence (or per token / paragraph with ``level=``), as a pandas DataFrame.

Example:
    >>> import synopsis as sy
    >>> sy.segment("One. Two.").to_frame()["text"].tolist()
    ['One.', 'Two.']
)doc")
      .def("_repr_html_", [](py::handle self) { return html_of("document_html", self); })
      .def_property_readonly("text", [](const PyDocument& d) { return py::str(d.doc().text); })
      .def_property_readonly("language", [](const PyDocument& d) { return d.doc().language; })
      .def_property_readonly("source", [](const PyDocument& d) {
        return py::str(d.doc().is_html() ? d.doc().source : d.doc().text);
      }, "The input: the HTML the text was extracted from, or the text itself.")
      .def_property_readonly("format", [](const PyDocument& d) { return format_name(d.doc()); },
                             "How the input was read: \"html\" or \"text\".")
      .def_property_readonly("title", [](const PyDocument& d) -> py::object {
        if (d.doc().title < 0) return py::none();
        return py::str(std::string(d.doc().sentence_text(static_cast<std::size_t>(d.doc().title))));
      }, "The headline (the first line when it reads as one), or None.")
      .def_property_readonly("sentences", [](const PyDocument& d) {
        py::list out;
        for (std::size_t i = 0; i < d.doc().sentences.size(); ++i) out.append(d.sentence(i));
        return out;
      })
      .def_property_readonly("prose", [](const PyDocument& d) {
        py::list out;
        for (std::size_t i = 0; i < d.doc().sentences.size(); ++i)
          if (d.doc().sentences[i].is_prose()) out.append(d.sentence(i));
        return out;
      }, "The sentences that are neither headings nor boilerplate.")
      .def_property_readonly("comments", [](const PyDocument& d) {
        py::list out;
        for (std::size_t i = 0; i < d.doc().sentences.size(); ++i)
          if (d.doc().is_comment_text(i)) out.append(d.sentence(i));
        return out;
      }, "The sentences of reader comments (their text, without handles, times and reply/like controls).")
      .def_property_readonly("paragraphs", [](const PyDocument& d) {
        py::list out;
        const Document& doc = d.doc();
        for (const Paragraph& p : doc.paragraphs)
          out.append(PyParagraph{p.index, d.cp(p.start), d.cp(p.end), p.sentence_begin, p.sentence_end,
                                 std::string(doc.span(p.start, p.end)), p.link_density});
        return out;
      })
      .def_property_readonly("tokens", [](const PyDocument& d) { return TokenList{d}; },
                             "The tokens, as a sequence built on access (a long text has millions).")
      .def("__len__", [](const PyDocument& d) { return d.doc().sentences.size(); })
      .def("__repr__", [](const PyDocument& d) {
        const Document& doc = d.doc();
        std::string title = doc.title >= 0 ? std::string(py::repr(py::str(std::string(doc.sentence_text(doc.title))))) : "None";
        return "Document(title=" + title + ", paragraphs=" + std::to_string(doc.paragraphs.size()) +
               ", sentences=" + std::to_string(doc.sentences.size()) + ", prose=" +
               std::to_string(doc.prose_sentence_count()) + ", tokens=" + std::to_string(doc.tokens.size()) + ")";
      })
      .def(py::pickle([](const PyDocument& d) {
                        const Document& doc = d.doc();
                        return py::make_tuple(py::str(doc.is_html() ? doc.source : doc.text), doc.language, format_name(doc));
                      },
                      [](const py::object& state) {
                        const StateReader r(state, "Document", 3);
                        return PyDocument(segment_python(r.item(0), language_from_python(r.item(1)), "strict",
                                                         r.choice(2, {"text", "html"})));
                      }));

  m.def("segment", [](py::handle text, const Language& language, const std::string& format, const std::string& errors) {
        return PyDocument(segment_python(text, language.code, errors, format));
      },
      py::arg("text"), py::kw_only(), py::arg("language") = SegmentOptions{}.language,
      py::arg("format") = SegmentOptions{}.format, py::arg("errors") = "strict",
      R"doc(
Split text into paragraphs, sentences and tokens.

Arguments:
    text: str, or UTF-8 bytes.
    language: a language code ("en", "de", "hy", "pt-BR"); picks boundary rules,
        stopwords and the Snowball stemmer.
    format: "auto" (HTML when the text starts like a page: a doctype, a comment or a
        known tag), "text" or "html". HTML is reduced to the text a reader sees (blocks
        as paragraphs, headings flagged, scripts, navigation and hidden parts dropped);
        ``doc.source`` keeps the HTML and every sentence and token its ``source_start``
        and ``source_end`` in it.
    errors: "strict" (invalid UTF-8 or lone surrogates raise ValueError naming the
        offset) or "replace" (substitute U+FFFD).

Returns:
    Document with .title, .paragraphs, .sentences, .tokens, .comments; headings and
    boilerplate are flagged on each sentence, and boilerplate_kind says what the page
    furniture is (navigation, repeated, consent, subscription, comment, share,
    advertisement, related, byline, dateline, caption, footer).

Example:
    >>> import synopsis as sy
    >>> doc = sy.segment("Mr. Smith went to Washington. He arrived at 5 p.m. on Monday.")
    >>> [s.text for s in doc.sentences]
    ['Mr. Smith went to Washington.', 'He arrived at 5 p.m. on Monday.']
)doc");

  m.def("segment_batch", [](py::handle texts, const Language& language, const std::string& format,
                            const std::string& errors, int n_jobs) {
        SegmentOptions options;
        options.language = language.code;
        options.format = format;
        validate(options);
        const std::vector<std::string> utf8 = utf8_list_from_python(texts, errors);
        std::vector<Document> docs(utf8.size());
        run_batch(utf8.size(), n_jobs, [&](std::size_t i) { docs[i] = segment(utf8[i], options); });
        std::vector<PyDocument> out;
        out.reserve(docs.size());
        for (Document& d : docs) out.emplace_back(std::move(d));
        return out;
      },
      py::arg("texts"), py::kw_only(), py::arg("language") = SegmentOptions{}.language,
      py::arg("format") = SegmentOptions{}.format, py::arg("errors") = "strict", py::arg("n_jobs") = -1,
      "segment() of a list of texts on the core's thread pool (GIL released); the same for any n_jobs.");

  m.attr("TEXT_FORMATS") = text_formats();

  m.def("resolve_threads", &resolve_threads, py::arg("n_jobs"), R"doc(
The number of threads n_jobs asks for: n_jobs > 0 as is, -1 every core, -2 all but one, ...

Example:
    >>> import synopsis as sy
    >>> sy._core.resolve_threads(3)
    3
)doc");

  m.def("stopwords", [](const Language& language) { return stopwords(language.code); }, py::arg("language") = SegmentOptions{}.language,
        R"doc(
The stopword list of a language (sorted); empty when synopsis has none for it.

Example:
    >>> import synopsis as sy
    >>> "the" in sy.stopwords("en"), sy.stopwords("xx")
    (True, [])
)doc");
  m.def("stopword_languages", &stopword_languages, R"doc(
Language codes with a stopword list.

Example:
    >>> import synopsis as sy
    >>> "de" in sy.stopword_languages()
    True
)doc");
  m.def("stemmer_languages", &stemmer_languages, R"doc(
Languages with a Snowball stemmer.

Example:
    >>> import synopsis as sy
    >>> "english" in sy.stemmer_languages()
    True
)doc");
}

}  // namespace synopsis::python
