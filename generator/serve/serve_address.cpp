// Addresses the preview is reached at, and its starting notice; see
// serve_address.h.
#include "serve/serve_address.h"

#include <ifaddrs.h>
#include <net/if.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

#include "serve/serve_guard.h"

bool is_any_address(const std::string& host) {
  return host.empty() || host == "0.0.0.0" || host == "::";
}

std::vector<std::string> reachable_addresses(const std::string& host) {
  if (!is_any_address(host)) return {host};
  std::vector<std::string> found;
  ifaddrs* list = nullptr;
  if (getifaddrs(&list) != 0) return found;
  for (auto* a = list; a; a = a->ifa_next) {
    if (!a->ifa_addr || !(a->ifa_flags & IFF_UP) || (a->ifa_flags & IFF_LOOPBACK)) continue;
    int family = a->ifa_addr->sa_family;
    if (family != AF_INET && (family != AF_INET6 || host != "::")) continue;
    if (family == AF_INET6 &&
        IN6_IS_ADDR_LINKLOCAL(&reinterpret_cast<sockaddr_in6*>(a->ifa_addr)->sin6_addr))
      continue;  // needs a %interface in the address: no use to type in
    char text[NI_MAXHOST];
    socklen_t len = family == AF_INET ? sizeof(sockaddr_in) : sizeof(sockaddr_in6);
    if (getnameinfo(a->ifa_addr, len, text, sizeof text, nullptr, 0, NI_NUMERICHOST) == 0 &&
        std::find(found.begin(), found.end(), text) == found.end())
      found.push_back(text);
  }
  freeifaddrs(list);
  return found;
}

std::string address_url(const std::string& address, int port) {
  std::string host = address.find(':') != std::string::npos ? "[" + address + "]" : address;
  return "http://" + host + ":" + std::to_string(port) + "/";
}

std::string listen_notice(const std::string& host, int port,
                          const std::vector<std::string>& addresses) {
  if (is_loopback_host(host) || addresses.empty()) {
    std::string text = "Serving " + address_url(is_loopback_host(host) ? host : "127.0.0.1", port) +
                       " (Ctrl-C to stop)\n";
    if (!is_loopback_host(host))
      text += "Warning: this computer has no network address yet, but the preview listens on "
              "every network it joins, and anyone on one can see drafts and unpublished adverts.\n";
    return text;
  }
  std::string text = "Serving " + address_url(addresses[0], port) + " (Ctrl-C to stop)\n";
  for (size_t i = 1; i < addresses.size(); ++i)
    text += "  also at " + address_url(addresses[i], port) + "\n";
  text += "Warning: anyone on your network can open this preview, and see drafts and "
          "unpublished adverts. To keep it to this computer, leave out --host (or use "
          "--host 127.0.0.1).\n";
  return text;
}

bool port_in_use(const std::string& host, int port) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE;
  addrinfo* found = nullptr;
  if (getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found) != 0) return false;
  bool in_use = false;
  for (auto* a = found; a; a = a->ai_next) {
    int fd = socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol);
    if (fd < 0) continue;
    int yes = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    if (bind(fd, a->ai_addr, a->ai_addrlen) != 0 && errno == EADDRINUSE) in_use = true;
    close(fd);
  }
  freeaddrinfo(found);
  return in_use;
}
