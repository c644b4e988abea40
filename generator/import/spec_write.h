// A FoundSpec as the text of content/specs/<slug>.yaml, with a "# check:"
// comment above each criterion the person should look at.
#pragma once

#include <string>

#include "import/found.h"

std::string spec_yaml(const FoundSpec& spec, const std::string& source);
