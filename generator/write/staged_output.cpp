// The staging folder, the one-step swap, stale staging folders and stopping
// on a signal; see staged_output.h.
#include "write/staged_output.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <thread>

namespace fs = std::filesystem;

namespace {

constexpr const char* kMarkerText = "Written by staffroom build; replaced on each build.\n";

std::shared_mutex writing;          // shared: writes; exclusive: a signal's cleanup
std::atomic<bool> stop_requested{false};
std::atomic<bool> swapped{false};   // a build's output is in place: say so if stopped after
std::mutex staging_mutex;
std::set<std::string> staging;      // folders to remove if the build is stopped

void track(const std::string& dir, bool on) {
  std::lock_guard lock(staging_mutex);
  if (on) staging.insert(dir);
  else staging.erase(dir);
}

// A staging folder's name: ".<output>.staffroom-<pid>-new", and "-new-old"
// for the previous output while it is moved aside.
std::string staging_prefix(const fs::path& output) {
  return std::string(".").append(output.filename().string()).append(".staffroom-");
}

// Whether process `pid` may still be a Staffroom build. When unsure, yes:
// a folder is only removed when nobody can be writing into it.
bool may_be_running(pid_t pid) {
  if (pid <= 0) return true;
  if (pid == getpid()) return false;  // an earlier build of this same process
  if (::kill(pid, 0) != 0 && errno == ESRCH) return false;
  std::ifstream comm("/proc/" + std::to_string(pid) + "/comm");
  std::string name;
  if (!comm || !std::getline(comm, name)) return true;
  return name.rfind("staffroom", 0) == 0;  // the number may now be another program's
}

// Removes the staging folders that builds killed with kill -9 (or a power
// cut) left beside `output`: they carry Staffroom's marker and their
// process is gone.
void remove_stale(const fs::path& output) {
  std::error_code ec;
  std::string prefix = staging_prefix(output);
  for (auto it = fs::directory_iterator(output.parent_path(), ec);
       !ec && it != fs::directory_iterator(); it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    std::string rest = name.substr(prefix.size());
    auto dash = rest.find('-');
    if (dash == std::string::npos || rest.substr(dash).rfind("-new", 0) != 0) continue;
    pid_t pid = static_cast<pid_t>(std::atol(rest.substr(0, dash).c_str()));
    std::error_code e;
    if (!it->is_directory(e) || it->is_symlink(e)) continue;
    if (!fs::exists(it->path() / kOutputMarker, e) || may_be_running(pid)) continue;
    fs::remove_all(it->path(), e);
  }
}

}  // namespace

WriteHold hold_for_writing() {
  WriteHold hold{std::shared_lock(writing), false};
  hold.stopping = stop_requested.load();
  return hold;
}

StagedOutput::StagedOutput(std::string output) {
  fs::path out = fs::absolute(output).lexically_normal();
  if (out.filename().empty()) out = out.parent_path();
  std::error_code ec;
  // A symlinked output keeps its link: the folder it points to is replaced.
  if (fs::is_symlink(out, ec)) out = fs::weakly_canonical(out, ec);
  output_ = out.string();
  fs::create_directories(out.parent_path(), ec);
  remove_stale(out);
  // Beside the output, so the final rename stays on one filesystem.
  temp_ = (out.parent_path() / (staging_prefix(out) + std::to_string(getpid()) + "-new")).string();
  fs::remove_all(temp_, ec);
  // Made and recorded under the hold, so a signal's cleanup, which waits
  // for it, always knows the folder.
  WriteHold hold = hold_for_writing();
  if (hold.stopping) {
    failure_ = "the build was stopped";
    return;
  }
  if (!fs::create_directory(temp_, ec)) {
    failure_ = "cannot create " + temp_ + ": " + ec.message();
    return;
  }
  track(temp_, true);
  if (fs::is_directory(out, ec) && fs::exists(out / kOutputMarker, ec)) previous_ = output_;
  // The marker never changes: linked like any unchanged file, else written.
  std::string marker = (fs::path(temp_) / kOutputMarker).string();
  if (previous_.empty() || ::link((out / kOutputMarker).c_str(), marker.c_str()) != 0)
    std::ofstream(marker) << kMarkerText;
}

StagedOutput::~StagedOutput() {
  std::error_code ec;
  if (!committed_) fs::remove_all(temp_, ec);
  track(temp_, false);
}

std::optional<std::string> StagedOutput::commit() {
  WriteHold hold = hold_for_writing();  // a signal now waits for the swap to finish
  if (hold.stopping) return "the build was stopped";
  std::error_code ec;
  if (!fs::exists(output_, ec)) {
    if (::rename(temp_.c_str(), output_.c_str()) != 0)
      return "cannot move the new site into place: " + std::string(strerror(errno));
    swapped = committed_ = true;
    return std::nullopt;
  }
  // Swap the two folders in one step, so the output is never missing.
  if (::renameat2(AT_FDCWD, temp_.c_str(), AT_FDCWD, output_.c_str(), RENAME_EXCHANGE) != 0) {
    std::string old = temp_ + "-old";
    track(old, true);
    if (::rename(output_.c_str(), old.c_str()) != 0 || ::rename(temp_.c_str(), output_.c_str()) != 0) {
      std::string why = "cannot move the new site into place: " + std::string(strerror(errno));
      ::rename(old.c_str(), output_.c_str());
      track(old, false);
      return why;
    }
    swapped = true;
    fs::remove_all(old, ec);
    track(old, false);
    committed_ = true;
    return std::nullopt;
  }
  swapped = committed_ = true;
  fs::remove_all(temp_, ec);  // now holds the previous output
  return std::nullopt;
}

void remove_staging_on_signal() {
  sigset_t set;
  sigemptyset(&set);
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&set, sig);
  // Blocked here and in every thread started later; one thread waits for them,
  // so the cleanup runs as ordinary code rather than inside a signal handler.
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  std::thread([set] {
    int sig = 0;
    if (sigwait(&set, &sig) != 0) return;
    stop_requested = true;
    std::unique_lock lock(writing);  // writes in progress finish; no new ones start
    std::lock_guard guard(staging_mutex);
    std::error_code ec;
    for (auto& dir : staging) fs::remove_all(dir, ec);
    fputs(swapped ? "\nStopped after the new site was in place.\n"
                  : "\nStopped. Nothing was changed in the output.\n", stderr);
    _exit(128 + sig);
  }).detach();
}
