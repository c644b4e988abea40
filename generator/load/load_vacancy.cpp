// Loading one advert: content/vacancies/<slug>.md, YAML front matter between
// --- lines, then the Markdown job description.
#include "base/clock.h"
#include "load/load.h"
#include "load/source.h"
#include "base/salary_text.h"
#include "base/text.h"
#include "base/vocabulary.h"

static const std::vector<std::string> kVacancyKeys = {
    "title", "school", "role", "spec", "person_specification", "summary",
    "reference", "grade", "salary", "contract", "working_pattern", "hours",
    "reports_to", "posted", "closes", "starts", "apply", "documents",
    "safeguarding", "politically_restricted", "visa_sponsorship",
    "suitable_for_early_career_teachers", "english_fluency_required",
    "safety_critical", "physical_requirements", "draft", "publish", "language",
    "welsh_language"};

// A date or date-time key. A date alone is the start of the day, or its end
// for `closes` (the contract: "a date alone means the end of that day").
static std::optional<Time> read_time(MapReader& m, const std::string& key,
                                     bool required, bool end_of_day,
                                     Diagnostics& diags) {
  auto text = m.text(key, required);
  if (text.empty()) return std::nullopt;
  auto parsed = parse_datetime(text);
  if (!parsed) {
    // "18/01/2027": the same date in the form to type.
    auto form = contract_form(text);
    std::string advice = form ? "write it as " + *form + " (the year, then the month, then the day" +
                                    (form->size() > 10 ? ", then the time on the 24-hour clock)" : ")")
                              : "write it as 2026-12-05 or 2026-12-05T12:00 (a real date, and a time "
                                "from 00:00 to 23:59)";
    diags.error(m.mark(key), with_quote_advice("'" + key + "' is not a valid date and time: '" + text +
                                                   "'; " + advice, text));
    return std::nullopt;
  }
  auto check = check_local_time(*parsed, end_of_day);
  if (check.kind == LocalTimeCheck::Kind::skipped) {
    diags.error(m.mark(key), "'" + key + "' is " + text + ", but " + check.words +
                                 "; give a time before " + check.from + " or from " + check.to);
    return std::nullopt;
  }
  if (check.kind == LocalTimeCheck::Kind::twice)
    diags.warning(m.mark(key), "'" + key + "' is " + text + ", and " + check.words +
                                   ", write " + text + check.other_offset);
  return to_time(*parsed, end_of_day);
}

static bool is_clock_time(const std::string& s) {
  auto digit = [&](size_t i) { return s[i] >= '0' && s[i] <= '9'; };
  return s.size() == 5 && digit(0) && digit(1) && s[2] == ':' && digit(3) &&
         digit(4) && (s[0] - '0') * 10 + (s[1] - '0') < 24 && s[3] < '6';
}

static void read_hours(const YamlNode& node, const YamlFile& file,
                       Hours& hours, Diagnostics& diags) {
  MapReader h(node, file, diags, {"per_week", "paid_weeks", "weeks", "schedule", "notes"}, "'hours'");
  if (!h.ok()) return;
  hours.per_week = h.number("per_week");
  hours.paid_weeks = h.number("paid_weeks");
  if (hours.paid_weeks && (*hours.paid_weeks <= 0 || *hours.paid_weeks > 53))
    diags.error(h.mark("paid_weeks"), "'paid_weeks' should be the number of weeks paid a year, from 1 to 52");
  hours.weeks = h.text("weeks");
  hours.notes = h.text("notes");
  for (auto& slot_node : h.list("schedule")) {
    MapReader s(slot_node, file, diags, {"days", "start", "end"}, "a schedule line");
    if (!s.ok()) continue;
    TimeSlot slot;
    std::vector<Mark> marks;
    slot.days = s.text_list("days", &marks);
    for (size_t i = 0; i < slot.days.size(); ++i)
      check_word(slot.days[i], kDays, "day", marks[i], diags);
    if (slot.days.empty()) s.require("days");
    slot.start = s.text("start", true);
    slot.end = s.text("end", true);
    for (auto [key, v] : {std::pair{"start", &slot.start}, std::pair{"end", &slot.end}})
      if (!v->empty() && !is_clock_time(*v))
        diags.error(s.mark(key), with_quote_advice(std::string("'") + key +
                                                       "' should be a 24-hour time like \"08:40\", not '" +
                                                       *v + "'", *v));
    if (is_clock_time(slot.start) && is_clock_time(slot.end) && slot.end <= slot.start)
      diags.error(s.mark("end"), "the day ends (" + slot.end + ") before it starts (" + slot.start +
                                     "): times are on the 24-hour clock, so 3:30pm is \"15:30\"");
    hours.schedule.push_back(slot);
  }
}

// `actual: {min, max}`: the pay a year of a part-time or term-time post.
static void read_actual_pay(const YamlNode& node, const YamlFile& file,
                            Salary& salary, Diagnostics& diags) {
  MapReader a(node, file, diags, {"min", "max"}, "'salary.actual'");
  if (!a.ok()) return;
  salary.actual_min = a.number("min");
  salary.actual_max = a.number("max");
  if (!salary.actual_min && !salary.actual_max)
    diags.error(a.mark(), "'actual' needs a min or a max: the pay a year for the post's hours and weeks");
  if (salary.actual_min && salary.actual_max && *salary.actual_min > *salary.actual_max)
    diags.error(a.mark("min"), "the actual pay's minimum (" + format_number(*salary.actual_min) +
                                   ") is above its maximum (" + format_number(*salary.actual_max) +
                                   "): swap them, so that min: has the lower figure");
  for (auto v : {salary.actual_min, salary.actual_max})
    if (v && *v < 0) diags.error(a.mark(), "pay cannot be negative");
}

static void read_salary(const YamlNode& node, const YamlFile& file,
                        Salary& salary, Diagnostics& diags) {
  if (node.is_scalar()) {  // "£24,000 - £26,000", as a Word document words it
    auto figures = salary_figures(node.text);
    diags.error(mark_of(file, node),
                "'salary' should be figures, not words: write " +
                    (figures ? salary_line(*figures)
                             : "it in this shape, with your own figures: "
                               "salary: { min: 24000, max: 26000, currency: GBP, period: year }") +
                    " (the numbers alone, without £ or commas; words such as \"pro rata\" can go in "
                    "note: \"...\" inside the braces)");
    return;
  }
  MapReader s(node, file, diags, {"min", "max", "currency", "period", "note", "actual"}, "'salary'");
  if (!s.ok()) return;
  salary.min = s.number("min");
  salary.max = s.number("max");
  if (s.has("currency")) salary.currency = s.text("currency");
  if (salary.currency.size() != 3)
    diags.error(s.mark("currency"), "'currency' should be a three-letter code such as GBP");
  if (s.has("period")) {
    salary.period = s.text("period");
    check_word(salary.period, kSalaryPeriods, "salary period", s.mark("period"), diags);
  }
  salary.note = s.text("note");
  if (!salary.min && !salary.max && salary.note.empty())
    diags.error(s.mark(), "'salary' needs a min, a max or a note");
  if (salary.min && salary.max && *salary.min > *salary.max)
    diags.error(s.mark("min"), "the salary minimum (" + format_number(*salary.min) + ") is above the maximum (" +
                                   format_number(*salary.max) + "): swap them, so that min: has the lower figure");
  for (auto v : {salary.min, salary.max})
    if (v && *v < 0) diags.error(s.mark(), "a salary cannot be negative");
  if (s.has("actual")) read_actual_pay(s.get("actual"), file, salary, diags);
}

static void read_apply(const YamlNode& node, const YamlFile& file,
                       Apply& apply, Diagnostics& diags) {
  MapReader a(node, file, diags, {"url", "email", "instructions"}, "'apply'");
  if (!a.ok()) return;
  apply.url = a.text("url");
  if (!apply.url.empty()) check_url(apply.url, a.mark("url"), diags);
  apply.email = a.text("email");
  if (!apply.email.empty()) check_email(apply.email, a.mark("email"), diags);
  apply.instructions = a.text("instructions");
}

// The words of the advert: title, school, role and the other one-line facts.
static void read_words(MapReader& m, Vacancy& v, Diagnostics& diags) {
  v.title = m.text("title", true);
  v.school = m.text("school", true);
  v.role = m.text("role", true);
  v.school_mark = m.mark("school");
  v.role_mark = m.mark("role");
  v.closes_mark = m.mark("closes");
  v.summary = m.text("summary");
  v.reference = m.text("reference");
  v.grade = m.text("grade");
  v.reports_to = m.text("reports_to");
  v.starts = m.text("starts");
  v.language = m.text("language");
  if (m.has("language")) check_language(v.language, m.mark("language"), diags);
}

// `spec: id` or a specification written inside the advert, not both.
static void read_spec(MapReader& m, const YamlFile& file, Vacancy& v, Diagnostics& diags) {
  if (m.has("spec") && m.has("person_specification"))
    diags.error(m.mark("person_specification"),
                "give either 'spec' or 'person_specification', not both");
  v.spec_id = m.text("spec");
  v.spec_mark = m.mark(m.has("spec") ? "spec" : "person_specification");
  if (!m.has("person_specification")) return;
  if (auto spec = parse_spec_node(m.get("person_specification"), file, diags)) {
    if (spec->title.empty()) spec->title = v.title;
    v.spec = std::make_shared<const PersonSpec>(std::move(*spec));
  }
}

// Pay, contract, working pattern and hours.
static void read_terms(MapReader& m, const YamlFile& file, Vacancy& v, Diagnostics& diags) {
  if (m.has("salary")) {
    Salary salary;
    read_salary(m.get("salary"), file, salary, diags);
    v.salary = salary;
  }
  v.contract = m.text("contract");
  if (!v.contract.empty())
    check_word(v.contract, kContracts, "contract", m.mark("contract"), diags);
  v.working_pattern = read_word_list(m, "working_pattern", kWorkingPatterns, "working pattern", diags);
  if (m.has("hours")) read_hours(m.get("hours"), file, v.hours, diags);
}

static void read_dates(MapReader& m, Vacancy& v, Diagnostics& diags) {
  auto posted = read_time(m, "posted", true, false, diags);
  auto closes = read_time(m, "closes", true, true, diags);
  v.publish = read_time(m, "publish", false, false, diags);
  if (posted) v.posted = *posted;
  if (closes) v.closes = *closes;
  if (posted && closes && *closes <= *posted)
    diags.error(m.mark("closes"), "the advert closes (" + iso_date(*closes) + ") before it is posted (" +
                                      iso_date(*posted) + "): check both dates; closes: should be the later one");
}

// How to apply, the documents, safeguarding and the yes/no facts.
static void read_application(MapReader& m, const YamlFile& file, Vacancy& v, Diagnostics& diags) {
  if (m.has("apply")) read_apply(m.get("apply"), file, v.apply, diags);
  for (auto& d : m.list("documents")) {
    MapReader doc(d, file, diags, {"title", "file"}, "a document");
    if (!doc.ok()) continue;
    v.documents.push_back({doc.text("title", true), doc.text("file", true), doc.mark("file")});
  }
  if (m.has("safeguarding")) {
    MapReader s(m.get("safeguarding"), file, diags, {"check", "statement"}, "'safeguarding'");
    v.safeguarding_check = s.text("check");
    if (!v.safeguarding_check.empty())
      check_word(v.safeguarding_check, kSafeguardingChecks, "safeguarding check", s.mark("check"), diags);
    v.safeguarding_statement = s.text("statement");
  }
  v.politically_restricted = m.flag("politically_restricted");
  v.visa_sponsorship = m.flag("visa_sponsorship");
  v.suitable_for_early_career_teachers = m.flag("suitable_for_early_career_teachers");
  v.english_fluency_required = m.flag("english_fluency_required");
  v.safety_critical = m.flag("safety_critical");
  v.physical_requirements = read_word_list(m, "physical_requirements", kPhysicalRequirements,
                                            "physical requirement", diags);
  v.welsh_language = m.text("welsh_language");
  if (!v.welsh_language.empty())
    check_word(v.welsh_language, kWelshLanguageLevels, "welsh_language level",
               m.mark("welsh_language"), diags);
}

std::optional<Vacancy> parse_vacancy(const std::string& text,
                                     const std::string& path,
                                     Diagnostics& diags) {
  auto fm = split_front_matter(text, path, diags);
  if (!fm) return std::nullopt;
  YamlFile file{path, fm->yaml_line, fm->yaml};
  auto root = parse_yaml(fm->yaml, file, diags);
  if (!root) return std::nullopt;
  MapReader m(*root, file, diags, kVacancyKeys, "an advert");
  if (!m.ok()) return std::nullopt;
  Vacancy v;
  v.slug = stem_of(path);
  v.mark = {path, 1, 1};
  // In the order of the contract, so that messages come in the file's order.
  read_words(m, v, diags);
  read_spec(m, file, v, diags);
  read_terms(m, file, v, diags);
  read_dates(m, v, diags);
  read_application(m, file, v, diags);
  v.draft = m.flag("draft").value_or(false);
  v.body = fm->body;
  v.body_line = fm->body_line;
  return v;
}
