// The build cache between runs: its file, its keys, and linking the pages
// of unchanged adverts; see build_cache.h.
#include "pipeline/build_cache.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include "base/parallel.h"
#include "pipeline/cache_format.h"
#include "theme/theme.h"
#include "write/writer.h"

namespace fs = std::filesystem;

// A member added to one of these is a member the cache must keep: add it
// to its `fields` in cache_format.h, then change the size here.
static_assert(sizeof(Vacancy) == 1248, "Vacancy changed: update fields() in cache_format.h");
static_assert(sizeof(PersonSpec) == 184, "PersonSpec changed: update fields() in cache_format.h");
static_assert(sizeof(Criterion) == 232, "Criterion changed: update fields() in cache_format.h");
static_assert(sizeof(Listing) == 136, "Listing changed: update fields() in cache_format.h");

namespace {

constexpr std::string_view kMagic = "staffroom build cache 1\n";
constexpr const char* kFileName = "build-cache";

// A 64-bit key built from many parts, in order.
struct Key {
  std::uint64_t value = 14695981039346656037ULL;
  void add(std::string_view bytes) {
    value = (value ^ std::hash<std::string_view>{}(bytes)) * 1099511628211ULL;
    value = (value ^ bytes.size()) * 1099511628211ULL;
  }
  void add(std::uint64_t n) { add(std::string_view(reinterpret_cast<const char*>(&n), sizeof n)); }
};

std::optional<std::string> read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream out;
  out << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(out).str();
}

// This program, as the file it was run from: another build of Staffroom
// renders differently, so its cache is not this one's.
std::string program_identity() {
  struct stat st;
  if (::stat("/proc/self/exe", &st) != 0) return "unknown";
  return std::to_string(st.st_size) + "/" + std::to_string(st.st_mtim.tv_sec) + "." +
         std::to_string(st.st_mtim.tv_nsec) + "/" + std::to_string(st.st_ino);
}

std::string cache_path(const std::string& site) {
  return (fs::path(site) / kCacheFolder / kFileName).string();
}

std::string absolute_of(const std::string& path) {
  std::error_code ec;
  auto absolute = fs::absolute(path, ec);
  if (ec) return path;
  auto p = fs::weakly_canonical(absolute, ec);
  return ec ? absolute.lexically_normal().string() : p.string();
}

std::optional<OutputStamp> output_stamp(const std::string& file) {
  struct stat st;
  if (::lstat(file.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  return OutputStamp{static_cast<std::uint64_t>(st.st_size),
                     std::int64_t(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec,
                     static_cast<std::uint64_t>(st.st_ino)};
}

// Every file under `dir`, by path, into `key`; `whole` reads their bytes,
// else their size and time are enough (documents, which may be large).
void add_folder(Key& key, const fs::path& dir, bool whole, const fs::path& skip = {}) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return;
  std::vector<std::string> files;
  auto it = fs::recursive_directory_iterator(dir, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!skip.empty() && it->path() == skip) {
      it.disable_recursion_pending();
      continue;
    }
    std::error_code e;
    if (!it->is_directory(e)) files.push_back(it->path().string());
  }
  if (ec) key.add(std::string_view("unreadable folder"));
  std::sort(files.begin(), files.end());
  for (auto& f : files) {
    key.add(f);
    if (!whole) {
      struct stat st;
      if (::stat(f.c_str(), &st) == 0)
        key.add(std::to_string(st.st_size) + "/" + std::to_string(st.st_mtim.tv_sec) + "." +
                std::to_string(st.st_mtim.tv_nsec));
      continue;
    }
    auto bytes = read_all(f);
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
  key.add(v.mark.path);
  key.add(static_cast<std::uint64_t>(file->second.hash));
  key.add(static_cast<std::uint64_t>(status_of(v, now)));
  for (auto& [language, t] : site.translations) {
    key.add(language);
    auto it = t.vacancies.find(v.slug);
    if (it == t.vacancies.end()) continue;
    auto bytes = read_all(site.root + "/" + it->second.mark.path);
    if (!bytes) return 0;
    key.add(it->second.mark.path);
    key.add(*bytes);
    key.add(static_cast<std::uint64_t>(status_of(it->second, now)));
  }
  return key.value ? key.value : 1;
}

}  // namespace

std::optional<BuildCache> read_build_cache(const std::string& site, const std::string& output,
                                           std::string& note) {
  std::string path = cache_path(site);
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(path, ec))) return std::nullopt;
  std::string where = std::string(kCacheFolder);
  auto bytes = read_all(path);
  if (!bytes) {
    note = "the build cache in " + where + " could not be read, so everything was built again";
    return std::nullopt;
  }
  std::string_view all(*bytes);
  std::string damaged = "the build cache in " + where +
                        " was damaged (perhaps a build was stopped while saving it), so "
                        "everything was built again";
  if (all.size() < kMagic.size() + 8 || all.substr(0, kMagic.size()) != kMagic) {
    note = damaged;
    return std::nullopt;
  }
  std::uint64_t sum = 0;
  std::memcpy(&sum, all.data() + all.size() - 8, 8);
  std::string_view body = all.substr(0, all.size() - 8);
  if (std::hash<std::string_view>{}(body) != sum) {
    note = damaged;
    return std::nullopt;
  }
  CacheReader in{body, kMagic.size()};
  std::string program;
  in(program);
  if (in.ok && program != program_identity()) {
    note = "the build cache in " + where + " was made by another version of Staffroom, so "
           "everything was built again";
    return std::nullopt;
  }
  BuildCache cache;
  in(cache.output, cache.site_key, cache.load.timezone, cache.load.vacancies, cache.bodies);
  std::uint64_t n = in.count();
  for (std::uint64_t i = 0; i < n && in.ok; ++i) {
    std::string slug;
    in(slug);
    AdvertRecord& r = cache.adverts[slug];
    in(r.key, r.trees);
    std::uint64_t files = in.count();
    for (std::uint64_t f = 0; f < files && in.ok; ++f) {
      std::string file;
      OutputStamp s;
      in(file, s.size, s.mtime_ns, s.inode);
      r.stamps[file] = s;
    }
  }
  if (!in.ok || in.at != body.size()) {
    note = damaged;
    return std::nullopt;
  }
  // A cache for another output, or for an output no longer there, has
  // nothing to link from: quietly built again, as the first build was.
  std::string out = absolute_of(output);
  if (cache.output != out || !fs::exists(fs::path(out) / kOutputMarker, ec)) return std::nullopt;
  return cache;
}

std::optional<std::string> write_build_cache(const std::string& site, const std::string& output,
                                             BuildCache& cache) {
  cache.output = absolute_of(output);
  CacheWriter out;
  out.bytes = kMagic;
  std::string program = program_identity();
  out(program, cache.output, cache.site_key, cache.load.timezone, cache.load.vacancies, cache.bodies);
  std::uint64_t n = cache.adverts.size();
  out(n);
  for (auto& [slug, r] : cache.adverts) {
    std::string s = slug;
    std::uint64_t files = r.stamps.size();
    out(s, r.key, r.trees, files);
    for (auto& [file, stamp] : r.stamps) {
      std::string f = file;
      OutputStamp st = stamp;
      out(f, st.size, st.mtime_ns, st.inode);
    }
  }
  std::uint64_t sum = std::hash<std::string_view>{}(out.bytes);
  out(sum);

  fs::path folder = fs::path(site) / kCacheFolder;
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec) return "cannot make the folder " + folder.string() + ": " + ec.message();
  std::string final_path = cache_path(site);
  std::string temp = final_path + "." + std::to_string(::getpid()) + ".new";
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) return "cannot write " + temp + ": " + std::strerror(errno);
  size_t done = 0;
  while (done < out.bytes.size()) {
    ssize_t w = ::write(fd, out.bytes.data() + done, out.bytes.size() - done);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) break;
    done += static_cast<size_t>(w);
  }
  int err = done < out.bytes.size() ? errno : 0;
  if (::close(fd) != 0 && !err) err = errno;
  if (!err && ::rename(temp.c_str(), final_path.c_str()) != 0) err = errno;
  if (err) {
    ::unlink(temp.c_str());
    return "cannot write " + final_path + ": " + std::strerror(err ? err : EIO);
  }
  return std::nullopt;
}

std::uint64_t site_key(const Site& site, const Theme& theme, const BuildOptions& options,
                       const std::string& output) {
  Key key;
  key.add(program_identity());
  key.add(absolute_of(output));
  key.add(options.base_url);
  key.add(std::uint64_t(options.drafts));
  auto settings = read_all(site.root + "/site.yaml");
  key.add(settings ? std::string_view(*settings) : std::string_view("none"));
  fs::path content = fs::path(site.root) / "content";
  add_folder(key, content, true, content / "vacancies");
  // The documents again by size and time: a page gives each one's size.
  add_folder(key, content / "files", false);
  for (auto& folder : theme.folders()) add_folder(key, folder, true);
  return key.value;
}

VacancyOutputs keep_unchanged(const BuildCache& old, const Site& site, const LoadCache& loaded,
                              std::uint64_t key, Time now, const std::string& previous,
                              DirSink& sink, std::map<std::string, AdvertRecord>& next) {
  VacancyOutputs kept;
  if (old.site_key != key || previous.empty()) return kept;
  std::vector<const AdvertRecord*> taken(site.vacancies.size(), nullptr);
  parallel_for(site.vacancies.size(), [&](size_t i) {
    const Vacancy& v = site.vacancies[i];
    auto it = old.adverts.find(v.slug);
    if (it == old.adverts.end() || it->second.key != advert_key(site, v, loaded, key, now)) return;
    const AdvertRecord& r = it->second;
    for (auto& [file, stamp] : r.stamps)
      if (output_stamp(previous + "/" + file) != stamp) return;
    std::vector<std::string> linked;
    for (auto& [file, stamp] : r.stamps) {
      if (!sink.keep(file)) {
        for (auto& done : linked) sink.unkeep(done);
        return;
      }
      linked.push_back(file);
    }
    taken[i] = &r;
  });
  for (size_t i = 0; i < taken.size(); ++i) {
    if (!taken[i]) continue;
    const std::string& slug = site.vacancies[i].slug;
    kept[slug] = taken[i]->trees;
    next[slug] = *taken[i];
  }
  return kept;
}

void record_made(const VacancyOutputs& made, const Site& site, const LoadCache& loaded,
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
    if (auto it = made.find(v.slug); it != made.end()) r.trees = it->second;
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
