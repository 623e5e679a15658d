// A small fork-join pool for batch calls: each item writes only its own result slot, so
// results are identical for any thread count; the exception of the lowest failing index is
// rethrown on the calling thread.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>

namespace synopsis {

// Most worker threads resolve_threads hands out, as a multiple of the hardware threads: more
// threads than that only add stacks and contention (and an n_jobs typo such as 10000 would
// otherwise try to start 10000 threads).
constexpr int kMaxThreadsPerHardwareThread = 4;

// Number of worker threads for an n_jobs value, with hw = hardware threads (at least 1):
//   n_jobs > 0         -> n_jobs, capped at kMaxThreadsPerHardwareThread * hw;
//   -hw <= n_jobs < 0  -> hw + 1 + n_jobs (-1: every hardware thread, -2: all but one, ...).
// Throws std::invalid_argument for 0 and for n_jobs < -hw, naming the allowed range.
int resolve_threads(int n_jobs);

struct ParallelOptions {
  int threads = 1;                           // worker threads (>= 1)
  const std::atomic<bool>* cancel = nullptr;  // when set and true, remaining items are skipped
};

// Calls fn(i) for every i in [0, n). Items are handed out dynamically (long documents do not
// stall a thread's share). Returns false when cancelled before all items ran.
//
// The calling thread is one of the workers. When the system refuses to start more threads
// (std::system_error, e.g. under an address-space or process limit), the threads already
// started, at least the caller, finish every item: fewer threads, same results.
bool parallel_for(std::size_t n, const ParallelOptions& options, const std::function<void(std::size_t)>& fn);

}  // namespace synopsis
