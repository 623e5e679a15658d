// A small fork-join pool for batch calls: each item writes only its own result slot, so
// results are identical for any thread count; the exception of the lowest failing index is
// rethrown on the calling thread.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>

namespace synopsis {

// Number of worker threads for an n_jobs value: n_jobs > 0 is taken as is, -1 means every
// hardware thread, -2 all but one, and so on. Throws std::invalid_argument for 0.
int resolve_threads(int n_jobs);

struct ParallelOptions {
  int threads = 1;                           // worker threads (>= 1)
  const std::atomic<bool>* cancel = nullptr;  // when set and true, remaining items are skipped
};

// Calls fn(i) for every i in [0, n). Items are handed out dynamically (long documents do not
// stall a thread's share). Returns false when cancelled before all items ran.
bool parallel_for(std::size_t n, const ParallelOptions& options, const std::function<void(std::size_t)>& fn);

}  // namespace synopsis
