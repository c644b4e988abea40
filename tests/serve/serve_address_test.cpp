// Tests of the preview's Host and Range rules and its starting notice, as
// plain functions: a --host open to the network is never started in tests.
#include <doctest/doctest.h>

#include "serve/serve_address.h"
#include "serve/serve_guard.h"

TEST_CASE("serve: the Host header must name loopback or the server's own address") {
  std::vector<std::string> own{"192.168.1.20", "fd00::2"};
  CHECK(host_allowed("localhost", own));
  CHECK(host_allowed("127.0.0.1:8080", own));
  CHECK(host_allowed("[::1]:8080", own));
  CHECK(host_allowed("192.168.1.20:8080", own));
  CHECK(host_allowed("[fd00::2]:8080", own));
  CHECK(host_allowed("", own));  // HTTP/1.0
  CHECK_FALSE(host_allowed("192.168.1.21", own));
  CHECK_FALSE(host_allowed("evil.example", own));
  CHECK_FALSE(host_allowed("fd00::2", own));  // IPv6 needs brackets
  CHECK_FALSE(host_allowed("[::1", own));
  CHECK(is_loopback_host("127.0.0.2"));
  CHECK(is_loopback_host("::1"));
  CHECK_FALSE(is_loopback_host("0.0.0.0"));
  CHECK_FALSE(is_loopback_host("127.evil.example"));
}

TEST_CASE("serve: Range is one range, cut to the file") {
  auto r = single_range("bytes=0-9", 100);
  REQUIRE(r);
  CHECK(content_range(*r, 100) == "bytes 0-9/100");
  r = single_range("bytes=90-500", 100);
  REQUIRE(r);
  CHECK(content_range(*r, 100) == "bytes 90-99/100");
  r = single_range("bytes=-500", 100);
  REQUIRE(r);
  CHECK(content_range(*r, 100) == "bytes 0-99/100");
  r = single_range("bytes=100-", 100);
  REQUIRE(r);
  CHECK_FALSE(r->satisfiable);
  CHECK(content_range(*r, 100) == "bytes */100");
  CHECK_FALSE(single_range("bytes=0-1,5-6", 100));  // the whole file instead
  CHECK_FALSE(single_range("bytes=5-1", 100));
  CHECK_FALSE(single_range("items=0-1", 100));
  CHECK_FALSE(single_range("bytes=99999999999999999999999-", 100));
}

TEST_CASE("serve: a --host open to the network gives its real address and a warning") {
  std::string open = listen_notice("0.0.0.0", 8080, {"192.168.1.20", "fd00::2"});
  CHECK(open.find("Serving http://192.168.1.20:8080/") != std::string::npos);
  CHECK(open.find("http://[fd00::2]:8080/") != std::string::npos);
  CHECK(open.find("http://127.0.0.1") == std::string::npos);
  CHECK(open.find("Warning: anyone on your network") != std::string::npos);
  CHECK(open.find("drafts") != std::string::npos);
  std::string own = listen_notice("127.0.0.1", 8080, {"127.0.0.1"});
  CHECK(own == "Serving http://127.0.0.1:8080/ (Ctrl-C to stop)\n");
  for (auto& a : reachable_addresses("0.0.0.0")) {  // this computer's own
    CAPTURE(a);
    CHECK_FALSE(is_loopback_host(a));
    CHECK(a.find(':') == std::string::npos);  // IPv4 for 0.0.0.0
  }
  CHECK(reachable_addresses("192.168.1.20") == std::vector<std::string>{"192.168.1.20"});
}
