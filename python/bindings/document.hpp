// Python view of synopsis::Document, shared with the other binding files.
#pragma once

#include <pybind11/pybind11.h>

#include <memory>
#include <string>

#include "synopsis/document.hpp"
#include "text.hpp"

namespace synopsis::python {

struct PySentence {
  std::size_t index, start, end, paragraph;
  std::string text;
  bool is_heading, is_boilerplate;
  std::string boilerplate_kind;  // boilerplate_kind_name(): "none" for prose and headings
};

struct PyToken {
  std::size_t start, end, sentence;
  std::string text, norm, stem, kind;
  bool is_stopword;
};

struct PyParagraph {
  std::size_t index, start, end, sentence_begin, sentence_end;
  std::string text;
};

// A segmented document plus the offset map that turns its byte spans into str indices.
class PyDocument {
 public:
  explicit PyDocument(Document doc)
      : doc_(std::make_shared<const Document>(std::move(doc))),
        index_(std::make_shared<const CodePointIndex>(doc_->text)) {}
  const Document& doc() const { return *doc_; }
  std::shared_ptr<const Document> shared() const { return doc_; }
  std::size_t cp(std::size_t byte) const { return (*index_)(byte); }
  PySentence sentence(std::size_t i) const;

 private:
  std::shared_ptr<const Document> doc_;
  std::shared_ptr<const CodePointIndex> index_;  // shared: views of a document copy cheaply
};

// Segments text (str or bytes) with the GIL released.
Document segment_python(py::handle text, const std::string& language, const std::string& errors);

}  // namespace synopsis::python
