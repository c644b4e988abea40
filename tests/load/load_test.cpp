// Unit tests of the loaders, the YAML reader, safe file reading and diagnostics printing.
#include <doctest/doctest.h>

#include "../test_util.h"
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "base/clock.h"
#include "base/diagnostics.h"
#include "base/text.h"
#include "load/load.h"
#include "load/source.h"
#include "check/validate.h"
#include "load/yaml_reader.h"

namespace {

namespace fs = std::filesystem;


// The diagnostics as compilers print them, without colour.
std::string printed(const Diagnostics& d, const std::string& root = "") {
  std::ostringstream out;
  print_diagnostics(out, d, root);
  return out.str();
}

bool has(const Diagnostics& d, const std::string& text, int line = -1, int col = -1) {
  for (auto& item : d.items)
    if (item.message.find(text) != std::string::npos && (line < 0 || item.mark.line == line) &&
        (col < 0 || item.mark.col == col))
      return true;
  return false;
}

const std::string kAdvert =
    "---\n"
    "title: Teaching assistant\n"
    "school: oak\n"
    "role: learning-support\n"
    "spec: assistant\n"
    "reference: TA-1\n"
    "salary: { min: 20000, max: 22000, period: year, note: Pro rata }\n"
    "contract: fixed-term\n"
    "working_pattern: part-time\n"
    "hours:\n"
    "  per_week: 32.5\n"
    "  schedule:\n"
    "    - { days: [Mon, Tue], start: \"08:40\", end: \"15:15\" }\n"
    "posted: 2026-11-02\n"
    "closes: 2026-12-04\n"
    "publish: 2026-11-02T09:00\n"
    "apply: { url: https://example.org/apply, email: jobs@example.org }\n"
    "documents:\n"
    "  - { title: Application form, file: files/form.docx }\n"
    "safeguarding: { check: enhanced-dbs, statement: We safeguard. }\n"
    "politically_restricted: no\n"
    "physical_requirements: lifting-and-handling\n"
    "draft: true\n"
    "---\n"
    "Body text.\n";

// What parse_vacancy says of an advert with the required keys and `lines`
// (each ending in a newline) from line 7.
Diagnostics advert_diags(const std::string& lines) {
  Diagnostics d;
  parse_vacancy("---\ntitle: TA\nschool: oak\nrole: r\nposted: 2026-11-02\ncloses: 2026-12-04\n" + lines + "---\n",
                "v.md", d);
  return d;
}

}  // namespace

TEST_CASE("parse_vacancy reads every kind of key") {
  REQUIRE(set_timezone("Europe/London"));
  Diagnostics d;
  auto v = parse_vacancy(kAdvert, "content/vacancies/ta.md", d);
  INFO(printed(d));
  REQUIRE(v);
  CHECK(d.items.empty());
  CHECK(v->slug == "ta");
  CHECK(v->title == "Teaching assistant");
  CHECK(v->spec_id == "assistant");
  REQUIRE(v->salary);
  CHECK(*v->salary->min == 20000);
  CHECK(v->salary->note == "Pro rata");
  CHECK(v->working_pattern == std::vector<std::string>{"part-time"});  // one string is a list of one
  CHECK(*v->hours.per_week == 32.5);
  REQUIRE(v->hours.schedule.size() == 1);
  CHECK(v->hours.schedule[0].days == std::vector<std::string>{"Mon", "Tue"});
  CHECK(iso8601(v->closes) == "2026-12-04T23:59:59+00:00");  // a date alone: the end of the day
  CHECK(iso8601(v->posted) == "2026-11-02T00:00:00+00:00");
  REQUIRE(v->publish);
  CHECK(iso8601(*v->publish) == "2026-11-02T09:00:00+00:00");
  CHECK(v->documents.size() == 1);
  CHECK(v->politically_restricted == false);
  CHECK(v->physical_requirements == std::vector<std::string>{"lifting-and-handling"});
  CHECK(v->draft);
  CHECK(v->body == "Body text.\n");
  CHECK(v->body_line == 25);
  // Marks are 1-based lines of the file, offset by the opening ---.
  CHECK(v->school_mark.line == 3);
  CHECK(v->school_mark.col == 9);
  CHECK(v->closes_mark.line == 15);
}

TEST_CASE("marks in front matter are file lines and 1-based columns") {
  Diagnostics d;
  parse_vacancy("---\ntitle: A\nschool: oak\nrole: r\nposted: 2026-11-02\ncloses: 2026-12-04\n"
                "  sallary: 1\n---\n",
                "v.md", d);
  // Malformed indentation: reported at its line in the file, not the YAML.
  REQUIRE(d.errors() == 1);
  CHECK(d.items[0].mark.path == "v.md");
  CHECK(d.items[0].mark.line == 7);
  Diagnostics e;
  parse_vacancy("---\ntitle: A\nschool: oak\nrole: r\nposted: 2026-11-02\ncloses: 2026-12-04\nsallary: 1\n---\n",
                "v.md", e);
  CHECK(has(e, "unknown key 'sallary' in an advert (did you mean 'salary'?)", 7, 1));
}

TEST_CASE("duplicate keys are reported with their line and column") {
  Diagnostics d;
  parse_school("name: Oak\naddress: { locality: Leeds, postcode: LS1 1AA, locality: York }\nname: Elm\n",
               "content/schools/oak.yaml", d);
  CHECK(d.errors() == 2);
  CHECK(has(d, "duplicate key 'locality'", 2, 48));
  CHECK(has(d, "duplicate key 'name'", 3, 1));
}

TEST_CASE("an unknown key suggests the nearest known one, and is not also reported missing") {
  CHECK(did_you_mean("closing", {"title", "posted", "closes"}) == "closes");
  CHECK(did_you_mean("clos", {"title", "closes"}) == "closes");
  CHECK(did_you_mean("titel", {"title", "school"}) == "title");
  CHECK(did_you_mean("shcool", {"title", "school"}) == "school");
  CHECK(did_you_mean("banana", {"title", "school"}) == "");
  CHECK(did_you_mean(std::string(100000, 't'), {"title"}) == "");
  Diagnostics d;
  parse_vacancy("---\ntitle: A\nschool: oak\nrole: r\nposted: 2026-11-02\nclosing: 2026-12-04\n---\n", "v.md", d);
  CHECK(d.errors() == 1);
  CHECK(has(d, "unknown key 'closing' in an advert (did you mean 'closes'?)", 6, 1));
}

TEST_CASE("a day that ends before it starts: the message says times are on the 24-hour clock") {
  Diagnostics d;
  parse_vacancy("---\ntitle: TA\nschool: oak\nrole: r\nposted: 2026-11-02\ncloses: 2026-12-04\n"
                "hours: { schedule: [{ days: [Mon], start: \"09:00\", end: \"03:30\" }] }\n---\n",
                "v.md", d);
  INFO(printed(d));
  CHECK(has(d, "the day ends (03:30) before it starts (09:00): times are on the 24-hour clock, "
               "so 3:30pm is \"15:30\"", 7));
}

TEST_CASE("missing keys, wrong types, bad dates and times are each reported") {
  Diagnostics d;
  auto v = parse_vacancy(
      "---\ntitle: [A, B]\nrole: r\nposted: 2026-02-30\ncloses: 2026-12-04T24:00\n"
      "hours: { per_week: lots, schedule: [{ days: [Mon, Funday], start: \"8:40\", end: \"07:00\" }] }\n"
      "salary: { min: 30000, max: 20000 }\ndraft: maybe\n---\n",
      "v.md", d);
  INFO(printed(d));
  CHECK(has(d, "'title' should be text, not a list", 2, 8));
  CHECK(has(d, "missing required key 'school'", 2, 1));
  CHECK(has(d, "'posted' is not a valid date and time: '2026-02-30'", 4, 9));
  CHECK(has(d, "'closes' is not a valid date and time: '2026-12-04T24:00'", 5, 9));
  CHECK(has(d, "'per_week' should be a number", 6));
  CHECK(has(d, "unknown day 'Funday'", 6));
  CHECK(has(d, "'start' should be a 24-hour time like \"08:40\", not '8:40'", 6));
  CHECK(has(d, "the salary minimum (30000) is above the maximum (20000): swap them", 7, 16));
  CHECK(has(d, "'draft' should be true or false", 8, 8));
  CHECK(d.errors() == 9);
}

// Pay as a Word document words it: the message gives the line to type.
TEST_CASE("a salary written as words or with pound signs and commas is told the figures to write") {
  auto errors_for = advert_diags;
  auto words = errors_for("salary: £24,000 - £26,000\n");
  CHECK(has(words, "'salary' should be figures, not words: write salary: { min: 24000, max: 26000, "
                   "currency: GBP, period: year }", 7, 9));
  CHECK(words.errors() == 1);
  CHECK(has(errors_for("salary: Grade 4 pro rata\n"),
            "'salary' should be figures, not words: write it in this shape, with your own figures", 7, 9));
  auto block = errors_for("salary:\n  min: 24,000\n  max: £26000.50\n");
  CHECK(has(block, "'min' should be the number alone, without £ or commas: write min: 24000", 8, 8));
  CHECK(has(block, "'max' should be the number alone, without £ or commas: write max: 26000.50", 9, 8));
  // Inside { } the comma ends the value: "£24" and a key "000".
  auto flow = errors_for("salary: { min: £24,000, max: 26000 }\n");
  CHECK(has(flow, "'min' should be the number alone, without £ or commas: write min: 24000", 7, 16));
  CHECK(has(flow, "a comma inside { } ends a value, so '£24,000' was cut at its comma and '000' read as a key: "
                  "write 24000, without commas", 7, 21));
  CHECK(flow.errors() == 2);
  // Text cut the same way is still reported, not passed over.
  CHECK(has(errors_for("salary: { min: 24000, note: Up to £26,000 }\n"), "'000' read as a key", 7));
  CHECK(has(errors_for("salary: { min: lots }\n"), "'min' should be a number, like 32.5", 7, 16));
}

// A person specification copied from a school's table: its words and
// letters ("Essential", "D", "Application form") are told the word to write.
TEST_CASE("a vocabulary word written as candidates read it, or as its first letter, is told the word to write") {
  Diagnostics d;
  auto spec = parse_spec("title: TA\nsections:\n  - name: Experience\n    assessed: [Application form, Interview]\n"
                         "    criteria:\n      - { text: A, level: Essential }\n      - { text: B, level: D }\n"
                         "      - { text: C, level: ✓ }\n      - { text: D, level: e }\n",
                         "content/specs/ta.yaml", d);
  INFO(printed(d));
  CHECK(has(d, "'Application form' stands for the assessment method 'application': write application", 4, 16));
  CHECK(has(d, "'Interview' stands for the assessment method 'interview': write interview", 4, 34));
  CHECK(has(d, "'Essential' stands for the level 'essential': write essential", 6, 27));
  CHECK(has(d, "'D' stands for the level 'desirable': write desirable", 7, 27));
  CHECK(has(d, "unknown level '✓'; use one of: essential, desirable", 8));
  CHECK(has(d, "'e' stands for the level 'essential': write essential", 9));
  CHECK(d.errors() == 6);
  CHECK(d.warnings() == 0);
  // In an advert: a day's full name, a contract's words; a letter two days start with is nobody's.
  Diagnostics v;
  parse_vacancy("---\ntitle: TA\nschool: oak\nrole: r\nposted: 2026-11-02\ncloses: 2026-12-04\n"
                "contract: Permanent\nhours: { schedule: [{ days: [Monday, T], start: \"09:00\", end: \"15:00\" }] }\n---\n",
                "v.md", v);
  INFO(printed(v));
  CHECK(has(v, "'Permanent' stands for the contract 'permanent': write permanent", 7, 11));
  CHECK(has(v, "'Monday' stands for the day 'Mon': write Mon", 8));
  CHECK(has(v, "unknown day 'T'", 8));
}

TEST_CASE("a number with words after it, yes or no for true or false, and an email address in words get the value to write") {
  CHECK(has(advert_diags("hours: { per_week: 32.5 hours a week }\n"), "'per_week' should be the number alone: write per_week: 32.5", 7));
  CHECK(has(advert_diags("hours: { per_week: lots }\n"), "'per_week' should be a number, like 32.5", 7));
  CHECK(has(advert_diags("draft: Yes - for now\n"), "'draft' should be true or false: write draft: true", 7, 8));
  CHECK(has(advert_diags("draft: No.\n"), "'draft' should be true or false: write draft: false", 7, 8));
  CHECK(has(advert_diags("draft: nothing\n"), "'draft' should be true or false (true for yes, false for no)", 7, 8));
  auto email = [](const std::string& value) { return advert_diags("apply: { email: \"" + value + "\" }\n"); };
  CHECK(has(email("jobs at oak dot sch dot uk"), "'jobs at oak dot sch dot uk' is not an email address: write just jobs@oak.sch.uk"));
  CHECK(has(email("mailto:jobs@oak.sch.uk"), "is not an email address: write just jobs@oak.sch.uk"));
  CHECK(has(email("Email Mrs Patel (jobs@oak.sch.uk)."), "is not an email address: write just jobs@oak.sch.uk"));
  CHECK(has(email("the school office"), "is not an email address: write one such as office@school.sch.uk"));
  CHECK(email("jobs@oak.sch.uk").errors() == 0);
}

TEST_CASE("words run together in one value are given back as a list, or the one to choose, and 'full time' as full-time") {
  auto advert = [](const std::string& line) { return advert_diags(line + "\n"); };
  auto dash = advert("working_pattern: full-time \xe2\x80\x93 term-time");
  CHECK(has(dash, "'full-time \xe2\x80\x93 term-time' names 2 working patterns: write them as a list: "
                  "working_pattern: [full-time, term-time]", 7, 18));
  CHECK(dash.errors() == 1);
  CHECK(has(advert("working_pattern: Part time and term time / job share"),
            "names 3 working patterns: write them as a list: working_pattern: [part-time, term-time, job-share]"));
  CHECK(has(advert("working_pattern: [full time]"), "'full time' stands for the working pattern 'full-time': write full-time"));
  CHECK(has(advert("working_pattern: full-time and weekends"), "unknown working pattern 'full-time and weekends'"));
  CHECK(advert("working_pattern: [full-time, term-time]").errors() == 0);
  // The same in a person specification; and a level, of which a criterion has one.
  Diagnostics d;
  parse_spec("title: TA\nsections:\n  - name: Experience\n    assessed: Application form and interview\n"
             "    criteria:\n      - { text: A, level: Essential/Desirable }\n",
             "content/specs/ta.yaml", d);
  INFO(printed(d));
  CHECK(has(d, "'Application form and interview' names 2 assessment methods: write them as a list: "
               "assessed: [application, interview]", 4, 15));
  CHECK(has(d, "'Essential/Desirable' names 2 levels, and there can be only one: write essential or desirable", 6, 27));
  CHECK(d.errors() == 2);
}

TEST_CASE("site.yaml: a web address without https:// is given back with it, and a timezone without summer time is warned") {
  test::TempDir f;
  test::write_minimal_site(f.path);
  auto load_with = [&](const std::string& settings) {
    f.write("content/site.yaml", "title: T\norganisation: { name: T, website: oak.sch.uk }\n" + settings);
    Diagnostics d;
    load_site(f.root(), d);
    return d;
  };
  Diagnostics d = load_with("base_url: www.oak.sch.uk/jobs\ntimezone: UTC\n");
  INFO(printed(d, f.root()));
  CHECK(has(d, "'oak.sch.uk' is a web address without its start: write https://oak.sch.uk", 2));
  CHECK(has(d, "'www.oak.sch.uk/jobs' is a web address without its start: write https://www.oak.sch.uk/jobs", 3, 11));
  CHECK(has(d, "the timezone UTC does not change to British Summer Time", 4, 11));
  CHECK(has(load_with("base_url: jobs page\ntimezone: GMT\n"), "'jobs page' is not a web address (https://...)", 3));
  Diagnostics fine = load_with("base_url: https://oak.sch.uk/\ntimezone: Europe/London\n");
  CHECK(!has(fine, "web address", 3));
  CHECK(!has(fine, "British Summer Time"));
}

TEST_CASE("front matter must open and close with ---") {
  Diagnostics d;
  CHECK(!parse_vacancy("title: A\n", "v.md", d));
  CHECK(has(d, "must start with a line of three dashes", 1, 1));
  Diagnostics e;
  CHECK(!parse_vacancy("---\ntitle: A\nBody\n", "v.md", e));
  CHECK(has(e, "are not closed", 1, 1));
  Diagnostics f;  // "..." closes too, and so does trailing space after ---
  auto ok = split_front_matter("---\na: 1\n---  \nbody\n", "v.md", f);
  REQUIRE(ok);
  CHECK(ok->yaml == "a: 1\n");
  CHECK(ok->body == "body\n");
  CHECK(ok->body_line == 4);
}

TEST_CASE("parse_spec: section defaults, overrides, levels, methods, empty sections") {
  Diagnostics d;
  auto spec = parse_spec(
      "title: TA\nassessment_methods: { application: Application form, interview: Interview }\n"
      "sections:\n"
      "  - name: Experience\n    assessed: application\n    criteria:\n"
      "      - { text: Working with children, level: essential, standard: [nos/A/1, nos/A/2] }\n"
      "      - { text: Office work, level: desirable, assessed: [interview], note: Any office }\n"
      "  - name: Empty\n    criteria: []\n"
      "  - name: Bad\n    criteria:\n      - { text: X, level: vital, assessed: [test] }\n",
      "content/specs/ta.yaml", d);
  REQUIRE(spec);
  CHECK(spec->id == "ta");
  REQUIRE(spec->sections.size() == 3);
  auto& c = spec->sections[0].criteria;
  REQUIRE(c.size() == 2);
  CHECK(c[0].assessed == std::vector<std::string>{"application"});  // the section's default
  CHECK(c[1].assessed == std::vector<std::string>{"interview"});    // its own
  CHECK(c[0].standards.size() == 2);
  CHECK(c[0].standard_marks[1].line == 7);
  CHECK(c[1].note == "Any office");
  CHECK(has(d, "the section 'Empty' has no criteria", 9, 5));
  CHECK(has(d, "unknown level 'vital'", 13));
  // 'test' is a default method, but this spec's own legend lacks it.
  CHECK(has(d, "unknown assessment method 'test'", 13));
  CHECK(d.errors() == 3);
}

TEST_CASE("an inline person specification is read with the advert") {
  Diagnostics d;
  auto v = parse_vacancy("---\ntitle: A\nschool: oak\nrole: r\nposted: 2026-11-02\ncloses: 2026-12-04\n"
                         "person_specification:\n  sections:\n    - name: S\n      criteria:\n"
                         "        - { text: T, level: essentail }\n---\n",
                         "v.md", d);
  REQUIRE(v);
  REQUIRE(v->spec);
  CHECK(v->spec->title == "A");
  CHECK(has(d, "unknown level 'essentail' (did you mean 'essential'?)", 11, 29));
}

TEST_CASE("parse_school and parse_standard") {
  Diagnostics d;
  auto s = parse_school("name: Oak\naddress: { street: 1 Lane, locality: Leeds, postcode: LS1 1AA }\n"
                        "phase: primary\nwebsite: javascript:alert(1)\n",
                        "content/schools/oak.yaml", d);
  REQUIRE(s);
  CHECK(s->address.country == "GB");
  CHECK(has(d, "'javascript:alert(1)' is not a web address", 4, 10));
  CHECK(d.errors() == 1);
  Diagnostics e;
  parse_school("name: Oak\n", "content/schools/oak.yaml", e);
  std::string advice = "add a line such as address: { street: 1 School Lane, locality: Leeds, postcode: LS1 1AA }";
  CHECK(has(e, "missing required key 'address': " + advice));
  Diagnostics typed;  // the line it suggests is one that works
  CHECK(parse_school("name: Oak\n" + advice.substr(advice.find("address:")) + "\n", "content/schools/oak.yaml", typed));
  CHECK(typed.errors() == 0);
  Diagnostics f;
  auto st = parse_standard("title: NOS\nunits:\n  - id: A\n    title: U\n    criteria:\n"
                           "      - { id: \"1\", text: One, knowledge: [{ id: K1, text: Know }] }\n"
                           "      - { id: \"1\", text: Again }\n",
                           "content/standards/nos.yaml", f);
  REQUIRE(st);
  CHECK(st->units[0].criteria[0].knowledge.size() == 1);
  CHECK(has(f, "the code '1' is used twice in unit A", 7));
}

TEST_CASE("text_list accepts one string or a list") {
  YamlFile file{"x.yaml", 1};
  Diagnostics d;
  auto node = parse_yaml("a: one\nb: [one, two]\nc: { x: 1 }\n", file, d);
  REQUIRE(node);
  MapReader m(*node, file, d, {"a", "b", "c"}, "a test");
  std::vector<Mark> marks;
  CHECK(m.text_list("a", &marks) == std::vector<std::string>{"one"});
  CHECK(marks[0].line == 1);
  CHECK(m.text_list("b") == std::vector<std::string>{"one", "two"});
  CHECK(m.text_list("c").empty());
  CHECK(has(d, "each item of 'c' should be text, not a set of keys", 3, 4));
}

TEST_CASE("YAML tree: kinds, marks, order, nulls and aliases as copies") {
  YamlFile file{"x.yaml", 5};
  Diagnostics d;
  auto node = parse_yaml("b: 1\na: &x [one, \"null\", ~]\nc:\nd: *x\n", file, d);
  REQUIRE(node);
  CHECK(d.items.empty());
  REQUIRE(node->is_map());
  REQUIRE(node->entries.size() == 4);
  CHECK(node->entries[0].key.text == "b");  // the file's order, not sorted
  CHECK(node->entries[1].key.text == "a");
  const YamlNode& a = node->entries[1].value;
  REQUIRE(a.is_list());
  REQUIRE(a.items.size() == 3);
  CHECK(a.items[0].text == "one");
  CHECK(a.items[1].is_scalar());  // quoted: the word, not nothing
  CHECK(a.items[1].text == "null");
  CHECK(a.items[2].is_null());
  CHECK(node->entries[2].value.is_null());  // "c:" with no value
  const YamlNode& alias = node->entries[3].value;
  REQUIRE(alias.is_list());
  CHECK(alias.items.size() == 3);
  CHECK(alias.items[0].text == "one");
  Mark m = mark_of(file, a.items[1]);  // line 2 of the text, the file's line 6
  CHECK(m.line == 6);
  CHECK(m.col == 13);  // the opening quote
  auto empty = parse_yaml("# nothing but a comment\n", file, d);
  REQUIRE(empty);
  CHECK(empty->is_null());
}

TEST_CASE("YAML: malformed, too deep, alias bombs and cycles are reported, never thrown") {
  YamlFile file{"x.yaml", 10};
  auto rejects = [&](const std::string& text, const std::string& why, int line) {
    Diagnostics d;
    auto start = std::chrono::steady_clock::now();
    CHECK(!parse_yaml(text, file, d));
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(1));
    INFO(text.substr(0, 80));
    CHECK(has(d, why, line));
  };
  rejects("a: [1, 2\n", "this is not valid YAML", -1);
  rejects("a: 1\n b: 2\n", "the indents here do not line up", 11);
  rejects("title: \"open\nb: 2\n", "opens a quote (\") that is never closed", 10);
  rejects("title: 'open\n", "opens a quote (') that is never closed", 10);
  rejects(std::string(100000, '['), "nested too deeply", 10);
  rejects("a: " + std::string(100000, '{'), "nested too deeply", 10);
  std::string block;
  for (int i = 0; i < 200; ++i) block += std::string(i, ' ') + "a:\n";
  rejects(block, "nested too deeply", 74);
  std::string dashes;
  for (int i = 0; i < 100; ++i) dashes += "- ";
  rejects(dashes + "x\n", "nested too deeply", 10);
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'j'; ++c) {
    std::string prev(1, c - 1);
    bomb += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 10; ++i) bomb += (i ? ", *" : "*") + prev;
    bomb += "]\n";
  }
  rejects(bomb, "expands too far", -1);
  rejects("a: &a [1, *a]\n", "refers to the anchor (&) that contains it", 10);
  rejects("a: *nothing\n", "this is not valid YAML", 10);
}

TEST_CASE("YAML pre-scan does not mistake ordinary text for nesting or quotes") {
  YamlFile file{"x.yaml", 1};
  std::string text =
      "title: It's the pupil's [1] [[note\n"
      "about: |\n" +
      [] {
        std::string s;
        for (int i = 0; i < 100; ++i) s += "  [[[ \"unclosed 'quote\n";
        return s;
      }() +
      "# a comment with \" and [[[[\n"
      "list: [a, 'b''s', \"c\\\"\", {d: e}]\n"
      "plain: a [b {c\n";
  Diagnostics d;
  auto node = parse_yaml(text, file, d);
  INFO(printed(d));
  REQUIRE(node);
  MapReader m(*node, file, d, {"title", "about", "list", "plain"}, "a test");
  CHECK(m.text("title") == "It's the pupil's [1] [[note");
  CHECK(m.list("list").size() == 4);
  CHECK(d.items.empty());
}

TEST_CASE("read_text_file: BOM and CRLF accepted, and invalid UTF-8, size and links refused") {
  test::TempDir f;
  f.write("bom.yaml", "\xEF\xBB\xBFname: Oak\r\nphase: primary\r\n");
  Diagnostics d;
  auto text = read_text_file(f.root(), "bom.yaml", d);
  REQUIRE(text);
  CHECK(*text == "name: Oak\nphase: primary\n");
  CHECK(d.items.empty());

  f.write("latin1.md", "---\ntitle: Caf\xe9\n---\n");
  CHECK(!read_text_file(f.root(), "latin1.md", d));
  CHECK(has(d, "not UTF-8", 2, 11));

  f.write("big.md", std::string(kMaxTextFile + 1, 'x'));
  CHECK(!read_text_file(f.root(), "big.md", d));
  CHECK(has(d, "the limit is 1024 KB", 0));

  test::TempDir outside;
  outside.write("secret.yaml", "name: secret\n");
  fs::create_symlink(outside.path / "secret.yaml", f.path / "link.yaml");
  CHECK(!read_text_file(f.root(), "link.yaml", d));
  CHECK(has(d, "a link to a place outside the site"));
  CHECK(d.errors() == 3);

  // A folder that leads outside is refused too, and a folder read from
  // before and then swapped for such a link is checked again.
  outside.write("jobs/a.md", "outside\n");
  fs::create_symlink(outside.path / "jobs", f.path / "linked");
  CHECK(!read_text_file(f.root(), "linked/a.md", d));
  CHECK(d.errors() == 4);
  f.write("jobs/a.md", "inside\n");
  CHECK(read_text_file(f.root(), "jobs/a.md", d) == std::string("inside\n"));
  fs::rename(f.path / "jobs", f.path / "jobs-was");
  fs::create_symlink(outside.path / "jobs", f.path / "jobs");
  CHECK(!read_text_file(f.root(), "jobs/a.md", d));
  CHECK(d.errors() == 5);

  CHECK(find_invalid_utf8("ok £ “quotes” Cymraeg: ŵ ŷ\n") == std::nullopt);
  CHECK(find_invalid_utf8("a\nb\xC0\x80") == std::make_pair(2, 2));   // overlong
  CHECK(find_invalid_utf8("\xED\xA0\x80") == std::make_pair(1, 1));   // a UTF-16 surrogate
  CHECK(find_invalid_utf8("ab\xE2\x82") == std::make_pair(1, 3));     // cut short
  // Past long runs of plain ASCII, read eight bytes at a time.
  std::string plain(21, 'a');
  CHECK(find_invalid_utf8(plain + "\n" + plain + "£" + plain) == std::nullopt);
  CHECK(find_invalid_utf8(plain + "\n" + plain + "\xFF" + plain) == std::make_pair(2, 22));
  CHECK(find_invalid_utf8(plain + "\n\n" + plain + "\xC2") == std::make_pair(3, 22));
}

TEST_CASE("file names must be slugs") {
  CHECK(is_slug("teaching-assistant"));
  CHECK(is_slug("ta2"));
  CHECK(!is_slug("Teaching Assistant"));
  CHECK(!is_slug("-ta"));
  CHECK(!is_slug("ta--2"));
  CHECK(!is_slug(""));
  CHECK(!is_slug("caf\xc3\xa9"));
}

TEST_CASE("check_url refuses everything but http(s) and mailto") {
  Diagnostics d;
  CHECK(check_url("https://example.org/apply", {}, d));
  CHECK(check_url("mailto:jobs@example.org", {}, d));
  CHECK(!check_url("javascript:alert(1)", {}, d));
  CHECK(!check_url("JavaScript:alert(1)", {}, d));
  CHECK(!check_url("data:text/html,<script>", {}, d));
  CHECK(!check_url("vbscript:x", {}, d));
  CHECK(!check_url("https://", {}, d));
  CHECK(d.errors() == 5);
}

TEST_CASE("diagnostics print the source line and a caret under the right column") {
  test::TempDir f;
  // Two-byte and three-byte characters before the column: the caret counts characters.
  f.write("content/vacancies/a.md", "---\ntitle: “Café” £5\tx: [\n---\n");
  Diagnostics d;
  d.error({"content/vacancies/a.md", 2, 27}, "something is wrong here");
  d.warning({"content/vacancies/a.md", 0, 0}, "about the whole file");
  CHECK(printed(d, f.root()) ==
        "content/vacancies/a.md: warning: about the whole file\n"
        "content/vacancies/a.md:2:27: error: something is wrong here\n"
        "title: “Café” £5\tx: [\n"
        "                \t   ^\n"
        "1 error, 1 warning\n");
  // A byte order mark is not a column; a byte that is not UTF-8 shows as '?'.
  f.write("b.yaml", "\xEF\xBB\xBFname: Caf\xe9!\n");
  Diagnostics e;
  e.error({"b.yaml", 1, 10}, "not UTF-8");
  CHECK(printed(e, f.root()) == "b.yaml:1:10: error: not UTF-8\nname: Caf?!\n         ^\n1 error, 0 warnings\n");
  // Sorted by file then line, whatever order they were found in.
  Diagnostics g;
  g.error({"b", 2, 1}, "two");
  g.error({"a", 9, 1}, "one");
  g.error({"b", 1, 1}, "three");
  CHECK(printed(g, "/nonexistent") == "a:9:1: error: one\nb:1:1: error: three\nb:2:1: error: two\n3 errors, 0 warnings\n");
}

TEST_CASE("load_site: a file that fails to load is not also reported as an unknown reference") {
  test::TempDir f;
  f.write("content/site.yaml", "title: Oak\n");
  f.write("content/schools/oak.yaml", "name: [broken\n");
  f.write("content/specs/ta.yaml", "title: TA\nsections:\n  - name: S\n    assessed: [interview]\n"
                                   "    criteria: [{ text: T, level: essential }]\n");
  f.write("content/vacancies/ta.md", "---\ntitle: TA\nschool: oak\nrole: r\nspec: ta\nsalary: { max: 1 }\n"
                                     "posted: 2026-11-02\ncloses: 2026-12-04\n---\n");
  f.write("content/glossary.yaml", "TA: Teaching assistant\nTA: again\n");
  Diagnostics d;
  Site site = load_site(f.root(), d);
  validate(site, d);
  INFO(printed(d, f.root()));
  CHECK(has(d, "this is not valid YAML"));
  CHECK(!has(d, "unknown school"));
  CHECK(has(d, "duplicate key 'TA'", 2, 1));
  CHECK(d.errors() == 2);
  CHECK(site.vacancies.size() == 1);
}

TEST_CASE("columns after UTF-8 text count bytes, and the caret still lands under the key") {
  test::TempDir f;
  f.write("x.yaml", "a: { b: “é”, b: 2 }\n");
  YamlFile file{"x.yaml", 1};
  Diagnostics d;
  auto node = parse_yaml("a: { b: “é”, b: 2 }\n", file, d);
  REQUIRE(node);
  MapReader m(*node, file, d, {"a"}, "a test");
  MapReader inner(m.get("a"), file, d, {"b"}, "'a'");
  REQUIRE(d.errors() == 1);
  CHECK(d.items[0].mark.col == 19);  // bytes: “ and ” are three each, é two
  CHECK(printed(d, f.root()) ==
        "x.yaml:1:19: error: duplicate key 'b': it is already given above\n"
        "a: { b: “é”, b: 2 }\n"
        "             ^\n"
        "1 error, 0 warnings\n");
}

TEST_CASE("language tags: cy, en-GB and the like pass, and words and typing slips are refused where written") {
  Diagnostics d;
  for (auto ok : {"cy", "en-GB", "cy-GB", "sr-Latn-RS", "es-419", "gd"})
    CHECK_MESSAGE(check_language(ok, {"x.md", 3, 11}, d), ok);
  CHECK(d.items.empty());
  for (auto bad : {"Welsh", "c", "cy_GB", "en-", "-cy", "en-GB-toolongsubtag", "cy GB", ""})
    CHECK_MESSAGE(!check_language(bad, {"x.md", 3, 11}, d), bad);
  CHECK(d.errors() == 8);
  CHECK(has(d, "'Welsh' is not a language tag: write one such as cy (Welsh) or en-GB", 3, 11));

  test::TempDir f;
  Diagnostics advert;
  auto v = parse_vacancy("---\ntitle: T\nschool: oak\nrole: r\nlanguage: Cymraeg\nposted: 2026-11-01\n"
                         "closes: 2026-12-01\n---\n",
                         "content/vacancies/t.md", advert);
  CHECK(has(advert, "'Cymraeg' is not a language tag", 5, 11));
}

TEST_CASE("a load that lends its adverts to the site gets them back as they were loaded") {
  test::TempDir dir;
  test::write_minimal_site(dir.path);
  // Written well before they are read: the second load takes them from the cache unread.
  for (auto& e : fs::recursive_directory_iterator(dir.path))
    if (e.is_regular_file())
      fs::last_write_time(e.path(), fs::file_time_type::clock::now() - std::chrono::hours(1));
  LoadCache cache;
  Diagnostics d;
  Site first = load_site(dir.root(), d, &cache);
  REQUIRE(first.vacancies.size() == 1);
  REQUIRE(cache.vacancies.begin()->second.value);  // a preview's load keeps its copy

  cache.lend_vacancies = true;
  Site lent = load_site(dir.root(), d, &cache);
  REQUIRE(lent.vacancies.size() == 1);
  CHECK(!cache.vacancies.begin()->second.value);  // the site's now, not copied
  CHECK(lent.vacancies[0].title == "Teaching Assistant");
  CHECK(lent.vacancies[0].body == first.vacancies[0].body);
  validate(lent, d);
  REQUIRE(d.errors() == 0);
  CHECK(lent.vacancies[0].spec != nullptr);  // validate found its `spec: ta`

  give_back_vacancies(lent, cache);
  CHECK(lent.vacancies.empty());
  auto& back = cache.vacancies.begin()->second.value;
  REQUIRE(back);
  CHECK(back->title == "Teaching Assistant");
  CHECK(back->body == first.vacancies[0].body);
  CHECK(back->spec == nullptr);  // as parse_vacancy left it: the cache never holds the site's spec
  Site again = load_site(dir.root(), d, &cache);
  REQUIRE(again.vacancies.size() == 1);
  CHECK(again.vacancies[0].summary == first.vacancies[0].summary);
}

TEST_CASE("the first load into an empty cache lends its adverts too, not copies of them") {
  // An empty cache has no timezone, so the load starts it afresh: the
  // caller's choice to lend stayed behind once, and a first build with the
  // cache held every advert twice (a gigabyte more at 100,000 adverts).
  test::TempDir dir;
  test::write_minimal_site(dir.path);
  LoadCache cache;
  cache.lend_vacancies = true;
  Diagnostics d;
  Site site = load_site(dir.root(), d, &cache);
  REQUIRE(site.vacancies.size() == 1);
  CHECK(cache.lend_vacancies);
  REQUIRE(cache.vacancies.size() == 1);
  CHECK(!cache.vacancies.begin()->second.value);  // the site's, not copied
  give_back_vacancies(site, cache);
  REQUIRE(cache.vacancies.begin()->second.value);
  CHECK(cache.vacancies.begin()->second.value->title == "Teaching Assistant");
}

TEST_CASE("a file name is a web address's: lower-case letters, digits and hyphens, and one ending") {
  auto fine = [](const std::string& path) {
    Diagnostics d;
    bool ok = check_file_name(path, d);
    CHECK(ok == (d.errors() == 0));
    return ok;
  };
  CHECK(fine("content/vacancies/teaching-assistant-2.md"));
  CHECK(fine("content/specs/ta.yaml"));
  CHECK(fine("ta.md"));
  CHECK_FALSE(fine("content/vacancies/Teaching Assistant.md"));
  CHECK_FALSE(fine("content/vacancies/ta.v2.md"));  // two endings
  CHECK_FALSE(fine("content/vacancies/-ta.md"));
  CHECK_FALSE(fine("content/vacancies/ta--2.md"));
  CHECK_FALSE(fine("content/vacancies/.md"));
  Diagnostics d;
  check_file_name("content/vacancies/Teaching Assistant.md", d);
  REQUIRE(d.items.size() == 1);
  CHECK(d.items[0].message.find("rename the file to 'teaching-assistant.md'") != std::string::npos);
}

TEST_CASE("a required key left as a note ('# role: ...', as import writes it) is pointed at, with what to do") {
  Diagnostics d;
  parse_vacancy("---\ntitle: Cook\nschool: oak\n# role: ROLE  # check: one of: catering teaching\n"
                "posted: 2026-11-02\n#closes: YYYY-MM-DD\nhours:\n  # per_week: 30\n  # start: soon\n---\n",
                "v.md", d);
  INFO(printed(d));
  CHECK(has(d, "missing required key 'role': this line starts with '#', so it is only a note: take out the '#' "
               "and fill it in (a line such as role: learning-support, one of the roles listed in content/site.yaml)",
            4, 1));
  CHECK(has(d, "missing required key 'closes': this line starts with '#'", 6, 1));
  // A note for another map's key, or at another indent, is not taken for this one.
  Diagnostics e;
  parse_vacancy("---\ntitle: Cook\nschool: oak\nrole: r\nposted: 2026-11-02\n  # closes: soon\n---\n", "v.md", e);
  CHECK(has(e, "missing required key 'closes': add a line", 2, 1));
}
