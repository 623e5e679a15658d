// Bound objects that no constructor made. pybind11's __new__ allocates an instance without
// building its C++ value (pickle's NEWOBJ does exactly this, then __setstate__; a rejected
// or missing state leaves the object empty), and a method called on it reads uninitialised
// memory. One guard in front of every bound function refuses such objects instead.
#pragma once

#include <pybind11/pybind11.h>

namespace synopsis::python {

namespace py = pybind11;

// True for an instance of a bound class (or a Python subclass of one) whose C++ value was
// never constructed.
bool is_unconstructed(py::handle obj);

// Puts the guard in front of every function of the module and every method, property and
// constructor of its bound classes: an argument (or an item of a list, tuple or dict
// argument) that is_unconstructed raises TypeError before the function runs. The `self`
// of __init__ and __setstate__ is exempt: building it is their job. Also makes every
// pickle protocol reduce the classes as protocol 2 does (0 and 1 would abort the process).
// Call it once, after every class is registered.
void guard_bound_classes(py::module_& m);

}  // namespace synopsis::python
