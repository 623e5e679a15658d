// Batch execution for the bindings: the GIL is released while the C++ pool works, and
// Ctrl-C (KeyboardInterrupt) stops the batch cleanly.
#pragma once

#include <pybind11/pybind11.h>

#include <cstddef>
#include <functional>

namespace synopsis::python {

namespace py = pybind11;

// Runs fn(i) for i in [0, n) on resolve_threads(n_jobs) threads. Must be called with the GIL
// held; fn must not touch Python objects. Exceptions from fn are rethrown here; a pending
// signal (KeyboardInterrupt) cancels the remaining items and is raised.
void run_batch(std::size_t n, int n_jobs, const std::function<void(std::size_t)>& fn);

}  // namespace synopsis::python
