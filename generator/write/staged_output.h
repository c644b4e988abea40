// The output folder replaced in one step: a build writes into a staging
// folder beside the output, which is swapped in only when everything
// succeeded; the output it replaced is removed in the background. Killed
// builds' staging folders are cleaned up by the next one, and a build
// stopped by Ctrl-C removes its own.
#pragma once

#include <optional>
#include <shared_mutex>
#include <string>
#include <vector>

// The file Staffroom leaves in each output folder, so it knows the folder is
// its own to replace.
constexpr const char* kOutputMarker = ".staffroom-output";
// The spare's name after ".<output>.staffroom-" (see StagedOutput).
constexpr const char* kSpareName = "previous";

// The folders a StagedOutput made now for `output` would give as previous()
// and spare() (each empty when there is none), found without changing
// anything: so that looking at them can start while the site still loads.
struct OutputFolders {
  std::string previous, spare;
  bool operator==(const OutputFolders&) const = default;
};
OutputFolders output_folders(const std::string& output);

// A build in progress. `dir()` is where to write; commit() swaps it in.
// When the output is a symlink (a common deploy layout), the link stays and
// the folder it points to is the one replaced. Staging folders left by
// builds that were killed are removed first.
//
// With `keep_replaced`, the output a build replaces is kept beside it as
// the spare (".<output>.staffroom-previous"), for the next build to take
// whole folders from (see spare()); the spare before it is removed.
class StagedOutput {
 public:
  explicit StagedOutput(std::string output, bool keep_replaced = false);
  ~StagedOutput();  // abandons an uncommitted build: the output is untouched
  const std::string& dir() const { return temp_; }
  // The output being replaced, when there is one Staffroom wrote (a
  // symlinked output resolved); empty for a first build. Files whose bytes
  // have not changed are linked from it into dir() (see DirSink).
  const std::string& previous() const { return previous_; }
  // The output the previous build replaced, when it was kept (see
  // keep_replaced) and is still there; empty otherwise. Its files that
  // are hard links of the previous output's may be moved from it into
  // dir() a folder at a time (see DirSink::move_in).
  const std::string& spare() const { return spare_; }
  // Why the staging folder could not be made; nothing when it was.
  std::optional<std::string> failure() const { return failure_; }
  // Swaps the new site in; nothing when it worked, else why not (the
  // output is then as it was). The previous output is moved aside, to be
  // removed by remove_previous().
  std::optional<std::string> commit();
  // Starts removing the previous output that commit() moved aside, in a
  // child process the build does not wait for (the destructor does this
  // too). A removal stopped half way is finished by the next build.
  void remove_previous();

 private:
  std::string output_;  // the real folder: a symlinked output resolved
  std::string temp_;
  std::string previous_;
  std::vector<std::string> replaced_;  // folders commit() moved aside, to be removed
  std::string spare_;
  bool keep_replaced_ = false;
  std::optional<std::string> failure_;
  bool committed_ = false;
};

// From here on Ctrl-C, SIGTERM or SIGHUP stop the build cleanly: writing
// stops, the staging folder is removed, the output is untouched, and the
// program exits with 128 + the signal's number. Call before any thread starts.
void remove_staging_on_signal();

// Held around every file written into a staging folder, so that a signal's
// cleanup waits for writes in progress and no file appears after it.
// `stopping` says the build is being stopped: write nothing more.
struct WriteHold {
  std::shared_lock<std::shared_mutex> lock;
  bool stopping = false;
};
WriteHold hold_for_writing();

// Starts the child process that removes, in the background, the outputs
// this build replaces (see StagedOutput::remove_previous): at the start of a
// build, while the process is small, since forking a large one copies its
// page tables (9 ms at 5,000 adverts). stop_remover() hands it what it was
// sent; without a remover each removal starts its own child.
void start_remover();
void stop_remover();
