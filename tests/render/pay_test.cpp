// Pay in honest words (issue 16, item 4): which figure is full-time
// equivalent, the actual pay, and what the salary filter compares.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "base/diagnostics.h"
#include "load/load.h"
#include "render/pay.h"

namespace {

Vacancy post(std::optional<double> min, std::optional<double> max, const std::string& period,
             std::vector<std::string> pattern) {
  Vacancy v;
  v.salary = Salary{};
  v.salary->min = min;
  v.salary->max = max;
  v.salary->period = period;
  v.working_pattern = std::move(pattern);
  return v;
}

// An advert's front matter, with these lines added, parsed.
std::optional<Vacancy> parsed(const std::string& lines, Diagnostics& d) {
  return parse_vacancy("---\ntitle: A\nschool: oak\nrole: r\nposted: 2026-11-02\ncloses: 2026-12-04\n" + lines +
                           "---\nBody.\n",
                       "content/vacancies/a.md", d);
}

}  // namespace

TEST_CASE("salary_text says when a salary is the full-time equivalent") {
  SUBCASE("part-time and term-time") {
    Vacancy v = post(24404, 26409, "year", {"part-time", "term-time"});
    CHECK(paid_pro_rata(v));
    CHECK(salary_text(v) == "£24,404 to £26,409 a year full-time equivalent");
  }
  SUBCASE("full-time but term-time only: still a share of the year") {
    Vacancy v = post(29580, 31419, "year", {"full-time", "term-time"});
    CHECK(salary_text(v) == "£29,580 to £31,419 a year full-time equivalent");
  }
  SUBCASE("a job share, monthly") {
    CHECK(salary_text(post(2000, std::nullopt, "month", {"job-share"})) == "£2,000 a month full-time equivalent");
  }
  SUBCASE("paid for fewer than 52 weeks, with no working pattern") {
    Vacancy v = post(20000, std::nullopt, "year", {});
    v.hours.paid_weeks = 44;
    CHECK(salary_text(v) == "£20,000 a year full-time equivalent");
  }
  SUBCASE("full-time all year: the salary is the pay") {
    Vacancy v = post(32916, 45352, "year", {"full-time"});
    CHECK_FALSE(paid_pro_rata(v));
    CHECK(salary_text(v) == "£32,916 to £45,352 a year");
  }
  SUBCASE("an hourly or daily rate is what is paid, never a full-time equivalent") {
    CHECK(salary_text(post(14.12, 14.38, "hour", {"part-time", "term-time"})) == "£14.12 to £14.38 an hour");
    CHECK(salary_text(post(180, std::nullopt, "day", {"part-time"})) == "£180 a day");
  }
  SUBCASE("a note alone is not called anything") {
    Vacancy v = post(std::nullopt, std::nullopt, "year", {"part-time"});
    v.salary->note = "Competitive";
    CHECK(salary_text(v) == "Competitive");
  }
  SUBCASE("no salary") {
    Vacancy v;
    CHECK(salary_text(v).empty());
    CHECK(actual_pay_text(v).empty());
  }
}

TEST_CASE("actual_pay_text: stated, or worked out exactly, never guessed") {
  SUBCASE("the advert's salary.actual, a year") {
    Vacancy v = post(24404, 26409, "year", {"part-time", "term-time"});
    v.salary->actual_min = 19100;
    v.salary->actual_max = 20700;
    CHECK(actual_pay_text(v) == "£19,100 to £20,700 a year");
    v.salary->actual_max.reset();
    CHECK(actual_pay_text(v) == "£19,100 a year");
  }
  SUBCASE("an hourly rate, hours a week and paid weeks: rounded to the pound, and said to be") {
    Vacancy v = post(12.45, std::nullopt, "hour", {"part-time", "term-time"});
    v.hours.per_week = 10;
    v.hours.paid_weeks = 39;
    CHECK(actual_pay_text(v) == "about £4,856 a year: £12.45 an hour, 10 hours a week, 39 paid weeks");
  }
  SUBCASE("exact amounts are not 'about'") {
    Vacancy v = post(12, 13, "hour", {"part-time"});
    v.hours.per_week = 10;
    v.hours.paid_weeks = 40;
    CHECK(actual_pay_text(v) == "£4,800 to £5,200 a year: £12 to £13 an hour, 10 hours a week, 40 paid weeks");
  }
  SUBCASE("a range, with fractional hours") {
    Vacancy v = post(13.04, 13.98, "hour", {"part-time", "term-time"});
    v.hours.per_week = 32.5;
    v.hours.paid_weeks = 39;
    CHECK(actual_pay_text(v) ==
          "about £16,528 to £17,720 a year: £13.04 to £13.98 an hour, 32.5 hours a week, 39 paid weeks");
  }
  SUBCASE("without paid weeks as a number, or without hours, nothing") {
    Vacancy v = post(14.12, 14.38, "hour", {"part-time", "term-time"});
    v.hours.per_week = 30;
    v.hours.weeks = "Term time only (39 weeks including INSET days)";
    CHECK(actual_pay_text(v).empty());
    v.hours.per_week.reset();
    v.hours.paid_weeks = 39;
    CHECK(actual_pay_text(v).empty());
  }
  SUBCASE("a yearly salary is never scaled by the hours: only the advert knows its pro rata") {
    Vacancy v = post(24404, 26409, "year", {"part-time", "term-time"});
    v.hours.per_week = 32.5;
    v.hours.paid_weeks = 39;
    CHECK(actual_pay_text(v).empty());
  }
}

TEST_CASE("full_time_year: what the salary filter compares") {
  CHECK(*full_time_year(24404, "year") == 24404);
  CHECK(*full_time_year(2000, "month") == 24000);
  CHECK(std::fabs(*full_time_year(14, "hour") - 14 * 37 * 52.143) < 1e-6);
  CHECK(*full_time_year(100, "day") == 19500);
  CHECK_FALSE(full_time_year(1, "fortnight"));
}

TEST_CASE("parse_vacancy reads salary.actual and hours.paid_weeks, and checks them") {
  Diagnostics d;
  auto v = parsed("salary: { min: 24404, max: 26409, actual: { min: 19100, max: 20700 } }\n"
                  "hours: { per_week: 30, paid_weeks: 39 }\n",
                  d);
  REQUIRE(v);
  CHECK(d.errors() == 0);
  CHECK(*v->salary->actual_min == 19100);
  CHECK(*v->salary->actual_max == 20700);
  CHECK(*v->hours.paid_weeks == 39);

  Diagnostics bad;
  parsed("salary: { min: 1, actual: { min: 5, max: 2 } }\nhours: { paid_weeks: 60 }\n", bad);
  CHECK(bad.errors() == 2);
  Diagnostics empty;
  parsed("salary: { min: 1, actual: {} }\n", empty);
  CHECK(empty.errors() == 1);
}
