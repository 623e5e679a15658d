#include "results.hpp"

#include <algorithm>

namespace synopsis::python {

namespace {

std::vector<std::string> property_names(py::handle cls) {
  std::vector<std::string> names;
  const py::object property = py::module_::import("builtins").attr("property");
  const py::tuple mro = cls.attr("__mro__");
  for (std::size_t k = mro.size(); k-- > 0;) {
    for (const auto& [key, value] : mro[k].attr("__dict__").cast<py::dict>()) {
      const std::string name = py::str(key);
      if (name.empty() || name[0] == '_' || !py::isinstance(value, property)) continue;
      if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
    }
  }
  return names;
}

py::object plain(py::handle value) {
  if (py::isinstance<py::list>(value) || py::isinstance<py::tuple>(value)) {
    py::list out;
    for (py::handle item : value) out.append(plain(item));
    return std::move(out);
  }
  if (py::isinstance<py::dict>(value)) {
    py::dict out;
    for (const auto& [k, v] : value.cast<py::dict>()) out[k] = plain(v);
    return std::move(out);
  }
  if (py::hasattr(value, "to_dict")) return value.attr("to_dict")();
  return py::reinterpret_borrow<py::object>(value);
}

}  // namespace

py::dict fields_dict(py::handle result, const std::vector<std::string>& skip) {
  py::dict out;
  for (const std::string& name : property_names(py::type::handle_of(result)))
    if (std::find(skip.begin(), skip.end(), name) == skip.end()) out[py::str(name)] = plain(result.attr(name.c_str()));
  return out;
}

py::object items_frame(py::handle items) {
  py::list rows;
  py::object columns = py::none();
  for (py::handle item : items) {
    py::dict row;
    py::list names;
    for (const auto& [key, value] : fields_dict(item)) {
      const std::string name = py::str(key);
      if ((py::isinstance<py::list>(value) || py::isinstance<py::dict>(value)) && name != "cues" && name != "offsets")
        continue;
      row[key] = value;
      names.append(key);
    }
    if (columns.is_none()) columns = names;
    rows.append(row);
  }
  return to_frame(rows, columns);
}

std::string to_json(py::handle result) {
  py::object dumps = py::module_::import("json").attr("dumps");
  return dumps(result.attr("to_dict")(), py::arg("ensure_ascii") = false).cast<std::string>();
}

py::object to_frame(py::handle rows, py::handle columns) {
  py::module_ pandas;
  try {
    pandas = py::module_::import("pandas");
  } catch (py::error_already_set& e) {
    if (!e.matches(PyExc_ImportError)) throw;
    PyErr_SetString(PyExc_ImportError, "to_frame() needs pandas: pip install pandas");
    throw py::error_already_set();
  }
  return pandas.attr("DataFrame")(rows, py::arg("columns") = columns);
}

std::string html_of(const char* function, py::handle result) {
  return py::module_::import("synopsis.display").attr(function)(result).cast<std::string>();
}

}  // namespace synopsis::python
