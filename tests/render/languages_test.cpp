// A bilingual site's trees: Welsh at the root, English under /en/, the same
// pages in both, linked to each other, an untranslated advert's words marked.
#include <doctest/doctest.h>

#include "base/clock.h"
#include "pipeline/build.h"
#include "render/languages.h"
#include "theme/theme.h"
#include "write/memory_sink.h"
#include "../test_util.h"

namespace {

FileMap build_bilingual() {
  Diagnostics diags;
  LoadedSite loaded = load_checked(std::string(STAFFROOM_SOURCE_DIR) + "/tests/sites/bilingual", diags);
  REQUIRE(diags.errors() == 0);
  BuildOptions options;
  options.now = to_time(*parse_datetime("2026-12-01T09:00"), false);
  MemorySink sink;
  render_languages(*loaded.site, loaded.theme, options, sink);
  return sink.take();
}

}  // namespace

TEST_CASE("the default language is at the root and the other under its subtag") {
  SiteConfig config;
  config.languages = {"cy", "en-GB"};
  auto trees = language_trees(config);
  REQUIRE(trees.size() == 2);
  CHECK(trees[0].folder == "");
  CHECK(trees[1].folder == "en/");
  CHECK(language_trees(SiteConfig{}).size() == 1);
}

TEST_CASE("every page of a bilingual site is in both trees, each linking the other") {
  FileMap files = build_bilingual();
  for (auto& [path, content] : files) {
    if (path.rfind("en/", 0) == 0 || path.size() < 5 || path.substr(path.size() - 5) != ".html") continue;
    INFO(path);
    REQUIRE(files.count("en/" + path));
    CHECK(content->find("<html lang=\"cy\">") != std::string::npos);
    CHECK(files.at("en/" + path)->find("<html lang=\"en-GB\">") != std::string::npos);
    CHECK(content->find("hreflang=\"en-GB\"") != std::string::npos);
  }
  const std::string& page = *files.at("vacancies/cynorthwyydd-addysgu/index.html");
  CHECK(page.find("Dyddiad cau") != std::string::npos);
  CHECK(page.find("Mae&apos;r Gymraeg yn hanfodol") != std::string::npos);
  CHECK(page.find("<a href=\"/en/vacancies/cynorthwyydd-addysgu/\" lang=\"en-GB\" hreflang=\"en-GB\">English</a>") !=
        std::string::npos);
  const std::string& english = *files.at("en/vacancies/cynorthwyydd-addysgu/index.html");
  CHECK(english.find("<h1>Teaching Assistant Level 2</h1>") != std::string::npos);
  CHECK(english.find("Closing date") != std::string::npos);
  CHECK(english.find("Welsh is essential") != std::string::npos);
}

TEST_CASE("an advert without a translation keeps its words, marked with their language") {
  FileMap files = build_bilingual();
  const std::string& page = *files.at("en/vacancies/glanhawr/index.html");
  CHECK(page.find("<h1 lang=\"cy\">Glanhawr</h1>") != std::string::npos);
  CHECK(page.find("published in one language only") != std::string::npos);
  CHECK(files.at("en/index.html")->find("lang=\"cy\"><a href=\"/en/vacancies/glanhawr/\">") != std::string::npos);
}

TEST_CASE("the sitemap lists each page in both languages with xhtml:link alternates, once, at the root") {
  FileMap files = build_bilingual();
  CHECK_FALSE(files.count("en/sitemap.xml"));
  const std::string& sitemap = *files.at("sitemap.xml");
  CHECK(sitemap.find("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\"") != std::string::npos);
  CHECK(sitemap.find("<loc>https://swyddi.dyffryn-ogwen-example.cymru/en/vacancies/glanhawr/</loc>") != std::string::npos);
  CHECK(sitemap.find("<xhtml:link rel=\"alternate\" hreflang=\"cy\" "
                     "href=\"https://swyddi.dyffryn-ogwen-example.cymru/vacancies/glanhawr/\"/>") != std::string::npos);
  // Feeds and search index per language
  CHECK(files.at("en/feed.xml")->find("xml:lang=\"en-GB\"") != std::string::npos);
  CHECK(files.at("feed.xml")->find("xml:lang=\"cy\"") != std::string::npos);
  CHECK(files.at("en/search-index.json")->find("Teaching Assistant Level 2") != std::string::npos);
}
