// Filling in and writing starter files; see starters.h.
#include "cmd/starters.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace fs = std::filesystem;

std::string starter(const std::string& path, const std::map<std::string, std::string>& values) {
  std::string text;
  for (auto& f : starter_files())
    if (path == f.path) text = f.text;
  for (auto& [key, value] : values)
    for (size_t at; (at = text.find("{{" + key + "}}")) != std::string::npos;)
      text.replace(at, key.size() + 4, value);
  return text;
}

std::optional<std::string> write_new_file(const std::string& path, const std::string& text) {
  std::error_code ec;
  fs::create_directories(fs::path(path).parent_path(), ec);
  if (fs::exists(fs::symlink_status(path, ec)))
    return path + " already exists; nothing was changed";
  std::FILE* f = std::fopen(path.c_str(), "wx");  // "x": fails if the file exists
  if (!f) return "cannot create " + path + ": " + std::strerror(errno);
  bool written = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  if (std::fclose(f) != 0 || !written) return "cannot write " + path + ": " + std::strerror(errno);
  return std::nullopt;
}
