// The example site in content/: it builds without errors, and every
// criterion of every seed person specification is a row of its table, with
// its level and assessment in words.
#include <doctest/doctest.h>

#include <regex>

#include "pipeline/build.h"
#include "base/clock.h"
#include "load/load.h"
#include "../test_util.h"
#include "base/text.h"
#include "check/validate.h"

namespace fs = std::filesystem;

namespace {

struct Example {
  test::TempDir out;
  LoadedSite loaded;
  Diagnostics diags;
  BuildReport report;
  Example() {
    loaded = load_checked(STAFFROOM_SOURCE_DIR, diags);
    BuildRequest request;
    request.site = STAFFROOM_SOURCE_DIR;
    request.output = out.str() + "/public";
    request.options.now = to_time(*parse_datetime("2026-11-23T12:00"), false);
    report = build_site(request);
  }
  std::string page(const std::string& p) const { return test::read_file(out.path / "public" / p); }
};

const Example& example() {
  static Example e;
  return e;
}

const Vacancy* vacancy(const std::string& slug) {
  for (auto& v : example().loaded.site->vacancies)
    if (v.slug == slug) return &v;
  return nullptr;
}

size_t criteria(const Vacancy& v, const std::string& level = "") {
  size_t n = 0;
  for (auto& s : v.spec->sections)
    for (auto& c : s.criteria) n += level.empty() || c.level == level;
  return n;
}

}  // namespace

TEST_CASE("the example site has no errors and builds") {
  CHECK(example().diags.errors() == 0);
  CHECK(example().report.ok);
  CHECK(example().loaded.site->vacancies.size() == 4);
  CHECK(example().report.vacancies == 4);  // all open: closing dates a year ahead
}

TEST_CASE("the example site's warnings are few, and each is true") {
  // The 1:1 LSA's document says nothing of assessment in three sections, the
  // SENCo's in one: one warning a specification. No abbreviation warnings: none
  // in addresses, CamelCase names or plurals of listed ones.
  std::vector<std::string> warnings;
  for (auto& d : example().diags.items)
    if (d.severity == Severity::warning) warnings.push_back(location(d.mark) + ": " + d.message);
  INFO(join_words(warnings));
  CHECK(warnings.size() == 2);
  for (auto& w : warnings) CHECK(w.find("assessed") != std::string::npos);
}

TEST_CASE("every seed's criteria are transcribed, with their levels") {
  // Counts from the seeds: 000 has 23 criteria, all essential; 001 has 27
  // (6 desirable); 002 has 19 (only the NVQ3 desirable); 004 has 32 (9 desirable).
  struct Expect { const char* slug; size_t all, desirable; };
  for (auto e : {Expect{"learning-support-practitioner", 23, 0},
                 Expect{"one-to-one-learning-support-assistant", 27, 6},
                 Expect{"home-school-support-worker", 19, 1}, Expect{"senco", 32, 9}}) {
    const Vacancy* v = vacancy(e.slug);
    REQUIRE_MESSAGE(v, e.slug);
    REQUIRE(v->spec);
    CHECK_MESSAGE(criteria(*v) == e.all, e.slug);
    CHECK_MESSAGE(criteria(*v, "desirable") == e.desirable, e.slug);
  }
}

TEST_CASE("every criterion is a row header in its vacancy's table, then its level, then its assessment") {
  for (auto& v : example().loaded.site->vacancies) {
    // Abbreviation marks (and a first use's link to the glossary, with its
    // words for screen readers) are taken out so criteria can be found by their words.
    static const std::regex abbr(
        "<a class=\"abbr-link\" href=\"[^\"]*\">|<abbr title=\"[^\"]*\">|</abbr>|"
        "<span class=\"abbr-words visually-hidden\">[^<]*</span></a>");
    std::string html = std::regex_replace(example().page("vacancies/" + v.slug + "/index.html"), abbr, "");
    REQUIRE_FALSE(html.empty());
    for (auto& section : v.spec->sections) {
      CHECK(html.find(escape_html(v.title + ": " + section.name)) != std::string::npos);
      for (auto& c : section.criteria) {
        // The whole text, not a longer criterion that starts with it.
        std::string needle = escape_html(c.text);
        auto at = html.find(needle);
        while (at != std::string::npos && html[at + needle.size()] != '<') at = html.find(needle, at + 1);
        INFO(v.slug, ": ", c.text);
        REQUIRE(at != std::string::npos);
        auto row_start = html.rfind("<tr", at);
        auto header = html.rfind("scope=\"row\"", at);
        CHECK(header != std::string::npos);
        CHECK(header > row_start);
        auto row_end = html.find("</tr>", at);
        std::string row = html.substr(at, row_end - at);
        CHECK(row.find(c.level == "essential" ? "Essential" : "Desirable") != std::string::npos);
      }
    }
  }
}

TEST_CASE("the seeds' codes and glyphs become words") {
  std::string senco = example().page("vacancies/senco/index.html");
  // Seed 004 wrote "1,2,5" for application form, interview and practical exercise.
  CHECK(senco.find("Application form, interview and practical exercise") != std::string::npos);
  CHECK(senco.find("1,2") == std::string::npos);
  std::string hssw = example().page("vacancies/home-school-support-worker/index.html");
  // Seed 002's stray "(" ticks are Essential/Desirable in words.
  CHECK(hssw.find("<td>(</td>") == std::string::npos);
  CHECK(hssw.find("For peripatetic workers only") != std::string::npos);
  // Seed 000's weekly timetable is a table.
  std::string lsp = example().page("vacancies/learning-support-practitioner/index.html");
  CHECK(lsp.find("Monday, Wednesday, Thursday and Friday") != std::string::npos);
  CHECK(lsp.find("3:15pm") != std::string::npos);
  CHECK(lsp.find("5pm") != std::string::npos);
}

TEST_CASE("the National Occupational Standards are complete and cited") {
  auto& standards = example().loaded.site->standards;
  REQUIRE(standards.count("nos-learning-support"));
  auto& nos = standards.at("nos-learning-support");
  REQUIRE(nos.units.size() == 3);
  size_t pcs[] = {17, 7, 7}, kus[] = {42, 17, 10};
  for (size_t i = 0; i < 3; ++i) {
    CHECK(nos.units[i].criteria.size() == pcs[i]);
    size_t k = 0;
    for (auto& c : nos.units[i].criteria) k += c.knowledge.size();
    CHECK(k == kus[i]);
  }
  std::string page = example().page("standards/nos-learning-support/index.html");
  CHECK(page.find("id=\"a-14\"") != std::string::npos);
  CHECK(page.find("id=\"b-ku4-2\"") != std::string::npos);
  // A learning-support criterion links to the standard's anchor.
  std::string lsp = example().page("vacancies/learning-support-practitioner/index.html");
  CHECK(lsp.find("/standards/nos-learning-support/#a-") != std::string::npos);
  // And the standard lists the vacancies that cite it.
  CHECK(page.find("/vacancies/learning-support-practitioner/") != std::string::npos);
}

TEST_CASE("the index lists every open vacancy, soonest closing first") {
  std::string index = example().page("index.html");
  std::vector<std::pair<Time, std::string>> order;
  for (auto& v : example().loaded.site->vacancies) order.emplace_back(v.closes, v.slug);
  std::sort(order.begin(), order.end());
  size_t last = 0;
  for (auto& [closes, slug] : order) {
    auto at = index.find("/vacancies/" + slug + "/");
    REQUIRE_MESSAGE(at != std::string::npos, slug);
    CHECK_MESSAGE(at > last, slug);
    last = at;
  }
}
