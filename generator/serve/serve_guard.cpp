// Host and Range checks for the preview server; see serve_guard.h.
#include "serve/serve_guard.h"

#include <algorithm>
#include <cctype>

#include "base/text.h"

namespace {

bool all_digits(const std::string& s) {
  return !s.empty() && s.size() <= 19 &&
         std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

// The name in a Host header without its port, lower case; nothing when
// the header is malformed (a bare IPv6 address, a port that is not a number).
std::optional<std::string> host_name(const std::string& host) {
  std::string name, port;
  if (!host.empty() && host[0] == '[') {
    auto close = host.find(']');
    if (close == std::string::npos) return std::nullopt;
    name = host.substr(1, close - 1);
    std::string rest = host.substr(close + 1);
    if (!rest.empty() && rest[0] != ':') return std::nullopt;
    if (!rest.empty()) port = rest.substr(1);
    if (!rest.empty() && !all_digits(port)) return std::nullopt;
    return lower_ascii(name);
  }
  auto colon = host.find(':');
  if (colon != std::string::npos) {
    if (!all_digits(host.substr(colon + 1))) return std::nullopt;
    name = host.substr(0, colon);
  } else {
    name = host;
  }
  return lower_ascii(name);
}

}  // namespace

bool is_loopback_host(const std::string& host) {
  std::string h = lower_ascii(host);
  if (h == "localhost" || h == "::1") return true;
  if (h.rfind("127.", 0) != 0) return false;
  int dots = 0;
  for (char c : h) {
    if (c == '.') ++dots;
    else if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return dots == 3;
}

bool host_allowed(const std::string& host, const std::vector<std::string>& own) {
  if (host.empty()) return true;
  auto name = host_name(host);
  if (!name || name->empty()) return false;
  if (*name == "localhost" || *name == "127.0.0.1" || *name == "::1") return true;
  return std::any_of(own.begin(), own.end(), [&](auto& a) { return lower_ascii(a) == *name; });
}

std::optional<ByteRange> single_range(const std::string& header, size_t size) {
  const std::string unit = "bytes=";
  if (header.compare(0, unit.size(), unit) != 0) return std::nullopt;
  std::string spec = header.substr(unit.size());
  spec.erase(std::remove(spec.begin(), spec.end(), ' '), spec.end());
  auto dash = spec.find('-');
  if (spec.find(',') != std::string::npos || dash == std::string::npos) return std::nullopt;
  std::string a = spec.substr(0, dash), b = spec.substr(dash + 1);
  if ((!a.empty() && !all_digits(a)) || (!b.empty() && !all_digits(b)) || (a.empty() && b.empty()))
    return std::nullopt;
  if (a.empty()) {  // the last b bytes
    size_t n = std::min<size_t>(std::stoull(b), size);
    if (n == 0) return ByteRange{false, 0, 0};
    return ByteRange{true, size - n, n};
  }
  size_t first = std::stoull(a);
  size_t last = b.empty() ? size - 1 : std::stoull(b);
  if (!b.empty() && last < first) return std::nullopt;  // invalid: ignored
  if (first >= size) return ByteRange{false, 0, 0};
  last = std::min(last, size - 1);
  return ByteRange{true, first, last - first + 1};
}

std::string content_range(const ByteRange& range, size_t size) {
  if (!range.satisfiable) return "bytes */" + std::to_string(size);
  return "bytes " + std::to_string(range.first) + "-" +
         std::to_string(range.first + range.length - 1) + "/" + std::to_string(size);
}
