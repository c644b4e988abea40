// In-memory and recording sinks; see memory_sink.h.
#include "write/memory_sink.h"

#include <fstream>
#include <sstream>
#include <utility>

#include "load/source.h"

void MemorySink::write(const std::string& path, const std::string& content) {
  auto shared = std::make_shared<const std::string>(content);
  std::lock_guard lock(mutex_);
  files_[path] = std::move(shared);
}

void MemorySink::copy(const std::string& path, const std::string& source) {
  auto fail = [&](const std::string& why) {
    std::lock_guard lock(mutex_);
    if (!failure_) failure_ = why;
  };
  if (!confine_.empty() && !is_inside(confine_, source))
    return fail(source + " leads outside the site; refused");
  std::string content;
  if (auto why = read_file(source, content, kMaxCopiedFile)) return fail(source + ": " + *why);
  write(path, std::move(content));
}

FileMap MemorySink::take() {
  std::lock_guard lock(mutex_);
  return std::exchange(files_, {});
}

std::optional<std::string> MemorySink::failure() const {
  std::lock_guard lock(mutex_);
  return failure_;
}

size_t MemorySink::files() const {
  std::lock_guard lock(mutex_);
  return files_.size();
}

