// Which of the site's schools and role categories an imported advert is
// for, so that the office fills in as little as it can. A trust's office
// imports job packs that name the school; a single school's always mean that
// one. A role is the one the site's other adverts of that title have, or the
// one whose name the job title holds.
#pragma once

#include <string>
#include <vector>

#include "import/document.h"
#include "import/site_names.h"

// The advert's `school:` line: the school found, with a '# check:' note
// saying why; else a commented line for the office to fill in, listing the
// site's schools. Where one school's name is part of another's ("St Mary's"
// and "St Mary's Catholic Primary School") and the document gives the
// longer, the longer is meant.
std::string school_line(const ImportDoc& doc, const std::vector<SchoolName>& schools);

// The advert's `role:` line for the job `title`: the role of the site's
// adverts with the same title, else the role whose label or id of two words
// or more the title holds (the longest, if several), with a '# check:' note
// saying why; else a commented line listing the roles there are.
std::string role_line(const std::string& title, const SiteNames& site);
