// Rebuilding the preview on a save: watching the site's folders, building
// what changed, telling open pages, and one line (or the errors) in the
// terminal.
#include "serve/server.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <iomanip>
#include <nlohmann/json.hpp>
#include <sstream>

#include "base/diagnostics.h"
#include "base/text.h"
#include "load/load.h"
#include "serve/preview_theme.h"

namespace fs = std::filesystem;
using namespace std::chrono;

namespace {

bool colour(const ServeOptions& options) {
  return options.err == &std::cerr && isatty(2) && !getenv("NO_COLOR");
}

}  // namespace

void Server::rebuild(const std::vector<std::string>& changed, steady_clock::time_point seen) {
  // Pages are served, and open browsers told, as soon as they are written.
  std::optional<steady_clock::time_point> first_written;
  PreviewResult r = site->rebuild(changed, [&](const std::vector<std::string>& paths) {
    if (!first_written) {
      first_written = steady_clock::now();
      std::lock_guard lock(state_mutex);
      overlay.clear();
    }
    std::vector<std::string> unique = paths;
    std::sort(unique.begin(), unique.end());
    unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
    events.send("reload", nlohmann::json{{"paths", unique}}.dump());
  });
  auto written = steady_clock::now();
  if (!r.ok) return report_failure(r);
  ++builds;
  std::optional<double> pages_ms;
  if (!r.full && first_written)  // the adverts' pages are served before the lists are done
    pages_ms = duration<double, std::milli>(*first_written - seen).count();
  report_success(r, changed, duration<double, std::milli>(written - seen).count(), pages_ms);
  if (r.folders != theme_folders) {  // site.yaml chose another theme
    theme_folders = r.folders;
    if (watcher) make_watcher();
  }
}

void Server::report_failure(const PreviewResult& r) {
  auto errors = error_lines(r.diags);
  auto theme = site->preview_theme();
  std::string box = overlay_html(theme ? *theme : PreviewTheme{}, errors);
  {
    std::lock_guard lock(state_mutex);
    overlay = box;
  }
  events.send("error", nlohmann::json{{"errors", errors}, {"html", box}}.dump());
  std::ostringstream text;
  print_diagnostics(text, r.diags, root, colour(options));
  text << (site->files() ? "Still serving the last good build: fix the file and save.\n"
                         : "Nothing to serve until the errors are fixed.\n");
  print(options.err, text.str());
}

void Server::report_success(const PreviewResult& r, const std::vector<std::string>& changed,
                            double ms, std::optional<double> pages_ms) {
  // Warnings: on the first build all of them; later, those of the files saved.
  Diagnostics shown;
  for (auto& d : r.diags.items)
    if (changed.empty() || std::find(changed.begin(), changed.end(), d.mark.path) != changed.end())
      shown.items.push_back(d);
  std::ostringstream text;
  if (!shown.items.empty()) print_diagnostics(text, shown, root, colour(options));
  print(options.err, text.str());
  std::ostringstream line;
  line << std::fixed << std::setprecision(1);
  if (changed.empty()) {
    line << "Built " << r.files << " files in " << ms << " ms";
    if (r.on_request)  // the count alone would look like pages were missing
      line << (r.on_request == 1 ? std::string("; the advert's pages are")
                                 : "; the pages of each of the " + counted(r.on_request, "advert") + " are")
           << " made when first opened";
    line << ".\n";
  } else {
    line << "rebuilt " << r.files << " files in " << ms << " ms (change seen -> written)";
    if (pages_ms) line << "; the adverts' own pages in " << *pages_ms << " ms";
    line << "\n";
  }
  print(options.out, line.str());
}

void Server::make_watcher() {
  std::vector<std::string> folders{root + "/content", root + "/themes"};
  for (auto& f : theme_folders) folders.push_back(fs::absolute(f).lexically_normal().string());
  std::sort(folders.begin(), folders.end());
  folders.erase(std::unique(folders.begin(), folders.end()), folders.end());
  auto next = std::make_unique<Watcher>(folders, std::vector<std::string>{root + "/site.yaml"},
                                        options.poll);
  // What the old one saw and was not built yet (a save during the first
  // build, which on a big site takes a minute) is carried over, not lost.
  if (watcher) {
    Changes seen = watcher->wait(milliseconds(0));
    if (!seen.paths.empty()) {
      if (carried.paths.empty()) carried.seen = seen.seen;
      carried.paths.insert(carried.paths.end(), seen.paths.begin(), seen.paths.end());
    }
  }
  std::lock_guard lock(watcher_mutex);
  watcher = std::move(next);
}

void Server::watch_loop() {
  while (!stopping) {
    Changes changes = carried.paths.empty() ? watcher->wait(milliseconds(500)) : std::move(carried);
    carried = {};
    if (stopping) break;
    if (changes.paths.empty()) continue;
    std::vector<std::string> relative;
    for (auto& p : changes.paths) {
      auto path = fs::path(p).lexically_relative(root).string();
      if (read_by_load(path)) relative.push_back(path);
    }
    if (!relative.empty()) rebuild(relative, changes.seen);
  }
}
