// Where the default theme is, for a site without its own themes/default.
// Found from where the program itself is, so that no path of the machine it
// was built on is compiled in: the same program works installed by the
// package, installed under another prefix, or run from its build folder.
#pragma once

#include <string>

// The first of these folders that holds templates/, or "" when none does:
//   1. <program's folder>/../share/staffroom/themes/default: installed, under
//      any prefix (/usr, /usr/local, or a folder a package was unpacked into);
//   2. <program's folder>/themes/default: a build folder, where CMake links
//      themes/ to the source tree's;
//   3. /usr/local/share/staffroom/themes/default, /usr/share/staffroom/themes/default.
// `program` is the program's own path; empty means the running program's
// (/proc/self/exe).
std::string default_theme_folder(const std::string& program = "");
