// The site's clock: parsing what schools write, GMT and BST, and times in words.
#include <doctest/doctest.h>

#include "base/clock.h"

namespace {
Time at(const std::string& s, bool end_of_day = false) {
  set_timezone("Europe/London");
  auto t = parse_datetime(s);
  REQUIRE_MESSAGE(t, s);
  return to_time(*t, end_of_day);
}
}  // namespace

TEST_CASE("dates and times are parsed strictly") {
  CHECK(parse_datetime("2026-12-05"));
  CHECK(parse_datetime("2026-12-05T12:00"));
  CHECK(parse_datetime("2026-12-05 12:00:30"));
  CHECK(parse_datetime("2026-12-05T12:00Z"));
  CHECK(parse_datetime("2026-12-05T12:00+01:00"));
  CHECK(parse_datetime("2028-02-29"));  // a leap year
  for (auto bad : {"2026-02-30", "2027-02-29", "2026-13-01", "2026-12-05T24:00", "2026-12-05T12:60",
                   "05/12/2026", "2026-12-5", "next Friday", "", "2026-12-05T12", "2026-12-05T12:00+1"})
    CHECK_FALSE_MESSAGE(parse_datetime(bad), bad);
}

TEST_CASE("a date alone closes at the end of that day") {
  CHECK(iso8601(at("2026-12-05", true)) == "2026-12-05T23:59:59+00:00");
  CHECK(iso8601(at("2026-12-05", false)) == "2026-12-05T00:00:00+00:00");
}

TEST_CASE("local times follow GMT in winter and BST in summer") {
  CHECK(iso8601(at("2026-12-05T12:00")) == "2026-12-05T12:00:00+00:00");
  CHECK(iso8601_utc(at("2026-12-05T12:00")) == "2026-12-05T12:00:00Z");
  CHECK(iso8601(at("2027-06-04T12:00")) == "2027-06-04T12:00:00+01:00");
  CHECK(iso8601_utc(at("2027-06-04T12:00")) == "2027-06-04T11:00:00Z");
  // The clocks go forward at 01:00 GMT on 28 March 2027.
  CHECK(at("2027-03-28T03:00") - at("2027-03-28T00:00") == 2 * 3600);
  CHECK(iso8601(at("2027-03-28T12:00")) == "2027-03-28T12:00:00+01:00");
  // An explicit offset wins over the site's timezone.
  CHECK(at("2027-06-04T12:00Z") - at("2027-06-04T12:00") == 3600);
}

TEST_CASE("times and dates in words, as GOV.UK writes them") {
  CHECK(time_words(12, 0) == "12 noon");
  CHECK(time_words(0, 0) == "midnight");
  CHECK(time_words(9, 0) == "9am");
  CHECK(time_words(15, 15) == "3:15pm");
  CHECK(time_words(8, 40) == "8:40am");
  CHECK(datetime_words(at("2026-12-04T12:00")) == "12 noon on Friday 4 December 2026");
  CHECK(datetime_words(at("2027-06-04T17:30")) == "5:30pm on Friday 4 June 2027");
}

TEST_CASE("a local time the clocks skip, or pass twice, is found and said in words") {
  set_timezone("Europe/London");
  auto check = [](const std::string& s, bool end_of_day = false) {
    auto t = parse_datetime(s);
    REQUIRE_MESSAGE(t, s);
    return check_local_time(*t, end_of_day);
  };
  auto skipped = check("2027-03-28T01:30");
  CHECK(skipped.kind == LocalTimeCheck::Kind::skipped);
  CHECK(skipped.words == "the clocks go forward from 01:00 to 02:00 on Sunday 28 March 2027, "
                         "so this time does not exist");
  CHECK(skipped.from == "01:00");
  CHECK(skipped.to == "02:00");
  CHECK(check("2027-03-28T01:00").kind == LocalTimeCheck::Kind::skipped);
  CHECK(check("2027-03-28T01:59:59").kind == LocalTimeCheck::Kind::skipped);
  auto twice = check("2027-10-31T01:30");
  CHECK(twice.kind == LocalTimeCheck::Kind::twice);
  CHECK(twice.words.find("(the clocks go back from 02:00 to 01:00 on Sunday 31 October 2027)") != std::string::npos);
  // The offset named is the one to_time took.
  Time taken = to_time(*parse_datetime("2027-10-31T01:30"), false);
  CHECK(twice.words.find(iso8601(taken).substr(19) + ")") != std::string::npos);
  CHECK(twice.other_offset != iso8601(taken).substr(19));
  for (auto fine : {"2027-03-28T00:59", "2027-03-28T02:00", "2027-03-28", "2027-10-31T00:59",
                    "2027-10-31T02:00", "2027-10-31", "2026-12-05T12:00", "2027-03-28T01:30+00:00"})
    CHECK_MESSAGE(check(fine).kind == LocalTimeCheck::Kind::once, fine);
  CHECK(check("2027-03-28", true).kind == LocalTimeCheck::Kind::once);
  // Another timezone, where the clocks change at 02:00 and 03:00.
  set_timezone("America/New_York");
  auto ny = check("2027-03-14T02:30");
  CHECK(ny.kind == LocalTimeCheck::Kind::skipped);
  CHECK(ny.from == "02:00");
  CHECK(ny.to == "03:00");
  CHECK(check("2027-11-07T01:30").kind == LocalTimeCheck::Kind::twice);
  set_timezone("Europe/London");
}

TEST_CASE("a date written the UK way is turned into the form to type instead") {
  CHECK(contract_form("18/01/2027") == "2027-01-18");
  CHECK(contract_form("18/1/27") == "2027-01-18");
  CHECK(contract_form("18.01.2027") == "2027-01-18");
  CHECK(contract_form("4 January 2027") == "2027-01-04");
  CHECK(contract_form("Monday 4th January, 2027") == "2027-01-04");
  CHECK(contract_form("4 Sept 2027") == "2027-09-04");
  CHECK(contract_form("18/01/2027 12:00") == "2027-01-18T12:00");
  CHECK(contract_form("Mon 18 Jan 2027 at 12 noon") == "2027-01-18T12:00");
  CHECK(contract_form("18/01/2027 3:30pm") == "2027-01-18T15:30");
  CHECK(contract_form("18/01/2027 9am") == "2027-01-18T09:00");
  CHECK(contract_form("18/01/2027 12am") == "2027-01-18T00:00");
  CHECK(contract_form("18 January 2027 midday") == "2027-01-18T12:00");
  CHECK(contract_form("12 noon on Friday 18 January 2027") == "2027-01-18T12:00");
  CHECK(contract_form("9am, 18/01/2027") == "2027-01-18T09:00");
  CHECK(contract_form("2027-01-18 noon") == "2027-01-18T12:00");
  CHECK(contract_form("2027-01-18T12pm") == "2027-01-18T12:00");
  CHECK(contract_form("2027-01-18T9:00") == "2027-01-18T09:00");
  CHECK(contract_form("2027-1-8 at 3:30pm") == "2027-01-08T15:30");
  CHECK(contract_form("2027-1-8") == "2027-01-08");
  // Not dates, or not ones it can be sure of: nothing to suggest.
  CHECK(!contract_form("31/02/2027"));
  CHECK(!contract_form("18/13/2027"));
  CHECK(!contract_form("18 Smarch 2027"));
  CHECK(!contract_form("18/01/2027 9"));
  CHECK(!contract_form("18/01/2027 13pm"));
  CHECK(!contract_form("next Friday"));
  CHECK(!contract_form("2027-02-30 noon"));
  CHECK(!contract_form("2027-01-18 soon"));
  CHECK(!contract_form("9am on 18/01/2027 at 10am"));
  CHECK(!contract_form("12:30 noon on 18/01/2027"));
  CHECK(contract_form("2027-01-18") == "2027-01-18");  // already the form: import writes it as it is
}

TEST_CASE("contract_form: a very long value is not a date, and is read without running out of stack") {
  CHECK(!contract_form("18/01/2027 " + std::string(200000, 'x')));
  CHECK(!contract_form(std::string(200000, '1')));
  CHECK(contract_form("12 noon on Wednesday 18 September 2027") == "2027-09-18T12:00");
}
