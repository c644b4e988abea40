// An iCalendar (RFC 5545) event for a vacancy's closing time, with a reminder.
#include "base/clock.h"
#include "render/outputs/outputs.h"
#include "render/words_text.h"

namespace {

// 20261205T120000Z.
std::string utc_basic(Time t) {
  std::string s;
  for (char c : iso8601_utc(t))
    if (c != '-' && c != ':') s += c;
  return s;
}

// TEXT values: backslash, semicolon, comma and newlines escaped.
std::string ics_text(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\\' || c == ';' || c == ',') {
      out += '\\';
      out += c;
    } else if (c == '\r') {
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
      out += "\\n";
    } else if (c == '\n') {
      out += "\\n";
    } else if (static_cast<unsigned char>(c) >= 0x20 || c == '\t') {
      out += c;
    }
  }
  return out;
}

// One content line, folded at 75 octets (continuations begin with a space)
// without splitting a UTF-8 character, ending in CRLF.
std::string fold(const std::string& line) {
  std::string out;
  size_t pos = 0, limit = 75;
  while (line.size() - pos > limit) {
    size_t cut = pos + limit;
    while (cut > pos && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    if (cut == pos) cut = pos + limit;  // not UTF-8; never loop forever
    out += line.substr(pos, cut - pos) + "\r\n ";
    pos = cut;
    limit = 74;  // the leading space counts
  }
  out += line.substr(pos) + "\r\n";
  return out;
}

std::string host_of(const std::string& url) {
  auto start = url.find("://");
  if (start == std::string::npos) return "staffroom";
  start += 3;
  auto end = url.find_first_of(":/?#", start);
  std::string host = url.substr(start, end == std::string::npos ? std::string::npos : end - start);
  if (auto at = host.rfind('@'); at != std::string::npos) host = host.substr(at + 1);
  return host.empty() ? "staffroom" : host;
}

}  // namespace

std::string vacancy_ics(const SiteContext& ctx, const Vacancy& v) {
  const School* school = ctx.school_of(v);
  std::string school_name = school && !school->name.empty() ? school->name : v.school;
  std::string url = ctx.absolute(vacancy_path(v));
  std::string out;
  auto line = [&](const std::string& l) { out += fold(l); };
  line("BEGIN:VCALENDAR");
  line("VERSION:2.0");
  line("PRODID:-//Staffroom//Vacancies//EN");
  line("CALSCALE:GREGORIAN");
  line("METHOD:PUBLISH");
  line("BEGIN:VEVENT");
  line("UID:" + v.slug + "@" + host_of(ctx.base_url));
  line("DTSTAMP:" + utc_basic(v.posted));
  line("DTSTART:" + utc_basic(v.closes - 30 * 60));
  line("DTEND:" + utc_basic(v.closes));
  const Words& w = ctx.w();
  std::vector<std::pair<std::string, std::string>> values = {
      {"title", v.title}, {"school", school_name}, {"closes", datetime_words(v.closes, w)}};
  line("SUMMARY:" + ics_text(w.fill("outputs.calendar_summary", values)));
  line("DESCRIPTION:" + ics_text(w.fill("outputs.calendar_description", values) + "\n" + url));
  line("URL:" + url);
  line("BEGIN:VALARM");
  line("TRIGGER:-P1D");
  line("ACTION:DISPLAY");
  line("DESCRIPTION:" + ics_text(w.fill("outputs.calendar_alarm", values)));
  line("END:VALARM");
  line("END:VEVENT");
  line("END:VCALENDAR");
  return out;
}
