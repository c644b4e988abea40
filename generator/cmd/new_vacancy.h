// `staffroom new vacancy SLUG`: writes a commented starter advert.
#pragma once

#include <ostream>
#include <string>

// Returns the exit status: 0 written, 1 the file exists, 2 a bad slug.
int new_vacancy(const std::string& site, const std::string& slug, std::ostream& out,
                std::ostream& err);
