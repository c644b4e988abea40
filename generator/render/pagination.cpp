// Lists in pages, and the search index in parts; see pagination.h.
#include "render/pagination.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>
#include <span>

#include "base/key.h"
#include "render/outputs/json_text.h"
#include "render/outputs/outputs.h"
#include "render/views.h"

namespace {

// Vacancies per part of a split search index: each entry is a few KB with
// its criteria and card, so a part is some hundreds of KB.
constexpr size_t kSearchPart = 100;

// Cards on a list page: at least one.
size_t per_page(const SiteContext& ctx) { return std::max<size_t>(1, ctx.site->config.per_page); }

// Run `n` (from 0) of `size` vacancies of `vs`: a list page's cards, a
// search-index part's entries.
std::span<const Vacancy* const> run_of(const std::vector<const Vacancy*>& vs, size_t n, size_t size) {
  size_t from = std::min(vs.size(), n * size);
  return std::span<const Vacancy* const>(vs).subspan(from, std::min(size, vs.size() - from));
}

std::string page_path(const std::string& path, size_t page) {
  return page == 1 ? path : path + "page/" + std::to_string(page) + "/";
}

// The numbered links: the first, the last, and two either side of the
// current page, with a gap marked between runs.
Data pagination_view(const SiteContext& ctx, const std::string& path, size_t page, size_t pages) {
  Data p = object();
  Data links = list();
  size_t last_shown = 0;
  for (size_t i = 1; i <= pages; ++i) {
    bool near = i + 2 >= page && i <= page + 2;
    if (i != 1 && i != pages && !near) continue;
    if (last_shown && i > last_shown + 1) {
      Data gap = object();
      put(gap, "gap", true);
      push(links, std::move(gap));
    }
    Data l = link(std::to_string(i), ctx.url(page_path(path, i)), i == page);
    push(links, std::move(l));
    last_shown = i;
  }
  put(p, "pages", std::move(links));
  put(p, "page", std::to_string(page));
  put(p, "page_count", std::to_string(pages));
  put(p, "label", ctx.w().fill("pagination.label", {{"page", std::to_string(page)},
                                                    {"count", std::to_string(pages)}}));
  if (page > 1) put(p, "prev_url", ctx.url(page_path(path, page - 1)));
  if (page < pages) put(p, "next_url", ctx.url(page_path(path, page + 1)));
  return p;
}

// A search entry (a JSON object) with the vacancy's card added.
std::string with_card(std::string_view entry, std::string_view card_html) {
  return std::string(entry.substr(0, entry.size() - 1)) + ",\"card_html\":" + json_string(card_html) + "}";
}

// Each distinct school, role, contract and working pattern of the open
// vacancies, as entries with only those fields: what the filters' selects
// offer before the other parts of the index are fetched.
std::string facets_json(const SiteContext& ctx) {
  std::set<std::string> seen;
  std::string out;
  for (auto* v : ctx.listed) {
    const School* school = ctx.school_of(*v);
    nlohmann::ordered_json o;
    o["school_id"] = v->school;
    o["school"] = school && !school->name.empty() ? school->name : v->school;
    o["role"] = v->role;
    o["role_label"] = ctx.role_label(v->role);
    o["contract"] = v->contract;
    o["working_pattern"] = v->working_pattern;
    std::string entry = o.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (!seen.insert(entry).second) continue;
    if (!out.empty()) out += ',';
    out += entry;
  }
  return "[" + out + "]";
}

}  // namespace

size_t page_count(const SiteContext& ctx, size_t count) {
  size_t per = per_page(ctx);
  return std::max<size_t>(1, (count + per - 1) / per);
}

std::vector<std::string> later_pages(const SiteContext& ctx, const std::string& path, size_t count) {
  std::vector<std::string> out;
  for (size_t i = 2; i <= page_count(ctx, count); ++i) out.push_back(page_path(path, i));
  return out;
}

void write_paged(const SiteContext& ctx, Sink& sink, const std::string& path, const std::string& tmpl,
                 const Data& data, const std::string& about, const std::vector<const Vacancy*>& vs,
                 const PageMeta& meta, const std::string& counts) {
  size_t pages = page_count(ctx, vs.size());
  const std::string count_text = count_words(ctx, vs, counts);  // once, not once a page
  for (size_t page = 1; page <= pages; ++page) {
    auto cards = run_of(vs, page - 1, per_page(ctx));
    Key key;
    for (std::string_view part : {std::string_view(tmpl), std::string_view(path), std::string_view(about),
                                  std::string_view(count_text), std::string_view(meta.title),
                                  std::string_view(meta.description), std::string_view(meta.body_class),
                                  std::string_view(meta.jsonld), std::string_view(meta.banner),
                                  std::string_view(meta.body_html)})
      key.add(part);
    key.add(page), key.add(pages), key.add(std::uint64_t(meta.noindex)), key.add(std::uint64_t(vs.empty()));
    for (const Vacancy* v : cards) key.add(ctx.listing(*v).digest);
    sink.write_made(page_file(page_path(path, page)), key.value, [&] {
      Data d = data;
      PageMeta m = meta;
      add_cards(ctx, std::vector<const Vacancy*>(cards.begin(), cards.end()), !vs.empty(), count_text, d);
      if (pages > 1) {
        put(d, "pagination", pagination_view(ctx, path, page, pages));
        if (page > 1)
          m.title = ctx.w().fill("pagination.title", {{"title", m.title},
                                                      {"page", std::to_string(page)},
                                                      {"count", std::to_string(pages)}});
      }
      return render_page(ctx, page_path(path, page), tmpl, d, m);
    });
  }
}

void write_search_index(const SiteContext& ctx, Sink& sink) {
  if (page_count(ctx, ctx.listed.size()) == 1) {
    sink.write("search-index.json", search_index_json(ctx));
    return;
  }
  size_t parts = (ctx.listed.size() + kSearchPart - 1) / kSearchPart;
  auto entries = [&](size_t part) {
    std::string out;
    for (const Vacancy* v : run_of(ctx.listed, part, kSearchPart)) {
      const Listing& l = ctx.listing(*v);
      if (!out.empty()) out += ',';
      out += with_card(l.search_entry, l.card_html);
    }
    return out;
  };
  nlohmann::json more = nlohmann::json::array();
  for (size_t p = 1; p < parts; ++p) more.push_back(ctx.url("search-index-" + std::to_string(p + 1) + ".json"));
  std::string first = "{\"glossary\":" + search_glossary_json(ctx);
  first += ",\"more\":" + more.dump() + ",\"facets\":" + facets_json(ctx) + ",\"vacancies\":[" + entries(0) + "]}\n";
  sink.write("search-index.json", first);
  // The other parts hold their vacancies alone: one edit makes one of them again.
  for (size_t p = 1; p < parts; ++p) {
    Key key;
    key.add("search-index part"), key.add(p);
    for (const Vacancy* v : run_of(ctx.listed, p, kSearchPart)) key.add(ctx.listing(*v).digest);
    sink.write_made("search-index-" + std::to_string(p + 1) + ".json", key.value,
                    [&] { return "{\"vacancies\":[" + entries(p) + "]}\n"; });
  }
}
