// Atomic output and the output-folder refusals; see writer.h.
#include "writer.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

static fs::path canonical_or_absolute(const std::string& p) {
  std::error_code ec;
  auto c = fs::weakly_canonical(fs::absolute(p), ec);
  return ec ? fs::absolute(p).lexically_normal() : c;
}

static bool is_within(const fs::path& inner, const fs::path& outer) {
  auto i = inner.lexically_normal().string(), o = outer.lexically_normal().string();
  if (!o.empty() && o.back() == '/') o.pop_back();
  if (!i.empty() && i.back() == '/') i.pop_back();
  return i == o || i.rfind(o + "/", 0) == 0;
}

std::optional<std::string> refuse_output(const std::string& site_root,
                                         const std::string& output) {
  fs::path out = canonical_or_absolute(output);
  fs::path site = canonical_or_absolute(site_root);
  const char* home = std::getenv("HOME");
  if (out == out.root_path()) return "the output folder cannot be /";
  if (home && *home && out == canonical_or_absolute(home))
    return "the output folder cannot be your home folder";
  if (is_within(site, out))
    return "the output folder " + out.string() + " contains the site itself";
  for (auto sub : {"content", "themes"})
    if (is_within(out, site / sub))
      return std::string("the output folder cannot be inside the site's ") + sub + "/ folder";
  std::error_code ec;
  if (fs::exists(out, ec) && !fs::is_directory(out, ec))
    return out.string() + " exists and is not a folder";
  if (fs::is_directory(out, ec) && !fs::is_empty(out, ec) && !fs::exists(out / kOutputMarker, ec))
    return "the output folder " + out.string() +
           " has files that Staffroom did not write; refusing to replace them "
           "(empty it, or choose another folder)";
  return std::nullopt;
}

void DirSink::fail(const std::string& message) {
  std::lock_guard lock(mutex_);
  if (!failure_) failure_ = message;
}

std::optional<std::string> DirSink::failure() const {
  std::lock_guard lock(mutex_);
  return failure_;
}

size_t DirSink::files() const {
  std::lock_guard lock(mutex_);
  return files_;
}

void DirSink::write(const std::string& path, const std::string& content) {
  fs::path full = fs::path(dir_) / path;
  std::error_code ec;
  fs::create_directories(full.parent_path(), ec);
  std::ofstream out(full, std::ios::binary | std::ios::trunc);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  out.close();
  if (!out) return fail("cannot write " + full.string());
  std::lock_guard lock(mutex_);
  ++files_;
}

void DirSink::copy(const std::string& path, const std::string& source) {
  fs::path full = fs::path(dir_) / path;
  std::error_code ec;
  fs::create_directories(full.parent_path(), ec);
  fs::copy_file(source, full, fs::copy_options::overwrite_existing, ec);
  if (ec) return fail("cannot copy " + source + ": " + ec.message());
  std::lock_guard lock(mutex_);
  ++files_;
}

StagedOutput::StagedOutput(std::string output) : output_(std::move(output)) {
  fs::path out = fs::absolute(output_).lexically_normal();
  if (out.filename().empty()) out = out.parent_path();
  output_ = out.string();
  std::error_code ec;
  fs::create_directories(out.parent_path(), ec);
  // Beside the output, so the final rename stays on one filesystem.
  temp_ = (out.parent_path() / ("." + out.filename().string() + ".staffroom-" +
                                std::to_string(getpid()) + "-new")).string();
  fs::remove_all(temp_, ec);
  if (!fs::create_directory(temp_, ec)) {
    error_ = "cannot create " + temp_ + ": " + ec.message();
    return;
  }
  std::ofstream(fs::path(temp_) / kOutputMarker) << "Written by staffroom build; replaced on each build.\n";
}

StagedOutput::~StagedOutput() {
  std::error_code ec;
  if (!committed_) fs::remove_all(temp_, ec);
}

bool StagedOutput::commit() {
  std::error_code ec;
  if (!fs::exists(output_, ec)) {
    if (::rename(temp_.c_str(), output_.c_str()) != 0) {
      error_ = "cannot move the new site into place: " + std::string(strerror(errno));
      return false;
    }
    return committed_ = true;
  }
  // Swap the two folders in one step, so the output is never missing.
  if (::renameat2(AT_FDCWD, temp_.c_str(), AT_FDCWD, output_.c_str(), RENAME_EXCHANGE) != 0) {
    std::string old = temp_ + "-old";
    if (::rename(output_.c_str(), old.c_str()) != 0 || ::rename(temp_.c_str(), output_.c_str()) != 0) {
      error_ = "cannot move the new site into place: " + std::string(strerror(errno));
      ::rename(old.c_str(), output_.c_str());
      return false;
    }
    fs::remove_all(old, ec);
    return committed_ = true;
  }
  fs::remove_all(temp_, ec);  // now holds the previous output
  return committed_ = true;
}
