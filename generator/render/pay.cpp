// Pay in honest words; see pay.h.
#include "render/pay.h"

#include <algorithm>
#include <cmath>

#include "base/text.h"
#include "base/vocabulary.h"

namespace {

// The bases of a full-time year that the salary filter and its hint state.
constexpr double kFullTimeHours = 37;     // NJC support staff
constexpr double kWeeksAYear = 52.143;    // 365 days / 7
constexpr double kTeachersDays = 195;     // the teachers' pay year

bool has_pattern(const Vacancy& v, const char* pattern) {
  return std::find(v.working_pattern.begin(), v.working_pattern.end(), pattern) != v.working_pattern.end();
}

// A salary (not a rate for an hour or a day of work) can be a full-time equivalent.
bool is_salary(const Salary& s) {
  return s.period == "year" || s.period == "month" || s.period == "week";
}

// "£4,856", "about £4,856" when rounding to whole pounds changed it.
std::string rounded_money(double amount, const std::string& currency, bool& rounded) {
  double whole = std::round(amount);
  rounded = rounded || std::fabs(whole - amount) > 1e-9;
  return format_money(whole, currency);
}

// Pay a year from an hourly rate, the hours a week and the paid weeks.
std::string computed_pay_text(const Vacancy& v, const Words& w) {
  const Salary& s = *v.salary;
  double factor = *v.hours.per_week * *v.hours.paid_weeks;
  bool rounded = false;
  std::string low = s.min ? rounded_money(*s.min * factor, s.currency, rounded) : "";
  std::string high = s.max ? rounded_money(*s.max * factor, s.currency, rounded) : "";
  std::string range = low.empty() ? high
                      : high.empty() || low == high ? low
                                                    : w.fill("pay.range", {{"low", low}, {"high", high}});
  if (rounded) range = w.fill("pay.about", {{"amount", range}});
  return w.fill("pay.computed", {{"range", range},
                                 {"rate", salary_text(s, w)},
                                 {"hours", format_number(*v.hours.per_week)},
                                 {"weeks", format_number(*v.hours.paid_weeks)}});
}

}  // namespace

std::string salary_text(const Salary& s, const Words& w) {
  std::string period = w["periods." + s.period];
  if (s.min && s.max && *s.min != *s.max)
    return w.fill("pay.range", {{"low", format_money(*s.min, s.currency)},
                                {"high", format_money(*s.max, s.currency)}}) + " " + period;
  if (s.min || s.max) return format_money(s.min ? *s.min : *s.max, s.currency) + " " + period;
  return s.note;
}

bool paid_pro_rata(const Vacancy& v) {
  return has_pattern(v, "part-time") || has_pattern(v, "term-time") || has_pattern(v, "job-share") ||
         (v.hours.paid_weeks && *v.hours.paid_weeks < 52);
}

std::string salary_text(const Vacancy& v, const Words& w) {
  if (!v.salary) return {};
  std::string words = salary_text(*v.salary, w);
  bool amount = v.salary->min || v.salary->max;
  if (amount && is_salary(*v.salary) && paid_pro_rata(v)) words += " " + w["pay.full_time_equivalent"];
  return words;
}

std::string actual_pay_text(const Vacancy& v, const Words& w) {
  if (!v.salary) return {};
  const Salary& s = *v.salary;
  if (s.actual_min || s.actual_max) {
    Salary actual;  // always a year's pay
    actual.min = s.actual_min;
    actual.max = s.actual_max;
    actual.currency = s.currency;
    return salary_text(actual, w);
  }
  if (s.period == "hour" && (s.min || s.max) && v.hours.per_week && v.hours.paid_weeks)
    return computed_pay_text(v, w);
  return {};
}

std::optional<double> full_time_year(double amount, const std::string& period) {
  if (period == "year") return amount;
  if (period == "month") return amount * 12;
  if (period == "week") return amount * kWeeksAYear;
  if (period == "day") return amount * kTeachersDays;
  if (period == "hour") return amount * kFullTimeHours * kWeeksAYear;
  return std::nullopt;
}
