// Whether a file in the previous output already holds the bytes a build is
// about to write, so the build can link it instead (keeping its inode and
// modification time, which is what deploy tools compare).
#pragma once

#include <string>
#include <string_view>

// True when `file` is a regular file (not a symbolic link) whose bytes are
// exactly `content`.
// Any failure to read it is a plain false: the caller then writes.
bool file_holds(const std::string& file, std::string_view content);

// True when `a` and `b` are regular files (not symbolic links) with the
// same bytes.
bool same_file_bytes(const std::string& a, const std::string& b);
