// Tests of what the preview server answers and to whom (issue 12, items
// 11-13 and 16): one byte range at most, only requests naming this
// computer, and a site folder moved away while serving.
#include <doctest/doctest.h>

#include <sstream>

#include "serve_util.h"

using namespace serve_test;

TEST_CASE("serve: Range gives one range at most, and never more than the file") {
  Running s;
  auto c = s.client();
  auto whole = c.Get("/about/");
  REQUIRE(whole);
  const std::string& page = whole->body;
  size_t size = page.size();
  std::string many = "bytes=0-";
  for (int i = 0; i < 2000; ++i) many += ",0-";
  auto r = c.Get("/about/", {{"Range", many}});
  REQUIRE(r);
  CHECK(r->status == 200);  // many ranges: the file, once
  CHECK(r->body == page);

  r = c.Get("/about/", {{"Range", "bytes=0-9"}});
  REQUIRE(r);
  CHECK(r->status == 206);
  CHECK(r->body == page.substr(0, 10));
  CHECK(r->get_header_value("Content-Range") == "bytes 0-9/" + std::to_string(size));

  r = c.Get("/about/", {{"Range", "bytes=10-99999999"}});  // past the end: cut to it
  REQUIRE(r);
  CHECK(r->status == 206);
  CHECK(r->body == page.substr(10));
  CHECK(r->get_header_value("Content-Range") ==
        "bytes 10-" + std::to_string(size - 1) + "/" + std::to_string(size));

  r = c.Get("/about/", {{"Range", "bytes=-5"}});
  REQUIRE(r);
  CHECK(r->status == 206);
  CHECK(r->body == page.substr(size - 5));

  r = c.Get("/about/", {{"Range", "bytes=" + std::to_string(size) + "-"}});
  REQUIRE(r);
  CHECK(r->status == 416);
  CHECK(r->body.empty());
  CHECK(r->get_header_value("Content-Range") == "bytes */" + std::to_string(size));
}

TEST_CASE("serve: only requests naming this computer are answered (DNS rebinding)") {
  Running s;
  std::string port = std::to_string(s.server->port());
  for (std::string host : std::vector<std::string>{"evil.example", "evil.example:" + port, "127.0.0.1.evil.example",
                           "localhost.evil.example", "10.0.0.1", "[::2]:" + port, "::1",
                           "127.0.0.1:x"}) {
    CAPTURE(host);
    for (std::string path : {"/vacancies/head/", "/__staffroom/events"}) {
      auto r = s.client().Get(path, {{"Host", host}});
      REQUIRE(r);
      CHECK(r->status == 421);
      CHECK_FALSE(contains(r->body, "Headteacher"));  // the draft
    }
  }
  for (std::string host : std::vector<std::string>{"localhost", "localhost:" + port, "LocalHost:" + port,
                           "127.0.0.1", "127.0.0.1:" + port, "[::1]:" + port, "[::1]"}) {
    CAPTURE(host);
    auto r = s.client().Get("/vacancies/head/", {{"Host", host}});
    REQUIRE(r);
    CHECK(r->status == 200);
  }
}

TEST_CASE("serve: a site folder moved or deleted while serving is reported; the last good build stays") {
  for (int run = 0; run < 4; ++run) {
    bool remove = run % 2, poll = run / 2;
    CAPTURE(remove);
    CAPTURE(poll);
    std::ostringstream err;
    Running s(poll, [&](ServeOptions& o) { o.err = &err; });
    auto moved = s.site.path.string() + "-moved";
    if (remove) {
      fs::remove_all(s.site.path);
    } else {
      fs::rename(s.site.path, moved);
      // The save the author makes next, in the folder's new place.
      put_file(fs::path(moved) / "content/vacancies/ta.md", advert("Teaching Assistant", "", "Edited.\n"));
    }
    auto shown = s.until("/vacancies/ta/", [](auto& r) {
      return r.status == 200 && contains(r.body, kOverlay) && contains(r.body, "moved, renamed or deleted");
    });
    CHECK(shown);
    auto page = s.client().Get("/vacancies/ta/");
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK(contains(page->body, "Help pupils learn."));  // the last good build
    s.server->stop();
    CHECK(contains(err.str(), s.site.path.string() + ": error: the site folder"));
    CHECK(contains(err.str(), "moved, renamed or deleted"));
    CHECK(contains(err.str(), "Still serving the last good build"));
    std::error_code ec;
    fs::remove_all(moved, ec);
  }
}
