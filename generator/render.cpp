// Which pages a site has, and each one put through its template and the
// layout into the Sink; see render.h.
#include "render.h"

#include <algorithm>
#include <functional>

#include "clock.h"
#include "markdown.h"
#include "outputs/outputs.h"
#include "parallel.h"
#include "views.h"
#include "vocabulary.h"

Listing make_listing(const SiteContext& ctx, const Vacancy& v) {
  Listing l;
  l.status = status_of(v, ctx.options.now);
  if (ctx.theme) l.card_html = ctx.theme->render("vacancy_card", card_view(ctx, v));
  l.search_entry = search_index_entry(ctx, v);
  l.atom_entry = atom_entry(ctx, v);
  l.feed_item = json_feed_item(ctx, v);
  return l;
}

void add_listings(SiteContext& ctx) {
  std::vector<const Vacancy*> todo;
  for (auto* v : ctx.built)
    if (!ctx.listings.count(v)) todo.push_back(v);
  std::vector<Listing> made(todo.size());
  parallel_for(todo.size(), [&](size_t i) { made[i] = make_listing(ctx, *todo[i]); });
  for (size_t i = 0; i < todo.size(); ++i) ctx.listings[todo[i]] = std::move(made[i]);
}

namespace {

struct PageMeta {
  std::string title, description, body_class;
  bool noindex = false;
  std::string jsonld, banner;
  std::string body_html;  // a Markdown page's text
};

Data link(const std::string& label, const std::string& url, bool current = false) {
  Data d = object();
  put(d, "label", label);
  put(d, "url", url);
  put(d, "current", current);
  return d;
}

bool has_page(const SiteContext& ctx, const std::string& slug) {
  for (auto& p : ctx.site->pages)
    if (p.slug == slug) return true;
  return false;
}

// Puts a page template's output into the layout and writes it. `path` is
// a folder ("vacancies/x/") or a file name ("404.html").
void write_page(const SiteContext& ctx, Sink& sink, const std::string& path,
                const std::string& tmpl, Data& data, const PageMeta& meta) {
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
  Data page = object();
  put(page, "title", meta.title);
  put(page, "description", meta.description.empty() ? c.description : meta.description);
  put(page, "canonical_url", ctx.absolute(path == "404.html" ? "" : path));
  put(page, "noindex", meta.noindex);
  put(page, "body_class", meta.body_class);
  put(page, "body_html", meta.body_html);
  put(data, "site", std::move(site));
  put(data, "page", std::move(page));
  put(data, "stylesheet_url", ctx.url(ctx.theme->asset_output("style.css")));
  put(data, "script_url", ctx.url(ctx.theme->asset_output("script.js")));
  put(data, "atom_url", ctx.url("feed.xml"));
  put(data, "json_feed_url", ctx.url("feed.json"));
  Data nav = list();
  push(nav, link("Vacancies", ctx.url(""), path.empty()));
  if (has_page(ctx, "how-to-apply"))
    push(nav, link("How to apply", ctx.url("how-to-apply/"), path == "how-to-apply/"));
  if (!ctx.site->glossary.empty())
    push(nav, link("Glossary", ctx.url("glossary/"), path == "glossary/"));
  put(data, "nav", std::move(nav));
  Data footer = list();
  for (auto& p : ctx.site->pages) push(footer, link(p.title, ctx.url(p.slug + "/")));
  if (!ctx.site->glossary.empty()) push(footer, link("Glossary", ctx.url("glossary/")));
  for (auto& [id, s] : ctx.site->standards) push(footer, link(s.short_title.empty() ? s.title : s.short_title, ctx.url(standard_path(id))));
  push(footer, link("Closed vacancies", ctx.url("archive/")));
  put(data, "footer_links", std::move(footer));
  // Set even when empty: one vacancy's data serves three pages.
  data.set("jsonld", meta.jsonld.empty() ? Data(false) : Data(meta.jsonld));
  data.set("banner", meta.banner.empty() ? Data(false) : Data(meta.banner));
  put(data, "content", ctx.theme->render(tmpl, data));
  std::string html = ctx.theme->render("layout", data);
  if (!ctx.options.inject_html.empty()) html = insert_before_body_end(std::move(html), ctx.options.inject_html);
  bool folder = path.empty() || path.back() == '/';
  sink.write(folder ? path + "index.html" : path, html);
}

void write_page(const SiteContext& ctx, Sink& sink, const std::string& path,
                const std::string& tmpl, Data&& data, const PageMeta& meta) {
  write_page(ctx, sink, path, tmpl, data, meta);
}

template <class Pred>
std::vector<const Vacancy*> filter(const std::vector<const Vacancy*>& vs, Pred p) {
  std::vector<const Vacancy*> out;
  std::copy_if(vs.begin(), vs.end(), std::back_inserter(out), p);
  return out;
}

}  // namespace

static void render_spec_pages(const SiteContext& ctx, const Vacancy& v, Data& data,
                              const PageMeta& meta, Sink& sink);

void render_vacancy(const SiteContext& ctx, const Vacancy& v, Sink& sink) {
  std::set<std::string> seen;
  Status status = status_of(v, ctx.options.now);
  Data data = object();
  std::string plain_body;  // for the JSON-LD, from the same parse as the page's
  Data view = vacancy_view(ctx, v, seen, &plain_body);
  put(data, "vacancy", std::move(view));
  const School* school = ctx.school_of(v);
  PageMeta meta;
  meta.title = v.title + (school ? " at " + school->name : "");
  meta.description = v.summary.empty() ? v.title + ". Closes at " + datetime_words(v.closes) + "."
                                       : v.summary;
  meta.body_class = "page-vacancy";
  meta.noindex = status == Status::closed || status == Status::draft || status == Status::scheduled;
  meta.jsonld = status == Status::closed ? "" : job_posting_jsonld(ctx, v, &plain_body);
  if (status == Status::draft || status == Status::scheduled) meta.banner = status_words(status, v);
  std::string base = vacancy_path(v);
  write_page(ctx, sink, base, "vacancy", data, meta);

  if (v.spec) render_spec_pages(ctx, v, data, meta, sink);
  sink.write(base + "closing-date.ics", vacancy_ics(ctx, v));
}

// The print view of the person specification and the application checklist.
static void render_spec_pages(const SiteContext& ctx, const Vacancy& v, Data& data,
                              const PageMeta& meta, Sink& sink) {
  std::string base = vacancy_path(v);
  PageMeta print = meta;
  print.title = "Person specification: " + meta.title;
  print.body_class = "page-print-spec";
  print.jsonld.clear();
  print.noindex = true;
  write_page(ctx, sink, base + "person-specification/", "print_spec", data, print);
  PageMeta prepare = print;
  prepare.title = "Prepare your application: " + meta.title;
  prepare.body_class = "page-checklist";
  write_page(ctx, sink, base + "prepare/", "checklist", data, prepare);
}

// The index, the browse pages, the archive, the schools' and standards'
// pages, and what machines read: everything that lists vacancies.
void render_lists(const SiteContext& ctx, Sink& sink) {
  const Site& site = *ctx.site;
  std::vector<std::string> sitemap{""};
  // Each page is a job of its own, so a large site's lists use every core.
  std::vector<std::function<void()>> jobs;
  Data browse = list();
  auto group = [&](const std::string& heading, const std::vector<std::pair<std::string, std::string>>& links,
                   const std::string& prefix, auto pred, const std::string& intro_of) {
    Data g = object();
    put(g, "heading", heading);
    Data ls = list();
    for (auto& [id, label] : links) {
      auto vs = filter(ctx.listed, [&](const Vacancy* v) { return pred(*v, id); });
      if (vs.empty() && prefix != "schools/") continue;
      Data l = link(label, ctx.url(prefix + id + "/"));
      put(l, "count", std::to_string(vs.size()));
      push(ls, std::move(l));
      if (prefix == "schools/") continue;  // school pages have their own template
      sitemap.push_back(prefix + id + "/");
      jobs.push_back([&ctx, &sink, vs, label = label, path = prefix + id + "/", intro = intro_of] {
        Data page = object();
        add_cards(ctx, vs, page);
        put(page, "heading", label);
        put(page, "intro", intro + " " + label + ".");
        write_page(ctx, sink, path, "list", page,
                   {label + " vacancies", "Open vacancies: " + label + ".", "page-list"});
      });
    }
    put(g, "links", std::move(ls));
    push(browse, std::move(g));
  };
  std::vector<std::pair<std::string, std::string>> schools, roles, patterns;
  for (auto& [id, s] : site.schools) schools.emplace_back(id, s.name);
  std::set<std::string> role_ids;
  for (auto& v : site.vacancies) role_ids.insert(v.role);
  for (auto& id : role_ids) roles.emplace_back(id, ctx.role_label(id));
  for (auto& [id, label] : kWorkingPatterns) patterns.emplace_back(id, label);
  group("By school", schools, "schools/",
        [](const Vacancy& v, const std::string& id) { return v.school == id; }, "");
  group("By role", roles, "roles/",
        [](const Vacancy& v, const std::string& id) { return v.role == id; },
        "Open vacancies in the role category");
  group("By working pattern", patterns, "working-patterns/",
        [](const Vacancy& v, const std::string& id) {
          return std::find(v.working_pattern.begin(), v.working_pattern.end(), id) != v.working_pattern.end();
        },
        "Open vacancies with the working pattern");
  jobs.push_back([&ctx, &sink, &site, &browse] {
    Data index = object();
    add_cards(ctx, ctx.listed, index);
    put(index, "browse", std::move(browse));
    write_page(ctx, sink, "", "index", index, {"Vacancies", site.config.description, "page-index"});
  });
  for (auto& [id, school] : site.schools) {
    sitemap.push_back(school_path(id));
    jobs.push_back([&ctx, &sink, &id = id, &school = school] {
      Data data = object();
      put(data, "school", school_view(ctx, school));
      add_cards(ctx, filter(ctx.listed, [&](const Vacancy* v) { return v->school == id; }), data);
      write_page(ctx, sink, school_path(id), "school", data,
                 {school.name, school.description.empty() ? "Vacancies at " + school.name : school.description, "page-school"});
    });
  }
  for (auto& [id, standard] : site.standards) {
    sitemap.push_back(standard_path(id));
    jobs.push_back([&ctx, &sink, &id = id, &standard = standard] {
      Data data = object();
      put(data, "standard", standard_view(ctx, standard));
      write_page(ctx, sink, standard_path(id), "standard", data,
                 {standard.title, "The criteria of " + standard.title + ", with the vacancies that cite them.", "page-standard"});
    });
  }
  jobs.push_back([&ctx, &sink] {
    Data archive = object();
    add_cards(ctx, ctx.closed, archive, "closed vacancy");
    write_page(ctx, sink, "archive/", "archive", archive,
               {"Closed vacancies", "Vacancies whose closing date has passed.", "page-archive"});
  });
  jobs.push_back([&ctx, &sink] { sink.write("feed.xml", atom_feed(ctx)); });
  jobs.push_back([&ctx, &sink] { sink.write("feed.json", json_feed(ctx)); });
  jobs.push_back([&ctx, &sink] { sink.write("search-index.json", search_index_json(ctx)); });
  parallel_for(jobs.size(), [&](size_t i) { jobs[i](); });

  for (auto* v : ctx.listed) sitemap.push_back(vacancy_path(*v));
  for (auto& p : site.pages) sitemap.push_back(p.slug + "/");
  if (!site.glossary.empty()) sitemap.push_back("glossary/");
  std::sort(sitemap.begin(), sitemap.end());
  sink.write("sitemap.xml", sitemap_xml(ctx, sitemap));
  sink.write("robots.txt", robots_txt(ctx));
}

void render_others(const SiteContext& ctx, Sink& sink) {
  const Site& site = *ctx.site;
  for (auto& p : site.pages) {
    PageMeta meta{p.title, p.description, "page-" + p.slug};
    meta.body_html = markdown_to_html(p.body, {2});
    write_page(ctx, sink, p.slug + "/", "page", object(), meta);
  }
  if (!site.glossary.empty()) {
    Data data = object();
    Data terms = list();
    auto sorted = site.glossary;
    std::sort(sorted.begin(), sorted.end());
    for (auto& [abbr, words] : sorted) {
      Data t = object();
      put(t, "abbr", abbr);
      put(t, "expansion", words);
      put(t, "anchor", anchor_of(abbr));
      push(terms, std::move(t));
    }
    put(data, "terms", std::move(terms));
    write_page(ctx, sink, "glossary/", "glossary", data,
               {"Glossary", "What the abbreviations in our vacancies mean.", "page-glossary"});
  }
  write_page(ctx, sink, "404.html", "not_found", object(), {"Page not found", "", "page-not-found", true});
  for (auto& a : ctx.theme->assets()) sink.write(a.output, a.content);
  for (auto& f : site.files) sink.copy(f.relative, f.source);
}

void render_site(const SiteContext& ctx, Sink& sink) {
  // The lists and the other pages go first, so they overlap the adverts
  // rather than running alone at the end. (The cards, feed entries and
  // search entries they join were made by add_listings.)
  size_t n = ctx.built.size();
  parallel_for(n + 2, [&](size_t i) {
    if (i == 0) render_lists(ctx, sink);
    else if (i == 1) render_others(ctx, sink);
    else render_vacancy(ctx, *ctx.built[i - 2], sink);
  });
}
