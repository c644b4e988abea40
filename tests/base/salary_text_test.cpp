// salary_figures(): a salary as documents word it, read only when certain.
#include <doctest/doctest.h>

#include "base/salary_text.h"

namespace {
std::string line(const std::string& text) {
  auto f = salary_figures(text);
  return f ? salary_line(*f) : "-";
}
}  // namespace

TEST_CASE("a salary in a document's words becomes the contract's figures, or nothing") {
  CHECK(line("£23,500 - £25,979 per annum") == "salary: { min: 23500, max: 25979, currency: GBP, period: year }");
  CHECK(line("£23,500 to £25,979") == "salary: { min: 23500, max: 25979, currency: GBP, period: year }");
  CHECK(line("£12.45 per hour") == "salary: { min: 12.45, currency: GBP, period: hour }");
  CHECK(line("£11.44 - £12.05 an hour") == "salary: { min: 11.44, max: 12.05, currency: GBP, period: hour }");
  CHECK(line("Grade 5 (£24,404 - £26,409 p.a.)") == "salary: { min: 24404, max: 26409, currency: GBP, period: year }");
  CHECK(line("£30k - £35k") == "salary: { min: 30000, max: 35000, currency: GBP, period: year }");
  // Not certain: left for the office.
  CHECK(line("MPS/UPS") == "-");                                          // no figures
  CHECK(line("£24,404 - £26,409 FTE, actual £18,000 - £19,500") == "-");  // four figures
  CHECK(line("£26,409 - £24,404") == "-");                                // the wrong way round
  CHECK(line("£500") == "-");                                             // a year? a month?
  CHECK(line("£2,000 per month, £24,000 per annum") == "-");              // two periods
}

TEST_CASE("salary_figures: a very long value is not read, and does not run out of stack") {
  CHECK(!salary_figures("\xc2\xa3" + std::string(200000, '1')));
}
