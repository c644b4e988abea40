// Loading the whole site folder: site.yaml, then every file under content/,
// read in parallel, each into its own slot so the order never varies.
#include <algorithm>
#include <filesystem>
#include <set>

#include <sys/stat.h>
#include <time.h>

#include "base/clock.h"
#include "load/load.h"
#include "base/parallel.h"
#include "load/site_folder.h"
#include "load/source.h"
#include "base/text.h"
#include "base/vocabulary.h"

namespace fs = std::filesystem;

std::string stem_of(const std::string& path) {
  auto name = fs::path(path).filename().string();
  auto dot = name.find('.');
  return dot == std::string::npos ? name : name.substr(0, dot);
}

bool is_email(const std::string& s) {
  auto at = s.find('@');
  return at != std::string::npos && at > 0 && at + 1 < s.size() &&
         s.find_first_of(" \t<>\"'", 0) == std::string::npos &&
         s.find('.', at) != std::string::npos;
}

bool check_url(const std::string& url, const Mark& mark, Diagnostics& diags) {
  auto lower = lower_ascii(url);
  bool web = lower.rfind("https://", 0) == 0 || lower.rfind("http://", 0) == 0;
  bool ok = (web && url.size() > 8 && url.find_first_of(" <>\"") == std::string::npos) ||
            (lower.rfind("mailto:", 0) == 0 && is_email(url.substr(7)));
  if (!ok)
    diags.error(mark, "'" + url + "' is not a web address (https://...) or an "
                      "email link (mailto:...)");
  return ok;
}

bool check_language(const std::string& tag, const Mark& mark, Diagnostics& diags) {
  // BCP 47 in the shape sites use: a 2-3 letter language, then subtags of
  // 1-8 letters or digits ("cy", "en-GB", "sr-Latn", "es-419").
  bool ok = !tag.empty();
  size_t start = 0;
  for (int part = 0; ok && start <= tag.size(); ++part) {
    size_t end = tag.find('-', start);
    if (end == std::string::npos) end = tag.size();
    std::string sub = tag.substr(start, end - start);
    bool letters = std::all_of(sub.begin(), sub.end(), [](unsigned char c) { return isalpha(c); });
    bool alnum = std::all_of(sub.begin(), sub.end(), [](unsigned char c) { return isalnum(c); });
    ok = part == 0 ? letters && sub.size() >= 2 && sub.size() <= 3
                   : alnum && !sub.empty() && sub.size() <= 8;
    start = end + 1;
  }
  if (!ok)
    diags.error(mark, "'" + tag + "' is not a language tag: write one such as cy (Welsh) "
                      "or en-GB (British English)");
  return ok;
}

static void read_organisation(const YamlNode& org, const YamlFile& file, SiteConfig& config,
                              Diagnostics& diags) {
  if (org.is_scalar()) {
    config.organisation_name = org.text;
    return;
  }
  MapReader o(org, file, diags, {"name", "website", "logo"}, "'organisation'");
  config.organisation_name = o.text("name", true);
  config.organisation_url = o.text("website");
  if (!config.organisation_url.empty()) check_url(config.organisation_url, o.mark("website"), diags);
  config.organisation_logo = o.text("logo");
}

static void read_contact(const YamlNode& contact, const YamlFile& file, SiteConfig& config,
                         Diagnostics& diags) {
  MapReader c(contact, file, diags, {"email", "phone"}, "'contact'");
  config.contact_email = c.text("email");
  if (!config.contact_email.empty() && !is_email(config.contact_email))
    diags.error(c.mark("email"), "'" + config.contact_email + "' is not an email address");
  config.contact_phone = c.text("phone");
}

static void read_roles(const YamlNode& roles, const Mark& mark, const YamlFile& file,
                       SiteConfig& config, Diagnostics& diags) {
  if (!roles.is_map()) {
    diags.error(mark, "'roles' should list 'id: label' lines");
    return;
  }
  for (auto& [key, value] : roles.entries) {
    auto id = scalar_text(key, file, diags, "a role id");
    auto label = scalar_text(value, file, diags, "a role label");
    if (id && label) config.roles[*id] = *label;
  }
}

// A base_url with a path (https://example.org/jobs/) puts robots.txt at
// /jobs/robots.txt, where crawlers never look: they read only the host's root.
// Says what the host's own robots.txt needs, since Staffroom cannot write it.
static void warn_base_url_path(const std::string& base_url, const Mark& mark, Diagnostics& diags) {
  auto host_start = base_url.find("://");
  if (host_start == std::string::npos) return;
  auto path_start = base_url.find('/', host_start + 3);
  if (path_start == std::string::npos || path_start + 1 >= base_url.size()) return;
  std::string root = base_url.substr(0, path_start + 1);
  diags.warning(mark, "'base_url' has a path (" + base_url.substr(path_start) +
                          "): search engines read robots.txt only at " + root +
                          "robots.txt, not the one this site writes at " + base_url +
                          "robots.txt; add the line 'Sitemap: " + base_url +
                          "sitemap.xml' to " + root + "robots.txt");
}

// The settings that are single words or addresses, each checked.
static void read_settings(MapReader& m, SiteConfig& config, Diagnostics& diags) {
  auto set = [&](const char* key, std::string& field) {
    if (m.has(key)) field = m.text(key);
  };
  set("title", config.title);
  set("description", config.description);
  set("base_url", config.base_url);
  set("language", config.language);
  set("timezone", config.timezone);
  set("theme", config.theme);
  if (m.has("base_url") && check_url(config.base_url, m.mark("base_url"), diags) &&
      config.base_url.back() != '/')
    config.base_url += '/';
  if (m.has("base_url")) warn_base_url_path(config.base_url, m.mark("base_url"), diags);
  if (m.has("language")) check_language(config.language, m.mark("language"), diags);
  if (!is_slug(config.theme))
    diags.error(m.mark("theme"), "'theme' should be a folder name such as default");
  if (!set_timezone(config.timezone)) {
    diags.error(m.mark("timezone"), "unknown timezone '" + config.timezone +
                                        "'; use a name such as Europe/London");
    set_timezone("Europe/London");
  }
}

SiteConfig load_config(const std::string& root, Diagnostics& diags) {
  SiteConfig config;
  auto path = site_yaml_path(root).value_or("");
  if (path.empty()) {
    set_timezone(config.timezone);
    return config;  // load_site reports it; here every setting has a default
  }
  auto text = read_text_file(root, path, diags);
  if (!text) return config;
  YamlFile file{path, 1};
  auto node = parse_yaml(*text, file, diags);
  if (!node || node->is_null()) return config;
  MapReader m(*node, file, diags,
              {"title", "description", "base_url", "language", "organisation",
               "contact", "timezone", "theme", "roles"},
              "site.yaml");
  if (!m.ok()) return config;
  read_settings(m, config, diags);
  if (m.has("organisation")) read_organisation(m.get("organisation"), file, config, diags);
  if (m.has("contact")) read_contact(m.get("contact"), file, config, diags);
  if (m.has("roles")) read_roles(m.get("roles"), m.mark("roles"), file, config, diags);
  return config;
}

std::optional<School> parse_school(const std::string& text,
                                   const std::string& path, Diagnostics& diags) {
  YamlFile file{path, 1};
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
  if (!s.phase.empty()) check_word(s.phase, ids_of(kPhases), "phase", m.mark("phase"), diags);
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
  YamlFile file{path, fm->yaml_line};
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

static void load_glossary(const std::string& root, Site& site, Diagnostics& diags) {
  const std::string path = "content/glossary.yaml";
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(root + "/" + path, ec))) {
    if (fs::exists(fs::symlink_status(root + "/content/glossary.yml", ec)))
      diags.error({"content/glossary.yml", 0, 0}, "this file is not read, because its name ends "
                                                  ".yml: rename it to 'glossary.yaml'");
    return;
  }
  auto text = read_text_file(root, path, diags);
  if (!text) return;
  YamlFile file{path, 1};
  auto node = parse_yaml(*text, file, diags);
  if (!node || node->is_null()) return;
  if (!node->is_map()) {
    diags.error(mark_of(file, *node), "the glossary should be 'ABBREVIATION: meaning' lines");
    return;
  }
  std::set<std::string> seen;
  for (auto& [key, value] : node->entries) {
    auto abbr = scalar_text(key, file, diags, "an abbreviation");
    auto words = scalar_text(value, file, diags, "the meaning of '" + abbr.value_or("") + "'");
    if (abbr && !seen.insert(*abbr).second) {
      diags.error(mark_of(file, key), "duplicate key '" + *abbr + "': it is already given above");
      continue;
    }
    if (abbr && words) site.glossary.emplace_back(*abbr, *words);
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

// Reads and parses one file, or takes it from `old` when it is the same.
// A stamp is trusted only when the file was last written well before it was
// read: file times tick coarsely, and a save in the same tick as the read
// would leave the stamp as it was.
template <class T, class Parse>
static CachedFile<T> load_one(const std::string& root, const std::string& path, Parse parse,
                              const CachedFile<T>* old) {
  constexpr std::int64_t kTick = 100'000'000;  // 100 ms, far more than any file system's
  auto stamp = stamp_of(root + "/" + path);
  if (old && stamp && old->stamp == *stamp && old->stamp.mtime_ns + kTick < old->read_at_ns)
    return *old;
  CachedFile<T> got;
  got.stamp = stamp.value_or(FileStamp{});
  got.read_at_ns = clock_ns();
  auto text = read_text_file(root, path, got.diags);
  if (!text) return got;
  got.hash = std::max<std::size_t>(1, std::hash<std::string>{}(*text));
  if (old && old->hash == got.hash) {
    got.value = old->value;
    got.diags = old->diags;
  } else {
    got.value = parse(*text, path, got.diags);
  }
  return got;
}

// Loads each of `paths` with `parse`, in parallel, keeping the order; with
// a cache, takes the unchanged files from it and records what changed.
template <class T, class Parse>
static std::vector<T> load_all(const std::string& root, const std::vector<std::string>& paths,
                               Parse parse, Diagnostics& diags,
                               std::map<std::string, CachedFile<T>>* cache = nullptr,
                               std::vector<std::string>* changed = nullptr) {
  std::vector<CachedFile<T>> got(paths.size());
  parallel_for(paths.size(), [&](size_t i) {
    const CachedFile<T>* old = nullptr;
    if (cache)
      if (auto it = cache->find(paths[i]); it != cache->end()) old = &it->second;
    got[i] = load_one<T>(root, paths[i], parse, old);
  });
  std::vector<T> out;
  std::map<std::string, CachedFile<T>> next;
  for (size_t i = 0; i < paths.size(); ++i) {
    diags.append(got[i].diags);
    if (cache) {
      auto it = cache->find(paths[i]);
      if (it == cache->end() || it->second.hash != got[i].hash || !got[i].hash)
        changed->push_back(paths[i]);
      bool kept = it != cache->end() && it->second.read_at_ns == got[i].read_at_ns;
      next[paths[i]] = kept ? std::move(it->second) : got[i];
      if (it != cache->end()) cache->erase(it);
    }
    if (got[i].value) out.push_back(std::move(*got[i].value));
  }
  if (cache) {
    for (auto& [gone, entry] : *cache) changed->push_back(gone);
    *cache = std::move(next);
  }
  return out;
}

// A file name becomes part of a web address, so it must be lower-case
// letters, digits and hyphens.
bool check_file_name(const std::string& path, Diagnostics& diags) {
  auto name = fs::path(path).filename().string();
  if (is_slug(stem_of(path)) && name == stem_of(path) + fs::path(path).extension().string())
    return true;
  std::string example = "teaching-assistant" + fs::path(path).extension().string();
  diags.error({path, 0, 0}, "the file name '" + name + "' cannot be used: it becomes part of a "
                                "web address, so it may hold only lower-case letters, digits and "
                                "hyphens; rename the file to '" + web_file_name(name, example) + "'");
  return false;
}

// A .yml file where .yaml is read would be left out without a word.
static void report_yml(const std::string& root, const std::string& dir, Diagnostics& diags) {
  Diagnostics unread;  // list_files has reported a folder it cannot read
  for (auto& path : list_files(root, dir, {".yml"}, unread))
    diags.error({path, 0, 0}, "this file is not read, because its name ends .yml: rename it to '" +
                                  stem_of(path) + ".yaml'");
}

Site load_site(const std::string& root, Diagnostics& diags, LoadCache* cache) {
  Site site;
  site.root = root;
  if (cache) cache->changed.clear();
  if (!check_site_folder(root, diags)) return site;
  site.config = load_config(root, diags);
  LoadCache none;
  LoadCache& c = cache ? *cache : none;
  if (c.timezone != site.config.timezone) {
    c = LoadCache();
    c.timezone = site.config.timezone;
  }

  auto vacancy_paths = list_files(root, "content/vacancies", {".md", ".markdown"}, diags);
  auto spec_paths = list_files(root, "content/specs", {".yaml"}, diags);
  auto school_paths = list_files(root, "content/schools", {".yaml"}, diags);
  auto standard_paths = list_files(root, "content/standards", {".yaml"}, diags);
  auto page_paths = list_files(root, "content/pages", {".md"}, diags);
  for (auto* paths : {&vacancy_paths, &spec_paths, &school_paths, &standard_paths, &page_paths})
    for (auto& p : *paths) check_file_name(p, diags);
  for (auto* dir : {"content/specs", "content/schools", "content/standards"})
    report_yml(root, dir, diags);

  auto* changed = cache ? &cache->changed : nullptr;
  auto in = [&](auto& entries) { return cache ? &entries : nullptr; };
  for (auto& s : load_all<School>(root, school_paths, parse_school, diags, in(c.schools), changed))
    site.schools.emplace(s.id, std::move(s));
  for (auto& s : load_all<PersonSpec>(root, spec_paths, parse_spec, diags, in(c.specs), changed)) {
    std::string id = s.id;
    site.specs.emplace(id, std::make_shared<const PersonSpec>(std::move(s)));
  }
  for (auto& s : load_all<Standard>(root, standard_paths, parse_standard, diags, in(c.standards), changed))
    site.standards.emplace(s.id, std::move(s));
  site.vacancies = load_all<Vacancy>(root, vacancy_paths, parse_vacancy, diags, in(c.vacancies), changed);
  site.pages = load_all<Page>(root, page_paths, parse_page, diags, in(c.pages), changed);
  load_glossary(root, site, diags);
  load_files(root, site, diags);

  std::sort(site.vacancies.begin(), site.vacancies.end(),
            [](auto& a, auto& b) { return a.slug < b.slug; });
  return site;
}
