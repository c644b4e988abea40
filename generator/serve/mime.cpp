// The table of Content-Types; see mime.h.
#include "serve/mime.h"

#include <filesystem>
#include <map>

#include "base/text.h"

namespace fs = std::filesystem;

std::string content_type(const std::string& path) {
  static const std::map<std::string, std::string> types = {
      {".html", "text/html; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".webp", "image/webp"},
      {".ico", "image/x-icon"},
      {".pdf", "application/pdf"},
      {".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
      {".ics", "text/calendar; charset=utf-8"},
      {".xml", "application/xml"},
      {".json", "application/json"},
      {".txt", "text/plain; charset=utf-8"},
  };
  auto name = fs::path(path).filename().string();
  if (name == "feed.xml") return "application/atom+xml";
  if (name == "feed.json") return "application/feed+json";
  std::string ext = lower_ascii(fs::path(path).extension().string());
  auto it = types.find(ext);
  return it == types.end() ? "application/octet-stream" : it->second;
}
