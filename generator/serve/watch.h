// Change detection for the preview server: inotify where the system has it,
// polling modification times otherwise.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

struct Changes {
  std::vector<std::string> paths;  // absolute; sorted, no repeats
  std::chrono::steady_clock::time_point seen;  // when the first one was noticed
};

class Watcher {
 public:
  // Watches each folder in `folders` with everything under it, and each file
  // in `files` (which need not exist yet). `poll` forces the fallback.
  Watcher(const std::vector<std::string>& folders, const std::vector<std::string>& files,
          bool poll = false);
  ~Watcher();
  Watcher(const Watcher&) = delete;
  Watcher& operator=(const Watcher&) = delete;

  // Waits up to `timeout` for a change, then until the burst of events an
  // editor's save makes has settled. Empty paths when nothing changed.
  Changes wait(std::chrono::milliseconds timeout);
  // Makes a wait() in another thread return at once.
  void wake();
  bool uses_inotify() const { return inotify_ >= 0; }

 private:
  void add_tree(const std::string& dir, std::vector<std::string>* found);
  bool read_events(std::vector<std::string>& out);
  std::map<std::string, std::pair<long long, long long>> scan() const;

  std::vector<std::string> folders_, files_;
  int inotify_ = -1, wake_ = -1;
  std::map<int, std::string> dirs_;  // watch descriptor -> folder
  std::set<std::string> writing_;    // changed and not yet closed (inotify)
  std::map<std::string, std::pair<long long, long long>> last_;  // polling: path -> mtime, size
};

// Editors' temporary and backup files (".x.swp", "x~", "4913", ".#x"):
// saving makes them, and they are not content.
bool is_editor_noise(const std::string& name);
