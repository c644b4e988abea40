// A theme: Mustache templates and static assets. The site's own
// themes/<name>/ overrides the default theme file by file.
#pragma once

#include <kainjow/mustache.hpp>

#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "base/diagnostics.h"

using Data = kainjow::mustache::data;
struct Words;  // theme/words.h

struct Asset {
  std::string name;     // as in the theme: "style.css"
  std::string output;   // as written: "style.3f2a9c1b.css"
  std::string content;
};

class Theme {
 public:
  // Reads the default theme, then `root`/themes/`name`/ over it. Reports a
  // template that does not parse (file, line) or a missing one.
  static std::shared_ptr<const Theme> load(const std::string& root,
                                           const std::string& name,
                                           Diagnostics& diags);

  // Renders template `name` (without .mustache). Thread-safe. With `words`,
  // their `t` is found beneath `data` ({{t.facts.closing_date}}), not copied.
  std::string render(const std::string& name, const Data& data,
                     const Words* words = nullptr) const;
  // The words for a language (theme/words.h), nullptr when the theme has none.
  const Words* words(const std::string& language) const;
  // Calls `watch` with each template's name and the data it is given, from
  // whichever thread renders it: the one place that sees what every template
  // is given (the contract test checks the templates and the README by it).
  using Watch = std::function<void(const std::string& name, const Data& data)>;
  void watch(Watch watch) { watch_ = std::move(watch); }
  bool has(const std::string& name) const { return sources_.count(name) > 0; }
  // Whether any template names `name` in a tag ({{name}}, {{#a.name}}...):
  // a view may leave out what no template of the theme can show.
  bool uses(const std::string& name) const { return any_name_ || names_.count(name) > 0; }

  const std::vector<Asset>& assets() const { return assets_; }
  // The fingerprinted output name of a static asset, e.g. for "style.css".
  std::string asset_output(const std::string& name) const;
  // The folders read, for the preview server to watch.
  const std::vector<std::string>& folders() const { return folders_; }

 private:
  static void add_names(Theme& theme);  // fills names_ from sources_

  std::map<std::string, std::string> sources_;  // partials expanded
  std::set<std::string> names_;  // every name in a tag, each part of a dotted one
  bool any_name_ = false;        // a template changes its delimiters: names unknown
  std::vector<Asset> assets_;
  std::vector<std::string> folders_;
  std::map<std::string, std::shared_ptr<const Words>> words_;  // i18n/<language>.yaml
  long id_ = 0;  // tells per-thread template caches apart
  Watch watch_;
};

// 8 hex digits of a 64-bit FNV-1a hash: stable across runs and machines.
std::string fingerprint(const std::string& content);
