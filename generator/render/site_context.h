// What every page of one build shares, computed once from the validated
// Site: which vacancies are built, listed and closed, their status, the base
// URL, and the output path of each kind of page. Rendering and the outputs
// read it; it calls neither.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/model.h"
#include "base/text.h"
#include "theme/words.h"

class Theme;

struct BuildOptions {
  Time now = 0;              // decides open, closing soon, closed, scheduled
  bool drafts = false;       // build drafts and scheduled adverts, with banners
  std::string base_url;      // overrides site.yaml's base_url when set
};

enum class Status { draft, scheduled, open, closing_soon, closed };
Status status_of(const Vacancy& v, Time now);
constexpr Time kClosingSoon = 7 * 24 * 3600;

// What the lists show of one vacancy, made once per build and reused by
// every list page, the feeds and the search index: a card is rendered once,
// not once per page it appears on.
struct Listing {
  Status status = Status::open;  // what it was made for
  // Lent from the build cache when taken from it (see text_ref.h).
  Text card_html;                // the theme's vacancy_card
  Text search_entry;             // its object in search-index.json
  Text atom_entry;               // its <entry> in feed.xml
  Text feed_item;                // its item in feed.json
  // Of the four texts: what a list page or a part of the search index
  // takes of each vacancy for its key (see Sink::write_made), so that an
  // unchanged page is known without hashing its cards again.
  std::uint64_t digest = 0;
};

// The same page in one of a bilingual site's languages.
struct Alternate {
  std::string language;  // "en-GB"
  std::string base_url;  // the tree's absolute root: "https://x/en/"
  std::string base_path; // its path: "/en/"
  std::string name;      // the language's name in itself: "English", "Cymraeg"
};

// What every page of one build shares, computed once.
struct SiteContext {
  const Site* site = nullptr;
  BuildOptions options;
  std::shared_ptr<const Theme> theme;
  // The words of the site's language (the theme's i18n/<language>.yaml);
  // the default English when the context has no theme.
  const Words* words = nullptr;
  Glossary glossary;
  std::string base_url;   // absolute, ends in '/'
  std::string base_path;  // its path: "/" or "/jobs/"
  std::vector<const Vacancy*> built;   // have a page
  std::vector<const Vacancy*> listed;  // open (plus drafts in preview), soonest closing first
  std::vector<const Vacancy*> closed;  // most recently closed first
  std::map<std::string, std::vector<const Vacancy*>> citing;  // standard id -> vacancies
  std::map<std::string, const StaticFile*> files;             // "files/x.docx" -> file
  std::map<const Vacancy*, Listing> listings;                 // every built vacancy's
  // Built vacancies whose own pages the sink holds already (taken from the
  // previous output by the build cache): render_site does not render them.
  std::set<const Vacancy*> kept;
  // A bilingual site: every language's tree, this one's included (empty for
  // a site in one language); `primary`: this is the default language's tree,
  // at the root, which alone writes robots.txt and the sitemap of them all.
  std::vector<Alternate> alternates;
  bool primary = true;

  // Sorts the vacancies into built, listed and closed; `listings` is left
  // for the renderer to fill (see make_listing in render.h).
  SiteContext(const Site& site, std::shared_ptr<const Theme> theme, BuildOptions options);

  // After the vacancies in `changed` were replaced in place (the same
  // objects, new contents) and the clock moved to `now`: built, listed,
  // closed and citing again, and the listings that no longer fit (of those
  // changed, or whose status moved) removed. Returns the built vacancies
  // left without a listing, for add_listings to make.
  std::vector<const Vacancy*> refresh(std::vector<const Vacancy*> changed, Time now);

  const Listing& listing(const Vacancy& v) const { return listings.at(&v); }
  // One part of every open vacancy's Listing, in list order, joined by
  // `separator`, added to `out` with room made once, then `tail`: a feed
  // of 5,000 entries is megabytes, and each copy of it was fresh memory.
  void append_joined(std::string& out, Text Listing::*part, const std::string& separator,
                     std::string_view tail = "") const;

  std::string url(const std::string& path) const { return base_path + path; }
  std::string absolute(const std::string& path) const { return base_url + path; }
  const Words& w() const { return *words; }
  const School* school_of(const Vacancy& v) const;
  std::string role_label(const std::string& role) const;
  // The language of the advert's own text when it is not the site's ("cy"),
  // else empty: it goes on each element holding that text as lang="...", so
  // a screen reader speaks Welsh as Welsh (WCAG 3.1.2).
  std::string text_language(const Vacancy& v) const;

 private:
  void sort_vacancies();
  bool is_built(Status st) const;
  void cite(const Vacancy& v);
  void uncite(const Vacancy* v);
  // No vacancy's status changes before this moment (see refresh()).
  Time status_until = 0;
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

