// Sinks for the preview server: pages kept in memory (path -> content), and a
// wrapper that records which paths a render wrote.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>

#include "base/sink.h"

using FileMap = std::map<std::string, std::shared_ptr<const std::string>>;

// Keeps every file written. copy() reads the source at once, so what is
// served never depends on the disk afterwards. With a `confine` folder, a
// copy whose real path leaves it is refused.
class MemorySink : public Sink {
 public:
  explicit MemorySink(std::string confine = "") : confine_(std::move(confine)) {}
  void write(const std::string& path, const std::string& content) override;
  void copy(const std::string& path, const std::string& source) override;
  FileMap take();  // the files written; the sink is left empty
  std::optional<std::string> failure() const;
  size_t files() const;

 private:
  std::string confine_;
  mutable std::mutex mutex_;
  FileMap files_;
  std::optional<std::string> failure_;
};

