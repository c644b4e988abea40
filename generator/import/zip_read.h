// Reading files out of a zip archive (a .docx or .odt) with libzip, from a
// file's bytes in memory, within ReadLimits: counted before extraction from
// the archive's directory and again while inflating, since a directory may lie.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "import/document.h"

struct zip;

class ZipArchive {
 public:
  // Nothing when `bytes` (which must outlive the archive) hold a zip whose
  // directory is within `limits`, else the message for the person.
  std::optional<std::string> open(const std::string& bytes, const ReadLimits& limits);
  bool has(const std::string& name) const;
  // Nothing when `name` was read into `out`, else the message; a missing
  // entry gives a message too.
  std::optional<std::string> read(const std::string& name, const ReadLimits& limits,
                                  std::string& out) const;

 private:
  struct Closer {
    void operator()(zip* z) const;
  };
  std::unique_ptr<zip, Closer> zip_;
};

// What the first bytes of a file say it is: "zip", "ole" (an encrypted Office
// document or an old .doc), or "" for anything else.
std::string file_signature(const std::string& bytes);
