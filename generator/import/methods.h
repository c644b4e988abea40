// Assessment methods as a school writes them ("Application and interview",
// "1,4" with a legend "1 = Application Form 2 = Interview ...") turned into
// the contract's method ids (application, interview, test, qualification,
// exercise, references).
#pragma once

#include <string>
#include <utility>
#include <vector>

using Legend = std::vector<std::pair<std::string, std::string>>;  // code -> words

// The method ids named by words, in the contract's order.
std::vector<std::string> methods_in_words(const std::string& text);

// The legend a paragraph holds, or empty: at least two numbered entries,
// each naming a method. Codes are kept as written ("1", "2").
Legend legend_in(const std::string& text);

// "1,4" or "1, 2 and 5" through the legend; unknown codes are put in `unknown`.
std::vector<std::string> methods_in_codes(const std::string& text, const Legend& legend,
                                          std::string& unknown);

// True when the text is codes only (digits, commas, spaces, "and").
bool is_codes(const std::string& text);
