// Recognising a person specification table: its header row names the
// columns (criterion or section, Essential, Desirable, a level word, how
// assessed); then either a row per criterion with a tick or word for the
// level, or a row per section with the criteria listed in its level columns.
#pragma once

#include <optional>
#include <vector>

#include "import/document.h"
#include "import/found.h"
#include "import/methods.h"

// How a table's columns were read: the criterion (or section) column, the
// level columns, and which level each "how assessed" column follows.
struct SpecColumns {
  enum class Role { criterion, essential, desirable, level, methods, ignored };
  std::vector<Role> roles;
  std::vector<int> methods_for;  // for a methods column: the level column it follows, or -1
  int criterion = -1;
  size_t header = 0;             // the row naming the columns
  size_t body = 1;               // the first row of criteria
};

// Adds what `table` holds to `spec` (continuing its last section when the
// table starts without a name) and returns the columns it read, or nothing
// when the table is not a person specification. A table with no header row
// that is as wide as `before` (the table just before it, when that was one)
// continues it: Word splits a long table at a page break, and a blank line
// splits one in a text file.
std::optional<SpecColumns> read_spec_table(const DocTable& table, const Legend& legend, const SpecColumns* before,
                                           FoundSpec& spec, std::vector<ImportNote>& notes);
