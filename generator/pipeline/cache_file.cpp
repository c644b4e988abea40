// The build cache's files; see cache_file.h.
#include "pipeline/cache_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <functional>

#include "base/parallel.h"
#include "pipeline/cache_format.h"
#include "write/staged_output.h"
#include "write/writer.h"

namespace fs = std::filesystem;

template <class A> void fields(A& a, OutputStamp& x) { a(x.size, x.mtime_ns, x.inode); }
template <class A> void fields(A& a, AdvertRecord& x) { a(x.key, x.trees, x.stamps, x.kept); }
template <class A> void fields(A& a, KeptSpecFindings& x) { a(x.key, x.findings); }
template <class A> void fields(A& a, MadeFile& x) { a(x.key, x.stamp); }

namespace {

constexpr std::string_view kMagic = "staffroom build cache 9\n";
constexpr std::size_t kShards = 64;

std::string shard_path(const std::string& site, std::size_t shard) {
  std::string n = std::to_string(shard);
  return (fs::path(site) / kCacheFolder / ("build-cache-" + std::string(2 - n.size(), '0') + n)).string();
}

std::size_t shard_of(const std::string& name) { return std::hash<std::string>{}(name) % kShards; }
std::size_t shard_of(std::uint64_t key) { return key % kShards; }

// What decides every entry of each file, without the bulk of it: a loaded
// file's stamp and hash decide what was parsed from it, a Markdown text's
// key its findings, an advert's key and stamps its record. Files whose
// digest is the same as when read are neither made nor written again. All
// the files' digests in one pass over the cache (one pass a file hashed
// every path 16 times).
std::vector<std::uint64_t> digests(const BuildCache& cache) {
  std::uint64_t start = std::hash<std::string>{}(cache.output) ^ cache.site_key;
  std::vector<std::uint64_t> d(kShards, start);
  auto mix = [&](std::size_t shard, std::uint64_t x) { d[shard] = (d[shard] ^ x) * 1099511628211ULL; };
  auto all = [&](std::uint64_t x) {
    for (std::size_t i = 0; i < kShards; ++i) mix(i, x);
  };
  all(std::hash<std::string>{}(cache.load.timezone));
  auto files = [&](auto& m) {
    for (auto& [path, f] : m) {
      std::size_t path_hash = std::hash<std::string>{}(path), i = path_hash % kShards;
      mix(i, path_hash);
      mix(i, f.stamp.size), mix(i, f.stamp.mtime_ns), mix(i, f.stamp.ctime_ns), mix(i, f.stamp.inode);
      mix(i, f.stamp.device), mix(i, f.read_at_ns), mix(i, f.hash), mix(i, f.value.has_value());
    }
    all(0);
  };
  files(cache.load.vacancies);
  files(cache.load.specs);
  for (auto& [key, b] : cache.bodies) mix(shard_of(key), key);
  all(0);
  for (auto& [path, f] : cache.spec_findings) {
    std::size_t path_hash = std::hash<std::string>{}(path), i = path_hash % kShards;
    mix(i, path_hash), mix(i, f.key);
  }
  all(0);
  for (auto& [slug, r] : cache.adverts) {
    std::size_t slug_hash = std::hash<std::string>{}(slug), i = slug_hash % kShards;
    mix(i, slug_hash), mix(i, r.key), mix(i, r.kept);
    for (auto& [file, s] : r.stamps) mix(i, std::hash<std::string>{}(file)), mix(i, s.size), mix(i, s.mtime_ns), mix(i, s.inode);
  }
  all(0);
  for (auto& [path, f] : cache.pages)  // all in the first file: see write_shard()
    mix(0, std::hash<std::string>{}(path)), mix(0, f.key), mix(0, f.stamp.size), mix(0, f.stamp.mtime_ns),
        mix(0, f.stamp.inode);
  return d;
}

// A file of the cache written as it is made, a megabyte or so at a time,
// with its checksum summed on the way: at 100,000 adverts a file is 23 MB,
// and two of them made whole in memory at once (with a growing string's
// spare room) were the peak of a first build's memory.
struct ShardFile {
  int fd = -1;
  int err = 0;
  CacheChecksum sum;
  // Writes out what `bytes` holds once it is big enough (or with `all`).
  void spill(std::string& bytes, bool all = false) {
    if (bytes.size() < (1 << 20) && !all) return;
    sum.add(bytes);
    if (!err) err = write_all(fd, bytes);
    bytes.clear();
  }
  // Writes what is left of `bytes`, then the checksum of everything written,
  // and closes the file: 0, or the errno of the step that failed.
  int finish(std::string& bytes) {
    spill(bytes, true);
    std::uint64_t total = sum.value();
    std::string last(reinterpret_cast<const char*>(&total), sizeof total);
    int closed = write_and_close(fd, err ? std::string() : last);
    return err ? err : closed;
  }
};

// Writes the entries of `m` that belong in `shard` (with `first`, all in
// shard 0): their count, then each.
template <class K, class V>
void write_part(CacheWriter& out, std::map<K, V>& m, std::size_t shard, ShardFile& file,
                bool first = false) {
  auto in = [&](const K& k) { return first ? shard == 0 : shard_of(k) == shard; };
  std::uint64_t n = 0;
  for (auto& [k, v] : m) n += in(k);
  out(n);
  for (auto& [k, v] : m)
    if (in(k)) {
      K key = k;
      out(key, v);
      file.spill(out.bytes);
    }
}

enum class Got { missing, unreadable, damaged, foreign, fine };

// A cache file read whole into memory. Not mapped: the program's memory
// comes in 2 MB pages (see main.cpp), so reading into it touched half the
// pages a mapping of the file system's cache did, and a 5,000-advert
// rebuild spent a tenth of its time on those.
struct WholeFile {
  std::unique_ptr<char[]> bytes;
  const char* data = nullptr;
  std::size_t size = 0;
  bool missing = false;
  explicit WholeFile(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) {
      missing = errno == ENOENT;
      return;
    }
    struct stat st;
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
      size = static_cast<std::size_t>(st.st_size);
      bytes.reset(new char[size + 1]);
      std::size_t got = 0;
      for (ssize_t n; got < size && (n = ::read(fd, bytes.get() + got, size - got)) > 0;) got += n;
      if (got == size) data = bytes.get();  // else unreadable: a short file is damaged or changing
    }
    ::close(fd);
  }
};

// One file, read into its share of `into`.
Got read_shard(const std::string& site, std::size_t shard, BuildCache& into) {
  auto whole = std::make_shared<const WholeFile>(shard_path(site, shard));
  const WholeFile& file = *whole;
  if (file.missing) return Got::missing;
  if (!file.data) return Got::unreadable;
  std::string_view all(file.data, file.size);
  if (all.size() < kMagic.size() + 8 || all.substr(0, kMagic.size()) != kMagic) return Got::damaged;
  std::uint64_t sum = 0;
  std::memcpy(&sum, all.data() + all.size() - 8, 8);
  std::string_view body = all.substr(0, all.size() - 8);
  if (cache_checksum(body) != sum) return Got::damaged;
  CacheReader in;
  in.bytes = body;
  in.lend = true;
  in.at = kMagic.size();
  std::string program;
  std::uint64_t number = 0, made_from = 0;
  in(program, number, made_from);
  if (in.ok && program != program_identity()) return Got::foreign;
  if (number != shard) return Got::damaged;
  in(into.output, into.site_key, into.load.timezone, into.load.vacancies, into.load.specs,
     into.bodies, into.spec_findings, into.adverts, into.pages);
  if (!in.ok || in.at != body.size() || digests(into)[shard] != made_from) return Got::damaged;
  into.digests[shard] = made_from;
  into.lent_from.push_back(std::move(whole));
  return Got::fine;
}

// Writes one file of `cache` anew and swaps it in at `path`; a message
// when that failed.
std::optional<std::string> write_shard(const BuildCache& c, std::size_t shard, std::uint64_t made_from,
                                       const std::string& path) {
  BuildCache& cache = const_cast<BuildCache&>(c);  // written from, never changed
  std::string temp = path + "." + std::to_string(::getpid()) + ".new";
  ShardFile file;
  file.fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (file.fd < 0) return "cannot write " + temp + ": " + std::strerror(errno);
  CacheWriter out;
  out.bytes = kMagic;
  std::string program = program_identity();
  std::uint64_t number = shard;
  out(program, number, made_from, cache.output, cache.site_key, cache.load.timezone);
  write_part(out, cache.load.vacancies, shard, file);
  write_part(out, cache.load.specs, shard, file);
  write_part(out, cache.bodies, shard, file);
  write_part(out, cache.spec_findings, shard, file);
  write_part(out, cache.adverts, shard, file);
  // The list pages' few hundred records in one file: an edit changes some
  // of them, and spread by path they made several files be written again.
  write_part(out, cache.pages, shard, file, true);
  int err = file.finish(out.bytes);
  if (!err && ::rename(temp.c_str(), path.c_str()) != 0) err = errno;
  if (!err) return std::nullopt;
  ::unlink(temp.c_str());
  return "cannot write " + path + ": " + std::strerror(err);
}

}  // namespace

// Four independent lanes of 8 bytes, each multiplied and folded, so that the
// 89 MB of a large cache are summed at memory speed (std::hash, one lane,
// took a fortieth of a rebuild); the length is folded in last, so that a
// file is summed as it is written.
void CacheChecksum::add(std::string_view bytes) {
  size_ += bytes.size();
  if (!pending_.empty()) {  // a block begun by the bytes before
    size_t take = std::min(bytes.size(), 32 - pending_.size());
    pending_.append(bytes.substr(0, take));
    bytes.remove_prefix(take);
    if (pending_.size() < 32) return;
    block(pending_.data());
    pending_.clear();
  }
  for (; bytes.size() >= 32; bytes.remove_prefix(32)) block(bytes.data());
  pending_.assign(bytes);
}

void CacheChecksum::block(const char* at) {
  for (int i = 0; i < 4; ++i) {
    std::uint64_t w;
    std::memcpy(&w, at + 8 * i, 8);
    mix(lane_[i], w);
  }
}

void CacheChecksum::mix(std::uint64_t& h, std::uint64_t w) {
  h = (h ^ w) * 0x9E3779B97F4A7C15ULL;
  h ^= h >> 29;
}

std::uint64_t CacheChecksum::value() const {
  std::uint64_t lane[4] = {lane_[0], lane_[1], lane_[2], lane_[3]};
  for (size_t at = 0; at < pending_.size(); ++at) mix(lane[at % 4], static_cast<unsigned char>(pending_[at]) + 1);
  std::uint64_t h = lane[0];
  for (int i = 1; i < 4; ++i) mix(h, lane[i] + i);
  mix(h, size_);
  return h;
}

std::uint64_t cache_checksum(std::string_view bytes) {
  CacheChecksum sum;
  sum.add(bytes);
  return sum.value();
}

std::optional<BuildCache> read_build_cache(const std::string& site, const std::string& output,
                                           std::string& note) {
  std::vector<BuildCache> parts(kShards);
  std::vector<Got> got(kShards);
  parallel_for(kShards, [&](size_t i) { got[i] = read_shard(site, i, parts[i]); });
  std::string where = std::string(kCacheFolder);
  auto count = [&](Got g) { return std::count(got.begin(), got.end(), g); };
  if (count(Got::missing) == static_cast<long>(kShards)) return std::nullopt;  // none yet
  bool agree = true;
  for (auto& p : parts)
    agree = agree && p.output == parts[0].output && p.site_key == parts[0].site_key &&
            p.load.timezone == parts[0].load.timezone;
  if (count(Got::foreign)) {
    note = "the build cache in " + where + " was made by another version of Staffroom, so "
           "everything was built again";
    return std::nullopt;
  }
  if (count(Got::unreadable)) {
    note = "the build cache in " + where + " could not be read, so everything was built again";
    return std::nullopt;
  }
  if (count(Got::fine) != static_cast<long>(kShards) || !agree) {
    note = "the build cache in " + where + " was damaged (perhaps a build was stopped while "
           "saving it), so everything was built again";
    return std::nullopt;
  }
  BuildCache cache = std::move(parts[0]);
  for (size_t i = 1; i < kShards; ++i) {
    cache.load.vacancies.merge(parts[i].load.vacancies);
    cache.load.specs.merge(parts[i].load.specs);
    cache.bodies.merge(parts[i].bodies);
    cache.spec_findings.merge(parts[i].spec_findings);
    cache.adverts.merge(parts[i].adverts);
    cache.pages.merge(parts[i].pages);
    cache.digests.merge(parts[i].digests);
    for (auto& m : parts[i].lent_from) cache.lent_from.push_back(std::move(m));
  }
  // A cache for another output, or for an output no longer there, has
  // nothing to link from: quietly built again, as the first build was.
  std::error_code ec;
  std::string out = absolute_of(output);
  if (cache.output != out || !fs::exists(fs::path(out) / kOutputMarker, ec)) return std::nullopt;
  return cache;
}

std::optional<std::string> write_build_cache(const std::string& site, const std::string& output,
                                             BuildCache& cache) {
  cache.output = absolute_of(output);
  fs::path folder = fs::path(site) / kCacheFolder;
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec) return "cannot make the folder " + folder.string() + ": " + ec.message();
  std::vector<std::optional<std::string>> failed(kShards);
  std::vector<std::uint64_t> made = digests(cache);
  parallel_for(kShards, [&](size_t i) {
    std::uint64_t made_from = made[i];
    auto old = cache.digests.find(i);
    if (old != cache.digests.end() && old->second == made_from) return;  // there as it would be
    failed[i] = write_shard(cache, i, made_from, shard_path(site, i));
  });
  for (auto& f : failed)
    if (f) return f;
  return std::nullopt;
}
