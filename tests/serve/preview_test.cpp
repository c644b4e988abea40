// Tests of the preview's builds (serve/preview.h) and the load cache they
// rest on (LoadCache in load/load.h): one path, the same checks as a build,
// with only the changed adverts' pages and the lists rendered again.
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <thread>

#include "load/load.h"
#include "serve/preview.h"
#include "serve_util.h"

using namespace serve_test;

namespace {

struct Preview {
  test::TempDir dir;
  std::unique_ptr<PreviewSite> site;
  std::vector<std::string> published;  // every path served anew by the last rebuild
  Preview() {
    write_site(dir.path);
    BuildOptions o;
    o.now = to_time(*parse_datetime("2026-11-20T12:00"), false);
    o.drafts = true;
    site = std::make_unique<PreviewSite>(dir.path.string(), o, true);
  }
  PreviewResult rebuild(const std::vector<std::string>& changed) {
    published.clear();
    return site->rebuild(changed, [&](auto& paths) {
      published.insert(published.end(), paths.begin(), paths.end());
    });
  }
  bool was_published(const std::string& path) const {
    return std::find(published.begin(), published.end(), path) != published.end();
  }
  std::string page(const std::string& path) const {
    auto file = site->find(path);
    return file ? *file : std::string();
  }
};

bool has_error(const PreviewResult& r, const std::string& part) {
  for (auto& d : r.diags.items)
    if (d.severity == Severity::error && contains(d.message, part)) return true;
  return false;
}

}  // namespace

TEST_CASE("preview: a saved advert renders its own pages and the lists, nothing else") {
  Preview p;
  auto first = p.rebuild({});
  REQUIRE(first.ok);
  CHECK(first.full);
  CHECK(p.was_published("*"));
  REQUIRE(p.site->preview_theme());
  CHECK(contains(p.site->preview_theme()->reload_script, "EventSource"));

  put_file(p.dir.path / "content/vacancies/ta.md", advert("Senior Teaching Assistant"));
  auto r = p.rebuild({"content/vacancies/ta.md"});
  REQUIRE(r.ok);
  CHECK_FALSE(r.full);
  CHECK(p.was_published("vacancies/ta/index.html"));
  CHECK(p.was_published("index.html"));
  CHECK_FALSE(p.was_published("vacancies/cook/index.html"));
  CHECK_FALSE(p.was_published("about/index.html"));
  CHECK(contains(p.page("vacancies/ta/index.html"), "Senior Teaching Assistant"));
  CHECK(contains(p.page("index.html"), "School Cook"));  // a card kept from before

  // A new advert whose slug another has: the build's own rule says so.
  put_file(p.dir.path / "content/vacancies/ta.markdown", advert("Another"));
  auto clash = p.rebuild({"content/vacancies/ta.markdown"});
  CHECK_FALSE(clash.ok);
  CHECK(has_error(clash, "would both be at the web address /vacancies/ta/"));
  fs::remove(p.dir.path / "content/vacancies/ta.markdown");
  auto back = p.rebuild({"content/vacancies/ta.markdown"});
  CHECK(back.ok);

  // Anything but an advert renders it all.
  put_file(p.dir.path / "content/specs/ta.yaml",
           "title: Teaching Assistant\nsections:\n  - name: Skills\n    assessed: [interview]\n"
           "    criteria:\n      - { text: Patience, level: essential }\n");
  auto spec = p.rebuild({"content/specs/ta.yaml"});
  REQUIRE(spec.ok);
  CHECK(spec.full);
  CHECK(contains(p.page("vacancies/cook/index.html"), "Patience"));
}

TEST_CASE("preview: an edit made while the site was broken is not lost") {
  Preview p;
  REQUIRE(p.rebuild({}).ok);
  put_file(p.dir.path / "content/vacancies/ta.md", "---\ntitle: [unclosed\n---\n");
  CHECK_FALSE(p.rebuild({"content/vacancies/ta.md"}).ok);
  put_file(p.dir.path / "content/vacancies/cook.md", advert("Head Cook"));
  CHECK_FALSE(p.rebuild({"content/vacancies/cook.md"}).ok);  // ta.md still broken
  put_file(p.dir.path / "content/vacancies/ta.md", advert("Teaching Assistant"));
  auto r = p.rebuild({"content/vacancies/ta.md"});
  REQUIRE(r.ok);
  CHECK(contains(p.page("vacancies/cook/index.html"), "Head Cook"));
  CHECK(p.was_published("vacancies/cook/index.html"));
}

// Every file the preview serves, by path: those made at each build, and
// each advert's own pages, made when asked for.
std::map<std::string, std::string> served(PreviewSite& site, const fs::path& root) {
  std::map<std::string, std::string> out;
  auto files = site.files();
  for (auto& path : files->paths()) out[path] = *files->at(path);
  for (auto& advert : fs::directory_iterator(root / "content/vacancies"))
    for (auto* page : {"index.html", "person-specification/index.html", "prepare/index.html",
                       "closing-date.ics"}) {
      std::string path = "vacancies/" + advert.path().stem().string() + "/" + page;
      if (auto file = site.find(path)) out[path] = *file;
    }
  return out;
}

TEST_CASE("preview: saved adverts read and checked on their own serve what a whole build does") {
  Preview p;
  REQUIRE(p.rebuild({}).ok);
  struct Step {
    std::string file, text;
    bool ok;
  };
  std::vector<Step> steps{
      {"ta.md", advert("Senior Teaching Assistant"), true},
      {"ta.md", advert("Teaching Assistant", "", "Help pupils with SEND and EHCP plans.\n"), true},
      {"cook.md", advert("School Cook").replace(advert("School Cook").find("2027-12-05T12:00"), 16,
                                                "2026-11-01T12:00"), true},  // now closed
      {"head.md", advert("Headteacher"), true},  // no longer a draft
      {"ta.md", advert("Teaching Assistant", "", "").replace(0, 4, "---\nclosing: x\n"), false},
      {"ta.md", advert("Teaching Assistant").replace(advert("Teaching Assistant").find("oak"), 3, "elm"), false},
      {"ta.md", advert("Teaching Assistant (Year 2)"), true},
      {"cook.md", advert("School Cook"), true},  // open again
  };
  for (auto& step : steps) {
    CAPTURE(step.file);
    CAPTURE(step.text);
    put_file(p.dir.path / "content/vacancies" / step.file, step.text);
    auto r = p.rebuild({"content/vacancies/" + step.file});
    CHECK(r.saved_only);
    CHECK_FALSE(r.full);
    REQUIRE(r.ok == step.ok);
    if (!r.ok) continue;
    Preview fresh;  // the same options, on a copy of the site as it is now
    fs::remove_all(fresh.dir.path / "content");
    fs::copy(p.dir.path / "content", fresh.dir.path / "content", fs::copy_options::recursive);
    REQUIRE(fresh.rebuild({}).ok);
    auto a = served(*p.site, p.dir.path), b = served(*fresh.site, fresh.dir.path);
    CHECK(b.count("vacancies/cook/prepare/index.html"));
    CHECK(a.size() == b.size());
    for (auto& [path, text] : b) {
      CAPTURE(path);
      CHECK(a[path] == text);
    }
  }
  CHECK(contains(p.page("archive/index.html"), "School Cook") == false);
  CHECK(contains(p.page("vacancies/ta/index.html"), "Teaching Assistant (Year 2)"));
}

TEST_CASE("preview: an error in a saved advert is found on its own, with its line") {
  Preview p;
  REQUIRE(p.rebuild({}).ok);
  put_file(p.dir.path / "content/vacancies/ta.md",
           advert("Teaching Assistant").replace(advert("Teaching Assistant").find("oak"), 3, "elm"));
  auto r = p.rebuild({"content/vacancies/ta.md"});
  CHECK(r.saved_only);
  REQUIRE_FALSE(r.ok);
  REQUIRE(r.diags.errors() == 1);
  CHECK(r.diags.items[0].mark.path == "content/vacancies/ta.md");
  CHECK(r.diags.items[0].mark.line == 3);
  CHECK(contains(r.diags.items[0].message, "oak"));  // the school there is, suggested
  CHECK(contains(p.page("vacancies/ta/index.html"), "Oak Primary"));  // the last good page stays
}

TEST_CASE("preview: an advert's own pages are made when first asked for") {
  Preview p;
  auto first = p.rebuild({});
  REQUIRE(first.ok);
  auto files = p.site->files();
  CHECK(files->find("index.html"));
  CHECK_FALSE(files->find("vacancies/ta/index.html"));  // not made at the build
  CHECK(contains(p.page("vacancies/ta/index.html"), "Teaching Assistant"));
  CHECK(contains(p.page("vacancies/head/index.html"), "Headteacher"));  // a draft, shown in preview
  CHECK(p.page("vacancies/nobody/index.html").empty());
  CHECK(p.page("vacancies/ta/nothing.html").empty());
}

TEST_CASE("preview: pages asked for from other threads while adverts are saved") {
  Preview p;
  REQUIRE(p.rebuild({}).ok);
  std::atomic<bool> stop{false};
  std::atomic<int> missing{0};
  std::thread reader([&] {
    while (!stop)
      for (auto* slug : {"ta", "cook"})
        if (!contains(p.page("vacancies/" + std::string(slug) + "/index.html"), "Oak Primary")) ++missing;
  });
  for (int i = 0; i < 20; ++i) {
    put_file(p.dir.path / "content/vacancies/ta.md", advert("Teaching Assistant " + std::to_string(i)));
    CHECK(p.rebuild({"content/vacancies/ta.md"}).ok);
    if (i % 5 == 0) CHECK(p.rebuild({}).ok);  // now and then everything
  }
  stop = true;
  reader.join();
  CHECK(missing == 0);
  CHECK(contains(p.page("vacancies/ta/index.html"), "Teaching Assistant 19"));
}

TEST_CASE("preview: files the build never reads need no rebuild") {
  CHECK(read_by_load("content/vacancies/ta.md"));
  CHECK(read_by_load("content/specs/ta.yaml"));
  CHECK(read_by_load("content/specs/ta.yml"));  // read to say it is not read
  CHECK(read_by_load("content/files/form.docx"));
  CHECK(read_by_load("site.yaml"));
  CHECK(read_by_load("themes/default/templates/vacancy.mustache"));
  CHECK(read_by_load("content/vacancies"));  // the folder itself
  CHECK_FALSE(read_by_load("content/vacancies/sedX1b2c3"));  // sed -i's temporary file
  CHECK_FALSE(read_by_load("content/vacancies/notes.txt"));
  CHECK_FALSE(read_by_load("content/pages/old/about.md"));  // a folder inside is not read
}

TEST_CASE("load cache: unchanged files are taken from it, changed ones read again") {
  test::TempDir dir;
  write_site(dir.path);
  LoadCache cache;
  Diagnostics d1;
  Site first = load_site(dir.path.string(), d1, &cache);
  CHECK(cache.changed.size() == 6);  // every file is new
  CHECK(cache.vacancies.size() == 3);

  Diagnostics d2;
  Site same = load_site(dir.path.string(), d2, &cache);
  CHECK(cache.changed.empty());
  CHECK(same.vacancies.size() == 3);

  // Rewritten at once with text of the same length: the stamp may not
  // change within the file system's clock tick, but the text is read again.
  std::string text = advert("Teaching Assistant");
  std::replace(text.begin(), text.end(), 'T', 'X');
  put_file(dir.path / "content/vacancies/ta.md", text);
  Diagnostics d3;
  Site edited = load_site(dir.path.string(), d3, &cache);
  CHECK(cache.changed == std::vector<std::string>{"content/vacancies/ta.md"});
  auto ta = std::find_if(edited.vacancies.begin(), edited.vacancies.end(),
                         [](auto& v) { return v.slug == "ta"; });
  REQUIRE(ta != edited.vacancies.end());
  CHECK(ta->title == "Xeaching Assistant");

  fs::remove(dir.path / "content/vacancies/cook.md");
  Diagnostics d4;
  load_site(dir.path.string(), d4, &cache);
  CHECK(cache.changed == std::vector<std::string>{"content/vacancies/cook.md"});
  CHECK(cache.vacancies.size() == 2);
}

TEST_CASE("preview: a bilingual site serves every language's pages, and a translation's edit shows") {
  test::TempDir dir;
  fs::copy(fs::path(STAFFROOM_SOURCE_DIR) / "tests/sites/bilingual", dir.path, fs::copy_options::recursive);
  BuildOptions o;
  o.now = to_time(*parse_datetime("2026-11-20T12:00"), false);
  PreviewSite site(dir.path.string(), o, true);
  auto ignore = [](auto&) {};
  REQUIRE(site.rebuild({}, ignore).ok);
  auto page = [&](const std::string& path) {
    auto file = site.find(path);
    return file ? *file : std::string();
  };
  CHECK(contains(page("vacancies/cynorthwyydd-addysgu/index.html"), "Cynorthwyydd Addysgu Lefel 2"));
  CHECK(contains(page("en/vacancies/cynorthwyydd-addysgu/index.html"), "Teaching Assistant Level 2"));
  CHECK(contains(page("en/index.html"), "lang=\"en-GB\""));

  auto translation = dir.path / "content/vacancies/cynorthwyydd-addysgu.en-GB.md";
  std::string text = test::read_file(translation);
  text.replace(text.find("Teaching Assistant Level 2"), 26, "Classroom Assistant Level 2");
  put_file(translation, text);
  auto r = site.rebuild({"content/vacancies/cynorthwyydd-addysgu.en-GB.md"}, ignore);
  REQUIRE(r.ok);
  CHECK(contains(page("en/vacancies/cynorthwyydd-addysgu/index.html"), "Classroom Assistant Level 2"));
  CHECK(contains(page("en/index.html"), "Classroom Assistant Level 2"));
  CHECK_FALSE(contains(page("vacancies/cynorthwyydd-addysgu/index.html"), "Classroom Assistant"));
}
