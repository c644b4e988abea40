// The pages that list vacancies (the index, the browse pages, the archive,
// each school's and standard's page) and what machines read of the whole
// site: feeds, search index, sitemap, robots.txt. See render.h.
#include <algorithm>
#include <functional>

#include "render/outputs/outputs.h"
#include "render/page.h"
#include "render/pagination.h"
#include "base/parallel.h"
#include "render/render.h"
#include "render/views.h"
#include "base/vocabulary.h"

namespace {

// Each page is a job of its own, so a large site's lists use every core.
using Jobs = std::vector<std::function<void()>>;

std::vector<const Vacancy*> filter(const std::vector<const Vacancy*>& vs,
                                   const std::function<bool(const Vacancy*)>& keep) {
  std::vector<const Vacancy*> out;
  std::copy_if(vs.begin(), vs.end(), std::back_inserter(out), keep);
  return out;
}

// One "By ..." group of the index: a link per id, each to a list page.
struct BrowseGroup {
  std::string heading, prefix, intro;  // intro: the words' key, with {label}
  std::vector<std::pair<std::string, std::string>> links;  // id, label
  std::function<bool(const Vacancy&, const std::string&)> matches;
  bool list_pages = true;  // schools have pages of their own, made below
};

std::vector<BrowseGroup> browse_groups(const SiteContext& ctx) {
  const Words& w = ctx.w();
  BrowseGroup schools{w["index.by_school"], "schools/", "", {},
                      [](const Vacancy& v, const std::string& id) { return v.school == id; }, false};
  for (auto& [id, s] : ctx.site->schools) schools.links.emplace_back(id, s.name);
  BrowseGroup roles{w["index.by_role"], "roles/", "lists.role_intro", {},
                    [](const Vacancy& v, const std::string& id) { return v.role == id; }};
  std::set<std::string> role_ids;
  for (auto& v : ctx.site->vacancies) role_ids.insert(v.role);
  for (auto& id : role_ids) roles.links.emplace_back(id, ctx.role_label(id));
  BrowseGroup patterns{w["index.by_working_pattern"], "working-patterns/", "lists.pattern_intro",
                       {}, [](const Vacancy& v, const std::string& id) {
                         auto& wp = v.working_pattern;
                         return std::find(wp.begin(), wp.end(), id) != wp.end();
                       }};
  for (auto& [id, label] : kWorkingPatterns) patterns.links.emplace_back(id, w["working_patterns." + id]);
  return {schools, roles, patterns};
}

// The group's links for the index, queueing a list page for each id that
// has open vacancies (a school is linked even with none); their counts,
// which come from the adverts, are added to `about` (see write_paged).
Data browse_links(const SiteContext& ctx, Sink& sink, const BrowseGroup& g, Jobs& jobs,
                  std::vector<std::string>& sitemap, std::string& about) {
  Data group = object();
  put(group, "heading", g.heading);
  Data links = list();
  about += g.heading + '\n';
  for (auto& [id, label] : g.links) {
    auto vs = filter(ctx.listed, [&](const Vacancy* v) { return g.matches(*v, id); });
    if (vs.empty() && g.list_pages) continue;
    Data l = link(label, ctx.url(g.prefix + id + "/"));
    put(l, "count", std::to_string(vs.size()));
    push(links, std::move(l));
    about += label + '\t' + g.prefix + id + '\t' + std::to_string(vs.size()) + '\n';
    if (!g.list_pages) continue;
    sitemap.push_back(g.prefix + id + "/");
    for (auto& p : later_pages(ctx, g.prefix + id + "/", vs.size())) sitemap.push_back(p);
    jobs.push_back([&ctx, &sink, vs, label = label, path = g.prefix + id + "/", intro = g.intro] {
      Data page = object();
      put(page, "heading", label);
      const Words& w = ctx.w();
      std::string intro_text = w.fill(intro, {{"label", label}});
      put(page, "intro", intro_text);
      write_paged(ctx, sink, path, "list", page, label + '\n' + intro_text, vs,
                  {.title = w.fill("lists.list_title", {{"label", label}}),
                   .description = w.fill("lists.list_description", {{"label", label}}),
                   .body_class = "page-list"});
    });
  }
  put(group, "links", std::move(links));
  return group;
}

void queue_school_pages(const SiteContext& ctx, Sink& sink, Jobs& jobs,
                        std::vector<std::string>& sitemap) {
  for (auto& [id, school] : ctx.site->schools) {
    auto vs = filter(ctx.listed, [&id = id](const Vacancy* v) { return v->school == id; });
    sitemap.push_back(school_path(id));
    for (auto& p : later_pages(ctx, school_path(id), vs.size())) sitemap.push_back(p);
    jobs.push_back([&ctx, &sink, &school = school, vs, path = school_path(id)] {
      Data data = object();
      put(data, "school", school_view(ctx, school));
      write_paged(ctx, sink, path, "school", data, "", vs,  // the school's file: in the site key
                  {.title = school.name,
                   .description = school.description.empty()
                                      ? ctx.w().fill("lists.school_description", {{"school", school.name}})
                                      : school.description,
                   .body_class = "page-school"});
    });
  }
}

void queue_standard_pages(const SiteContext& ctx, Sink& sink, Jobs& jobs,
                          std::vector<std::string>& sitemap) {
  for (auto& [id, standard] : ctx.site->standards) {
    sitemap.push_back(standard_path(id));
    jobs.push_back([&ctx, &sink, &id = id, &standard = standard] {
      Data data = object();
      put(data, "standard", standard_view(ctx, standard));
      write_page(ctx, sink, standard_path(id), "standard", data,
                 {.title = standard.title,
                  .description = ctx.w().fill("lists.standard_description", {{"title", standard.title}}),
                  .body_class = "page-standard"});
    });
  }
}

void queue_archive_and_feeds(const SiteContext& ctx, Sink& sink, Jobs& jobs) {
  jobs.push_back([&ctx, &sink] {
    write_paged(ctx, sink, "archive/", "archive", object(), "", ctx.closed,
                {.title = ctx.w()["lists.archive_title"], .description = ctx.w()["lists.archive_description"],
                 .body_class = "page-archive"},
                "counts.closed_vacancies");
  });
  jobs.push_back([&ctx, &sink] { sink.write("feed.xml", atom_feed(ctx)); });
  jobs.push_back([&ctx, &sink] { sink.write("feed.json", json_feed(ctx)); });
  jobs.push_back([&ctx, &sink] { write_search_index(ctx, sink); });
}

void write_sitemap(const SiteContext& ctx, Sink& sink, std::vector<std::string> paths) {
  for (auto* v : ctx.listed) paths.push_back(vacancy_path(*v));
  for (auto& p : ctx.site->pages) paths.push_back(p.slug + "/");
  if (!ctx.site->glossary.empty()) paths.push_back("glossary/");
  std::sort(paths.begin(), paths.end());
  if (!ctx.primary) return;  // the default language's tree lists every language's pages
  sink.write("sitemap.xml", sitemap_xml(ctx, paths));
  sink.write("robots.txt", robots_txt(ctx));
}

}  // namespace

void render_lists(const SiteContext& ctx, Sink& sink) {
  std::vector<std::string> sitemap{""};
  Jobs jobs;
  Data browse = list();
  std::string about;
  for (auto& group : browse_groups(ctx)) push(browse, browse_links(ctx, sink, group, jobs, sitemap, about));
  for (auto& p : later_pages(ctx, "", ctx.listed.size())) sitemap.push_back(p);
  jobs.push_back([&ctx, &sink, &browse, &about] {
    Data index = object();
    put(index, "browse", std::move(browse));
    write_paged(ctx, sink, "", "index", index, about, ctx.listed,
                {.title = ctx.w()["nav.vacancies"], .description = ctx.site->config.description,
                 .body_class = "page-index"});
  });
  queue_school_pages(ctx, sink, jobs, sitemap);
  queue_standard_pages(ctx, sink, jobs, sitemap);
  queue_archive_and_feeds(ctx, sink, jobs);
  parallel_for(jobs.size(), [&](size_t i) { jobs[i](); });
  write_sitemap(ctx, sink, std::move(sitemap));
}
