// The generator's own phrases in the page's language, made from the theme's
// words (theme/words.h): dates and times in words, lists joined with "and",
// and the labels of the contract's fixed words.
#pragma once

#include <string>
#include <vector>

#include "base/model.h"
#include "theme/words.h"

// "12 noon", "9am", "3:15pm"; "12 hanner dydd", "9yb", "3:15yp".
std::string time_words(int hour, int minute, const Words& w);
// "Friday 5 December 2026"; "dydd Gwener 5 Rhagfyr 2026".
std::string date_words(Time t, const Words& w);
// "12 noon on Friday 5 December 2026"; "12 hanner dydd, dydd Gwener 5 Rhagfyr 2026".
std::string datetime_words(Time t, const Words& w);
// "08:40" -> "8:40am"; anything else as it is.
std::string clock_words(const std::string& hhmm, const Words& w);

// "a, b and c"; in Welsh "a, b a c", "ac" before a vowel, and "a chyfweliad"
// (the aspirate mutation after "a"). With `sentence`, later items lose their
// capital unless they are abbreviations ("Application form, interview and test").
std::string join_list(std::vector<std::string> items, const Words& w, bool sentence = false);

// The label of one of the contract's fixed words: group "contracts", id
// "fixed-term" -> "Fixed term". "" when the words have none.
std::string label_in(const Words& w, const std::string& group, const std::string& id);
