// An optional value kept on the heap: empty, it takes a pointer's room, not
// the value's. The load cache's entry for each advert is empty while the
// site has the advert (see LoadCache::lend_vacancies), and an inline
// std::optional<Vacancy> kept 1.2 KB for nothing in each of 100,000 entries.
// Copies copy the value, as std::optional's do.
#pragma once

#include <memory>
#include <optional>
#include <utility>

template <class T>
class Box {
 public:
  Box() = default;
  Box(T value) : p_(std::make_unique<T>(std::move(value))) {}
  Box(std::optional<T> value) {
    if (value) p_ = std::make_unique<T>(std::move(*value));
  }
  Box(const Box& o) : p_(o.p_ ? std::make_unique<T>(*o.p_) : nullptr) {}
  Box(Box&&) noexcept = default;
  Box& operator=(const Box& o) { return *this = Box(o); }
  Box& operator=(Box&&) noexcept = default;

  bool has_value() const { return p_ != nullptr; }
  explicit operator bool() const { return has_value(); }
  T& operator*() { return *p_; }
  const T& operator*() const { return *p_; }
  T* operator->() { return p_.get(); }
  const T* operator->() const { return p_.get(); }
  void reset() { p_.reset(); }
  T& emplace() {
    p_ = std::make_unique<T>();
    return *p_;
  }

 private:
  std::unique_ptr<T> p_;
};
