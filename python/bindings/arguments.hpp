// Python arguments to C++ values, shared by the binding files. These convert (and say so
// when a value has the wrong type or cannot be represented); the options structs' validate()
// functions are the only place where allowed ranges are decided.
#pragma once

#include <pybind11/pybind11.h>

#include <climits>
#include <cstddef>
#include <optional>
#include <string>

#include "synopsis/encoder.hpp"
#include "text.hpp"

namespace synopsis::python {

namespace py = pybind11;

constexpr std::size_t kIntMax = INT_MAX;

// A whole number >= 0 (bool and float are TypeErrors; negative or above `max` a ValueError).
std::size_t count(py::handle value, const char* name, std::size_t max = SIZE_MAX);
// None, or count(value) up to INT_MAX.
std::optional<std::size_t> optional_count(py::handle value, const char* name);
// A real number (bool and str are TypeErrors); NaN and infinities pass to validate().
double number(py::handle value, const char* name);

// A language code argument. Every binding takes `language` as this type, so that a code that
// is not text (a str with lone surrogates) is a ValueError at every entry point, the same one.
struct Language {
  std::string code;
};
std::string language_from_python(py::handle value);

// The shortest decimal that reads back as the same float: a default of 2e-3f shows as
// 0.002, not as the double nearest to the float (0.0020000000949949026).
double shortest_decimal(float value);

// A 2-D float array of one row per item, as a dense matrix (TypeError/ValueError naming `name`).
DenseRows dense_rows_from_python(py::handle array, const char* name);

// An estimator's parameters: those that differ from `defaults`, and their repr "k=v, ...".
py::dict changed_params(const py::dict& params, const py::dict& defaults);
std::string params_repr(const py::dict& params);

// get_params() of a bound class built with its defaults.
template <typename T>
py::dict default_params() {
  return py::type::of<T>()().attr("get_params")().template cast<py::dict>();
}

// Raises TypeError for keyword arguments that name no option of `owner`, suggesting the
// closest option names ("num_sentences" -> "sentences", "top_n" -> "top").
void reject_unknown_options(const py::kwargs& given, const py::dict& options, const char* owner);

template <typename T>
void reject_unknown_options(const py::kwargs& given, const char* owner) {
  if (py::len(given) != 0) reject_unknown_options(given, default_params<T>(), owner);
}

}  // namespace synopsis::python

namespace pybind11::detail {

// Language <-> str; a str that is not valid text raises ValueError naming "language".
template <>
struct type_caster<synopsis::python::Language> {
  PYBIND11_TYPE_CASTER(synopsis::python::Language, const_name("str"));
  bool load(handle src, bool) {
    if (!PyUnicode_Check(src.ptr()) && !PyBytes_Check(src.ptr())) return false;
    value.code = synopsis::python::language_from_python(src);
    return true;
  }
  static handle cast(const synopsis::python::Language& language, return_value_policy, handle) {
    return str(language.code).release();
  }
};

}  // namespace pybind11::detail
