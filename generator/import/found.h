// What the recognisers found in a document, as plain data for the writers:
// a person specification, the job facts, and notes for the person importing.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

// A place in the document and what happened there, for the person importing:
// "table 3, row 14" and "no tick under Essential or Desirable; ...".
struct ImportNote {
  std::string where, message;
};

struct FoundCriterion {
  std::string text, level = "essential", note;
  std::vector<std::string> details, methods;  // method ids
  std::string check;                          // written as a "# check:" comment
};

struct FoundSection {
  std::string name, prompt, note;
  std::vector<FoundCriterion> criteria;
  std::string check;  // written as a "# check:" comment above the section
};

struct FoundSpec {
  std::string title, introduction;
  std::vector<std::pair<std::string, std::string>> legend;  // method id -> words
  std::vector<FoundSection> sections;
  size_t first_block = SIZE_MAX;  // where the specification starts in the document
  std::vector<size_t> blocks;     // the blocks it was read from
};

struct FoundFacts {
  std::map<std::string, std::string> values;  // "title", "grade", "salary", ...
  std::vector<size_t> blocks;                 // the blocks they were read from
};
