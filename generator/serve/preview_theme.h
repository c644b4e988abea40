// The theme's preview files: the live-reload script and the error box that
// `staffroom serve` adds to the pages it serves. They live in a theme's
// preview/ folder, never in static/, so `staffroom build` never publishes them.
#pragma once

#include <string>
#include <vector>

#include "base/diagnostics.h"

struct PreviewTheme {
  std::string reload_script;     // preview/live-reload.js
  std::string overlay_template;  // preview/overlay.mustache: the error box
  std::string overlay_css;       // preview/overlay.css: given to it as {{{css}}}
};

// Reads preview/ from each theme folder in turn (the default theme's, then
// the site's own), a later folder's file replacing an earlier's. A file
// missing from all, unreadable, leading out of its folder, or a template
// that does not parse is reported; `root` is the site, for the file names.
PreviewTheme load_preview_theme(const std::vector<std::string>& folders,
                                const std::string& root, Diagnostics& diags);

// What goes before </body> of each HTML page served: the script, in a
// <script> element.
std::string reload_tag(const PreviewTheme& theme);

// The error box for `errors` ("file:line:col: error: message"). A template
// that cannot be rendered gives a plain box, so errors are always shown.
std::string overlay_html(const PreviewTheme& theme, const std::vector<std::string>& errors);

// Each error of `diags` as one line, as the terminal shows it.
std::vector<std::string> error_lines(const Diagnostics& diags);
