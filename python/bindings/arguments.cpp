#include "arguments.hpp"

#include <pybind11/numpy.h>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace synopsis::python {

namespace {

std::string type_name(py::handle value) {
  return py::str(py::type::handle_of(value).attr("__name__")).cast<std::string>();
}

}  // namespace

std::size_t count(py::handle value, const char* name, std::size_t max) {
  if (PyBool_Check(value.ptr()) || !PyIndex_Check(value.ptr()))
    throw py::type_error(std::string(name) + " must be an int, got " + type_name(value));
  const py::int_ number = py::reinterpret_steal<py::int_>(PyNumber_Index(value.ptr()));
  if (!number) throw py::error_already_set();
  if (number < py::int_(0))
    throw std::invalid_argument(std::string(name) + " must be a positive whole number, got " +
                                std::string(py::str(number)));
  if (number > py::int_(max))
    throw std::invalid_argument(std::string(name) + " must be at most " + std::to_string(max) + ", got " +
                                std::string(py::str(number)));
  return number.cast<std::size_t>();
}

std::string language_from_python(py::handle value) {
  // bytes are read as pybind11 reads them for a str (b"de" means "de"); the core judges the code.
  if (PyBytes_Check(value.ptr())) return value.cast<std::string>();
  if (!PyUnicode_Check(value.ptr())) throw py::type_error("language must be a str, got " + type_name(value));
  Py_ssize_t size = 0;
  const char* data = PyUnicode_AsUTF8AndSize(value.ptr(), &size);
  if (data == nullptr) {
    PyErr_Clear();  // only lone surrogates make a str unencodable
    throw py::value_error("language must be a code such as \"en\", \"de\" or \"pt-BR\", got a str with a lone surrogate");
  }
  return std::string(data, static_cast<std::size_t>(size));
}

std::optional<std::size_t> optional_count(py::handle value, const char* name) {
  if (value.is_none()) return std::nullopt;
  return count(value, name, kIntMax);  // budgets beyond any document are a mistake
}

double number(py::handle value, const char* name) {
  if (PyBool_Check(value.ptr()) || !(PyFloat_Check(value.ptr()) || PyIndex_Check(value.ptr()) ||
                                     py::hasattr(value, "__float__")) ||
      PyUnicode_Check(value.ptr()))
    throw py::type_error(std::string(name) + " must be a number, got " + type_name(value));
  return py::float_(py::reinterpret_borrow<py::object>(value)).cast<double>();
}

double shortest_decimal(float value) {
  char text[32];
  for (int digits = 6; digits <= 9; ++digits) {
    std::snprintf(text, sizeof text, "%.*g", digits, static_cast<double>(value));
    if (std::strtof(text, nullptr) == value) break;
  }
  return std::strtod(text, nullptr);
}

DenseRows dense_rows_from_python(py::handle array, const char* name) {
  auto arr = py::array_t<float, py::array::c_style | py::array::forcecast>::ensure(array);
  if (!arr) throw py::type_error(std::string(name) + " must be a 2-D numpy array of numbers");
  if (arr.ndim() != 2)
    throw py::value_error(std::string(name) + " must be 2-D (one row per sentence), got " +
                          std::to_string(arr.ndim()) + "-D");
  return Eigen::Map<const DenseRows>(arr.data(), arr.shape(0), arr.shape(1));
}

py::dict changed_params(const py::dict& params, const py::dict& defaults) {
  py::dict out;
  for (const auto& [key, value] : params) {
    const py::object given = py::reinterpret_borrow<py::object>(value);
    if (!defaults.contains(key) || !given.equal(defaults[key])) out[key] = given;
  }
  return out;
}

std::string params_repr(const py::dict& params) {
  std::string out;
  for (const auto& [key, value] : params) {
    if (!out.empty()) out += ", ";
    out += py::str(key).cast<std::string>() + "=" + py::repr(value).cast<std::string>();
  }
  return out;
}

void reject_unknown_options(const py::kwargs& given, const py::dict& options, const char* owner) {
  py::list names;
  for (const auto& [name, value] : options) names.append(name);
  const py::object close_matches = py::module_::import("difflib").attr("get_close_matches");
  for (const auto& [key, value] : given) {
    if (options.contains(key)) continue;
    std::string message = std::string(owner) + " has no option " + py::repr(key).cast<std::string>();
    const py::list suggestions = close_matches(key, names, 3, 0.6);
    message += py::len(suggestions) != 0 ? "; did you mean " + py::repr(suggestions[0]).cast<std::string>() + "?" : ".";
    message += " Its options: " + py::str(", ").attr("join")(names).cast<std::string>();
    throw py::type_error(message);
  }
}

}  // namespace synopsis::python
