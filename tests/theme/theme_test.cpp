// The theme: a broken, missing or misnamed template is an error at its file,
// line and column; links out of a theme folder are refused.
#include <doctest/doctest.h>

#include <filesystem>

#include "../test_util.h"
#include "theme/theme.h"
#include "theme/words.h"

namespace fs = std::filesystem;

namespace {

std::string messages(const Diagnostics& d) {
  std::string out;
  for (auto& i : d.items) out += location(i.mark) + ": " + i.message + "\n";
  return out;
}

// A theme whose page template is `text`, loaded without a message.
std::shared_ptr<const Theme> theme_with_page(test::TempDir& site, const std::string& text) {
  site.write("themes/default/templates/page.mustache", text);
  Diagnostics d;
  auto theme = Theme::load(site.str(), "default", d);
  INFO(messages(d));
  REQUIRE(d.items.empty());
  return theme;
}

// What kainjow's own renderer makes of `text`: the reference Theme::render
// must match byte for byte.
std::string kainjow_render(const std::string& text, const Data& data) {
  kainjow::mustache::mustache reference(text);
  REQUIRE(reference.is_valid());
  return reference.render(data);
}

}  // namespace

TEST_CASE("a template that does not parse is reported at its line and column") {
  test::TempDir site;
  site.write("themes/default/templates/vacancy.mustache", "<h1>{{title}}</h1>\n<p>{{#open}}Open\n");
  Diagnostics d;
  auto theme = Theme::load(site.str(), "default", d);
  INFO(messages(d));
  REQUIRE(d.errors() == 1);
  CHECK(d.items[0].mark.path == "themes/default/templates/vacancy.mustache");
  CHECK(d.items[0].mark.line == 2);
  CHECK(d.items[0].mark.col > 1);
  CHECK(d.items[0].message.find("this template does not parse: ") == 0);
  CHECK(d.items[0].message.find(" at ") == std::string::npos);  // no byte offset left in the words
}

TEST_CASE("a partial that does not exist is reported where it is included") {
  test::TempDir site;
  site.write("themes/default/templates/vacancy.mustache", "<main>\n  {{> key_fact}}\n</main>\n");
  Diagnostics d;
  Theme::load(site.str(), "default", d);
  INFO(messages(d));
  REQUIRE(d.errors() == 1);
  CHECK(location(d.items[0].mark) == "themes/default/templates/vacancy.mustache:2:3");
  CHECK(d.items[0].message == "there is no template 'key_fact' to include (no key_fact.mustache)");
}

TEST_CASE("the default theme as shipped has every template and no errors") {
  test::TempDir site;
  Diagnostics d;
  auto theme = Theme::load(site.str(), "default", d);
  INFO(messages(d));
  CHECK(d.items.empty());
  CHECK(theme->has("layout"));
  CHECK_THROWS_AS(theme->render("no-such-template", Data()), std::logic_error);  // an internal error
}

TEST_CASE("a theme file that links outside the theme folder is refused") {
  test::TempDir site;
  site.write("secret.txt", "not for the web\n");
  fs::create_directories(site.path / "themes/default/static");
  fs::create_symlink(site.path / "secret.txt", site.path / "themes/default/static/notes.txt");
  Diagnostics d;
  auto theme = Theme::load(site.str(), "default", d);
  INFO(messages(d));
  REQUIRE(d.errors() == 1);
  CHECK(location(d.items[0].mark) == "themes/default/static/notes.txt");
  CHECK(d.items[0].message.find("outside the theme folder") != std::string::npos);
}

TEST_CASE("a template renders as kainjow's own renderer renders it, names, sections and escaping") {
  // Theme::render looks names up and escapes itself (faster); the output
  // must be kainjow's, byte for byte, however the names are written.
  const std::string text =
      "{{a.b.c}}|{{a.b}}|{{a.}}|{{.a}}|{{a..b}}|{{missing.b}}|{{esc}}|{{{esc}}}|{{&esc}}\n"
      "{{#list}}[{{x.y}} {{a.b.c}} {{name}} {{outer}} {{#x}}{{y}}{{outer}}{{/x}}]{{/list}}\n"
      "{{^none}}none{{/none}}{{#a.}}a.{{/a.}}{{#a.b}}{{c}}{{a.b.c}}{{/a.b}}{{^a.b.c}}no{{/a.b.c}}\n"
      "{{#shadow}}{{a.b.c}}{{/shadow}} {{#words}}{{.}},{{/words}}\n";
  test::TempDir site;
  auto theme = theme_with_page(site, text);

  using kainjow::mustache::object;
  Data c = Data(object{{"c", Data("deep & <sure> \"q\" 'a' `b` = é")}});
  Data data = Data(object{{"a", Data(object{{"b", c}})},
                          {"esc", Data("<a href=\"x\">Tom & Jerry's</a>")},
                          {"outer", Data("out")},
                          {"shadow", Data(object{{"a", Data(object{{"b", Data("no c here")}})}})}});
  Data list = Data(Data::type::list);
  list.push_back(Data(object{{"x", Data(object{{"y", Data("xy")}})}, {"name", Data("one")}}));
  list.push_back(Data(object{{"name", Data("two")}, {"outer", Data("inner")}}));
  data.set("list", list);
  Data words = Data(Data::type::list);
  for (auto* w : {"α", "b&c", ""}) words.push_back(Data(w));
  data.set("words", words);

  std::string expected = kainjow_render(text, data);
  CHECK(theme->render("page", data) == expected);
  CHECK(expected.find("deep &amp; &lt;sure&gt; &quot;q&quot; &apos;a&apos; `b` = é") != std::string::npos);
}

TEST_CASE("spaces and tabs render as kainjow renders them, on lines it drops and lines it keeps") {
  // Theme::render marks the blanks beside a template's text so that kainjow
  // does not walk each one, and gives them back: the output must be the same.
  const std::string text =
      "<ul>\n  {{#list}}\n    <li class=\"a  b\">\t{{name}} and {{{raw}}}</li>  \n  {{/list}}\n"
      "  {{#none}}<p>none</p>{{/none}}\n  {{#none}}x{{/none}} {{#none}}y{{/none}}\t\n"
      "\t\t<p>\ttabbed {{name}}\t</p>\n   \n{{name}}  {{#none}}z{{/none}}\n"
      "  <pre>\n    kept   as it is\n  </pre>\n</ul>";
  test::TempDir site;
  auto theme = theme_with_page(site, text);
  using kainjow::mustache::object;
  Data data = Data(object{{"name", Data("top")}, {"raw", Data("<b> x </b>")}});
  Data list = Data(Data::type::list);
  list.push_back(Data(object{{"name", Data("one  two")}}));
  list.push_back(Data(object{{"name", Data("\tthree")}}));
  data.set("list", list);
  std::string expected = kainjow_render(text, data);
  CHECK(theme->render("page", data) == expected);
  CHECK(expected.find("    <li class=\"a  b\">\tone  two and <b> x </b></li>  \n") != std::string::npos);
  // Another delimiter: left to kainjow as written.
  const std::string other = "{{=<% %>=}}\n  <p> <% name %> </p>\n";
  test::TempDir site2;
  CHECK(theme_with_page(site2, other)->render("page", data) == kainjow_render(other, data));
}

TEST_CASE("words written into a template at load render as the page's lookup of them would") {
  // Theme::render writes each {{t.key}} of the words into its copy of the
  // template; what comes out must be what kainjow makes of the lookup.
  const std::string text =
      "{{t.a.b}}|{{{t.a.b}}}|{{& t.a.b}}|{{ t.a.b }}|{{t.brace}}|{{t.missing}}|{{t.a}}\n"
      "{{#flag}}\n{{t.blank}}\n{{/flag}}\n"
      "{{#flag}}{{t.two}}{{/flag}}\n"
      "{{#t.a}}{{b}}{{/t.a}}{{^t.none}}none{{/t.none}}\n";
  test::TempDir site;
  auto theme = theme_with_page(site, text);
  using kainjow::mustache::object;
  Words words;
  Data t = Data(object{{"a", Data(object{{"b", Data("Tom & <Jerry's>")}})},
                       {"brace", Data("{{flag}}")},
                       {"blank", Data("  ")},
                       {"two", Data("two\nlines")}});
  words.data.set("t", t);
  Data data = Data(object{{"flag", Data(true)}});

  Data both = data;
  both.set("t", t);
  std::string expected = kainjow_render(text, both);
  CHECK(theme->render("page", data, &words) == expected);
  CHECK(expected.find("Tom &amp; &lt;Jerry&apos;s&gt;|Tom & <Jerry's>|Tom & <Jerry's>|Tom &amp;") == 0);
  CHECK(expected.find("{{flag}}") != std::string::npos);  // a value is never read as a tag
  // Other words, in the same thread: another copy of the template.
  Words other;
  other.data.set("t", Data(object{{"a", Data(object{{"b", Data("Ann")}})}}));
  CHECK(theme->render("page", data, &other).rfind("Ann|Ann|Ann|Ann|", 0) == 0);
  // New delimiters: the words are looked up as the page renders.
  auto delimited = theme_with_page(site, "{{=<% %>=}}<%t.a.b%> {{t.a.b}}");
  CHECK(delimited->render("page", data, &words) == "Tom &amp; &lt;Jerry&apos;s&gt; {{t.a.b}}");
}

TEST_CASE("a theme knows the names its templates use, whatever the tag, and every part of a dotted one") {
  test::TempDir site;
  site.write("themes/default/templates/page.mustache",
             "{{# spec.groups }}{{/ spec.groups }}{{{ table_html }}}{{^none}}{{/none}}{{! mention }}{{& raw}}");
  Diagnostics d;
  auto theme = Theme::load(site.str(), "default", d);
  INFO(messages(d));
  CHECK(d.errors() == 0);
  for (auto name : {"spec", "groups", "table_html", "none", "raw"}) CHECK_MESSAGE(theme->uses(name), name);
  CHECK_FALSE(theme->uses("mention"));  // a comment names nothing
  CHECK_FALSE(theme->uses("layout_only_name"));
  CHECK(theme->uses("site"));           // the default layout's
  // New delimiters could hide any name: then every name counts as used.
  site.write("themes/default/templates/page.mustache", "{{=<% %>=}}<% hidden %>");
  auto other = Theme::load(site.str(), "default", d);
  CHECK(other->uses("hidden"));
  CHECK(other->uses("anything"));
}
