// validate(): the same findings with its cache as without, run after run,
// and a glossary change seen through the cache.
#include <doctest/doctest.h>

#include "../test_util.h"
#include "check/check_cache.h"
#include "check/validate.h"
#include "load/load.h"

namespace {

std::string all(const Diagnostics& d) {
  std::string out;
  for (auto& i : d.items)
    out += location(i.mark) + (i.severity == Severity::error ? ": error: " : ": warning: ") + i.message + "\n";
  return out;
}

std::string checked(const std::string& root, CheckCache* cache) {
  Diagnostics d;
  Site site = load_site(root, d);
  validate(site, d, cache);
  return all(d);
}

}  // namespace

TEST_CASE("validate with a cache finds exactly what it finds without, every time") {
  for (auto* root : {STAFFROOM_SOURCE_DIR, STAFFROOM_SOURCE_DIR "/tests/sites/awkward"}) {
    INFO(root);
    std::string plain = checked(root, nullptr);
    CHECK(plain.find("warning") != std::string::npos);  // something to compare
    CheckCache cache;
    CHECK(checked(root, &cache) == plain);
    CHECK(!cache.bodies.empty());
    CHECK(checked(root, &cache) == plain);  // now from the cache
  }
}

TEST_CASE("a glossary change reaches findings kept in the cache, and old entries are dropped") {
  test::TempDir site;
  test::write_minimal_site(site.path);
  site.write("content/vacancies/ta.md",
             test::read_file(site.path / "content/vacancies/ta.md") + "Work with the SENCo.\n");
  CheckCache cache;
  CHECK(checked(site.str(), &cache).find("the abbreviation 'SENCo' is not in content/glossary.yaml") !=
        std::string::npos);
  site.write("content/glossary.yaml", "SENCo: Special educational needs co-ordinator\n");
  CHECK(checked(site.str(), &cache).find("SENCo") == std::string::npos);
  size_t entries = cache.bodies.size();
  site.write("content/vacancies/ta.md", test::read_file(site.path / "content/vacancies/ta.md") + "More.\n");
  checked(site.str(), &cache);
  CHECK(cache.bodies.size() == entries);  // the old text's findings went
}

TEST_CASE("criteria that do not say how they are assessed: one warning a specification, each section counted") {
  test::TempDir site;
  test::write_minimal_site(site.path);
  site.write("content/specs/cook.yaml",
             "title: Cook\nsections:\n"
             "  - name: Experience\n    criteria:\n"
             "      - { text: Cooking for many, level: essential }\n"
             "      - { text: Food hygiene, level: essential }\n"
             "      - { text: Menus, level: desirable }\n"
             "  - name: Skills\n    criteria:\n"
             "      - { text: Knife skills, level: essential, assessed: [interview] }\n"
             "      - { text: Ordering, level: desirable }\n"
             "  - name: Qualities\n    assessed: [interview]\n    criteria:\n"
             "      - { text: Calm, level: essential }\n");
  std::string found = checked(site.str(), nullptr);
  INFO(found);
  // Two sections lack it: one warning for the specification, each section with its count.
  CHECK(found.find("content/specs/cook.yaml:3:5: warning: in 2 sections, criteria do not say how they "
                   "are assessed: 'Experience' (3 of 3), 'Skills' (1 of 2); add 'assessed:'") != std::string::npos);
  CHECK(found.find("Qualities") == std::string::npos);
  CHECK(test::count(found, "how it is assessed") + test::count(found, "how they are assessed") == 1);
  // One section alone: its own warning.
  site.write("content/specs/cook.yaml",
             "title: Cook\nsections:\n"
             "  - name: Experience\n    criteria:\n"
             "      - { text: Cooking for many, level: essential }\n"
             "      - { text: Menus, level: desirable }\n"
             "  - name: Qualities\n    assessed: [interview]\n    criteria:\n"
             "      - { text: Calm, level: essential }\n");
  found = checked(site.str(), nullptr);
  CHECK(found.find("content/specs/cook.yaml:3:5: warning: none of the 2 criteria in the section "
                   "'Experience' says how it is assessed: add 'assessed:' to the section") != std::string::npos);
}

TEST_CASE("an advert open for less than a week: the warning gives the first closing date that would do") {
  test::TempDir site;
  test::write_minimal_site(site.path);
  std::string advert = test::read_file(site.path / "content/vacancies/ta.md");
  auto with = [&](const std::string& posted, const std::string& closes) {
    std::string text = advert;
    text.replace(text.find("posted: 2026-11-01"), 18, "posted: " + posted);
    text.replace(text.find("closes: 2027-12-05T12:00"), 24, "closes: " + closes);
    site.write("content/vacancies/ta.md", text);
    return checked(site.str(), nullptr);
  };
  std::string found = with("2026-11-02", "2026-11-06T12:00");
  INFO(found);
  CHECK(found.find("warning: the advert closes less than 7 days after it is posted (posted: 2026-11-02): "
                   "candidates need a week or more to apply, so set closes: to 2026-11-09 or later") !=
        std::string::npos);
  // The clocks go back on 25 October 2026: still a week of days, not 7 x 24 hours from midnight.
  found = with("2026-10-20", "2026-10-25");
  CHECK(found.find("so set closes: to 2026-10-27 or later") != std::string::npos);
  // A week or more: no warning.
  found = with("2026-10-20", "2026-10-27");
  CHECK(found.find("less than 7 days") == std::string::npos);
}

TEST_CASE("a school, role or specification named as candidates read it is told the id to write instead") {
  test::TempDir site;
  test::write_minimal_site(site.path);
  std::string settings = test::read_file(site.path / "content/site.yaml");
  site.write("content/site.yaml", settings + "roles: { learning-support: Learning support, teaching: Teaching }\n");
  std::string advert = test::read_file(site.path / "content/vacancies/ta.md");
  for (auto [from, to] : {std::pair{"school: oak\n", "school: oak primary\n"},
                          {"role: learning-support\n", "role: Learning Support\n"},
                          {"spec: ta\n", "spec: Teaching Assistant\n"}})
    advert.replace(advert.find(from), std::string(from).size(), to);
  site.write("content/vacancies/ta.md", advert);
  std::string found = checked(site.str(), nullptr);
  INFO(found);
  CHECK(found.find("ta.md:3:9: error: 'oak primary' is the school's name, as candidates read it; here write "
                   "its id instead: school: oak\n") != std::string::npos);
  CHECK(found.find("ta.md:4:7: error: 'Learning Support' is the role's name, as candidates read it; here write "
                   "its id instead: role: learning-support\n") != std::string::npos);
  CHECK(found.find("ta.md:5:7: error: 'Teaching Assistant' is the person specification's name, as candidates "
                   "read it; here write its id instead: spec: ta\n") != std::string::npos);
  CHECK(test::count(found, ": error:") == 3);
  // A name that is no school's still gets the list and how to make one.
  advert.replace(advert.find("oak primary"), 11, "Ash Primary");
  site.write("content/vacancies/ta.md", advert);
  found = checked(site.str(), nullptr);
  CHECK(found.find("unknown school 'Ash Primary'. The schools in content/schools/ are: oak") != std::string::npos);
}

TEST_CASE("HTML in an advert: one warning a line, with the line written in Markdown where it can be") {
  test::TempDir site;
  test::write_minimal_site(site.path);
  std::string advert = test::read_file(site.path / "content/vacancies/ta.md");
  site.write("content/vacancies/ta.md",
             advert + "<b>Please note:</b> a <i>DBS</i> check.\n\nGet <a href=\"https://example.org/f.docx\">the form</a>.\n\n"
                      "<table><tr><td>Hours</td></tr></table>\n");
  std::string found = checked(site.str(), nullptr);
  INFO(found);
  CHECK(found.find("ta.md:13:1: warning: HTML is left out of the page, so this line shows as plain text: write it "
                   "in Markdown instead: **Please note:** a *DBS* check.\n") != std::string::npos);
  CHECK(found.find("ta.md:15:5: warning: HTML is left out of the page, so this line shows as plain text, without its "
                   "link: write it in Markdown instead: Get [the form](https://example.org/f.docx).\n") != std::string::npos);
  CHECK(found.find("ta.md:17:1: warning: HTML is not allowed in an advert and is left out; use Markdown\n") !=
        std::string::npos);
  CHECK(test::count(found, "HTML") == 3);
}

TEST_CASE("a link to a website without https://, or to a file as named in the content folder, is told what to write") {
  test::TempDir site;
  test::write_minimal_site(site.path);
  std::string advert = test::read_file(site.path / "content/vacancies/ta.md");
  site.write("content/vacancies/ta.md",
             advert + "See [our site](www.oak.sch.uk/jobs), [the trust](oaktrust.org.uk), [the form](files/form.docx),\n"
                      "[the pack](content/files/pack.pdf), [duties](#duties), [apply](/files/form.docx) and "
                      "[the guide](guide/).\n");
  std::string found = checked(site.str(), nullptr);
  INFO(found);
  CHECK(found.find("ta.md:13:5: error: 'www.oak.sch.uk/jobs' is read as a page of this site, not another website: "
                   "write https://www.oak.sch.uk/jobs\n") != std::string::npos);
  CHECK(found.find("error: 'oaktrust.org.uk' is read as a page of this site, not another website: write "
                   "https://oaktrust.org.uk\n") != std::string::npos);
  CHECK(found.find("error: 'files/form.docx' is looked for under this page's own address, where there is no such "
                   "file: write /files/form.docx\n") != std::string::npos);
  CHECK(found.find("write /files/pack.pdf\n") != std::string::npos);
  CHECK(test::count(found, ": error:") == 4);  // #duties, /files/form.docx and guide/ are links of this site
}

namespace fs = std::filesystem;

namespace {
// As a preview loads: with a load cache, so an unchanged specification is
// the same object from one load to the next.
std::string checked_again(const std::string& root, LoadCache& loads, CheckCache& cache) {
  Diagnostics d;
  Site site = load_site(root, d, &loads);
  validate(site, d, &cache);
  return all(d);
}
}  // namespace

TEST_CASE("a specification's findings kept in the cache: the same as without, and a standard or glossary change reaches them") {
  test::TempDir site;
  fs::copy(fs::path(STAFFROOM_SOURCE_DIR) / "tests/sites/awkward", site.path, fs::copy_options::recursive);
  LoadCache loads;
  CheckCache cache;
  std::string plain = checked(site.str(), nullptr);
  CHECK(checked_again(site.str(), loads, cache) == plain);
  CHECK(!cache.specs.empty());
  const PersonSpec* kept = cache.specs.begin()->first;
  CHECK(checked_again(site.str(), loads, cache) == plain);  // from the cache
  CHECK(cache.specs.count(kept) == 1);

  // The unit a citation names is renamed: the unchanged specification's
  // citation is now wrong, and said so.
  auto standard = site.path / "content/standards/nos-supporting-teaching.yaml";
  std::string text = test::read_file(standard);
  text.replace(text.find("  - id: A\n"), 10, "  - id: Z\n");
  site.write("content/standards/nos-supporting-teaching.yaml", text);
  std::string after = checked_again(site.str(), loads, cache);
  CHECK(after == checked(site.str(), nullptr));
  CHECK(after.find("has no criterion 'A/1'") != std::string::npos);

  // A glossary change too.
  std::string glossary = test::read_file(site.path / "content/glossary.yaml");
  site.write("content/glossary.yaml", "");
  CHECK(checked_again(site.str(), loads, cache) == checked(site.str(), nullptr));
  site.write("content/glossary.yaml", glossary);
  CHECK(checked_again(site.str(), loads, cache) == checked(site.str(), nullptr));
}

TEST_CASE("a note left to fill in: one warning a file at the first, counting the rest, and none in a draft") {
  test::TempDir site;
  test::write_minimal_site(site.path);
  std::string advert = test::read_file(site.path / "content/vacancies/ta.md");
  site.write("content/vacancies/ta.md", advert + "You will report to insert line manager here.\n");
  site.write("content/pages/accessibility.md",
             "---\ntitle: Accessibility\n---\nThis website is run by [Our Trust].\n\n"
             "Tested on [date] by [name], as [our report](report.pdf) says.\n");
  std::string said = checked(site.str(), nullptr);
  INFO(said);
  CHECK(said.find("content/vacancies/ta.md:13:20: warning: 'insert line manager here' looks like a note left "
                  "to fill in: write the real words in its place\n") != std::string::npos);
  CHECK(said.find("content/pages/accessibility.md:4:24: warning: '[Our Trust]' looks like a note left to fill "
                  "in: write the real words in its place (and 2 more like it below)\n") != std::string::npos);
  CHECK(test::count(said, "looks like a note") == 2);
  site.write("content/vacancies/ta.md", "---\ndraft: true\n" + advert.substr(4) + "Report to insert name here.\n");
  CHECK(test::count(checked(site.str(), nullptr), "looks like a note") == 1);  // the page's alone
}
