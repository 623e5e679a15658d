// Moving text between Python and the core: str/bytes in, UTF-8 out, and code point
// offsets back, so that text[s.start:s.end] == s.text holds in Python.
#pragma once

#include <pybind11/pybind11.h>

#include <string>
#include <string_view>
#include <vector>

namespace synopsis::python {

namespace py = pybind11;

// Converts a str (or bytes, decoded as UTF-8) to UTF-8. Raises TypeError for anything
// else, ValueError for a str with lone surrogates or bytes that are not UTF-8 (naming the
// offset) unless errors == "replace". `what` names the argument in messages.
std::string utf8_from_python(py::handle obj, const std::string& errors = "strict",
                             const char* what = "text");

// Throws ValueError unless errors is "strict" or "replace".
void check_errors(const std::string& errors);

// The UTF-8 of every text in an iterable (a single str or bytes is a TypeError: it is a
// text, not a collection of texts); `what` names an item in messages.
std::vector<std::string> utf8_list_from_python(py::handle texts, const std::string& errors = "strict",
                                               const char* what = "each text");

// Maps UTF-8 byte offsets of one text to code point offsets.
class CodePointIndex {
 public:
  explicit CodePointIndex(std::string_view text);
  std::size_t operator()(std::size_t byte) const { return ascii_ ? byte : table_[byte]; }

 private:
  bool ascii_ = true;
  std::vector<std::uint32_t> table_;
};

// A Python str for text[start, end) (bytes), valid UTF-8 assumed.
inline py::str to_str(std::string_view text, std::size_t start, std::size_t end) {
  return py::str(text.data() + start, end - start);
}

// text cut to at most max_bytes bytes at a code point boundary, ending in "..." when cut
// (for reprs: a cut inside a UTF-8 sequence would make the repr raise).
inline std::string shorten_utf8(const std::string& text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  std::size_t cut = max_bytes > 3 ? max_bytes - 3 : 0;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "...";
}

}  // namespace synopsis::python
