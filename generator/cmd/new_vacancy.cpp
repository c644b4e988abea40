// `staffroom new vacancy SLUG`: a commented starter advert that passes
// `check` once its placeholders are filled in. Never overwrites a file.
#include "cmd/new_vacancy.h"

#include <filesystem>
#include <fstream>

#include "base/clock.h"
#include "load/source.h"

namespace fs = std::filesystem;

static const char* kStarter = R"(---
# A new advert. Lines starting with # are notes for you; they are not shown.
# Fill in each value, delete what you do not need, then run: staffroom check
title: Job title                          # required
school: SCHOOL-ID                         # required: a file name in content/schools/, without .yaml
role: learning-support                    # required: the role category candidates browse by
spec: SPEC-ID                             # a file name in content/specs/, without .yaml
reference: REF-0000
grade: Grade 4
salary: { min: 24000, max: 26000, currency: GBP, period: year, note: "Actual salary pro rata" }
contract: permanent                       # permanent | fixed-term | temporary | casual
working_pattern: [full-time]              # full-time | part-time | term-time | job-share | flexible
hours:
  per_week: 37
  weeks: Term time only plus INSET days
  schedule:
    - { days: [Mon, Tue, Wed, Thu, Fri], start: "08:30", end: "16:00" }
reports_to: Headteacher
posted: {{POSTED}}                        # required: the date the advert goes up
closes: {{CLOSES}}                        # required: a date alone means the end of that day
starts: As soon as possible
apply: { email: recruitment@example.org, instructions: "Please use the application form. A CV alone will not be accepted." }
safeguarding:
  check: enhanced-dbs-children-barred-list
  statement: We are committed to safeguarding and promoting the welfare of children and young people and expect all staff and volunteers to share this commitment.
english_fluency_required: true
# language: cy                            # only for an advert not in the site's language (cy: Welsh)
draft: true                               # remove this line to publish
---
Write the job description here in Markdown.

## Main duties

- A duty
- Another duty
)";

int new_vacancy(const std::string& site, const std::string& slug, std::ostream& out,
                std::ostream& err) {
  if (!is_slug(slug)) {
    err << "staffroom: error: '" << slug
        << "' is not a valid slug: use lower-case letters, digits and hyphens\n";
    return 2;
  }
  fs::path path = fs::path(site) / "content" / "vacancies" / (slug + ".md");
  std::error_code ec;
  if (fs::exists(path, ec)) {
    err << "staffroom: error: " << path.string() << " already exists; nothing was changed\n";
    return 1;
  }
  fs::create_directories(path.parent_path(), ec);
  std::string text = kStarter;
  Time today = now();
  auto put = [&](const std::string& key, const std::string& value) {
    text.replace(text.find(key), key.size(), value);
  };
  put("{{POSTED}}", iso_date(today));
  put("{{CLOSES}}", iso_date(today + 21 * 86400));
  // O_EXCL semantics: never overwrite, even if a file appeared meanwhile.
  std::FILE* f = std::fopen(path.c_str(), "wx");
  if (!f) {
    err << "staffroom: error: cannot create " << path.string() << "\n";
    return 1;
  }
  std::fwrite(text.data(), 1, text.size(), f);
  std::fclose(f);
  out << "Wrote " << path.string() << ": fill it in, then run 'staffroom check'.\n";
  return 0;
}
