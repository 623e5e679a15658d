// The guard against unconstructed instances (see instances.hpp). It replaces the `impl` of
// each pybind11 function record by a check that then calls the original, so signatures,
// docstrings and overload resolution stay pybind11's own.
#include "instances.hpp"

#include <string>
#include <unordered_map>

namespace synopsis::python {

namespace {

using Impl = py::handle (*)(py::detail::function_call&);

// The original impl of every guarded record; records live as long as the module.
std::unordered_map<const py::detail::function_record*, Impl>& originals() {
  static auto* map = new std::unordered_map<const py::detail::function_record*, Impl>();
  return *map;
}

// States and batches nest bound objects in containers (a StanceResult state holds a list of
// StanceSentence); three levels cover every state the bindings read.
constexpr int kNestingChecked = 3;

bool holds_unconstructed(py::handle obj, int depth) {
  if (is_unconstructed(obj)) return true;
  if (depth >= kNestingChecked) return false;
  if (PyList_Check(obj.ptr()) || PyTuple_Check(obj.ptr())) {
    for (py::handle item : obj)
      if (holds_unconstructed(item, depth + 1)) return true;
  } else if (PyDict_Check(obj.ptr())) {
    for (auto item : py::reinterpret_borrow<py::dict>(obj))
      if (holds_unconstructed(item.second, depth + 1)) return true;
  }
  return false;
}

py::handle guarded(py::detail::function_call& call) {
  const std::size_t first = call.func.is_constructor ? 1 : 0;
  for (std::size_t i = first; i < call.args.size(); ++i) {
    if (holds_unconstructed(call.args[i], 0))
      throw py::type_error(std::string(call.func.name) +
                           "(): got a synopsis object that was never initialised (created by __new__ or a "
                           "failed unpickling); create it with its constructor or a function that returns one");
  }
  return originals().at(&call.func)(call);
}

void guard_function(py::handle fn) {
  fn = py::detail::get_function(fn);
  if (!fn || !PyCFunction_Check(fn.ptr())) return;
  PyObject* self = PyCFunction_GET_SELF(fn.ptr());
  if (self == nullptr) return;
  for (py::detail::function_record* rec = py::detail::function_record_ptr_from_PyObject(self); rec != nullptr;
       rec = rec->next) {
    if (rec->impl == &guarded) continue;
    originals().emplace(rec, rec->impl);
    rec->impl = &guarded;
  }
}

// Pickle protocols 0 and 1 (and object.__reduce__) reduce an object by calling its nearest
// built-in base class on it, which for a bound class is pybind11's base: its __new__ throws a
// C++ exception through CPython and aborts the process. Protocol 2's reduction (__newobj__,
// then __setstate__ on loading) is valid in every protocol, so every protocol uses it.
void reduce_as_protocol_2(py::handle cls) {
  const auto own = py::reinterpret_borrow<py::dict>(reinterpret_cast<PyTypeObject*>(cls.ptr())->tp_dict);
  if (own.contains("__reduce_ex__") || own.contains("__reduce__")) return;
  py::cpp_function reduce_ex(
      [](py::handle self, int /*protocol*/) -> py::tuple {
        py::object state = py::none();
        if (py::hasattr(self, "__getstate__")) state = self.attr("__getstate__")();
        return py::make_tuple(py::module_::import("copyreg").attr("__newobj__"),
                              py::make_tuple(py::type::handle_of(self)), state);
      },
      py::name("__reduce_ex__"), py::is_method(cls), py::arg("protocol"));
  cls.attr("__reduce_ex__") = reduce_ex;
  cls.attr("__reduce__") = py::cpp_function(
      [](py::handle self) { return self.attr("__reduce_ex__")(2).cast<py::tuple>(); }, py::name("__reduce__"), py::is_method(cls));
}

void guard_class(py::handle cls) {
  reduce_as_protocol_2(cls);
  const py::dict members = cls.attr("__dict__").attr("copy")();
  for (auto item : members) {
    py::handle member = item.second;
    if (PyObject_TypeCheck(member.ptr(), &PyProperty_Type)) {
      for (const char* accessor : {"fget", "fset", "fdel"}) guard_function(member.attr(accessor));
    } else if (PyObject_TypeCheck(member.ptr(), &PyStaticMethod_Type)) {
      guard_function(member.attr("__func__"));
    } else {
      guard_function(member);
    }
  }
}

}  // namespace

bool is_unconstructed(py::handle obj) {
  auto* base = reinterpret_cast<PyTypeObject*>(py::detail::get_internals().instance_base);
  if (!PyObject_TypeCheck(obj.ptr(), base)) return false;
  auto* instance = reinterpret_cast<py::detail::instance*>(obj.ptr());
  // An owned instance is constructed when its holder is; one that refers to a value owned
  // elsewhere (a field returned by reference) never has a holder, only the value pointer.
  for (const auto& value : py::detail::values_and_holders(instance))
    if (value.value_ptr() == nullptr || (instance->owned && !value.holder_constructed())) return true;
  return false;
}

void guard_bound_classes(py::module_& m) {
  for (auto item : m.attr("__dict__").cast<py::dict>()) {
    py::handle value = item.second;
    if (PyType_Check(value.ptr())) {
      if (py::detail::get_type_info(reinterpret_cast<PyTypeObject*>(value.ptr())) != nullptr) guard_class(value);
    } else {
      guard_function(value);
    }
  }
}

}  // namespace synopsis::python
