// Python view of synopsis/encoder.hpp, shared with the summarize binding.
#pragma once

#include <pybind11/pybind11.h>

#include <memory>
#include <string>

#include "synopsis/encoder.hpp"

namespace synopsis::python {

namespace py = pybind11;

// An encoder from a name ("tfidf", ...) or an Encoder object; TypeError for anything else,
// ValueError (naming the allowed names) for an unknown name.
std::shared_ptr<const Encoder> encoder_from_python(py::handle encoder);

}  // namespace synopsis::python
