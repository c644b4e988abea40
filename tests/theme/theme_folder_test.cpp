// Where the program finds the default theme: beside itself when installed,
// through the link in its build folder when built, and never by a path of
// the source tree compiled in.
#include <doctest/doctest.h>

#include <filesystem>

#include "../test_util.h"
#include "theme/theme_folder.h"

namespace fs = std::filesystem;

namespace {

// A theme folder with a templates/ inside, as the lookup wants.
void make_theme(const fs::path& folder) { test::write_file(folder / "templates/layout.mustache", "{{{body}}}"); }

}  // namespace

TEST_CASE("an installed program finds the theme in ../share/staffroom beside it") {
  test::TempDir root;
  root.write("usr/bin/staffroom", "");
  make_theme(root.path / "usr/share/staffroom/themes/default");
  CHECK(default_theme_folder((root.path / "usr/bin/staffroom").string()) ==
        (root.path / "usr/share/staffroom/themes/default").string());
}

TEST_CASE("a program in a build folder finds the theme through themes/ beside it") {
  test::TempDir root;
  root.write("build/staffroom", "");
  make_theme(root.path / "source/themes/default");
  fs::create_directory_symlink(root.path / "source/themes", root.path / "build/themes");
  // Named as it really is, so that messages and the preview name the source file.
  CHECK(default_theme_folder((root.path / "build/staffroom").string()) ==
        (root.path / "source/themes/default").string());
}

TEST_CASE("the installed layout comes first, and a folder without templates/ is passed over") {
  test::TempDir root;
  root.write("prefix/bin/staffroom", "");
  make_theme(root.path / "prefix/bin/themes/default");
  make_theme(root.path / "prefix/share/staffroom/themes/default");
  std::string program = (root.path / "prefix/bin/staffroom").string();
  CHECK(default_theme_folder(program) == (root.path / "prefix/share/staffroom/themes/default").string());
  fs::remove_all(root.path / "prefix/share/staffroom/themes/default/templates");
  CHECK(default_theme_folder(program) == (root.path / "prefix/bin/themes/default").string());
}

TEST_CASE("with nothing beside the program, only the system's share folders are left") {
  test::TempDir root;
  root.write("bin/staffroom", "");
  std::string found = default_theme_folder((root.path / "bin/staffroom").string());
  CHECK((found.empty() || found == "/usr/share/staffroom/themes/default" ||
         found == "/usr/local/share/staffroom/themes/default"));
}

TEST_CASE("this test program, run from the build folder, finds the source tree's theme") {
  std::string found = default_theme_folder();
  CHECK(found == fs::canonical(fs::path(STAFFROOM_SOURCE_DIR) / "themes/default").string());
}
