// One HTML page: a page template's output put into the layout, with the
// site's name, navigation and footer, and written to the Sink. Every page
// of the site goes through write_page.
#pragma once

#include <string>

#include "base/sink.h"
#include "render/site_context.h"
#include "theme/theme.h"

// What a page says of itself in its <head> and <body> outside its template.
// (Each member has an initializer so that designated initializers may
// leave any out without a warning.)
struct PageMeta {
  std::string title = "", description = "", body_class = "";
  bool noindex = false;
  std::string jsonld = "", banner = "";
  std::string body_html = "";  // a Markdown page's text
};

// A {label, url, current} link for navigation and lists.
Data link(const std::string& label, const std::string& url, bool current = false);

// `path` is a folder ("vacancies/x/", "" for the index) or a file name
// ("404.html"). `data` is the template's own data; the layout's is added.
void write_page(const SiteContext& ctx, Sink& sink, const std::string& path,
                const std::string& tmpl, Data& data, const PageMeta& meta);
// The same page's file name ("vacancies/x/index.html") and bytes.
std::string page_file(const std::string& path);
std::string render_page(const SiteContext& ctx, const std::string& path, const std::string& tmpl,
                        Data& data, const PageMeta& meta);
void write_page(const SiteContext& ctx, Sink& sink, const std::string& path,
                const std::string& tmpl, Data&& data, const PageMeta& meta);
