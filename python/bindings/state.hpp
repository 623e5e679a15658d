// Reading pickled states. A state comes from a file or a socket, so the whole of it is checked
// before an object is built from it: wrong types raise TypeError and wrong values (lengths,
// spans, non-finite numbers) ValueError, each naming the class and the field; never a crash,
// and never pybind11's RuntimeError from a failed cast.
#pragma once

#include <pybind11/pybind11.h>

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "instances.hpp"

namespace synopsis::python {

namespace py = pybind11;

class StateReader {
 public:
  // The state must be a tuple of `fields` items.
  StateReader(py::handle state, const char* cls, std::size_t fields);

  py::handle item(std::size_t i) const { return state_[i]; }
  std::size_t count(std::size_t i) const;  // an int >= 0
  std::optional<std::size_t> optional_count(std::size_t i) const;
  double finite(std::size_t i) const;      // a finite real number
  bool flag(std::size_t i) const;          // a bool
  std::string text(std::size_t i) const;   // a str (lone surrogates are a ValueError)
  std::optional<std::string> optional_text(std::size_t i) const;
  // A str that is one of `allowed`.
  std::string choice(std::size_t i, const std::vector<std::string>& allowed) const;
  // A list of strs.
  std::vector<std::string> texts(std::size_t i) const;
  // The C++ value of a bound object of class T (TypeError for anything else).
  template <typename T>
  T bound(py::handle value, std::size_t i) const {
    if (!py::isinstance<T>(value) || is_unconstructed(value)) fail_type(i, "a " + type_name<T>());
    return value.cast<T>();
  }
  // A list of bound objects of class T.
  template <typename T>
  std::vector<T> bound_list(std::size_t i) const {
    std::vector<T> out;
    for (py::handle value : list(i)) out.push_back(bound<T>(value, i));
    return out;
  }
  py::list list(std::size_t i) const;
  // A str span [start, end) of str indices that holds `text`: end - start == len(text).
  void require_span(std::size_t start, std::size_t end, std::size_t text_length) const;

  void require(bool ok, const std::string& why) const {
    if (!ok) fail(why);
  }
  [[noreturn]] void fail(const std::string& why) const;
  [[noreturn]] void fail_type(std::size_t i, const std::string& expected) const;
  std::string field(std::size_t i) const;

 private:
  template <typename T>
  static std::string type_name() {
    return py::str(py::type::of<T>().attr("__name__")).cast<std::string>();
  }
  py::tuple state_;
  std::string cls_;
};

// (kind, text, start, end) spans of cues, each holding its text; kinds from the core's names.
using PyCueState = std::tuple<std::string, std::string, std::size_t, std::size_t>;
std::vector<PyCueState> cues_from_state(const StateReader& reader, std::size_t i);

// (start, end) str spans with start <= end.
std::vector<std::pair<std::size_t, std::size_t>> spans_from_python(py::handle spans, const char* name);

}  // namespace synopsis::python
