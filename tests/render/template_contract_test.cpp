// The template contract: every name a default template uses is given by the
// views, every name the views give is documented in themes/default/README.md
// and every documented name is given; and what has no content is left out
// (no empty rows, no Hours row without hours, a legend of the assessment
// methods only the criteria use, wherever they use any).
#include <doctest/doctest.h>

#include <algorithm>
#include <mutex>
#include <regex>
#include <set>
#include <sstream>

#include "pipeline/build.h"
#include "base/clock.h"
#include "write/memory_sink.h"
#include "render/languages.h"
#include "render/render.h"
#include "render/views.h"
#include "theme/theme.h"
#include "theme/words.h"
#include "../test_util.h"

namespace {

namespace fs = std::filesystem;
const fs::path kSource = STAFFROOM_SOURCE_DIR;
const fs::path kTemplates = kSource / "themes/default/templates";

// One template render as the theme saw it.
struct Render {
  std::string name;
  Data data;
};

// Renders the site at `root` as `build` does, into memory, and keeps every
// template's data. With `drafts`, as the preview does (banners).
FileMap render(const fs::path& root, bool drafts, std::vector<Render>* renders = nullptr) {
  Diagnostics diags;
  LoadedSite loaded = load_checked(root.string(), diags);
  REQUIRE(diags.errors() == 0);
  auto theme = std::make_shared<Theme>(*loaded.theme);
  std::mutex mutex;
  if (renders)
    theme->watch([&](const std::string& name, const Data& data) {
      std::lock_guard<std::mutex> lock(mutex);
      renders->push_back({name, data});
    });
  BuildOptions options;
  options.now = to_time(*parse_datetime("2026-12-01T09:00"), false);
  options.drafts = drafts;
  MemorySink sink;
  render_languages(*loaded.site, theme, options, sink);  // a bilingual site's every tree
  return sink.take();
}

// The example site with its lists in pages of one card and six more
// adverts, so that the page links, with a gap in their run, are given too.
void render_paged(std::vector<Render>* renders) {
  test::TempDir dir;
  fs::copy(kSource / "content", dir.path / "content", fs::copy_options::recursive);
  test::write_file(dir.path / "content/site.yaml", test::read_file(dir.path / "content/site.yaml") + "per_page: 1\n");
  for (int i = 2; i <= 7; ++i)
    fs::copy_file(dir.path / "content/vacancies/senco.md",
                  dir.path / ("content/vacancies/senco-" + std::to_string(i) + ".md"));
  render(dir.path, false, renders);
}

// The example site with a person specification template that names
// `groups`, which the views give only to a theme that asks for them.
void render_with_groups(std::vector<Render>* renders) {
  test::TempDir dir;
  fs::copy(kSource / "content", dir.path / "content", fs::copy_options::recursive);
  test::write_file(dir.path / "themes/default/templates/person_spec.mustache",
                   "{{#sections}}{{#groups}}<p>{{level_label}}</p>{{/groups}}{{/sections}}");
  render(dir.path, false, renders);
}

// The example site, the awkward one and the bilingual one, as built and as
// previewed, and the example in pages and with `groups`.
std::vector<Render> all_renders() {
  std::vector<Render> renders;
  for (auto site : {kSource, kSource / "tests/sites/awkward", kSource / "tests/sites/bilingual"})
    for (bool drafts : {false, true}) render(site, drafts, &renders);
  render_paged(&renders);
  render_with_groups(&renders);
  return renders;
}

// ---- Templates as a tree of tags ----

enum class Kind { root, value, section, inverted };

struct Tag {
  Kind kind = Kind::root;
  std::string name, where;  // where: "key_facts.mustache:12"
  std::vector<Tag> inside;
};

std::string trim(const std::string& s) {
  auto b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

Tag parse_template(const std::string& name, int depth = 0);

// Adds one tag to the innermost open section of `open`.
void add_tag(std::vector<Tag*>& open, const std::string& file, int line,
             const std::string& body, int depth) {
  char sigil = body.empty() ? ' ' : body[0];
  bool marked = std::string("#^/>!&{").find(sigil) != std::string::npos;
  std::string name = trim(marked ? body.substr(1) : body);  // "{name" for {{{name}}}
  std::string where = file + ".mustache:" + std::to_string(line);
  if (sigil == '!') return;
  if (sigil == '/') {
    open.pop_back();
    return;
  }
  if (sigil == '>') {
    // The theme pastes these two in ready-made (see theme.cpp), the rest whole.
    if (name == "vacancy_card" || name == "person_spec")
      open.back()->inside.push_back({Kind::value, name == "vacancy_card" ? "card_html" : "table_html", where, {}});
    else
      for (auto& t : parse_template(name, depth + 1).inside) open.back()->inside.push_back(t);
    return;
  }
  Kind kind = sigil == '#' ? Kind::section : sigil == '^' ? Kind::inverted : Kind::value;
  open.back()->inside.push_back({kind, name, where, {}});
  if (kind != Kind::value) open.push_back(&open.back()->inside.back());
}

Tag parse_template(const std::string& name, int depth) {
  REQUIRE(depth < 8);
  std::string text = test::read_file(kTemplates / (name + ".mustache"));
  Tag root;
  std::vector<Tag*> open{&root};
  for (size_t pos = text.find("{{"); pos != std::string::npos; pos = text.find("{{", pos)) {
    bool triple = text.compare(pos, 3, "{{{") == 0;
    size_t end = text.find(triple ? "}}}" : "}}", pos);
    REQUIRE(end != std::string::npos);
    int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(pos), '\n'));
    add_tag(open, name, line, text.substr(pos + 2, end - pos - 2), depth);
    pos = end + (triple ? 3 : 2);
  }
  REQUIRE_MESSAGE(open.size() == 1, name << ": a section is not closed");
  return root;
}

// ---- Walking a template over the data it was given ----

// Mustache's lookup: the first name up the context stack, the rest within it.
const Data* lookup(const std::vector<const Data*>& stack, const std::string& name) {
  if (name == ".") return stack.back();
  auto dot = name.find('.');
  std::string first = name.substr(0, dot);
  for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
    const Data* found = (*it)->is_object() ? (*it)->get(first) : nullptr;
    if (!found) continue;
    if (dot == std::string::npos) return found;
    std::vector<const Data*> inner{found};
    return lookup(inner, name.substr(dot + 1));
  }
  return nullptr;
}

bool truthy(const Data& d) { return !d.is_false() && !d.is_empty_list(); }

// Marks in `given` each tag of `t` whose name the data gives. A section is
// entered where it is true (once per item of a list). An inverted one's
// contents, and those of a section that is false or absent here, are looked
// up in the same context: a true boolean or text would add no names to it,
// and an optional value ({{#lang}} inside {{#has_details}}) may be given only
// on adverts where the section around it is false.
void walk(const Tag& t, std::vector<const Data*>& stack, std::set<std::string>& given) {
  for (auto& tag : t.inside) {
    const Data* value = lookup(stack, tag.name);
    if (value) given.insert(tag.where + " " + tag.name);
    if (tag.kind == Kind::value) continue;
    if (tag.kind == Kind::inverted || !value || value->is_false()) walk(tag, stack, given);
    if (tag.kind != Kind::section || !value || !truthy(*value)) continue;
    if (value->is_list()) {
      for (auto& item : value->list_value()) {
        stack.push_back(&item);
        walk(tag, stack, given);
        stack.pop_back();
      }
    } else {
      stack.push_back(value);
      walk(tag, stack, given);
      stack.pop_back();
    }
  }
}

void all_tags(const Tag& t, std::set<std::string>& out) {
  for (auto& tag : t.inside) {
    out.insert(tag.where + " " + tag.name);
    all_tags(tag, out);
  }
}

std::vector<std::string> template_names() {
  std::vector<std::string> names;
  for (auto& e : fs::directory_iterator(kTemplates))
    if (e.path().extension() == ".mustache") names.push_back(e.path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

// Every name in `d`, at any depth (list items included).
void names_in(const Data& d, std::set<std::string>& out) {
  if (d.is_list())
    for (auto& item : d.list_value()) names_in(item, out);
  if (!d.is_object()) return;
  for (auto& [name, value] : object_of(d)) {
    out.insert(name);
    names_in(value, out);
  }
}

// The names the README documents: those in `code` spans from "Values on every
// page" on, each part of a dotted name or of a `{a, b: [{c}]}` shape. Spans
// of other things (file names, Mustache tags, HTML) are not names.
std::set<std::string> documented_names() {
  std::string readme = test::read_file(kSource / "themes/default/README.md");
  readme = readme.substr(readme.find("## Values on every page"));
  static const std::regex span("`([^`]+)`"), shape(R"(^[A-Za-z0-9_.,:{}\[\] ]+$)"),
      word("[A-Za-z_][A-Za-z0-9_]*");
  std::set<std::string> names;
  std::istringstream lines(readme);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("#", 0) == 0) continue;  // headings name templates
    for (std::sregex_iterator s(line.begin(), line.end(), span), end; s != end; ++s) {
      std::string code = (*s)[1];
      if (!std::regex_match(code, shape)) continue;
      for (std::sregex_iterator w(code.begin(), code.end(), word); w != end; ++w) names.insert(w->str());
    }
  }
  return names;
}

std::string joined(const std::set<std::string>& names) {
  std::string out;
  for (auto& n : names) out += "\n  " + n;
  return out;
}

bool has_empty(const std::string& html, const std::string& element) {
  return std::regex_search(html, std::regex("<" + element + "(\\s[^>]*)?>\\s*</" + element + ">"));
}

}  // namespace

TEST_CASE("every name a default template uses is given by the views on the example and awkward sites") {
  std::map<std::string, Tag> trees;
  std::set<std::string> used, given;
  for (auto& name : template_names()) {
    trees[name] = parse_template(name);
    all_tags(trees[name], used);
  }
  for (auto& r : all_renders()) {
    REQUIRE_MESSAGE(trees.count(r.name), "rendered a template the theme does not have: " << r.name);
    // The theme's words (`t`) are beneath every template's data.
    std::vector<const Data*> stack{&default_words().data, &r.data};
    walk(trees[r.name], stack, given);
  }
  std::set<std::string> missing;
  std::set_difference(used.begin(), used.end(), given.begin(), given.end(),
                      std::inserter(missing, missing.end()));
  CHECK_MESSAGE(missing.empty(), "used by a template but never given:" << joined(missing));
}

TEST_CASE("themes/default/README.md documents exactly the names the views give") {
  std::set<std::string> given;
  for (auto& r : all_renders()) names_in(r.data, given);
  given.insert("t");  // the theme's words, beneath every template's data
  std::set<std::string> documented = documented_names(), templates;
  for (auto& name : template_names()) templates.insert(name);
  std::set<std::string> undocumented, unknown;
  for (auto& name : given)
    if (!documented.count(name)) undocumented.insert(name);
  // A template's name may stand in the text without being a value.
  for (auto& name : documented)
    if (!given.count(name) && !templates.count(name)) unknown.insert(name);
  CHECK_MESSAGE(undocumented.empty(), "given but not in the README:" << joined(undocumented));
  CHECK_MESSAGE(unknown.empty(), "in the README but never given:" << joined(unknown));
}

TEST_CASE("no page has an empty description-list row") {
  for (auto site : {kSource, kSource / "tests/sites/awkward"})
    for (auto& [path, content] : render(site, true)) {
      if (path.size() < 5 || path.substr(path.size() - 5) != ".html") continue;
      CHECK_MESSAGE(!has_empty(*content, "dt"), path);
      CHECK_MESSAGE(!has_empty(*content, "dd"), path);
    }
}

TEST_CASE("an advert without hours has no Hours row, and one with only notes has") {
  test::TempDir dir;
  test::write_minimal_site(dir.path);
  std::string page = *render(dir.path, false).at("vacancies/ta/index.html");
  CHECK(page.find("<dt>Hours</dt>") == std::string::npos);
  CHECK(page.find("<dt>Salary</dt>") == std::string::npos);  // the card's facts are not the page's
  CHECK(page.find("<dt>Grade and salary</dt>") != std::string::npos);

  std::string advert = test::read_file(dir.path / "content/vacancies/ta.md");
  advert.insert(advert.find("posted:"), "hours: { notes: Mornings only }\n");
  test::write_file(dir.path / "content/vacancies/ta.md", advert);
  page = *render(dir.path, false).at("vacancies/ta/index.html");
  CHECK(std::regex_search(page, std::regex(R"(<dt>Hours</dt>\s*<dd>\s*<span class="fact-extra">Mornings only</span>)")));
}

// The legend's items and that every table on the page points to it.
static void check_legend(const std::string& page, const std::string& path) {
  CHECK_MESSAGE(test::count(page, "id=\"assessment-methods-legend\"") == 1, path);
  // Each table points to it, so a screen reader user meets it in the table.
  CHECK_MESSAGE(test::count(page, "<table class=\"spec-table\"") ==
                    test::count(page, "aria-describedby=\"assessment-methods-legend\""), path);
}

TEST_CASE("the assessment-method legend shows beside every specification whose criteria use methods") {
  FileMap files = render(kSource, false);
  for (auto path : {"vacancies/senco/index.html", "vacancies/senco/person-specification/index.html"}) {
    const std::string& senco = *files.at(path);
    check_legend(senco, path);
    for (auto method : {"Application form", "Interview", "Proof of qualification", "Practical exercise"})
      CHECK_MESSAGE(senco.find("<li>" + std::string(method) + "</li>") != std::string::npos, method);
    // "Test" is in the school's key but no criterion uses it.
    CHECK(senco.find("<li>Test</li>") == std::string::npos);
  }
  // The standard methods too: the legend lists those the rows name.
  for (auto path : {"vacancies/learning-support-practitioner/index.html",
                    "vacancies/home-school-support-worker/index.html"}) {
    check_legend(*files.at(path), path);
    CHECK_MESSAGE(files.at(path)->find("<li>Interview</li>") != std::string::npos, path);
  }
}

TEST_CASE("standards cited by a criterion are folded into one control") {
  FileMap files = render(kSource, false);
  const std::string& lsa = *files.at("vacancies/one-to-one-learning-support-assistant/index.html");
  auto from = lsa.find("<table class=\"spec-table\"");
  REQUIRE(from != std::string::npos);
  std::string tables = lsa.substr(from, lsa.rfind("</table>") - from);
  // Every citation in the tables is a listed link inside a <details>: one Tab
  // stop (its summary) per criterion that cites standards, not one per citation.
  size_t links = test::count(tables, "<a href=\"/standards/");
  CHECK(links > 20);
  CHECK(test::count(tables, "<li><a href=\"/standards/") == links);
  size_t folded = test::count(tables, "<details class=\"criterion-standards\">");
  CHECK(folded > 0);
  CHECK(folded < links);
  CHECK(test::count(tables, "<summary>NOS for learning support staff (") == folded);
}
