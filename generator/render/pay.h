// Pay in honest words (issue 16, item 4): which figure is full-time
// equivalent, and what a part-time or term-time post actually pays.
#pragma once

#include <optional>
#include <string>

#include "base/model.h"
#include "theme/words.h"

// The figures in words: "£24,404 to £26,409 a year", or the note when there
// are none (salary_text of a vacancy says whether they are full-time equivalent).
std::string salary_text(const Salary& s, const Words& w = default_words());

// Whether the advert's pay is a share of a full-time, all-year post's: it is
// part-time, term-time or a job share, or paid for fewer than 52 weeks. Its
// yearly, monthly or weekly salary is then a full-time equivalent.
bool paid_pro_rata(const Vacancy& v);

// "£24,404 to £26,409 a year", plus " full-time equivalent" when the post is
// paid pro rata and the figure is a salary (not an hourly or daily rate).
std::string salary_text(const Vacancy& v, const Words& w = default_words());

// The actual pay a year: the advert's `salary.actual`, or, when the salary is
// an hourly rate and the advert gives hours a week and paid weeks as numbers,
// worked out from them. "" when neither.
//   "£19,100 to £20,700 a year"
//   "about £4,856 a year: £12.45 an hour, 10 hours a week, 39 paid weeks"
std::string actual_pay_text(const Vacancy& v, const Words& w = default_words());

// What the salary filter compares: `amount` in `period` as a full-time year
// (37 hours a week, 52.143 weeks, or 195 days for a daily rate). std::nullopt
// for an unknown period.
std::optional<double> full_time_year(double amount, const std::string& period);
