// A bilingual site's translations (issue 17): content/vacancies/<slug>.<lang>.md,
// content/specs/<id>.<lang>.yaml, content/pages/<slug>.<lang>.md and
// content/schools/<id>.<lang>.yaml, where
// <lang> is one of site.yaml's `languages` other than the first. A
// translation gives the words; the facts come from the main file, and a fact
// given again with another value is an error at its line.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "base/diagnostics.h"
#include "base/model.h"

struct TranslationFile {
  std::string path;      // content/vacancies/ta.en-GB.md
  std::string language;  // en-GB, as site.yaml writes it
};

// Takes the translations out of `paths` (which keeps the main files).
std::vector<TranslationFile> take_translations(std::vector<std::string>& paths,
                                               const std::vector<std::string>& languages);

struct TranslationFiles {
  std::vector<TranslationFile> vacancies, specs, pages, schools;
};

// Reads the translations into site.translations; the main files must be
// loaded first. (A glossary's translation is read with the glossary.)
void load_translations(const std::string& root, Site& site, const TranslationFiles& files,
                       Diagnostics& diags);
