// Reading a bilingual site's translations; see translations.h.
#include "load/translations.h"

#include <filesystem>
#include <map>
#include <set>

#include "base/text.h"
#include "load/load.h"
#include "load/source.h"
#include "load/yaml_reader.h"

namespace fs = std::filesystem;

namespace {

// The keys of an advert that hold words; every other key is a fact.
const std::set<std::string> kWordKeys = {"title", "summary", "reports_to", "grade", "starts"};
// Facts that hold words inside: salary: {note}, hours: {weeks, notes}, ...
const std::map<std::string, std::set<std::string>> kWordsInside = {
    {"salary", {"note"}},
    {"hours", {"weeks", "notes"}},
    {"apply", {"instructions"}},
    {"safeguarding", {"statement"}},
};

bool same(const YamlNode& a, const YamlNode& b) {
  if (a.kind != b.kind) return false;
  if (a.is_scalar()) return a.text == b.text;
  if (a.is_list()) {
    if (a.items.size() != b.items.size()) return false;
    for (size_t i = 0; i < a.items.size(); ++i)
      if (!same(a.items[i], b.items[i])) return false;
    return true;
  }
  if (a.is_map()) {
    if (a.entries.size() != b.entries.size()) return false;
    for (size_t i = 0; i < a.entries.size(); ++i)
      if (!same(a.entries[i].key, b.entries[i].key) || !same(a.entries[i].value, b.entries[i].value))
        return false;
  }
  return true;
}

const YamlNode* find(const YamlNode& map, const std::string& key) {
  for (auto& e : map.entries)
    if (e.key.text == key) return &e.value;
  return nullptr;
}

// A fact given in a translation must be the main file's, word for word.
void check_fact(const YamlFile& file, const YamlEntry& entry, const YamlNode* main,
                const std::string& name, const std::string& main_path, Diagnostics& diags) {
  if (main && same(entry.value, *main)) return;
  diags.error(mark_of(file, entry.key),
              "'" + name + "' is a fact, which a translation takes from " + main_path +
                  (main ? ", where it is different" : ", which does not give it") +
                  ": remove it from this translation (it needs only the words)");
}

std::string text_of(const YamlNode& node) { return node.is_scalar() ? node.text : ""; }

// The words of a translated advert, over a copy of the main one.
void apply_words(const YamlFile& file, const YamlNode& root, const YamlNode& main_root,
                 const std::string& main_path, Vacancy& v, Diagnostics& diags) {
  for (auto& entry : root.entries) {
    const std::string& key = entry.key.text;
    const YamlNode* main = find(main_root, key);
    if (key == "language") {
      diags.error(mark_of(file, entry.key), "a translation's language is in its file name; remove 'language'");
    } else if (kWordKeys.count(key)) {
      std::string words = text_of(entry.value);
      if (key == "title") v.title = words;
      else if (key == "summary") v.summary = words;
      else if (key == "reports_to") v.reports_to = words;
      else if (key == "grade") v.grade = words;
      else v.starts = words;
    } else if (auto inside = kWordsInside.find(key); inside != kWordsInside.end() && entry.value.is_map()) {
      for (auto& sub : entry.value.entries) {
        const std::string& name = sub.key.text;
        if (!inside->second.count(name)) {
          check_fact(file, sub, main ? find(*main, name) : nullptr, key + "." + name, main_path, diags);
          continue;
        }
        std::string words = text_of(sub.value);
        if (key == "salary" && v.salary) v.salary->note = words;
        else if (key == "hours" && name == "weeks") v.hours.weeks = words;
        else if (key == "hours") v.hours.notes = words;
        else if (key == "apply") v.apply.instructions = words;
        else if (key == "safeguarding") v.safeguarding_statement = words;
      }
    } else {
      check_fact(file, entry, main, key, main_path, diags);
    }
  }
}

// The front matter of a file as a YAML tree, or nothing (reported).
struct Parsed {
  YamlNode root;
  FrontMatter fm;
};
std::optional<Parsed> read_front_matter(const std::string& root, const std::string& path,
                                        Diagnostics& diags) {
  auto text = read_text_file(root, path, diags);
  if (!text) return std::nullopt;
  auto fm = split_front_matter(*text, path, diags);
  if (!fm) return std::nullopt;
  auto node = parse_yaml(fm->yaml, {path, fm->yaml_line}, diags);
  if (!node) return std::nullopt;
  if (!node->is_map()) {
    diags.error({path, fm->yaml_line, 1}, "the front matter should be keys such as 'title: ...'");
    return std::nullopt;
  }
  return Parsed{*node, *fm};
}

// The error for a translation whose main file is not there.
void no_main_file(const TranslationFile& t, const std::string& what, const std::string& main_path,
                  Diagnostics& diags) {
  diags.error({t.path, 0, 0}, "this is a translation, but there is no " + what + " " + main_path +
                                  " for it to translate; name it after the " + what + "'s file");
}

bool is_blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

void load_vacancy_translation(const std::string& root, Site& site, const TranslationFile& t,
                              Diagnostics& diags) {
  std::string slug = stem_of(t.path);
  std::string main_path = "content/vacancies/" + slug + ".md";
  const Vacancy* main = nullptr;
  for (auto& v : site.vacancies)
    if (v.slug == slug) main = &v;
  if (!main) {
    no_main_file(t, "advert", main_path, diags);
    return;
  }
  auto parsed = read_front_matter(root, t.path, diags);
  Diagnostics ignored;  // the main file's own problems are reported where it is loaded
  auto main_parsed = read_front_matter(root, main->mark.path, ignored);
  if (!parsed || !main_parsed) return;
  Vacancy v = *main;
  v.mark = {t.path, 1, 1};  // the words' file: its body's problems are reported there
  v.language = t.language;
  apply_words({t.path, parsed->fm.yaml_line}, parsed->root, main_parsed->root, main->mark.path, v, diags);
  if (!is_blank(parsed->fm.body)) {
    v.body = parsed->fm.body;
    v.body_line = parsed->fm.body_line;
  }
  site.translations[t.language].vacancies.emplace(slug, std::move(v));
}

// The same sections and criteria, in the same order, at the same levels.
bool same_shape(const PersonSpec& tr, const PersonSpec& main, const std::string& main_path,
                const std::string& path, Diagnostics& diags) {
  if (tr.sections.size() != main.sections.size()) {
    Mark mark = tr.sections.size() > main.sections.size() ? tr.sections[main.sections.size()].mark
                                                           : Mark{path, 1, 1};
    diags.error(mark, "this translation has " + counted(tr.sections.size(), "section") +
                          ", and " + main_path + " has " + std::to_string(main.sections.size()) +
                          ": a translation has the same sections, in the same order");
    return false;
  }
  for (size_t i = 0; i < tr.sections.size(); ++i) {
    auto& a = tr.sections[i];
    auto& b = main.sections[i];
    if (a.criteria.size() != b.criteria.size()) {
      diags.error(a.mark, "section " + std::to_string(i + 1) + " ('" + a.name + "') has " +
                              counted(a.criteria.size(), "criterion", "criteria") + ", and section " +
                              std::to_string(i + 1) + " of " + main_path + " ('" + b.name + "') has " +
                              std::to_string(b.criteria.size()) + ": translate each criterion, in order");
      return false;
    }
    for (size_t j = 0; j < a.criteria.size(); ++j)
      if (a.criteria[j].level != b.criteria[j].level) {
        diags.error(a.criteria[j].mark, "this criterion is " + a.criteria[j].level + " here and " +
                                            b.criteria[j].level + " in " + main_path +
                                            ": the level is a fact, taken from the main file");
        return false;
      }
  }
  return true;
}

void load_spec_translation(const std::string& root, Site& site, const TranslationFile& t,
                           Diagnostics& diags) {
  std::string id = stem_of(t.path);
  std::string main_path = "content/specs/" + id + ".yaml";
  auto main = site.specs.find(id);
  if (main == site.specs.end()) return no_main_file(t, "specification", main_path, diags);
  auto text = read_text_file(root, t.path, diags);
  if (!text) return;
  auto tr = parse_spec(*text, t.path, diags);
  if (!tr || !same_shape(*tr, *main->second, main_path, t.path, diags)) return;
  // Facts from the main file: how each criterion is assessed, what it cites.
  for (size_t i = 0; i < tr->sections.size(); ++i)
    for (size_t j = 0; j < tr->sections[i].criteria.size(); ++j) {
      auto& c = tr->sections[i].criteria[j];
      auto& m = main->second->sections[i].criteria[j];
      c.assessed = m.assessed;
      c.standards = m.standards;
      c.standard_marks = m.standard_marks;
    }
  tr->id = id;
  site.translations[t.language].specs[id] = std::make_shared<const PersonSpec>(std::move(*tr));
}

void load_page_translation(const std::string& root, Site& site, const TranslationFile& t,
                           Diagnostics& diags) {
  std::string slug = stem_of(t.path);
  bool found = false;
  for (auto& p : site.pages) found = found || p.slug == slug;
  if (!found) return no_main_file(t, "page", "content/pages/" + slug + ".md", diags);
  auto text = read_text_file(root, t.path, diags);
  if (!text) return;
  if (auto page = parse_page(*text, t.path, diags))
    site.translations[t.language].pages.emplace(slug, std::move(*page));
}

// A school's words (its name as written in this language, its description,
// the employer's name); its address, phase and the rest from the main file.
void load_school_translation(const std::string& root, Site& site, const TranslationFile& t,
                             Diagnostics& diags) {
  std::string id = stem_of(t.path);
  std::string main_path = "content/schools/" + id + ".yaml";
  auto main = site.schools.find(id);
  if (main == site.schools.end()) return no_main_file(t, "school", main_path, diags);
  auto text = read_text_file(root, t.path, diags);
  Diagnostics ignored;  // the main file's own problems are reported where it is loaded
  auto main_text = read_text_file(root, main_path, ignored);
  if (!text || !main_text) return;
  YamlFile file{t.path, 1};
  auto node = parse_yaml(*text, file, diags);
  auto main_node = parse_yaml(*main_text, {main_path, 1}, ignored);
  if (!node || !main_node || !node->is_map()) return;
  School s = main->second;
  for (auto& entry : node->entries) {
    const std::string& key = entry.key.text;
    if (key == "name") s.name = text_of(entry.value);
    else if (key == "description") s.description = text_of(entry.value);
    else if (key == "employer") s.employer = text_of(entry.value);
    else check_fact(file, entry, find(*main_node, key), key, main_path, diags);
  }
  site.translations[t.language].schools.emplace(id, std::move(s));
}

}  // namespace

std::vector<TranslationFile> take_translations(std::vector<std::string>& paths,
                                               const std::vector<std::string>& languages) {
  std::vector<TranslationFile> out;
  if (languages.size() < 2) return out;
  std::vector<std::string> kept;
  for (auto& path : paths) {
    std::string name = fs::path(path).stem().string();  // "ta.en-GB"
    auto dot = name.rfind('.');
    std::string found;
    if (dot != std::string::npos)
      for (size_t i = 1; i < languages.size(); ++i)
        if (lower_ascii(name.substr(dot + 1)) == lower_ascii(languages[i])) found = languages[i];
    if (found.empty() || name.find('.') != dot) kept.push_back(path);
    else out.push_back({path, found});
  }
  paths = std::move(kept);
  return out;
}

void load_translations(const std::string& root, Site& site, const TranslationFiles& files,
                       Diagnostics& diags) {
  for (auto& t : files.vacancies) load_vacancy_translation(root, site, t, diags);
  for (auto& t : files.specs) load_spec_translation(root, site, t, diags);
  for (auto& t : files.pages) load_page_translation(root, site, t, diags);
  for (auto& t : files.schools) load_school_translation(root, site, t, diags);
}
