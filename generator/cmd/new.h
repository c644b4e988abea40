// `staffroom new vacancy|school|spec NAME`: a commented starter file that
// passes `check` once its placeholders are filled in. Never overwrites.
#pragma once

#include <ostream>
#include <string>

// Returns the exit status: 0 written, 1 the file exists or cannot be made,
// 2 an unknown kind or a name that cannot be a file name.
int new_file(const std::string& site, const std::string& kind, const std::string& name,
             std::ostream& out, std::ostream& err);

// The starter of `kind` ("vacancy", "school", "spec") for `name`, with the
// title, school and specification given (empty: a placeholder for the person
// to fill in), and where it goes in a site.
struct NewFile {
  std::string path;  // relative to the site: "content/specs/teaching-assistant.yaml"
  std::string text;
};
NewFile new_file_for(const std::string& kind, const std::string& name, const std::string& title,
                     const std::string& school = "", const std::string& spec = "");
