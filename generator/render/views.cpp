// Model -> template data; see views.h.
#include "render/views.h"

#include <algorithm>

#include "base/clock.h"
#include "markdown/markdown.h"
#include "base/vocabulary.h"
#include "render/pay.h"

Data object() { return Data(Data::type::object); }
Data list() { return Data(Data::type::list); }
Data text(const std::string& s) { return Data(s); }

void put(Data& d, const std::string& key, const std::string& value) {
  if (!value.empty()) d.set(key, Data(value));
}
void put(Data& d, const std::string& key, const char* value) { put(d, key, std::string(value)); }
void put(Data& d, const std::string& key, bool value) { d.set(key, Data(value)); }
void put(Data& d, const std::string& key, const Data& value) { d.set(key, value); }
void put(Data& d, const std::string& key, Data&& value) {
  d.set(key, Data(false));
  *const_cast<Data*>(d.get(key)) = std::move(value);  // the slot is ours; get() is only const
}
void push(Data& list, Data&& value) {
  const_cast<kainjow::mustache::list&>(list.list_value()).push_back(std::move(value));
}

std::string address_line(const Address& a) {
  std::string line;
  for (auto* part : {&a.street, &a.locality, &a.region, &a.postcode})
    if (!part->empty()) line += (line.empty() ? "" : ", ") + *part;
  return line;
}

std::string working_pattern_label(const Vacancy& v) {
  std::vector<std::string> labels;
  for (auto& p : v.working_pattern) labels.push_back(label_of(kWorkingPatterns, p));
  return join_sentence(labels);
}

std::string hours_text(const Vacancy& v) {
  if (!v.hours.per_week) return {};
  return format_number(*v.hours.per_week) + " hours a week";
}

static std::string clock_words(const std::string& hhmm) {
  if (hhmm.size() != 5) return hhmm;
  return time_words(std::stoi(hhmm.substr(0, 2)), std::stoi(hhmm.substr(3)));
}

std::string status_words(Status s, const Vacancy& v) {
  switch (s) {
    case Status::draft: return "Draft: not published";
    case Status::scheduled: return "Scheduled: goes live at " + datetime_words(*v.publish);
    case Status::closing_soon: return "Closing soon";
    case Status::closed: return "This vacancy has closed";
    default: return "Open";
  }
}

Data card_view(const SiteContext& ctx, const Vacancy& v) {
  Data d = object();
  put(d, "lang", ctx.text_language(v));
  const School* school = ctx.school_of(v);
  Status status = status_of(v, ctx.options.now);
  put(d, "title", v.title);
  put(d, "url", ctx.url(vacancy_path(v)));
  put(d, "school_name", school ? school->name : v.school);
  put(d, "school_url", ctx.url(school_path(v.school)));
  put(d, "locality", school ? school->address.locality : "");
  put(d, "summary", v.summary);
  put(d, "grade", v.grade);
  put(d, "salary_text", salary_text(v));
  put(d, "actual_pay_text", actual_pay_text(v));
  put(d, "contract_label", label_of(kContracts, v.contract));
  put(d, "working_pattern_label", working_pattern_label(v));
  put(d, "hours_text", hours_text(v));
  put(d, "closes_text", datetime_words(v.closes));
  put(d, "closes_iso", iso8601(v.closes));
  put(d, "closing_soon", status == Status::closing_soon);
  put(d, "closed", status == Status::closed);
  // Only in a preview (or a build with --drafts): so that nobody takes a
  // draft for a published advert.
  put(d, "unpublished", status == Status::draft || status == Status::scheduled);
  put(d, "status_text", status_words(status, v));
  put(d, "role_label", ctx.role_label(v.role));
  return d;
}

// "3 open vacancies", and in a preview "1 open vacancy, 1 draft, 1 scheduled":
// drafts and scheduled adverts are never counted as open.
static std::string count_words(const SiteContext& ctx, const std::vector<const Vacancy*>& vs,
                               const std::string& noun) {
  size_t drafts = 0, scheduled = 0;
  for (auto* v : vs) {
    Status s = status_of(*v, ctx.options.now);
    drafts += s == Status::draft;
    scheduled += s == Status::scheduled;
  }
  std::string plural = noun.substr(0, noun.size() - 1) + "ies";  // vacancy -> vacancies
  std::string words = counted(vs.size() - drafts - scheduled, noun, plural);
  if (drafts) words += ", " + counted(drafts, "draft");
  if (scheduled) words += ", " + std::to_string(scheduled) + " scheduled";
  return words;
}

void add_cards(const SiteContext& ctx, const std::vector<const Vacancy*>& vs,
               Data& into, const std::string& noun) {
  add_cards(ctx, vs, into, noun, vs);
}

void add_cards(const SiteContext& ctx, const std::vector<const Vacancy*>& vs, Data& into,
               const std::string& noun, const std::vector<const Vacancy*>& shown) {
  Data cards = list();
  for (auto* v : shown) {
    Data card = object();
    put(card, "card_html", ctx.listing(*v).card_html);
    push(cards, std::move(card));
  }
  put(into, "vacancies", std::move(cards));
  put(into, "has_vacancies", !vs.empty());
  put(into, "count_text", count_words(ctx, vs, noun));
}

static void add_other(Data& other, const std::string& label, const std::string& value_html) {
  Data d = object();
  put(d, "label", label);
  put(d, "value_html", value_html);
  push(other, std::move(d));
}

static std::string yes_no(const std::optional<bool>& b, const std::string& yes,
                          const std::string& no) {
  return escape_html(*b ? yes : no);
}

static Data schedule_view(const Vacancy& v) {
  Data schedule = list();
  for (auto& slot : v.hours.schedule) {
    Data row = object();
    std::vector<std::string> days;
    for (auto& day : slot.days) days.push_back(label_of(kDays, day));
    put(row, "days_label", join_words(days));
    put(row, "start_text", clock_words(slot.start));
    put(row, "end_text", clock_words(slot.end));
    put(row, "start_iso", slot.start);
    put(row, "end_iso", slot.end);
    push(schedule, std::move(row));
  }
  return schedule;
}

static Data hours_view(const Vacancy& v) {
  Data hours = object();
  put(hours, "per_week_text", hours_text(v));
  put(hours, "weeks", v.hours.weeks);
  put(hours, "notes", v.hours.notes);
  put(hours, "has_schedule", !v.hours.schedule.empty());
  put(hours, "caption", "Working hours for " + v.title);
  put(hours, "schedule", schedule_view(v));
  return hours;
}

static Data apply_view(const Vacancy& v) {
  Data apply = object();
  put(apply, "has_url", !v.apply.url.empty());
  put(apply, "url", v.apply.url);
  put(apply, "has_email", !v.apply.email.empty());
  put(apply, "email", v.apply.email);
  put(apply, "instructions", v.apply.instructions);
  return apply;
}

static Data documents_view(const SiteContext& ctx, const Vacancy& v) {
  Data documents = list();
  for (auto& doc : v.documents) {
    Data item = object();
    put(item, "title", doc.title);
    put(item, "url", ctx.url(doc.file));
    std::string ext = doc.file.substr(doc.file.rfind('.') + 1);
    for (auto& c : ext) c = static_cast<char>(toupper(static_cast<unsigned char>(c)));
    put(item, "type", ext);
    auto f = ctx.files.find(doc.file);
    put(item, "size_text", f != ctx.files.end() ? format_size(f->second->size) : "");
    push(documents, std::move(item));
  }
  return documents;
}

static Data safeguarding_view(const Vacancy& v) {
  Data safeguarding = object();
  put(safeguarding, "check_label", label_of(kSafeguardingChecks, v.safeguarding_check));
  put(safeguarding, "statement", v.safeguarding_statement);
  return safeguarding;
}

// The "Other requirements" rows: only those the advert answers.
static Data other_view(const Vacancy& v) {
  Data other = list();
  if (v.politically_restricted)
    add_other(other, "Politically restricted post",
              yes_no(v.politically_restricted,
                     "Yes: the postholder may not take part in certain political activities",
                     "No"));
  if (v.english_fluency_required)
    add_other(other, "Spoken English",
              yes_no(v.english_fluency_required,
                     "Fluent spoken English is essential for this role (Part 7 of the Immigration Act 2016)",
                     "No fluency requirement under Part 7 of the Immigration Act 2016"));
  if (!v.physical_requirements.empty()) {
    std::string items = "<ul>";
    for (auto& p : v.physical_requirements)
      items += "<li>" + escape_html(label_of(kPhysicalRequirements, p)) + "</li>";
    add_other(other, "Physical requirements", items + "</ul>");
  }
  if (v.safety_critical)
    add_other(other, "Safety-critical post",
              yes_no(v.safety_critical, "Yes: a pre-employment medical assessment is needed", "No"));
  if (v.visa_sponsorship)
    add_other(other, "Visa sponsorship",
              yes_no(v.visa_sponsorship, "We can sponsor a Skilled Worker visa for this post",
                     "We cannot sponsor a visa for this post"));
  if (v.suitable_for_early_career_teachers)
    add_other(other, "Early career teachers",
              yes_no(v.suitable_for_early_career_teachers, "Suitable for early career teachers",
                     "Not suitable for early career teachers"));
  return other;
}

// The person specification, with its table rendered once for the vacancy
// page and the print view alike.
static Data vacancy_spec_view(const SiteContext& ctx, const Vacancy& v, std::set<std::string>& seen) {
  Data spec = spec_view(ctx, *v.spec, v.title, seen);
  put(spec, "lang", ctx.text_language(v));
  if (ctx.theme) put(spec, "table_html", ctx.theme->render("person_spec", spec));
  return spec;
}

// The dates, place and pay the key facts show beyond the card's.
static void add_facts(const SiteContext& ctx, const Vacancy& v, Data& d) {
  const School* school = ctx.school_of(v);
  put(d, "reference", v.reference);
  put(d, "posted_text", date_words(v.posted));
  put(d, "posted_iso", iso8601(v.posted));
  auto starts = parse_datetime(v.starts);
  put(d, "starts_text", starts ? date_words(to_time(*starts, false)) : v.starts);
  put(d, "starts_lang", starts ? "" : ctx.text_language(v));  // the school's words, not a date
  if (school) put(d, "school_address", address_line(school->address));
  put(d, "salary_note", v.salary ? v.salary->note : "");
  put(d, "reports_to", v.reports_to);
  put(d, "hours", hours_view(v));
  // Notes alone are worth a row too; an advert with none of these has no Hours row.
  put(d, "has_hours", v.hours.per_week || !v.hours.weeks.empty() || !v.hours.schedule.empty() ||
                          !v.hours.notes.empty());
}

// Where the page's links lead: itself, the calendar file, print view and checklist.
static void add_links(const SiteContext& ctx, const Vacancy& v, Data& d) {
  put(d, "canonical_url", ctx.absolute(vacancy_path(v)));
  std::string base = ctx.url(vacancy_path(v));
  put(d, "ics_url", base + "closing-date.ics");
  put(d, "print_url", base + "person-specification/");
  put(d, "checklist_url", base + "prepare/");
}

Data vacancy_view(const SiteContext& ctx, const Vacancy& v, std::set<std::string>& seen,
                  std::string* plain_body) {
  Data d = card_view(ctx, v);
  add_facts(ctx, v, d);
  put(d, "body_html", vacancy_body_html(ctx, v, &seen, plain_body));
  if (v.spec) put(d, "spec", vacancy_spec_view(ctx, v, seen));
  put(d, "apply", apply_view(v));
  put(d, "documents", documents_view(ctx, v));
  put(d, "has_documents", !v.documents.empty());
  put(d, "safeguarding", safeguarding_view(v));
  Data other = other_view(v);
  put(d, "has_other", !other.is_empty_list());
  put(d, "other", std::move(other));
  add_links(ctx, v, d);
  Status status = status_of(v, ctx.options.now);
  put(d, "banner", status == Status::draft || status == Status::scheduled ? status_words(status, v) : "");
  return d;
}

Data school_view(const SiteContext& ctx, const School& s) {
  Data d = object();
  put(d, "name", s.name);
  put(d, "address", address_line(s.address));
  put(d, "phase_label", label_of(kPhases, s.phase));
  put(d, "website", s.website);
  put(d, "description", s.description);
  put(d, "employer", s.employer);
  put(d, "urn", s.urn);
  put(d, "url", ctx.url(school_path(s.id)));
  return d;
}

Data standard_view(const SiteContext& ctx, const Standard& s) {
  Data d = object();
  put(d, "title", s.title);
  put(d, "short_title", s.short_title);
  put(d, "publisher", s.publisher);
  put(d, "year", s.year);
  put(d, "introduction_html", markdown_to_html(s.introduction, {2}));
  Data units = list();
  for (auto& u : s.units) {
    Data unit = object();
    put(unit, "id", u.id);
    put(unit, "anchor", "unit-" + anchor_of(u.id));
    put(unit, "title", u.title);
    put(unit, "about_html", markdown_to_html(u.about, {3}));
    Data who = list();
    for (auto& w : u.who_for) push(who, text(w));
    put(unit, "who_for", std::move(who));
    Data criteria = list();
    for (auto& c : u.criteria) {
      Data cd = object();
      put(cd, "anchor", citation_anchor(u.id, c.code));
      put(cd, "code", c.code);
      put(cd, "text", c.text);
      Data knowledge = list();
      for (auto& k : c.knowledge) {
        Data kd = object();
        put(kd, "anchor", citation_anchor(u.id, k.code));
        put(kd, "code", k.code);
        put(kd, "text", k.text);
        put(kd, "note", k.note);
        push(knowledge, std::move(kd));
      }
      put(cd, "knowledge", std::move(knowledge));
      push(criteria, std::move(cd));
    }
    put(unit, "criteria", std::move(criteria));
    push(units, std::move(unit));
  }
  put(d, "units", std::move(units));
  Data citing = list();
  auto it = ctx.citing.find(s.id);
  if (it != ctx.citing.end())
    for (auto* v : it->second) {
      Data c = object();
      put(c, "title", v->title);
      put(c, "url", ctx.url(vacancy_path(*v)));
      const School* school = ctx.school_of(*v);
      put(c, "school_name", school ? school->name : "");
      push(citing, std::move(c));
    }
  put(d, "citing", std::move(citing));
  put(d, "has_citing", it != ctx.citing.end() && !it->second.empty());
  return d;
}
