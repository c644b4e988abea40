// Which pages a site has, and each one put through its template and the
// layout into the Sink; see render.h.
#include "render/render.h"

#include <algorithm>
#include <functional>

#include "base/clock.h"
#include "base/key.h"
#include "markdown/markdown.h"
#include "render/outputs/outputs.h"
#include "render/page.h"
#include "base/parallel.h"
#include "render/views.h"
#include "render/words_text.h"
#include "base/vocabulary.h"

Listing make_listing(const SiteContext& ctx, const Vacancy& v) {
  Listing l;
  l.status = status_of(v, ctx.options.now);
  if (ctx.theme) l.card_html = ctx.theme->render("vacancy_card", card_view(ctx, v), ctx.words);
  // A closed advert is on the archive's pages only (the feeds and the search
  // index have the listed ones): at 90,000 closed adverts, their feed entries
  // (each with the whole job description) were over a gigabyte unused.
  if (l.status != Status::closed) {
    l.search_entry = search_index_entry(ctx, v);
    l.atom_entry = atom_entry(ctx, v);
    l.feed_item = json_feed_item(ctx, v);
  }
  Key key;
  for (const Text* part : {&l.card_html, &l.search_entry, &l.atom_entry, &l.feed_item}) key.add(part->view());
  key.add(std::uint64_t(l.status));
  l.digest = key.value;
  return l;
}

void add_listings(SiteContext& ctx) {
  std::vector<const Vacancy*> todo;
  for (auto* v : ctx.built)
    if (!ctx.listings.count(v)) todo.push_back(v);
  add_listings(ctx, todo);
}

void add_listings(SiteContext& ctx, const std::vector<const Vacancy*>& todo) {
  std::vector<Listing> made(todo.size());
  parallel_for(todo.size(), [&](size_t i) { made[i] = make_listing(ctx, *todo[i]); });
  for (size_t i = 0; i < todo.size(); ++i) ctx.listings[todo[i]] = std::move(made[i]);
}


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
  const Words& w = ctx.w();
  meta.title = school ? w.fill("vacancy.at_school", {{"title", v.title}, {"school", school->name}}) : v.title;
  meta.description = v.summary.empty() ? w.fill("vacancy.description", {{"title", v.title},
                                                                       {"closes", datetime_words(v.closes, w)}})
                                       : v.summary;
  meta.body_class = "page-vacancy";
  meta.noindex = status == Status::closed || status == Status::draft || status == Status::scheduled;
  meta.jsonld = status == Status::closed ? "" : job_posting_jsonld(ctx, v, &plain_body);
  if (status == Status::draft || status == Status::scheduled) meta.banner = status_words(status, v, w);
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
  print.title = ctx.w().fill("print.title", {{"title", meta.title}});
  print.body_class = "page-print-spec";
  print.jsonld.clear();
  print.noindex = true;
  write_page(ctx, sink, base + "person-specification/", "print_spec", data, print);
  PageMeta prepare = print;
  prepare.title = ctx.w().fill("checklist.title", {{"title", meta.title}});
  prepare.body_class = "page-checklist";
  write_page(ctx, sink, base + "prepare/", "checklist", data, prepare);
}

void render_others(const SiteContext& ctx, Sink& sink) {
  const Site& site = *ctx.site;
  for (auto& p : site.pages) {
    PageMeta meta{.title = p.title, .description = p.description, .body_class = "page-" + p.slug};
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
               {.title = ctx.w()["glossary.title"], .description = ctx.w()["glossary.description"],
                .body_class = "page-glossary"});
  }
  write_page(ctx, sink, "404.html", "not_found", object(),
             {.title = ctx.w()["not_found.title"], .body_class = "page-not-found", .noindex = true});
  for (auto& a : ctx.theme->assets()) sink.write(a.output, a.content);
  for (auto& f : site.files) sink.copy(f.relative, f.source);
}

void render_site(const SiteContext& ctx, Sink& sink, VacancyFiles* made) {
  // The lists and the other pages go first, so they overlap the adverts
  // rather than running alone at the end. (The cards, feed entries and
  // search entries they join were made by add_listings.)
  size_t n = ctx.built.size();
  std::vector<std::set<std::string>> paths(made ? n : 0);
  parallel_for(n + 2, [&](size_t i) {
    if (i == 0) return render_lists(ctx, sink);
    if (i == 1) return render_others(ctx, sink);
    const Vacancy& v = *ctx.built[i - 2];
    if (ctx.kept.count(&v)) return;
    if (!made) return render_vacancy(ctx, v, sink);
    RecordingSink recording(sink);
    render_vacancy(ctx, v, recording);
    paths[i - 2] = recording.paths();
  });
  if (made)
    for (size_t i = 0; i < n; ++i)
      if (!ctx.kept.count(ctx.built[i])) (*made)[ctx.built[i]] = std::move(paths[i]);
}
