// Loading: the site folder becomes a Site, every problem a Diagnostic.
// One file's mistakes never stop the others being read, so one run reports
// everything. Cross-file rules (references, dates) are in validate.h.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/box.h"
#include "base/diagnostics.h"
#include "base/model.h"
#include "base/vocabulary.h"
#include "load/yaml_reader.h"

// Reads site.yaml (or content/site.yaml) and sets the process timezone.
SiteConfig load_config(const std::string& root, Diagnostics& diags);

// What a file was when it was read: its size, times and inode.
struct FileStamp {
  std::uintmax_t size = 0;
  std::int64_t mtime_ns = 0, ctime_ns = 0;
  std::uint64_t device = 0, inode = 0;
  bool operator==(const FileStamp&) const = default;
};

// One file as an earlier load parsed it.
template <class T>
struct CachedFile {
  FileStamp stamp;
  std::int64_t read_at_ns = 0;  // the clock when it was read
  std::size_t hash = 0;         // of its text; 0 when it could not be read
  Box<T> value;                 // see box.h
  Diagnostics diags;            // its own problems, as it was read and parsed
};

// The files of a site as earlier loads parsed them, by path, for the next
// load to take unchanged: one whose stamp is the same (and was not still
// being written when read) is not read again, and one whose text is the
// same is not parsed again. Plain data; keep one per site folder.
struct LoadCache {
  std::string timezone;  // dates were read in it: another empties the cache
  std::map<std::string, CachedFile<School>> schools;
  // Shared with the Site, not copied on each load: a big site has one a
  // vacancy, each with dozens of criteria.
  std::map<std::string, CachedFile<std::shared_ptr<const PersonSpec>>> specs;
  std::map<std::string, CachedFile<Standard>> standards;
  std::map<std::string, CachedFile<Vacancy>> vacancies;
  std::map<std::string, CachedFile<Page>> pages;
  // Set by each load: the files whose text differs from the last load's,
  // new ones and those gone included ("content/vacancies/a.md").
  std::vector<std::string> changed;
  // Set by a caller that loads once (staffroom build): the Site takes each
  // advert's value rather than a copy of it (the copies of 5,000 adverts
  // were 40 MB of a one-advert rebuild's 275 MB), leaving its entry here
  // without one until give_back_vacancies() returns it. A preview, which
  // loads again and again, keeps its copies.
  bool lend_vacancies = false;
};

// Reads everything under root/content. Files are read in parallel. With a
// cache, unchanged files are taken from it, and it is brought up to date.
Site load_site(const std::string& root, Diagnostics& diags, LoadCache* cache = nullptr);

// After a load with `lend_vacancies`: each advert of `site` back into its
// entry, as it was loaded (the specification validate() found for its
// `spec:` taken off again). The site's adverts are left empty.
void give_back_vacancies(Site& site, LoadCache& cache);

// Reads one advert's file again into the cache, as load_site would (a
// preview's save of that file alone): its problems go into diags, and
// cache.changed lists it when its text changed. Nothing when it could not be
// read or parsed.
std::optional<Vacancy> reload_vacancy(const std::string& root, const std::string& path,
                                      LoadCache& cache, Diagnostics& diags);

// The endings of the files load_site reads in one of the folders it reads
// file by file ("content/vacancies" -> .md, .markdown).
const std::vector<std::string>& endings_read(const std::string& folder);
// False for a file load_site never reads (relative to the site): in one of
// those folders without an ending read there ("sed -i"'s temporary
// "content/vacancies/sedX1b2c3"), or in a folder inside one. True for all
// else, as what is outside them may be read.
bool read_by_load(const std::string& path);

// One file each, from its text; `path` is the name shown in messages.
// The timezone must be set first (dates are read as local times).
std::optional<Vacancy> parse_vacancy(const std::string& text,
                                     const std::string& path,
                                     Diagnostics& diags);
std::optional<PersonSpec> parse_spec(const std::string& text,
                                     const std::string& path,
                                     Diagnostics& diags);
std::optional<PersonSpec> parse_spec_node(const YamlNode& node,
                                          const YamlFile& file,
                                          Diagnostics& diags);
std::optional<School> parse_school(const std::string& text,
                                   const std::string& path, Diagnostics& diags);
std::optional<Standard> parse_standard(const std::string& text,
                                       const std::string& path,
                                       Diagnostics& diags);
std::optional<Page> parse_page(const std::string& text, const std::string& path,
                               Diagnostics& diags);

// A file name must be a slug, since it becomes a URL; reports it if not.
bool check_file_name(const std::string& path, Diagnostics& diags);

// The id a file gives: "content/specs/senco.yaml" -> "senco".
std::string stem_of(const std::string& path);

// Reports a URL that is not http(s) or mailto (javascript: and the like are
// refused: they would run in a candidate's browser).
bool check_url(const std::string& url, const Mark& mark, Diagnostics& diags);
bool is_email(const std::string& s);
// Reports a value that is not an email address, with the address to write
// when one is in it ("mailto:...", "Email: ...", "jobs at oak dot org").
bool check_email(const std::string& email, const Mark& mark, Diagnostics& diags);
// Reports a language that is not a tag such as "cy", "en-GB" or "cy-GB"
// (it becomes an HTML lang attribute, which screen readers act on).
bool check_language(const std::string& tag, const Mark& mark, Diagnostics& diags);

// The id of `vocab` that `value` is or stands for: its words ("Application
// form"), the id with spaces or capitals ("Full time"), or its one first
// letter ("E"); empty when none.
std::string id_meant(const std::string& value, const Vocabulary& vocab);

// Reports `value` when it is not one of `vocab`'s ids: the id its words or
// first letter stand for ("Application form", "E"), the one to choose when
// it names several ("essential/desirable"), or the nearest.
bool check_word(const std::string& value, const Vocabulary& vocab,
                const std::string& key, const Mark& mark, Diagnostics& diags);

// The words of list `key` ("working_pattern: [part-time]"), each checked
// with check_word; one value naming several ("Part time and term time") is
// given back as the list to write. Words it does not know are kept.
std::vector<std::string> read_word_list(MapReader& m, const std::string& key, const Vocabulary& vocab,
                                        const std::string& what, Diagnostics& diags);
