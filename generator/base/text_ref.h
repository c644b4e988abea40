// A text that is either its own or a view of bytes kept alive elsewhere:
// the build cache's files as read (see cache_file.cpp). A rebuild reads the
// 5,000 unchanged adverts' bodies and listings in place rather than copying
// 45 MB again into fresh memory, which on a virtual machine costs more than
// the copy itself (each new page is zeroed by the kernel first).
//
// A lent text's copies are lent too, as cheap as a view's: the cache
// reader alone makes them, and build_site holds the files read for as
// long as anything read from them (a preview never reads the build cache).
#pragma once

#include <string>
#include <string_view>

class Text {
 public:
  Text() = default;
  Text(std::string s) : own_(std::move(s)) {}
  Text(const char* s) : own_(s) {}

  // A view of `bytes`, which the caller keeps alive and unchanged for as
  // long as this text or any copied or moved from it lives.
  static Text lent(std::string_view bytes) {
    Text t;
    t.lent_ = bytes.data() ? bytes : std::string_view("");
    return t;
  }

  std::string_view view() const { return lent_.data() ? lent_ : std::string_view(own_); }
  operator std::string_view() const { return view(); }
  std::string str() const { return std::string(view()); }
  size_t size() const { return view().size(); }
  bool empty() const { return view().empty(); }
  bool operator==(const Text& o) const { return view() == o.view(); }
  bool operator==(std::string_view s) const { return view() == s; }
  bool operator==(const char* s) const { return view() == s; }

 private:
  std::string own_;
  std::string_view lent_;  // lent when its data() is not null
};
