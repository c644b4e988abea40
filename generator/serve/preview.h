// The preview server's builds: the whole site at first, then after each
// save the same load and checks as `staffroom build` (load_checked), with a
// cache so that unchanged files are not read or parsed again. When only
// adverts changed, only their pages and the lists are rendered again;
// anything else renders it all, as does any change to a bilingual site
// (each language's tree, as `staffroom build` writes them). Nothing is replaced unless the new build
// has no errors.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <shared_mutex>
#include <string>
#include <vector>

#include "load/load.h"
#include "pipeline/build.h"
#include "render/render.h"
#include "serve/advert_pages.h"
#include "serve/preview_theme.h"
#include "serve/served_files.h"
#include "write/memory_sink.h"

struct PreviewResult {
  bool ok = false;
  bool full = false;       // everything was rendered
  bool saved_only = false; // only the saved adverts were read and checked again
  size_t on_request = 0;   // adverts whose own pages are made when first asked for
  size_t files = 0;        // files written
  Diagnostics diags;       // this attempt's, errors and warnings
  std::vector<std::string> folders;  // the theme folders now in use
};

// The listings of a build, by slug, kept for the next.
using Listings = std::map<std::string, Listing>;

class PreviewSite {
 public:
  // `options.now` is used when `fixed_now`; otherwise the clock at each build.
  PreviewSite(std::string root, BuildOptions options, bool fixed_now);

  // Rebuilds after a change to `changed` (paths relative to the site root);
  // an empty list renders everything. Changes since the last good build
  // are remembered, so an edit made while the site was broken is not lost.
  // `published` is called each time new files are being served, with their
  // paths ("*" for all): an advert's own pages go first, the lists after.
  using Published = std::function<void(const std::vector<std::string>& paths)>;
  PreviewResult rebuild(const std::vector<std::string>& changed, const Published& published);

  // The files of the last good build (null before the first), for reading
  // from any thread: all but the adverts' own pages (on a site in one
  // language), which find() makes when first asked for.
  std::shared_ptr<const ServedFiles> files() const;
  // The file served at `path` ("vacancies/ta/index.html"), or null; from any thread.
  std::shared_ptr<const std::string> find(const std::string& path);
  // The theme's preview files as last read without error (null before).
  std::shared_ptr<const PreviewTheme> preview_theme() const;

 private:
  PreviewResult rebuild_all(LoadedSite loaded, PreviewResult r, const Published& published);
  PreviewResult rebuild_adverts(LoadedSite loaded, PreviewResult r, const Published& published);
  PreviewResult rebuild_saved(PreviewResult r, const Published& published);
  void publish_adverts(std::vector<std::string> touched, const std::vector<const Vacancy*>& todo,
                       PreviewResult& r, const Published& published);
  bool saved_adverts_only() const;
  void read_preview_theme(const std::shared_ptr<const Theme>& theme, PreviewResult& r);
  bool adverts_only() const;
  BuildOptions options_now() const;
  void publish(ServedFiles files);
  std::vector<std::string> publish_lists(MemorySink& lists, std::set<std::string> now_lists);

  std::string root_;
  BuildOptions options_;
  bool fixed_now_;
  PipelineCache cache_;
  std::unique_ptr<Site> site_;  // last good, validated
  // Its context, with every built advert's listing; null for a bilingual
  // site (each language has its own, made on every save).
  std::unique_ptr<SiteContext> ctx_;
  std::shared_ptr<const Theme> theme_;
  std::set<std::string> pending_;     // saved since the last good build ("" for all)
  std::set<std::string> changed_;     // files the loads found changed since then
  std::set<std::string> adverts_;     // the advert files of the last good build
  std::set<std::string> list_paths_;  // what render_lists wrote last time
  // site_ and ctx_: held shared while find() makes an advert's pages from
  // them, exclusive while a rebuild changes them (only the rebuild's thread
  // changes them, so it reads them without).
  std::shared_mutex model_mutex_;
  AdvertPages pages_;
  mutable std::shared_mutex mutex_;
  std::shared_ptr<const ServedFiles> files_;
  std::shared_ptr<const PreviewTheme> preview_;
};
