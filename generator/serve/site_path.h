// Turning a request's target into a path of the built site, refusing any
// that tries to leave it.
#pragma once

#include <optional>
#include <string>

// The site path a request target names ("/a/b/?q" -> "a/b/"), or nothing
// when it tries to leave the site or is malformed: "..", ".", percent-encoded
// dots, slashes, backslashes or control bytes, backslashes, doubled slashes, NUL.
std::optional<std::string> site_path(const std::string& target);
