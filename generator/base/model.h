// The site as plain data: what loading produces and rendering consumes.
// Nothing here does any work but Sections, which a rebuild reads from the
// build cache only when first asked for (sections.cpp); every field is
// filled by load_*.cpp.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/diagnostics.h"
#include "base/text_ref.h"

// Seconds since 1970-01-01T00:00:00Z. Local times are converted on loading,
// in the site's timezone, so comparisons never need a timezone.
using Time = std::int64_t;

struct Address {
  std::string street, locality, region, postcode, country = "GB";
};

struct School {
  std::string id;
  Mark mark;
  std::string name, phase, urn, website, logo, employer, description;
  Address address;
};

struct Criterion {
  Mark mark;
  std::string text;
  std::string level;                  // "essential" or "desirable"
  std::vector<std::string> assessed;  // method ids; the section's default applied
  std::string note;
  std::vector<std::string> details;
  std::vector<std::string> standards;  // citations: "<standard>/<unit>/<code>"
  std::vector<Mark> standard_marks;    // where each citation is written
};

struct Section {
  Mark mark;
  std::string name, prompt, note;
  std::vector<Criterion> criteria;
};

// A specification's sections: a vector of them, except that those read
// from the build cache are read only when first asked for. A rebuild after
// a one-advert edit needs of the other 5,000 specifications only the
// standards they cite, and making their 150,000 criteria was a fifth of it.
// Asking is safe from many threads at once; a copy is always read.
class Sections {
 public:
  // Reads `bytes` into the sections (see cache_format.h).
  using Read = void (*)(std::string_view bytes, std::vector<Section>& into);

  Sections() = default;
  Sections(std::vector<Section> all) : all_(std::move(all)) {}
  // Sections read from `bytes` by `read` when first asked for; `cited` is
  // what cited_standards() says of them. `bytes` must outlive them.
  static Sections later(std::vector<std::string> cited, std::string_view bytes, Read read);
  Sections(const Sections& o) : all_(o.all()) {}
  Sections(Sections&&) noexcept = default;
  Sections& operator=(const Sections& o) { return *this = Sections(o); }
  Sections& operator=(Sections&&) noexcept = default;

  const std::vector<Section>& all() const;
  std::vector<Section>& all();
  // The bytes they would be read from, while they have not been.
  std::optional<std::string_view> unread() const;
  // The standards their criteria cite ("nos-stl" of "nos-stl/STL18/P3"),
  // each once, in order, without reading them.
  std::vector<std::string> cited_standards() const;

  // As a vector.
  auto begin() const { return all().begin(); }
  auto end() const { return all().end(); }
  auto begin() { return all().begin(); }
  auto end() { return all().end(); }
  size_t size() const { return all().size(); }
  bool empty() const { return all().empty(); }
  const Section& operator[](size_t i) const { return all()[i]; }
  Section& operator[](size_t i) { return all()[i]; }
  const Section& back() const { return all().back(); }
  Section& back() { return all().back(); }
  void push_back(Section s) { all().push_back(std::move(s)); }
  void reserve(size_t n) { all().reserve(n); }

 private:
  struct Later {
    std::vector<std::string> cited;
    std::string_view bytes;
    Read read = nullptr;
    std::once_flag once;
    std::atomic<bool> done{false};
  };
  mutable std::vector<Section> all_;
  std::shared_ptr<Later> later_;
};

struct PersonSpec {
  std::string id;  // empty for a spec written inline in an advert
  Mark mark;
  std::string title, introduction;
  // method id -> words, in legend order; the defaults when the file has none.
  std::vector<std::pair<std::string, std::string>> assessment_methods;
  Sections sections;
};

struct Knowledge {
  Mark mark;
  std::string code, text, note;
};

struct StandardCriterion {
  Mark mark;
  std::string code, text;
  std::vector<Knowledge> knowledge;
};

struct Unit {
  std::string id, title, about;
  std::vector<std::string> who_for;
  std::vector<StandardCriterion> criteria;
};

struct Standard {
  std::string id;
  Mark mark;
  std::string title, short_title, publisher, year, url, introduction;
  std::vector<Unit> units;
};

struct Salary {
  std::optional<double> min, max;
  std::string currency = "GBP", period = "year", note;
  // `actual: {min, max}`: what a part-time or term-time post really pays a
  // year, when the advert states it (min and max above are then full-time
  // equivalent figures).
  std::optional<double> actual_min, actual_max;
};

struct TimeSlot {
  std::vector<std::string> days;  // Mon .. Sun
  std::string start, end;         // "08:40"
};

struct Hours {
  std::optional<double> per_week;
  std::optional<double> paid_weeks;  // weeks paid a year, as a number (39, 44.4)
  std::string weeks, notes;
  std::vector<TimeSlot> schedule;
};

struct Apply {
  std::string url, email, instructions;
};

struct Document {
  std::string title, file;  // file relative to content/, e.g. files/form.docx
  Mark mark;
};

struct Vacancy {
  std::string slug;
  Mark mark;  // the file, line 1
  std::string title, school, role, summary, reference, grade;
  std::string language;  // of the school's own text, when not the site's ("cy")
  std::string spec_id;
  std::shared_ptr<const PersonSpec> spec;  // resolved: from specs/ or inline
  Mark spec_mark;
  Mark school_mark, role_mark, closes_mark;  // where those keys' values are
  std::optional<Salary> salary;
  std::string contract;
  std::vector<std::string> working_pattern;
  Hours hours;
  std::string reports_to;
  Time posted = 0, closes = 0;
  std::optional<Time> publish;
  std::string starts;  // a date as written (YYYY-MM-DD) or words
  Apply apply;
  std::vector<Document> documents;
  std::string safeguarding_check, safeguarding_statement;
  std::optional<bool> politically_restricted, visa_sponsorship,
      suitable_for_early_career_teachers, english_fluency_required,
      safety_critical;
  std::vector<std::string> physical_requirements;
  std::string welsh_language;  // essential | desirable | not-required, or ""
  bool draft = false;
  // On a bilingual site: the advert has no translation, so every language's
  // pages show its own words (rendering marks them with their language).
  bool one_language = false;
  Text body;  // Markdown (lent from the build cache when read from it)
  int body_line = 1;  // line of the file where the body starts
};

// The folders at the top of the output that Staffroom writes itself; a page
// (written at /<slug>/) may not take one of these names.
constexpr const char* kGeneratedFolders[] = {
    "archive", "files", "glossary", "roles", "schools", "standards", "vacancies",
    "working-patterns"};

struct Page {
  std::string slug;
  Mark mark;
  std::string title, description, body;
  int body_line = 1;
};

struct StaticFile {
  std::string relative;  // e.g. files/application-form.docx
  std::string source;    // absolute path
  std::uintmax_t size = 0;
};

// A bilingual site's settings in one language, where site.yaml gives them
// as {cy: ..., en-GB: ...}.
struct LanguageSettings {
  std::string title, description;
  std::map<std::string, std::string> roles;  // role id -> label
};

struct SiteConfig {
  std::string title = "Vacancies", description, base_url = "http://localhost/",
              language = "en-GB", timezone = "Europe/London", theme = "default";
  std::string organisation_name, organisation_url, organisation_logo;
  std::string contact_email, contact_phone;
  std::map<std::string, std::string> roles;  // role id -> label
  int per_page = 50;  // vacancy cards on one page of a list
  // `languages: [cy, en-GB]`: a bilingual site, the first the default (and
  // `language` set to it). Empty for a site in one language.
  std::vector<std::string> languages;
  Mark language_mark;  // where site.yaml gives the language(s)
  std::map<std::string, LanguageSettings> in_language;  // language ->
};

// One language's translations on a bilingual site (`languages:` in
// site.yaml): content/vacancies/<slug>.<lang>.md and the like. Each is whole:
// a translated advert holds the main file's facts with its own words.
struct Translations {
  std::map<std::string, Vacancy> vacancies;                        // slug ->
  std::map<std::string, std::shared_ptr<const PersonSpec>> specs;  // id ->
  std::map<std::string, Page> pages;                               // slug ->
  std::map<std::string, School> schools;                           // id ->
  // content/glossary.<lang>.yaml, when there is one: this language's whole glossary.
  std::optional<std::vector<std::pair<std::string, std::string>>> glossary;
};

struct Site {
  std::string root;  // the site folder
  SiteConfig config;
  std::map<std::string, School> schools;
  std::map<std::string, std::shared_ptr<const PersonSpec>> specs;
  std::map<std::string, Standard> standards;
  std::vector<std::pair<std::string, std::string>> glossary;  // abbr -> words
  std::vector<Vacancy> vacancies;  // sorted by slug
  std::vector<Page> pages;         // sorted by slug
  std::vector<StaticFile> files;   // content/files/, sorted
  std::map<std::string, Translations> translations;  // language -> (bilingual sites)
};
