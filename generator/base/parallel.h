// Runs f(0) .. f(n-1) on every core. Each call must touch only its own slot
// of any shared output, so no locks are needed and results keep their order.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

// An exception in any call (an internal error: content problems are
// reported as diagnostics, never thrown) stops the work handing out further
// calls and is rethrown here, on the calling thread, once all have stopped.
template <class F>
void parallel_for(std::size_t n, F&& f) {
  std::size_t workers = std::min<std::size_t>(
      n, std::max(1u, std::thread::hardware_concurrency()));
  if (workers <= 1) {
    for (std::size_t i = 0; i < n; ++i) f(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  std::exception_ptr first;
  std::mutex mutex;
  auto work = [&] {
    try {
      for (std::size_t i; (i = next.fetch_add(1)) < n;) f(i);
    } catch (...) {
      next = n;
      std::lock_guard lock(mutex);
      if (!first) first = std::current_exception();
    }
  };
  std::vector<std::thread> threads;
  for (std::size_t t = 1; t < workers; ++t) threads.emplace_back(work);
  work();
  for (auto& t : threads) t.join();
  if (first) std::rethrow_exception(first);
}
