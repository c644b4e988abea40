// Theme loading and template rendering; see theme.h.
#include "theme.h"

#include <atomic>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "source.h"

namespace fs = std::filesystem;

#ifndef STAFFROOM_DEFAULT_THEME
#define STAFFROOM_DEFAULT_THEME "themes/default"
#endif

std::string fingerprint(const std::string& content) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : content) h = (h ^ c) * 1099511628211ULL;
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return std::string(buf, 8);
}

static std::string slurp(const fs::path& p) {
  std::string text;
  read_file(p.string(), text, kMaxTextFile);
  return text;
}

// Partials the renderer renders once per vacancy, however many pages show
// them, and hands to templates ready-made: where a template includes one,
// the ready-made HTML is pasted in instead. On a site of thousands of
// adverts a card appears on four or five lists, and the person
// specification on the vacancy page and its print view.
const std::map<std::string, std::string> kReadyMade = {
    {"vacancy_card", "{{{card_html}}}"},
    {"person_spec", "{{{table_html}}}"},
};

// Partials are pasted in once, here, so a page render never re-parses them.
static std::string expand_partials(const std::string& text,
                                   const std::map<std::string, std::string>& raw,
                                   int depth) {
  static const std::regex partial(R"(\{\{>\s*([A-Za-z0-9_-]+)\s*\}\})");
  if (depth > 8) return text;
  std::string out;
  auto begin = std::sregex_iterator(text.begin(), text.end(), partial);
  size_t last = 0;
  for (auto it = begin; it != std::sregex_iterator(); ++it) {
    out.append(text, last, it->position() - last);
    auto name = (*it)[1].str();
    auto ready = kReadyMade.find(name);
    auto found = raw.find(name);
    if (ready != kReadyMade.end()) out += ready->second;
    else if (found != raw.end()) out += expand_partials(found->second, raw, depth + 1);
    last = it->position() + it->length();
  }
  out.append(text, last);
  return out;
}

static void read_folder(const fs::path& dir, std::map<std::string, std::string>& templates,
                        std::map<std::string, std::string>& statics) {
  std::error_code ec;
  for (auto& e : fs::directory_iterator(dir / "templates", ec))
    if (e.path().extension() == ".mustache")
      templates[e.path().stem().string()] = slurp(e.path());
  fs::path static_dir = dir / "static";
  for (auto it = fs::recursive_directory_iterator(static_dir, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
    if (it->is_regular_file() && it->path().filename().string()[0] != '.')
      statics[fs::relative(it->path(), static_dir).string()] = slurp(it->path());
}

std::shared_ptr<const Theme> Theme::load(const std::string& root,
                                         const std::string& name,
                                         Diagnostics& diags) {
  static std::atomic<long> next_id{1};
  auto theme = std::make_shared<Theme>();
  theme->id_ = next_id++;
  std::map<std::string, std::string> raw, statics;
  fs::path defaults = STAFFROOM_DEFAULT_THEME;
  fs::path own = fs::path(root) / "themes" / name;
  // A binary moved away from its source tree finds the theme in the site.
  if (!fs::is_directory(defaults / "templates")) defaults = fs::path(root) / "themes/default";
  read_folder(defaults, raw, statics);
  theme->folders_.push_back(defaults.string());
  if (fs::is_directory(own) && fs::weakly_canonical(own) != fs::weakly_canonical(defaults)) {
    if (!is_inside(root, own.string())) {
      diags.error({"themes/" + name, 0, 0}, "the theme folder leads outside the site; refused");
    } else {
      read_folder(own, raw, statics);
      theme->folders_.push_back(own.string());
    }
  } else if (name != "default" && !fs::is_directory(own)) {
    diags.error({"site.yaml", 0, 0}, "there is no theme folder themes/" + name);
  }
  if (raw.empty())
    diags.error({defaults.string(), 0, 0}, "no templates found in the default theme");
  for (auto& [tname, text] : raw) {
    std::string expanded = expand_partials(text, raw, 0);
    kainjow::mustache::mustache check(expanded);
    if (!check.is_valid())
      diags.error({"themes/" + name + "/templates/" + tname + ".mustache", 0, 0},
                  "template error: " + check.error_message());
    theme->sources_[tname] = std::move(expanded);
  }
  for (auto& [file, content] : statics) {
    auto ext = fs::path(file).extension().string();
    std::string out = file;
    if (ext == ".css" || ext == ".js")  // fingerprinted so caches never go stale
      out = file.substr(0, file.size() - ext.size()) + "." + fingerprint(content) + ext;
    theme->assets_.push_back({file, out, content});
  }
  return theme;
}

std::string Theme::asset_output(const std::string& name) const {
  for (auto& a : assets_)
    if (a.name == name) return a.output;
  return name;
}

std::string Theme::render(const std::string& name, const Data& data) const {
  if (watch_) watch_(name, data);
  // kainjow's render is not const, so each thread keeps its own compiled copy.
  thread_local std::map<std::pair<long, std::string>, kainjow::mustache::mustache> cache;
  auto key = std::make_pair(id_, name);
  auto it = cache.find(key);
  if (it == cache.end()) {
    if (!cache.empty() && cache.begin()->first.first != id_) cache.clear();  // an old build's
    auto src = sources_.find(name);
    if (src == sources_.end()) return {};
    it = cache.emplace(key, kainjow::mustache::mustache(src->second)).first;
  }
  return it->second.render(data);
}
