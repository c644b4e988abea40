// A bilingual site (`languages: [cy, en-GB]` in site.yaml) is rendered once
// per language, each into its own tree: the default language (the first) at
// the site's root, each other in a folder named by its language subtag
// (/en/ for en-GB). The trees hold the same pages at the same paths, so a
// page's other language is always at the same path in the other tree.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "base/model.h"
#include "base/sink.h"
#include "render/site_context.h"

struct LanguageTree {
  std::string language;  // as site.yaml writes it: "en-GB"
  std::string folder;    // "" for the default language, else "en/"
};

// The trees of a site: one, at the root, for a site in one language.
std::vector<LanguageTree> language_trees(const SiteConfig& config);

// The site as it reads in `language`: the translated adverts, specifications
// and pages in place of the main ones; an advert with no translation keeps
// its own words, marked with its language and `one_language`.
Site site_in_language(const Site& site, const std::string& language);

// Writes into `inner` under `folder` ("en/"), for a tree's files.
class FolderSink : public Sink {
 public:
  FolderSink(Sink& inner, std::string folder) : inner_(inner), folder_(std::move(folder)) {}
  void write(const std::string& path, const std::string& content) override {
    inner_.write(folder_ + path, content);
  }
  void copy(const std::string& path, const std::string& source) override {
    inner_.copy(folder_ + path, source);
  }
  void write_made(const std::string& path, std::uint64_t key,
                  const std::function<std::string()>& make) override {
    inner_.write_made(folder_ + path, key, make);
  }

 private:
  Sink& inner_;
  std::string folder_;
};

// One vacancy in one language tree: its Listing and the paths of its own
// pages, from the sink's root (the tree's folder included).
struct VacancyOutput {
  Listing listing;
  std::vector<std::string> files;
};
// By vacancy slug, then by tree folder ("" or "en/").
using VacancyOutputs = std::map<std::string, std::map<std::string, VacancyOutput>>;

// What a build cache gives rendering, and what it takes back for the next
// build: `kept` vacancies' pages are in the sink already and their listings
// are used as they are; every other built vacancy's goes into `made`.
struct RenderReuse {
  VacancyOutputs kept;
  VacancyOutputs made;
};

// Renders the site into `sink`: one tree, or one per language of a
// bilingual site, each with the links between them. Returns how many
// adverts have pages (in each tree).
size_t render_languages(const Site& site, std::shared_ptr<const Theme> theme,
                        const BuildOptions& options, Sink& sink, RenderReuse* reuse = nullptr);
