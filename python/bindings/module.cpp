// The synopsis._core extension: one register_* per binding file, then the guard that keeps
// every bound function away from objects no constructor made.
#include <pybind11/pybind11.h>

#include "instances.hpp"

namespace py = pybind11;

namespace synopsis::python {
void register_document(py::module_& m);
void register_encoder(py::module_& m);
void register_transformer(py::module_& m);
void register_static_encoder(py::module_& m);
void register_summarize(py::module_& m);
void register_keywords(py::module_& m);
void register_attribution(py::module_& m);
void register_stance(py::module_& m);
void register_classifier(py::module_& m);
}  // namespace synopsis::python

PYBIND11_MODULE(_core, m) {
  m.doc() = "synopsis C++ core: segmentation, encoders, ranking, keyphrases, stance";
  m.attr("__version__") = SYNOPSIS_VERSION;
  synopsis::python::register_document(m);
  synopsis::python::register_encoder(m);
  synopsis::python::register_transformer(m);
  synopsis::python::register_static_encoder(m);
  synopsis::python::register_summarize(m);
  synopsis::python::register_keywords(m);
  synopsis::python::register_attribution(m);
  synopsis::python::register_stance(m);
  synopsis::python::register_classifier(m);
  synopsis::python::guard_bound_classes(m);
}
