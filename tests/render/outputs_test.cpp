// Tests of the machine-read outputs: JSON-LD, sitemap, robots, feeds, ICS, search index.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>

#include "base/clock.h"
#include "render/outputs/json_text.h"
#include "render/outputs/outputs.h"
#include "render/render.h"

namespace {

using json = nlohmann::json;

Time at(const std::string& text) {
  auto t = parse_datetime(text);
  REQUIRE(t.has_value());
  return to_time(*t, false);
}

// One school with a full address and one open vacancy with everything set.
Site make_site() {
  REQUIRE(set_timezone("Europe/London"));
  Site site;
  site.config.title = "Westminster Jobs";
  site.config.base_url = "https://jobs.example.org/schools/";
  site.config.organisation_name = "Westminster Council";
  School s;
  s.id = "westminster";
  s.name = "Westminster Primary";
  s.website = "https://westminster.example.org/";
  s.address = {"1 High Street", "London", "Greater London", "SW1A 1AA", "GB"};
  site.schools[s.id] = s;

  Vacancy v;
  v.slug = "lsp";
  v.title = "Learning Support Practitioner";
  v.school = "westminster";
  v.role = "learning-support";
  v.summary = "Support pupils with SEND.";
  v.reference = "LSP-2024-11";
  v.salary = Salary{24404, 26409, "GBP", "year", "", std::nullopt, std::nullopt};
  v.contract = "fixed-term";
  v.working_pattern = {"part-time", "term-time"};
  v.posted = at("2026-11-04T00:00:00");
  v.closes = at("2026-12-05T12:00");
  v.visa_sponsorship = false;
  v.body = "## About the role\n\nYou will support pupils.\n";
  auto spec = std::make_shared<PersonSpec>();
  Section section;
  section.name = "Qualifications";
  Criterion c;
  c.text = "NVQ 3 in Childcare or equivalent";
  c.level = "essential";
  section.criteria.push_back(c);
  spec->sections.push_back(section);
  v.spec = spec;
  site.vacancies.push_back(v);
  return site;
}

BuildOptions options_at(const std::string& now) {
  BuildOptions o;
  o.now = at(now);
  return o;
}

// The JSON inside <script type="application/ld+json">...</script>.
json parse_jsonld(const std::string& html) {
  const std::string open = "<script type=\"application/ld+json\">", close = "</script>";
  REQUIRE(html.rfind(open, 0) == 0);
  REQUIRE(html.size() >= open.size() + close.size());
  REQUIRE(html.compare(html.size() - close.size(), close.size(), close) == 0);
  return json::parse(html.substr(open.size(), html.size() - open.size() - close.size()));
}

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t p = text.find(what); p != std::string::npos; p = text.find(what, p + what.size())) ++n;
  return n;
}

std::vector<std::string> crlf_lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  for (size_t p; (p = text.find("\r\n", start)) != std::string::npos; start = p + 2)
    lines.push_back(text.substr(start, p - start));
  CHECK(start == text.size());  // nothing after the last CRLF
  return lines;
}

}  // namespace

TEST_CASE("job_posting_jsonld: a JobPosting with Google's properties") {
  Site site = make_site();
  SiteContext ctx(site, nullptr, options_at("2026-11-10T09:00"));
  add_listings(ctx);
  json j = parse_jsonld(job_posting_jsonld(ctx, site.vacancies[0]));
  CHECK(j["@context"] == "https://schema.org");
  CHECK(j["@type"] == "JobPosting");
  CHECK(j["title"] == "Learning Support Practitioner");
  CHECK(j["description"].get<std::string>().find("You will support pupils.") != std::string::npos);
  CHECK(j["datePosted"] == "2026-11-04T00:00:00+00:00");
  CHECK(j["validThrough"] == "2026-12-05T12:00:00+00:00");
  CHECK(j["hiringOrganization"]["@type"] == "Organization");
  CHECK(j["hiringOrganization"]["name"] == "Westminster Primary");
  CHECK(j["hiringOrganization"]["sameAs"] == "https://westminster.example.org/");
  CHECK(j["jobLocation"]["@type"] == "Place");
  CHECK(j["jobLocation"]["address"]["@type"] == "PostalAddress");
  CHECK(j["jobLocation"]["address"]["streetAddress"] == "1 High Street");
  CHECK(j["jobLocation"]["address"]["addressLocality"] == "London");
  CHECK(j["jobLocation"]["address"]["addressRegion"] == "Greater London");
  CHECK(j["jobLocation"]["address"]["postalCode"] == "SW1A 1AA");
  CHECK(j["jobLocation"]["address"]["addressCountry"] == "GB");
  CHECK(j["employmentType"] == json::array({"PART_TIME", "TEMPORARY"}));
  CHECK(j["baseSalary"]["@type"] == "MonetaryAmount");
  CHECK(j["baseSalary"]["currency"] == "GBP");
  CHECK(j["baseSalary"]["value"]["@type"] == "QuantitativeValue");
  CHECK(j["baseSalary"]["value"]["minValue"] == 24404);
  CHECK(j["baseSalary"]["value"]["maxValue"] == 26409);
  CHECK(j["baseSalary"]["value"]["unitText"] == "YEAR");
  CHECK(j["identifier"]["@type"] == "PropertyValue");
  CHECK(j["identifier"]["name"] == "Westminster Primary");
  CHECK(j["identifier"]["value"] == "LSP-2024-11");
  CHECK(j["directApply"] == false);
  CHECK(j["url"] == "https://jobs.example.org/schools/vacancies/lsp/");
}

TEST_CASE("job_posting_jsonld: validThrough has the winter and summer UTC offsets") {
  Site site = make_site();
  site.vacancies[0].closes = at("2026-12-05T12:00");
  Vacancy summer = site.vacancies[0];
  summer.slug = "summer";
  summer.closes = at("2026-07-10T12:00");
  site.vacancies.push_back(summer);
  SiteContext ctx(site, nullptr, options_at("2026-06-01T09:00"));
  add_listings(ctx);
  CHECK(parse_jsonld(job_posting_jsonld(ctx, site.vacancies[0]))["validThrough"] ==
        "2026-12-05T12:00:00+00:00");
  CHECK(parse_jsonld(job_posting_jsonld(ctx, site.vacancies[1]))["validThrough"] ==
        "2026-07-10T12:00:00+01:00");
}

TEST_CASE("job_posting_jsonld: no value can close the script element") {
  Site site = make_site();
  const std::string evil = "</script><script>alert(1)</script>";
  site.vacancies[0].title = evil + " & more";
  site.vacancies[0].reference = "<!--";
  SiteContext ctx(site, nullptr, options_at("2026-11-10T09:00"));
  add_listings(ctx);
  std::string html = job_posting_jsonld(ctx, site.vacancies[0]);
  CHECK(html.find(evil) == std::string::npos);
  CHECK(html.find("<!--") == std::string::npos);
  CHECK(html.find(" & more") == std::string::npos);  // & as \u0026
  CHECK(count(html, "</script>") == 1);  // only the element's own end tag
  CHECK(count(html, "<") == 2);          // the element's own two tags
  CHECK(html.find("\\u003c/script\\u003e") != std::string::npos);
  json j = parse_jsonld(html);  // and the escapes read back as the title
  CHECK(j["title"] == evil + " & more");
  CHECK(j["identifier"]["value"] == "<!--");
}

TEST_CASE("job_posting_jsonld: empty for a closed vacancy") {
  Site site = make_site();
  SiteContext open(site, nullptr, options_at("2026-12-05T11:59"));
  add_listings(open);
  CHECK(job_posting_jsonld(open, site.vacancies[0]) != "");
  SiteContext closed(site, nullptr, options_at("2026-12-05T12:01"));
  add_listings(closed);
  CHECK(job_posting_jsonld(closed, site.vacancies[0]) == "");
}

TEST_CASE("job_posting_jsonld: optional properties left out or single") {
  Site site = make_site();
  Vacancy& v = site.vacancies[0];
  v.salary = Salary{};  // a salary with a note only
  v.salary->note = "Competitive";
  v.reference.clear();
  v.contract = "permanent";
  v.working_pattern = {"full-time"};
  SiteContext ctx(site, nullptr, options_at("2026-11-10T09:00"));
  add_listings(ctx);
  json j = parse_jsonld(job_posting_jsonld(ctx, v));
  CHECK_FALSE(j.contains("baseSalary"));
  CHECK_FALSE(j.contains("identifier"));
  CHECK(j["employmentType"] == "FULL_TIME");
  v.working_pattern = {"part-time"};
  CHECK(parse_jsonld(job_posting_jsonld(ctx, v))["employmentType"] == "PART_TIME");
  v.working_pattern = {"full-time", "term-time"};
  CHECK(parse_jsonld(job_posting_jsonld(ctx, v))["employmentType"] == "FULL_TIME");
  v.working_pattern = {"term-time"};
  CHECK(parse_jsonld(job_posting_jsonld(ctx, v))["employmentType"] == "PART_TIME");

  v.salary = Salary{std::nullopt, 14.5, "GBP", "hour", "", std::nullopt, std::nullopt};
  v.contract = "casual";
  v.working_pattern.clear();
  j = parse_jsonld(job_posting_jsonld(ctx, v));
  CHECK(j["baseSalary"]["value"]["value"] == 14.5);
  CHECK(j["baseSalary"]["value"]["unitText"] == "HOUR");
  CHECK(j["employmentType"] == json::array({"TEMPORARY", "PER_DIEM"}));
}

TEST_CASE("sitemap_xml and robots_txt: absolute, escaped URLs") {
  Site site = make_site();
  SiteContext ctx(site, nullptr, options_at("2026-11-10T09:00"));
  add_listings(ctx);
  std::string xml = sitemap_xml(ctx, {"", "vacancies/lsp/", "a&b/"});
  CHECK(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", 0) == 0);
  CHECK(xml.find("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">") != std::string::npos);
  CHECK(count(xml, "<url>") == 3);
  CHECK(count(xml, "</url>") == 3);
  CHECK(count(xml, "<loc>") == 3);
  CHECK(xml.find("<loc>https://jobs.example.org/schools/</loc>") != std::string::npos);
  CHECK(xml.find("<loc>https://jobs.example.org/schools/vacancies/lsp/</loc>") != std::string::npos);
  CHECK(xml.find("<loc>https://jobs.example.org/schools/a&amp;b/</loc>") != std::string::npos);
  CHECK(xml.find("a&b") == std::string::npos);
  CHECK(xml.find("</urlset>") != std::string::npos);
  CHECK(robots_txt(ctx) ==
        "User-agent: *\nAllow: /\nSitemap: https://jobs.example.org/schools/sitemap.xml\n");
}

TEST_CASE("atom_feed: one escaped entry per open vacancy") {
  Site site = make_site();
  Vacancy second = site.vacancies[0];
  second.slug = "cook";
  second.title = "Cook & <Caretaker>";
  second.posted = at("2026-11-06T09:00");
  second.closes = at("2026-12-20");
  Vacancy gone = site.vacancies[0];
  gone.slug = "gone";
  gone.closes = at("2026-11-01");
  site.vacancies.push_back(second);
  site.vacancies.push_back(gone);
  SiteContext ctx(site, nullptr, options_at("2026-11-10T09:00"));
  add_listings(ctx);
  std::string atom = atom_feed(ctx);
  CHECK(atom.find("<feed xmlns=\"http://www.w3.org/2005/Atom\"") != std::string::npos);
  CHECK(count(atom, "<entry>") == 2);
  CHECK(count(atom, "</entry>") == 2);
  CHECK(atom.find("vacancies/gone/") == std::string::npos);
  CHECK(atom.find("<id>https://jobs.example.org/schools/</id>") != std::string::npos);
  CHECK(atom.find("<title>Westminster Jobs</title>") != std::string::npos);
  CHECK(atom.find("rel=\"self\" type=\"application/atom+xml\" href=\"https://jobs.example.org/schools/feed.xml\"") != std::string::npos);
  CHECK(atom.find("rel=\"alternate\" type=\"text/html\" href=\"https://jobs.example.org/schools/\"") != std::string::npos);
  CHECK(atom.find("<id>https://jobs.example.org/schools/vacancies/cook/</id>") != std::string::npos);
  CHECK(atom.find("<updated>2026-11-06T09:00:00+00:00</updated>") != std::string::npos);  // the latest posted
  CHECK(atom.find("<title>Cook &amp; &lt;Caretaker&gt;</title>") != std::string::npos);
  CHECK(atom.find("Cook & <") == std::string::npos);
  CHECK(atom.find("<content") == std::string::npos);  // summaries only: a large trust's feed stays small
  CHECK(atom.find("12 noon on Saturday 5 December 2026") != std::string::npos);
  CHECK(atom.find("<author><name>Westminster Primary</name></author>") != std::string::npos);

  SiteContext later(site, nullptr, options_at("2027-01-01T00:00"));  // none open
  add_listings(later);
  std::string empty = atom_feed(later);
  CHECK(count(empty, "<entry>") == 0);
  CHECK(empty.find("<updated>2027-01-01T00:00:00+00:00</updated>") != std::string::npos);
}

TEST_CASE("json_feed: JSON Feed 1.1 with items") {
  Site site = make_site();
  SiteContext ctx(site, nullptr, options_at("2026-11-10T09:00"));
  add_listings(ctx);
  json f = json::parse(json_feed(ctx));
  CHECK(f["version"] == "https://jsonfeed.org/version/1.1");
  CHECK(f["title"] == "Westminster Jobs");
  CHECK(f["home_page_url"] == "https://jobs.example.org/schools/");
  CHECK(f["feed_url"] == "https://jobs.example.org/schools/feed.json");
  REQUIRE(f["items"].size() == 1);
  const json& item = f["items"][0];
  CHECK(item["id"] == "https://jobs.example.org/schools/vacancies/lsp/");
  CHECK(item["url"] == "https://jobs.example.org/schools/vacancies/lsp/");
  CHECK(item["title"] == "Learning Support Practitioner");
  CHECK(item["content_text"] == item["summary"]);
  CHECK(item["summary"].get<std::string>().find("Support pupils with SEND.") == 0);
  CHECK(item["date_published"] == "2026-11-04T00:00:00+00:00");
  CHECK(item["_staffroom"]["school"] == "Westminster Primary");
  CHECK(item["_staffroom"]["closes"] == "2026-12-05T12:00:00+00:00");

  SiteContext closed(site, nullptr, options_at("2027-01-01T00:00"));
  add_listings(closed);
  CHECK(json::parse(json_feed(closed))["items"].empty());
}

TEST_CASE("vacancy_ics: an RFC 5545 event at the closing time") {
  Site site = make_site();
  Vacancy& v = site.vacancies[0];
  v.closes = at("2026-07-10T12:00");  // 12 noon BST
  v.posted = at("2026-06-01");
  v.title = "Teacher; of English, Maths and Science\\Computing with a very long title indeed";
  SiteContext ctx(site, nullptr, options_at("2026-06-02T09:00"));
  add_listings(ctx);
  std::string ics = vacancy_ics(ctx, v);
  // CRLF everywhere: no bare LF or CR.
  for (size_t i = 0; i < ics.size(); ++i) {
    if (ics[i] == '\n') CHECK((i > 0 && ics[i - 1] == '\r'));
    if (ics[i] == '\r') CHECK((i + 1 < ics.size() && ics[i + 1] == '\n'));
  }
  auto lines = crlf_lines(ics);
  bool folded = false;
  for (auto& l : lines) {
    CHECK(l.size() <= 75);
    if (!l.empty() && l[0] == ' ') folded = true;
  }
  CHECK(folded);  // the long SUMMARY was folded
  REQUIRE(lines.size() > 2);
  CHECK(lines.front() == "BEGIN:VCALENDAR");
  CHECK(lines.back() == "END:VCALENDAR");
  // Unfold, then look at whole properties.
  std::string unfolded;
  for (auto& l : lines) unfolded += (!l.empty() && l[0] == ' ') ? l.substr(1) : "\n" + l;
  unfolded += "\n";
  for (const char* want : {"\nVERSION:2.0\n", "\nPRODID:-//Staffroom//Vacancies//EN\n",
                           "\nCALSCALE:GREGORIAN\n", "\nMETHOD:PUBLISH\n", "\nBEGIN:VEVENT\n",
                           "\nUID:lsp@jobs.example.org\n", "\nDTSTAMP:20260531T230000Z\n",
                           "\nDTSTART:20260710T103000Z\n", "\nDTEND:20260710T110000Z\n",
                           "\nURL:https://jobs.example.org/schools/vacancies/lsp/\n",
                           "\nBEGIN:VALARM\n", "\nTRIGGER:-P1D\n", "\nACTION:DISPLAY\n",
                           "\nEND:VALARM\n", "\nEND:VEVENT\n"})
    CHECK_MESSAGE(unfolded.find(want) != std::string::npos, want);
  CHECK(unfolded.find("\nSUMMARY:Closing date: Teacher\\; of English\\, Maths and Science\\\\Computing"
                      " with a very long title indeed at Westminster Primary\n") != std::string::npos);
  CHECK(unfolded.find("\nDESCRIPTION:") != std::string::npos);
  CHECK(unfolded.find("12 noon on Friday 10 July 2026.\\nhttps://jobs.example.org/schools/vacancies/lsp/") !=
        std::string::npos);
}

TEST_CASE("vacancy_ics: folding never splits a UTF-8 character") {
  Site site = make_site();
  Vacancy& v = site.vacancies[0];
  v.title.clear();
  for (int i = 0; i < 60; ++i) v.title += "\xC3\xA9\xE2\x82\xAC";  // é€, 2 + 3 octets
  SiteContext ctx(site, nullptr, options_at("2026-11-10T09:00"));
  add_listings(ctx);
  auto lines = crlf_lines(vacancy_ics(ctx, v));
  std::string summary;
  for (size_t i = 0; i < lines.size(); ++i) {
    CHECK(lines[i].size() <= 75);
    std::string body = (!lines[i].empty() && lines[i][0] == ' ') ? lines[i].substr(1) : lines[i];
    // No physical line starts or ends in the middle of a character.
    if (!body.empty()) CHECK((static_cast<unsigned char>(body[0]) & 0xC0) != 0x80);
    if (!body.empty()) {
      size_t k = body.size();
      size_t cont = 0;
      while (k > 0 && (static_cast<unsigned char>(body[k - 1]) & 0xC0) == 0x80) --k, ++cont;
      REQUIRE(k > 0);
      unsigned char lead = static_cast<unsigned char>(body[k - 1]);
      size_t need = lead < 0x80 ? 0 : lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : 1;
      CHECK(cont == need);
    }
    if (lines[i].rfind("SUMMARY:", 0) == 0) {
      summary = lines[i];
      while (i + 1 < lines.size() && !lines[i + 1].empty() && lines[i + 1][0] == ' ')
        summary += lines[++i].substr(1);
    }
  }
  CHECK(summary == "SUMMARY:Closing date: " + v.title + " at Westminster Primary");
}

TEST_CASE("job_posting_jsonld: baseSalary is the advert's salary, never the actual pay of a part-time post") {
  Site site = make_site();
  site.vacancies[0].salary->actual_min = 19100;
  site.vacancies[0].salary->actual_max = 20700;
  site.vacancies[0].hours.per_week = 30;
  site.vacancies[0].hours.paid_weeks = 39;
  SiteContext ctx(site, nullptr, options_at("2026-11-10T09:00"));
  add_listings(ctx);
  json j = parse_jsonld(job_posting_jsonld(ctx, site.vacancies[0]));
  CHECK(j["baseSalary"]["value"]["minValue"] == 24404);
  CHECK(j["baseSalary"]["value"]["maxValue"] == 26409);
  CHECK(j["baseSalary"]["value"]["unitText"] == "YEAR");
  CHECK(j["baseSalary"].dump().find("19100") == std::string::npos);
}

TEST_CASE("search_index_json: the open vacancies with their criteria") {
  Site site = make_site();
  Vacancy nospec = site.vacancies[0];
  nospec.slug = "nospec";
  nospec.spec = nullptr;
  nospec.salary.reset();
  nospec.visa_sponsorship = true;
  nospec.closes = at("2026-12-10T12:00");
  Vacancy gone = site.vacancies[0];
  gone.slug = "gone";
  gone.closes = at("2026-11-01");
  site.vacancies.push_back(nospec);
  site.vacancies.push_back(gone);
  SiteContext ctx(site, nullptr, options_at("2026-11-10T09:00"));
  add_listings(ctx);
  json whole = json::parse(search_index_json(ctx));
  json index = whole["vacancies"];
  REQUIRE(index.is_array());
  REQUIRE(index.size() == 2);  // not the closed one
  const json& a = index[0];
  CHECK(a["slug"] == "lsp");
  CHECK(a["url"] == "/schools/vacancies/lsp/");
  CHECK(a["title"] == "Learning Support Practitioner");
  CHECK(a["school"] == "Westminster Primary");
  CHECK(a["school_id"] == "westminster");
  CHECK(a["role"] == "learning-support");
  CHECK(a["role_label"] == "Learning support");
  CHECK(a["contract"] == "fixed-term");
  CHECK(a["working_pattern"] == json::array({"part-time", "term-time"}));
  CHECK(a["working_pattern_label"] == "Part time and term time only");
  CHECK(a["grade"] == "");
  CHECK(a["town"] == "London");
  CHECK(a["salary_min"] == 24404);
  CHECK(a["salary_max"] == 26409);
  CHECK(a["salary_period"] == "year");
  CHECK(a["salary_year_min"] == 24404);
  CHECK(a["salary_year_max"] == 26409);
  CHECK(a["visa_sponsorship"] == false);
  CHECK(a["posted"] == "2026-11-04");
  CHECK(a["closes"] == "2026-12-05T12:00:00+00:00");
  CHECK(a["closes_text"] == "12 noon on Saturday 5 December 2026");
  CHECK(a["summary"] == "Support pupils with SEND.");
  CHECK(a["criteria"] == json::array({"NVQ 3 in Childcare or equivalent"}));
  const json& b = index[1];
  CHECK(b["slug"] == "nospec");
  CHECK(b["salary_min"].is_null());
  CHECK(b["salary_max"].is_null());
  CHECK(b["salary_year_max"].is_null());
  CHECK(b["visa_sponsorship"] == true);
  CHECK(b["criteria"] == json::array());
  CHECK(whole["glossary"] == json::array());
}

TEST_CASE("search_index_json: the glossary, by abbreviation, without bracketed asides") {
  Site site = make_site();
  site.glossary = {{"SEN", "Special educational needs"},
                   {"INSET", "In-service training (staff training days when pupils are not in school)"},
                   {"EHCP", "Education, Health and Care Plan"}};
  SiteContext ctx(site, nullptr, options_at("2026-11-10T09:00"));
  add_listings(ctx);
  json glossary = json::parse(search_index_json(ctx))["glossary"];
  REQUIRE(glossary.size() == 3);
  CHECK(glossary[0] == json({{"abbr", "EHCP"}, {"words", "Education, Health and Care Plan"}}));
  CHECK(glossary[1] == json({{"abbr", "INSET"}, {"words", "In-service training"}}));
  CHECK(glossary[2] == json({{"abbr", "SEN"}, {"words", "Special educational needs"}}));
}

TEST_CASE("json_string writes a string as nlohmann's dump() does, and safe in a script when asked") {
  std::string every_byte;  // every ASCII byte, then non-ASCII text
  for (int c = 0; c < 128; ++c) every_byte += static_cast<char>(c);
  every_byte += "Ysgol Gymraeg Bro Ŵyr: “quotes” £30,000 – naïve 😀";
  for (std::string text : {std::string(), every_byte, std::string("<p>a & b</p>\\\"x\""),
                           std::string(40, '\n') + std::string(100, 'a')}) {
    std::string dumped = json(text).dump(-1, ' ', false, json::error_handler_t::replace);
    CHECK(json_string(text) == dumped);
    std::string safe = json_string(text, true);
    CHECK(safe == script_safe(dumped));
    CHECK(safe.find_first_of("<>&") == std::string::npos);
    CHECK(json::parse(safe).get<std::string>() == text);
  }
  // Not UTF-8: nlohmann's own replacement, not the bytes passed through.
  std::string bad = "a\xC0\x80" "b\xED\xA0\x80";
  CHECK(json_string(bad) == json(bad).dump(-1, ' ', false, json::error_handler_t::replace));
  CHECK(json_string(bad).find("\xC0") == std::string::npos);
}


TEST_CASE("with_value puts JSON text in place of a key's empty value, and only the key's") {
  nlohmann::ordered_json o;
  o["title"] = "\"criteria\":\"\"";  // the same words inside a value are escaped, so not taken
  o["criteria"] = "";
  std::string out = with_value(o.dump(), "criteria", "[\"a\",\"b\"]");
  CHECK(out == R"({"title":"\"criteria\":\"\"","criteria":["a","b"]})");
  CHECK(nlohmann::json::parse(out)["criteria"].size() == 2);
  CHECK(with_value(o.dump(), "missing", "1") == o.dump());
}
