// Whole and partial preview builds; see preview.h.
#include "serve/preview.h"

#include <algorithm>
#include <filesystem>
#include <mutex>

#include "base/clock.h"
#include "load/load.h"
#include "base/parallel.h"
#include "load/source.h"
#include "theme/theme.h"
#include "check/validate.h"

namespace fs = std::filesystem;

bool is_advert_path(const std::string& path) {
  fs::path p(path);
  auto ext = p.extension().string();
  return p.parent_path() == "content/vacancies" && (ext == ".md" || ext == ".markdown");
}

PreviewSite::PreviewSite(std::string root, BuildOptions options, bool fixed_now)
    : root_(std::move(root)), options_(std::move(options)), fixed_now_(fixed_now) {}

BuildOptions PreviewSite::options_now() const {
  BuildOptions o = options_;
  if (!fixed_now_) o.now = now();
  return o;
}

std::shared_ptr<const FileMap> PreviewSite::files() const {
  std::shared_lock lock(mutex_);
  return files_;
}

void PreviewSite::publish(FileMap files) {
  auto next = std::make_shared<const FileMap>(std::move(files));
  std::unique_lock lock(mutex_);
  files_ = std::move(next);
}

PreviewResult PreviewSite::rebuild(const std::vector<std::string>& changed,
                                   const Published& published) {
  pending_.insert(changed.begin(), changed.end());
  if (changed.empty() || !site_) pending_.insert("");  // "" is not an advert: all is rebuilt
  std::error_code ec;
  if (!fs::is_directory(fs::path(root_) / "content", ec)) {
    // Moved, renamed or deleted while serving: its adverts would seem
    // removed, and 404 while their author looks at them.
    PreviewResult gone;
    if (theme_) gone.folders = theme_->folders();
    gone.diags.error({root_, 0, 0},
                     "the site folder (or its content folder) is not there any more: was it "
                     "moved, renamed or deleted? Put it back, or stop the preview (Ctrl-C) "
                     "and start it again in the folder's new place.");
    return gone;
  }
  bool adverts_only = std::all_of(pending_.begin(), pending_.end(), is_advert_path);
  PreviewResult result = adverts_only
      ? rebuild_adverts(std::vector<std::string>(pending_.begin(), pending_.end()), published)
      : rebuild_all(published);
  if (result.ok) pending_.clear();
  return result;
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

PreviewResult PreviewSite::rebuild_all(const Published& published) {
  PreviewResult r;
  r.full = true;
  LoadedSite loaded = load_checked(root_, r.diags);
  if (loaded.theme) r.folders = loaded.theme->folders();
  if (r.diags.errors()) return r;
  SiteContext ctx(*loaded.site, loaded.theme, options_now());
  add_listings(ctx);
  MemorySink sink(root_);
  RecordingSink lists(sink);
  // The lists' paths are recorded for partial rebuilds.
  parallel_for(2, [&](size_t i) { i == 0 ? render_lists(ctx, lists) : render_others(ctx, sink); });
  parallel_for(ctx.built.size(), [&](size_t i) { render_vacancy(ctx, *ctx.built[i], sink); });
  if (auto failure = sink.failure()) {
    r.diags.error({"content/files", 0, 0}, *failure);
    return r;
  }
  r.files = sink.files();
  list_paths_ = lists.paths();
  listings_ = take_listings(ctx);
  site_ = std::move(loaded.site);
  theme_ = loaded.theme;
  publish(sink.take());
  published({"*"});
  r.ok = true;
  return r;
}

// Re-reads only the adverts in `paths` (some may be gone), checks them
// against the rest of the last good site, and re-renders them and the lists.
PreviewResult PreviewSite::rebuild_adverts(const std::vector<std::string>& paths,
                                           const Published& published) {
  PreviewResult r;
  r.folders = theme_->folders();
  struct Read {
    std::optional<Vacancy> vacancy;
    Diagnostics diags;
  };
  std::vector<Read> read(paths.size());
  parallel_for(paths.size(), [&](size_t i) {
    std::error_code ec;
    if (!fs::exists(fs::path(root_) / paths[i], ec)) return;  // removed
    check_file_name(paths[i], read[i].diags);
    if (auto text = read_text_file(root_, paths[i], read[i].diags))
      read[i].vacancy = parse_vacancy(*text, paths[i], read[i].diags);
  });

  // The cross-file rules, run on a small site holding just these adverts
  // and what they refer to (validating all would cost as much as loading).
  Site part;
  part.root = site_->root;
  part.config = site_->config;
  part.schools = site_->schools;
  part.standards = site_->standards;
  part.glossary = site_->glossary;
  part.files = site_->files;
  for (auto& one : read) {
    r.diags.append(one.diags);
    if (one.vacancy) part.vacancies.push_back(std::move(*one.vacancy));
  }
  bool unknown_spec = std::any_of(part.vacancies.begin(), part.vacancies.end(), [&](auto& v) {
    return !v.spec_id.empty() && !site_->specs.count(v.spec_id);
  });
  if (unknown_spec) part.specs = site_->specs;  // for the "did you mean"
  else
    for (auto& v : part.vacancies)
      if (!v.spec_id.empty()) part.specs[v.spec_id] = site_->specs.at(v.spec_id);
  validate(part, r.diags);
  std::set<std::string> changed(paths.begin(), paths.end());
  for (auto& v : part.vacancies)
    for (auto& other : site_->vacancies)
      if (other.slug == v.slug && !changed.count(other.mark.path))
        r.diags.error(v.mark, "this advert and " + other.mark.path + " both have the slug '" +
                                  v.slug + "' (the address /vacancies/" + v.slug +
                                  "/): rename one of them");
  if (r.diags.errors()) return r;

  // Good: put the new adverts in place of the old.
  std::set<std::string> drop, render;
  auto& all = site_->vacancies;
  for (auto& v : all)
    if (changed.count(v.mark.path)) drop.insert(v.slug);
  std::erase_if(all, [&](const Vacancy& v) { return changed.count(v.mark.path) > 0; });
  for (auto& v : part.vacancies) {
    drop.insert(v.slug);
    render.insert(v.slug);
    all.push_back(std::move(v));
  }
  std::sort(all.begin(), all.end(), [](auto& a, auto& b) { return a.slug < b.slug; });

  // The adverts' own pages first, being what the person saving looks at;
  // then the lists, which on a big site take longer.
  for (auto& slug : drop) listings_.erase(slug);
  SiteContext ctx(*site_, theme_, options_now());
  reuse_listings(ctx, listings_);
  std::vector<const Vacancy*> todo;
  for (auto* v : ctx.built)
    if (render.count(v->slug)) todo.push_back(v);
  MemorySink pages(root_);
  parallel_for(todo.size(), [&](size_t i) { render_vacancy(ctx, *todo[i], pages); });
  r.files = pages.files();
  FileMap next = *files();
  std::vector<std::string> touched;
  for (auto& slug : drop) {
    std::string prefix = "vacancies/" + slug + "/";
    auto it = next.lower_bound(prefix);
    while (it != next.end() && it->first.compare(0, prefix.size(), prefix) == 0) {
      touched.push_back(it->first);
      it = next.erase(it);
    }
  }
  for (auto& [path, content] : pages.take()) {
    touched.push_back(path);
    next[path] = std::move(content);
  }
  publish(std::move(next));
  published(touched);

  MemorySink lists(root_);
  RecordingSink recording(lists);
  render_lists(ctx, recording);
  r.files += lists.files();
  next = *files();
  touched.clear();
  auto now_lists = recording.paths();
  for (auto& p : list_paths_)
    if (!now_lists.count(p) && next.erase(p)) touched.push_back(p);  // e.g. a role with no adverts left
  list_paths_ = std::move(now_lists);
  listings_ = take_listings(ctx);
  for (auto& [path, content] : lists.take()) {
    touched.push_back(path);
    next[path] = std::move(content);
  }
  publish(std::move(next));
  published(touched);
  r.ok = true;
  return r;
}
