// Rendering: a validated Site becomes the files of the static site, written
// to a Sink. The build renders everything; the preview server re-renders only
// what a change touches (one advert's pages, then the lists).
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "base/sink.h"
#include "render/site_context.h"

// One vacancy's card, feed entries and search entry, for ctx.listings (a
// closed one's card only: it is on no feed and not in the search index).
Listing make_listing(const SiteContext& ctx, const Vacancy& v);
// Makes the Listing of every built vacancy that has none yet, in parallel;
// or of those in `which` (as SiteContext::refresh gives them).
void add_listings(SiteContext& ctx);
void add_listings(SiteContext& ctx, const std::vector<const Vacancy*>& which);

// The paths each vacancy's own pages were written at, as given to the sink.
using VacancyFiles = std::map<const Vacancy*, std::set<std::string>>;

// Renders every file of the site into `sink`, in parallel, but for the
// pages of ctx.kept. The listings must be made first (add_listings). With
// `made`, says which files each vacancy rendered wrote.
void render_site(const SiteContext& ctx, Sink& sink, VacancyFiles* made = nullptr);
// The parts, for the preview server's partial rebuilds.
void render_vacancy(const SiteContext& ctx, const Vacancy& v, Sink& sink);
void render_lists(const SiteContext& ctx, Sink& sink);   // index, browse pages, feeds, sitemap, search index
void render_others(const SiteContext& ctx, Sink& sink);  // schools, standards, pages, glossary, assets, files, 404
