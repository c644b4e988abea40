// Helpers for the preview server's tests: a small site written to a
// temporary folder, the real server on it in-process on a free port, and raw
// sockets for requests a client library would not send.
#pragma once

#include <doctest/doctest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "base/clock.h"
#include "serve/serve.h"
#include "../test_util.h"

namespace serve_test {

namespace fs = std::filesystem;
using namespace std::chrono;

inline void put_file(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

inline std::string advert(const std::string& title, const std::string& extra = "",
                   const std::string& body = "Help pupils learn.\n") {
  return "---\ntitle: " + title +
         "\nschool: oak\nrole: learning-support\nspec: ta\n"
         "salary: { min: 20000, max: 22000 }\ncontract: permanent\nworking_pattern: [part-time]\n"
         "posted: 2026-11-01\ncloses: 2027-12-05T12:00\n" + extra + "---\n" + body;
}

// A school, a spec, two adverts, a draft advert and a page.
inline void write_site(const fs::path& root) {
  put_file(root / "content/site.yaml",
           "title: Test Trust vacancies\nbase_url: https://jobs.example.org/\n"
           "organisation: { name: Test Trust, website: https://trust.example.org/ }\n");
  put_file(root / "content/schools/oak.yaml",
           "name: Oak Primary\naddress: { street: 1 Oak Lane, locality: Leeds, postcode: LS1 1AA }\n"
           "phase: primary\nwebsite: https://oak.example.org/\n");
  put_file(root / "content/specs/ta.yaml",
           "title: Teaching Assistant\nsections:\n"
           "  - name: Qualifications\n    assessed: [application, qualification]\n    criteria:\n"
           "      - { text: GCSE English and maths, level: essential }\n");
  put_file(root / "content/vacancies/ta.md", advert("Teaching Assistant"));
  put_file(root / "content/vacancies/cook.md", advert("School Cook"));
  put_file(root / "content/vacancies/head.md", advert("Headteacher", "draft: true\n"));
  put_file(root / "content/pages/about.md", "---\ntitle: About us\n---\nWe are a trust.\n");
}

inline std::ostream& quiet() {
  static std::ostream null(nullptr);
  return null;
}

struct Running {
  test::TempDir site;
  std::unique_ptr<PreviewServer> server;
  explicit Running(bool poll = false, const std::function<void(ServeOptions&)>& tweak = {}) {
    write_site(site.path);
    ServeOptions o;
    o.site = site.path.string();
    o.port = 0;
    o.now = to_time(*parse_datetime("2026-11-20T12:00"), false);
    o.poll = poll;
    o.out = &quiet();
    o.err = &quiet();
    if (tweak) tweak(o);
    server = std::make_unique<PreviewServer>(o);
    auto error = server->start();
    REQUIRE_MESSAGE(!error, *error);
  }
  httplib::Client client() const {
    httplib::Client c("127.0.0.1", server->port());
    c.set_connection_timeout(5);
    c.set_read_timeout(10);
    return c;
  }
  // GET `path` until `pred` holds or `limit` passes (a wait, generous for a busy
  // machine, not a measure of speed); the time it took.
  template <class Pred>
  std::optional<milliseconds> until(const std::string& path, Pred pred,
                                    milliseconds limit = milliseconds(15000)) const {
    auto start = steady_clock::now();
    auto c = client();
    while (steady_clock::now() - start < limit) {
      auto r = c.Get(path);
      if (r && pred(*r)) return duration_cast<milliseconds>(steady_clock::now() - start);
      std::this_thread::sleep_for(milliseconds(5));
    }
    return std::nullopt;
  }
};

inline constexpr const char* kOverlay = "<div id=\"staffroom-errors\"";

inline bool contains(const std::string& hay, const std::string& needle) {
  return hay.find(needle) != std::string::npos;
}

// A plain connection to the server on loopback, for requests sent a byte at
// a time, or with headers no client library would send.
struct RawConnection {
  int fd = -1;
  explicit RawConnection(int port) {
    fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
      close(fd);
      fd = -1;
    }
  }
  ~RawConnection() {
    if (fd >= 0) close(fd);
  }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;
  bool send_all(const std::string& data) {
    for (size_t done = 0; done < data.size();) {
      ssize_t n = ::send(fd, data.data() + done, data.size() - done, MSG_NOSIGNAL);
      if (n <= 0) return false;
      done += static_cast<size_t>(n);
    }
    return true;
  }
  // What arrives until the server closes the connection or `limit` passes;
  // `closed` says which.
  std::string read_until_closed(milliseconds limit, bool* closed = nullptr) {
    std::string got;
    auto end = steady_clock::now() + limit;
    if (closed) *closed = false;
    for (;;) {
      auto left = duration_cast<milliseconds>(end - steady_clock::now()).count();
      pollfd p{fd, POLLIN, 0};
      if (left <= 0 || poll(&p, 1, static_cast<int>(left)) <= 0) return got;
      char buf[4096];
      ssize_t n = recv(fd, buf, sizeof buf, 0);
      if (n <= 0) {
        if (closed) *closed = true;
        return got;
      }
      got.append(buf, static_cast<size_t>(n));
    }
  }
};

}  // namespace serve_test
