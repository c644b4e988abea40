// `staffroom init` and `staffroom new school|spec|vacancy`: every starter
// passes `check`, a new site builds, and nothing is ever overwritten.
#include <doctest/doctest.h>

#include <filesystem>
#include <set>
#include <sstream>
#include <string>

#include "../test_util.h"

namespace fs = std::filesystem;

namespace {

const std::string kBin = STAFFROOM_BINARY;
std::string q(const fs::path& p) { return std::string("'").append(p.string()).append("'"); }

}  // namespace

TEST_CASE("init makes a site that checks and builds, with a draft advert") {
  test::TempDir tmp;
  auto site = tmp.path / "our-vacancies";
  std::string said;
  REQUIRE(test::run(kBin + " init " + q(site), &said) == 0);
  CHECK(said.find("staffroom serve --site") != std::string::npos);
  for (auto* f : {"content/site.yaml", "content/schools/our-school.yaml", "content/specs/teaching-assistant.yaml",
                  "content/vacancies/teaching-assistant.md", "content/pages/how-to-apply.md",
                  "content/pages/accessibility.md", "content/glossary.yaml"})
    CHECK_MESSAGE(fs::exists(site / f), f);
  CHECK(fs::is_directory(site / "content/files"));
  std::string advert = test::read_file(site / "content/vacancies/teaching-assistant.md");
  CHECK(advert.find("draft: true") != std::string::npos);
  CHECK(advert.find("school: our-school") != std::string::npos);
  CHECK(advert.find("{{") == std::string::npos);  // every placeholder filled in

  CHECK(test::run(kBin + " check --site " + q(site), &said) == 0);
  CHECK(said.find(": error:") == std::string::npos);
  // A fresh site has nothing to put right but the pages' words in [square
  // brackets], which init says to change: one warning a page.
  CHECK(test::count(said, ": warning:") == 2);
  CHECK(test::count(said, "looks like a note left to fill in") == 2);
  for (auto* page : {"content/pages/how-to-apply.md", "content/pages/accessibility.md"}) {
    std::string text = test::read_file(site / page);
    for (size_t open; (open = text.find('[')) != std::string::npos;)
      text.replace(open, text.find(']', open) + 1 - open, "Oak Trust");
    test::write_file(site / page, text);
  }
  CHECK(test::run(kBin + " check --site " + q(site), &said) == 0);
  CHECK(said.find(": warning:") == std::string::npos);
  CHECK(test::run(kBin + " build --site " + q(site), &said) == 0);
  CHECK(fs::exists(site / "public/index.html"));
  CHECK(fs::exists(site / "public/how-to-apply/index.html"));
  CHECK(!fs::exists(site / "public/vacancies/teaching-assistant"));  // a draft is not published
}

TEST_CASE("init refuses a folder that is not empty, and changes nothing in it") {
  test::TempDir tmp;
  tmp.write("mine/notes.txt", "my own file\n");
  std::string said;
  CHECK(test::run(kBin + " init " + q(tmp.path / "mine"), &said) == 1);
  CHECK(said.find("is not empty") != std::string::npos);
  CHECK(test::snapshot(tmp.path / "mine") == std::map<std::string, std::string>{{"notes.txt", "my own file\n"}});
}

TEST_CASE("new school and new spec write starters that check accepts as they are") {
  test::TempDir tmp;
  auto site = tmp.path / "site";
  REQUIRE(test::run(kBin + " init " + q(site)) == 0);
  std::string said;
  CHECK(test::run(kBin + " new school oak-primary --site " + q(site), &said) == 0);
  CHECK(test::run(kBin + " new spec midday-supervisor --site " + q(site), &said) == 0);
  CHECK(fs::exists(site / "content/schools/oak-primary.yaml"));
  CHECK(test::read_file(site / "content/specs/midday-supervisor.yaml").find("spec: midday-supervisor") !=
        std::string::npos);  // the note says how an advert uses it
  CHECK(test::run(kBin + " check --site " + q(site), &said) == 0);
  CHECK(said.find(": error:") == std::string::npos);
  // Never overwritten.
  test::write_file(site / "content/schools/oak-primary.yaml", "name: Mine\n");
  CHECK(test::run(kBin + " new school oak-primary --site " + q(site), &said) == 1);
  CHECK(said.find("already exists") != std::string::npos);
  CHECK(test::read_file(site / "content/schools/oak-primary.yaml") == "name: Mine\n");
}

TEST_CASE("a name with spaces or capitals is refused with the name to type instead") {
  test::TempDir tmp;
  std::string said;
  CHECK(test::run(kBin + " new vacancy 'Midday Supervisor' --site " + q(tmp.path), &said) == 2);
  CHECK(said.find("write: staffroom new vacancy midday-supervisor") != std::string::npos);
  CHECK(said.find("slug") == std::string::npos);
  CHECK(test::run(kBin + " new spec 'SENCo (0.6)' --site " + q(tmp.path), &said) == 2);
  CHECK(said.find("write: staffroom new spec senco-0-6") != std::string::npos);
  CHECK(test::run(kBin + " new teacher x --site " + q(tmp.path), &said) == 2);
  CHECK(said.find("'new' makes a vacancy, a school or a spec") != std::string::npos);
  CHECK(fs::is_empty(tmp.path));
}

TEST_CASE("build and check say which adverts were left out, and the preview labels them") {
  test::TempDir tmp;
  auto site = tmp.path / "site";
  REQUIRE(test::run(kBin + " init " + q(site)) == 0);
  std::string advert = test::read_file(site / "content/vacancies/teaching-assistant.md");
  std::string scheduled = advert;
  scheduled.replace(scheduled.find("draft: true"), 11, "publish: 2099-01-04T09:00");
  test::write_file(site / "content/vacancies/cook.md", scheduled);
  std::string said;
  REQUIRE(test::run(kBin + " build --site " + q(site) + " --output " + q(tmp.path / "out"), &said) == 0);
  CHECK(said.find("Built 0 vacancies") != std::string::npos);
  CHECK(said.find("1 draft not published: content/vacancies/teaching-assistant.md (draft: true)") !=
        std::string::npos);
  CHECK(said.find("Scheduled, not yet published: content/vacancies/cook.md goes live at 9am on Sunday 4 January 2099") !=
        std::string::npos);
  REQUIRE(test::run(kBin + " check --site " + q(site), &said) == 0);
  CHECK(said.find("1 draft not published: content/vacancies/teaching-assistant.md") != std::string::npos);

  // What the preview shows (a build with drafts): labelled, and not counted as open.
  REQUIRE(test::run(kBin + " build --drafts --site " + q(site) + " --output " + q(tmp.path / "preview")) == 0);
  std::string index = test::read_file(tmp.path / "preview/index.html");
  CHECK(index.find("0 open vacancies, 1 draft, 1 scheduled") != std::string::npos);
  CHECK(index.find("<strong class=\"badge\">Draft: not published</strong>") != std::string::npos);
  CHECK(index.find("<strong class=\"badge\">Scheduled: goes live at 9am on Sunday 4 January 2099</strong>") !=
        std::string::npos);
  // A published site has no such labels.
  CHECK(test::read_file(tmp.path / "out/index.html").find("class=\"badge\"") == std::string::npos);
}

// The commands init and new print, copied as they are, run on the new site,
// even when its folder's name has spaces and an apostrophe in it.
TEST_CASE("the next commands init and new print can be copied and run as written") {
  test::TempDir tmp;
  auto site = tmp.path / "St Mary's C of E Primary";
  std::string said;
  REQUIRE(test::run(kBin + " init \"" + site.string() + "\"", &said) == 0);
  REQUIRE(fs::exists(site / "content/site.yaml"));
  auto line_after = [&](const std::string& lead) {
    size_t at = said.find(lead);
    REQUIRE(at != std::string::npos);
    at += lead.size();
    return said.substr(at, said.find('\n', at) - at);
  };
  std::string serve = line_after("candidates will: ");
  REQUIRE(serve.rfind("staffroom serve --site ", 0) == 0);
  std::string check = kBin + " check" + serve.substr(std::string("staffroom serve").size());
  CHECK(test::run("cd " + q(tmp.path) + " && " + check, &said) == 0);
  CHECK(said.find("2 warnings") != std::string::npos);  // this site's, not another folder's

  REQUIRE(test::run("cd " + q(tmp.path) + " && " + kBin + " new school oak --site \"" + site.string() + "\"",
                    &said) == 0);
  std::string next = line_after("then run: ");
  REQUIRE(next.rfind("staffroom check --site ", 0) == 0);
  CHECK(test::run("cd " + q(tmp.path) + " && " + kBin + next.substr(9), &said) == 0);
  CHECK(said.find("2 schools") != std::string::npos);  // init's and the new one
}

// The notes after the values stay in one column once init or new has filled
// the values in, whatever their lengths ("Teaching Assistant", a long id).
TEST_CASE("the notes beside a starter's values stay in line once the values are filled in") {
  test::TempDir tmp;
  auto site = tmp.path / "site";
  REQUIRE(test::run(kBin + " init " + q(site)) == 0);
  REQUIRE(test::run(kBin + " new vacancy higher-level-teaching-assistant-maths --site " + q(site)) == 0);
  for (auto* file : {"teaching-assistant.md", "higher-level-teaching-assistant-maths.md"}) {
    CAPTURE(file);
    std::istringstream text(test::read_file(site / "content/vacancies" / file));
    std::set<size_t> columns;
    int notes = 0;
    for (std::string line; std::getline(text, line);) {
      size_t note = line.find("  # ");
      if (line.empty() || line[0] == ' ' || note == std::string::npos) continue;
      columns.insert(line.find_first_not_of(' ', note));
      ++notes;
    }
    CHECK(notes >= 8);
    CHECK(columns.size() == 1);
  }
}
