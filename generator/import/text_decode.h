// A plain-text document's bytes as UTF-8, whichever encoding Word's "Save as
// plain text" chose: UTF-8 (with or without a byte order mark), Unicode
// (UTF-16 with its mark), or Windows' default code page (Windows-1252).
#pragma once

#include <optional>
#include <string>

// Nothing when `bytes` were decoded into `out`; a message for bytes that
// are not text at all (a NUL outside UTF-16).
std::optional<std::string> decode_text(const std::string& bytes, std::string& out);
