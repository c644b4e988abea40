// Rendering: escaping, the person specification's table markup, status and
// banners, abbreviations, and a whole site built through the pipeline.
#include <doctest/doctest.h>

#include <regex>

#include "pipeline/build.h"
#include "base/clock.h"
#include "load/load.h"
#include "render/render.h"
#include "theme/theme.h"
#include "../test_util.h"
#include "check/validate.h"

namespace {

// Builds `root` into root/public at `now`; returns the report.
BuildReport build(const std::filesystem::path& root, const std::string& now = "2026-11-23T12:00",
                  bool drafts = false) {
  BuildRequest request;
  request.site = root.string();
  Diagnostics ignored;
  load_config(request.site, ignored);
  request.options.now = to_time(*parse_datetime(now), false);
  request.options.drafts = drafts;
  return build_site(request);
}

std::string page(const std::filesystem::path& root, const std::string& path) {
  return test::read_file(root / "public" / path);
}

// Adds YAML lines at the end of the minimal site's specification (ta.yaml).
void add_to_spec(const std::filesystem::path& root, const std::string& lines) {
  auto file = root / "content/specs/ta.yaml";
  test::write_file(file, test::read_file(file) + lines);
}

}  // namespace

TEST_CASE("a minimal site builds the pages a candidate needs") {
  test::TempDir dir;
  test::write_minimal_site(dir.path);
  auto report = build(dir.path);
  REQUIRE_MESSAGE(report.ok, report.diags.items.size());
  for (auto p : {"index.html", "vacancies/ta/index.html", "vacancies/ta/person-specification/index.html",
                 "vacancies/ta/prepare/index.html", "vacancies/ta/closing-date.ics", "schools/oak/index.html",
                 "archive/index.html", "404.html", "sitemap.xml", "robots.txt", "feed.xml", "feed.json",
                 "search-index.json", ".staffroom-output"})
    CHECK_MESSAGE(std::filesystem::exists(dir.path / "public" / p), p);
  std::string index = page(dir.path, "index.html");
  CHECK(index.find("href=\"/vacancies/ta/\"") != std::string::npos);
  CHECK(index.find("£20,000 to £22,000 a year") != std::string::npos);
}

TEST_CASE("the person specification is a real table per section") {
  test::TempDir dir;
  test::write_minimal_site(dir.path);
  REQUIRE(build(dir.path).ok);
  std::string html = page(dir.path, "vacancies/ta/index.html");
  CHECK(test::count(html, "<table") == 1);  // one section, one table (no timetable here)
  CHECK(html.find("<caption") != std::string::npos);
  CHECK(html.find("Teaching Assistant: Qualifications") != std::string::npos);
  CHECK(test::count(html, "scope=\"col\"") >= 3);
  // Each criterion is a row whose header cell is its text.
  auto row = html.find("scope=\"row\"");
  REQUIRE(row != std::string::npos);
  CHECK(html.find("GCSE English and maths", row) != std::string::npos);
  // Levels and methods in words, in that order after the criterion.
  auto crit = html.find("GCSE English and maths");
  auto level = html.find("Essential", crit);
  auto method = html.find("Application form and proof of qualification", crit);
  CHECK(level != std::string::npos);
  CHECK(method != std::string::npos);
  CHECK(level < method);
  CHECK(html.find("Desirable", html.find("First aid certificate")) != std::string::npos);
}

TEST_CASE("the person specification groups criteria that share a level and methods") {
  test::TempDir dir;
  test::write_minimal_site(dir.path);
  add_to_spec(dir.path, "      - { text: Speaks Welsh, level: desirable, assessed: [qualification] }\n"
                        "  - name: Experience\n    criteria:\n"
                        "      - { text: Worked with children, level: essential }\n");
  REQUIRE(build(dir.path).ok);
  std::string html = page(dir.path, "vacancies/ta/index.html");
  // Qualifications: essential [application, qualification]; then two desirable
  // [qualification], one group. Experience: one group, with no methods.
  CHECK(test::count(html, "<tbody class=\"spec-group") == 3);
  CHECK(test::count(html, "<tr class=\"spec-group-head\" aria-hidden=\"true\">") == 3);
  CHECK(test::count(html, "<tr class=\"spec-row\">") == 4);
  CHECK(html.find("How it is assessed: Application form and proof of qualification") != std::string::npos);
  CHECK(test::count(html, "How it is assessed: Proof of qualification") == 1);
  // Each row keeps its own cells (the wide table, print, screen readers)...
  CHECK(test::count(html, "<td class=\"level\">") == 4);
  // ...and what the school does not say is left empty, not "Not stated".
  CHECK(html.find("Not stated") == std::string::npos);
  CHECK(html.find("<td class=\"assessed\"></td>") != std::string::npos);
  // No ARIA roles on the table's elements: the HTML gives them (W3C Nu Html Checker).
  for (auto role : {"table", "rowgroup", "row", "cell", "columnheader", "rowheader"})
    CHECK_MESSAGE(html.find("role=\"" + std::string(role) + "\"") == std::string::npos, role);
}

TEST_CASE("a theme that names groups is given the runs, and the default theme marks them on the rows") {
  test::TempDir dir;
  test::write_minimal_site(dir.path);
  add_to_spec(dir.path, "      - { text: Speaks Welsh, level: desirable, assessed: [qualification] }\n"
                        "      - { text: Speaks French, level: desirable, assessed: [qualification] }\n");
  REQUIRE(build(dir.path).ok);
  std::string html = page(dir.path, "vacancies/ta/index.html");
  CHECK(test::count(html, "<tbody class=\"spec-group") == 2);
  CHECK(test::count(html, "</tbody>") == 2);
  test::write_file(dir.path / "themes/default/templates/person_spec.mustache",
                   "{{#sections}}{{#groups}}<p>{{level_label}}:{{#criteria}} {{text_html}};{{/criteria}}</p>"
                   "{{/groups}}{{/sections}}");
  REQUIRE(build(dir.path).ok);
  html = page(dir.path, "vacancies/ta/index.html");
  CHECK(html.find("<p>Desirable: First aid certificate; Speaks Welsh; Speaks French;</p>") != std::string::npos);
  CHECK(test::count(html, "<p>Essential:") == 1);
}

TEST_CASE("every string from YAML is escaped, and raw HTML in an advert is left out") {
  test::TempDir dir;
  test::write_minimal_site(dir.path);
  test::write_file(dir.path / "content/vacancies/ta.md",
                   "---\ntitle: \"Caretaker <script>alert(1)</script> & 'Site' \\\"Lead\\\"\"\nschool: oak\n"
                   "role: estates\nspec: ta\nposted: 2026-11-01\ncloses: 2027-12-05\n---\n"
                   "Hello <b onclick=\"x()\">bold</b>\n\n<script>alert(2)</script>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
  auto report = build(dir.path);
  REQUIRE(report.ok);
  std::string html = page(dir.path, "vacancies/ta/index.html");
  CHECK(html.find("<script>alert(1)") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp;") != std::string::npos);
  CHECK(html.find("alert(2)") == std::string::npos);
  CHECK(html.find("onclick") == std::string::npos);
  CHECK(html.find("<td>1</td>") != std::string::npos);  // GFM tables work
}

TEST_CASE("the checklist's boxes have abbreviations explained but no link in their labels") {
  test::TempDir dir;
  test::write_minimal_site(dir.path);
  test::write_file(dir.path / "content/glossary.yaml", "SEN: Special educational needs\n");
  test::write_file(dir.path / "content/specs/ta.yaml",
                   "title: TA\nsections:\n  - name: Experience\n    assessed: [interview]\n    criteria:\n"
                   "      - { text: Work with SEN pupils, level: essential }\n");
  REQUIRE(build(dir.path).ok);
  std::string vacancy = page(dir.path, "vacancies/ta/index.html");
  CHECK(test::count(vacancy, "href=\"/glossary/#sen\"") == 1);
  std::string checklist = page(dir.path, "vacancies/ta/prepare/index.html");
  auto label = checklist.find("<label class=\"checklist-criterion\"");
  REQUIRE(label != std::string::npos);
  std::string text = checklist.substr(label, checklist.find("</label>", label) - label);
  CHECK(text.find("Work with <abbr title=\"Special educational needs\">SEN</abbr> pupils") != std::string::npos);
  CHECK(text.find("<a ") == std::string::npos);
}

TEST_CASE("Unicode survives: Welsh names, curly quotes, pound signs and dashes") {
  test::TempDir dir;
  test::write_minimal_site(dir.path);
  test::write_file(dir.path / "content/schools/oak.yaml",
                   "name: Ysgol Gymraeg Llanfair – Ŵyn’s “Best” School — £\naddress: { locality: Llanfair, postcode: LD2 3AA }\n");
  REQUIRE(build(dir.path).ok);
  std::string html = page(dir.path, "vacancies/ta/index.html");
  CHECK(html.find("Ysgol Gymraeg Llanfair – Ŵyn’s “Best” School — £") != std::string::npos);
}

TEST_CASE("an abbreviation's first use on a page links to its glossary entry, and only the first") {
  test::TempDir dir;
  test::write_minimal_site(dir.path);
  test::write_file(dir.path / "content/glossary.yaml", "SEN: Special educational needs\nSENCo: SEN co-ordinator\n"
                   "EHCP: Education, Health and Care Plan\n");
  test::write_file(dir.path / "content/vacancies/ta.md",
                   "---\ntitle: TA\nschool: oak\nrole: x\nspec: ta\nposted: 2026-11-01\ncloses: 2027-12-05\n---\n"
                   "## Working with the SENCo\n\nSee the [SEN policy](https://example.org/sen).\n\n"
                   "Support SEN pupils. More SEN work with our SENCos. Write EHCPs.\n");
  REQUIRE(build(dir.path).ok);
  std::string html = page(dir.path, "vacancies/ta/index.html");
  // One link each, to an entry the glossary page has.
  CHECK(test::count(html, "<a class=\"abbr-link\" href=\"/glossary/#sen\"><abbr title=\"Special educational needs\">SEN</abbr>") == 1);
  CHECK(test::count(html, "href=\"/glossary/#senco\"") == 1);
  CHECK(html.find("(Special educational needs)</span></a> pupils. More SEN work") != std::string::npos);
  CHECK(html.find("<abbr title=\"Education, Health and Care Plan\">EHCP</abbr>") != std::string::npos);
  std::string glossary = page(dir.path, "glossary/index.html");
  CHECK(glossary.find("id=\"sen\"") != std::string::npos);
  CHECK(glossary.find("id=\"senco\"") != std::string::npos);
  // The heading and the advert's own link keep their <abbr> with no link in them.
  CHECK(html.find("Working with the <abbr title=\"SEN co-ordinator\">SENCo</abbr></h") != std::string::npos);
  CHECK(html.find("\"><abbr title=\"Special educational needs\">SEN</abbr> policy</a>") != std::string::npos);
  CHECK(test::link_depth(html) == 1);  // no link inside a link anywhere on the page
}

TEST_CASE("drafts and scheduled adverts are not built, except in preview with a banner") {
  test::TempDir dir;
  test::write_minimal_site(dir.path);
  test::write_file(dir.path / "content/vacancies/draft.md",
                   "---\ntitle: Draft job\nschool: oak\nrole: x\nspec: ta\nposted: 2026-11-01\ncloses: 2027-12-05\ndraft: true\n---\nx\n");
  test::write_file(dir.path / "content/vacancies/later.md",
                   "---\ntitle: Later job\nschool: oak\nrole: x\nspec: ta\nposted: 2026-11-01\ncloses: 2027-12-05\npublish: 2026-12-01T09:00\n---\nx\n");
  REQUIRE(build(dir.path).ok);
  CHECK_FALSE(std::filesystem::exists(dir.path / "public/vacancies/draft"));
  CHECK_FALSE(std::filesystem::exists(dir.path / "public/vacancies/later"));
  for (auto f : {"index.html", "sitemap.xml", "feed.xml", "feed.json", "search-index.json"}) {
    CHECK(page(dir.path, f).find("Draft job") == std::string::npos);
    CHECK(page(dir.path, f).find("Later job") == std::string::npos);
  }
  REQUIRE(build(dir.path, "2026-11-23T12:00", true).ok);
  CHECK(page(dir.path, "vacancies/draft/index.html").find("Draft: not published") != std::string::npos);
  CHECK(page(dir.path, "vacancies/later/index.html").find("Scheduled: goes live at 9am on Tuesday 1 December 2026") != std::string::npos);
  // Once its time comes, the scheduled advert is built like any other.
  REQUIRE(build(dir.path, "2026-12-01T09:00").ok);
  CHECK(std::filesystem::exists(dir.path / "public/vacancies/later/index.html"));
}

TEST_CASE("a closed vacancy keeps its page, says so, and leaves the lists") {
  test::TempDir dir;
  test::write_minimal_site(dir.path);
  REQUIRE(build(dir.path, "2027-12-05T12:00").ok);  // the closing moment exactly
  std::string html = page(dir.path, "vacancies/ta/index.html");
  CHECK(html.find("This vacancy has closed") != std::string::npos);
  CHECK(html.find("noindex") != std::string::npos);
  CHECK(html.find("application/ld+json") == std::string::npos);
  CHECK(page(dir.path, "index.html").find("/vacancies/ta/") == std::string::npos);
  CHECK(page(dir.path, "sitemap.xml").find("/vacancies/ta/") == std::string::npos);
  CHECK(page(dir.path, "archive/index.html").find("/vacancies/ta/") != std::string::npos);
  // A minute earlier it is open and closing soon.
  REQUIRE(build(dir.path, "2027-12-05T11:59").ok);
  html = page(dir.path, "vacancies/ta/index.html");
  CHECK(html.find("This vacancy has closed") == std::string::npos);
  CHECK(html.find("Closing soon") != std::string::npos);
  CHECK(html.find("application/ld+json") != std::string::npos);
}

TEST_CASE("the same content and --now give byte-identical output") {
  test::TempDir dir;
  test::write_minimal_site(dir.path);
  REQUIRE(build(dir.path).ok);
  std::string first;
  for (auto& e : std::filesystem::recursive_directory_iterator(dir.path / "public"))
    if (e.is_regular_file()) first += e.path().string() + "\n" + test::read_file(e.path());
  REQUIRE(build(dir.path).ok);
  std::string second;
  for (auto& e : std::filesystem::recursive_directory_iterator(dir.path / "public"))
    if (e.is_regular_file()) second += e.path().string() + "\n" + test::read_file(e.path());
  CHECK(first == second);
}

TEST_CASE("a site override replaces one template and keeps the rest") {
  test::TempDir dir;
  test::write_minimal_site(dir.path);
  test::write_file(dir.path / "themes/default/templates/not_found.mustache", "<h1>Lost? Our own 404</h1>");
  auto report = build(dir.path);
  REQUIRE(report.ok);
  CHECK(page(dir.path, "404.html").find("Lost? Our own 404") != std::string::npos);
  CHECK(page(dir.path, "index.html").find("Skip to main content") != std::string::npos);
}

TEST_CASE("a layout gets the page's HTML wherever it puts {{{content}}}, and escaped where it escapes it") {
  test::TempDir dir;
  test::write_minimal_site(dir.path);
  auto layout = dir.path / "themes/default/templates/layout.mustache";
  test::write_file(layout, "<title>{{page.title}}</title><main>{{{content}}}</main><aside>{{{content}}}</aside>");
  test::write_file(dir.path / "themes/default/templates/not_found.mustache", "<h1>Lost & found</h1>");
  REQUIRE(build(dir.path).ok);
  CHECK(page(dir.path, "404.html").find("<main><h1>Lost & found</h1></main><aside><h1>Lost & found</h1></aside>") !=
        std::string::npos);
  CHECK(page(dir.path, "404.html").find('\x01') == std::string::npos);
  test::write_file(layout, "<pre>{{content}}</pre>");  // shown as text, not as a mark
  REQUIRE(build(dir.path).ok);
  CHECK(page(dir.path, "404.html") == "<pre>&lt;h1&gt;Lost &amp; found&lt;/h1&gt;</pre>");
}

TEST_CASE("an overridden card and person specification appear wherever the theme includes them") {
  test::TempDir dir;
  test::write_minimal_site(dir.path);
  auto templates = dir.path / "themes/default/templates";
  test::write_file(templates / "vacancy_card.mustache", "<li>Our card: {{title}} at {{school_name}}</li>");
  test::write_file(templates / "person_spec.mustache",
                   "{{#sections}}<p>Our section: {{name}}</p>{{/sections}}");
  // A list written the long way, as older themes did, gets the same card.
  test::write_file(templates / "archive.mustache",
                   "<h1>{{page.title}}</h1><ul>{{#vacancies}}{{> vacancy_card}}{{/vacancies}}</ul>");
  REQUIRE(build(dir.path).ok);
  for (auto p : {"index.html", "schools/oak/index.html"})
    CHECK_MESSAGE(page(dir.path, p).find("<li>Our card: Teaching Assistant at Oak") != std::string::npos, p);
  for (auto p : {"vacancies/ta/index.html", "vacancies/ta/person-specification/index.html"})
    CHECK_MESSAGE(page(dir.path, p).find("<p>Our section: ") != std::string::npos, p);
  REQUIRE(build(dir.path, "2027-12-05T12:00").ok);  // closed: in the archive
  CHECK(page(dir.path, "archive/index.html").find("<li>Our card: Teaching Assistant at Oak") != std::string::npos);
}

TEST_CASE("a base_url with a path prefixes every link, asset and canonical URL") {
  test::TempDir dir;
  test::write_minimal_site(dir.path);
  test::write_file(dir.path / "content/files/form.docx", std::string(3000, 'x'));
  test::write_file(dir.path / "content/vacancies/ta.md",
                   "---\ntitle: TA\nschool: oak\nrole: x\nspec: ta\nposted: 2026-11-01\ncloses: 2027-12-05\n"
                   "documents: [{ title: Application form, file: files/form.docx }]\n---\nx\n");
  BuildRequest request;
  request.site = dir.str();
  request.options.base_url = "https://trust.example/jobs/";
  REQUIRE(build_site(request).ok);
  std::string html = page(dir.path, "vacancies/ta/index.html");
  std::regex local_link(R"re((href|src)="/([^"]*)")re");
  size_t links = 0;
  for (std::sregex_iterator it(html.begin(), html.end(), local_link), end; it != end; ++it, ++links)
    CHECK_MESSAGE((*it)[2].str().rfind("jobs/", 0) == 0, it->str());
  CHECK(links > 5);
  CHECK(html.find("rel=\"canonical\" href=\"https://trust.example/jobs/vacancies/ta/\"") != std::string::npos);
  CHECK(std::regex_search(html, std::regex(R"(href="/jobs/style\.[0-9a-f]{8}\.css")")));
  // A document link says its type and size.
  CHECK(html.find("DOCX, 3 KB") != std::string::npos);
  CHECK(page(dir.path, "sitemap.xml").find("<loc>https://trust.example/jobs/vacancies/ta/</loc>") != std::string::npos);
}

TEST_CASE("a vacancy's listing is made once, and one already made is kept") {
  test::TempDir dir;
  test::write_minimal_site(dir.path);
  Diagnostics d;
  LoadedSite loaded = load_checked(dir.path.string(), d);
  REQUIRE(d.errors() == 0);
  BuildOptions open;
  open.now = to_time(*parse_datetime("2026-11-23T12:00"), false);
  SiteContext ctx(*loaded.site, loaded.theme, open);
  REQUIRE(ctx.built.size() == 1);
  CHECK(ctx.listings.empty());  // made by the renderer, not the context
  add_listings(ctx);
  const Listing& made = ctx.listing(*ctx.built[0]);
  CHECK(made.status == Status::open);
  CHECK(made.card_html.view().find("<li class=\"card") != std::string::npos);
  CHECK(made.card_html.view().find("href=\"/vacancies/ta/\"") != std::string::npos);
  CHECK(made.search_entry.view().find("\"slug\":\"ta\"") != std::string::npos);
  CHECK(made.atom_entry.view().find("<entry>") != std::string::npos);
  CHECK(made.feed_item.view().find("\"url\":\"") != std::string::npos);

  ctx.listings[ctx.built[0]].card_html = "KEPT";
  add_listings(ctx);
  CHECK(ctx.listing(*ctx.built[0]).card_html == "KEPT");
  // At the closing moment the card says "Closed".
  BuildOptions closed;
  closed.now = to_time(*parse_datetime("2027-12-05T12:00"), false);
  CHECK(make_listing(ctx, *ctx.built[0]).card_html.view().find("Closed") == std::string::npos);
  SiteContext later(*loaded.site, loaded.theme, closed);
  const Listing remade = make_listing(later, *later.built[0]);
  CHECK(remade.status == Status::closed);
  CHECK(remade.card_html.view().find("Closed") != std::string::npos);
  // A closed advert is on the archive only: no feed or search entries kept.
  CHECK(remade.search_entry.empty());
  CHECK(remade.atom_entry.empty());
  CHECK(remade.feed_item.empty());
}

TEST_CASE("an advert in another language has its own words marked with lang, and only those") {
  test::TempDir dir;
  test::write_minimal_site(dir.path);
  test::write_file(dir.path / "content/vacancies/cymorth.md",
                   "---\ntitle: Cynorthwyydd Addysgu\nsummary: Swydd mewn ysgol gynradd.\nlanguage: cy\n"
                   "school: oak\nrole: learning-support\nstarts: Cyn gynted â phosibl\n"
                   "salary: { min: 20000, max: 22000 }\ncontract: permanent\nworking_pattern: [part-time]\n"
                   "posted: 2026-11-01\ncloses: 2027-12-05T12:00\n"
                   "person_specification:\n  sections:\n    - name: Sgiliau\n      assessed: [interview]\n"
                   "      criteria:\n        - { text: Siarad Cymraeg yn rhugl, level: essential }\n"
                   "---\nHelpu disgyblion i ddysgu.\n");
  REQUIRE(build(dir.path).ok);
  std::string html = page(dir.path, "vacancies/cymorth/index.html");
  for (auto marked : {"<h1 lang=\"cy\">Cynorthwyydd Addysgu</h1>",
                      "<p class=\"lead\" lang=\"cy\">Swydd mewn ysgol gynradd.</p>",
                      "<div class=\"prose\" lang=\"cy\">",
                      "<dd lang=\"cy\">Cyn gynted â phosibl</dd>",
                      "<h3 lang=\"cy\">Sgiliau</h3>",
                      "<span class=\"criterion-text\" lang=\"cy\">Siarad Cymraeg yn rhugl</span>"})
    CHECK_MESSAGE(html.find(marked) != std::string::npos, marked);
  CHECK(html.find("<html lang=\"en-GB\"") != std::string::npos);  // the page, and the theme's words
  CHECK(html.find("<h2 id=\"job-description\">Job description</h2>") != std::string::npos);
  CHECK(page(dir.path, "vacancies/cymorth/person-specification/index.html")
            .find("<span lang=\"cy\">Cynorthwyydd Addysgu</span></h1>") != std::string::npos);
  CHECK(page(dir.path, "vacancies/cymorth/prepare/index.html").find("lang=\"cy\"") != std::string::npos);
  std::string index = page(dir.path, "index.html");
  CHECK(index.find("<h3 class=\"card-title\" lang=\"cy\">") != std::string::npos);
  CHECK(index.find("<h3 class=\"card-title\"><a href=\"/vacancies/ta/\">") != std::string::npos);
  CHECK(page(dir.path, "feed.xml").find("<entry xml:lang=\"cy\">") != std::string::npos);
  CHECK(page(dir.path, "feed.json").find("\"language\":\"cy\"") != std::string::npos);
  // An advert in the site's own language needs no marking: <html> alone has lang.
  std::string plain = page(dir.path, "vacancies/ta/index.html");
  size_t langs = 0;
  for (size_t at = plain.find(" lang=\""); at != std::string::npos; at = plain.find(" lang=\"", at + 1)) ++langs;
  CHECK(langs == 1);
}

TEST_CASE("a grade that names itself is not labelled twice") {
  test::TempDir dir;
  test::write_minimal_site(dir.path);
  auto advert = dir.path / "content/vacancies/ta.md";
  std::string text = test::read_file(advert);
  test::write_file(advert, "---\ngrade: Grade 4" + text.substr(3));
  REQUIRE(build(dir.path).ok);
  std::string html = page(dir.path, "vacancies/ta/index.html");
  CHECK(html.find("Grade: Grade 4") == std::string::npos);
  CHECK(html.find(">Grade 4</span>") != std::string::npos);
  test::write_file(advert, "---\ngrade: Scale 3, SCP 5-6" + text.substr(3));
  REQUIRE(build(dir.path).ok);
  CHECK(page(dir.path, "vacancies/ta/index.html").find(">Grade: Scale 3, SCP 5-6</span>") != std::string::npos);
}
