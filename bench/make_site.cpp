// make_site: writes a synthetic Staffroom site (the content contract) and,
// optionally, the equivalent Hugo site, for bench/run to build and time.
//
//   make_site N STAFFROOM_DIR [--hugo HUGO_DIR] [--seed S] [--inline-specs] [--open K]
//
// N vacancies across 20 schools, each with a 30-criterion person
// specification in 5 sections (one spec file per vacancy by default, the
// realistic worst case; --inline-specs puts it in the front matter instead),
// a Markdown body of about 600-900 words, full front matter, a glossary and
// one standard. About one advert in seven has closed (the archive), unless
// --open K asks for K open adverts spread evenly among the N, the rest closed
// (bench/run asks for 10% open above 10,000 adverts: a national portal's
// archive). The Hugo site has the same vacancies with the same facts and
// the criteria as front-matter data; bench/run copies bench/hugo-theme/ in.
// Deterministic: the same N and seed give byte-identical files.
// Built by bench/run with the generator's calendar code:
//   g++ -std=c++20 -O2 -I generator -o make_site bench/make_site.cpp generator/clock.cpp
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "base/clock.h"

namespace fs = std::filesystem;
using std::string;
using std::vector;

// Its own School, Vacancy and the rest: model.h (through clock.h) has others.
namespace {

// ---------------------------------------------------------------- randomness
struct Rng {
  std::uint64_t s;
  std::uint64_t next() {  // splitmix64
    std::uint64_t z = (s += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  int range(int lo, int hi) { return lo + static_cast<int>(next() % static_cast<std::uint64_t>(hi - lo + 1)); }
  bool chance(int percent) { return range(1, 100) <= percent; }
  template <class T> const T& pick(const vector<T>& v) { return v[next() % v.size()]; }
};

// Distinct picks, in a stable order.
template <class T>
vector<T> pick_n(Rng& r, const vector<T>& pool, size_t n) {
  vector<size_t> idx(pool.size());
  for (size_t i = 0; i < idx.size(); ++i) idx[i] = i;
  for (size_t i = 0; i < n && i < idx.size(); ++i) std::swap(idx[i], idx[i + r.next() % (idx.size() - i)]);
  vector<T> out;
  for (size_t i = 0; i < n && i < idx.size(); ++i) out.push_back(pool[idx[i]]);
  return out;
}

// ---------------------------------------------------------------- text helpers
static string q(const string& s) {  // a double-quoted YAML scalar
  string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

static string slugify(const string& s) {
  string out;
  for (unsigned char c : s) {
    if (isalnum(c)) out += static_cast<char>(tolower(c));
    else if (!out.empty() && out.back() != '-') out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

static void write_file(const fs::path& p, const string& content) {
  fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary);
  out << content;
  if (!out) {
    std::cerr << "make_site: cannot write " << p << "\n";
    std::exit(1);
  }
}

// A day number (days since 1970-01-01) as YYYY-MM-DD, and back, through the
// generator's own calendar code (clock.cpp, compiled in by bench/run).
static string civil(long day) { return iso8601_utc(day * 86400L).substr(0, 10); }
static long day_of(const string& date) {
  return to_time(*parse_datetime(date + "T00:00Z"), false) / 86400L;
}

// ---------------------------------------------------------------- the world
struct School {
  string id, name, street, locality, region, postcode, phase, urn, description;
};

static vector<School> make_schools() {
  struct Seed { const char *name, *locality, *region, *postcode, *phase; };
  const Seed seeds[20] = {
      {"Ashgrove Primary School", "Ashford", "Kent", "TN23 4QX", "primary"},
      {"Beech Hill Academy", "Barnsley", "South Yorkshire", "S70 6BB", "secondary"},
      {"Ysgol Gymraeg Bryn Derw", "Pontypridd", "Rhondda Cynon Taf", "CF37 1QT", "primary"},
      {"Castle View Special School", "Durham", "County Durham", "DH1 4QN", "special"},
      {"Dovecote Nursery School", "Nottingham", "Nottinghamshire", "NG2 5LD", "nursery"},
      {"Elmfield All-Through School", "Stevenage", "Hertfordshire", "SG1 2HB", "all-through"},
      {"Fairway Sixth Form College", "Bournemouth", "Dorset", "BH9 2LU", "sixth-form"},
      {"Greenacres Primary School", "Wigan", "Greater Manchester", "WN5 8JA", "primary"},
      {"Harbour Secondary School", "Plymouth", "Devon", "PL4 0AA", "secondary"},
      {"Ivy Lane Alternative Provision", "Leicester", "Leicestershire", "LE2 1TH", "alternative-provision"},
      {"St Joseph’s Catholic Primary School", "Preston", "Lancashire", "PR1 6XQ", "primary"},
      {"Kingsmead School", "Enfield", "London", "EN1 1YQ", "secondary"},
      {"Larkrise Special School", "Swindon", "Wiltshire", "SN3 4AJ", "special"},
      {"Meadowbank Primary School", "Carlisle", "Cumbria", "CA2 6LN", "primary"},
      {"Northgate High School", "Ipswich", "Suffolk", "IP4 3DL", "secondary"},
      {"Ysgol y Gŵyr", "Swansea", "Swansea", "SA4 3GA", "secondary"},
      {"Oakwood Infant School", "Derby", "Derbyshire", "DE22 3FS", "primary"},
      {"Priory Academy", "Lincoln", "Lincolnshire", "LN5 8PW", "secondary"},
      {"Queen’s Park Junior School", "Bedford", "Bedfordshire", "MK40 4HA", "primary"},
      {"Riverside Learning Centre", "Hull", "East Riding of Yorkshire", "HU3 4EU", "special"},
  };
  const char* streets[] = {"School Lane", "Church Road", "Station Road", "Mill Lane", "Park Avenue"};
  vector<School> out;
  for (int i = 0; i < 20; ++i) {
    School s;
    s.name = seeds[i].name;
    s.id = slugify(s.name);
    s.street = std::to_string(10 + i * 3) + " " + streets[i % 5];
    s.locality = seeds[i].locality;
    s.region = seeds[i].region;
    s.postcode = seeds[i].postcode;
    s.phase = seeds[i].phase;
    s.urn = std::to_string(990100 + i);
    s.description = s.name + " is a " + (s.phase == "special" ? "special school" : s.phase + " school") +
                    " in " + s.locality + " and part of the Example Benchmark Trust. Synthetic data "
                    "written by bench/make_site for performance tests.";
    out.push_back(s);
  }
  return out;
}

struct Role {
  string id, label;
  vector<string> titles;
  string grade;
  int salary_min, salary_max;
  bool teaching;
  vector<string> duty_groups;
};

static vector<Role> make_roles() {
  return {
      {"learning-support", "Learning support",
       {"Learning Support Assistant", "Teaching Assistant (Level 3)", "1:1 Learning Support Assistant",
        "Higher Level Teaching Assistant", "SEN Teaching Assistant", "Learning Support Practitioner"},
       "Band C SCP 5-7", 23500, 25979, false,
       {"Support for pupils", "Support for the teacher", "Support for the curriculum", "Support for the school",
        "Personal care and welfare", "Assessment and record-keeping"}},
      {"teaching", "Teaching",
       {"Teacher of Mathematics", "Teacher of English", "Teacher of Science", "Teacher of History",
        "Teacher of Geography", "Class Teacher (Year 4)", "Class Teacher (Reception)", "Teacher of Computing",
        "Teacher of Music", "SENCo"},
       "MPS/UPS", 31650, 49084, true,
       {"Teaching and learning", "Assessment and progress", "Behaviour and safety", "Curriculum development",
        "Professional responsibilities", "Working with parents and carers"}},
      {"family-support", "Family and pastoral support",
       {"Home School Support Worker", "Family Liaison Officer", "Attendance Officer", "Pastoral Manager",
        "Emotional Literacy Support Assistant"},
       "Band D SCP 9-17", 25584, 28770, false,
       {"Working with families", "Attendance and punctuality", "Safeguarding and welfare",
        "Multi-agency work", "Records and reporting"}},
      {"administration", "Administration and finance",
       {"School Business Manager", "Office Administrator", "Finance Assistant", "Data Manager",
        "Receptionist", "Exams Officer"},
       "Band C SCP 5-7", 23500, 25979, false,
       {"Office and reception", "Finance", "Data and systems", "Communication", "Health and safety"}},
      {"site-and-catering", "Site, catering and cleaning",
       {"Site Manager", "Caretaker", "Cook", "Kitchen Assistant", "Lunchtime Supervisor", "Cleaner"},
       "Band B SCP 3-4", 22366, 22737, false,
       {"Premises and security", "Health and safety", "Catering and hygiene", "Supervision of pupils",
        "Working with contractors"}},
  };
}

// Pools for the Markdown body: each bullet is a verb + object + qualifier.
static const vector<string> kVerbs = {
    "Support", "Plan and deliver", "Monitor and record", "Contribute to", "Promote",
    "Prepare and maintain", "Help to organise", "Take responsibility for", "Work with colleagues on",
    "Keep accurate records of", "Review, with the class teacher,", "Lead", "Develop",
    "Assist the Assistant Headteacher with", "Take part in",
};
static const vector<string> kObjects = {
    "the progress of pupils with SEN, including those with an EHCP",
    "small-group interventions in reading, phonics and number",
    "a calm, safe and welcoming learning environment",
    "the inclusion and acceptance of every pupil, whatever their background",
    "the use of ICT and assistive technology across the curriculum",
    "resources, displays and equipment for lessons and trips",
    "positive behaviour, using the school’s agreed strategies",
    "the personal care and welfare of pupils, including toileting and feeding where needed",
    "clear, regular communication with parents and carers",
    "the supervision of pupils at break, lunchtime and on school visits",
    "assessment information and pupils’ targets",
    "the school’s policies on safeguarding, health and safety, and data protection",
    "training and professional development, including INSET days",
    "the school’s budget, orders and invoices",
    "attendance records and follow-up calls to families",
};
static const vector<string> kQualifiers = {
    "in line with school policy",
    "under the direction of the class teacher",
    "so that every pupil can take a full part in school life",
    "working closely with the SENCo and outside agencies",
    "and report any concerns to the Designated Safeguarding Lead (DSL) without delay",
    "within the agreed budget of up to £2,500 a term",
    "as set out in each pupil’s “one-page profile”",
    "across Key Stages 1–2 and, where needed, Key Stage 3",
    "in a way that respects each pupil’s dignity and privacy",
    "and share what works with the rest of the team",
};
static const vector<string> kContext = {
    "We are a friendly, inclusive school where staff are valued and supported.",
    "Our pupils are curious, kind and proud of their school, and our parents and carers are closely involved in its life.",
    "Ofsted judged the school good in all areas at its last inspection, noting “a strong culture of safeguarding”.",
    "You will join a team of experienced colleagues who share ideas and support each other every day.",
    "We offer a thorough induction, a mentor for your first year, and training that leads to recognised qualifications.",
    "Staff benefit from the Local Government Pension Scheme or the Teachers’ Pension Scheme, an employee assistance programme and a cycle-to-work scheme.",
    "Visits to the school are warmly welcomed: please call the school office to arrange a time.",
    "The school is easy to reach by bus and train, and there is free parking on site.",
    "We are committed to equality, diversity and inclusion, and we welcome applications from every part of the community.",
    "The trust’s schools work together closely, so there are good opportunities for career progression.",
};

// Pools for the person specification, one per section.
struct SectionPool {
  string name, prompt;
  vector<string> assessed;
  vector<string> criteria;
};
static const vector<SectionPool> kSections = {
    {"Qualifications", "What formal qualifications does the job need?", {"application", "qualification"},
     {"GCSE English and Maths at grade C/4 or above, or equivalent",
      "NVQ Level 3 in Supporting Teaching and Learning, or equivalent",
      "Qualified Teacher Status (QTS)", "A degree in a relevant subject",
      "Current paediatric first aid certificate", "Level 2 Food Hygiene certificate",
      "National Award for SEN Co-ordination, or willingness to work towards it",
      "A recognised qualification in finance or business administration",
      "Team Teach or equivalent positive handling training",
      "Level 3 Designated Safeguarding Lead training", "ELSA training, or willingness to complete it"}},
    {"Experience", "What experience does the job need, and in what kind of setting?", {"application", "interview"},
     {"Experience of working with children or young people in a school or similar setting",
      "Experience of supporting pupils with SEN, including autism and SEMH needs",
      "Experience of delivering small-group interventions",
      "Experience of working with families facing difficulties",
      "Experience of managing a budget", "Experience of using a school management information system",
      "Experience of planning and teaching lessons that engage every pupil",
      "Experience of working with outside agencies such as social care and CAMHS",
      "Experience of supervising pupils at lunchtime or on visits",
      "Experience of leading a small team", "Experience of managing contractors on a school site"}},
    {"Knowledge and skills", "What knowledge and skills does the job need?", {"application", "interview", "test"},
     {"Good literacy and numeracy skills", "Confident use of ICT, including email and spreadsheets",
      "Knowledge of the SEND Code of Practice and how EHCP targets are met",
      "Understanding of how children learn and develop",
      "Knowledge of safeguarding and child protection procedures",
      "Ability to communicate clearly and sensitively with pupils, parents and colleagues",
      "Knowledge of strategies to promote positive behaviour",
      "Ability to keep accurate, confidential records",
      "Knowledge of the National Curriculum in the relevant key stages",
      "Understanding of health and safety in a school setting", "Ability to plan and prioritise a varied workload"}},
    {"Personal qualities", "What kind of person will do the job well?", {"interview", "references"},
     {"Warm, patient and caring with children", "Calm under pressure and resilient",
      "Reliable, punctual and well organised", "A good team member who is also able to work on their own",
      "Committed to equality, diversity and inclusion", "Willing to learn and to reflect on own practice",
      "Discreet, with a clear understanding of confidentiality", "Flexible and adaptable",
      "Enthusiastic about the school’s values", "Able to build positive relationships quickly"}},
    {"Circumstances", "What circumstances does the job need, such as hours or travel?", {"application", "interview"},
     {"Able to work during term time, including INSET days",
      "Willing to work occasional evenings for parents’ evenings and events",
      "Willing to undergo an enhanced DBS check", "A full UK driving licence and access to a car",
      "Able to travel between the trust’s schools", "Willing to take part in residential trips",
      "Able to lift and carry equipment safely", "Willing to attend training outside school hours",
      "Fluent spoken English (Part 7 of the Immigration Act 2016)"}},
};
static const vector<string> kNotes = {"For peripatetic posts only", "Or willingness to obtain within six months",
                                      "Training will be given", "Evidence will be checked at interview"};

static const vector<string> kPhysical = {
    "lifting-and-handling", "prolonged-standing-or-sitting", "bending-squatting-kneeling", "working-outdoors",
    "working-with-children-or-vulnerable-adults", "working-with-challenging-behaviour", "high-mental-stress",
    "significant-computer-use", "food-handling", "lone-working"};
static const vector<string> kChecks = {"enhanced-dbs-children-barred-list", "enhanced-dbs-children-and-adults-barred-lists",
                                       "enhanced-dbs"};
static const vector<string> kDays = {"Mon", "Tue", "Wed", "Thu", "Fri"};

// ---------------------------------------------------------------- one vacancy
struct Criterion {
  string text, level, note, standard;
  vector<string> assessed;  // empty: the section's default
};
struct Section {
  string name, prompt;
  vector<string> assessed;
  vector<Criterion> criteria;
};
struct Slot {
  vector<string> days;
  string start, end;
};
struct Vacancy {
  string slug, title, summary, school, role, reference, grade, salary_note, contract, reports_to, posted,
      closes_date, closes_time, starts, hours_weeks, hours_notes, check, statement, body, spec_intro;
  vector<string> working_pattern, physical;
  int salary_min, salary_max;
  double per_week;
  vector<Slot> schedule;
  vector<std::pair<string, string>> documents;
  bool politically_restricted, english;
  vector<Section> spec;
  string closes() const { return closes_time.empty() ? closes_date : closes_date + "T" + closes_time; }
  string closes_full() const {  // Hugo's spelling: a date alone means the end of that day
    return closes_date + "T" + (closes_time.empty() ? "23:59" : closes_time) + ":00";
  }
};

static string bullet(Rng& r) {
  string b = r.pick(kVerbs) + " " + r.pick(kObjects) + ", " + r.pick(kQualifiers);
  if (r.chance(15)) b += ", and make sure that " + r.pick(kObjects) + " is kept under regular review";
  if (r.chance(10)) b = "**" + b + "**";
  return b + ".";
}

static string paragraph(Rng& r, int sentences) {
  string p;
  for (auto& s : pick_n(r, kContext, static_cast<size_t>(sentences))) p += (p.empty() ? "" : " ") + s;
  return p;
}

// Whether advert i of n has closed: one in seven by default; with open >= 0,
// all but `open` of them, the open ones spread evenly.
static bool closed_advert(int i, int n, long open) {
  if (open < 0) return i % 7 == 3;
  return (static_cast<long>(i) + 1) * open / n == static_cast<long>(i) * open / n;
}

static Vacancy make_vacancy(Rng& r, int i, bool closed, const vector<School>& schools, const vector<Role>& roles,
                            long today) {
  Vacancy v;
  const School& school = schools[static_cast<size_t>(i) % schools.size()];
  const Role& role = roles[static_cast<size_t>(r.range(0, 9)) < 4 ? 0 : static_cast<size_t>(r.range(0, 4))];
  v.title = r.pick(role.titles);
  char num[16];
  std::snprintf(num, sizeof num, "%05d", i);
  v.slug = slugify(v.title) + "-" + num;
  v.school = school.id;
  v.role = role.id;
  v.reference = slugify(role.id).substr(0, 3) + "-2026-" + num;
  for (auto& c : v.reference) c = static_cast<char>(toupper(static_cast<unsigned char>(c)));
  v.grade = role.grade;
  v.salary_min = role.salary_min;
  v.salary_max = role.salary_max;
  v.summary = "Join " + school.name + " in " + school.locality + " as our new " + v.title +
              ", helping every pupil to learn, thrive and feel safe.";
  bool part = !role.teaching && r.chance(60);
  v.contract = r.chance(75) ? "permanent" : (r.chance(70) ? "fixed-term" : "temporary");
  v.working_pattern = {part ? "part-time" : "full-time"};
  if (!role.teaching && r.chance(70)) v.working_pattern.push_back("term-time");
  if (r.chance(15)) v.working_pattern.push_back("job-share");
  v.salary_note = part ? "Full-time equivalent; actual salary pro rata." : "";
  v.per_week = role.teaching ? 32.5 : (part ? 25 + r.range(0, 15) * 0.5 : 37);
  v.hours_weeks = v.working_pattern.size() > 1 && v.working_pattern[1] == "term-time"
                      ? "Term time only plus INSET days (39 weeks)"
                      : "All year (52 weeks)";
  Slot a{{"Mon", "Tue", "Wed", "Thu"}, "08:30", part ? "14:30" : "16:00"};
  Slot b{{"Fri"}, "08:30", part ? "12:30" : "15:30"};
  v.schedule = {a, b};
  v.hours_notes = "Including a 30-minute unpaid lunch break";
  v.reports_to = role.teaching ? "Head of Department" : "Assistant Headteacher (Inclusion)";
  // Dates: a closed advert is kept online, in the archive.
  long posted, closes;
  if (closed) {
    posted = today - r.range(60, 170);
    closes = posted + r.range(14, 40);
  } else {
    posted = today - r.range(1, 50);
    closes = today + r.range(1, 220);
  }
  v.posted = civil(posted);
  v.closes_date = civil(closes);
  v.closes_time = r.chance(70) ? (r.chance(50) ? "12:00" : "09:00") : "";
  v.starts = r.chance(30) ? "As soon as possible" : civil(closes + r.range(20, 60));
  if (r.chance(60)) v.documents.push_back({"Application form", "files/application-form.docx"});
  if (r.chance(30)) v.documents.push_back({"Job pack", "files/job-pack.pdf"});
  v.check = r.pick(kChecks);
  v.statement = school.name + " is committed to safeguarding and promoting the welfare of children and young "
                "people and expects all staff and volunteers to share this commitment.";
  v.politically_restricted = r.chance(5);
  v.english = r.chance(80);
  v.physical = pick_n(r, kPhysical, static_cast<size_t>(r.range(0, 3)));

  // The body: summary, 4-5 headed duty groups, context.
  string& md = v.body;
  md += "## Job summary\n\n" + v.summary + " " + paragraph(r, 2) +
        " You will work as part of a supportive team, under the direction of the " + v.reports_to +
        ", to make sure that every pupil, including those with SEN, makes good progress.\n\n";
  auto groups = pick_n(r, role.duty_groups, static_cast<size_t>(r.range(4, 5)));
  int share = 100;
  for (size_t g = 0; g < groups.size(); ++g) {
    int pct = g + 1 == groups.size() ? share : std::min(share - 10, r.range(15, 35));
    share -= pct;
    md += "## " + std::to_string(g + 1) + ". " + groups[g] + " (about " + std::to_string(pct) + "% of the time)\n\n";
    int n = r.range(4, 6);
    for (int k = 0; k < n; ++k) md += "- " + bullet(r) + "\n";
    md += "\n";
  }
  md += "## About the school\n\n" + paragraph(r, 4) + " Find out more on the [school’s website](https://" +
        school.id + ".example.org.uk/) or read our guide to [how to apply](/how-to-apply/).\n\n" +
        "The post is subject to an enhanced DBS check and satisfactory references; we will make "
        "reasonable adjustments for disabled candidates at every stage.\n";

  // The person specification: 5 sections of 6 criteria.
  v.spec_intro = "This person specification lists what the " + v.title + " needs. We will shortlist by "
                 "checking your application against each criterion, so give an example for each one.";
  for (auto& pool : kSections) {
    Section s{pool.name, pool.prompt, pool.assessed, {}};
    int k = 0;
    for (auto& text : pick_n(r, pool.criteria, 6)) {
      Criterion c;
      c.text = text;
      c.level = k++ < 4 || r.chance(20) ? "essential" : "desirable";
      if (r.chance(20)) c.assessed = {r.chance(50) ? "interview" : "references"};
      if (r.chance(12)) c.note = r.pick(kNotes);
      if (r.chance(15)) c.standard = "nos-bench/" + string(1, static_cast<char>('A' + r.range(0, 2))) + "/" +
                                     std::to_string(r.range(1, 8));
      s.criteria.push_back(c);
    }
    v.spec.push_back(s);
  }
  return v;
}

// ---------------------------------------------------------------- YAML out
static string yaml_list(const vector<string>& xs) {
  string s = "[";
  for (size_t i = 0; i < xs.size(); ++i) s += (i ? ", " : "") + xs[i];
  return s + "]";
}

static string front_matter_common(const Vacancy& v, bool hugo) {
  string y;
  y += "title: " + q(v.title) + "\n";
  y += "summary: " + q(v.summary) + "\n";
  y += "school: " + v.school + "\n";
  y += "role: " + v.role + "\n";
  y += "reference: " + v.reference + "\n";
  y += "grade: " + q(v.grade) + "\n";
  y += "salary:\n  min: " + std::to_string(v.salary_min) + "\n  max: " + std::to_string(v.salary_max) +
       "\n  currency: GBP\n  period: year\n";
  if (!v.salary_note.empty()) y += "  note: " + q(v.salary_note) + "\n";
  y += "contract: " + v.contract + "\n";
  y += "working_pattern: " + yaml_list(v.working_pattern) + "\n";
  char pw[16];
  std::snprintf(pw, sizeof pw, "%g", v.per_week);
  y += "hours:\n  per_week: " + string(pw) + "\n  weeks: " + q(v.hours_weeks) + "\n  schedule:\n";
  for (auto& s : v.schedule)
    y += "    - { days: " + yaml_list(s.days) + ", start: \"" + s.start + "\", end: \"" + s.end + "\" }\n";
  y += "  notes: " + q(v.hours_notes) + "\n";
  y += "reports_to: " + q(v.reports_to) + "\n";
  if (hugo) {
    y += "date: " + v.posted + "\n";
    y += "posted: \"" + v.posted + "\"\n";
    y += "closes: \"" + v.closes_full() + "\"\n";
    y += "schools: [" + v.school + "]\nroles: [" + v.role + "]\nworking_patterns: " + yaml_list(v.working_pattern) + "\n";
  } else {
    y += "posted: " + v.posted + "\n";
    y += "closes: " + v.closes() + "\n";
  }
  y += "starts: " + q(v.starts) + "\n";
  y += "apply:\n  url: https://jobs.example-bench.org.uk/apply/" + v.slug + "\n  email: recruitment@" + v.school +
       ".example.org.uk\n  instructions: " +
       q("Complete the application form, giving an example against each criterion of the person specification. "
         "CVs are not accepted on their own.") + "\n";
  if (!v.documents.empty()) {
    y += "documents:\n";
    for (auto& [t, f] : v.documents) y += "  - { title: " + q(t) + ", file: " + f + " }\n";
  }
  y += "safeguarding:\n  check: " + v.check + "\n  statement: " + q(v.statement) + "\n";
  y += string("politically_restricted: ") + (v.politically_restricted ? "true" : "false") + "\n";
  y += "visa_sponsorship: false\n";
  y += string("english_fluency_required: ") + (v.english ? "true" : "false") + "\n";
  if (!v.physical.empty()) y += "physical_requirements: " + yaml_list(v.physical) + "\n";
  return y;
}

// The spec's YAML, each line prefixed by `indent`.
static string spec_yaml(const Vacancy& v, const string& indent) {
  string y;
  y += indent + "title: " + q(v.title) + "\n";
  y += indent + "introduction: " + q(v.spec_intro) + "\n";
  y += indent + "sections:\n";
  for (auto& s : v.spec) {
    y += indent + "  - name: " + q(s.name) + "\n";
    y += indent + "    prompt: " + q(s.prompt) + "\n";
    y += indent + "    assessed: " + yaml_list(s.assessed) + "\n";
    y += indent + "    criteria:\n";
    for (auto& c : s.criteria) {
      y += indent + "      - text: " + q(c.text) + "\n";
      y += indent + "        level: " + c.level + "\n";
      if (!c.assessed.empty()) y += indent + "        assessed: " + yaml_list(c.assessed) + "\n";
      if (!c.note.empty()) y += indent + "        note: " + q(c.note) + "\n";
      if (!c.standard.empty()) y += indent + "        standard: " + c.standard + "\n";
    }
  }
  return y;
}

static string glossary_yaml() {
  return "CAMHS: Child and Adolescent Mental Health Services\n"
         "DBS: Disclosure and Barring Service\n"
         "DSL: Designated Safeguarding Lead\n"
         "EHCP: Education, Health and Care Plan\n"
         "ELSA: Emotional Literacy Support Assistant\n"
         "GCSE: General Certificate of Secondary Education\n"
         "ICT: Information and communication technology\n"
         "INSET: In-service training (staff training days when pupils are not in school)\n"
         "MPS: Main pay scale (for qualified teachers)\n"
         "NVQ: National Vocational Qualification\n"
         "QTS: Qualified Teacher Status\n"
         "SCP: Spinal column point\n"
         "SEMH: Social, emotional and mental health\n"
         "SEN: Special educational needs\n"
         "SENCo: Special educational needs co-ordinator\n"
         "SEND: Special educational needs and disabilities\n"
         "UPS: Upper pay scale (for qualified teachers)\n";
}

static string standard_yaml() {
  string y = "title: National Occupational Standards for School Support Staff (benchmark copy)\n"
             "short_title: NOS for school support staff\n"
             "publisher: Example Standards Body\n"
             "year: 2026\n"
             "introduction: |\n"
             "  Synthetic standards written by bench/make_site. Each unit has eight criteria, each\n"
             "  with two knowledge items, so that person specifications can cite them.\n"
             "units:\n";
  const char* titles[] = {"Supporting pupils' learning", "Supporting pupils' welfare", "Working with colleagues"};
  for (int u = 0; u < 3; ++u) {
    y += "  - id: " + string(1, static_cast<char>('A' + u)) + "\n    title: " + q(titles[u]) + "\n";
    y += "    about: " + q("What school support staff do when " + string(titles[u]).substr(0, 20) + "...") + "\n";
    y += "    criteria:\n";
    for (int c = 1; c <= 8; ++c) {
      y += "      - id: \"" + std::to_string(c) + "\"\n        text: " +
           q("Criterion " + std::to_string(c) + " of unit " + string(1, static_cast<char>('A' + u)) +
             ": plan, carry out and review support that meets each pupil's needs.") + "\n";
      y += "        knowledge:\n";
      for (int k = 1; k <= 2; ++k)
        y += "          - id: KU" + std::to_string(c) + "." + std::to_string(k) + "\n            text: " +
             q("Knowledge item " + std::to_string(k) + ": how and why this support works.") + "\n";
    }
  }
  return y;
}

// ---------------------------------------------------------------- main
int run(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: make_site N STAFFROOM_DIR [--hugo HUGO_DIR] [--seed S] [--inline-specs] [--open K]\n";
    return 2;
  }
  int n = std::atoi(argv[1]);
  fs::path out = argv[2];
  fs::path hugo;
  std::uint64_t seed = 20261123;
  bool inline_specs = false;
  long open = -1;  // the default mix: one in seven closed
  for (int i = 3; i < argc; ++i) {
    string a = argv[i];
    if (a == "--hugo" && i + 1 < argc) hugo = argv[++i];
    else if (a == "--seed" && i + 1 < argc) seed = std::strtoull(argv[++i], nullptr, 10);
    else if (a == "--inline-specs") inline_specs = true;
    else if (a == "--open" && i + 1 < argc) open = std::strtol(argv[++i], nullptr, 10);
    else {
      std::cerr << "make_site: unknown argument " << a << "\n";
      return 2;
    }
  }
  if (n <= 0) {
    std::cerr << "make_site: N must be a positive number\n";
    return 2;
  }
  if (open > n) {
    std::cerr << "make_site: --open must be at most N\n";
    return 2;
  }
  std::error_code ec;
  fs::remove_all(out, ec);
  if (!hugo.empty()) fs::remove_all(hugo, ec);

  Rng rng{seed};
  auto schools = make_schools();
  auto roles = make_roles();
  long today = day_of("2026-11-23");  // bench/run builds with --now 2026-11-23T12:00
  fs::path c = out / "content";

  string site = "title: \"Example Benchmark Trust: school vacancies\"\n"
                "description: \"Synthetic vacancies written by bench/make_site for performance tests.\"\n"
                "base_url: https://jobs.example-bench.org.uk/\n"
                "language: en-GB\ntimezone: Europe/London\ntheme: default\n"
                "organisation:\n  name: Example Benchmark Trust\n  website: https://www.example-bench.org.uk/\n"
                "contact:\n  email: recruitment@example-bench.org.uk\n  phone: \"01234 567890\"\n"
                "roles:\n";
  for (auto& r : roles) site += "  " + r.id + ": " + q(r.label) + "\n";
  write_file(c / "site.yaml", site);
  for (auto& s : schools)
    write_file(c / "schools" / (s.id + ".yaml"),
               "name: " + q(s.name) + "\naddress:\n  street: " + q(s.street) + "\n  locality: " + q(s.locality) +
                   "\n  region: " + q(s.region) + "\n  postcode: " + q(s.postcode) + "\n  country: GB\nphase: " +
                   s.phase + "\nurn: \"" + s.urn + "\"\nwebsite: https://" + s.id + ".example.org.uk/\n" +
                   "description: " + q(s.description) + "\n");
  write_file(c / "glossary.yaml", glossary_yaml());
  write_file(c / "standards" / "nos-bench.yaml", standard_yaml());
  const string how = "---\ntitle: How to apply\ndescription: How to apply for a post with the trust.\n---\n\n"
                     "Read the advert and the person specification, then complete the application form. "
                     "Give an example against each criterion.\n";
  const string about = "---\ntitle: About the trust\ndescription: About the Example Benchmark Trust.\n---\n\n"
                       "Twenty schools, synthetic data, for performance tests.\n";
  write_file(c / "pages" / "how-to-apply.md", how);
  write_file(c / "pages" / "about.md", about);
  write_file(c / "files" / "application-form.docx", string(48 * 1024, 'x'));
  write_file(c / "files" / "job-pack.pdf", "%PDF-1.4\n" + string(120 * 1024, 'x'));

  if (!hugo.empty()) {
    fs::path hc = hugo / "content";
    string cfg = "baseURL: https://jobs.example-bench.org.uk/\nlanguageCode: en-GB\n"
                 "title: \"Example Benchmark Trust: school vacancies\"\n"
                 "timeZone: Europe/London\n"
                 "enableRobotsTXT: true\n"
                 "taxonomies:\n  school: schools\n  role: roles\n  working_pattern: working_patterns\n"
                 // Each advert's pages in the same files and folders as Staffroom's
                 // (person-specification/index.html, prepare/index.html,
                 // closing-date.ics): like for like, folders cost a build too.
                 "outputFormats:\n"
                 "  PrintSpec: { mediaType: text/html, baseName: person-specification/index, isHTML: true, permalinkable: false }\n"
                 "  Checklist: { mediaType: text/html, baseName: prepare/index, isHTML: true, permalinkable: false }\n"
                 "  Calendar: { baseName: closing-date }\n"
                 "outputs:\n  home: [HTML, RSS, JSON]\n  page: [HTML, PrintSpec, Checklist, Calendar]\n"
                 "  section: [HTML]\n  taxonomy: [HTML]\n  term: [HTML]\n"
                 "markup:\n  goldmark:\n    renderer: { unsafe: false }\n"
                 "params:\n  now: \"2026-11-23T12:00:00\"\n"
                 "  description: \"Synthetic vacancies written by bench/make_site for performance tests.\"\n"
                 "  organisation: Example Benchmark Trust\n  contact_email: recruitment@example-bench.org.uk\n"
                 "  roles:\n";
    for (auto& r : roles) cfg += "    " + r.id + ": " + q(r.label) + "\n";
    cfg += "  working_patterns: { full-time: Full time, part-time: Part time, term-time: Term time only, "
           "job-share: Job share, flexible: Flexible working }\n"
           "  contracts: { permanent: Permanent, fixed-term: Fixed term, temporary: Temporary, casual: Casual }\n"
           "  levels: { essential: Essential, desirable: Desirable }\n"
           "  methods: { application: Application form, interview: Interview, test: Test, "
           "qualification: Proof of qualification, exercise: Practical exercise, references: References }\n"
           "  days: { Mon: Monday, Tue: Tuesday, Wed: Wednesday, Thu: Thursday, Fri: Friday, Sat: Saturday, Sun: Sunday }\n"
           "  checks:\n"
           "    enhanced-dbs-children-and-adults-barred-lists: \"Enhanced DBS check with children's and adults' barred list checks\"\n"
           "    enhanced-dbs-children-barred-list: \"Enhanced DBS check with children's barred list check\"\n"
           "    enhanced-dbs: Enhanced DBS check\n"
           "  physical:\n"
           "    lifting-and-handling: Lifting, manual handling or client handling\n"
           "    prolonged-standing-or-sitting: Prolonged standing or sitting\n"
           "    bending-squatting-kneeling: Bending, squatting or kneeling\n"
           "    working-outdoors: Working outdoors\n"
           "    working-with-children-or-vulnerable-adults: Working with children or vulnerable adults\n"
           "    working-with-challenging-behaviour: Working with challenging behaviour\n"
           "    high-mental-stress: High mental stress content\n"
           "    significant-computer-use: Significant use of computers\n"
           "    food-handling: Food handling\n"
           "    lone-working: Lone working\n";
    write_file(hugo / "config.yaml", cfg);
    string sy;
    for (auto& s : schools)
      sy += s.id + ":\n  name: " + q(s.name) + "\n  street: " + q(s.street) + "\n  locality: " + q(s.locality) +
            "\n  region: " + q(s.region) + "\n  postcode: " + q(s.postcode) + "\n  phase: " + s.phase +
            "\n  website: https://" + s.id + ".example.org.uk/\n  description: " + q(s.description) + "\n";
    write_file(hugo / "data" / "schools.yaml", sy);
    write_file(hugo / "data" / "glossary.yaml", glossary_yaml());
    write_file(hugo / "data" / "standard.yaml", standard_yaml());
    write_file(hc / "_index.md", "---\ntitle: Vacancies\n---\n");
    write_file(hc / "vacancies" / "_index.md", "---\ntitle: All vacancies\n---\n");
    write_file(hc / "archive.md", "---\ntitle: Closed vacancies\nlayout: archive\n---\n");
    write_file(hc / "glossary.md", "---\ntitle: Glossary\nlayout: glossary\n---\n");
    write_file(hc / "standards" / "nos-bench.md", "---\ntitle: NOS for school support staff\nlayout: standard\n---\n");
    write_file(hc / "how-to-apply.md", how);
    write_file(hc / "about.md", about);
    write_file(hugo / "static" / "files" / "application-form.docx", string(48 * 1024, 'x'));
    write_file(hugo / "static" / "files" / "job-pack.pdf", "%PDF-1.4\n" + string(120 * 1024, 'x'));
  }

  for (int i = 0; i < n; ++i) {
    Vacancy v = make_vacancy(rng, i, closed_advert(i, n, open), schools, roles, today);
    string fm = front_matter_common(v, false);
    if (inline_specs) {
      fm += "person_specification:\n" + spec_yaml(v, "  ");
    } else {
      fm += "spec: " + v.slug + "\n";
      write_file(c / "specs" / (v.slug + ".yaml"), spec_yaml(v, ""));
    }
    write_file(c / "vacancies" / (v.slug + ".md"), "---\n" + fm + "---\n\n" + v.body);
    if (!hugo.empty()) {
      string h = front_matter_common(v, true) + "spec:\n" + spec_yaml(v, "  ");
      write_file(hugo / "content" / "vacancies" / (v.slug + ".md"), "---\n" + h + "---\n\n" + v.body);
    }
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) { return run(argc, argv); }
