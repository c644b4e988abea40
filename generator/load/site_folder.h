// Is this a site folder? Checked before anything is read, so that a typo in
// --site, or a build started in the wrong folder, is an error instead of an
// empty site swapped over a live one.
#pragma once

#include <optional>
#include <string>

#include "base/diagnostics.h"

// The settings file of the site at `root`, relative to it: "site.yaml" or
// "content/site.yaml"; nothing when neither is there.
std::optional<std::string> site_yaml_path(const std::string& root);

// Reports, and returns false, when `root` is missing, not a folder, or has
// no site.yaml; suggests a nearby folder that is a site.
bool check_site_folder(const std::string& root, Diagnostics& diags);
