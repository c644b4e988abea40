// Which of the site's schools an imported advert is for: the one whose name
// the document gives, or the site's only school. A trust's office imports
// job packs that name the school; a single school's always mean that one.
#pragma once

#include <string>
#include <vector>

#include "import/document.h"

// A school of the site (content/schools/<id>.yaml), as the command read it.
struct SchoolName {
  std::string id, name;
};

// The advert's `school:` line: the school found, with a '# check:' note
// saying why; else a commented line for the office to fill in, listing the
// site's schools.
std::string school_line(const ImportDoc& doc, const std::vector<SchoolName>& schools);
