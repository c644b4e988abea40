// The build cache's keys, and linking the pages of unchanged adverts from
// the previous output; see build_cache.h (its files: cache_file.h).
#include "pipeline/build_cache.h"

#include <fcntl.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <limits>
#include <set>

#include "base/key.h"
#include "base/parallel.h"
#include "load/source.h"
#include "theme/theme.h"
#include "write/writer.h"

namespace fs = std::filesystem;

// A member added to one of these is a member the cache must keep: add it
// to its `fields` in cache_format.h, then change the size here.
static_assert(sizeof(Vacancy) == 1168, "Vacancy changed: update fields() in cache_format.h");
static_assert(sizeof(PersonSpec) == 184, "PersonSpec changed: update fields() in cache_format.h");
static_assert(sizeof(Criterion) == 216, "Criterion changed: update fields() in cache_format.h");
static_assert(sizeof(Listing) == 144, "Listing changed: update fields() in cache_format.h");
// And an option added to the build may change pages: add it to site_key().
static_assert(sizeof(BuildOptions) == 48, "BuildOptions changed: add the new option to site_key()");

namespace {


// A folder held open, so that 20,000 stamps are looked up from it rather
// than from / each time; fd is -1 when there is none.
struct OpenFolder {
  int fd;
  explicit OpenFolder(const std::string& path)
      : fd(path.empty() ? -1 : ::open(path.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC)) {}
  ~OpenFolder() {
    if (fd >= 0) ::close(fd);
  }
  OpenFolder(const OpenFolder&) = delete;
  OpenFolder& operator=(const OpenFolder&) = delete;
};

// Every file under `dir`, by path, into `key`; `whole` reads their bytes,
// else their size and time are enough (documents, which may be large).
// Leaves out the folders `skip` and the files `known` has by their path
// relative to `root`.
void add_folder(Key& key, const fs::path& dir, bool whole, const std::vector<fs::path>& skip = {},
                const std::map<std::string, CachedFile<std::shared_ptr<const PersonSpec>>>* known = nullptr,
                const fs::path& root = {}) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return;
  std::vector<std::string> files;
  auto it = fs::recursive_directory_iterator(dir, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (std::find(skip.begin(), skip.end(), it->path()) != skip.end()) {
      it.disable_recursion_pending();
      continue;
    }
    std::error_code e;
    if (it->is_directory(e)) continue;
    if (known && known->count(it->path().lexically_relative(root).string())) continue;
    files.push_back(it->path().string());
  }
  if (ec) key.add(std::string_view("unreadable folder"));
  std::sort(files.begin(), files.end());
  for (auto& f : files) {
    // By its path within `dir`: the same site named by another path (--site .
    // or the full path) is the same site.
    key.add(std::string_view(f).substr(std::min(f.size(), dir.string().size())));
    if (!whole) {
      struct stat st;
      if (::stat(f.c_str(), &st) == 0)
        key.add(std::to_string(st.st_size) + "/" + std::to_string(st.st_mtim.tv_sec) + "." +
                std::to_string(st.st_mtim.tv_nsec));
      continue;
    }
    auto bytes = read_whole(f);
    key.add(bytes ? std::string_view(*bytes) : std::string_view("unreadable"));
  }
}

// An advert's key: its bytes (the loaded file's hash) and its translations',
// its status in each at `now`, and the site key. 0 when it cannot be made.
std::uint64_t advert_key(const Site& site, const Vacancy& v, const LoadCache& loaded,
                         std::uint64_t site_key, Time now) {
  auto file = loaded.vacancies.find(v.mark.path);
  if (file == loaded.vacancies.end() || !file->second.hash) return 0;
  Key key;
  key.add(site_key);
  key.add(v.slug);
  key.add(v.mark.path.str());
  key.add(static_cast<std::uint64_t>(file->second.hash));
  key.add(static_cast<std::uint64_t>(status_of(v, now)));
  if (!v.spec_id.empty()) {
    auto spec = loaded.specs.find("content/specs/" + v.spec_id + ".yaml");
    if (spec == loaded.specs.end() || !spec->second.hash) return 0;
    key.add(static_cast<std::uint64_t>(spec->second.hash));
  }
  for (auto& [language, t] : site.translations) {
    key.add(language);
    auto it = t.vacancies.find(v.slug);
    if (it == t.vacancies.end()) continue;
    auto bytes = read_whole(site.root + "/" + it->second.mark.path);
    if (!bytes) return 0;
    key.add(it->second.mark.path.str());
    key.add(*bytes);
    key.add(static_cast<std::uint64_t>(status_of(it->second, now)));
  }
  return key.value ? key.value : 1;
}

// Whether every file of an advert's pages is in `folder` as recorded.
bool files_as_recorded(const AdvertRecord& r, const OpenFolder& folder) {
  for (auto& [file, stamp] : r.stamps)
    if (output_stamp(file, folder.fd) != stamp) return false;
  return true;
}

// The folder of an advert's pages in each of its trees ("vacancies/<slug>",
// "en/vacancies/<slug>"), when every file it made is in one of them.
std::vector<std::string> advert_folders(const AdvertRecord& r, const std::string& slug) {
  std::vector<std::string> folders;
  for (auto& [tree, out] : r.trees) folders.push_back(tree + "vacancies/" + slug);
  for (auto& [file, stamp] : r.stamps) {
    bool inside = false;
    for (auto& folder : folders) inside = inside || file.rfind(folder + "/", 0) == 0;
    if (!inside) return {};
  }
  return folders;
}

// Whether an advert's pages can be taken from the spare output with their
// folders: it was kept (not rendered) last time, so its folders there hold
// exactly its files, and each file there is the previous output's own (the
// same inode, size and time), so its bytes are right.
bool in_spare(const AdvertRecord& r, const std::string& slug, const OpenFolder& spare) {
  return r.kept && spare.fd >= 0 && !advert_folders(r, slug).empty() && files_as_recorded(r, spare);
}

// Moves each tree's "vacancies" folder whole from the spare into `sink` when
// some advert's pages can be taken from it (`movable`), and removes from it
// what is not theirs (adverts changed, gone or not movable). An advert
// whose folders did not all come is no longer movable.
void move_spare_folders(const Site& site, const std::vector<AdvertRecord*>& record,
                        std::vector<char>& movable, const std::string& spare, DirSink& sink) {
  std::set<std::string> trees, moved;
  for (size_t i = 0; i < movable.size(); ++i)
    if (movable[i])
      for (auto& [tree, out] : record[i]->trees) trees.insert(tree);
  for (auto& tree : trees)
    if (sink.move_folder_in(spare, tree + "vacancies")) moved.insert(tree);
  std::map<std::string, std::set<std::string>> wanted;  // by tree, the slugs
  for (size_t i = 0; i < movable.size(); ++i) {
    if (!movable[i]) continue;
    for (auto& [tree, out] : record[i]->trees) movable[i] = movable[i] && moved.count(tree);
    if (movable[i])
      for (auto& [tree, out] : record[i]->trees) wanted[tree].insert(site.vacancies[i].slug);
  }
  for (auto& tree : moved)
    for (auto& name : sink.names_in(tree + "vacancies"))
      if (!wanted[tree].count(name)) sink.remove(tree + "vacancies/" + name);
}

}  // namespace

std::uint64_t site_key(const Site& site, const LoadCache& loaded, const Theme& theme,
                       const BuildOptions& options, const std::string& output) {
  Key key;
  key.add(program_identity());
  key.add(absolute_of(output));
  key.add(options.base_url);
  key.add(std::uint64_t(options.drafts));
  auto settings = read_whole(site.root + "/site.yaml");
  key.add(settings ? std::string_view(*settings) : std::string_view("none"));
  fs::path content = fs::path(site.root) / "content";
  add_folder(key, content, true, {content / "vacancies", content / "files"}, &loaded.specs, site.root);
  // The documents by size and time (they may be large): a page gives each one's size.
  add_folder(key, content / "files", false);
  for (auto& folder : theme.folders()) add_folder(key, folder, true);
  return key.value;
}

OutputCheck check_outputs(const BuildCache& old, const OutputFolders& folders) {
  OutputCheck check{folders, {}};
  OpenFolder spare(folders.spare), previous(folders.previous);
  if (previous.fd < 0) return check;
  std::vector<const std::pair<const std::string, AdvertRecord>*> records;
  records.reserve(old.adverts.size());
  for (auto& entry : old.adverts) records.push_back(&entry);
  std::vector<char> where(records.size(), 0);
  parallel_for(records.size(), [&](size_t i) {
    auto& [slug, r] = *records[i];
    if (in_spare(r, slug, spare)) where[i] = OutputCheck::spare;
    else if (files_as_recorded(r, previous)) where[i] = OutputCheck::previous;
  });
  check.intact.reserve(records.size());
  for (size_t i = 0; i < records.size(); ++i)
    if (where[i]) check.intact[&records[i]->second] = OutputCheck::Where(where[i]);
  return check;
}

VacancyOutputs keep_unchanged(BuildCache& old, const Site& site, const LoadCache& loaded,
                              std::uint64_t key, Time now, const OutputCheck& check,
                              DirSink& sink, std::map<std::string, AdvertRecord>& next) {
  VacancyOutputs kept;
  if (old.site_key != key || check.folders.previous.empty()) return kept;
  size_t n = site.vacancies.size();
  std::vector<AdvertRecord*> record(n, nullptr), taken(n, nullptr);
  std::vector<char> movable(n, 0);
  parallel_for(n, [&](size_t i) {
    const Vacancy& v = site.vacancies[i];
    auto it = old.adverts.find(v.slug);
    if (it == old.adverts.end()) return;
    auto intact = check.intact.find(&it->second);
    if (intact == check.intact.end() || it->second.key != advert_key(site, v, loaded, key, now)) return;
    record[i] = &it->second;
    movable[i] = intact->second == OutputCheck::spare;
  });
  // From the spare, one rename for all, not three mkdirs and four links an advert.
  move_spare_folders(site, record, movable, check.folders.spare, sink);
  OpenFolder previous(check.folders.previous);
  parallel_for(n, [&](size_t i) {
    if (!record[i]) return;
    const AdvertRecord& r = *record[i];
    std::vector<std::string> files;
    files.reserve(r.stamps.size());
    for (auto& [file, stamp] : r.stamps) files.push_back(file);
    if (movable[i]) {
      if (sink.adopt(files)) taken[i] = record[i];
      else
        for (auto& folder : advert_folders(r, site.vacancies[i].slug)) sink.remove(folder);
      return;
    }
    // Found in the spare but not moved from it: linked only if as recorded here too.
    if (check.intact.at(&r) == OutputCheck::spare && !files_as_recorded(r, previous)) return;
    if (sink.keep(files)) taken[i] = record[i];
  });
  for (size_t i = 0; i < taken.size(); ++i) {
    if (!taken[i]) continue;
    taken[i]->kept = true;
    const std::string& slug = site.vacancies[i].slug;
    kept[slug] = std::move(taken[i]->trees);  // given back to `next` by take_back_kept()
    next[slug] = std::move(*taken[i]);
  }
  return kept;
}

void take_back_kept(VacancyOutputs& kept, std::map<std::string, AdvertRecord>& next) {
  for (auto& [slug, trees] : kept)
    if (auto it = next.find(slug); it != next.end()) it->second.trees = std::move(trees);
}

void record_made(VacancyOutputs& made, const Site& site, const LoadCache& loaded,
                 std::uint64_t key, Time now, const std::string& output,
                 std::map<std::string, AdvertRecord>& next) {
  std::vector<AdvertRecord> records(site.vacancies.size());
  std::vector<bool> ok(site.vacancies.size(), false);
  parallel_for(site.vacancies.size(), [&](size_t i) {
    const Vacancy& v = site.vacancies[i];
    if (next.count(v.slug)) return;  // kept: recorded already
    AdvertRecord& r = records[i];
    r.key = advert_key(site, v, loaded, key, now);
    if (!r.key) return;
    if (auto it = made.find(v.slug); it != made.end()) r.trees = std::move(it->second);  // not copied: 100,000 adverts' files
    for (auto& [folder, out] : r.trees)
      for (auto& file : out.files) {
        auto stamp = output_stamp(output + "/" + file);
        if (!stamp) return;
        r.stamps[file] = *stamp;
      }
    ok[i] = true;
  });
  for (size_t i = 0; i < records.size(); ++i)
    if (ok[i]) next[site.vacancies[i].slug] = std::move(records[i]);
}

void give_spec_findings(std::map<std::string, KeptSpecFindings>& from, const LoadCache& loaded,
                        CheckCache& check) {
  for (auto& [path, kept] : from) {
    auto file = loaded.specs.find(path);
    if (file == loaded.specs.end() || !file->second.value || !*file->second.value) continue;
    const auto& spec = *file->second.value;
    check.specs[spec.get()] = {spec, kept.key, std::move(kept.findings)};
  }
  from.clear();
}

std::map<std::string, KeptSpecFindings> take_spec_findings(const LoadCache& loaded, CheckCache& check) {
  std::map<std::string, KeptSpecFindings> out;
  for (auto& [path, file] : loaded.specs) {
    if (!file.value || !*file.value) continue;
    auto it = check.specs.find(file.value->get());
    if (it != check.specs.end()) out[path] = {it->second.key, std::move(it->second.findings)};
  }
  return out;
}

std::optional<std::string> read_whole(const std::string& path) {
  std::string bytes;
  if (read_file(path, bytes, std::numeric_limits<std::uintmax_t>::max())) return std::nullopt;
  return bytes;
}

std::string program_identity() {
  struct stat st;
  if (::stat("/proc/self/exe", &st) != 0) return "unknown";
  return std::to_string(st.st_size) + "/" + std::to_string(st.st_mtim.tv_sec) + "." +
         std::to_string(st.st_mtim.tv_nsec) + "/" + std::to_string(st.st_ino);
}

std::string absolute_of(const std::string& path) {
  std::error_code ec;
  auto absolute = fs::absolute(path, ec);
  if (ec) return path;
  auto p = fs::weakly_canonical(absolute, ec);
  return ec ? absolute.lexically_normal().string() : p.string();
}
