// The preview's files in shards; see served_files.h.
#include "serve/served_files.h"

#include <algorithm>
#include <functional>
#include <stdexcept>

namespace {
constexpr size_t kShards = 4096;

const std::shared_ptr<const FileMap>& no_files() {
  static const auto empty = std::make_shared<const FileMap>();
  return empty;
}
}  // namespace

// The first two parts of the path ("vacancies/<slug>"), or all of it.
size_t ServedFiles::shard_of(const std::string& path) {
  auto first = path.find('/');
  auto second = first == std::string::npos ? first : path.find('/', first + 1);
  return std::hash<std::string_view>{}(std::string_view(path).substr(0, second)) % kShards;
}

ServedFiles::ServedFiles(FileMap files) : shards_(kShards, no_files()), size_(files.size()) {
  std::vector<FileMap> split(kShards);
  for (auto& [path, content] : files) split[shard_of(path)].emplace(path, std::move(content));
  for (size_t i = 0; i < kShards; ++i)
    if (!split[i].empty()) shards_[i] = std::make_shared<const FileMap>(std::move(split[i]));
}

std::shared_ptr<const std::string> ServedFiles::find(const std::string& path) const {
  const FileMap& shard = *shards_[shard_of(path)];
  auto it = shard.find(path);
  return it == shard.end() ? nullptr : it->second;
}

std::shared_ptr<const std::string> ServedFiles::at(const std::string& path) const {
  auto file = find(path);
  if (!file) throw std::out_of_range("no file " + path);
  return file;
}

std::vector<std::string> ServedFiles::paths() const {
  std::vector<std::string> out;
  out.reserve(size_);
  for (auto& shard : shards_)
    for (auto& [path, file] : *shard) out.push_back(path);
  std::sort(out.begin(), out.end());
  return out;
}

ServedFiles ServedFiles::changed(const std::vector<std::string>& prefixes,
                                 const std::vector<std::string>& removed, FileMap added,
                                 std::vector<std::string>& touched) const {
  ServedFiles next = *this;  // the shards shared; each one changed is copied once
  std::vector<std::shared_ptr<FileMap>> copies(kShards);
  auto shard = [&](const std::string& path) -> FileMap& {
    size_t i = shard_of(path);
    if (!copies[i]) {
      copies[i] = std::make_shared<FileMap>(*shards_[i]);
      next.shards_[i] = copies[i];
    }
    return *copies[i];
  };
  for (auto& prefix : prefixes) {
    FileMap& files = shard(prefix);
    auto it = files.lower_bound(prefix);
    while (it != files.end() && it->first.compare(0, prefix.size(), prefix) == 0) {
      touched.push_back(it->first);
      it = files.erase(it);
      --next.size_;
    }
  }
  for (auto& path : removed)
    if (shard(path).erase(path)) touched.push_back(path), --next.size_;
  for (auto& [path, content] : added) {
    touched.push_back(path);
    auto [it, added_now] = shard(path).insert_or_assign(path, std::move(content));
    next.size_ += added_now;
  }
  return next;
}
