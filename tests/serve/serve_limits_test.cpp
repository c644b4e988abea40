// Tests that no client can stop the preview server answering (issue 12,
// items 14-15): slow headers are cut off, slow clients and many live-reload
// pages leave workers for pages, and endless headers are not read whole.
// At a smaller scale than the attacks in the issue, bounded in time.
#include <doctest/doctest.h>

#include <atomic>
#include <vector>

#include "serve_util.h"

using namespace serve_test;

namespace {

// How long a fresh connection takes to get "/about/", or nothing when it
// gets no answer within `limit`.
std::optional<milliseconds> page_time(int port, seconds limit = seconds(1)) {
  httplib::Client c("127.0.0.1", port);
  c.set_connection_timeout(limit);
  c.set_read_timeout(limit);
  auto start = steady_clock::now();
  auto r = c.Get("/about/");
  if (!r || r->status != 200) return std::nullopt;
  return duration_cast<milliseconds>(steady_clock::now() - start);
}

}  // namespace

TEST_CASE("serve: a request whose headers come too slowly is cut off") {
  CHECK(ServeOptions().header_timeout == seconds(5));  // shortened here to keep the test short
  Running s(false, [](ServeOptions& o) { o.header_timeout = milliseconds(800); });
  RawConnection slow(s.server->port());
  REQUIRE(slow.fd >= 0);
  auto start = steady_clock::now();
  std::string request = "GET /about/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + std::string(40, 'x');
  bool cut = false;
  for (char ch : request) {  // a byte every 100 ms: each within any per-read timeout
    if (!slow.send_all(std::string(1, ch))) break;
    bool closed = false;
    slow.read_until_closed(milliseconds(100), &closed);
    if (closed) {
      cut = true;
      break;
    }
  }
  auto took = duration_cast<milliseconds>(steady_clock::now() - start).count();
  MESSAGE("cut off after " << took << " ms");
  CHECK(cut);
  CHECK(took < 2500);
}

TEST_CASE("serve: 70 slow clients do not stop pages being answered") {
  Running s;
  int port = s.server->port();
  std::atomic<bool> done{false};
  std::vector<std::thread> slow;
  for (int i = 0; i < 70; ++i)
    slow.emplace_back([&] {
      RawConnection c(port);
      std::string request = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + std::string(100, 'x');
      for (size_t b = 0; b < request.size() && !done; ++b) {
        if (!c.send_all(request.substr(b, 1))) break;
        std::this_thread::sleep_for(milliseconds(200));
      }
    });
  std::this_thread::sleep_for(milliseconds(500));  // all of them connected and sending
  for (int i = 0; i < 4; ++i) {
    CAPTURE(i);
    auto took = page_time(port);
    CHECK(took);
    if (took) CHECK(took->count() < 1000);
    std::this_thread::sleep_for(milliseconds(300));
  }
  done = true;
  for (auto& t : slow) t.join();
  CHECK(page_time(port));
}

TEST_CASE("serve: many open live-reload pages do not stop pages being answered") {
  Running s;
  int port = s.server->port();
  std::vector<std::unique_ptr<RawConnection>> pages;
  for (int i = 0; i < 150; ++i) {
    pages.push_back(std::make_unique<RawConnection>(port));
    REQUIRE(pages.back()->fd >= 0);
    // As an EventSource: it keeps the connection open and reads what comes.
    pages.back()->send_all("GET /__staffroom/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
  }
  std::this_thread::sleep_for(milliseconds(300));
  for (int i = 0; i < 4; ++i) {
    CAPTURE(i);
    auto took = page_time(port);
    CHECK(took);
    if (took) CHECK(took->count() < 1000);
    std::this_thread::sleep_for(milliseconds(200));
  }
  // Those over the cap were refused at once, not left waiting.
  auto last = pages.back()->read_until_closed(milliseconds(1000));
  CHECK(last.rfind("HTTP/1.1 503", 0) == 0);
  pages.clear();
  CHECK(page_time(port));
}

TEST_CASE("serve: a request with endless headers is cut off, not read whole") {
  Running s;
  RawConnection c(s.server->port());
  REQUIRE(c.fd >= 0);
  timeval two{2, 0};
  setsockopt(c.fd, SOL_SOCKET, SO_SNDTIMEO, &two, sizeof two);
  std::string chunk;
  for (int i = 0; i < 2000; ++i) chunk += "X-Header-" + std::to_string(i) + ": a\r\n";  // ~30 KB
  size_t sent = 0;
  bool ok = c.send_all("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n");
  auto start = steady_clock::now();
  while (ok && sent < 32u << 20 && steady_clock::now() - start < seconds(10)) {
    ok = c.send_all(chunk);
    if (ok) sent += chunk.size();
  }
  MESSAGE("sent " << sent / 1024 << " KB of headers before the server closed");
  CHECK_FALSE(ok);
  CHECK(sent < 8u << 20);
  // One header over the limit is refused in plain words.
  RawConnection big(s.server->port());
  big.send_all("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + std::string(70000, 'b') + "\r\n\r\n");
  auto answer = big.read_until_closed(milliseconds(2000));
  CHECK(answer.rfind("HTTP/1.1 431 ", 0) == 0);
  CHECK(contains(answer, "the preview accepts 64 KB of headers"));
  // Ordinary requests with a few headers still pass.
  auto r = s.client().Get("/about/", {{"Cookie", std::string(8000, 'c')}, {"X-A", "1"}, {"X-B", "2"}});
  REQUIRE(r);
  CHECK(r->status == 200);
}
