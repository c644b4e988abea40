// Long lists in pages (per_page in site.yaml) and the search index in parts,
// through the real binary; and a short list written exactly as before.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <regex>
#include <string>

#include "../test_util.h"

namespace fs = std::filesystem;

namespace {

const std::string kBin = STAFFROOM_BINARY;

std::string q(const fs::path& p) { return "'" + p.string() + "'"; }

size_t count_of(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

// The "good" bad-site with `adverts` copies of its one advert (all open at
// the time given) and `extra` added to site.yaml.
struct Many {
  test::TempDir tmp;
  fs::path site = tmp.path / "site", out = tmp.path / "out";
  Many(int adverts, const std::string& extra) {
    fs::create_directories(site);
    fs::copy(fs::path(STAFFROOM_SOURCE_DIR) / "tests/bad-sites/good/content", site / "content",
             fs::copy_options::recursive);
    test::write_file(site / "content/site.yaml", test::read_file(site / "content/site.yaml") + extra);
    std::string advert = test::read_file(site / "content/vacancies/teacher.md");
    for (int i = 2; i <= adverts; ++i)
      test::write_file(site / ("content/vacancies/teacher-" + std::to_string(1000 + i) + ".md"), advert);
  }
  int build(std::string* said = nullptr) {
    return test::run(kBin + " build --site " + q(site) + " --output " + q(out) + " --now 2026-11-20T09:00", said);
  }
  std::string page(const std::string& path) { return test::read_file(out / path); }
};

}  // namespace

TEST_CASE("a list longer than per_page is written in pages with numbered links") {
  Many m(7, "per_page: 3\n");
  REQUIRE(m.build() == 0);
  std::string first = m.page("index.html"), second = m.page("page/2/index.html"),
              third = m.page("page/3/index.html");
  CHECK(!fs::exists(m.out / "page/4"));
  CHECK(!fs::exists(m.out / "page/1"));
  for (auto* p : {&first, &second}) CHECK(count_of(*p, "<li class=\"card") == 3);
  CHECK(count_of(third, "<li class=\"card") == 1);
  CHECK(second.find("7 open vacancies") != std::string::npos);  // the whole list's count
  CHECK(second.find("<nav class=\"pagination no-print\" aria-label=\"Pages of this list, page 2 of 3\">") !=
        std::string::npos);
  CHECK(second.find("<a href=\"/\" rel=\"prev\">") != std::string::npos);
  CHECK(second.find("<a href=\"/page/3/\" rel=\"next\">") != std::string::npos);
  CHECK(second.find("<a href=\"/page/2/\" aria-current=\"page\">") != std::string::npos);
  CHECK(first.find("rel=\"prev\"") == std::string::npos);
  CHECK(third.find("rel=\"next\"") == std::string::npos);
  CHECK(second.find("<title>Vacancies (page 2 of 3)") != std::string::npos);
  // The same on the school's and the role's pages; the sitemap has them too.
  CHECK(fs::exists(m.out / "schools/oak/page/3/index.html"));
  CHECK(fs::exists(m.out / "roles/learning-support/page/2/index.html"));
  CHECK(m.page("sitemap.xml").find("https://jobs.example.org/roles/learning-support/page/3/") != std::string::npos);
  // Every advert is on exactly one page of the index.
  std::string all = first + second + third;
  for (int i = 2; i <= 7; ++i) CHECK(count_of(all, "/vacancies/teacher-" + std::to_string(1000 + i) + "/\"") == 1);
  // The search index covers all 7, each with its card for the filters.
  std::string index = m.page("search-index.json");
  CHECK(count_of(index, "\"card_html\":") == 7);
  CHECK(index.find("\"more\":[]") != std::string::npos);
}

TEST_CASE("the archive is in pages too, and the numbered links leave a gap in a long run") {
  Many m(12, "per_page: 1\n");
  REQUIRE(test::run(kBin + " build --site " + q(m.site) + " --output " + q(m.out) + " --now 2026-12-20T09:00") == 0);
  CHECK(fs::exists(m.out / "archive/page/12/index.html"));
  std::string sixth = m.page("archive/page/6/index.html");
  CHECK(sixth.find("12 closed vacancies") != std::string::npos);
  CHECK(sixth.find("pagination-gap") != std::string::npos);
  for (auto* n : {">1</a>", ">4</a>", ">5</a>", ">6</a>", ">7</a>", ">8</a>", ">12</a>"})
    CHECK(sixth.find(n) != std::string::npos);
  CHECK(sixth.find(">3</a>") == std::string::npos);
  CHECK(sixth.find(">10</a>") == std::string::npos);
}

TEST_CASE("a large site's search index comes in parts of 100, covering every open advert once") {
  Many m(230, "");
  REQUIRE(m.build() == 0);
  CHECK(count_of(m.page("index.html"), "<li class=\"card") == 50);
  CHECK(fs::exists(m.out / "page/5/index.html"));
  CHECK(!fs::exists(m.out / "page/6"));
  std::string first = m.page("search-index.json");
  CHECK(first.find("\"glossary\":") != std::string::npos);
  CHECK(first.find("\"more\":[\"/search-index-2.json\",\"/search-index-3.json\"]") != std::string::npos);
  std::string all = first + m.page("search-index-2.json") + m.page("search-index-3.json");
  CHECK(!fs::exists(m.out / "search-index-4.json"));
  CHECK(count_of(first, "\"card_html\":") == 100);
  // The filters' choices, before the other parts are fetched: the one school, role and pattern set.
  CHECK(first.find("\"facets\":[{\"school_id\":\"oak\",\"school\":\"Oak Primary School\",\"role\":\"learning-support\"") !=
        std::string::npos);
  CHECK(count_of(first, "\"school_id\":\"oak\"") == 101);  // 100 entries and one facet
  CHECK(count_of(all, "\"card_html\":") == 230);
  CHECK(count_of(all, "\"url\":\"/vacancies/teacher-1230/\"") == 1);
  CHECK(count_of(all, "\"url\":\"/vacancies/teacher/\"") == 1);
}

TEST_CASE("a list that fits on one page has no page links and the search index as before") {
  Many m(3, "");
  REQUIRE(m.build() == 0);
  CHECK(!fs::exists(m.out / "page"));
  CHECK(m.page("index.html").find("pagination") == std::string::npos);
  std::string index = m.page("search-index.json");
  CHECK(index.find("card_html") == std::string::npos);
  CHECK(index.find("\"more\"") == std::string::npos);
}

TEST_CASE("per_page must be a whole number from 1 to 1000") {
  for (auto* bad : {"per_page: 0\n", "per_page: 2.5\n", "per_page: 5000\n", "per_page: many\n"}) {
    INFO(bad);
    Many m(1, bad);
    std::string said;
    CHECK(m.build(&said) == 1);
    CHECK(said.find("site.yaml:4:11: error: ") != std::string::npos);
    CHECK(said.find("per_page") != std::string::npos);
  }
}

TEST_CASE("with the cache, an edit makes again only the part of the search index and the page the advert is on") {
  Many m(230, "");
  REQUIRE(m.build() == 0);  // and the cache
  // A file's inode and modification time: what a deploy tool looks at.
  auto stamp = [&](const std::string& path) {
    struct stat st {};
    REQUIRE(::stat((m.out / path).c_str(), &st) == 0);
    return std::to_string(st.st_ino) + ":" + std::to_string(st.st_mtim.tv_sec) + "." +
           std::to_string(st.st_mtim.tv_nsec);
  };
  const std::vector<std::string> parts{"search-index.json", "search-index-2.json", "search-index-3.json"},
      pages{"index.html", "page/2/index.html", "page/3/index.html", "page/4/index.html", "page/5/index.html"};
  std::map<std::string, std::string> before;
  for (auto* list : {&parts, &pages})
    for (auto& f : *list) before[f] = stamp(f);
  fs::path advert = m.site / "content/vacancies/teacher-1150.md";
  std::string text = test::read_file(advert);
  text.replace(text.find("min: 20000"), 10, "min: 20500");  // its pay: its place in the lists stays
  test::write_file(advert, text);
  REQUIRE(m.build() == 0);
  auto changed = [&](const std::vector<std::string>& files) {
    return std::count_if(files.begin(), files.end(), [&](auto& f) { return before[f] != stamp(f); });
  };
  CHECK(changed(parts) == 1);
  CHECK(changed(pages) == 1);
  // What a build without the cache writes.
  fs::path plain = m.tmp.path / "plain";
  REQUIRE(test::run(kBin + " build --no-cache --site " + q(m.site) + " --output " + q(plain) +
                    " --now 2026-11-20T09:00") == 0);
  std::string all;
  for (auto* list : {&parts, &pages})
    for (auto& f : *list) {
      CHECK_MESSAGE(m.page(f) == test::read_file(plain / f), f);
      if (list == &parts) all += m.page(f);
    }
  CHECK(count_of(all, "20,500") == 1);  // in its card
}
