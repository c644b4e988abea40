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

#include <memory>
#include <string>
#include <string_view>

class Text {
 public:
  Text() = default;
  Text(std::string s) {
    own_ = std::make_shared<const std::string>(std::move(s));
    view_ = *own_;
  }
  Text(const char* s) : Text(std::string(s)) {}

  // A view of `bytes`, which the caller keeps alive and unchanged for as
  // long as this text or any copied or moved from it lives.
  static Text lent(std::string_view bytes) {
    Text t;
    t.view_ = bytes.data() ? bytes : std::string_view("");
    return t;
  }

  std::string_view view() const { return view_; }
  operator std::string_view() const { return view_; }
  std::string str() const { return std::string(view_); }
  size_t size() const { return view_.size(); }
  bool empty() const { return view_.empty(); }
  bool operator==(const Text& o) const { return view_ == o.view_; }
  bool operator==(std::string_view s) const { return view_ == s; }
  bool operator==(const char* s) const { return view_ == s; }

 private:
  // Its own text is shared by its copies, never changed: the preview keeps
  // each advert twice (as loaded, and in the site), and a copied body was
  // most of an advert's memory.
  std::shared_ptr<const std::string> own_;
  std::string_view view_ = "";
};
