// The build cache: what one `staffroom build` loaded and rendered, kept in
// <site>/.staffroom-cache/ so that the next build does again only what an
// edit changed. It holds
//   - the adverts as loaded (a LoadCache: a file whose bytes are the same is
//     not parsed again) and the Markdown and specification checks'
//     findings (a CheckCache);
//   - for each advert, a key of everything its own pages depend on (its
//     file and translations, its status at --now, and the site key: every
//     other input) with its listings and the output files its pages made,
//     with their size, modification time and inode.
// An advert whose key is the same, and whose files in the previous output
// are still exactly as recorded, is not rendered: its pages are linked from
// the previous output and its listings taken from the cache. A list page
// whose cards and place are the same (its key: see write_paged) is linked
// too; the feeds, sitemap and search index are always made again. Anything
// unsure is a miss, and a miss is the ordinary build.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>

#include "base/model.h"
#include "check/check_cache.h"
#include "load/load.h"
#include "render/languages.h"
#include "render/site_context.h"
#include "write/writer.h"

class Theme;

// The folder, inside the site.
constexpr const char* kCacheFolder = ".staffroom-cache";

// One advert's pages in the output the cache describes.
struct AdvertRecord {
  std::uint64_t key = 0;
  std::map<std::string, VacancyOutput> trees;   // by tree folder ("" or "en/")
  std::map<std::string, OutputStamp> stamps;    // every file of those trees
  // Taken unchanged from the output before (not rendered): its folders in
  // that output, now the spare, hold exactly these files.
  bool kept = false;
};

// A specification file's findings (see CheckCache::specs), by its path:
// they hold for the specification the load cache keeps for that path.
struct KeptSpecFindings {
  std::uint64_t key = 0;  // the glossary's and standards' when found
  BodyFindings findings;
};

struct BuildCache {
  std::string output;          // the output folder it describes, absolute
  std::uint64_t site_key = 0;  // see site_key()
  LoadCache load;              // the adverts and specifications only
  std::map<std::uint64_t, BodyFindings> bodies;
  std::map<std::string, KeptSpecFindings> spec_findings;  // by the file's path
  std::map<std::string, AdvertRecord> adverts;  // by slug
  MadeFiles pages;  // the list pages, made from a key (see Sink::write_made)
  // Each file's digest as read (see cache_file.cpp): one that would be the
  // same is not written again.
  std::map<std::size_t, std::uint64_t> digests;
  // The files as read, that the texts read from them are lent from (bodies,
  // listings: see text_ref.h): whatever holds those texts must not outlive
  // this.
  std::vector<std::shared_ptr<const void>> lent_from;
};

// The key of everything but the adverts and their specifications that can
// change an advert's page: site.yaml, every other file under content/, the
// theme's files, the build options and this Staffroom program itself.
// (`loaded` gives the specifications' files, which each advert's key holds.)
std::uint64_t site_key(const Site& site, const LoadCache& loaded, const Theme& theme,
                       const BuildOptions& options, const std::string& output);

// Where each advert recorded in a cache still has its files exactly as
// recorded (size, time, inode): in the spare output, which its folders can
// be moved from whole, or in the previous output, which they can be linked
// from. Only looked at, so it can run while the site loads.
struct OutputCheck {
  enum Where : char { spare = 1, previous = 2 };
  OutputFolders folders;  // the outputs looked in
  std::unordered_map<const AdvertRecord*, Where> intact;  // the records of `old` found
};
OutputCheck check_outputs(const BuildCache& old, const OutputFolders& folders);

// Takes the pages of every advert that has not changed since `old` into
// `sink`, from where `check` (of `old`, in the staged output's previous and
// spare) found them: their folders moved whole from the spare, else their
// files linked from the previous output. Returns them as rendering's
// `kept`, and their records in `next`. Their records are moved out of
// `old`, not copied, and `next` has their listings again only by
// take_back_kept().
VacancyOutputs keep_unchanged(BuildCache& old, const Site& site, const LoadCache& loaded,
                              std::uint64_t site_key, Time now, const OutputCheck& check,
                              DirSink& sink, std::map<std::string, AdvertRecord>& next);

// After rendering: the kept adverts' listings back into their records.
void take_back_kept(VacancyOutputs& kept, std::map<std::string, AdvertRecord>& next);

// Records what rendering `made` (by slug), with the keys and the files'
// stamps in the committed `output`, into `next`; `made` is moved from.
void record_made(VacancyOutputs& made, const Site& site, const LoadCache& loaded,
                 std::uint64_t site_key, Time now, const std::string& output,
                 std::map<std::string, AdvertRecord>& next);

// The specification findings kept in `from` given to `check` for the
// specifications `loaded` has for the same files, and back.
void give_spec_findings(std::map<std::string, KeptSpecFindings>& from, const LoadCache& loaded,
                        CheckCache& check);
std::map<std::string, KeptSpecFindings> take_spec_findings(const LoadCache& loaded, CheckCache& check);

// This program, as the file it was run from: another build of Staffroom
// renders differently, so its cache is not this one's.
std::string program_identity();
// The whole of a file, or nothing when it cannot be read.
std::optional<std::string> read_whole(const std::string& path);
// `path` made absolute with links resolved, as far as it exists.
std::string absolute_of(const std::string& path);
