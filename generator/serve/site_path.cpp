// Request targets to site paths; see site_path.h.
#include "serve/site_path.h"

#include <string_view>

namespace {

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The target's path with escapes decoded, or nothing for a byte no site
// path has, or an escape that only serves to sneak past the checks.
std::optional<std::string> decoded(const std::string& raw) {
  std::string path;
  for (size_t i = 1; i < raw.size(); ++i) {
    unsigned char c = raw[i];
    if (c == '%') {
      int hi = i + 2 < raw.size() ? hex(raw[i + 1]) : -1, lo = hi < 0 ? -1 : hex(raw[i + 2]);
      if (lo < 0) return std::nullopt;
      c = static_cast<unsigned char>(hi * 16 + lo);
      // An escaped dot, slash or backslash only ever serves to sneak past
      // a check like the ones in site_path.
      if (c == '.' || c == '/' || c == '\\' || c < 0x20 || c == 0x7f) return std::nullopt;
      i += 2;
    } else if (c == '\\' || c < 0x20 || c == 0x7f) {
      return std::nullopt;
    }
    path += static_cast<char>(c);
  }
  return path;
}

}  // namespace

std::optional<std::string> site_path(const std::string& target) {
  std::string raw = target.substr(0, target.find_first_of("?#"));
  if (raw.empty() || raw[0] != '/') return std::nullopt;
  auto path = decoded(raw);
  if (!path) return std::nullopt;
  std::string_view rest = *path;
  while (!rest.empty()) {
    auto slash = rest.find('/');
    std::string_view segment = rest.substr(0, slash);
    if (segment == "." || segment == "..") return std::nullopt;
    if (segment.empty()) return std::nullopt;  // "//"
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }
  return path;
}
