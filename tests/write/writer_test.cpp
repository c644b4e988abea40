// The atomic output: a failed build changes nothing, a good one swaps in
// whole, and dangerous output folders are refused.
#include <doctest/doctest.h>
#include <unistd.h>

#include <sstream>

#include "pipeline/build.h"
#include "../test_util.h"
#include "write/writer.h"

namespace fs = std::filesystem;


TEST_CASE("a failed build leaves the previous output exactly as it was") {
  test::TempDir dir;
  test::write_minimal_site(dir.path);
  BuildRequest request;
  request.site = dir.str();
  REQUIRE(build_site(request).ok);
  auto before = test::snapshot(dir.path / "public");
  test::write_file(dir.path / "content/vacancies/ta.md", "---\ntitle: [unclosed\n---\n");
  test::write_file(dir.path / "content/vacancies/second.md", "---\ntitle: Second\n---\n");
  auto report = build_site(request);
  CHECK_FALSE(report.ok);
  CHECK(report.diags.errors() >= 2);  // every error in one run
  CHECK(test::snapshot(dir.path / "public") == before);
  // No temporary folder is left beside it.
  for (auto& e : fs::directory_iterator(dir.path))
    CHECK_MESSAGE(e.path().filename().string().find(".staffroom-") == std::string::npos, e.path());
}

TEST_CASE("a good build replaces the output whole, removing stale pages") {
  test::TempDir dir;
  test::write_minimal_site(dir.path);
  BuildRequest request;
  request.site = dir.str();
  REQUIRE(build_site(request).ok);
  fs::rename(dir.path / "content/vacancies/ta.md", dir.path / "content/vacancies/assistant.md");
  REQUIRE(build_site(request).ok);
  CHECK(fs::exists(dir.path / "public/vacancies/assistant/index.html"));
  CHECK_FALSE(fs::exists(dir.path / "public/vacancies/ta"));
}

TEST_CASE("dangerous output folders are refused") {
  test::TempDir dir;
  test::write_minimal_site(dir.path);
  auto site = dir.str();
  CHECK(refuse_output(site, site));
  CHECK(refuse_output(site, site + "/content"));
  CHECK(refuse_output(site, site + "/content/vacancies"));
  CHECK(refuse_output(site, site + "/themes"));
  CHECK(refuse_output(site, dir.path.parent_path().string()));  // an ancestor
  CHECK(refuse_output(site, "/"));
  if (const char* home = getenv("HOME")) CHECK(refuse_output(site, home));
  CHECK_FALSE(refuse_output(site, site + "/public"));
  CHECK_FALSE(refuse_output(site, site + "/../elsewhere-output"));
  // A folder of someone else's files is not ours to replace.
  test::write_file(dir.path / "mine/notes.txt", "precious");
  CHECK(refuse_output(site, site + "/mine"));
  BuildRequest request;
  request.site = site;
  request.output = site + "/mine";
  CHECK_FALSE(build_site(request).ok);
  CHECK(test::read_file(dir.path / "mine/notes.txt") == "precious");
}

TEST_CASE("the command line refuses a dangerous output with status 2 and changes nothing") {
  test::TempDir dir;
  test::write_minimal_site(dir.path);
  std::string out;
  int status = test::run(std::string(STAFFROOM_BINARY) + " build --site " + dir.str() + " --output " + dir.str() + "/content", &out);
  CHECK(status == 2);
  CHECK(out.find("content/ folder") != std::string::npos);
  CHECK(fs::exists(dir.path / "content/vacancies/ta.md"));
}

TEST_CASE("keep links the previous output's files in, all or none") {
  test::TempDir dir;
  test::write_file(dir.path / "old/vacancies/a/index.html", "page a");
  test::write_file(dir.path / "old/vacancies/a/prepare/index.html", "prepare a");
  test::write_file(dir.path / "old/vacancies/c/index.html", "page c");
  fs::create_directories(dir.path / "new");
  DirSink sink((dir.path / "new").string(), (dir.path / "old").string());
  CHECK(sink.keep({"vacancies/a/index.html", "vacancies/a/prepare/index.html"}));
  CHECK(test::read_file(dir.path / "new/vacancies/a/index.html") == "page a");
  CHECK(test::read_file(dir.path / "new/vacancies/a/prepare/index.html") == "prepare a");
  CHECK(fs::hard_link_count(dir.path / "old/vacancies/a/index.html") == 2);
  CHECK(sink.unchanged() == 2);
  CHECK_FALSE(sink.keep({"vacancies/a/index.html"}));  // there already
  // One file missing from the previous output: none of them is taken.
  CHECK_FALSE(sink.keep({"vacancies/c/index.html", "vacancies/c/z.html"}));
  CHECK_FALSE(fs::exists(dir.path / "new/vacancies/c/index.html"));
  CHECK(sink.files() == 2);
  sink.write("vacancies/c/index.html", "page c, changed");  // the path is free again
  CHECK_FALSE(sink.failure());
  CHECK(test::read_file(dir.path / "new/vacancies/c/index.html") == "page c, changed");
  CHECK(sink.files() == 3);
  CHECK(sink.unchanged() == 2);
  DirSink first((dir.path / "new").string());  // no previous output: nothing to keep
  CHECK_FALSE(first.keep({"vacancies/a/index.html"}));
}

TEST_CASE("a page made from the same key is linked from the previous output only while it is as made") {
  test::TempDir dir;
  fs::create_directories(dir.path / "one");
  DirSink one((dir.path / "one").string());
  one.write_made("page/2/index.html", 7, [] { return std::string("cards 3 and 4"); });
  one.write_made("roles/ta/index.html", 8, [] { return std::string("teaching assistants"); });
  MadeFiles made = one.made();
  REQUIRE(made.size() == 2);
  CHECK(made["page/2/index.html"].key == 7);
  CHECK(made["page/2/index.html"].stamp == *output_stamp((dir.path / "one/page/2/index.html").string()));
  // Someone changed one file of that output in place.
  test::write_file(dir.path / "one/roles/ta/index.html", "changed by hand");
  fs::create_directories(dir.path / "two");
  DirSink two((dir.path / "two").string(), (dir.path / "one").string());
  two.remember(made);
  int calls = 0;
  auto make = [&](std::string bytes) {
    return [&calls, bytes] {
      ++calls;
      return bytes;
    };
  };
  two.write_made("page/2/index.html", 7, make("cards 3 and 4"));          // the same key: linked
  two.write_made("roles/ta/index.html", 8, make("teaching assistants"));  // not as made: made again
  two.write_made("page/3/index.html", 9, make("card 5"));                 // new
  CHECK(calls == 2);
  CHECK(fs::equivalent(dir.path / "two/page/2/index.html", dir.path / "one/page/2/index.html"));
  CHECK(test::read_file(dir.path / "two/roles/ta/index.html") == "teaching assistants");
  CHECK(two.made().size() == 3);
  CHECK_FALSE(two.failure());
  fs::create_directories(dir.path / "three");
  DirSink three((dir.path / "three").string(), (dir.path / "two").string());
  three.remember(two.made());
  three.write_made("page/2/index.html", 70, make("cards 3 and 5"));  // another key: made again
  CHECK(calls == 3);
  CHECK(test::read_file(dir.path / "three/page/2/index.html") == "cards 3 and 5");
}

namespace {

// Children of this process that have ended but were not waited for.
int zombie_children() {
  int n = 0;
  for (auto& e : fs::directory_iterator("/proc")) {
    std::string stat = test::read_file(e.path() / "stat");
    auto close = stat.rfind(')');
    if (close == std::string::npos || close + 4 >= stat.size()) continue;
    std::istringstream rest(stat.substr(close + 2));
    char state = 0;
    long parent = 0;
    rest >> state >> parent;
    n += state == 'Z' && parent == ::getpid();
  }
  return n;
}

}  // namespace

TEST_CASE("builds in one process leave no ended removers behind, however many") {
  test::TempDir dir;
  test::write_minimal_site(dir.path);
  BuildRequest request;
  request.site = dir.str();
  request.cache = true;
  for (int i = 0; i < 8; ++i) {
    test::write_file(dir.path / "content/vacancies/ta.md",
                     test::read_file(dir.path / "content/vacancies/ta.md") + "More.\n");
    REQUIRE(build_site(request).ok);
    usleep(20000);  // each build's remover ends once the build lets it go
  }
  CHECK(zombie_children() <= 2);  // the last one or two, not reaped yet
}
