// Tests of the theme's preview files (serve/preview_theme.h): read from the
// default theme, replaced file by file by a site's, and reported when wrong.
#include <doctest/doctest.h>

#include "serve/preview_theme.h"
#include "serve_util.h"

using namespace serve_test;

namespace {
const std::string kDefault = STAFFROOM_SOURCE_DIR "/themes/default";
}

TEST_CASE("preview theme: the default theme's script and error box") {
  Diagnostics diags;
  PreviewTheme theme = load_preview_theme({kDefault}, "/nowhere", diags);
  CHECK(diags.items.empty());
  CHECK(contains(reload_tag(theme), "<script>"));
  CHECK(contains(reload_tag(theme), "/__staffroom/events"));
  std::string box = overlay_html(theme, {"content/a.md:3:1: error: 'x' <y>"});
  CHECK(box.rfind(kOverlay, 0) == 0);
  CHECK(contains(box, "<li>content/a.md:3:1: error: "));
  CHECK(contains(box, "&lt;y&gt;"));
  CHECK(contains(box, "position: fixed"));  // overlay.css, in the box
}

TEST_CASE("preview theme: a site's own file replaces the default's, the rest stay") {
  test::TempDir site;
  put_file(site.path / "themes/mine/preview/overlay.css", "#staffroom-errors { color: pink }");
  Diagnostics diags;
  PreviewTheme theme =
      load_preview_theme({kDefault, (site.path / "themes/mine").string()}, site.path.string(), diags);
  CHECK(diags.items.empty());
  CHECK(theme.overlay_css == "#staffroom-errors { color: pink }");
  CHECK(contains(theme.reload_script, "EventSource"));
  CHECK(contains(overlay_html(theme, {"e"}), "color: pink"));
}

TEST_CASE("preview theme: a broken or missing file is an error with its place") {
  test::TempDir site;
  put_file(site.path / "themes/mine/preview/overlay.mustache", "<div>\n{{#errors}}<li>{{.}}</li>\n");
  Diagnostics diags;
  PreviewTheme theme =
      load_preview_theme({kDefault, (site.path / "themes/mine").string()}, site.path.string(), diags);
  REQUIRE(diags.errors() == 1);
  CHECK(diags.items[0].mark.path == "themes/mine/preview/overlay.mustache");
  CHECK(diags.items[0].mark.line > 0);
  CHECK(contains(diags.items[0].message, "does not parse"));
  // Errors are still shown, in a plain box.
  std::string box = overlay_html(theme, {"a & b"});
  CHECK(box.rfind(kOverlay, 0) == 0);
  CHECK(contains(box, "<li>a &amp; b</li>"));

  Diagnostics none;
  load_preview_theme({(site.path / "nothing").string()}, site.path.string(), none);
  CHECK(none.errors() == 3);
}

TEST_CASE("error_lines: each error as the terminal shows it, warnings left out") {
  Diagnostics diags;
  diags.error({"content/a.md", 3, 1}, "bad");
  diags.warning({"content/b.md", 1, 1}, "meh");
  diags.error({"", 0, 0}, "no site");
  auto lines = error_lines(diags);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] == "content/a.md:3:1: error: bad");
  CHECK(lines[1] == "site: error: no site");
}
