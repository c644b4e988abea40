// Tests of the preview server: the real server, in-process on a free port,
// over HTTP against a small site written to a temporary folder.
#include <doctest/doctest.h>

#include "../test_util.h"
#include <httplib.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "serve_util.h"
#include "serve/watch.h"

using namespace serve_test;

namespace {

// Sends a raw request line, for targets a client library would tidy up.
int raw_status(int port, const std::string& target) {
  httplib::Client c("127.0.0.1", port);
  httplib::Request req;
  req.method = "GET";
  req.path = target;
  auto r = c.send(req);
  return r ? r->status : -1;
}

}  // namespace

TEST_CASE("serve: pages, types, methods, redirects and the 404 page") {
  Running s;
  auto c = s.client();
  auto index = c.Get("/");
  REQUIRE(index);
  CHECK(index->status == 200);
  CHECK(index->get_header_value("Content-Type") == "text/html; charset=utf-8");
  CHECK(index->get_header_value("Cache-Control") == "no-store");
  CHECK(contains(index->body, "Teaching Assistant"));
  CHECK(contains(index->body, "/__staffroom/events"));  // the live-reload script

  auto draft = c.Get("/vacancies/head/");
  REQUIRE(draft);
  CHECK(draft->status == 200);
  CHECK(contains(draft->body, "Draft: not published"));

  auto home = index->body;
  auto start = home.find("/style.");  // the fingerprinted stylesheet
  REQUIRE(start != std::string::npos);
  std::string css = home.substr(start, home.find('"', start) - start);
  auto style = c.Get(css);
  REQUIRE(style);
  CHECK(style->status == 200);
  CHECK(style->get_header_value("Content-Type") == "text/css; charset=utf-8");

  auto ics = c.Get("/vacancies/ta/closing-date.ics");
  REQUIRE(ics);
  CHECK(ics->get_header_value("Content-Type") == "text/calendar; charset=utf-8");
  CHECK(c.Get("/feed.xml")->get_header_value("Content-Type") == "application/atom+xml");
  CHECK(c.Get("/feed.json")->get_header_value("Content-Type") == "application/feed+json");

  auto head = c.Head("/about/");
  REQUIRE(head);
  CHECK(head->status == 200);
  CHECK(head->body.empty());

  auto post = c.Post("/", "x=1", "application/x-www-form-urlencoded");
  REQUIRE(post);
  CHECK(post->status == 405);
  CHECK(post->get_header_value("Allow") == "GET, HEAD");
  auto del = s.client().Delete("/about/");
  REQUIRE(del);
  CHECK(del->status == 405);

  auto folder = s.client().Get("/about");
  REQUIRE(folder);
  CHECK(folder->status == 302);
  CHECK(folder->get_header_value("Location") == "/about/");

  auto missing = s.client().Get("/no-such-page/");
  REQUIRE(missing);
  CHECK(missing->status == 404);
  CHECK(missing->get_header_value("Content-Type") == "text/html; charset=utf-8");
  CHECK(contains(missing->body, "page-not-found"));  // the site's own styled 404.html
  CHECK(s.client().Get("/vacancies/")->status == 404);  // no listing of a folder
}

TEST_CASE("serve: nothing outside the built site can be read") {
  Running s;
  put_file(s.site.path / "secret.txt", "secret");
  fs::create_directories(s.site.path / "content/files");
  std::error_code ec;
  fs::create_symlink("/etc/passwd", s.site.path / "content/files/passwd.txt", ec);
  int port = s.server->port();
  for (std::string target :
       {"/../secret.txt", "/vacancies/../../secret.txt", "/%2e%2e/secret.txt",
        "/%2E%2E/secret.txt", "/..%2fsecret.txt", "/..%2Fsecret.txt", "/%2e%2e%2fsecret.txt",
        "/..%5csecret.txt", "/..\\secret.txt", "/vacancies\\ta\\", "//etc/passwd",
        "/vacancies//ta/", "/%00", "/index.html%00.css", "/./index.html", "/%2e/index.html",
        "/content/site.yaml", "/files/passwd.txt", "/etc/passwd"}) {
    CAPTURE(target);
    int status = raw_status(port, target);
    CHECK((status == 400 || status == 404));
  }
}

TEST_CASE("serve: a saved advert is served again, and open pages are told to reload") {
  for (bool poll : {false, true}) {
    CAPTURE(poll);
    Running s(poll);
    // A live-reload listener, as a browser's EventSource.
    std::atomic<bool> reloaded{false};
    httplib::Client events("127.0.0.1", s.server->port());
    events.set_read_timeout(10);
    std::thread listener([&] {
      events.Get("/__staffroom/events", [&](const char* data, size_t n) {
        if (std::string(data, n).find("event: reload") != std::string::npos) reloaded = true;
        return !reloaded;
      });
    });
    std::this_thread::sleep_for(milliseconds(100));  // connected before the save

    auto saved = steady_clock::now();
    put_file(s.site.path / "content/vacancies/ta.md",
             advert("Teaching Assistant", "", "Now with marker-one-two-three.\n"));
    auto took = s.until("/vacancies/ta/", [](auto& r) { return contains(r.body, "marker-one-two-three"); });
    REQUIRE(took);
    MESSAGE("save -> served: " << duration_cast<milliseconds>(steady_clock::now() - saved).count()
                               << " ms (" << (poll ? "polling" : "inotify") << ")");
    CHECK(s.until("/", [](auto&) { return true; }));
    listener.join();
    CHECK(reloaded);

    // Its card in the lists, the feeds and the search index follow a new
    // title; the other adverts' cards, kept from the last build, stay.
    put_file(s.site.path / "content/vacancies/ta.md", advert("Senior Teaching Assistant"));
    CHECK(s.until("/", [](auto& r) {
      return contains(r.body, "Senior Teaching Assistant") && contains(r.body, "School Cook");
    }));
    CHECK(s.until("/search-index.json", [](auto& r) { return contains(r.body, "Senior Teaching Assistant"); }));
    CHECK(s.until("/feed.json", [](auto& r) { return contains(r.body, "Senior Teaching Assistant"); }));
    CHECK(s.until("/feed.xml", [](auto& r) { return contains(r.body, "Senior Teaching Assistant"); }));

    // A new advert appears, a removed one goes, and the index follows.
    put_file(s.site.path / "content/vacancies/gardener.md", advert("Gardener"));
    CHECK(s.until("/vacancies/gardener/", [](auto& r) { return r.status == 200; }));
    CHECK(s.until("/", [](auto& r) { return contains(r.body, "Gardener"); }));
    fs::remove(s.site.path / "content/vacancies/cook.md");
    CHECK(s.until("/vacancies/cook/", [](auto& r) { return r.status == 404; }));
    CHECK(s.until("/", [](auto& r) { return !contains(r.body, "School Cook"); }));
    // Anything else rebuilds the whole site.
    put_file(s.site.path / "content/pages/about.md", "---\ntitle: About the trust\n---\nHello.\n");
    CHECK(s.until("/about/", [](auto& r) { return contains(r.body, "About the trust"); }));
  }
}

TEST_CASE("serve: broken content keeps the last good build, with the errors shown") {
  Running s;
  put_file(s.site.path / "content/vacancies/ta.md", "---\ntitle: [unclosed\n---\nBody\n");
  auto shown = s.until("/vacancies/ta/", [](auto& r) { return contains(r.body, kOverlay); });
  REQUIRE(shown);
  auto page = s.client().Get("/vacancies/ta/");
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK(contains(page->body, "Help pupils learn."));         // the last good build
  // file:line:col: message, as in the terminal
  CHECK(contains(page->body, "<li>content/vacancies/ta.md:3:1: error: this is not valid YAML"));
  CHECK(contains(s.client().Get("/")->body, kOverlay));  // on every page

  put_file(s.site.path / "content/vacancies/ta.md", advert("Teaching Assistant", "", "Fixed now.\n"));
  CHECK(s.until("/vacancies/ta/", [](auto& r) {
    return contains(r.body, "Fixed now.") && !contains(r.body, kOverlay);
  }));
  CHECK_FALSE(contains(s.client().Get("/")->body, kOverlay));

  // A broken site.yaml means a whole rebuild; it too is shown, then cleared.
  put_file(s.site.path / "content/site.yaml", "title: [oops\n");
  CHECK(s.until("/", [](auto& r) { return contains(r.body, "content/site.yaml"); }));
  put_file(s.site.path / "content/site.yaml", "title: Test Trust vacancies\nbase_url: https://jobs.example.org/\n");
  CHECK(s.until("/", [](auto& r) { return !contains(r.body, kOverlay); }));
}

TEST_CASE("serve: 200 concurrent connections all get answers") {
  Running s;
  // Live-reload pages hold workers for as long as they are open.
  std::vector<std::thread> listeners;
  std::atomic<bool> done{false};
  for (int i = 0; i < 10; ++i)
    listeners.emplace_back([&] {
      httplib::Client c("127.0.0.1", s.server->port());
      c.Get("/__staffroom/events", [&](const char*, size_t) { return !done; });
    });
  std::atomic<int> ok{0};
  std::vector<std::thread> clients;
  for (int i = 0; i < 200; ++i)
    clients.emplace_back([&, i] {
      httplib::Client c("127.0.0.1", s.server->port());
      c.set_connection_timeout(10);
      c.set_read_timeout(10);
      auto r = c.Get(i % 2 ? "/" : "/vacancies/ta/");
      if (r && r->status == 200) ++ok;
    });
  for (auto& t : clients) t.join();
  CHECK(ok == 200);
  done = true;
  s.server->stop();  // ends the live-reload streams too
  for (auto& t : listeners) t.join();
}

TEST_CASE("serve: a port in use is refused clearly") {
  Running s;
  ServeOptions o;
  o.site = s.site.path.string();
  o.port = s.server->port();
  o.out = &quiet();
  o.err = &quiet();
  PreviewServer second(o);
  auto error = second.start();
  REQUIRE(error);
  CHECK(contains(*error, "port " + std::to_string(o.port) + " is already in use: try --port"));
}

TEST_CASE("watch: a file written slowly is reported once it is closed, not half-way") {
  test::TempDir dir;
  fs::create_directories(dir.path / "content");
  Watcher watcher({(dir.path / "content").string()}, {});
  REQUIRE(watcher.uses_inotify());
  std::string whole = "---\ntitle: Teaching Assistant\n---\n" + std::string(4000, 'x') + "\n";
  std::thread writer([&] {
    std::ofstream out(dir.path / "content/ta.md", std::ios::binary);
    out << whole.substr(0, 100) << std::flush;  // half a save, then a pause
    std::this_thread::sleep_for(milliseconds(60));
    out << whole.substr(100) << std::flush;
  });
  Changes changes = watcher.wait(seconds(5));
  std::string seen = test::read_file(dir.path / "content/ta.md");  // what a rebuild would read
  writer.join();
  REQUIRE(changes.paths.size() == 1);
  CHECK(changes.paths[0] == (dir.path / "content/ta.md").string());
  CHECK(seen == whole);
}

TEST_CASE("watch: wait(0) says what changed since the last wait, polling or not") {
  for (bool poll : {false, true}) {
    CAPTURE(poll);
    test::TempDir dir;
    fs::create_directories(dir.path / "content");
    Watcher watcher({(dir.path / "content").string()}, {}, poll);
    std::this_thread::sleep_for(milliseconds(20));  // a new file's time differs from the scan's
    put_file(dir.path / "content/ta.md", "---\ntitle: Teaching Assistant\n---\n");
    Changes changes = watcher.wait(milliseconds(0));
    REQUIRE(changes.paths.size() == 1);
    CHECK(changes.paths[0] == (dir.path / "content/ta.md").string());
    CHECK(watcher.wait(milliseconds(0)).paths.empty());
  }
}

TEST_CASE("serve: a save made while the first build runs is built once it is done") {
  // The watcher is made before the first build, and what it saw is carried
  // over when the theme's folders are known and it is made again.
  Running s;
  put_file(s.site.path / "content/vacancies/ta.md", advert("Teaching Assistant", "", "After the start.\n"));
  CHECK(s.until("/vacancies/ta/", [](auto& r) { return contains(r.body, "After the start."); }));
}

TEST_CASE("serve: the first build's line says in plain words that adverts' pages are made when opened") {
  std::ostringstream many, one;
  { Running s(false, [&](ServeOptions& o) { o.out = &many; }); }
  CHECK(contains(many.str(), "; the pages of each of the 3 adverts are made when first opened.\n"));
  {
    Running s(false, [&](ServeOptions& o) {
      o.out = &one;
      fs::remove(fs::path(o.site) / "content/vacancies/cook.md");
      fs::remove(fs::path(o.site) / "content/vacancies/head.md");
    });
  }
  CHECK(contains(one.str(), "; the advert's pages are made when first opened.\n"));  // not "each of the 1 advert"
}
