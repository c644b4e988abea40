// The preview server's builds: the whole site at first, then after each save
// only what the save touches. An edit to adverts alone re-reads those files
// and re-renders their pages and the lists; anything else rebuilds it all.
// Nothing is replaced unless the new build has no errors.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <shared_mutex>
#include <string>
#include <vector>

#include "pipeline/build.h"
#include "write/memory_sink.h"
#include "render/render.h"

struct PreviewResult {
  bool ok = false;
  bool full = false;       // everything was re-read and re-rendered
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
  // an empty list rebuilds everything. Changes since the last good build
  // are remembered, so an edit made while the site was broken is not lost.
  // `published` is called each time new files are being served, with their
  // paths ("*" for all): an advert's own pages go first, the lists after.
  using Published = std::function<void(const std::vector<std::string>& paths)>;
  PreviewResult rebuild(const std::vector<std::string>& changed, const Published& published);

  // The files of the last good build (null before the first), for reading
  // from any thread.
  std::shared_ptr<const FileMap> files() const;

 private:
  PreviewResult rebuild_all(const Published& published);
  PreviewResult rebuild_adverts(const std::vector<std::string>& paths, const Published& published);
  BuildOptions options_now() const;
  void publish(FileMap files);

  std::string root_;
  BuildOptions options_;
  bool fixed_now_;
  std::unique_ptr<Site> site_;  // last good, validated
  std::shared_ptr<const Theme> theme_;
  std::set<std::string> pending_;     // changed since the last good build
  std::set<std::string> list_paths_;  // what render_lists wrote last time
  Listings listings_;                 // the last build's, for the adverts not changed
  mutable std::shared_mutex mutex_;
  std::shared_ptr<const FileMap> files_;
};

// True for a path (relative to the site) that is an advert's file.
bool is_advert_path(const std::string& path);
