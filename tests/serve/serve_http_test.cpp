// Tests of the preview's HTTP connections (serve/serve_http.h): each
// accepted socket sends replies at once (TCP_NODELAY). How fast that makes
// a kept-alive connection is bench/serve's to report, not a test's.
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <dirent.h>
#include <netinet/tcp.h>

#include "serve/serve_http.h"
#include "serve_util.h"

using namespace serve_test;

namespace {

int port_of(int sock, bool peer) {
  sockaddr_in a{};
  socklen_t len = sizeof a;
  int r = peer ? getpeername(sock, reinterpret_cast<sockaddr*>(&a), &len)
               : getsockname(sock, reinterpret_cast<sockaddr*>(&a), &len);
  return r == 0 && a.sin_family == AF_INET ? ntohs(a.sin_port) : -1;
}

int no_delay(int sock) {
  int value = -1;
  socklen_t len = sizeof value;
  if (getsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &value, &len) != 0) return -1;
  return value;
}

// This process's socket at `local` port talking to `peer` port: the
// server's side of a test's connection (the server runs in-process).
int socket_between(int local, int peer) {
  int found = -1;
  DIR* fds = opendir("/proc/self/fd");
  while (dirent* e = fds ? readdir(fds) : nullptr) {
    int fd = std::atoi(e->d_name);
    if (fd > 2 && port_of(fd, false) == local && port_of(fd, true) == peer) found = fd;
  }
  if (fds) closedir(fds);
  return found;
}

}  // namespace

TEST_CASE("prepare_connection sets TCP_NODELAY on an accepted loopback socket") {
  int listener = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(bind(listener, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
  REQUIRE(listen(listener, 1) == 0);
  RawConnection client(port_of(listener, false));
  REQUIRE(client.fd >= 0);
  int accepted = accept(listener, nullptr, nullptr);
  REQUIRE(accepted >= 0);
  CHECK(no_delay(accepted) == 0);  // the system's default: Nagle's algorithm
  CHECK(prepare_connection(accepted));
  CHECK(no_delay(accepted) != 0);
  close(accepted);
  close(listener);
}

TEST_CASE("serve: the server's side of a kept-alive connection has TCP_NODELAY") {
  Running s;
  RawConnection c(s.server->port());
  REQUIRE(c.fd >= 0);
  REQUIRE(c.send_all("GET /about/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
  // Answered, and so set up; kept alive, so its socket is still open.
  CHECK(contains(c.read_until_closed(milliseconds(300)), "HTTP/1.1 200 OK"));
  int server_side = socket_between(s.server->port(), port_of(c.fd, false));
  REQUIRE(server_side >= 0);
  CHECK(no_delay(server_side) != 0);
}
