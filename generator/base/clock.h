// Dates and times in the site's timezone: parsing what schools write,
// converting to absolute Time, and saying it in words as GOV.UK does.
#pragma once

#include <optional>
#include <string>

#include "base/model.h"

struct DateTimeText {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  bool has_time = false;
  std::optional<int> offset_minutes;  // when the text gives Z or +hh:mm
};

// "2026-12-05", "2026-12-05T12:00", "2026-12-05 12:00:00", "...Z", "...+01:00".
// Returns nothing for anything else, or an impossible date (30 February).
std::optional<DateTimeText> parse_datetime(const std::string& text);

// A date, and perhaps a time, written as people in the UK write them
// ("18/01/2027", "4th January 2027", "Mon 4 Jan 2027 at 12 noon", "18.1.27
// 9:30am", "2027-01-18 noon") in the form parse_datetime() takes
// ("2027-01-18", "2027-01-04T12:00"), for a message to show; nothing when it
// is not one.
std::optional<std::string> contract_form(const std::string& written);

// Sets the timezone for the whole process (the site has one). False if the
// name is not in the system's timezone database.
bool set_timezone(const std::string& name);

// The moment a written date-time means. A date alone means the end of that
// day (23:59:59) when `end_of_day`, else its start.
Time to_time(const DateTimeText& t, bool end_of_day);

// Whether a written date-time without an offset names one moment in the
// site's timezone: not when the clocks go forward past it (skipped), and
// two when they go back over it (twice). `words` says so for the school.
struct LocalTimeCheck {
  enum class Kind { once, skipped, twice } kind = Kind::once;
  std::string words;
  std::string from, to;      // skipped: the first time skipped, and the next that exists
  std::string other_offset;  // twice: "+01:00", the offset not taken
};
LocalTimeCheck check_local_time(const DateTimeText& t, bool end_of_day);

struct LocalTime {
  int year, month, day, hour, minute, second;
  int weekday;         // 0 = Sunday
  int offset_seconds;  // from UTC, e.g. 3600 in BST
};
LocalTime local(Time t);

std::string iso8601(Time t);       // 2026-12-05T12:00:00+00:00, local with offset
std::string iso8601_utc(Time t);   // 2026-12-05T12:00:00Z
std::string iso_date(Time t);      // 2026-12-05, local
std::string time_words(int hour, int minute);  // "12 noon", "9am", "3:15pm"
std::string date_words(Time t);    // "Friday 5 December 2026"
std::string datetime_words(Time t);  // "12 noon on Friday 5 December 2026"

Time now();
