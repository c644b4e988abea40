// search-index.json: the open vacancies' facts and texts for the index page's
// filters, and the site's glossary, so that the search knows "SEN" and
// "special educational needs" are the same thing (script.js expands both ways).
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

#include "base/clock.h"
#include "base/text.h"
#include "base/vocabulary.h"
#include "render/outputs/json_text.h"
#include "render/outputs/outputs.h"
#include "render/pay.h"
#include "render/views.h"
#include "render/words_text.h"

namespace {

using ojson = nlohmann::ordered_json;

ojson amount(const std::optional<double>& d) {
  if (!d) return nullptr;
  if (std::isfinite(*d) && std::floor(*d) == *d && std::fabs(*d) < 9e15)
    return static_cast<long long>(*d);
  return *d;
}

// An amount as a full-time year, to the penny.
ojson year_amount(const std::optional<double>& d, const std::string& period) {
  if (!d) return nullptr;
  auto year = full_time_year(*d, period);
  return year ? amount(std::round(*year * 100) / 100) : ojson(nullptr);
}

// The words an abbreviation stands for, without a bracketed aside:
// "In-service training (staff training days ...)" -> "In-service training".
// The aside would make every advert that says INSET match "staff" or "pupils".
std::string search_words(const std::string& expansion) {
  std::string words = expansion.substr(0, expansion.find('('));
  while (!words.empty() && words.back() == ' ') words.pop_back();
  return words.empty() ? expansion : words;
}

// [{"abbr": "SEN", "words": "Special educational needs"}, ...], by abbreviation.
ojson glossary_json(const Glossary& glossary) {
  std::vector<std::pair<std::string, std::string>> terms(glossary.terms.begin(), glossary.terms.end());
  std::sort(terms.begin(), terms.end());
  ojson list = ojson::array();
  for (const auto& [abbr, words] : terms) list.push_back({{"abbr", abbr}, {"words", search_words(words)}});
  return list;
}

}  // namespace

std::string search_glossary_json(const SiteContext& ctx) {
  return glossary_json(ctx.glossary).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string search_index_json(const SiteContext& ctx) {
  std::string out = "{\"glossary\":" + search_glossary_json(ctx) + ",\"vacancies\":[";
  ctx.append_joined(out, &Listing::search_entry, ",", "]}\n");
  return out;
}

std::string search_index_entry(const SiteContext& ctx, const Vacancy& v) {
  const School* school = ctx.school_of(v);
  ojson o;
  o["slug"] = v.slug;
  o["url"] = ctx.url(vacancy_path(v));
  o["title"] = v.title;
  o["school"] = school && !school->name.empty() ? school->name : v.school;
  o["school_id"] = v.school;
  o["role"] = v.role;
  o["role_label"] = ctx.role_label(v.role);
  o["contract"] = v.contract;
  o["working_pattern"] = v.working_pattern;
  o["working_pattern_label"] = working_pattern_label(v, ctx.w());  // searched: "term time"
  o["grade"] = v.grade;
  o["town"] = school ? school->address.locality : "";
  o["salary_min"] = v.salary ? amount(v.salary->min) : ojson(nullptr);
  o["salary_max"] = v.salary ? amount(v.salary->max) : ojson(nullptr);
  o["salary_period"] = v.salary ? ojson(v.salary->period) : ojson(nullptr);
  // What the salary filter and sort compare: the full-time equivalent a year
  o["salary_year_min"] = v.salary ? year_amount(v.salary->min, v.salary->period) : ojson(nullptr);
  o["salary_year_max"] = v.salary ? year_amount(v.salary->max, v.salary->period) : ojson(nullptr);
  o["visa_sponsorship"] = v.visa_sponsorship.value_or(false);
  o["posted"] = iso_date(v.posted);
  o["closes"] = iso8601(v.closes);
  o["closes_text"] = datetime_words(v.closes, ctx.w());
  o["summary"] = v.summary;
  // The criteria, most of the entry's text, written by json_string().
  std::string criteria = "[";
  if (v.spec)
    for (const auto& section : v.spec->sections)
      for (const auto& c : section.criteria) {
        if (criteria.size() > 1) criteria += ',';
        criteria += json_string(c.text);
      }
  criteria += ']';
  o["criteria"] = "";
  return with_value(o.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), "criteria", criteria);
}
