// Running the core's work for the bindings: the GIL is released while C++ works, and Ctrl-C
// (KeyboardInterrupt) is honoured within 100 ms, for a batch and for one long document alike.
#pragma once

#include <pybind11/pybind11.h>

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

namespace synopsis::python {

namespace py = pybind11;

// The end of work running on another thread, awaited with the GIL released while signals are
// checked every 100 ms.
class Completion {
 public:
  // Called once by the worker, with the exception it ended in (or none).
  void finish(std::exception_ptr error) noexcept;
  // Waits for finish(); false when a signal handler raised first (the Python error is set).
  // Must be called with the GIL held.
  bool wait_interruptibly();
  // Rethrows the worker's exception, if any.
  void rethrow() const;

 private:
  std::mutex mutex_;
  std::condition_variable done_cv_;
  bool done_ = false;
  std::exception_ptr error_;
};

// Runs fn(i) for i in [0, n) on resolve_threads(n_jobs) threads. Must be called with the GIL
// held; fn must not touch Python objects. Exceptions from fn are rethrown here; a pending
// signal (KeyboardInterrupt) cancels the items not yet started, waits for those running
// (fn may refer to the caller's locals) and is raised.
void run_batch(std::size_t n, int n_jobs, const std::function<void(std::size_t)>& fn);

// Inputs below this many bytes are worked on the calling thread (with the GIL released):
// they take milliseconds, and a thread of their own would cost more than the work.
constexpr std::size_t kInterruptibleBytes = std::size_t{1} << 16;

// Runs work() on an input of `bytes` bytes and returns its result. A large input is worked on
// a thread of its own, so that KeyboardInterrupt is raised within 100 ms of Ctrl-C; an
// interrupted work() finishes in the background, so it must own everything it uses (captures
// by value or shared_ptr, never references to the caller's locals) and neither capture nor
// return Python objects. Must be called with the GIL held.
template <typename Work>
auto run_interruptible(std::size_t bytes, Work work) -> decltype(work()) {
  using Result = decltype(work());
  if (bytes < kInterruptibleBytes) {
    py::gil_scoped_release release;
    return work();
  }
  struct Task {
    explicit Task(Work w) : work(std::move(w)) {}
    Work work;
    std::optional<Result> result;
    Completion completion;
  };
  auto task = std::make_shared<Task>(std::move(work));
  std::thread([task] {
    std::exception_ptr error;
    try {
      task->result.emplace(task->work());
    } catch (...) {
      error = std::current_exception();
    }
    task->completion.finish(error);
  }).detach();
  if (!task->completion.wait_interruptibly()) throw py::error_already_set();
  task->completion.rethrow();
  return std::move(*task->result);
}

}  // namespace synopsis::python
