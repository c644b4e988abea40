// Reading one file out of a zip archive (a .docx or .odt) with libzip,
// within ReadLimits: counted before extraction from the archive's directory
// and again while inflating, since a directory may lie.
#pragma once

#include <optional>
#include <string>

#include "import/document.h"

// Nothing when `name` was read from the archive at `path` into `out`, else
// the message for the person. A missing entry gives a message too.
std::optional<std::string> read_zip_entry(const std::string& path, const std::string& name,
                                          const ReadLimits& limits, std::string& out);

// What the first bytes of a file say it is: "zip", "ole" (an encrypted Office
// document or an old .doc), or "" for anything else.
std::string file_signature(const std::string& path);
