// inotify watches over folder trees, with a polling fallback; see watch.h.
#include "serve/watch.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <set>

namespace fs = std::filesystem;
using namespace std::chrono;

namespace {

constexpr uint32_t kMask = IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB | IN_CREATE | IN_DELETE |
                           IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF;
constexpr auto kSettle = milliseconds(5);      // quiet, every file closed, that ends a burst
constexpr auto kBurstMax = milliseconds(150);  // a burst never delays a rebuild longer
constexpr auto kPollEvery = milliseconds(100);

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace

bool is_editor_noise(const std::string& name) {
  return name.empty() || name[0] == '.' || ends_with(name, "~") || ends_with(name, ".swp") ||
         ends_with(name, ".swx") || ends_with(name, ".tmp") || name == "4913";
}

Watcher::Watcher(const std::vector<std::string>& folders, const std::vector<std::string>& files,
                 bool poll) {
  for (auto& f : folders) folders_.push_back(fs::absolute(f).lexically_normal().string());
  for (auto& f : files) files_.push_back(fs::absolute(f).lexically_normal().string());
  wake_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (!poll) inotify_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (inotify_ < 0) {
    last_ = scan();
    return;
  }
  for (auto& f : folders_) add_tree(f, nullptr);
  // A single file is watched through its folder, so replacing it (as
  // editors do, by renaming a new file over it) is still seen.
  std::set<std::string> parents;
  for (auto& f : files_) parents.insert(fs::path(f).parent_path().string());
  for (auto& p : parents) {
    int wd = inotify_add_watch(inotify_, p.c_str(), kMask & ~(IN_DELETE_SELF | IN_MOVE_SELF));
    if (wd >= 0 && !dirs_.count(wd)) dirs_[wd] = p;
  }
}

Watcher::~Watcher() {
  if (inotify_ >= 0) close(inotify_);
  if (wake_ >= 0) close(wake_);
}

void Watcher::wake() {
  uint64_t one = 1;
  if (write(wake_, &one, sizeof one) < 0) { /* already pending */ }
}

// Watches `dir` and its folders; with `found`, also lists the files already
// there (a folder moved in arrives full).
void Watcher::add_tree(const std::string& dir, std::vector<std::string>* found) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return;
  int wd = inotify_add_watch(inotify_, dir.c_str(), kMask);
  if (wd >= 0) dirs_[wd] = dir;
  for (auto it = fs::recursive_directory_iterator(dir, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (is_editor_noise(it->path().filename().string())) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_directory(ec)) {
      int sub = inotify_add_watch(inotify_, it->path().c_str(), kMask);
      if (sub >= 0) dirs_[sub] = it->path().string();
    } else if (found) {
      found->push_back(it->path().string());
    }
  }
}

// Drains the inotify queue into `out`; false when nothing was there.
bool Watcher::read_events(std::vector<std::string>& out) {
  alignas(inotify_event) char buf[16384];
  bool any = false;
  for (;;) {
    ssize_t n = read(inotify_, buf, sizeof buf);
    if (n <= 0) return any;
    for (char* p = buf; p < buf + n;) {
      auto* e = reinterpret_cast<inotify_event*>(p);
      p += sizeof(inotify_event) + e->len;
      if (e->mask & IN_Q_OVERFLOW) {  // events were lost: say everything changed
        out.insert(out.end(), folders_.begin(), folders_.end());
        out.insert(out.end(), files_.begin(), files_.end());
        any = true;
        continue;
      }
      auto dir = dirs_.find(e->wd);
      if (dir == dirs_.end()) continue;
      if (e->mask & IN_IGNORED) {
        dirs_.erase(dir);
        continue;
      }
      if (e->len == 0) {  // the watched folder itself went away
        if (e->mask & (IN_DELETE_SELF | IN_MOVE_SELF)) out.push_back(dir->second), any = true;
        continue;
      }
      std::string name = e->name, path = dir->second + "/" + name;
      bool in_tree = std::any_of(folders_.begin(), folders_.end(), [&](auto& f) {
        return path == f || path.rfind(f + "/", 0) == 0;
      });
      bool is_file = std::find(files_.begin(), files_.end(), path) != files_.end();
      if (is_editor_noise(name) || !(in_tree || is_file)) continue;
      if ((e->mask & IN_ISDIR) && (e->mask & (IN_CREATE | IN_MOVED_TO))) add_tree(path, &out);
      // A file is being written from its first change until it is closed,
      // moved into place or deleted.
      if (e->mask & (IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE))
        writing_.erase(path);
      else if (!(e->mask & IN_ISDIR) && (e->mask & (IN_CREATE | IN_MODIFY)))
        writing_.insert(path);
      out.push_back(path);
      any = true;
    }
  }
}

std::map<std::string, std::pair<long long, long long>> Watcher::scan() const {
  std::map<std::string, std::pair<long long, long long>> seen;
  auto note = [&](const fs::path& p) {
    std::error_code ec;
    auto t = fs::last_write_time(p, ec);
    auto size = fs::is_regular_file(p, ec) ? static_cast<long long>(fs::file_size(p, ec)) : -1;
    if (!ec) seen[p.string()] = {t.time_since_epoch().count(), size};
  };
  for (auto& f : files_) note(f);
  for (auto& dir : folders_) {
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (is_editor_noise(it->path().filename().string())) {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (!it->is_directory(ec)) note(it->path());
    }
  }
  return seen;
}

Changes Watcher::wait(milliseconds timeout) {
  Changes changes;
  std::vector<std::string> out;
  auto deadline = steady_clock::now() + timeout;
  if (inotify_ < 0) {  // polling: compare modification times and sizes
    pollfd w{wake_, POLLIN, 0};
    do {  // one scan at least, so that wait(0) says what changed since the last
      auto left = std::max(milliseconds(0), duration_cast<milliseconds>(deadline - steady_clock::now()));
      if (poll(&w, 1, static_cast<int>(std::min(left, kPollEvery).count())) > 0) {
        uint64_t n;
        if (read(wake_, &n, sizeof n) < 0) {}
        break;
      }
      auto now_seen = scan();
      for (auto& [path, stamp] : now_seen) {
        auto it = last_.find(path);
        if (it == last_.end() || it->second != stamp) out.push_back(path);
      }
      for (auto& [path, stamp] : last_)
        if (!now_seen.count(path)) out.push_back(path);
      last_ = std::move(now_seen);
    } while (out.empty() && steady_clock::now() < deadline);
    changes.seen = steady_clock::now();
  } else {
    pollfd fds[2] = {{inotify_, POLLIN, 0}, {wake_, POLLIN, 0}};
    while (out.empty()) {
      auto left = duration_cast<milliseconds>(deadline - steady_clock::now()).count();
      // Past the deadline, what is there already is still taken: wait(0).
      if (poll(fds, 2, static_cast<int>(std::max<long long>(left, 0))) <= 0) break;
      if (fds[1].revents) {
        uint64_t n;
        if (read(wake_, &n, sizeof n) < 0) {}
        break;
      }
      if (read_events(out)) changes.seen = steady_clock::now();
    }
    // An editor's save is often several events (write, close, rename):
    // gather them so one save is one rebuild. A file still being written is
    // waited for until it is closed (to the burst's end at most), so a slow
    // writer's half-saved file is not built; then a short quiet ends it.
    auto burst_end = changes.seen + kBurstMax;
    while (!out.empty()) {
      auto left = duration_cast<milliseconds>(burst_end - steady_clock::now());
      if (left.count() <= 0) break;
      pollfd f{inotify_, POLLIN, 0};
      auto quiet = writing_.empty() ? std::min(kSettle, left) : left;
      if (poll(&f, 1, static_cast<int>(quiet.count())) <= 0) break;
      read_events(out);
    }
    writing_.clear();  // whatever is still open is taken as it is
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  changes.paths = std::move(out);
  return changes;
}
