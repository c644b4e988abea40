// `staffroom init [DIR]`: a new site that passes `check` and builds, with
// notes in every file saying what to change.
#pragma once

#include <ostream>
#include <string>

// Returns the exit status: 0 made, 1 the folder is not empty or cannot be written.
int init_site(const std::string& dir, std::ostream& out, std::ostream& err);
