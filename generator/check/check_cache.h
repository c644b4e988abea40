// What validate() keeps between runs: the findings of each Markdown text
// (an advert's or a page's), the costly part of checking, by a key of its
// words, file, first line and the glossary; and of each person
// specification. Only the last run's are kept.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "base/diagnostics.h"
#include "base/model.h"

// One text's problems, as check_body finds them.
struct BodyFindings {
  Diagnostics diags;
  std::vector<std::pair<std::string, Diagnostic>> unknown;  // abbreviation, warning
};

// One person specification's problems, for the same specification object
// (the load cache keeps an unchanged file's, shared) checked against the
// same glossary and standards (`key`). Held here, it cannot be freed and
// its address given to another.
struct SpecFindings {
  std::shared_ptr<const PersonSpec> spec;
  std::uint64_t key = 0;
  BodyFindings findings;
};

struct CheckCache {
  std::mutex mutex;
  std::map<std::uint64_t, BodyFindings> bodies;
  std::set<std::uint64_t> used;  // this run's keys: the others are dropped after it
  // A big site has a specification per advert: checking 100,000 of them
  // again on every save was a third of the preview's rebuild.
  std::map<const PersonSpec*, SpecFindings> specs;
  std::set<const PersonSpec*> specs_used;
};
