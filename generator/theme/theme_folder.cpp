// The default theme's folder, looked for beside the program; see theme_folder.h.
#include "theme/theme_folder.h"

#include <filesystem>
#include <vector>

namespace fs = std::filesystem;

std::string default_theme_folder(const std::string& program) {
  std::error_code ec;
  fs::path exe = program.empty() ? fs::read_symlink("/proc/self/exe", ec) : fs::path(program);
  std::vector<fs::path> candidates;
  if (!exe.empty()) {
    fs::path dir = fs::absolute(exe, ec).parent_path();
    candidates.push_back(dir / "../share/staffroom/themes/default");
    candidates.push_back(dir / "themes/default");
  }
  candidates.push_back("/usr/local/share/staffroom/themes/default");
  candidates.push_back("/usr/share/staffroom/themes/default");
  // Named as it really is (a build folder's link resolved), for messages and
  // for the preview to watch.
  for (auto& folder : candidates)
    if (fs::is_directory(folder / "templates", ec)) return fs::canonical(folder, ec).string();
  return "";
}
