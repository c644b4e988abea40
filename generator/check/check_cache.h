// What validate() keeps between runs: the findings of each Markdown text
// (an advert's or a page's), the costly part of checking, by a key of its
// words, file, first line and the glossary. Only the last run's are kept.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "base/diagnostics.h"

// One text's problems, as check_body finds them.
struct BodyFindings {
  Diagnostics diags;
  std::vector<std::pair<std::string, Diagnostic>> unknown;  // abbreviation, warning
};

struct CheckCache {
  std::mutex mutex;
  std::map<std::uint64_t, BodyFindings> bodies;
  std::set<std::uint64_t> used;  // this run's keys: the others are dropped after it
};
