// search-index.json: the open vacancies' facts and texts for the index page's filters.
#include <nlohmann/json.hpp>

#include <cmath>

#include "base/clock.h"
#include "render/outputs/outputs.h"

namespace {

using ojson = nlohmann::ordered_json;

ojson amount(const std::optional<double>& d) {
  if (!d) return nullptr;
  if (std::isfinite(*d) && std::floor(*d) == *d && std::fabs(*d) < 9e15)
    return static_cast<long long>(*d);
  return *d;
}

}  // namespace

std::string search_index_json(const SiteContext& ctx) {
  return "[" + ctx.joined(&Listing::search_entry, ",") + "]\n";
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
  o["salary_min"] = v.salary ? amount(v.salary->min) : ojson(nullptr);
  o["salary_max"] = v.salary ? amount(v.salary->max) : ojson(nullptr);
  o["salary_period"] = v.salary ? ojson(v.salary->period) : ojson(nullptr);
  o["visa_sponsorship"] = v.visa_sponsorship.value_or(false);
  o["posted"] = iso_date(v.posted);
  o["closes"] = iso8601(v.closes);
  o["closes_text"] = datetime_words(v.closes);
  o["summary"] = v.summary;
  ojson criteria = ojson::array();
  if (v.spec)
    for (const auto& section : v.spec->sections)
      for (const auto& c : section.criteria) criteria.push_back(c.text);
  o["criteria"] = std::move(criteria);
  return o.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}
