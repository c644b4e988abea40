// Cross-file rules, run after loading: references resolve (schools, specs,
// standards, documents), links are safe, slugs are unique; and the warnings
// that do not stop a build (short closing window, no salary, gendered
// wording, criteria with no assessment, abbreviations the glossary lacks).
#pragma once

#include "base/diagnostics.h"
#include "base/model.h"

struct CheckCache;

// Also resolves each vacancy's `spec:` id to its PersonSpec. With a cache,
// the checks of a Markdown text seen before (the same words, file, line and
// glossary) are not run again: a preview's save re-checks only what changed.
void validate(Site& site, Diagnostics& diags, CheckCache* cache = nullptr);

// The same checks for one advert of a site validated before, after its file
// alone changed (a preview's save): its references, documents, warnings and
// Markdown. Each unknown abbreviation in it is reported, not only the first
// in the site. The cache, when given, is added to, not trimmed.
void validate_vacancy(Site& site, Vacancy& v, Diagnostics& diags, CheckCache* cache = nullptr);

// The glossary entry for a citation "nos-learning-support/A/14", or null.
struct CitationTarget {
  const Standard* standard = nullptr;
  const Unit* unit = nullptr;
  std::string code, text;
};
CitationTarget resolve_citation(const Site& site, const std::string& citation);
