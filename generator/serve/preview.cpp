// Whole and partial preview builds; see preview.h.
#include "serve/preview.h"

#include <algorithm>
#include <filesystem>
#include <mutex>

#include "base/clock.h"
#include "base/parallel.h"
#include "check/validate.h"
#include "render/languages.h"
#include "theme/theme.h"

namespace fs = std::filesystem;

PreviewSite::PreviewSite(std::string root, BuildOptions options, bool fixed_now)
    : root_(std::move(root)), options_(std::move(options)), fixed_now_(fixed_now) {}

BuildOptions PreviewSite::options_now() const {
  BuildOptions o = options_;
  if (!fixed_now_) o.now = now();
  return o;
}

std::shared_ptr<const ServedFiles> PreviewSite::files() const {
  std::shared_lock lock(mutex_);
  return files_;
}

// The advert at `slug` of a site (its vacancies are sorted by slug), or null.
static Vacancy* vacancy_at(Site& site, const std::string& slug) {
  auto& all = site.vacancies;
  auto it = std::lower_bound(all.begin(), all.end(), slug,
                             [](const Vacancy& a, const std::string& s) { return a.slug < s; });
  return it != all.end() && it->slug == slug ? &*it : nullptr;
}

std::shared_ptr<const std::string> PreviewSite::find(const std::string& path) {
  auto served = files();
  if (!served) return nullptr;
  if (auto file = served->find(path)) return file;
  std::string slug = AdvertPages::slug_of(path);
  if (slug.empty()) return nullptr;
  std::shared_lock model(model_mutex_);
  if (!ctx_) return nullptr;  // a bilingual site's are all in files()
  return pages_.find(slug, path, [&] {
    const Vacancy* v = vacancy_at(*site_, slug);
    MemorySink sink(root_);
    // `built` is in address order; its listings are the rebuild's to change.
    if (v && std::binary_search(ctx_->built.begin(), ctx_->built.end(), v)) render_vacancy(*ctx_, *v, sink);
    return sink.take();
  });
}

std::shared_ptr<const PreviewTheme> PreviewSite::preview_theme() const {
  std::shared_lock lock(mutex_);
  return preview_;
}

void PreviewSite::publish(ServedFiles files) {
  std::shared_ptr<const ServedFiles> next = std::make_shared<const ServedFiles>(std::move(files));
  {
    std::unique_lock lock(mutex_);
    files_.swap(next);
  }
  // The old files, when no reader holds them any more, are freed here,
  // not while readers wait for the lock.
}

// The preview files of the theme the load chose (of the default theme when
// there is none, as for a folder that is not a site yet); kept only when
// they read without error, which are the build's errors too.
void PreviewSite::read_preview_theme(const std::shared_ptr<const Theme>& theme, PreviewResult& r) {
  Diagnostics ignored;
  auto used = theme ? theme : theme_ ? theme_ : Theme::load(root_, "default", ignored);
  r.folders = used->folders();
  Diagnostics found;
  auto next = std::make_shared<const PreviewTheme>(load_preview_theme(r.folders, root_, found));
  r.diags.append(found);
  if (found.errors()) return;
  std::unique_lock lock(mutex_);
  preview_ = std::move(next);
}

PreviewResult PreviewSite::rebuild(const std::vector<std::string>& changed,
                                   const Published& published) {
  pending_.insert(changed.begin(), changed.end());
  if (changed.empty() || !site_) pending_.insert("");  // "" is not an advert: all is rendered
  PreviewResult r;
  std::error_code ec;
  if (!fs::is_directory(fs::path(root_) / "content", ec)) {
    // Moved, renamed or deleted while serving: its adverts would seem
    // removed, and 404 while their author looks at them.
    if (theme_) r.folders = theme_->folders();
    r.diags.error({root_, 0, 0},
                  "the site folder (or its content folder) is not there any more: was it "
                  "moved, renamed or deleted? Put it back, or stop the preview (Ctrl-C) "
                  "and start it again in the folder's new place.");
    return r;
  }
  if (saved_adverts_only()) return rebuild_saved(std::move(r), published);
  LoadedSite loaded = load_checked(root_, r.diags, &cache_);
  changed_.insert(cache_.load.changed.begin(), cache_.load.changed.end());
  read_preview_theme(loaded.theme, r);
  if (r.diags.errors()) return r;
  r = adverts_only() ? rebuild_adverts(std::move(loaded), std::move(r), published)
                     : rebuild_all(std::move(loaded), std::move(r), published);
  if (!r.ok) return r;
  pending_.clear();
  changed_.clear();
  adverts_.clear();
  for (auto& [path, file] : cache_.load.vacancies) adverts_.insert(path);
  return r;
}

// True when every file saved, and every file the loads found changed, since
// the last good build is an advert's (one of its adverts, or one now).
bool PreviewSite::adverts_only() const {
  if (!site_ || language_trees(site_->config).size() > 1) return false;
  auto advert = [&](const std::string& p) { return adverts_.count(p) || cache_.load.vacancies.count(p); };
  return std::all_of(pending_.begin(), pending_.end(), advert) &&
         std::all_of(changed_.begin(), changed_.end(), advert);
}

// True when, since the last good build, only adverts of it were saved (and
// are still there), and no load found anything else changed: then only
// those files need reading and checking again (rebuild_saved).
bool PreviewSite::saved_adverts_only() const {
  if (!ctx_ || !site_->translations.empty() || pending_.count("")) return false;
  return std::all_of(pending_.begin(), pending_.end(), [&](const std::string& p) {
           std::error_code ec;
           return adverts_.count(p) && fs::is_regular_file(fs::path(root_) / p, ec);
         }) &&
         std::all_of(changed_.begin(), changed_.end(), [&](auto& p) { return pending_.count(p); });
}

// The last build's listings for the adverts not dropped since, where the
// status is the same (a card made before the closing moment says "Open");
// the others are made anew.
static void reuse_listings(SiteContext& ctx, Listings& previous) {
  for (auto* v : ctx.built) {
    auto it = previous.find(v->slug);
    if (it != previous.end() && it->second.status == status_of(*v, ctx.options.now))
      ctx.listings[v] = std::move(it->second);
  }
  add_listings(ctx);
}

static Listings take_listings(SiteContext& ctx) {
  Listings out;
  for (auto& [v, l] : ctx.listings) out.emplace(v->slug, std::move(l));
  ctx.listings.clear();
  return out;
}

PreviewResult PreviewSite::rebuild_all(LoadedSite loaded, PreviewResult r,
                                       const Published& published) {
  r.full = true;
  MemorySink sink(root_);
  std::set<std::string> list_paths;
  std::unique_ptr<SiteContext> kept;
  if (language_trees(loaded.site->config).size() > 1) {
    // A bilingual site: every language's tree, rendered whole on each save
    // (a translation makes an advert's pages depend on more than its file).
    render_languages(*loaded.site, loaded.theme, options_now(), sink);
  } else {
    kept = std::make_unique<SiteContext>(*loaded.site, loaded.theme, options_now());
    SiteContext& ctx = *kept;
    add_listings(ctx);
    RecordingSink lists(sink);
    // The lists' paths are recorded for partial rebuilds.
    // The adverts' own pages are made when asked for (find()).
    parallel_for(2, [&](size_t i) { i == 0 ? render_lists(ctx, lists) : render_others(ctx, sink); });
    r.on_request = ctx.built.size();
    list_paths = lists.paths();
  }
  if (auto failure = sink.failure()) {
    r.diags.error({"content/files", 0, 0}, *failure);
    return r;
  }
  r.files = sink.files();
  list_paths_ = std::move(list_paths);
  {
    std::unique_lock model(model_mutex_);
    ctx_ = std::move(kept);
    site_ = std::move(loaded.site);
    pages_.clear();
  }
  theme_ = loaded.theme;
  publish(ServedFiles(sink.take()));
  published({"*"});
  r.ok = true;
  return r;
}

// Puts the new lists in place of the old, removing those not made this time
// (a role with no adverts left); the paths served anew.
std::vector<std::string> PreviewSite::publish_lists(MemorySink& lists,
                                                    std::set<std::string> now_lists) {
  std::vector<std::string> gone, touched;
  for (auto& p : list_paths_)
    if (!now_lists.count(p)) gone.push_back(p);
  list_paths_ = std::move(now_lists);
  publish(files()->changed({}, gone, lists.take(), touched));
  return touched;
}

// The adverts' own pages first, being what the person saving looks at;
// then the lists, which on a big site take longer.
void PreviewSite::publish_adverts(std::vector<std::string> touched,
                                  const std::vector<const Vacancy*>& todo, PreviewResult& r,
                                  const Published& published) {
  std::vector<FileMap> made(todo.size());
  parallel_for(todo.size(), [&](size_t i) {
    MemorySink pages(root_);
    render_vacancy(*ctx_, *todo[i], pages);
    made[i] = pages.take();
  });
  for (size_t i = 0; i < todo.size(); ++i) {
    r.files += made[i].size();
    for (auto& path : pages_.put(todo[i]->slug, std::move(made[i]))) touched.push_back(path);
  }
  published(touched);

  MemorySink lists(root_);
  RecordingSink recording(lists);
  render_lists(*ctx_, recording);
  r.files += lists.files();
  published(publish_lists(lists, recording.paths()));
}

// Only adverts of the last good build were saved: each is read and checked
// again on its own, against the rest of the site as it was, and put in
// place of the old one; then its pages and the lists are rendered again.
// On a 100,000-advert site this is milliseconds where loading and checking
// everything again took seconds.
PreviewResult PreviewSite::rebuild_saved(PreviewResult r, const Published& published) {
  r.folders = theme_->folders();  // the same theme: no theme file changed
  r.saved_only = true;
  std::vector<std::pair<Vacancy*, Vacancy>> saved;
  for (auto& path : pending_) {
    auto v = reload_vacancy(root_, path, cache_.load, r.diags);
    changed_.insert(cache_.load.changed.begin(), cache_.load.changed.end());
    if (!v) continue;
    validate_vacancy(*site_, *v, r.diags, &cache_.check);
    Vacancy* old = vacancy_at(*site_, v->slug);
    if (!old) {  // cannot be: the file is one of the site's
      r.diags.error({path, 0, 0}, "this advert was not found in the site; save another file to load it all again");
      continue;
    }
    saved.emplace_back(old, std::move(*v));
  }
  if (r.diags.errors()) return r;  // the last good build stays, and pending_ with it
  std::set<std::string> slugs;
  std::vector<const Vacancy*> changed;
  std::vector<std::string> touched;
  {
    std::unique_lock model(model_mutex_);
    for (auto& [old, now] : saved) {
      *old = std::move(now);
      slugs.insert(old->slug);
      changed.push_back(old);
      for (auto& p : pages_.drop(old->slug)) touched.push_back(p);
    }
    add_listings(*ctx_, ctx_->refresh(changed, options_now().now));
  }
  std::vector<const Vacancy*> todo;
  for (auto* v : ctx_->built)
    if (slugs.count(v->slug)) todo.push_back(v);
  publish_adverts(std::move(touched), todo, r, published);
  r.ok = true;
  pending_.clear();
  changed_.clear();
  return r;
}

// The site is the one loaded and checked whole; of it, only the adverts
// whose files changed are rendered again, with the lists.
PreviewResult PreviewSite::rebuild_adverts(LoadedSite loaded, PreviewResult r,
                                           const Published& published) {
  std::set<std::string> drop, render;  // slugs: pages to remove, pages to make
  for (auto& v : site_->vacancies)
    if (changed_.count(v.mark.path)) drop.insert(v.slug);
  for (auto& v : loaded.site->vacancies)
    if (changed_.count(v.mark.path)) drop.insert(v.slug), render.insert(v.slug);
  Listings previous = take_listings(*ctx_);
  for (auto& slug : drop) previous.erase(slug);
  // The theme is the last one: no theme file changed.
  auto ctx = std::make_unique<SiteContext>(*loaded.site, theme_, options_now());
  reuse_listings(*ctx, previous);
  std::vector<std::string> touched;
  {
    std::unique_lock model(model_mutex_);
    ctx_ = std::move(ctx);
    site_ = std::move(loaded.site);
    for (auto& slug : drop)
      for (auto& path : pages_.drop(slug)) touched.push_back(path);
  }
  std::vector<const Vacancy*> todo;
  for (auto* v : ctx_->built)
    if (render.count(v->slug)) todo.push_back(v);
  publish_adverts(std::move(touched), todo, r, published);
  r.ok = true;
  return r;
}
