// Reading and using the theme's preview files; see preview_theme.h.
#include "serve/preview_theme.h"

#include <kainjow/mustache.hpp>

#include <filesystem>

#include "base/text.h"
#include "load/source.h"

namespace fs = std::filesystem;

namespace {

struct File {
  const char* name;
  std::string PreviewTheme::*into;
};
const File kFiles[] = {{"live-reload.js", &PreviewTheme::reload_script},
                       {"overlay.mustache", &PreviewTheme::overlay_template},
                       {"overlay.css", &PreviewTheme::overlay_css}};

// A file as messages name it: from the site folder when it is in the site.
std::string shown(const std::string& root, const fs::path& file) {
  auto rel = file.lexically_normal().lexically_relative(fs::path(root).lexically_normal()).string();
  return rel.empty() || rel.rfind("..", 0) == 0 ? file.string() : rel;
}

// Reports the overlay template when it does not parse, at its line and column.
void check_overlay(const std::string& text, const std::string& path, Diagnostics& diags) {
  kainjow::mustache::mustache parsed(text);
  if (parsed.is_valid()) return;
  std::string message = parsed.error_message();  // "... at <byte offset>"
  auto at = message.rfind(" at ");
  size_t offset = at == std::string::npos ? 0 : std::strtoul(message.c_str() + at + 4, nullptr, 10);
  auto [line, col] = line_col(text, std::min(offset, text.size()), 1);
  diags.error({path, line, col}, "this template does not parse: " + message.substr(0, at));
}

}  // namespace

PreviewTheme load_preview_theme(const std::vector<std::string>& folders,
                                const std::string& root, Diagnostics& diags) {
  PreviewTheme theme;
  for (auto& file : kFiles) {
    std::string found;
    for (auto& folder : folders) {
      fs::path path = fs::path(folder) / "preview" / file.name;
      std::error_code ec;
      if (!fs::exists(fs::symlink_status(path, ec))) continue;
      found = shown(root, fs::absolute(path, ec));
      if (!is_inside(folder, path.string()))
        diags.error({found, 0, 0}, "this is a link to a place outside the theme folder; refused");
      else if (auto why = read_file(path.string(), theme.*file.into, kMaxTextFile))
        diags.error({found, 0, 0}, *why);
    }
    if (found.empty())
      diags.error({"themes/default/preview/" + std::string(file.name), 0, 0},
                  "this file of the preview is missing from the theme");
    else if (file.into == &PreviewTheme::overlay_template)
      check_overlay(theme.overlay_template, found, diags);
  }
  return theme;
}

std::string reload_tag(const PreviewTheme& theme) {
  return "<script>" + theme.reload_script + "</script>\n";
}

std::string overlay_html(const PreviewTheme& theme, const std::vector<std::string>& errors) {
  kainjow::mustache::mustache overlay(theme.overlay_template);
  kainjow::mustache::data list = kainjow::mustache::data::type::list;
  for (auto& e : errors) list.push_back(e);
  kainjow::mustache::data data;
  data.set("errors", list);
  data.set("css", theme.overlay_css);
  std::string html = overlay.is_valid() ? overlay.render(data) : "";
  if (!html.empty() && overlay.is_valid()) return html;
  html = "<div id=\"staffroom-errors\" role=\"alert\"><ul>";
  for (auto& e : errors) html += "<li>" + escape_html(e) + "</li>";
  return html + "</ul></div>";
}

std::vector<std::string> error_lines(const Diagnostics& diags) {
  std::vector<std::string> out;
  for (auto& d : diags.items)
    if (d.severity == Severity::error)
      out.push_back((d.mark.path.empty() ? "site" : "") + location(d.mark) + ": error: " + d.message);
  return out;
}
