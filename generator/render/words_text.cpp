// Dates, times and lists in the page's language; see words_text.h.
#include "render/words_text.h"

#include "base/clock.h"
#include "base/text.h"

std::string time_words(int hour, int minute, const Words& w) {
  if (hour == 12 && minute == 0) return w["dates.noon"];
  if (hour == 0 && minute == 0) return w["dates.midnight"];
  if (hour == 23 && minute == 59) return w.fill("dates.pm", {{"time", "11:59"}});
  int h12 = hour % 12 == 0 ? 12 : hour % 12;
  std::string time = std::to_string(h12);
  if (minute) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d", minute);
    time = w.fill("dates.minutes", {{"hour", time}, {"minute", buf}});
  }
  return w.fill(hour < 12 ? "dates.am" : "dates.pm", {{"time", time}});
}

std::string date_words(Time t, const Words& w) {
  static const char* days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  auto l = local(t);
  return w.fill("dates.date", {{"weekday", w[std::string("weekdays.") + days[l.weekday]]},
                               {"day", std::to_string(l.day)},
                               {"month", w[std::string("months.") + months[l.month - 1]]},
                               {"year", std::to_string(l.year)}});
}

std::string datetime_words(Time t, const Words& w) {
  auto l = local(t);
  return w.fill("dates.date_time", {{"time", time_words(l.hour, l.minute, w)}, {"date", date_words(t, w)}});
}

std::string clock_words(const std::string& hhmm, const Words& w) {
  if (hhmm.size() != 5) return hhmm;
  return time_words(std::stoi(hhmm.substr(0, 2)), std::stoi(hhmm.substr(3)), w);
}

namespace {

bool starts_with_vowel(const std::string& word) {
  if (word.empty()) return false;
  char c = static_cast<char>(tolower(static_cast<unsigned char>(word[0])));
  // Welsh vowels; ŵ ŷ â ê î ô û start with a byte above 0x7f.
  return std::string("aeiouwy").find(c) != std::string::npos ||
         static_cast<unsigned char>(word[0]) >= 0xc3;
}

// c, p, t -> ch, ph, th (not ch, ph, th themselves): "a chyfweliad".
std::string aspirate(const std::string& word) {
  if (word.size() < 2 || word[1] == 'h' || word[1] == 'H') return word;
  char c = word[0];
  bool upper = c == 'C' || c == 'P' || c == 'T';
  if (!upper && c != 'c' && c != 'p' && c != 't') return word;
  if (upper && word[1] >= 'A' && word[1] <= 'Z') return word;  // an abbreviation: TGAU
  return std::string(1, c) + "h" + word.substr(1);
}

}  // namespace

std::string join_list(std::vector<std::string> items, const Words& w, bool sentence) {
  if (sentence)
    for (size_t i = 1; i < items.size(); ++i) {
      auto& s = items[i];
      bool acronym = s.size() > 1 && s[1] >= 'A' && s[1] <= 'Z';
      if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z' && !acronym) s[0] = static_cast<char>(s[0] - 'A' + 'a');
    }
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i && i + 1 == items.size()) {
      bool vowel = starts_with_vowel(items[i]);
      out += " " + w[vowel ? "list.and_vowel" : "list.and"] + " ";
      if (w["list.mutation"] == "aspirate") items[i] = aspirate(items[i]);
    } else if (i) {
      out += ", ";
    }
    out += items[i];
  }
  return out;
}

std::string label_in(const Words& w, const std::string& group, const std::string& id) {
  return w[group + "." + id];
}
