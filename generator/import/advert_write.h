// The draft advert, content/vacancies/<slug>.md: the job facts found as front
// matter (what the document lacks left as commented lines that `check`
// reports, never invented), `draft: true`, and the job description's text
// (headings, lists, bold) as the Markdown body.
#pragma once

#include <string>

#include "import/document.h"
#include "import/found.h"
#include "import/site_find.h"

std::string advert_markdown(const ImportDoc& doc, const FoundFacts& facts, const FoundSpec& spec,
                            const std::string& slug, const std::string& source,
                            const std::string& today, const SiteNames& site);

// The job description's blocks as Markdown: all before the person
// specification, less those the facts and the specification were read from.
std::string body_markdown(const ImportDoc& doc, const FoundFacts& facts, const FoundSpec& spec);
