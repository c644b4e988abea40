// Writing pages into the staging folder (see staged_output.h), and the
// refusals that keep a mistyped --output from deleting someone's files.
#pragma once

#include <fcntl.h>

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "base/sink.h"
#include "write/staged_output.h"

// An output file as the build that wrote it left it.
struct OutputStamp {
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::uint64_t inode = 0;
  bool operator==(const OutputStamp&) const = default;
};
// The stamp of `file`, a path relative to the open folder `at` (AT_FDCWD:
// the current folder), when it is a regular file.
std::optional<OutputStamp> output_stamp(const std::string& file, int at = AT_FDCWD);

// A file made by Sink::write_made: the key it was made from, and its stamp.
struct MadeFile {
  std::uint64_t key = 0;
  OutputStamp stamp;
};
using MadeFiles = std::map<std::string, MadeFile>;  // by path in the output

// Writes all of `bytes` to the open file `fd` (and closes it): 0, or the
// errno of the step that failed.
int write_all(int fd, std::string_view bytes);
int write_and_close(int fd, const std::string& bytes);

// Why `output` must not be replaced, or nothing when it is safe: it may not
// be the site folder, content/, themes/, an ancestor of the site, /, the home
// folder, or a non-empty folder that Staffroom did not write.
std::optional<std::string> refuse_output(const std::string& site_root,
                                         const std::string& output);

// Writes files under a folder; safe from several threads. Failures are kept
// (the first message) rather than thrown. A path written twice is a failure:
// two outputs at one address would make the result depend on which thread
// finished last.
//
// With a `previous` folder (the output this build replaces), a file whose
// bytes equal the previous one's at the same path is hard-linked from there
// instead of written: it keeps its inode and modification time, so a deploy
// that compares them uploads only what changed. When linking fails (another
// filesystem, say) the file is written as usual.
class DirSink : public Sink {
 public:
  explicit DirSink(std::string dir, std::string previous = "")
      : dir_(std::move(dir)), previous_(std::move(previous)) {}
  void write(const std::string& path, const std::string& content) override;
  void copy(const std::string& path, const std::string& source) override;
  // A file the build before made from the same key (see remember()) is
  // linked from the previous output when it is still as that build left
  // it; else `make` is called and its bytes written (or linked when the
  // same).
  void write_made(const std::string& path, std::uint64_t key,
                  const std::function<std::string()>& make) override;
  // The files the build before made with write_made(): its cache's, when
  // everything else they depend on (the build cache's site key) is the same.
  void remember(MadeFiles before) { before_ = std::move(before); }
  // This build's files made with write_made(), for the next build.
  MadeFiles made() const;
  // Takes the previous output's files at `paths` as they are (a build
  // cache knows their bytes are still right): links them in, counted as
  // unchanged. All or none: false, with none of them taken, when one
  // cannot be (no previous output, no such file, written already, link
  // failed).
  bool keep(const std::vector<std::string>& paths);
  // For a build cache that takes whole folders from another output: moves
  // `folder` (a relative path) from the folder `from` into this one; false
  // when it cannot. Its files count as nothing until adopt()ed, and what
  // in it is not wanted must be remove()d before anything is written.
  bool move_folder_in(const std::string& from, const std::string& folder);
  // Counts `paths`, files moved in that hold the right bytes, as written
  // unchanged. All or none: false when one was written already.
  bool adopt(const std::vector<std::string>& paths);
  // The names in `folder`, and removing `path` (a file or folder) whole.
  std::vector<std::string> names_in(const std::string& folder) const;
  void remove(const std::string& path);
  std::optional<std::string> failure() const;
  size_t files() const;
  // Of files(), how many were linked unchanged from the previous output.
  size_t unchanged() const;

 private:
  void fail(const std::string& message);
  bool claim(const std::string& path);
  bool claim_all(const std::vector<std::string>& paths);
  void make_parent(const std::string& path);
  bool link_previous(const std::string& path, const std::string& full, bool same);
  void count(bool linked);
  std::string dir_;
  std::string previous_;
  mutable std::mutex mutex_;
  std::set<std::string> folders_;  // made already
  std::unordered_set<std::string> written_;
  std::optional<std::string> failure_;
  MadeFiles before_, made_;
  size_t files_ = 0;
  size_t unchanged_ = 0;
};

