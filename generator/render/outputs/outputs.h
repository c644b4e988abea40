// The machine-read outputs: what search engines, feed readers and calendars
// read. One small file each; all take the build's SiteContext and return text.
#pragma once

#include <string>
#include <vector>

#include "render/site_context.h"

// <script type="application/ld+json"> with a schema.org JobPosting, for an
// open vacancy (empty for a closed one). No string can close the script.
// `description_html`, when given, is the job description already made.
std::string job_posting_jsonld(const SiteContext& ctx, const Vacancy& v,
                               const std::string* description_html = nullptr);

// sitemap.xml of the given paths (relative to the site root, e.g.
// "vacancies/lsp/"), as absolute URLs.
std::string sitemap_xml(const SiteContext& ctx, const std::vector<std::string>& paths);
std::string robots_txt(const SiteContext& ctx);

// Atom (RFC 4287) and JSON Feed 1.1 of the open vacancies (ctx.listed),
// made of each vacancy's entry (kept in its Listing).
std::string atom_feed(const SiteContext& ctx);
std::string json_feed(const SiteContext& ctx);
std::string atom_entry(const SiteContext& ctx, const Vacancy& v);
std::string json_feed_item(const SiteContext& ctx, const Vacancy& v);

// An iCalendar (RFC 5545) event at the vacancy's closing time.
std::string vacancy_ics(const SiteContext& ctx, const Vacancy& v);

// The search index of open vacancies for the index page's filters, made of
// each vacancy's entry (kept in its Listing).
std::string search_index_json(const SiteContext& ctx);
// The glossary part of it: [{"abbr": ..., "words": ...}, ...].
std::string search_glossary_json(const SiteContext& ctx);
std::string search_index_entry(const SiteContext& ctx, const Vacancy& v);
