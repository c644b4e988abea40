// Model -> template data; see views.h.
#include "render/views.h"

#include <algorithm>

#include "base/clock.h"
#include "markdown/markdown.h"
#include "base/vocabulary.h"
#include "render/pay.h"
#include "render/words_text.h"

Data object() { return Data(Data::type::object); }
Data list() { return Data(Data::type::list); }
Data text(const std::string& s) { return Data(s); }
Data text(std::string&& s) {
  Data d(Data::type::string);
  const_cast<std::string&>(d.string_value()) = std::move(s);  // the string is ours; string_value() is only const
  return d;
}

// kainjow's Data gives no way to an object's map, so this reaches its
// private member: an explicit instantiation may name one (C++20
// [temp.spec]/6), and the friend it defines hands the member pointer out.
namespace {
struct ObjectTag {
  using type = std::unique_ptr<DataObject> Data::*;
  friend type member(ObjectTag);
};
template <class Tag, typename Tag::type M>
struct Reach {
  friend typename Tag::type member(Tag) { return M; }
};
template struct Reach<ObjectTag, &Data::obj_>;
}  // namespace

const DataObject& object_of(const Data& d) { return *(d.*member(ObjectTag{})); }

// kainjow's set() looks the name up, copies the value, and looks it up
// again to insert it: a value is moved into its slot instead, in one
// lookup (a text copied was two allocations, and a spec table has
// thousands of values).
void put(Data& d, const std::string& key, Data&& value) {
  if (d.is_object()) (d.*member(ObjectTag{}))->insert_or_assign(key, std::move(value));
}
void put(Data& d, const std::string& key, const std::string& value) {
  if (!value.empty()) put(d, key, Data(value));
}
void put(Data& d, const std::string& key, std::string&& value) {
  if (!value.empty()) put(d, key, text(std::move(value)));
}
void put(Data& d, const std::string& key, const char* value) { put(d, key, std::string(value)); }
void put(Data& d, const std::string& key, bool value) { put(d, key, Data(value)); }
void put(Data& d, const std::string& key, const Data& value) { put(d, key, Data(value)); }
// kainjow's Data has a move constructor not marked noexcept, so a vector of
// them that grows by itself copies every item across, deeply: a section
// with all its criteria each time the list of sections grew. Grown here by
// moving instead.
void push(Data& list, Data&& value) {
  auto& items = const_cast<kainjow::mustache::list&>(list.list_value());
  if (items.size() == items.capacity()) {
    kainjow::mustache::list bigger;
    bigger.reserve(std::max<size_t>(4, 2 * items.size()));
    for (auto& item : items) bigger.push_back(std::move(item));  // room made: moved, not copied
    items.swap(bigger);
  }
  items.push_back(std::move(value));
}

std::string address_line(const Address& a) {
  std::string line;
  for (auto* part : {&a.street, &a.locality, &a.region, &a.postcode})
    if (!part->empty()) line += (line.empty() ? "" : ", ") + *part;
  return line;
}

std::string working_pattern_label(const Vacancy& v, const Words& w) {
  std::vector<std::string> labels;
  for (auto& p : v.working_pattern) labels.push_back(label_in(w, "working_patterns", p));
  return join_list(labels, w, true);
}

std::string hours_text(const Vacancy& v, const Words& w) {
  if (!v.hours.per_week) return {};
  return w.fill("pay.hours_a_week", {{"n", format_number(*v.hours.per_week)}});
}

std::string status_words(Status s, const Vacancy& v, const Words& w) {
  switch (s) {
    case Status::draft: return w["status.draft"];
    case Status::scheduled: return w.fill("status.scheduled", {{"when", datetime_words(*v.publish, w)}});
    case Status::closing_soon: return w["status.closing_soon"];
    case Status::closed: return w["status.has_closed"];
    default: return w["status.open"];
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
  const Words& w = ctx.w();
  // "Grade 4" needs no "Grade:" before it; "Scale 3, SCP 5-6" does.
  if (!v.grade.empty()) {
    std::string label = lower_ascii(w["facts.grade"]);
    label = label.substr(0, label.find_first_of(": "));
    put(d, "grade_named", !label.empty() && lower_ascii(v.grade.substr(0, v.grade.find(' '))) == label);
  }
  put(d, "salary_text", salary_text(v, w));
  put(d, "actual_pay_text", actual_pay_text(v, w));
  put(d, "contract_label", label_in(w, "contracts", v.contract));
  put(d, "working_pattern_label", working_pattern_label(v, w));
  put(d, "hours_text", hours_text(v, w));
  put(d, "closes_text", datetime_words(v.closes, w));
  put(d, "closes_iso", iso8601(v.closes));
  put(d, "closing_soon", status == Status::closing_soon);
  put(d, "closed", status == Status::closed);
  // Only in a preview (or a build with --drafts): so that nobody takes a
  // draft for a published advert.
  put(d, "unpublished", status == Status::draft || status == Status::scheduled);
  put(d, "status_text", status_words(status, v, w));
  put(d, "role_label", ctx.role_label(v.role));
  put(d, "one_language", v.one_language);  // a bilingual site's advert with no translation
  return d;
}

// "3 open vacancies", and in a preview "1 open vacancy, 1 draft, 1 scheduled":
// drafts and scheduled adverts are never counted as open.
std::string count_words(const SiteContext& ctx, const std::vector<const Vacancy*>& vs,
                        const std::string& counts) {
  size_t drafts = 0, scheduled = 0;
  for (auto* v : vs) {
    Status s = status_of(*v, ctx.options.now);
    drafts += s == Status::draft;
    scheduled += s == Status::scheduled;
  }
  const Words& w = ctx.w();
  std::string words = w.count(vs.size() - drafts - scheduled, counts);
  if (drafts) words += ", " + w.count(drafts, "counts.drafts");
  if (scheduled) words += ", " + w.count(scheduled, "counts.scheduled");
  return words;
}

void add_cards(const SiteContext& ctx, const std::vector<const Vacancy*>& shown, bool any,
               const std::string& count_text, Data& into) {
  Data cards = list();
  for (auto* v : shown) {
    Data card = object();
    put(card, "card_html", ctx.listing(*v).card_html.str());
    push(cards, std::move(card));
  }
  put(into, "vacancies", std::move(cards));
  put(into, "has_vacancies", any);
  put(into, "count_text", count_text);
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

static Data schedule_view(const Vacancy& v, const Words& w) {
  Data schedule = list();
  for (auto& slot : v.hours.schedule) {
    Data row = object();
    std::vector<std::string> days;
    for (auto& day : slot.days) days.push_back(w["weekdays." + day]);
    put(row, "days_label", join_list(days, w));
    put(row, "start_text", clock_words(slot.start, w));
    put(row, "end_text", clock_words(slot.end, w));
    put(row, "start_iso", slot.start);
    put(row, "end_iso", slot.end);
    push(schedule, std::move(row));
  }
  return schedule;
}

static Data hours_view(const Vacancy& v, const Words& w) {
  Data hours = object();
  put(hours, "per_week_text", hours_text(v, w));
  put(hours, "weeks", v.hours.weeks);
  put(hours, "notes", v.hours.notes);
  put(hours, "has_schedule", !v.hours.schedule.empty());
  put(hours, "caption", w.fill("pay.working_hours_for", {{"title", v.title}}));
  put(hours, "schedule", schedule_view(v, w));
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

static Data safeguarding_view(const Vacancy& v, const Words& w) {
  Data safeguarding = object();
  put(safeguarding, "check_label", label_in(w, "checks", v.safeguarding_check));
  put(safeguarding, "statement", v.safeguarding_statement);
  return safeguarding;
}

// The "Other requirements" rows: only those the advert answers.
static Data other_view(const Vacancy& v, const Words& w) {
  Data other = list();
  const std::string& no = w["other.no"];
  if (v.politically_restricted)
    add_other(other, w["other.politically_restricted"],
              yes_no(v.politically_restricted, w["other.politically_restricted_yes"], no));
  if (v.english_fluency_required)
    add_other(other, w["other.spoken_english"],
              yes_no(v.english_fluency_required, w["other.english_yes"], w["other.english_no"]));
  if (!v.physical_requirements.empty()) {
    std::string items = "<ul>";
    for (auto& p : v.physical_requirements)
      items += "<li>" + escape_html(label_in(w, "physical", p)) + "</li>";
    add_other(other, w["other.physical_requirements"], items + "</ul>");
  }
  if (v.safety_critical)
    add_other(other, w["other.safety_critical"],
              yes_no(v.safety_critical, w["other.safety_critical_yes"], no));
  if (v.visa_sponsorship)
    add_other(other, w["other.visa_sponsorship"],
              yes_no(v.visa_sponsorship, w["other.visa_yes"], w["other.visa_no"]));
  if (v.suitable_for_early_career_teachers)
    add_other(other, w["other.early_career"],
              yes_no(v.suitable_for_early_career_teachers, w["other.early_career_yes"],
                     w["other.early_career_no"]));
  return other;
}

// The specification, with a "Welsh language" section of one criterion when
// the advert says Welsh is essential or desirable (welsh_language:).
static const PersonSpec& with_welsh_language(const Words& w, const Vacancy& v) {
  if (v.welsh_language != "essential" && v.welsh_language != "desirable") return *v.spec;
  thread_local PersonSpec spec;
  spec = *v.spec;
  Criterion c;
  c.text = w["spec.welsh_criterion"];
  c.level = v.welsh_language;
  for (auto& [id, label] : spec.assessment_methods)
    if (id == "interview") c.assessed = {"interview"};
  Section s;
  s.name = w["spec.welsh_section"];
  s.criteria.push_back(c);
  spec.sections.push_back(s);
  return spec;
}

// The person specification, with its table rendered once for the vacancy
// page and the print view alike.
static Data vacancy_spec_view(const SiteContext& ctx, const Vacancy& v, std::set<std::string>& seen) {
  Data spec = spec_view(ctx, with_welsh_language(ctx.w(), v), v.title, seen);
  put(spec, "lang", ctx.text_language(v));
  if (ctx.theme) put(spec, "table_html", ctx.theme->render("person_spec", spec, ctx.words));
  return spec;
}

// The dates, place and pay the key facts show beyond the card's.
static void add_facts(const SiteContext& ctx, const Vacancy& v, Data& d) {
  const School* school = ctx.school_of(v);
  put(d, "reference", v.reference);
  const Words& w = ctx.w();
  put(d, "posted_text", date_words(v.posted, w));
  put(d, "posted_iso", iso8601(v.posted));
  auto starts = parse_datetime(v.starts);
  put(d, "starts_text", starts ? date_words(to_time(*starts, false), w) : v.starts);
  put(d, "starts_lang", starts ? "" : ctx.text_language(v));  // the school's words, not a date
  if (school) put(d, "school_address", address_line(school->address));
  put(d, "salary_note", v.salary ? v.salary->note : "");
  put(d, "reports_to", v.reports_to);
  put(d, "hours", hours_view(v, w));
  put(d, "welsh_language_label", label_in(w, "welsh_levels", v.welsh_language));
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
  put(d, "safeguarding", safeguarding_view(v, ctx.w()));
  Data other = other_view(v, ctx.w());
  put(d, "has_other", !other.is_empty_list());
  put(d, "other", std::move(other));
  add_links(ctx, v, d);
  Status status = status_of(v, ctx.options.now);
  put(d, "banner", status == Status::draft || status == Status::scheduled ? status_words(status, v, ctx.w()) : "");
  return d;
}

Data school_view(const SiteContext& ctx, const School& s) {
  Data d = object();
  put(d, "name", s.name);
  put(d, "address", address_line(s.address));
  put(d, "phase_label", label_in(ctx.w(), "phases", s.phase));
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
