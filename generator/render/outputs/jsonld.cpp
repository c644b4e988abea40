// schema.org JobPosting JSON-LD for an open vacancy's page (Google for Jobs).
#include <nlohmann/json.hpp>

#include <cctype>
#include <cmath>

#include "base/clock.h"
#include "render/outputs/json_text.h"
#include "render/outputs/outputs.h"

namespace {

using ojson = nlohmann::ordered_json;

// Whole numbers as integers, so 24404 is written "24404", not "24404.0".
ojson number(double d) {
  if (std::isfinite(d) && std::floor(d) == d && std::fabs(d) < 9e15)
    return static_cast<long long>(d);
  return d;
}

// A logo or site path as an absolute URL.
std::string absolute_url(const SiteContext& ctx, const std::string& s) {
  if (s.empty() || s.find("://") != std::string::npos) return s;
  return ctx.absolute(s[0] == '/' ? s.substr(1) : s);
}

// FULL_TIME, PART_TIME, TEMPORARY, PER_DIEM in that order, each once.
std::vector<std::string> employment_types(const Vacancy& v) {
  bool full = false, part = false, term = false, temporary = false, per_diem = false;
  for (const auto& p : v.working_pattern) {
    if (p == "full-time") full = true;
    if (p == "part-time" || p == "job-share") part = true;
    if (p == "term-time") term = true;
  }
  // Term time only is part of the year: PART_TIME, unless the advert says
  // full time (full-time hours in term), which must not read as both.
  if (term && !full) part = true;
  if (v.contract == "fixed-term" || v.contract == "temporary") temporary = true;
  if (v.contract == "casual") temporary = per_diem = true;
  std::vector<std::string> out;
  if (full) out.push_back("FULL_TIME");
  if (part) out.push_back("PART_TIME");
  if (temporary) out.push_back("TEMPORARY");
  if (per_diem) out.push_back("PER_DIEM");
  return out;
}

std::string upper(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// The school, else the organisation, else the site's name.
std::string employer_name(const SiteContext& ctx, const School* school) {
  const SiteConfig& config = ctx.site->config;
  return school && !school->name.empty() ? school->name
         : !config.organisation_name.empty() ? config.organisation_name
                                             : config.title;
}

ojson hiring_organization(const SiteContext& ctx, const School* school) {
  const SiteConfig& config = ctx.site->config;
  ojson org;
  org["@type"] = "Organization";
  org["name"] = employer_name(ctx, school);
  std::string same_as = school && !school->website.empty() ? school->website : config.organisation_url;
  if (!same_as.empty()) org["sameAs"] = same_as;
  std::string logo = school && !school->logo.empty() ? school->logo : config.organisation_logo;
  if (!logo.empty()) org["logo"] = absolute_url(ctx, logo);
  return org;
}

ojson job_location(const School* school) {
  ojson address;
  address["@type"] = "PostalAddress";
  Address a = school ? school->address : Address{};
  if (!a.street.empty()) address["streetAddress"] = a.street;
  if (!a.locality.empty()) address["addressLocality"] = a.locality;
  if (!a.region.empty()) address["addressRegion"] = a.region;
  if (!a.postcode.empty()) address["postalCode"] = a.postcode;
  address["addressCountry"] = a.country.empty() ? "GB" : a.country;
  return {{"@type", "Place"}, {"address", address}};
}

ojson base_salary(const Salary& s) {
  ojson value;
  value["@type"] = "QuantitativeValue";
  if (s.min && s.max && *s.min != *s.max) {
    value["minValue"] = number(*s.min);
    value["maxValue"] = number(*s.max);
  } else {
    value["value"] = number(s.min ? *s.min : *s.max);
  }
  value["unitText"] = upper(s.period.empty() ? "year" : s.period);
  return {{"@type", "MonetaryAmount"}, {"currency", s.currency.empty() ? "GBP" : s.currency}, {"value", value}};
}

// The JSON in a script element. The description, the advert's whole text
// and most of the JSON, is written by json_string() into the place left
// for it, rather than by nlohmann's serializer (see json_text.h).
std::string script_element(const ojson& j, const std::string& description) {
  std::string text = script_safe(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  return "<script type=\"application/ld+json\">" +
         with_value(text, "description", json_string(description, true)) + "</script>";
}

}  // namespace

std::string job_posting_jsonld(const SiteContext& ctx, const Vacancy& v,
                               const std::string* description_html) {
  if (status_of(v, ctx.options.now) == Status::closed) return "";
  const School* school = ctx.school_of(v);
  ojson j;
  j["@context"] = "https://schema.org";
  j["@type"] = "JobPosting";
  j["title"] = v.title;
  j["description"] = "";  // filled in by script_element()
  j["datePosted"] = iso8601(v.posted);
  j["validThrough"] = iso8601(v.closes);
  j["hiringOrganization"] = hiring_organization(ctx, school);
  j["jobLocation"] = job_location(school);
  auto types = employment_types(v);
  if (types.size() == 1) j["employmentType"] = types[0];
  else if (!types.empty()) j["employmentType"] = types;
  if (v.salary && (v.salary->min || v.salary->max)) j["baseSalary"] = base_salary(*v.salary);
  if (!v.reference.empty())
    j["identifier"] = {{"@type", "PropertyValue"}, {"name", employer_name(ctx, school)}, {"value", v.reference}};
  j["directApply"] = false;
  j["url"] = ctx.absolute(vacancy_path(v));
  return script_element(j, description_html ? *description_html : vacancy_body_html(ctx, v));
}
