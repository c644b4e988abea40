// Reading a site's files safely, and the front-matter split.
#include "load/source.h"

#include "base/text.h"

#include <algorithm>
#include <filesystem>
#include <cerrno>
#include <map>
#include <mutex>
#include <system_error>
#include <tuple>
#include <cstdint>
#include <cstring>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

std::optional<std::string> read_file(const std::string& path, std::string& out,
                                     std::uintmax_t limit) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return "cannot read this file: " + std::string(strerror(errno));
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return "cannot read this file: it is not a regular file";
  }
  auto size = static_cast<std::uintmax_t>(st.st_size);
  if (size > limit) {
    ::close(fd);
    return limit > 1024 * 1024
               ? "this file is " + std::to_string(size / (1024 * 1024)) + " MB; the limit is " +
                     std::to_string(limit / (1024 * 1024)) + " MB"
               : "this file is " + std::to_string(size / 1024) + " KB; the limit is " +
                     std::to_string(limit / 1024) + " KB";
  }
  out.resize(size);
  size_t got = 0;
  int read_errno = 0;
  while (got < size) {  // a file that shrinks while it is read ends early
    ssize_t n = ::read(fd, out.data() + got, size - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) read_errno = errno;
    if (n <= 0) break;
    got += static_cast<size_t>(n);
  }
  ::close(fd);
  out.resize(got);
  if (read_errno) return "cannot read this file: " + std::string(strerror(read_errno));
  return std::nullopt;
}

bool is_inside(const std::string& root, const std::string& path) {
  std::error_code ec;
  fs::path r = fs::weakly_canonical(root, ec);
  if (ec) return false;
  fs::path p = fs::weakly_canonical(path, ec);
  if (ec) return false;
  auto rs = r.string(), ps = p.string();
  if (!rs.empty() && rs.back() != '/') rs += '/';
  return ps + '/' == rs || ps.rfind(rs, 0) == 0;
}

// is_inside() for a file to be read. A plain file is inside when its folder
// is, and a site's thousands of files share a few folders: each folder's
// answer is kept, by device and inode so that a folder swapped for a link
// is checked again. Resolving every level of every path was a dozen system
// calls a file. `regular`: the caller has just seen a plain file there.
static bool stays_inside(const std::string& root, const std::string& full, bool regular) {
  struct stat file;
  if (!regular && (::lstat(full.c_str(), &file) != 0 || S_ISLNK(file.st_mode))) return is_inside(root, full);
  std::string folder = full.substr(0, full.rfind('/'));
  struct stat dir;
  if (::stat(folder.c_str(), &dir) != 0) return is_inside(root, full);
  static std::mutex mutex;
  static std::map<std::tuple<std::string, std::string, dev_t, ino_t>, bool> known;
  auto key = std::make_tuple(root, folder, dir.st_dev, dir.st_ino);
  {
    std::lock_guard lock(mutex);
    if (auto it = known.find(key); it != known.end()) return it->second;
  }
  bool inside = is_inside(root, folder);
  std::lock_guard lock(mutex);
  known[key] = inside;
  return inside;
}

std::optional<std::string> read_text_file(const std::string& root,
                                          const std::string& relative,
                                          Diagnostics& diags, bool regular) {
  Mark whole{relative, 0, 0};
  std::string full = root + "/" + relative;
  // A content file may lead nowhere outside content/: the site folder also
  // holds things never meant for the web, such as .git/config.
  bool content = relative.rfind("content/", 0) == 0;
  if (!stays_inside(content ? root + "/content" : root, full, regular)) {
    std::error_code ec;
    bool broken = fs::canonical(full, ec).empty();  // leads nowhere, or round in a circle
    diags.error(whole, broken ? "this file cannot be read (" + ec.message() + ")"
                       : content ? "this file is a link to a place outside the content/ folder; refused"
                                 : "this file is a link to a place outside the site; refused");
    return std::nullopt;
  }
  std::string text;
  if (auto error = read_file(full, text, kMaxTextFile)) {
    diags.error(whole, *error);
    return std::nullopt;
  }
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  if (auto bad = find_invalid_utf8(text)) {
    diags.error({relative, bad->first, bad->second},
                "this file is not UTF-8 text; save it as UTF-8 (in Word or "
                "Notepad: Save As, Encoding: UTF-8)");
    return std::nullopt;
  }
  // Windows line endings are fine; normalise them once here.
  text.erase(std::remove(text.begin(), text.end(), '\r'), text.end());
  return text;
}

std::vector<std::string> list_files(const std::string& root,
                                    const std::string& dir,
                                    const std::vector<std::string>& exts, Diagnostics& diags) {
  std::vector<std::vector<std::string>> found(exts.size());
  std::vector<std::string> out;
  // readdir, not std::filesystem's iterator: making a path of each name
  // (and splitting it again for its file name) was most of listing a
  // folder of 5,000 adverts, and a rebuild lists every folder.
  DIR* folder = ::opendir((root + "/" + dir).c_str());
  int err = folder ? 0 : errno;
  if (err == ENOENT) return out;
  while (folder) {
    errno = 0;
    const dirent* entry = ::readdir(folder);
    if (!entry) {
      err = errno;
      break;
    }
    std::string_view name = entry->d_name;
    if (name.empty() || name[0] == '.') continue;  // editors' swap files
    for (size_t e = 0; e < exts.size(); ++e) {
      auto& ext = exts[e];
      if (name.size() <= ext.size() || !name.ends_with(ext)) continue;
      bool folder_entry = entry->d_type == DT_DIR;
      if (entry->d_type == DT_LNK || entry->d_type == DT_UNKNOWN) {  // what a link leads to
        struct stat st;
        folder_entry = ::fstatat(::dirfd(folder), entry->d_name, &st, 0) == 0 && S_ISDIR(st.st_mode);
      }
      if (!folder_entry) found[e].push_back(dir + "/" + std::string(name));
    }
  }
  if (folder) ::closedir(folder);
  if (err) {
    bool not_folder = err == ENOTDIR;
    diags.error({dir, 0, 0}, not_folder ? "this should be a folder, but it is a file"
                                        : "this folder cannot be read (" +
                                              std::error_code(err, std::generic_category()).message() +
                                              "); ask whoever looks after the computer to let "
                                              "you read it");
  }
  for (auto& group : found) {  // by extension first, as given, then by name
    std::sort(group.begin(), group.end());
    out.insert(out.end(), group.begin(), group.end());
  }
  return out;
}

std::optional<FrontMatter> split_front_matter(const std::string& text,
                                              const std::string& path,
                                              Diagnostics& diags) {
  if (text.rfind("---\n", 0) != 0 && text != "---") {
    diags.error({path, 1, 1},
                "an advert must start with a line of three dashes (---), then "
                "its details, then another --- line");
    return std::nullopt;
  }
  FrontMatter fm;
  size_t pos = 4;
  int line = 2;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    std::string l = text.substr(pos, end == std::string::npos ? std::string::npos
                                                               : end - pos);
    while (!l.empty() && (l.back() == ' ' || l.back() == '\t')) l.pop_back();
    if (l == "---" || l == "...") {
      fm.yaml = text.substr(4, pos - 4);
      fm.body = end == std::string::npos ? "" : text.substr(end + 1);
      fm.body_line = line + 1;
      return fm;
    }
    if (end == std::string::npos) break;
    pos = end + 1;
    ++line;
  }
  diags.error({path, 1, 1},
              "the details at the top are not closed: add a line of three "
              "dashes (---) after them, before the advert's text");
  return std::nullopt;
}

bool is_slug(const std::string& s) {
  if (s.empty() || s.front() == '-' || s.back() == '-') return false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || (c == '-' && i > 0 && s[i - 1] == '-')) return false;
  }
  return true;
}
