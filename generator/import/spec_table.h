// Recognising a person specification table: its header row names the
// columns (criterion or section, Essential, Desirable, a level word, how
// assessed); then either a row per criterion with a tick or word for the
// level, or a row per section with the criteria listed in its level columns.
#pragma once

#include <vector>

#include "import/document.h"
#include "import/found.h"
#include "import/methods.h"

// Adds what `table` holds to `spec` (continuing its last section when the
// table starts without a name) and returns true, or returns false when the
// table is not a person specification.
bool read_spec_table(const DocTable& table, const Legend& legend, FoundSpec& spec,
                     std::vector<ImportNote>& notes);
