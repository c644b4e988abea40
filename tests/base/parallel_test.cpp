// parallel_for: every index once, and an exception in a worker reaches the caller.
#include <doctest/doctest.h>

#include <atomic>
#include <stdexcept>
#include <vector>

#include "base/parallel.h"

TEST_CASE("parallel_for calls each index once") {
  std::vector<int> seen(1000);
  parallel_for(seen.size(), [&](size_t i) { seen[i]++; });
  for (int n : seen) CHECK(n == 1);
}

TEST_CASE("an exception on a worker thread is rethrown on the caller's") {
  std::atomic<int> calls{0};
  CHECK_THROWS_WITH_AS(parallel_for(100000, [&](size_t i) {
                         calls++;
                         if (i == 3) throw std::runtime_error("fault in call 3");
                       }),
                       "fault in call 3", std::runtime_error);
  CHECK(calls >= 4);  // (the rest usually stop early; how early depends on the scheduler)
}
