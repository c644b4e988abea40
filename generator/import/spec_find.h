// Finding the person specification in a document: its tables (spec_table.h),
// or lists under "Essential" and "Desirable" headings; the legend of
// assessment codes; the introduction between its heading and its table.
#pragma once

#include <vector>

#include "import/document.h"
#include "import/found.h"

FoundSpec find_spec(const ImportDoc& doc, std::vector<ImportNote>& notes);
