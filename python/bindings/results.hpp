// What every result class offers besides its fields: JSON, a pandas frame, and the HTML that
// Jupyter shows (the markup itself is made by the pure functions of synopsis.display).
#pragma once

#include <pybind11/pybind11.h>

#include <string>
#include <vector>

namespace synopsis::python {

namespace py = pybind11;

// The public properties of a bound result (in the order the binding declares them) as plain
// data: nested results through their own to_dict(), lists and dicts element by element.
py::dict fields_dict(py::handle result, const std::vector<std::string>& skip = {});
// One DataFrame row per item: its scalar fields (plus the span lists "cues" and "offsets").
py::object items_frame(py::handle items);

// json.dumps(result.to_dict()), keeping non-ASCII text as it is.
std::string to_json(py::handle result);
// pandas.DataFrame(rows); ImportError naming the package when pandas is missing.
py::object to_frame(py::handle rows, py::handle columns = py::none());
// synopsis.display.<function>(result).
std::string html_of(const char* function, py::handle result);

// Adds to_dict() (fields_dict without `skip`) and to_json() to a bound result class.
template <typename Class>
Class& def_plain_data(Class& cls, std::vector<std::string> skip = {}) {
  cls.def("to_dict", [skip](py::handle self) { return fields_dict(self, skip); },
          "The fields as plain data (dicts, lists, str, numbers), e.g. for JSON.");
  cls.def("to_json", [](py::handle self) { return to_json(self); }, "to_dict() as a JSON string.");
  return cls;
}

}  // namespace synopsis::python
