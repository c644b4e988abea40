// Whether a folder is a Staffroom site; see site_folder.h.
#include "load/site_folder.h"

#include <sys/stat.h>

#include <filesystem>
#include <vector>

namespace fs = std::filesystem;

// A file, or a link (even a broken one: reading it says what is wrong).
static bool is_file(const std::string& path) {
  struct stat st;
  if (::lstat(path.c_str(), &st) != 0) return false;
  return S_ISLNK(st.st_mode) || S_ISREG(st.st_mode);
}

static bool is_folder(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

std::optional<std::string> site_yaml_path(const std::string& root) {
  // A site.yaml beside content/ counts; content/ itself, run from inside,
  // is not a site just because it holds content/site.yaml.
  if (is_file(root + "/site.yaml") && is_folder(root + "/content")) return "site.yaml";
  if (is_file(root + "/content/site.yaml")) return "content/site.yaml";
  return std::nullopt;
}

static bool is_site(const fs::path& dir) { return site_yaml_path(dir.string()).has_value(); }

// A site near `start`: the folder itself or its parents (a command run from
// inside content/), or a folder one or two levels below (run from above).
static std::optional<fs::path> nearby_site(const fs::path& start) {
  std::error_code ec;
  fs::path dir = fs::absolute(start, ec).lexically_normal();
  while (!dir.empty() && !fs::is_directory(dir, ec) && dir != dir.root_path())
    dir = dir.parent_path();  // a mistyped folder: look around its parent
  for (fs::path up = dir; !up.empty(); up = up.parent_path()) {
    if (is_site(up)) return up;
    if (up == up.root_path()) break;
  }
  auto options = fs::directory_options::skip_permission_denied;
  std::vector<fs::path> found;
  for (auto it = fs::recursive_directory_iterator(dir, options, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it.depth() >= 1) it.disable_recursion_pending();
    auto name = it->path().filename().string();
    if (!name.empty() && name[0] == '.') {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_directory(ec) && is_site(it->path())) {
      found.push_back(it->path());
      it.disable_recursion_pending();
    }
    if (found.size() > 1) return std::nullopt;  // more than one: no single guess
  }
  if (found.size() == 1) return found[0];
  return std::nullopt;
}

static std::string suggestion(const fs::path& root) {
  auto near = nearby_site(root);
  if (!near) return "";
  std::error_code ec;
  auto rel = fs::relative(*near, fs::current_path(ec), ec);
  std::string shown = ec || rel.empty() || rel.string().rfind("../../..", 0) == 0 ? near->string()
                                                                                  : rel.string();
  return " (did you mean --site " + shown + "?)";
}

bool check_site_folder(const std::string& root, Diagnostics& diags) {
  struct stat st;
  if (::stat(root.c_str(), &st) != 0) {
    diags.error({root, 0, 0}, "this folder does not exist; give the folder that holds your "
                              "site's content/ folder" + suggestion(root));
    return false;
  }
  if (!S_ISDIR(st.st_mode)) {
    diags.error({root, 0, 0}, "this is a file, not a site folder; give the folder that holds "
                              "your site's content/ folder" + suggestion(root));
    return false;
  }
  if (site_yaml_path(root)) return true;
  for (auto* yml : {"content/site.yml", "site.yml"})
    if (is_file(root + "/" + yml)) {
      diags.error({yml, 0, 0}, "this file is not read, because its name ends .yml: rename it to "
                               "'site.yaml'");
      return false;
    }
  std::error_code ec;
  auto where = fs::absolute(root, ec).lexically_normal().string();
  if (where.size() > 1 && where.back() == '/') where.pop_back();
  diags.error({"content/site.yaml", 0, 0},
              "this folder (" + where + ") is not a Staffroom site: it has no content/site.yaml, "
              "the file with your site's name and web address" + suggestion(root));
  return false;
}
