// The staging folder, the one-step swap, stale staging folders and stopping
// on a signal; see staged_output.h.
#include "write/staged_output.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

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
// for the previous output while it is moved aside. A previous output to be
// removed after the swap is ".<output>.staffroom-<pid>-old-<n>", then
// "-<pid>-old" with the number of the process removing it.
std::string staging_prefix(const fs::path& output) {
  return std::string(".").append(output.filename().string()).append(".staffroom-");
}

// Where the spare of `output` is kept (see StagedOutput).
std::string spare_path(const fs::path& output) {
  return (output.parent_path() / (staging_prefix(output) + kSpareName)).string();
}

// The folder an output names, absolute: a symlinked output keeps its link,
// and the folder it points to is the one replaced.
fs::path real_output(const std::string& output) {
  fs::path out = fs::absolute(output).lexically_normal();
  if (out.filename().empty()) out = out.parent_path();
  std::error_code ec;
  if (fs::is_symlink(out, ec)) out = fs::weakly_canonical(out, ec);
  return out;
}

// The previous output and the spare beside the real output `out`: each
// when it is there and carries Staffroom's marker.
OutputFolders folders_of(const fs::path& out) {
  OutputFolders found;
  std::error_code ec;
  if (fs::is_directory(out, ec) && fs::exists(out / kOutputMarker, ec)) found.previous = out.string();
  std::string spare = spare_path(out);
  if (fs::is_directory(fs::symlink_status(spare, ec)) && fs::exists(fs::path(spare) / kOutputMarker, ec))
    found.spare = spare;
  return found;
}

// Removes `dir`, a former output, keeping its marker to the last: a removal
// stopped half way leaves a folder the next build still knows as its own.
void remove_output_folder(const fs::path& dir) {
  std::error_code ec;
  for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
    std::error_code e;
    if (it->path().filename() != kOutputMarker) fs::remove_all(it->path(), e);
  }
  fs::remove_all(dir, ec);
}

// The removers started by this process, reaped when done so that a long
// running one (the tests, a preview) collects no zombies; and the one
// started for this build, waiting on a pipe (see start_remover).
std::mutex removers_mutex;
std::vector<pid_t> removers;
int remover_pipe = -1;

// The start of a child process that removes folders in the background: its
// own session, no terminal, none of the parent's files but `keep` (a caller
// reading the build's output must not wait for it), signals back to their
// defaults. Returns the fd `keep` is now.
int become_remover(int keep) {
  ::setsid();
  sigset_t none;
  sigemptyset(&none);
  pthread_sigmask(SIG_SETMASK, &none, nullptr);
  if (keep >= 0) keep = ::dup2(keep, 3);
  int null = ::open("/dev/null", O_RDWR);
  for (int fd = 0; fd < 3; ++fd) ::dup2(null, fd);
  ::close_range(keep >= 0 ? 4 : 3, ~0U, 0);
  return keep;
}

// Takes the former output `dir` beside `output` under this process's number
// first, so the next build leaves it alone while it works and removes it if
// this process was stopped; then removes it.
void take_and_remove(const fs::path& output, const std::string& dir, int n) {
  std::string mine = (output.parent_path() / (staging_prefix(output) + std::to_string(getpid()) + "-old-" +
                                              std::to_string(n))).string();
  remove_output_folder(::rename(dir.c_str(), mine.c_str()) == 0 ? mine : dir);
}

// Removes the former output `dir` (named with this process's number) in a
// child process that the build does not wait for: deleting tens of
// thousands of files took a third of a small rebuild. It goes to the
// build's remover when one was started, else to a child started now, else
// (no child could be started) it is removed here.
void remove_in_background(const fs::path& output, const std::string& dir) {
  {
    std::lock_guard lock(removers_mutex);
    if (remover_pipe >= 0) {
      std::string message = output.string() + '\0' + dir + '\0';
      if (::write(remover_pipe, message.data(), message.size()) == static_cast<ssize_t>(message.size())) return;
    }
  }
  pid_t pid = ::fork();
  if (pid < 0) return remove_output_folder(dir);
  if (pid > 0) {
    std::lock_guard lock(removers_mutex);
    std::erase_if(removers, [](pid_t p) { return ::waitpid(p, nullptr, WNOHANG) != 0; });
    removers.push_back(pid);
    return;
  }
  become_remover(-1);
  take_and_remove(output, dir, 0);
  ::_exit(0);
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

// Where a former output waits to be removed by this process: unique
// within it.
std::string previous_name(const fs::path& output) {
  static std::atomic<unsigned> made{0};
  return (output.parent_path() /
          (staging_prefix(output) + std::to_string(getpid()) + "-old-" + std::to_string(made++)))
      .string();
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
    if (dash == std::string::npos) continue;
    bool removing = rest.substr(dash).rfind("-old", 0) == 0;  // a former output, its remover stopped
    if (rest.substr(dash).rfind("-new", 0) != 0 && !removing) continue;
    pid_t pid = static_cast<pid_t>(std::atol(rest.substr(0, dash).c_str()));
    std::error_code e;
    if (!it->is_directory(e) || it->is_symlink(e)) continue;
    if (!fs::exists(it->path() / kOutputMarker, e) || may_be_running(pid)) continue;
    if (!removing) {
      fs::remove_all(it->path(), e);
      continue;
    }
    std::string again = previous_name(output);  // this build removes it, as its own
    if (::rename(it->path().c_str(), again.c_str()) == 0) remove_in_background(output, again);
  }
}

}  // namespace

OutputFolders output_folders(const std::string& output) { return folders_of(real_output(output)); }

WriteHold hold_for_writing() {
  WriteHold hold{std::shared_lock(writing), false};
  hold.stopping = stop_requested.load();
  return hold;
}

StagedOutput::StagedOutput(std::string output, bool keep_replaced) : keep_replaced_(keep_replaced) {
  fs::path out = real_output(output);
  std::error_code ec;
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
  auto found = folders_of(out);
  previous_ = found.previous;
  spare_ = found.spare;
  // The marker never changes: linked like any unchanged file, else written.
  std::string marker = (fs::path(temp_) / kOutputMarker).string();
  if (previous_.empty() || ::link((out / kOutputMarker).c_str(), marker.c_str()) != 0)
    std::ofstream(marker) << kMarkerText;
}

StagedOutput::~StagedOutput() {
  std::error_code ec;
  if (!committed_) fs::remove_all(temp_, ec);
  track(temp_, false);
  remove_previous();
}

void StagedOutput::remove_previous() {
  for (auto& dir : replaced_) remove_in_background(output_, dir);
  replaced_.clear();
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
  std::string aside = previous_name(output_);
  if (::renameat2(AT_FDCWD, temp_.c_str(), AT_FDCWD, output_.c_str(), RENAME_EXCHANGE) != 0) {
    track(aside, true);
    if (::rename(output_.c_str(), aside.c_str()) != 0 || ::rename(temp_.c_str(), output_.c_str()) != 0) {
      std::string why = "cannot move the new site into place: " + std::string(strerror(errno));
      ::rename(aside.c_str(), output_.c_str());
      track(aside, false);
      return why;
    }
    track(aside, false);
    swapped = committed_ = true;
    replaced_.push_back(aside);
    return std::nullopt;
  }
  swapped = committed_ = true;
  // temp_ now holds the previous output: kept as the spare when asked,
  // the spare it replaces removed; else removed itself.
  std::string spare = spare_path(output_);
  if (::rename(spare.c_str(), aside.c_str()) == 0) replaced_.push_back(aside);  // else there was none
  std::string to = keep_replaced_ ? spare : previous_name(output_);
  if (::rename(temp_.c_str(), to.c_str()) != 0) fs::remove_all(temp_, ec);
  else if (!keep_replaced_) replaced_.push_back(to);
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

void start_remover() {
  std::lock_guard lock(removers_mutex);
  if (remover_pipe >= 0) return;
  std::erase_if(removers, [](pid_t p) { return ::waitpid(p, nullptr, WNOHANG) != 0; });
  int ends[2];
  if (::pipe2(ends, O_CLOEXEC) != 0) return;
  pid_t pid = ::fork();
  if (pid == 0) {
    ::close(ends[1]);
    int in = become_remover(ends[0]);
    // Pairs of NUL-ended paths (output, folder) until the build closes the pipe.
    std::string got;
    char buf[4096];
    for (ssize_t n; (n = ::read(in, buf, sizeof buf)) != 0;)
      if (n > 0) got.append(buf, static_cast<size_t>(n));
      else if (errno != EINTR) break;
    int count = 0;
    for (size_t at = 0;;) {
      size_t a = got.find('\0', at), b = a == std::string::npos ? a : got.find('\0', a + 1);
      if (b == std::string::npos) break;
      take_and_remove(got.substr(at, a - at), got.substr(a + 1, b - a - 1), count++);
      at = b + 1;
    }
    ::_exit(0);
  }
  ::close(ends[0]);
  if (pid < 0) {
    ::close(ends[1]);
    return;
  }
  removers.push_back(pid);
  remover_pipe = ends[1];
}

void stop_remover() {
  std::lock_guard lock(removers_mutex);
  if (remover_pipe >= 0) ::close(remover_pipe);
  remover_pipe = -1;
}
