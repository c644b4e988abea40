// `staffroom import FILE.docx [--site DIR] [--slug SLUG]`: a draft advert and
// a person specification from a school's own document. Never overwrites.
#pragma once

#include <ostream>
#include <string>

// Returns the exit status: 0 written, 1 the document could not be read or a
// file exists or cannot be made (nothing written), 2 a slug that cannot be a
// file name.
int import_file(const std::string& site, const std::string& file, const std::string& slug,
                std::ostream& out, std::ostream& err);
