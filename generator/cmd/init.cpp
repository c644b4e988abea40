// `staffroom init`; see init.h. The files are starters/site/ and the
// starters `new` writes, filled in for one school and one advert.
#include "cmd/init.h"

#include <filesystem>

#include "cmd/help.h"
#include "cmd/new.h"
#include "cmd/starters.h"

namespace fs = std::filesystem;

// The folder is new or empty: init adds to nobody's files.
static bool is_empty_folder(const fs::path& dir, std::string& why) {
  std::error_code ec;
  auto status = fs::symlink_status(dir, ec);
  if (!fs::exists(status)) return true;
  if (!fs::is_directory(status)) {
    why = dir.string() + " is a file, not a folder";
    return false;
  }
  if (!fs::is_empty(dir, ec)) {
    why = dir.string() + " is not empty; init makes a new site in a new or empty folder, "
                         "so that nothing of yours is overwritten";
    return false;
  }
  return true;
}

int init_site(const std::string& dir, std::ostream& out, std::ostream& err) {
  std::string why;
  if (!is_empty_folder(dir, why)) {
    err << "staffroom: error: " << why << "; choose another, for example: staffroom init our-vacancies\n";
    return 1;
  }
  std::vector<NewFile> files;
  for (auto& f : starter_files()) {
    std::string path = f.path;
    if (path.rfind("site/", 0) == 0) files.push_back({path.substr(5), f.text});
  }
  files.push_back(new_file_for("school", "our-school", "Our Primary School"));
  files.push_back(new_file_for("spec", "teaching-assistant", "Teaching Assistant"));
  files.push_back(new_file_for("vacancy", "teaching-assistant", "Teaching Assistant", "our-school",
                               "teaching-assistant"));
  for (auto& f : files)
    if (auto problem = write_new_file((fs::path(dir) / f.path).string(), f.text)) {
      err << "staffroom: error: " << *problem << "\n";
      return 1;
    }
  std::error_code ec;
  fs::create_directories(fs::path(dir) / "content/files", ec);
  out << "Made a new site in " << dir << ":\n";
  for (auto& f : files) out << "  " << f.path << "\n";
  out << "  content/files/  (put application forms and job packs here)\n\n"
      << "Next:\n"
      << "  1. In content/site.yaml, change the name, web address and contact details.\n"
      << "  2. In content/pages/, change the words in [square brackets].\n"
      << "  3. See the site as candidates will: " << site_command("serve", dir) << "\n"
      << "  4. The advert content/vacancies/teaching-assistant.md is a draft: fill it in, and\n"
      << "     delete its 'draft: true' line to publish it.\n";
  return 0;
}
