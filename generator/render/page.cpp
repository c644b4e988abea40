// The layout around every page; see page.h.
#include "render/page.h"

#include "render/views.h"

Data link(const std::string& label, const std::string& url, bool current) {
  Data d = object();
  put(d, "label", label);
  put(d, "url", url);
  put(d, "current", current);
  return d;
}

static bool has_page(const SiteContext& ctx, const std::string& slug) {
  for (auto& p : ctx.site->pages)
    if (p.slug == slug) return true;
  return false;
}

static Data site_data(const SiteContext& ctx) {
  const SiteConfig& c = ctx.site->config;
  Data site = object();
  put(site, "title", c.title);
  put(site, "description", c.description);
  put(site, "language", c.language);
  put(site, "organisation_name", c.organisation_name);
  put(site, "organisation_url", c.organisation_url);
  put(site, "contact_email", c.contact_email);
  put(site, "contact_phone", c.contact_phone);
  put(site, "home_url", ctx.base_path);
  return site;
}

// The page's own description, else the site's, else one made from the page's
// title: an empty <meta name="description"> helps no search result.
static std::string page_description(const SiteContext& ctx, const PageMeta& meta) {
  const SiteConfig& c = ctx.site->config;
  if (!meta.description.empty()) return meta.description;
  if (!c.description.empty()) return c.description;
  return meta.title + " – " + c.title + (c.organisation_name.empty() ? "" : ", " + c.organisation_name) + ".";
}

static Data page_data(const SiteContext& ctx, const std::string& path, const PageMeta& meta) {
  Data page = object();
  put(page, "title", meta.title);
  put(page, "description", page_description(ctx, meta));
  put(page, "canonical_url", ctx.absolute(path == "404.html" ? "" : path));
  put(page, "noindex", meta.noindex);
  put(page, "body_class", meta.body_class);
  put(page, "body_html", meta.body_html);
  return page;
}

static Data nav_links(const SiteContext& ctx, const std::string& path) {
  Data nav = list();
  const Words& w = ctx.w();
  push(nav, link(w["nav.vacancies"], ctx.url(""), path.empty()));
  if (has_page(ctx, "how-to-apply"))
    push(nav, link(w["nav.how_to_apply"], ctx.url("how-to-apply/"), path == "how-to-apply/"));
  if (!ctx.site->glossary.empty())
    push(nav, link(w["nav.glossary"], ctx.url("glossary/"), path == "glossary/"));
  return nav;
}

static Data footer_links(const SiteContext& ctx) {
  Data footer = list();
  for (auto& p : ctx.site->pages) push(footer, link(p.title, ctx.url(p.slug + "/")));
  if (!ctx.site->glossary.empty()) push(footer, link(ctx.w()["nav.glossary"], ctx.url("glossary/")));
  for (auto& [id, s] : ctx.site->standards)
    push(footer, link(s.short_title.empty() ? s.title : s.short_title, ctx.url(standard_path(id))));
  push(footer, link(ctx.w()["nav.closed_vacancies"], ctx.url("archive/")));
  return footer;
}

// A bilingual site's: this page in each language, for the switcher and the
// head's hreflang links.
static Data language_links(const SiteContext& ctx, const std::string& path) {
  Data languages = list();
  std::string own = path == "404.html" ? "" : path;
  for (auto& alt : ctx.alternates) {
    Data d = object();
    put(d, "language", alt.language);
    put(d, "name", alt.name);
    put(d, "url", alt.base_path + own);
    put(d, "absolute_url", alt.base_url + own);
    put(d, "current", lower_ascii(alt.language) == lower_ascii(ctx.site->config.language));
    push(languages, std::move(d));
  }
  return languages;
}

std::string page_file(const std::string& path) {
  bool folder = path.empty() || path.back() == '/';
  return folder ? path + "index.html" : path;
}

std::string render_page(const SiteContext& ctx, const std::string& path, const std::string& tmpl,
                        Data& data, const PageMeta& meta) {
  put(data, "site", site_data(ctx));
  put(data, "has_languages", !ctx.alternates.empty());
  put(data, "languages", language_links(ctx, path));
  put(data, "page", page_data(ctx, path, meta));
  put(data, "stylesheet_url", ctx.url(ctx.theme->asset_output("style.css")));
  put(data, "script_url", ctx.url(ctx.theme->asset_output("script.js")));
  put(data, "atom_url", ctx.url("feed.xml"));
  put(data, "json_feed_url", ctx.url("feed.json"));
  put(data, "nav", nav_links(ctx, path));
  put(data, "footer_links", footer_links(ctx));
  // Set even when empty: one vacancy's data serves three pages.
  put(data, "jsonld", meta.jsonld.empty() ? Data(false) : Data(meta.jsonld));
  put(data, "banner", meta.banner.empty() ? Data(false) : Data(meta.banner));
  // The page's HTML is pasted where the layout's {{{content}}} put a mark,
  // not handed to it: kainjow copies an unescaped value twice on its way
  // out, and this is the largest of every page. No other value can make the
  // mark: text is escaped ('<' as &lt;), JSON-LD writes '<' as \u003c and
  // Markdown's HTML has no raw HTML in it. A layout without the mark (one
  // that escapes the content, say) is rendered as before.
  std::string content = ctx.theme->render(tmpl, data, ctx.words);
  static const std::string kMark = "\x01<content>\x01";
  put(data, "content", kMark);
  std::string page = ctx.theme->render("layout", data, ctx.words);
  std::string out;
  out.reserve(page.size() + content.size());
  size_t from = 0;
  for (size_t at; (at = page.find(kMark, from)) != std::string::npos; from = at + kMark.size())
    out.append(page, from, at - from).append(content);
  if (from == 0) {
    put(data, "content", std::move(content));
    return ctx.theme->render("layout", data, ctx.words);
  }
  out.append(page, from);
  return out;
}

void write_page(const SiteContext& ctx, Sink& sink, const std::string& path,
                const std::string& tmpl, Data& data, const PageMeta& meta) {
  sink.write(page_file(path), render_page(ctx, path, tmpl, data, meta));
}

void write_page(const SiteContext& ctx, Sink& sink, const std::string& path,
                const std::string& tmpl, Data&& data, const PageMeta& meta) {
  write_page(ctx, sink, path, tmpl, data, meta);
}
