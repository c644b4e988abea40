// The site's clock: see clock.h. Uses the C library's timezone database
// (tzdata), set once per process, since a site has exactly one timezone.
#include "base/clock.h"

#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <regex>
#include <vector>

static bool valid_date(int y, int m, int d) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 9999) return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= days[m - 1] + (m == 2 && leap ? 1 : 0);
}

std::optional<DateTimeText> parse_datetime(const std::string& s) {
  DateTimeText t;
  auto digits = [&](size_t pos, size_t n, int& out) {
    if (pos + n > s.size()) return false;
    out = 0;
    for (size_t i = pos; i < pos + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      out = out * 10 + (s[i] - '0');
    }
    return true;
  };
  if (!digits(0, 4, t.year) || s.size() < 10 || s[4] != '-' ||
      !digits(5, 2, t.month) || s[7] != '-' || !digits(8, 2, t.day))
    return std::nullopt;
  if (!valid_date(t.year, t.month, t.day)) return std::nullopt;
  size_t pos = 10;
  if (pos == s.size()) return t;
  if (s[pos] != 'T' && s[pos] != ' ') return std::nullopt;
  if (!digits(pos + 1, 2, t.hour) || pos + 3 >= s.size() || s[pos + 3] != ':' ||
      !digits(pos + 4, 2, t.minute))
    return std::nullopt;
  t.has_time = true;
  pos += 6;
  if (pos < s.size() && s[pos] == ':') {
    if (!digits(pos + 1, 2, t.second)) return std::nullopt;
    pos += 3;
  }
  if (t.hour > 23 || t.minute > 59 || t.second > 59) return std::nullopt;
  if (pos == s.size()) return t;
  if (s[pos] == 'Z' && pos + 1 == s.size()) {
    t.offset_minutes = 0;
    return t;
  }
  int oh, om;
  if ((s[pos] == '+' || s[pos] == '-') && s.size() == pos + 6 &&
      digits(pos + 1, 2, oh) && s[pos + 3] == ':' && digits(pos + 4, 2, om) &&
      oh < 24 && om < 60) {
    t.offset_minutes = (s[pos] == '-' ? -1 : 1) * (oh * 60 + om);
    return t;
  }
  return std::nullopt;
}

// Longer than any date or time written out ("12 noon on Wednesday 18
// September 2027"): not read as one. std::regex recurses once a character,
// and a very long value would overflow the stack.
constexpr size_t kLongestWritten = 120;

// "12:00", "at 9am", "3.30 pm", "12 noon", "midday" -> hour and minute.
static std::optional<std::pair<int, int>> written_time(const std::string& text) {
  if (text.size() > kLongestWritten) return std::nullopt;
  static const std::regex time(R"(^\s*(?:at\s+)?(?:(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|noon)?|(midday|noon))\s*$)");
  std::smatch m;
  if (!std::regex_match(text, m, time)) return std::nullopt;
  int hour = m[4].matched ? 12 : std::stoi(m[1]), minute = m[2].matched ? std::stoi(m[2]) : 0;
  std::string half = m[3];
  if (half == "noon" && (hour != 12 || minute != 0)) return std::nullopt;
  if (half.empty() && !m[2].matched && !m[4].matched) return std::nullopt;  // "9" alone is not a time
  if (half == "am" || half == "pm") {
    if (hour < 1 || hour > 12) return std::nullopt;
    hour = hour % 12 + (half == "pm" ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return std::nullopt;
  return std::pair{hour, minute};
}

std::optional<std::string> contract_form(const std::string& written) {
  if (written.size() > kLongestWritten) return std::nullopt;
  std::string s;
  for (char c : written) s += c == ',' ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  // A time may come first, as GOV.UK writes it: "12 noon on Friday 18 January 2027".
  static const std::regex time_first(
      R"(^\s*(\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|noon)|\d{1,2}[:.]\d{2}|midday|noon)\s+(?:on\s+)?(.*)$)");
  static const std::regex numeric(R"(^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(.*)$)");
  // The contract's own order with a time it cannot take: "2027-01-18 noon", "2027-01-18T9:00".
  static const std::regex year_first(R"(^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:t|\s+(?:at\s+)?)?(.*)$)");
  static const std::regex words(
      R"(^\s*(?:[a-z]+\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?\s+(\d{4})(.*)$)");
  static const char* months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  std::smatch m;
  std::string time;
  if (std::regex_match(s, m, time_first)) time = m[1], s = m[2].str();
  int day = 0, month = 0, year = 0;
  if (std::regex_match(s, m, year_first)) {
    year = std::stoi(m[1]), month = std::stoi(m[2]), day = std::stoi(m[3]);
  } else if (std::regex_match(s, m, numeric)) {
    day = std::stoi(m[1]), month = std::stoi(m[2]), year = std::stoi(m[3]);
    if (m[3].length() == 2) year += 2000;
  } else if (std::regex_match(s, m, words)) {
    day = std::stoi(m[1]), year = std::stoi(m[3]);
    std::string name = m[2];
    for (int i = 0; i < 12; ++i)
      if (name.size() >= 3 && name.compare(0, 3, months[i]) == 0) month = i + 1;
  } else {
    return std::nullopt;
  }
  if (!valid_date(year, month, day)) return std::nullopt;
  std::string rest = m[4];
  bool no_rest = rest.find_first_not_of(' ') == std::string::npos;
  if (!time.empty() && !no_rest) return std::nullopt;  // a time before the date and after it
  if (time.empty()) time = rest;
  char out[80];  // room for any int, so the compiler can see nothing is cut
  if (time.find_first_not_of(' ') == std::string::npos) {
    std::snprintf(out, sizeof out, "%04d-%02d-%02d", year, month, day);
    return std::string(out);
  }
  auto hm = written_time(time);
  if (!hm) return std::nullopt;
  std::snprintf(out, sizeof out, "%04d-%02d-%02dT%02d:%02d", year, month, day, hm->first, hm->second);
  return std::string(out);
}

bool set_timezone(const std::string& name) {
  if (name.empty() || name.find("..") != std::string::npos ||
      !std::filesystem::exists("/usr/share/zoneinfo/" + name))
    return false;
  setenv("TZ", name.c_str(), 1);
  tzset();
  return true;
}

// Days from 1970-01-01 to a civil date (Howard Hinnant's algorithm).
static long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

// The written date-time read as if it were UTC.
static Time as_utc(const DateTimeText& t, bool end_of_day) {
  int h = t.hour, mi = t.minute, se = t.second;
  if (!t.has_time && end_of_day) h = 23, mi = 59, se = 59;
  return days_from_civil(t.year, t.month, t.day) * 86400L + h * 3600L + mi * 60L + se;
}

Time to_time(const DateTimeText& t, bool end_of_day) {
  int h = t.hour, mi = t.minute, se = t.second;
  if (!t.has_time && end_of_day) h = 23, mi = 59, se = 59;
  if (t.offset_minutes) return as_utc(t, end_of_day) - *t.offset_minutes * 60L;
  std::tm tm{};
  tm.tm_year = t.year - 1900;
  tm.tm_mon = t.month - 1;
  tm.tm_mday = t.day;
  tm.tm_hour = h;
  tm.tm_min = mi;
  tm.tm_sec = se;
  tm.tm_isdst = -1;  // let the timezone rules decide GMT or BST
  return static_cast<Time>(std::mktime(&tm));
}

LocalTime local(Time t) {
  std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  localtime_r(&tt, &tm);
  return {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
          tm.tm_min,         tm.tm_sec,     tm.tm_wday, static_cast<int>(tm.tm_gmtoff)};
}

// "+01:00".
static std::string offset_text(int seconds) {
  int off = seconds / 60;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%c%02d:%02d", off < 0 ? '-' : '+', std::abs(off) / 60,
                std::abs(off) % 60);
  return buf;
}

// "BST (+01:00)", or "+01:00" where the timezone has no abbreviation.
static std::string offset_words(Time t) {
  std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  localtime_r(&tt, &tm);
  std::string off = offset_text(static_cast<int>(tm.tm_gmtoff));
  std::string zone = tm.tm_zone ? tm.tm_zone : "";
  bool named = !zone.empty() && zone[0] != '+' && zone[0] != '-';
  return named ? zone + " (" + off + ")" : off;
}

// "01:00".
static std::string clock_text(Time utc_wall) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02ld:%02ld", (utc_wall / 3600 % 24 + 24) % 24,
                (utc_wall / 60 % 60 + 60) % 60);
  return buf;
}

LocalTimeCheck check_local_time(const DateTimeText& t, bool end_of_day) {
  if (t.offset_minutes) return {};
  const Time wall = as_utc(t, end_of_day);
  // The offsets in force within two days either side; each gives the moment
  // the wall time names if that offset holds then.
  const Time before = wall - 2 * 86400, after = wall + 2 * 86400;
  int off_before = local(before).offset_seconds, off_after = local(after).offset_seconds;
  if (off_before == off_after) return {};
  std::vector<Time> moments;
  for (int off : {off_before, off_after})
    if (local(wall - off).offset_seconds == off) moments.push_back(wall - off);
  // The change of offset: the first second with the later offset.
  Time lo = before, hi = after;
  while (hi - lo > 1) {
    Time mid = lo + (hi - lo) / 2;
    (local(mid).offset_seconds == off_before ? lo : hi) = mid;
  }
  std::string change = std::string("the clocks go ") + (off_after > off_before ? "forward" : "back") +
                       " from " + clock_text(hi + off_before) + " to " + clock_text(hi + off_after) +
                       " on " + date_words(hi);
  if (moments.empty())
    return {LocalTimeCheck::Kind::skipped, change + ", so this time does not exist",
            clock_text(hi + off_before), clock_text(hi + off_after), ""};
  if (moments.size() == 1) return {};
  Time taken = to_time(t, end_of_day);
  Time other = taken == moments[0] ? moments[1] : moments[0];
  bool first = taken < other;
  return {LocalTimeCheck::Kind::twice,
          "this time happens twice (" + change + "); it is taken as the " +
              (first ? "first, " : "second, ") + offset_words(taken) + "; for the " +
              (first ? "second, " : "first, ") + offset_words(other),
          "", "", offset_text(local(other).offset_seconds)};
}

std::string iso8601(Time t) {
  auto l = local(t);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", l.year, l.month, l.day,
                l.hour, l.minute, l.second);
  return buf + offset_text(l.offset_seconds);
}

std::string iso8601_utc(Time t) {
  std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string iso_date(Time t) {
  auto l = local(t);
  char buf[40];  // room for any int, so the compiler can see nothing is cut
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", l.year, l.month, l.day);
  return buf;
}

std::string time_words(int hour, int minute) {
  if (hour == 12 && minute == 0) return "12 noon";
  if (hour == 0 && minute == 0) return "midnight";
  if (hour == 23 && minute == 59) return "11:59pm";
  int h12 = hour % 12 == 0 ? 12 : hour % 12;
  std::string s = std::to_string(h12);
  if (minute) {
    char buf[8];
    std::snprintf(buf, sizeof buf, ":%02d", minute);
    s += buf;
  }
  return s + (hour < 12 ? "am" : "pm");
}

std::string date_words(Time t) {
  static const char* days[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                               "Thursday", "Friday", "Saturday"};
  static const char* months[] = {"January", "February", "March",     "April",
                                 "May",     "June",     "July",      "August",
                                 "September", "October", "November", "December"};
  auto l = local(t);
  return std::string(days[l.weekday]) + " " + std::to_string(l.day) + " " +
         months[l.month - 1] + " " + std::to_string(l.year);
}

std::string datetime_words(Time t) {
  auto l = local(t);
  return time_words(l.hour, l.minute) + " on " + date_words(t);
}

Time now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}
