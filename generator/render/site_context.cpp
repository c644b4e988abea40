// The build's shared facts; see site_context.h.
#include "render/site_context.h"

#include <algorithm>

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

void SiteContext::sort_vacancies() {
  built.clear(), listed.clear(), closed.clear();
  for (auto& v : site->vacancies) {
    Status st = status_of(v, options.now);
    bool hidden = st == Status::draft || st == Status::scheduled;
    if (hidden && !options.drafts) continue;  // not built at all
    built.push_back(&v);
    if (st == Status::closed) closed.push_back(&v);
    else listed.push_back(&v);
  }
  std::stable_sort(listed.begin(), listed.end(), [](auto* a, auto* b) {
    return a->closes != b->closes ? a->closes < b->closes : a->title < b->title;
  });
  std::stable_sort(closed.begin(), closed.end(),
                   [](auto* a, auto* b) { return a->closes > b->closes; });
}

// Adds `v` to the list of each standard its specification cites, in built
// (slug) order.
void SiteContext::cite(const Vacancy& v) {
  if (!v.spec) return;
  std::set<std::string> cited;
  for (auto& section : v.spec->sections)
    for (auto& c : section.criteria)
      for (auto& cite : c.standards) cited.insert(cite.substr(0, cite.find('/')));
  for (auto& id : cited) {
    auto& list = citing[id];
    auto at = std::lower_bound(list.begin(), list.end(), &v,
                               [](auto* a, auto* b) { return a->slug < b->slug; });
    list.insert(at, &v);
  }
}

void SiteContext::refresh(const std::vector<const Vacancy*>& changed, Time now) {
  options.now = now;
  // `built` is in the order of site->vacancies, so of their addresses: the
  // vacancies built before and not now, or now and not before, are found by
  // merging (a std::set of 100,000 took longer than the rest of a save).
  std::vector<const Vacancy*> was = std::move(built), redo;
  sort_vacancies();
  std::set_symmetric_difference(was.begin(), was.end(), built.begin(), built.end(),
                                std::back_inserter(redo));
  redo.insert(redo.end(), changed.begin(), changed.end());
  auto is_built = [&](const Vacancy* v) { return std::binary_search(built.begin(), built.end(), v); };
  for (auto* v : redo) {
    for (auto it = citing.begin(); it != citing.end();) {
      std::erase(it->second, v);
      it = it->second.empty() ? citing.erase(it) : std::next(it);
    }
    listings.erase(v);
  }
  std::sort(redo.begin(), redo.end());
  redo.erase(std::unique(redo.begin(), redo.end()), redo.end());
  for (auto* v : redo)
    if (is_built(v)) cite(*v);
  // A listing made before a closing moment passed says "Open".
  std::erase_if(listings, [&](auto& entry) {
    return entry.second.status != status_of(*entry.first, now) || !is_built(entry.first);
  });
}

std::string SiteContext::joined(std::string Listing::*part, const std::string& separator) const {
  size_t size = 0;
  for (auto* v : listed) size += (listing(*v).*part).size() + separator.size();
  std::string out;
  out.reserve(size);
  for (size_t i = 0; i < listed.size(); ++i) {
    if (i) out += separator;
    out += listing(*listed[i]).*part;
  }
  return out;
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

