// A specification's sections, read when first asked for; see model.h.
#include "base/model.h"

#include <set>

Sections Sections::later(std::vector<std::string> cited, std::string_view bytes, Read read) {
  Sections s;
  s.later_ = std::make_shared<Later>();
  s.later_->cited = std::move(cited);
  s.later_->bytes = bytes;
  s.later_->read = read;
  return s;
}

const std::vector<Section>& Sections::all() const {
  if (later_ && !later_->done.load(std::memory_order_acquire))
    std::call_once(later_->once, [this] {
      later_->read(later_->bytes, all_);
      later_->done.store(true, std::memory_order_release);
    });
  return all_;
}

std::vector<Section>& Sections::all() {
  std::as_const(*this).all();
  later_.reset();  // one owner may change them: they are its own now
  return all_;
}

std::optional<std::string_view> Sections::unread() const {
  if (later_ && !later_->done.load(std::memory_order_acquire)) return later_->bytes;
  return std::nullopt;
}

std::vector<std::string> Sections::cited_standards() const {
  if (later_ && !later_->done.load(std::memory_order_acquire)) return later_->cited;
  std::set<std::string> cited;
  for (auto& section : all_)
    for (auto& c : section.criteria)
      for (auto& cite : c.standards) cited.insert(cite.substr(0, cite.find('/')));
  return {cited.begin(), cited.end()};
}
