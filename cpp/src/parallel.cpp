#include "synopsis/parallel.hpp"

#include <exception>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace synopsis {

int resolve_threads(int n_jobs) {
  if (n_jobs == 0) throw std::invalid_argument("n_jobs must be a positive number of threads or negative (-1 = all cores), got 0");
  if (n_jobs > 0) return n_jobs;
  const int hw = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  return std::max(1, hw + 1 + n_jobs);
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

  if (threads == 1) {
    worker();
  } else {
    std::vector<std::thread> pool;
    pool.reserve(threads - 1);
    for (std::size_t t = 0; t + 1 < threads; ++t) pool.emplace_back(worker);
    worker();
    for (auto& th : pool) th.join();
  }
  if (error) std::rethrow_exception(error);
  return next.load() >= n && !(options.cancel && options.cancel->load());
}

}  // namespace synopsis
