// The starter files (the repository's starters/ folder, compiled in) and
// writing them into a site: what `init` and `new` share.
#pragma once

#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

struct StarterFile {
  const char* path;  // under starters/: "spec.yaml", "site/content/site.yaml"
  const char* text;
};
const std::vector<StarterFile>& starter_files();

// The starter at `path` with each {{KEY}} replaced by its value.
std::string starter(const std::string& path, const std::map<std::string, std::string>& values);

// Writes `text` to `path`, making its folder; never overwrites a file, even
// one that appears meanwhile. Nothing on success, else the message.
std::optional<std::string> write_new_file(const std::string& path, const std::string& text);
