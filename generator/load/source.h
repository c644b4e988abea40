// Reading a site's files safely: size limit, UTF-8 check, symlinks that leave
// the site, and splitting an advert into front matter and Markdown body.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"

constexpr std::uintmax_t kMaxTextFile = 1024 * 1024;        // 1 MiB of YAML/Markdown
constexpr std::uintmax_t kMaxCopiedFile = 50 * 1024 * 1024;  // 50 MiB per document

// Reads `root`/`relative`; on any problem reports it and returns nothing.
// Checks: the real path stays inside `root`, size <= limit, valid UTF-8.
// A leading UTF-8 byte order mark is dropped.
// `regular`: the caller's lstat has just found a regular file there, not a
// link, so it is not looked up again (the same moment's check as its own).
std::optional<std::string> read_text_file(const std::string& root,
                                          const std::string& relative,
                                          Diagnostics& diags, bool regular = false);

// Reads the whole of `path` into `out` with one open and one read. A file
// larger than `limit` bytes, or one that cannot be read, gives the message
// for the person who wrote it (see generator/README.md: Errors).
std::optional<std::string> read_file(const std::string& path, std::string& out,
                                     std::uintmax_t limit = kMaxCopiedFile);

// True when `path` (after resolving symlinks) is inside `root`.
bool is_inside(const std::string& root, const std::string& path);

// The files directly in root/dir whose names end in one of `exts`, sorted; relative
// paths ("content/vacancies/a.md"). A missing folder gives none; one that
// cannot be read is reported, so it is never taken for an empty one.
std::vector<std::string> list_files(const std::string& root,
                                    const std::string& dir,
                                    const std::vector<std::string>& exts,
                                    Diagnostics& diags);

struct FrontMatter {
  std::string yaml;     // the text between the --- lines
  int yaml_line = 2;    // file line where `yaml` starts
  std::string body;     // what follows the closing ---
  int body_line = 1;    // file line where `body` starts
};

// Splits "---\n<yaml>---\n<body>". Reports a missing opening or closing
// line at the right place.
std::optional<FrontMatter> split_front_matter(const std::string& text,
                                              const std::string& path,
                                              Diagnostics& diags);

// Lower-case letters, digits and single hyphens, not at either end.
bool is_slug(const std::string& s);
