// A bilingual site's language trees; see languages.h.
#include "render/languages.h"

#include "base/text.h"
#include "render/render.h"
#include "theme/theme.h"

std::vector<LanguageTree> language_trees(const SiteConfig& config) {
  if (config.languages.size() < 2) return {{config.language, ""}};
  std::vector<LanguageTree> trees;
  for (size_t i = 0; i < config.languages.size(); ++i) {
    const std::string& tag = config.languages[i];
    trees.push_back({tag, i == 0 ? "" : lower_ascii(tag.substr(0, tag.find('-'))) + "/"});
  }
  return trees;
}

Site site_in_language(const Site& site, const std::string& language) {
  Site out = site;
  out.config.language = language;
  if (auto own = site.config.in_language.find(language); own != site.config.in_language.end()) {
    if (!own->second.title.empty()) out.config.title = own->second.title;
    if (!own->second.description.empty()) out.config.description = own->second.description;
    for (auto& [id, label] : own->second.roles) out.config.roles[id] = label;
  }
  const std::string& main_language = site.config.language;
  auto found = site.translations.find(language);
  bool is_main = lower_ascii(language) == lower_ascii(main_language);
  for (auto& v : out.vacancies) {
    const Translations* tr = found == site.translations.end() ? nullptr : &found->second;
    const Vacancy* translated = nullptr;
    if (tr)
      if (auto it = tr->vacancies.find(v.slug); it != tr->vacancies.end()) translated = &it->second;
    bool has = translated != nullptr;
    // Translated into any other language: then not one language only.
    bool anywhere = false;
    for (auto& [lang, t] : site.translations) anywhere = anywhere || t.vacancies.count(v.slug);
    if (has) {
      v = *translated;
      if (!v.spec_id.empty())
        if (auto spec = tr->specs.find(v.spec_id); spec != tr->specs.end()) v.spec = spec->second;
    } else if (!is_main && v.language.empty()) {
      v.language = main_language;  // its own words, marked as such
    }
    v.one_language = !anywhere;
  }
  if (found == site.translations.end()) return out;
  for (auto& p : out.pages)
    if (auto t = found->second.pages.find(p.slug); t != found->second.pages.end()) p = t->second;
  for (auto& [id, school] : found->second.schools) out.schools[id] = school;
  if (found->second.glossary) out.glossary = *found->second.glossary;
  return out;
}

// Renders one tree whose context is made, taking and noting what `reuse`
// holds; `folder` is the tree's ("" or "en/").
static void render_tree(SiteContext& ctx, const std::string& folder, Sink& sink, RenderReuse* reuse) {
  if (reuse)
    for (auto* v : ctx.built) {
      auto it = reuse->kept.find(v->slug);
      if (it == reuse->kept.end()) continue;
      auto in_tree = it->second.find(folder);
      if (in_tree == it->second.end()) continue;
      ctx.listings[v] = in_tree->second.listing;
      ctx.kept.insert(v);
    }
  add_listings(ctx);
  FolderSink into(sink, folder);
  VacancyFiles files;
  render_site(ctx, into, reuse ? &files : nullptr);
  for (auto& [v, paths] : files) {
    VacancyOutput& out = reuse->made[v->slug][folder];
    out.listing = ctx.listing(*v);
    for (auto& p : paths) out.files.push_back(folder + p);
  }
}

size_t render_languages(const Site& site, std::shared_ptr<const Theme> theme,
                        const BuildOptions& options, Sink& sink, RenderReuse* reuse) {
  auto trees = language_trees(site.config);
  if (trees.size() < 2) {
    SiteContext ctx(site, theme, options);
    render_tree(ctx, "", sink, reuse);
    return ctx.built.size();
  }
  std::string root = options.base_url.empty() ? site.config.base_url : options.base_url;
  if (root.empty() || root.back() != '/') root += '/';
  std::vector<Alternate> alternates;
  for (auto& tree : trees) {
    const Words* words = theme ? theme->words(tree.language) : nullptr;
    Alternate alt{tree.language, root + tree.folder, "", words ? (*words)["language_name"] : tree.language};
    alternates.push_back(alt);
  }
  size_t built = 0;
  for (size_t i = 0; i < trees.size(); ++i) {
    Site in_language = site_in_language(site, trees[i].language);
    BuildOptions o = options;
    o.base_url = alternates[i].base_url;
    SiteContext ctx(in_language, theme, o);
    ctx.alternates = alternates;
    for (size_t j = 0; j < trees.size(); ++j)  // each tree's root path, as this context writes links
      ctx.alternates[j].base_path = ctx.base_path.substr(0, ctx.base_path.size() - trees[i].folder.size()) +
                                    trees[j].folder;
    ctx.primary = i == 0;
    render_tree(ctx, trees[i].folder, sink, reuse);
    built = ctx.built.size();
  }
  return built;
}
