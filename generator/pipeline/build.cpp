// The shared pipeline; see build.h.
#include "pipeline/build.h"

#include <chrono>
#include <filesystem>

#include "load/load.h"
#include "pipeline/left_out.h"
#include "render/render.h"
#include "theme/theme.h"
#include "load/site_folder.h"
#include "check/validate.h"
#include "write/writer.h"

LoadedSite load_checked(const std::string& root, Diagnostics& diags, PipelineCache* cache) {
  LoadedSite loaded;
  loaded.site = std::make_unique<Site>(load_site(root, diags, cache ? &cache->load : nullptr));
  if (diags.errors() && !site_yaml_path(root)) return loaded;  // not a site: nothing more to say
  validate(*loaded.site, diags, cache ? &cache->check : nullptr);
  loaded.theme = Theme::load(root, loaded.site->config.theme, diags);
  return loaded;
}

BuildReport build_site(const BuildRequest& request) {
  auto start = std::chrono::steady_clock::now();
  BuildReport report;
  report.output = request.output.empty()
                      ? (std::filesystem::path(request.site) / "public").string()
                      : request.output;
  if (auto why = refuse_output(request.site, report.output)) {
    report.diags.error({report.output, 0, 0}, *why);
    return report;
  }
  LoadedSite loaded = load_checked(request.site, report.diags);
  if (report.diags.errors()) return report;  // nothing written, nothing lost

  SiteContext ctx(*loaded.site, loaded.theme, request.options);
  add_listings(ctx);
  StagedOutput staged(report.output);
  if (auto e = staged.failure()) {
    report.diags.error({report.output, 0, 0}, *e);
    return report;
  }
  DirSink sink(staged.dir(), staged.previous());
  render_site(ctx, sink);
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
  report.vacancies = ctx.built.size();
  report.left_out = left_out(*loaded.site, request.options.now, request.options.drafts);
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}
