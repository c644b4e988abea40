// Loading the whole site folder: site.yaml, then every file under content/,
// read in parallel, each into its own slot so the order never varies.
#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <utility>

#include <sys/stat.h>
#include <time.h>

#include "base/clock.h"
#include "load/load.h"
#include "base/parallel.h"
#include "load/site_folder.h"
#include "load/source.h"
#include "load/translations.h"
#include "base/text.h"
#include "base/vocabulary.h"

namespace fs = std::filesystem;

std::string stem_of(const std::string& path) {
  auto name = fs::path(path).filename().string();
  auto dot = name.find('.');
  return dot == std::string::npos ? name : name.substr(0, dot);
}

std::optional<School> parse_school(const std::string& text,
                                   const std::string& path, Diagnostics& diags) {
  YamlFile file{path, 1, text};
  auto root = parse_yaml(text, file, diags);
  if (!root) return std::nullopt;
  MapReader m(*root, file, diags,
              {"name", "address", "phase", "urn", "website", "logo", "employer", "description"},
              "a school");
  if (!m.ok()) return std::nullopt;
  School s;
  s.id = stem_of(path);
  s.mark = m.mark();
  s.name = m.text("name", true);
  s.phase = m.text("phase");
  if (!s.phase.empty()) check_word(s.phase, kPhases, "phase", m.mark("phase"), diags);
  s.urn = m.text("urn");
  s.website = m.text("website");
  if (!s.website.empty()) check_url(s.website, m.mark("website"), diags);
  s.logo = m.text("logo");
  s.employer = m.text("employer");
  s.description = m.text("description");
  if (m.has("address")) {
    MapReader a(m.get("address"), file, diags,
                {"street", "locality", "region", "postcode", "country"}, "'address'");
    s.address.street = a.text("street");
    s.address.locality = a.text("locality", true);
    s.address.region = a.text("region");
    s.address.postcode = a.text("postcode", true);
    if (a.has("country")) s.address.country = a.text("country");
  } else {
    m.require("address");
  }
  return s;
}

std::optional<Page> parse_page(const std::string& text, const std::string& path,
                               Diagnostics& diags) {
  auto fm = split_front_matter(text, path, diags);
  if (!fm) return std::nullopt;
  YamlFile file{path, fm->yaml_line, fm->yaml};
  auto root = parse_yaml(fm->yaml, file, diags);
  if (!root) return std::nullopt;
  MapReader m(*root, file, diags, {"title", "description"}, "a page");
  if (!m.ok()) return std::nullopt;
  Page p;
  p.slug = stem_of(path);
  p.mark = {path, 1, 1};
  p.title = m.text("title", true);
  p.description = m.text("description");
  p.body = fm->body;
  p.body_line = fm->body_line;
  return p;
}

// content/glossary.yaml, or a bilingual site's content/glossary.<lang>.yaml
// (`language` given) into that language's translations.
static void load_glossary(const std::string& root, Site& site, Diagnostics& diags,
                          const std::string& language = "") {
  const std::string path = language.empty() ? "content/glossary.yaml" : "content/glossary." + language + ".yaml";
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(root + "/" + path, ec))) {
    if (language.empty() && fs::exists(fs::symlink_status(root + "/content/glossary.yml", ec)))
      diags.error({"content/glossary.yml", 0, 0}, "this file is not read, because its name ends "
                                                  ".yml: rename it to 'glossary.yaml'");
    return;
  }
  auto text = read_text_file(root, path, diags);
  if (!text) return;
  YamlFile file{path, 1, *text};
  auto node = parse_yaml(*text, file, diags);
  if (!node || node->is_null()) return;
  if (!node->is_map()) {
    diags.error(mark_of(file, *node), "the glossary should be 'ABBREVIATION: meaning' lines");
    return;
  }
  std::set<std::string> seen;
  auto& into = language.empty() ? site.glossary
                                 : site.translations[language].glossary.emplace();
  for (auto& [key, value] : node->entries) {
    auto abbr = scalar_text(key, file, diags, "an abbreviation");
    auto words = scalar_text(value, file, diags, "the meaning of '" + abbr.value_or("") + "'");
    if (abbr && !seen.insert(*abbr).second) {
      diags.error(mark_of(file, key), "duplicate key '" + *abbr + "': it is already given above");
      continue;
    }
    if (abbr && words) into.emplace_back(*abbr, *words);
  }
}

// A document's name becomes its web address: a space there is "%20", and
// capitals make an address people mistype.
static void warn_file_name(const std::string& relative, Diagnostics& diags) {
  auto name = fs::path(relative).filename().string();
  bool fine = std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
  });
  if (fine) return;
  auto better = web_file_name(name, "application-form.docx");
  diags.warning({"content/" + relative, 0, 0},
                "the name '" + name + "' has spaces or capitals, which make its web address hard "
                "to read and type (a space becomes %20); rename it to '" + better +
                "' and change the links to it");
}

// Documents for candidates, copied as they are; symlinks leaving the site and
// oversized files are refused.
static void load_files(const std::string& root, Site& site, Diagnostics& diags) {
  std::error_code ec;
  fs::path dir = fs::path(root) / "content" / "files";
  if (!fs::is_directory(dir, ec)) return;
  auto it = fs::recursive_directory_iterator(dir, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    // Lexically: resolving the link here would name where it leads instead.
    auto rel = it->path().lexically_relative(fs::path(root) / "content").string();
    auto name = it->path().filename().string();
    std::error_code e;
    bool folder = it->is_directory(e);
    if (name.empty() || name[0] == '.') {
      if (folder) it.disable_recursion_pending();
      continue;
    }
    Mark mark{"content/" + rel, 0, 0};
    // Lexically inside is not enough: a link to the site's own .git/config
    // would publish it. Whatever is copied must really be under content/.
    if (!is_inside(root + "/content", it->path().string())) {
      diags.error(mark, "this is a link to a place outside the content/ folder; refused, nothing copied");
      if (folder) it.disable_recursion_pending();
      continue;
    }
    warn_file_name(rel, diags);
    if (folder) continue;
    auto size = fs::file_size(it->path(), e);
    if (e) {
      diags.error(mark, "this file cannot be read (" + e.message() + ")");
      continue;
    }
    if (size > kMaxCopiedFile) {
      diags.error(mark, "this file is " + std::to_string(size / (1024 * 1024)) +
                            " MB; the limit is " + std::to_string(kMaxCopiedFile / (1024 * 1024)) + " MB");
      continue;
    }
    site.files.push_back({rel, fs::absolute(it->path(), e).string(), size});
  }
  if (ec)  // a folder inside that cannot be read: never publish part of it silently
    diags.error({"content/files", 0, 0}, "a folder in here cannot be read (" + ec.message() + ")");
  std::sort(site.files.begin(), site.files.end(),
            [](auto& a, auto& b) { return a.relative < b.relative; });
}

// The stamp of the file at `full`; nothing for a link (where it leads may
// change while the link does not) or a file that is not there.
static std::optional<FileStamp> stamp_of(const std::string& full) {
  struct stat st;
  if (::lstat(full.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  auto ns = [](const timespec& t) { return std::int64_t(t.tv_sec) * 1000000000 + t.tv_nsec; };
  return FileStamp{static_cast<std::uintmax_t>(st.st_size), ns(st.st_mtim), ns(st.st_ctim),
                   static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino)};
}

static std::int64_t clock_ns() {
  timespec t;
  clock_gettime(CLOCK_REALTIME, &t);
  return std::int64_t(t.tv_sec) * 1000000000 + t.tv_nsec;
}

// Whether the file at `path` is as `old` was read (its stamp then `stamp`).
// A stamp is trusted only when the file was last written well before it was
// read: file times tick coarsely, and a save in the same tick as the read
// would leave the stamp as it was.
template <class T>
static bool unchanged(const CachedFile<T>* old, const std::optional<FileStamp>& stamp) {
  constexpr std::int64_t kTick = 100'000'000;  // 100 ms, far more than any file system's
  return old && stamp && old->stamp == *stamp && old->stamp.mtime_ns + kTick < old->read_at_ns;
}

// Reads and parses one file whose stamp is `stamp`; a text the same as
// `old`'s is not parsed again. With `lend`, that value is moved out of `old`.
template <class T, class Parse>
static CachedFile<T> read_one(const std::string& root, const std::string& path, Parse parse,
                              CachedFile<T>* old, const std::optional<FileStamp>& stamp, bool lend) {
  CachedFile<T> got;
  got.stamp = stamp.value_or(FileStamp{});
  got.read_at_ns = clock_ns();
  auto text = read_text_file(root, path, got.diags, stamp.has_value());
  if (!text) return got;
  got.hash = std::max<std::size_t>(1, std::hash<std::string>{}(*text));
  if (old && old->hash == got.hash) {
    got.value = lend ? std::move(old->value) : old->value;
    got.diags = old->diags;
  } else {
    got.value = parse(*text, path, got.diags);
  }
  return got;
}

// Reads and parses one file, or takes it from `old` when it is the same.
template <class T, class Parse>
static CachedFile<T> load_one(const std::string& root, const std::string& path, Parse parse,
                              CachedFile<T>* old) {
  auto stamp = stamp_of(root + "/" + path);
  return unchanged(old, stamp) ? *old : read_one<T>(root, path, parse, old, stamp, false);
}

// Loads each of `paths` with `parse`, in parallel, keeping the order; with
// a cache, takes the unchanged files from it and records what changed.
// With `lend`, the values are the result's, and the cache keeps the rest.
// An unchanged file's entry is moved whole into the cache's next state,
// not copied: at 5,000 adverts the copies were 13 MB of fresh memory.
template <class T, class Parse>
static std::vector<T> load_all(const std::string& root, const std::vector<std::string>& paths,
                               Parse parse, Diagnostics& diags,
                               std::map<std::string, CachedFile<T>>* cache = nullptr,
                               std::vector<std::string>* changed = nullptr, bool lend = false) {
  using Entry = typename std::map<std::string, CachedFile<T>>::iterator;
  std::vector<std::optional<Entry>> same(paths.size());         // unchanged: its entry
  std::vector<std::unique_ptr<CachedFile<T>>> read(paths.size());  // the others, as read
  parallel_for(paths.size(), [&](size_t i) {
    std::optional<Entry> entry;
    if (cache)
      if (auto it = cache->find(paths[i]); it != cache->end()) entry = it;
    CachedFile<T>* old = entry ? &(*entry)->second : nullptr;
    auto stamp = stamp_of(root + "/" + paths[i]);
    if (unchanged(old, stamp)) same[i] = entry;
    else read[i] = std::make_unique<CachedFile<T>>(read_one<T>(root, paths[i], parse, old, stamp, lend));
  });
  std::vector<T> out;
  out.reserve(paths.size());  // no copy of 100,000 adverts half-way as it grows
  std::map<std::string, CachedFile<T>> next;
  // Moved or copied into `out` once (a conditional expression would make a
  // temporary of it first, and an advert is 1 KB of strings).
  auto take = [&out](T& value, bool move) {
    if (move) out.push_back(std::move(value));
    else out.push_back(value);
  };
  for (size_t i = 0; i < paths.size(); ++i) {
    if (same[i]) {
      CachedFile<T>& entry = (*same[i])->second;
      diags.append(entry.diags);
      if (entry.value) take(*entry.value, lend);
      if (lend) entry.value.reset();  // the result's until given back
      next.insert(cache->extract(*same[i]));
      continue;
    }
    CachedFile<T>& got = *read[i];
    diags.append(got.diags);
    // With a cache, and not lending, the cache keeps a copy.
    if (got.value) take(*got.value, lend || !cache);
    if (cache) {
      auto it = cache->find(paths[i]);
      if (it == cache->end() || it->second.hash != got.hash || !got.hash) changed->push_back(paths[i]);
      if (it != cache->end()) cache->erase(it);
      if (lend) got.value.reset();  // the value is the result's; the entry keeps the rest
      next[paths[i]] = std::move(got);
    }
  }
  if (cache) {
    for (auto& [gone, entry] : *cache) changed->push_back(gone);
    *cache = std::move(next);
  }
  return out;
}

void give_back_vacancies(Site& site, LoadCache& cache) {
  for (auto& v : site.vacancies) {
    auto it = cache.vacancies.find(v.mark.path);
    if (it == cache.vacancies.end() || it->second.value) continue;
    if (!v.spec_id.empty()) v.spec = nullptr;  // as parse_vacancy left it
    it->second.value = std::move(v);
  }
  site.vacancies.clear();
}

std::optional<Vacancy> reload_vacancy(const std::string& root, const std::string& path,
                                      LoadCache& cache, Diagnostics& diags) {
  cache.changed.clear();
  auto it = cache.vacancies.find(path);
  CachedFile<Vacancy>* old = it == cache.vacancies.end() ? nullptr : &it->second;
  CachedFile<Vacancy> got = load_one<Vacancy>(root, path, parse_vacancy, old);
  if (!old || old->hash != got.hash || !got.hash) cache.changed.push_back(path);
  diags.append(got.diags);
  std::optional<Vacancy> value;
  if (got.value) value = *got.value;
  cache.vacancies[path] = std::move(got);
  return value;
}

// A file name becomes part of a web address, so it must be lower-case
// letters, digits and hyphens.
bool check_file_name(const std::string& path, Diagnostics& diags) {
  // By hand, not with fs::path: this runs for each of 10,000 files a build.
  std::string name = path.substr(path.rfind('/') + 1);
  auto dot = name.find('.');
  if (dot == name.rfind('.') && is_slug(name.substr(0, dot))) return true;  // one ending at most
  std::string example = "teaching-assistant" + fs::path(path).extension().string();
  diags.error({path, 0, 0}, "the file name '" + name + "' cannot be used: it becomes part of a "
                                "web address, so it may hold only lower-case letters, digits and "
                                "hyphens; rename the file to '" + web_file_name(name, example) + "'");
  return false;
}

namespace {
// The folders read file by file, with the endings read there.
const std::map<std::string, std::vector<std::string>> kFolders{
    {"content/vacancies", {".md", ".markdown"}},
    {"content/specs", {".yaml"}},
    {"content/schools", {".yaml"}},
    {"content/standards", {".yaml"}},
    {"content/pages", {".md"}},
};
}  // namespace

const std::vector<std::string>& endings_read(const std::string& folder) { return kFolders.at(folder); }

bool read_by_load(const std::string& path) {
  auto slash = path.rfind('/');
  auto folder = kFolders.find(slash == std::string::npos ? "" : path.substr(0, slash));
  if (folder == kFolders.end()) {  // a folder inside one of them is not read; all else may be
    for (auto& [dir, endings] : kFolders)
      if (path.rfind(dir + "/", 0) == 0) return false;
    return true;
  }
  std::string name = path.substr(slash + 1);
  auto ends = [&](const std::string& e) { return name.size() > e.size() && name.ends_with(e); };
  // A .yml there is read too, to say it is not (report_yml).
  return ends(".yml") || std::any_of(folder->second.begin(), folder->second.end(), ends);
}

// The files of each content folder that load reads, and the .yml files of
// those that read .yaml (left out without a word, they are reported: see
// load_site). Each folder is listed once (the .yml files were a second
// listing of 5,000 specifications), all of them at the same time.
namespace {
struct FolderFiles {
  std::vector<std::string> read, yml;
  Diagnostics diags;
};
}  // namespace
static std::vector<FolderFiles> list_content(const std::string& root, const std::vector<const char*>& dirs) {
  std::vector<FolderFiles> out(dirs.size());
  parallel_for(dirs.size(), [&](size_t i) {
    std::vector<std::string> endings = endings_read(dirs[i]);
    bool yaml = std::find(endings.begin(), endings.end(), ".yaml") != endings.end();
    if (yaml) endings.push_back(".yml");
    for (auto& path : list_files(root, dirs[i], endings, out[i].diags))
      (yaml && path.ends_with(".yml") ? out[i].yml : out[i].read).push_back(std::move(path));
  });
  return out;
}

Site load_site(const std::string& root, Diagnostics& diags, LoadCache* cache) {
  Site site;
  site.root = root;
  if (cache) cache->changed.clear();
  if (!check_site_folder(root, diags)) return site;
  site.config = load_config(root, diags);
  LoadCache none;
  LoadCache& c = cache ? *cache : none;
  if (c.timezone != site.config.timezone) {  // the caller's choice to lend stays
    bool lend = c.lend_vacancies;
    c = LoadCache();
    c.timezone = site.config.timezone;
    c.lend_vacancies = lend;
  }

  auto listed = list_content(root, {"content/vacancies", "content/specs", "content/schools",
                                     "content/standards", "content/pages"});
  for (auto& l : listed) diags.append(l.diags);
  auto& vacancy_paths = listed[0].read;
  auto& spec_paths = listed[1].read;
  auto& school_paths = listed[2].read;
  auto& standard_paths = listed[3].read;
  auto& page_paths = listed[4].read;
  // A bilingual site's translations (ta.en-GB.md) are read after the main files.
  auto vacancy_translations = take_translations(vacancy_paths, site.config.languages);
  auto spec_translations = take_translations(spec_paths, site.config.languages);
  auto page_translations = take_translations(page_paths, site.config.languages);
  auto school_translations = take_translations(school_paths, site.config.languages);
  for (auto* paths : {&vacancy_paths, &spec_paths, &school_paths, &standard_paths, &page_paths})
    for (auto& p : *paths) check_file_name(p, diags);
  // In slug order, so that the adverts are loaded in the order the site
  // keeps them ("a.md" comes after "a-b.md" as a path): an advert moved
  // while sorting was a tenth of a rebuild's loading.
  auto by_stem = [](auto& a, auto& b) { return stem_of(a) < stem_of(b); };
  if (!std::is_sorted(vacancy_paths.begin(), vacancy_paths.end(), by_stem))
    std::stable_sort(vacancy_paths.begin(), vacancy_paths.end(), by_stem);
  for (auto& l : listed)  // a .yml file where .yaml is read
    for (auto& path : l.yml)
      diags.error({path, 0, 0}, "this file is not read, because its name ends .yml: rename it to '" +
                                    stem_of(path) + ".yaml'");

  auto* changed = cache ? &cache->changed : nullptr;
  auto in = [&](auto& entries) { return cache ? &entries : nullptr; };
  for (auto& s : load_all<School>(root, school_paths, parse_school, diags, in(c.schools), changed))
    site.schools.emplace(s.id, std::move(s));
  auto parse_shared_spec = [](const std::string& text, const std::string& path, Diagnostics& d)
      -> std::optional<std::shared_ptr<const PersonSpec>> {
    auto spec = parse_spec(text, path, d);
    if (!spec) return std::nullopt;
    return std::make_shared<const PersonSpec>(std::move(*spec));
  };
  for (auto& s : load_all<std::shared_ptr<const PersonSpec>>(root, spec_paths, parse_shared_spec, diags,
                                                             in(c.specs), changed))
    site.specs.emplace(s->id, std::move(s));
  for (auto& s : load_all<Standard>(root, standard_paths, parse_standard, diags, in(c.standards), changed))
    site.standards.emplace(s.id, std::move(s));
  site.vacancies = load_all<Vacancy>(root, vacancy_paths, parse_vacancy, diags, in(c.vacancies), changed,
                                     cache && cache->lend_vacancies);
  site.pages = load_all<Page>(root, page_paths, parse_page, diags, in(c.pages), changed);
  load_glossary(root, site, diags);
  for (size_t i = 1; i < site.config.languages.size(); ++i)
    load_glossary(root, site, diags, site.config.languages[i]);
  load_files(root, site, diags);

  auto by_slug = [](auto& a, auto& b) { return a.slug < b.slug; };
  if (!std::is_sorted(site.vacancies.begin(), site.vacancies.end(), by_slug))
    std::sort(site.vacancies.begin(), site.vacancies.end(), by_slug);
  load_translations(root, site, {vacancy_translations, spec_translations, page_translations,
                                 school_translations}, diags);
  return site;
}
