// Binding for synopsis/parallel.hpp: the interruptible batch runner.
#include "parallel.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>

#include "synopsis/parallel.hpp"

namespace synopsis::python {

void run_batch(std::size_t n, int n_jobs, const std::function<void(std::size_t)>& fn) {
  ParallelOptions options;
  options.threads = resolve_threads(n_jobs);
  std::atomic<bool> cancel{false};
  options.cancel = &cancel;

  std::mutex mutex;
  std::condition_variable cv;
  bool done = false;
  std::exception_ptr error;
  std::thread runner([&] {
    try {
      parallel_for(n, options, fn);
    } catch (...) {
      error = std::current_exception();
    }
    std::lock_guard<std::mutex> lock(mutex);
    done = true;
    cv.notify_all();
  });

  for (;;) {
    {
      py::gil_scoped_release release;
      std::unique_lock<std::mutex> lock(mutex);
      cv.wait_for(lock, std::chrono::milliseconds(100), [&] { return done; });
      if (done) break;
    }
    if (PyErr_CheckSignals() != 0) {
      cancel.store(true);
      {
        py::gil_scoped_release release;
        runner.join();
      }
      throw py::error_already_set();
    }
  }
  runner.join();
  if (error) std::rethrow_exception(error);
}

}  // namespace synopsis::python
