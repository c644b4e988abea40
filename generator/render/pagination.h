// Long lists of vacancies in pages (issue 18): the index, the school, role
// and working-pattern pages and the archive show at most `per_page` cards
// (site.yaml, 50 by default), the first page at the list's own address and
// the rest at page/2/, page/3/, ... under it, with numbered links between
// them. A list that fits on one page is written exactly as before.
#pragma once

#include <string>
#include <vector>

#include "base/sink.h"
#include "render/page.h"

// How many pages a list of `count` vacancies takes (at least 1).
size_t page_count(const SiteContext& ctx, size_t count);

// The addresses of a list's pages after the first: "roles/x/page/2/", ...
std::vector<std::string> later_pages(const SiteContext& ctx, const std::string& path, size_t count);

// Writes `vs` as the list at `path` with template `tmpl`: `data` holds the
// page's own values (a school's, a heading); each page adds its cards,
// has_vacancies, count_text (the whole list's count) and, when there is more
// than one page, `pagination` (see themes/default/README.md).
//
// Each page is written with Sink::write_made, keyed by its cards, its place
// and `about`: whatever in `data` a build cache's site key does not hold
// (the theme, site.yaml and content other than adverts it does), as text.
// A value put in `data` from anything else must be in `about` too, or a
// rebuild may keep a page that should have changed.
void write_paged(const SiteContext& ctx, Sink& sink, const std::string& path, const std::string& tmpl,
                 const Data& data, const std::string& about, const std::vector<const Vacancy*>& vs,
                 const PageMeta& meta, const std::string& counts = "counts.open_vacancies");

// The search index: one search-index.json while the open vacancies fit on
// one page; else search-index.json holds the glossary, the first part's
// vacancies, the addresses of the other parts (search-index-2.json, ...,
// "more"), which script.js fetches only when a search or filter starts, and
// every school, role, contract and pattern for the filters' choices
// ("facets"); each vacancy's entry carries its card, for the filters to
// show vacancies that are on other pages.
void write_search_index(const SiteContext& ctx, Sink& sink);
