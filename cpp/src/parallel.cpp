#include "synopsis/parallel.hpp"

#include <algorithm>
#include <exception>
#include <mutex>
#include <new>
#include <stdexcept>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

namespace synopsis {

int resolve_threads(int n_jobs) {
  const int hw = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const int most = kMaxThreadsPerHardwareThread * hw;
  if (n_jobs == 0 || n_jobs < -hw)
    throw std::invalid_argument("n_jobs must be a positive number of threads (at most " + std::to_string(most) +
                                " are used) or lie in [-" + std::to_string(hw) + ", -1] (-1 = all " +
                                std::to_string(hw) + " cores, -2 = all but one, ...), got " + std::to_string(n_jobs));
  if (n_jobs > 0) return std::min(n_jobs, most);
  return hw + 1 + n_jobs;
}

bool parallel_for(std::size_t n, const ParallelOptions& options, const std::function<void(std::size_t)>& fn) {
  if (n == 0) return true;
  const std::size_t threads = std::min<std::size_t>(static_cast<std::size_t>(std::max(1, options.threads)), n);
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::mutex error_mutex;
  std::size_t error_index = n;
  std::exception_ptr error;

  auto worker = [&] {
    for (;;) {
      if (failed.load(std::memory_order_relaxed)) return;
      if (options.cancel && options.cancel->load(std::memory_order_relaxed)) return;
      const std::size_t i = next.fetch_add(1);
      if (i >= n) return;
      try {
        fn(i);
      } catch (...) {
        std::lock_guard<std::mutex> lock(error_mutex);
        if (i < error_index) {
          error_index = i;
          error = std::current_exception();
        }
        failed.store(true);
      }
    }
  };

  std::vector<std::thread> pool;
  if (threads > 1) {
    try {
      pool.reserve(threads - 1);
      for (std::size_t t = 0; t + 1 < threads; ++t) pool.emplace_back(worker);
    } catch (const std::system_error&) {
      // The system refused another thread; those already running and the caller share
      // the items. Letting this escape would destroy joinable threads: std::terminate.
    } catch (const std::bad_alloc&) {
      // Same: no memory for another thread's state.
    }
  }
  worker();
  for (auto& th : pool) th.join();
  if (error) std::rethrow_exception(error);
  return next.load() >= n && !(options.cancel && options.cancel->load());
}

}  // namespace synopsis
