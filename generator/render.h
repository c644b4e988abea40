// Rendering: a validated Site becomes the files of the static site, written
// to a Sink. The build renders everything; the preview server re-renders only
// what a change touches (one advert's pages, then the lists).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "model.h"
#include "text.h"
#include "theme.h"

struct BuildOptions {
  Time now = 0;              // decides open, closing soon, closed, scheduled
  bool drafts = false;       // build drafts and scheduled adverts, with banners
  std::string base_url;      // overrides site.yaml's base_url when set
  std::string inject_html;   // put before </body> on every page (live reload)
};

enum class Status { draft, scheduled, open, closing_soon, closed };
Status status_of(const Vacancy& v, Time now);
constexpr Time kClosingSoon = 7 * 24 * 3600;

// Where files go. Implementations must be safe to call from several threads.
class Sink {
 public:
  virtual ~Sink() = default;
  virtual void write(const std::string& path, const std::string& content) = 0;
  virtual void copy(const std::string& path, const std::string& source) = 0;
};

// What the lists show of one vacancy, made once per build and reused by
// every list page, the feeds and the search index: a card is rendered once,
// not once per page it appears on. The preview server keeps them between
// rebuilds for the adverts that did not change.
struct Listing {
  Status status = Status::open;  // what it was made for
  std::string card_html;         // the theme's vacancy_card
  std::string search_entry;      // its object in search-index.json
  std::string atom_entry;        // its <entry> in feed.xml
  std::string feed_item;         // its item in feed.json
};
using Listings = std::map<std::string, Listing>;  // by slug

// What every page of one build shares, computed once.
struct SiteContext {
  const Site* site = nullptr;
  BuildOptions options;
  std::shared_ptr<const Theme> theme;
  Glossary glossary;
  std::string base_url;   // absolute, ends in '/'
  std::string base_path;  // its path: "/" or "/jobs/"
  std::vector<const Vacancy*> built;   // have a page
  std::vector<const Vacancy*> listed;  // open (plus drafts in preview), soonest closing first
  std::vector<const Vacancy*> closed;  // most recently closed first
  std::map<std::string, std::vector<const Vacancy*>> citing;  // standard id -> vacancies
  std::map<std::string, const StaticFile*> files;             // "files/x.docx" -> file
  std::map<const Vacancy*, Listing> listings;                 // every built vacancy's

  // Makes every built vacancy's Listing, in parallel, except those in
  // `keep` (by slug) made for the same status, which are taken from it.
  SiteContext(const Site& site, std::shared_ptr<const Theme> theme, BuildOptions options,
              Listings* keep = nullptr);

  const Listing& listing(const Vacancy& v) const { return listings.at(&v); }
  // One part of every open vacancy's Listing, in list order, joined by
  // `separator`: the feeds and the search index (room is made once).
  std::string joined(std::string Listing::*part, const std::string& separator) const;
  Listings take_listings();  // by slug, for the next build to keep

  std::string url(const std::string& path) const { return base_path + path; }
  std::string absolute(const std::string& path) const { return base_url + path; }
  const School* school_of(const Vacancy& v) const;
  std::string role_label(const std::string& role) const;
  // The language of the advert's own text when it is not the site's ("cy"),
  // else empty: it goes on each element holding that text as lang="...", so
  // a screen reader speaks Welsh as Welsh (WCAG 3.1.2).
  std::string text_language(const Vacancy& v) const;
};

// Output paths, one place for all links.
std::string vacancy_path(const Vacancy& v);  // "vacancies/<slug>/"
std::string school_path(const std::string& id);
std::string standard_path(const std::string& id);
std::string citation_url(const SiteContext& ctx, const std::string& citation);
std::string citation_anchor(const std::string& unit, const std::string& code);

// The job description as HTML (headings from <h3>), for pages and feeds;
// with `seen`, abbreviations marked, and `unmarked` given the HTML without.
std::string vacancy_body_html(const SiteContext& ctx, const Vacancy& v,
                              std::set<std::string>* seen = nullptr,
                              std::string* unmarked = nullptr);

// Renders every file of the site into `sink`, in parallel; the pages of
// render_lists() go to `lists` when given (the preview server records them).
void render_site(const SiteContext& ctx, Sink& sink, Sink* lists = nullptr);
// The parts, for the preview server's partial rebuilds.
void render_vacancy(const SiteContext& ctx, const Vacancy& v, Sink& sink);
void render_lists(const SiteContext& ctx, Sink& sink);   // index, browse pages, feeds, sitemap, search index
void render_others(const SiteContext& ctx, Sink& sink);  // schools, standards, pages, glossary, assets, files, 404
