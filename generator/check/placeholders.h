// Notes left in text to fill in: "[Our Trust]" from the starter pages,
// "insert line manager's post name here" from a school's job description
// template. Published as they are, they tell every candidate that nobody
// finished the page.
#pragma once

#include <string>
#include <string_view>
#include <vector>

struct Placeholder {
  size_t offset = 0;  // in the text
  std::string text;   // as written
};

// Each note in `text`, in order: words in square brackets that are not a
// Markdown link, a task box ("[ ]", "[x]") or a number, and "insert ...
// here" within a sentence.
std::vector<Placeholder> find_placeholders(std::string_view text);
