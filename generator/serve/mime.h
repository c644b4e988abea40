// The Content-Type the preview server sends for each kind of file.
#pragma once

#include <string>

// The Content-Type for a served file, by its name.
std::string content_type(const std::string& path);
