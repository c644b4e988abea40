// `staffroom new`; see new.h.
#include "cmd/new.h"

#include <filesystem>

#include "base/clock.h"
#include "base/text.h"
#include "cmd/help.h"
#include "cmd/starters.h"
#include "load/source.h"

namespace fs = std::filesystem;

namespace {

struct Kind {
  const char* name;     // as typed: "vacancy"
  const char* starter;  // in starters/
  const char* folder;   // in the site
  const char* ext;
  const char* example;
};
const Kind kKinds[] = {
    {"vacancy", "vacancy.md", "content/vacancies", ".md", "midday-supervisor"},
    {"school", "school.yaml", "content/schools", ".yaml", "oak-primary"},
    {"spec", "spec.yaml", "content/specs", ".yaml", "teaching-assistant"},
};

const Kind* kind_named(const std::string& name) {
  for (auto& k : kKinds)
    if (name == k.name) return &k;
  return nullptr;
}

}  // namespace

NewFile new_file_for(const std::string& kind, const std::string& name, const std::string& title,
                     const std::string& school, const std::string& spec) {
  const Kind* k = kind_named(kind);
  if (!k) return {};
  Time today = now();
  return {std::string(k->folder) + "/" + name + k->ext,
          starter(k->starter, {{"ID", name},
                               {"TITLE", title},
                               {"SCHOOL", school.empty() ? "SCHOOL-ID" : school},
                               {"SPEC", spec.empty() ? "SPEC-ID" : spec},
                               {"POSTED", iso_date(today)},
                               {"CLOSES", iso_date(today + 21 * 86400)}})};
}

int new_file(const std::string& site, const std::string& kind, const std::string& name,
             std::ostream& out, std::ostream& err) {
  const Kind* k = kind_named(kind);
  if (!k) {
    err << "staffroom: error: 'new' makes a vacancy, a school or a spec; write, for example: "
           "staffroom new vacancy midday-supervisor\n";
    return 2;
  }
  if (!is_slug(name)) {
    std::string better = anchor_of(name);
    err << "staffroom: error: '" << name << "' cannot be used: the name becomes part of a web "
        << "address, so it may hold only lower-case letters, digits and hyphens; write: staffroom new "
        << k->name << " " << (is_slug(better) ? better : k->example) << "\n";
    return 2;
  }
  std::string title = kind == "school" ? "School name" : "Job title";
  NewFile made = new_file_for(kind, name, title);
  std::string path = (fs::path(site) / made.path).string();
  if (auto why = write_new_file(path, made.text)) {
    err << "staffroom: error: " << *why << "\n";
    return 1;
  }
  out << "Wrote " << path << ": fill it in, then run: " << site_command("check", site) << "\n";
  return 0;
}
