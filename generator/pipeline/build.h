// The pipeline, load -> validate -> model -> render -> write, as the commands
// `build`, `check` and `serve` share it.
#pragma once

#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include "base/diagnostics.h"
#include "base/model.h"
#include "check/check_cache.h"
#include "load/load.h"
#include "render/site_context.h"

class Theme;

// What a preview keeps from one load to the next: files unchanged since are
// not read or parsed again (LoadCache), Markdown unchanged is not checked
// again (CheckCache). The result is the same as without.
struct PipelineCache {
  LoadCache load;
  CheckCache check;
};

// A site loaded and checked, with its theme: what rendering needs.
struct LoadedSite {
  std::unique_ptr<Site> site;
  std::shared_ptr<const Theme> theme;
};

// Loads and validates everything, reporting into `diags`. The result is
// usable only when diags has no errors. With a cache, what is unchanged
// since the last call is not done again (see PipelineCache).
LoadedSite load_checked(const std::string& root, Diagnostics& diags, PipelineCache* cache = nullptr);

struct BuildRequest {
  std::string site = ".";
  std::string output;          // default: <site>/public
  BuildOptions options;
  // Use and keep the build cache in <site>/.staffroom-cache (see
  // build_cache.h); the command line's default, off with --no-cache.
  bool cache = false;
};

struct BuildReport {
  Diagnostics diags;
  size_t files = 0;
  size_t unchanged = 0;  // of files, linked unchanged from the previous output
  size_t vacancies = 0;
  double seconds = 0;
  std::string output;
  std::string left_out;  // drafts and scheduled adverts not published, in words
  std::string note;      // about the build cache, in words, when it was not usable
  size_t reused = 0;     // adverts whose pages were taken from the previous output
  // The site and the caches as the build left them: freeing them one by one
  // takes a noticeable part of a large build, which a command that is about
  // to exit may skip by never letting go of this.
  std::shared_ptr<void> held;
  bool ok = false;
};

// Builds into a temporary folder and swaps it in only if there were no
// errors; otherwise the previous output is left exactly as it was.
BuildReport build_site(const BuildRequest& request);
