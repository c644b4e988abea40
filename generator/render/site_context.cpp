// The build's shared facts; see site_context.h.
#include "render/site_context.h"

#include <algorithm>
#include <limits>

#include "markdown/markdown.h"
#include "theme/theme.h"

Status status_of(const Vacancy& v, Time now) {
  if (v.draft) return Status::draft;
  if (v.publish && now < *v.publish) return Status::scheduled;
  if (now >= v.closes) return Status::closed;  // closed at the closing moment itself
  if (v.closes - now <= kClosingSoon) return Status::closing_soon;
  return Status::open;
}

static std::string path_of_url(const std::string& url) {
  auto scheme = url.find("://");
  auto slash = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  std::string path = slash == std::string::npos ? "/" : url.substr(slash);
  if (path.back() != '/') path += '/';
  return path;
}

SiteContext::SiteContext(const Site& s, std::shared_ptr<const Theme> t, BuildOptions o)
    : site(&s), options(std::move(o)), theme(std::move(t)), glossary(s.glossary) {
  base_url = options.base_url.empty() ? s.config.base_url : options.base_url;
  if (base_url.empty() || base_url.back() != '/') base_url += '/';
  base_path = path_of_url(base_url);
  if (!glossary.empty()) glossary.page = url("glossary/");  // render_others writes it
  words = theme ? theme->words(s.config.language) : nullptr;
  if (!words) words = &default_words();
  sort_vacancies();
  for (auto* v : built) cite(*v);
  for (auto& f : s.files) files[f.relative] = &f;
}

// The lists' orders: open soonest closing first, then by title; closed most
// recently closed first; then in site order (by slug, so by address, as
// site->vacancies is sorted by slug).
static bool listed_before(const Vacancy* a, const Vacancy* b) {
  if (a->closes != b->closes) return a->closes < b->closes;
  if (a->title != b->title) return a->title < b->title;
  return a < b;
}
static bool closed_before(const Vacancy* a, const Vacancy* b) {
  return a->closes != b->closes ? a->closes > b->closes : a < b;
}

// The first moment after `now` at which `v`'s status changes, or `later`.
static Time status_changes(const Vacancy& v, Time now, Time later) {
  for (Time t : {v.publish.value_or(0), v.closes - kClosingSoon, v.closes})
    if (t > now) later = std::min(later, t);
  return later;
}

void SiteContext::sort_vacancies() {
  built.clear(), listed.clear(), closed.clear();
  status_until = std::numeric_limits<Time>::max();
  for (auto& v : site->vacancies) {
    status_until = status_changes(v, options.now, status_until);
    if (!is_built(status_of(v, options.now))) continue;
    built.push_back(&v);
    (status_of(v, options.now) == Status::closed ? closed : listed).push_back(&v);
  }
  std::sort(listed.begin(), listed.end(), listed_before);
  std::sort(closed.begin(), closed.end(), closed_before);
}

bool SiteContext::is_built(Status st) const {
  return options.drafts || (st != Status::draft && st != Status::scheduled);
}

// Adds `v` to the list of each standard its specification cites, in built
// (slug) order.
void SiteContext::cite(const Vacancy& v) {
  if (!v.spec) return;
  for (auto& id : v.spec->sections.cited_standards()) {
    auto& list = citing[id];
    auto at = std::lower_bound(list.begin(), list.end(), &v,
                               [](auto* a, auto* b) { return a->slug < b->slug; });
    list.insert(at, &v);
  }
}

// Takes `v` out of the list of each standard it was cited by.
void SiteContext::uncite(const Vacancy* v) {
  for (auto it = citing.begin(); it != citing.end();) {
    std::erase(it->second, v);
    it = it->second.empty() ? citing.erase(it) : std::next(it);
  }
}

std::vector<const Vacancy*> SiteContext::refresh(std::vector<const Vacancy*> changed, Time now) {
  std::sort(changed.begin(), changed.end());
  changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
  bool same_statuses = now >= options.now && now < status_until;
  options.now = now;
  std::vector<const Vacancy*> remade;  // what add_listings has to make again
  if (same_statuses) {
    // Only the changed vacancies move: out of each list, then back in at
    // their place (a save on a 100,000-advert site, without sorting it all).
    for (auto* v : changed) {
      std::erase(built, v), std::erase(listed, v), std::erase(closed, v);
      uncite(v);
      listings.erase(v);
      status_until = status_changes(*v, now, status_until);
      Status st = status_of(*v, now);
      if (!is_built(st)) continue;
      built.insert(std::lower_bound(built.begin(), built.end(), v), v);
      auto& list = st == Status::closed ? closed : listed;
      list.insert(std::lower_bound(list.begin(), list.end(), v,
                                   st == Status::closed ? closed_before : listed_before), v);
      cite(*v);
      remade.push_back(v);
    }
    return remade;
  }
  // A closing moment passed (or the clock went back): all sorted again.
  // `built` is in address order, so what was built before and not now, or
  // now and not before, is found by merging.
  std::vector<const Vacancy*> was = std::move(built), redo;
  sort_vacancies();
  std::set_symmetric_difference(was.begin(), was.end(), built.begin(), built.end(),
                                std::back_inserter(redo));
  redo.insert(redo.end(), changed.begin(), changed.end());
  std::sort(redo.begin(), redo.end());
  redo.erase(std::unique(redo.begin(), redo.end()), redo.end());
  auto now_built = [&](const Vacancy* v) { return std::binary_search(built.begin(), built.end(), v); };
  for (auto* v : redo) {
    uncite(v);
    listings.erase(v);
    if (now_built(v)) cite(*v);
  }
  // A listing made before a closing moment passed says "Open".
  std::erase_if(listings, [&](auto& entry) {
    return entry.second.status != status_of(*entry.first, now) || !now_built(entry.first);
  });
  for (auto* v : built)
    if (!listings.count(v)) remade.push_back(v);
  return remade;
}

void SiteContext::append_joined(std::string& out, Text Listing::*part, const std::string& separator,
                                std::string_view tail) const {
  size_t size = out.size() + tail.size();
  for (auto* v : listed) size += (listing(*v).*part).size() + separator.size();
  out.reserve(size);
  for (size_t i = 0; i < listed.size(); ++i) {
    if (i) out += separator;
    out += (listing(*listed[i]).*part).view();
  }
  out += tail;
}

std::string SiteContext::text_language(const Vacancy& v) const {
  return lower_ascii(v.language) == lower_ascii(site->config.language) ? "" : v.language;
}

const School* SiteContext::school_of(const Vacancy& v) const {
  auto it = site->schools.find(v.school);
  return it == site->schools.end() ? nullptr : &it->second;
}

std::string SiteContext::role_label(const std::string& role) const {
  auto it = site->config.roles.find(role);
  if (it != site->config.roles.end()) return it->second;
  std::string label = role;  // "learning-support" -> "Learning support"
  std::replace(label.begin(), label.end(), '-', ' ');
  if (!label.empty()) label[0] = static_cast<char>(toupper(static_cast<unsigned char>(label[0])));
  return label;
}

std::string vacancy_path(const Vacancy& v) { return "vacancies/" + v.slug + "/"; }
std::string school_path(const std::string& id) { return "schools/" + id + "/"; }
std::string standard_path(const std::string& id) { return "standards/" + id + "/"; }

std::string citation_anchor(const std::string& unit, const std::string& code) {
  return anchor_of(unit + "-" + code);
}

std::string citation_url(const SiteContext& ctx, const std::string& citation) {
  auto first = citation.find('/'), last = citation.rfind('/');
  return ctx.url(standard_path(citation.substr(0, first))) + "#" +
         citation_anchor(citation.substr(first + 1, last - first - 1), citation.substr(last + 1));
}

std::string vacancy_body_html(const SiteContext& ctx, const Vacancy& v,
                              std::set<std::string>* seen, std::string* unmarked) {
  MarkdownOptions options;
  options.unmarked = unmarked;
  options.top_heading = 3;  // under the page's h1 and its "Job description" h2
  options.glossary = seen ? &ctx.glossary : nullptr;
  options.seen = seen;
  return markdown_to_html(v.body, options);
}

