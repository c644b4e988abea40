// The files the preview serves, as one snapshot that readers share and a
// save replaces. Kept in shards by their first two path parts (an advert's
// files, "vacancies/<slug>/...", are all in one), so publishing one advert's
// pages copies one shard and shares the rest: copying the whole map of a
// 100,000-advert site (400,000 files) took longer than rendering the advert.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "write/memory_sink.h"

class ServedFiles {
 public:
  explicit ServedFiles(FileMap files = {});

  // The file at `path`, or null.
  std::shared_ptr<const std::string> find(const std::string& path) const;
  // The file at `path`; throws std::out_of_range when there is none.
  std::shared_ptr<const std::string> at(const std::string& path) const;
  size_t size() const { return size_; }
  // Every path, sorted.
  std::vector<std::string> paths() const;

  // A copy without the files under each of `prefixes` ("vacancies/<slug>/":
  // two parts or more) and the `removed` paths, with `added` put in (in
  // place of any at the same path). `touched` gets the paths removed and
  // added. Untouched shards are shared with this one.
  ServedFiles changed(const std::vector<std::string>& prefixes, const std::vector<std::string>& removed,
                      FileMap added, std::vector<std::string>& touched) const;

 private:
  static size_t shard_of(const std::string& path);
  std::vector<std::shared_ptr<const FileMap>> shards_;
  size_t size_ = 0;
};
