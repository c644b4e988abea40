// The build cache's files: <site>/.staffroom-cache/build-cache-00 .. -63,
// each a share of the cache (by file path, slug or key), so that they are
// read in parallel and a build writes again only those whose bytes change.
// Each file starts with the format and the program that wrote it and ends
// with a checksum; a file that is short, altered or another program's
// makes the whole cache untrusted.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "pipeline/build_cache.h"

// The cache for building `site` into `output`. Nothing when there is none,
// when it describes another output folder or the output is not there
// (nothing to link from), or when it cannot be trusted: then `note` says
// so in plain words (damaged, unreadable, made by another Staffroom).
std::optional<BuildCache> read_build_cache(const std::string& site, const std::string& output,
                                           std::string& note);
// Saves it as the cache of `output` (each changed file written anew and
// swapped in); a message when that failed.
std::optional<std::string> write_build_cache(const std::string& site, const std::string& output,
                                             BuildCache& cache);

// The checksum that ends each file (of the bytes before it), to find one
// damaged, not to resist tampering; summed a part at a time, or at once.
class CacheChecksum {
 public:
  void add(std::string_view bytes);
  std::uint64_t value() const;

 private:
  static void mix(std::uint64_t& h, std::uint64_t w);
  void block(const char* at);
  std::uint64_t lane_[4] = {0x452821E638D01377ULL, 0x243F6A8885A308D3ULL, 0x13198A2E03707344ULL,
                            0xA4093822299F31D0ULL};
  std::uint64_t size_ = 0;
  std::string pending_;  // the start of a block of 32 bytes
};
std::uint64_t cache_checksum(std::string_view bytes);
