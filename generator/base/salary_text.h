// A salary as a document words it ("£23,500 - £25,979 per annum", "£12.45
// an hour") read into the contract's figures, when it can be read for
// certain; anything else is left for the office to write, with the
// document's words beside it.
#pragma once

#include <optional>
#include <string>

struct SalaryFigures {
  double min = 0, max = 0;  // max == min for one figure
  std::string period;       // "year", "hour", ... (kSalaryPeriods)
};

// Nothing unless the text gives one or two pound amounts (the lower first)
// and says, or its size makes plain, what period they are for.
std::optional<SalaryFigures> salary_figures(const std::string& text);

// `salary: { min: 23500, max: 25979, currency: GBP, period: year }`
std::string salary_line(const SalaryFigures& s);
