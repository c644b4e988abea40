// Finding the job facts: a two-column table of labels and values, or
// labelled paragraphs ("Grade: Grade 4", or "Job Title:" then the value),
// and the title from the first heading when no label gives it.
#pragma once

#include "import/document.h"
#include "import/found.h"

// Looks only at blocks before `end` (where the person specification starts).
FoundFacts find_facts(const ImportDoc& doc, size_t end);
