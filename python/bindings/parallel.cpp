// Binding for synopsis/parallel.hpp: the interruptible runners.
#include "parallel.hpp"

#include <atomic>
#include <chrono>

#include "synopsis/parallel.hpp"

namespace synopsis::python {

void Completion::finish(std::exception_ptr error) noexcept {
  std::lock_guard<std::mutex> lock(mutex_);
  error_ = std::move(error);
  done_ = true;
  done_cv_.notify_all();
}

bool Completion::wait_interruptibly() {
  for (;;) {
    {
      py::gil_scoped_release release;
      std::unique_lock<std::mutex> lock(mutex_);
      if (done_cv_.wait_for(lock, std::chrono::milliseconds(100), [&] { return done_; })) return true;
    }
    if (PyErr_CheckSignals() != 0) return false;
  }
}

void Completion::rethrow() const {
  if (error_) std::rethrow_exception(error_);
}

void run_batch(std::size_t n, int n_jobs, const std::function<void(std::size_t)>& fn) {
  ParallelOptions options;
  options.threads = resolve_threads(n_jobs);
  std::atomic<bool> cancel{false};
  options.cancel = &cancel;
  Completion completion;
  std::thread runner([&] {
    std::exception_ptr error;
    try {
      parallel_for(n, options, fn);
    } catch (...) {
      error = std::current_exception();
    }
    completion.finish(error);
  });
  const bool finished = completion.wait_interruptibly();
  if (!finished) cancel.store(true);
  {
    py::gil_scoped_release release;
    runner.join();
  }
  if (!finished) throw py::error_already_set();
  completion.rethrow();
}

}  // namespace synopsis::python
