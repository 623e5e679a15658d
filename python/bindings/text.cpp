#include "text.hpp"

#include <stdexcept>

#include "synopsis/unicode.hpp"

namespace synopsis::python {

namespace {

}  // namespace

void check_errors(const std::string& errors) {
  if (errors != "strict" && errors != "replace")
    throw py::value_error("errors must be \"strict\" or \"replace\", got \"" + errors + "\"");
}

std::vector<std::string> utf8_list_from_python(py::handle texts, const std::string& errors, const char* what) {
  check_errors(errors);
  if (PyUnicode_Check(texts.ptr()) || PyBytes_Check(texts.ptr()) || PyByteArray_Check(texts.ptr()))
    throw py::type_error("expected a collection of texts (list, tuple, ...), got a single text");
  std::vector<std::string> out;
  for (py::handle t : py::iter(texts)) out.push_back(utf8_from_python(t, errors, what));
  return out;
}

std::string utf8_from_python(py::handle obj, const std::string& errors, const char* what) {
  check_errors(errors);
  if (PyUnicode_Check(obj.ptr())) {
    Py_ssize_t size = 0;
    const char* data = PyUnicode_AsUTF8AndSize(obj.ptr(), &size);
    if (data) return std::string(data, static_cast<std::size_t>(size));
    PyErr_Clear();
    // Only lone surrogates make a str unencodable.
    const Py_ssize_t n = PyUnicode_GetLength(obj.ptr());
    Py_ssize_t bad = 0;
    for (; bad < n; ++bad) {
      const Py_UCS4 c = PyUnicode_ReadChar(obj.ptr(), bad);
      if (c >= 0xD800 && c <= 0xDFFF) break;
    }
    if (errors == "replace") {
      // U+FFFD for each lone surrogate, one code point for one, so str offsets stay put
      // (Python's own "replace" codec would write '?').
      std::string out;
      for (Py_ssize_t i = 0; i < n; ++i) {
        Py_UCS4 c = PyUnicode_ReadChar(obj.ptr(), i);
        if (c >= 0xD800 && c <= 0xDFFF) c = 0xFFFD;
        append_utf8(out, c);
      }
      return out;
    }
    throw py::value_error(std::string(what) + " contains a lone surrogate at index " + std::to_string(bad) +
                          "; pass errors=\"replace\" to substitute it");
  }
  if (PyBytes_Check(obj.ptr()) || PyByteArray_Check(obj.ptr())) {
    std::string_view bytes;
    if (PyBytes_Check(obj.ptr()))
      bytes = std::string_view(PyBytes_AS_STRING(obj.ptr()), static_cast<std::size_t>(PyBytes_GET_SIZE(obj.ptr())));
    else
      bytes = std::string_view(PyByteArray_AS_STRING(obj.ptr()), static_cast<std::size_t>(PyByteArray_GET_SIZE(obj.ptr())));
    const std::size_t bad = find_invalid_utf8(bytes);
    if (bad == std::string_view::npos) return std::string(bytes);
    if (errors == "replace") return replace_invalid_utf8(bytes);
    throw py::value_error(std::string(what) + " is not valid UTF-8: invalid byte sequence at byte offset " +
                          std::to_string(bad) + "; decode it first or pass errors=\"replace\"");
  }
  throw py::type_error(std::string(what) + " must be str or bytes, got " +
                       std::string(py::str(py::type::handle_of(obj).attr("__name__"))));
}

CodePointIndex::CodePointIndex(std::string_view text) {
  for (char c : text)
    if (static_cast<unsigned char>(c) >= 0x80) { ascii_ = false; break; }
  if (ascii_) return;
  table_.resize(text.size() + 1);
  std::uint32_t cp = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    table_[i] = cp;
    cp += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  }
  table_[text.size()] = cp;
}

}  // namespace synopsis::python
