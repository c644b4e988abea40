// Filling in and writing starter files; see starters.h.
#include "cmd/starters.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace fs = std::filesystem;

std::string starter(const std::string& path, const std::map<std::string, std::string>& values) {
  std::string text;
  for (auto& f : starter_files())
    if (path == f.path) text = f.text;
  for (auto& [key, value] : values) {
    std::string tag = "{{" + key + "}}";
    for (size_t at = 0; (at = text.find(tag, at)) != std::string::npos; at += value.size()) {
      // A note after the value (spaces, then '#') stays where it stood, so
      // the notes down the file stay in line whatever the value's length.
      size_t end = at + tag.size(), note = text.find_first_not_of(' ', end);
      size_t spaces = note == std::string::npos ? 0 : note - end;
      if (spaces >= 2 && text[note] == '#') {
        long room = long(spaces + tag.size()) - long(value.size());
        text.replace(at, note - at, value + std::string(size_t(std::max(2L, room)), ' '));
      } else {
        text.replace(at, tag.size(), value);
      }
    }
  }
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
