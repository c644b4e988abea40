// The theme's words: every language's file has the English file's keys, and
// a site's own file with one missing is an error naming the key and the file.
#include <doctest/doctest.h>

#include <filesystem>
#include <regex>

#include "theme/theme_folder.h"
#include "theme/words.h"
#include "../test_util.h"

namespace fs = std::filesystem;

TEST_CASE("the default theme's Welsh words have every key of its English words, and no other") {
  Diagnostics diags;
  auto all = load_words("", {default_theme_folder()}, diags);
  CHECK(diags.errors() == 0);
  REQUIRE(all.count("cy"));
  REQUIRE(all.count("en-GB"));
  CHECK(all.at("cy")->entries.size() == all.at("en-GB")->entries.size());
  CHECK((*all.at("cy"))["facts.closing_date"] == "Dyddiad cau");
  CHECK((*all.at("cy"))["levels.essential"] == "Hanfodol");
  CHECK((*all.at("cy"))["levels.desirable"] == "Dymunol");
}

TEST_CASE("a site's words file without a key is an error at the group that should hold it") {
  test::TempDir dir;
  std::string welsh = test::read_file(fs::path(default_theme_folder()) / "i18n/cy.yaml");
  welsh = std::regex_replace(welsh, std::regex("\n  closing_date: Dyddiad cau\n"), "\n");
  dir.write("themes/default/i18n/cy.yaml", welsh);
  Diagnostics diags;
  load_words(dir.path.string(), {default_theme_folder(), (dir.path / "themes/default").string()}, diags);
  REQUIRE(diags.errors() == 1);
  auto& d = diags.items.front();
  CHECK(d.mark.path == "themes/default/i18n/cy.yaml");
  CHECK(d.mark.line > 1);
  CHECK(d.message.find("'facts.closing_date' is missing") != std::string::npos);
}

TEST_CASE("a key the theme does not have is an error at that key, with the nearest name") {
  test::TempDir dir;
  std::string welsh = test::read_file(fs::path(default_theme_folder()) / "i18n/cy.yaml");
  dir.write("themes/default/i18n/cy.yaml", welsh + "\nfacts2:\n  closing_dat: Dyddiad\n");
  Diagnostics diags;
  load_words(dir.path.string(), {default_theme_folder(), (dir.path / "themes/default").string()}, diags);
  REQUIRE(diags.errors() == 1);
  CHECK(diags.items.front().message.find("no words called 'facts2.closing_dat'") != std::string::npos);
}

TEST_CASE("words fill their placeholders and count with one and other") {
  const Words& en = default_words();
  CHECK(en.fill("pay.range", {{"low", "£1"}, {"high", "£2"}}) == "£1 to £2");
  CHECK(en.count(1, "counts.open_vacancies") == "1 open vacancy");
  CHECK(en.count(3, "counts.open_vacancies") == "3 open vacancies");
  CHECK(words_for({{"cy", std::make_shared<const Words>()}}, "cy-GB") != nullptr);
  CHECK(words_for({{"cy", std::make_shared<const Words>()}}, "en") == nullptr);
}
