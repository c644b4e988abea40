// A 64-bit key built from many parts, in order: what a cache compares to
// know that the inputs of something it kept are the same.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>

struct Key {
  std::uint64_t value = 14695981039346656037ULL;
  void add(std::string_view bytes) {
    value = (value ^ std::hash<std::string_view>{}(bytes)) * 1099511628211ULL;
    value = (value ^ bytes.size()) * 1099511628211ULL;
  }
  void add(std::uint64_t n) { add(std::string_view(reinterpret_cast<const char*>(&n), sizeof n)); }
};
