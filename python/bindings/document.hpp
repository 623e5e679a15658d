// Python view of synopsis::Document, shared with the other binding files.
#pragma once

#include <pybind11/pybind11.h>

#include <memory>
#include <string>

#include "synopsis/document.hpp"
#include "text.hpp"

namespace synopsis::python {

// start/end: str indices into Document.text; source_start/source_end: into Document.source
// (the HTML the text came from; the same as start/end for plain text).
struct PySentence {
  std::size_t index, start, end, paragraph;
  std::string text;
  bool is_heading, is_boilerplate;
  std::string boilerplate_kind;  // boilerplate_kind_name(): "none" for prose and headings
  std::size_t source_start, source_end;
};

struct PyToken {
  std::size_t start, end, sentence;
  std::string text, norm, stem, kind;
  bool is_stopword;
  std::size_t source_start, source_end;
};

struct PyParagraph {
  std::size_t index, start, end, sentence_begin, sentence_end;
  std::string text;
  float link_density;
};

// A segmented document plus the offset maps that turn its byte spans into str indices (of
// its text, and of its HTML source when it has one).
class PyDocument {
 public:
  explicit PyDocument(Document doc)
      : doc_(std::make_shared<const Document>(std::move(doc))),
        index_(std::make_shared<const CodePointIndex>(doc_->text)),
        source_index_(doc_->is_html() ? std::make_shared<const CodePointIndex>(doc_->source) : index_) {}
  const Document& doc() const { return *doc_; }
  std::shared_ptr<const Document> shared() const { return doc_; }
  std::size_t cp(std::size_t byte) const { return (*index_)(byte); }
  // str indices into the source (the HTML, or the text itself) of the byte span [start, end).
  std::size_t source_start(std::uint32_t start) const { return (*source_index_)(doc_->source_start(start)); }
  std::size_t source_end(std::uint32_t end) const { return (*source_index_)(doc_->source_end(end)); }
  PySentence sentence(std::size_t i) const;

 private:
  std::shared_ptr<const Document> doc_;
  std::shared_ptr<const CodePointIndex> index_;  // shared: views of a document copy cheaply
  std::shared_ptr<const CodePointIndex> source_index_;
};

// Segments text (str or bytes) with the GIL released; format is "auto", "text" or "html".
Document segment_python(py::handle text, const std::string& language, const std::string& errors,
                        const std::string& format = "auto");

// The name of the format a document was read in: "html" or "text".
inline const char* format_name(const Document& doc) { return doc.is_html() ? "html" : "text"; }

}  // namespace synopsis::python
