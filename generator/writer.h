// Writing the output atomically: pages go into a temporary folder beside the
// output, which replaces the output only when everything succeeded. Also
// the refusals that keep a mistyped --output from deleting someone's files.
#pragma once

#include <mutex>
#include <optional>
#include <set>
#include <string>

#include "render.h"

// Why `output` must not be replaced, or nothing when it is safe: it may not
// be the site folder, content/, themes/, an ancestor of the site, /, the home
// folder, or a non-empty folder that Staffroom did not write.
std::optional<std::string> refuse_output(const std::string& site_root,
                                         const std::string& output);

// Writes files under a folder; safe from several threads. Failures are kept
// (the first message) rather than thrown.
class DirSink : public Sink {
 public:
  explicit DirSink(std::string dir) : dir_(std::move(dir)) {}
  void write(const std::string& path, const std::string& content) override;
  void copy(const std::string& path, const std::string& source) override;
  std::optional<std::string> failure() const;
  size_t files() const;

 private:
  void fail(const std::string& message);
  void make_parent(const std::string& path);
  std::string dir_;
  mutable std::mutex mutex_;
  std::set<std::string> folders_;  // made already
  std::optional<std::string> failure_;
  size_t files_ = 0;
};

// A build in progress. `dir()` is where to write; commit() swaps it in.
class StagedOutput {
 public:
  explicit StagedOutput(std::string output);
  ~StagedOutput();  // abandons an uncommitted build: the output is untouched
  const std::string& dir() const { return temp_; }
  std::optional<std::string> error() const { return error_; }
  bool commit();

 private:
  std::string output_, temp_;
  std::optional<std::string> error_;
  bool committed_ = false;
};

// The file Staffroom leaves in each output folder, so it knows the folder is
// its own to replace.
constexpr const char* kOutputMarker = ".staffroom-output";
