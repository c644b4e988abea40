// See salary_text.h.
#include "base/salary_text.h"

#include <algorithm>
#include <regex>
#include <vector>

#include "base/text.h"

std::optional<SalaryFigures> salary_figures(const std::string& text) {
  if (text.size() > 300) return std::nullopt;  // no salary line is longer; std::regex recurses once a character
  std::string s = lower_ascii(text);
  // "£23,500", "£ 12.45", "£24k"; a comma groups thousands only.
  static const std::regex amount(R"(\xc2\xa3\s?(\d{1,3}(?:,\d{3})+|\d+)(\.\d{1,2})?(k)?)");
  std::vector<double> found;
  for (std::sregex_iterator i(s.begin(), s.end(), amount), end; i != end; ++i) {
    std::string whole = (*i)[1];
    whole.erase(std::remove(whole.begin(), whole.end(), ','), whole.end());
    double value = std::stod(whole + (*i)[2].str());
    if ((*i)[3].matched) value *= 1000;
    found.push_back(value);
  }
  if (found.empty() || found.size() > 2) return std::nullopt;  // more: FTE and actual, or spine points
  SalaryFigures f{found.front(), found.back(), ""};
  if (f.min > f.max) return std::nullopt;
  static const std::pair<std::regex, const char*> periods[] = {
      {std::regex(R"(per annum|per year|a year|\bp\.?a\.?(?:$|[^a-z])|annual)"), "year"},
      {std::regex(R"(per month|a month|monthly)"), "month"},
      {std::regex(R"(per week|a week|weekly)"), "week"},
      {std::regex(R"(per day|a day|daily)"), "day"},
      {std::regex(R"(per hour|an hour|hourly|p/h|\bph\b)"), "hour"},
  };
  for (auto& [words, period] : periods)
    if (std::regex_search(s, words)) {
      if (!f.period.empty()) return std::nullopt;  // two periods named: which is which?
      f.period = period;
    }
  // No period named: a yearly salary is plain from its size, an hourly rate too.
  if (f.period.empty() && f.min >= 5000) f.period = "year";
  if (f.period.empty() && f.max <= 100) f.period = "hour";
  if (f.period.empty()) return std::nullopt;
  return f;
}

std::string salary_line(const SalaryFigures& s) {
  std::string line = "salary: { min: " + format_number(s.min);
  if (s.max != s.min) line += ", max: " + format_number(s.max);
  return line + ", currency: GBP, period: " + s.period + " }";
}
