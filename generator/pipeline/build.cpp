// The shared pipeline; see build.h.
#include "pipeline/build.h"

#include <chrono>
#include <filesystem>
#include <future>

#include "load/load.h"
#include "pipeline/build_cache.h"
#include "pipeline/cache_file.h"
#include "pipeline/left_out.h"
#include "render/languages.h"
#include "render/render.h"
#include "theme/theme.h"
#include "load/site_folder.h"
#include "check/validate.h"
#include "write/writer.h"

// Every language of the site has the theme's words (i18n/<language>.yaml).
static void check_site_words(const Site& site, const Theme& theme, Diagnostics& diags) {
  std::vector<std::string> languages = site.config.languages;
  if (languages.empty()) languages.push_back(site.config.language);
  for (auto& language : languages)
    if (!theme.words(language))
      diags.error(site.config.language_mark.path.empty() ? Mark{"content/site.yaml", 0, 0}
                                                          : site.config.language_mark,
                  "the theme has no words in '" + language + "': add themes/" + site.config.theme +
                      "/i18n/" + language + ".yaml to the site, with every key of the default "
                      "theme's en-GB.yaml in this language");
}

LoadedSite load_checked(const std::string& root, Diagnostics& diags, PipelineCache* cache) {
  LoadedSite loaded;
  loaded.site = std::make_unique<Site>(load_site(root, diags, cache ? &cache->load : nullptr));
  if (diags.errors() && !site_yaml_path(root)) return loaded;  // not a site: nothing more to say
  validate(*loaded.site, diags, cache ? &cache->check : nullptr);
  loaded.theme = Theme::load(root, loaded.site->config.theme, diags);
  check_site_words(*loaded.site, *loaded.theme, diags);
  return loaded;
}

// What a build holds in memory, all of it given to the caller in the
// report (see BuildReport::held).
struct Held {
  std::optional<BuildCache> old;  // first, so last to go: the others hold texts lent from it
  PipelineCache cache;
  BuildCache next;
  RenderReuse reuse;
  LoadedSite loaded;
};

// After a build that worked: the cache for the next one.
// The site's adverts go back to the load cache they were lent from.
static void save_cache(const BuildRequest& request, BuildReport& report, Site& site,
                       PipelineCache& cache, RenderReuse& reuse, BuildCache& next) {
  take_back_kept(reuse.kept, next.adverts);
  record_made(reuse.made, site, cache.load, next.site_key, request.options.now, report.output,
              next.adverts);
  give_back_vacancies(site, cache.load);
  next.load.timezone = cache.load.timezone;
  next.load.vacancies = std::move(cache.load.vacancies);
  next.load.specs = std::move(cache.load.specs);
  next.spec_findings = take_spec_findings(next.load, cache.check);
  next.bodies = std::move(cache.check.bodies);
  if (auto e = write_build_cache(request.site, report.output, next))
    report.note = "the build cache could not be saved (" + *e + "), so the next build will do "
                  "everything again";
}

// The remover of replaced outputs (see start_remover) for one build.
struct RemoverForBuild {
  RemoverForBuild() { start_remover(); }
  ~RemoverForBuild() { stop_remover(); }
};

BuildReport build_site(const BuildRequest& request) {
  auto start = std::chrono::steady_clock::now();
  RemoverForBuild remover;
  BuildReport report;
  report.output = request.output.empty()
                      ? (std::filesystem::path(request.site) / "public").string()
                      : request.output;
  if (auto why = refuse_output(request.site, report.output)) {
    report.diags.error({report.output, 0, 0}, *why);
    return report;
  }
  auto held = std::make_shared<Held>();
  report.held = held;
  auto& [old, cache, next, reuse, loaded] = *held;
  if (request.cache) old = read_build_cache(request.site, report.output, report.note);
  if (old) {
    cache.load.timezone = old->load.timezone;
    cache.load.vacancies = std::move(old->load.vacancies);
    cache.load.specs = std::move(old->load.specs);
    cache.check.bodies = std::move(old->bodies);
    give_spec_findings(old->spec_findings, cache.load, cache.check);
    next.digests = old->digests;
  }
  // The previous outputs' files are looked at while the site loads.
  std::future<OutputCheck> checking;
  if (old)
    checking = std::async(std::launch::async,
                          [&old = *old, output = report.output] { return check_outputs(old, output_folders(output)); });
  cache.load.lend_vacancies = true;  // one load: see save_cache()
  loaded = load_checked(request.site, report.diags, request.cache ? &cache : nullptr);
  if (report.diags.errors()) return report;  // nothing written, nothing lost

  StagedOutput staged(report.output, request.cache);  // the replaced output kept as the spare
  if (auto e = staged.failure()) {
    report.diags.error({report.output, 0, 0}, *e);
    return report;
  }
  DirSink sink(staged.dir(), staged.previous());
  if (request.cache) {
    next.site_key = site_key(*loaded.site, cache.load, *loaded.theme, request.options, report.output);
    if (old) {
      if (old->site_key == next.site_key) sink.remember(std::move(old->pages));
      OutputCheck check = checking.get();
      OutputFolders staged_folders{staged.previous(), staged.spare()};
      if (check.folders != staged_folders) check = check_outputs(*old, staged_folders);  // they changed meanwhile
      reuse.kept = keep_unchanged(*old, *loaded.site, cache.load, next.site_key, request.options.now,
                                  check, sink, next.adverts);
    }
  }
  size_t built = render_languages(*loaded.site, loaded.theme, request.options, sink,
                                  request.cache ? &reuse : nullptr);
  if (auto e = sink.failure()) {
    report.diags.error({report.output, 0, 0}, *e);
    return report;  // the staged folder is removed; the output is untouched
  }
  if (auto e = staged.commit()) {
    report.diags.error({report.output, 0, 0}, *e);
    return report;
  }
  report.ok = true;
  report.files = sink.files();
  report.unchanged = sink.unchanged();
  report.vacancies = built;
  for (auto& [slug, trees] : reuse.kept) report.reused += !trees.empty();
  report.left_out = left_out(*loaded.site, request.options.now, request.options.drafts);
  if (request.cache) {
    next.pages = sink.made();
    save_cache(request, report, *loaded.site, cache, reuse, next);
  }
  // Last, so that the child process removing it shares no memory the build still changes.
  staged.remove_previous();
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}
