// Writing pages into a folder, and the output-folder refusals; see writer.h.
#include "write/writer.h"

#include "write/unchanged.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

static fs::path canonical_or_absolute(const std::string& p) {
  std::error_code ec;
  auto c = fs::weakly_canonical(fs::absolute(p), ec);
  return ec ? fs::absolute(p).lexically_normal() : c;
}

static bool is_within(const fs::path& inner, const fs::path& outer) {
  auto i = inner.lexically_normal().string(), o = outer.lexically_normal().string();
  if (!o.empty() && o.back() == '/') o.pop_back();
  if (!i.empty() && i.back() == '/') i.pop_back();
  return i == o || i.rfind(o + "/", 0) == 0;
}

std::optional<std::string> refuse_output(const std::string& site_root,
                                         const std::string& output) {
  fs::path out = canonical_or_absolute(output);
  fs::path site = canonical_or_absolute(site_root);
  const char* home = std::getenv("HOME");
  if (out == out.root_path()) return "the output folder cannot be /";
  if (home && *home && out == canonical_or_absolute(home))
    return "the output folder cannot be your home folder";
  if (is_within(site, out))
    return "the output folder " + out.string() + " contains the site itself";
  for (auto sub : {"content", "themes"})
    if (is_within(out, site / sub))
      return std::string("the output folder cannot be inside the site's ") + sub + "/ folder";
  std::error_code ec;
  if (fs::exists(out, ec) && !fs::is_directory(out, ec))
    return out.string() + " exists and is not a folder";
  if (fs::is_directory(out, ec) && !fs::is_empty(out, ec) && !fs::exists(out / kOutputMarker, ec))
    return "the output folder " + out.string() +
           " has files that Staffroom did not write; refusing to replace them "
           "(empty it, or choose another folder)";
  return std::nullopt;
}

void DirSink::fail(const std::string& message) {
  std::lock_guard lock(mutex_);
  if (!failure_) failure_ = message;
}

std::optional<std::string> DirSink::failure() const {
  std::lock_guard lock(mutex_);
  return failure_;
}

size_t DirSink::files() const {
  std::lock_guard lock(mutex_);
  return files_;
}

size_t DirSink::unchanged() const {
  std::lock_guard lock(mutex_);
  return unchanged_;
}

void DirSink::count(bool linked) {
  std::lock_guard lock(mutex_);
  ++files_;
  unchanged_ += linked;
}

// Links the previous output's file at `path` to `full` when `same` (its
// bytes are the new ones); false when there is none or the link failed.
bool DirSink::link_previous(const std::string& path, const std::string& full, bool same) {
  return same && ::link((previous_ + "/" + path).c_str(), full.c_str()) == 0;
}

// Makes the folder that will hold `path` unless this sink made it before:
// tens of thousands of pages share a few folders each, and asking the
// filesystem about every level of every path was a tenth of a build's time.
void DirSink::make_parent(const std::string& path) {
  auto slash = path.rfind('/');
  if (slash == std::string::npos) return;
  std::string folder = path.substr(0, slash);
  {
    std::lock_guard lock(mutex_);
    if (folders_.count(folder)) return;
  }
  // Made before it is recorded, so no thread writes into a folder not there yet.
  std::string full = dir_ + "/" + folder;
  if (::mkdir(full.c_str(), 0777) != 0 && errno != EEXIST) {
    std::error_code ec;
    fs::create_directories(full, ec);  // a parent is missing too
  }
  std::lock_guard lock(mutex_);
  folders_.insert(std::move(folder));
}

// Records `path` as written; false (and a failure) when it was already.
bool DirSink::claim(const std::string& path) {
  {
    std::lock_guard lock(mutex_);
    if (written_.insert(path).second) return true;
  }
  fail("two parts of the site were both written to " + path +
       "; this is a fault in Staffroom or the theme, not in your content");
  return false;
}

int write_all(int fd, std::string_view bytes) {
  size_t done = 0;
  errno = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    done += static_cast<size_t>(n);
  }
  return done < bytes.size() ? (errno ? errno : EIO) : 0;  // 0 bytes written: a full disk
}

int write_and_close(int fd, const std::string& bytes) {
  int err = write_all(fd, bytes);
  if (::close(fd) != 0 && !err) err = errno;
  return err;
}

void DirSink::write(const std::string& path, const std::string& content) {
  WriteHold hold = hold_for_writing();
  if (hold.stopping) return fail("the build was stopped");
  if (!claim(path)) return;
  make_parent(path);
  std::string full = dir_ + "/" + path;
  if (!previous_.empty() && link_previous(path, full, file_holds(previous_ + "/" + path, content)))
    return count(true);
  // A new file, never one there already: a folder moved in from the spare
  // (see move_in) holds links of the live output's files, not to be written.
  int fd = ::open(full.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0 && errno == EEXIST && ::unlink(full.c_str()) == 0)
    fd = ::open(full.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) return fail("cannot write " + full + ": " + strerror(errno));
  if (int err = write_and_close(fd, content)) return fail("cannot write " + full + ": " + strerror(err));
  count(false);
}

void DirSink::write_made(const std::string& path, std::uint64_t key,
                         const std::function<std::string()>& make) {
  auto before = before_.find(path);  // only read while rendering: no lock
  MadeFile made{key, {}};
  if (before != before_.end() && before->second.key == key && !previous_.empty() &&
      output_stamp(previous_ + "/" + path) == before->second.stamp && keep({path})) {
    made.stamp = before->second.stamp;
  } else {
    write(path, make());
    auto stamp = output_stamp(dir_ + "/" + path);
    if (!stamp) return;
    made.stamp = *stamp;
  }
  std::lock_guard lock(mutex_);
  made_[path] = made;
}

MadeFiles DirSink::made() const {
  std::lock_guard lock(mutex_);
  return made_;
}

std::optional<OutputStamp> output_stamp(const std::string& file, int at) {
  struct stat st;
  if (::fstatat(at, file.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  return OutputStamp{static_cast<std::uint64_t>(st.st_size),
                     std::int64_t(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec,
                     static_cast<std::uint64_t>(st.st_ino)};
}

void DirSink::copy(const std::string& path, const std::string& source) {
  WriteHold hold = hold_for_writing();
  if (hold.stopping) return fail("the build was stopped");
  if (!claim(path)) return;
  fs::path full = fs::path(dir_) / path;
  std::error_code ec;
  make_parent(path);
  if (!previous_.empty() &&
      link_previous(path, full.string(), same_file_bytes(previous_ + "/" + path, source)))
    return count(true);
  ::unlink(full.c_str());  // as in write(): a new file, never one there already
  fs::copy_file(source, full, fs::copy_options::overwrite_existing, ec);
  if (ec) return fail("cannot copy " + source + ": " + ec.message());
  count(false);
}

// claim() for all of `paths` or none of them, with the lock held.
bool DirSink::claim_all(const std::vector<std::string>& paths) {
  size_t claimed = 0;
  while (claimed < paths.size() && written_.insert(paths[claimed]).second) ++claimed;
  if (claimed == paths.size()) return true;
  for (size_t i = 0; i < claimed; ++i) written_.erase(paths[i]);
  return false;
}

bool DirSink::keep(const std::vector<std::string>& paths) {
  WriteHold hold = hold_for_writing();
  if (hold.stopping || previous_.empty()) return false;
  {
    std::lock_guard lock(mutex_);
    if (!claim_all(paths)) return false;
  }
  size_t linked = 0;
  for (std::string_view folder; linked < paths.size(); ++linked) {
    const std::string& path = paths[linked];
    std::string_view parent(path.data(), std::min(path.size(), path.rfind('/')));
    if (parent != folder) make_parent(path);  // files of one folder come together
    folder = parent;
    if (!link_previous(path, dir_ + "/" + path, true)) break;
  }
  std::lock_guard lock(mutex_);
  if (linked == paths.size()) {
    files_ += linked;
    unchanged_ += linked;
    return true;
  }
  for (size_t i = 0; i < linked; ++i) ::unlink((dir_ + "/" + paths[i]).c_str());
  for (auto& path : paths) written_.erase(path);
  return false;
}

bool DirSink::move_folder_in(const std::string& from, const std::string& folder) {
  WriteHold hold = hold_for_writing();
  if (hold.stopping) return false;
  make_parent(folder);
  return ::rename((from + "/" + folder).c_str(), (dir_ + "/" + folder).c_str()) == 0;
}

bool DirSink::adopt(const std::vector<std::string>& paths) {
  std::lock_guard lock(mutex_);
  if (!claim_all(paths)) return false;
  files_ += paths.size();
  unchanged_ += paths.size();
  return true;
}

std::vector<std::string> DirSink::names_in(const std::string& folder) const {
  std::vector<std::string> names;
  std::error_code ec;
  for (auto it = fs::directory_iterator(dir_ + "/" + folder, ec); !ec && it != fs::directory_iterator();
       it.increment(ec))
    names.push_back(it->path().filename().string());
  return names;
}

void DirSink::remove(const std::string& path) {
  WriteHold hold = hold_for_writing();
  std::error_code ec;
  fs::remove_all(dir_ + "/" + path, ec);
}
