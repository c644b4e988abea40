// `staffroom import`; see import_cmd.h. Prints, compiler style, where in the
// document each thing could not be placed as it stood.
#include "cmd/import_cmd.h"

#include <filesystem>

#include "base/clock.h"
#include "base/parallel.h"
#include "base/text.h"
#include "cmd/help.h"
#include "cmd/starters.h"
#include "import/import.h"
#include "load/load.h"
#include "load/source.h"
#include "load/yaml_reader.h"

namespace fs = std::filesystem;

namespace {

// Each advert's title and role, from its front matter alone, on every core:
// a national site has 100,000 (reading each whole took 1.4 s for 5,000).
std::vector<AdvertRole> advert_roles(const std::string& site) {
  Diagnostics ignored;
  auto files = list_files(site, "content/vacancies", {".md"}, ignored);
  std::vector<AdvertRole> adverts(files.size());
  parallel_for(files.size(), [&](size_t i) {
    Diagnostics own;  // one each: the calls run at once
    auto text = read_text_file(site, files[i], own);
    auto front = text ? split_front_matter(*text, files[i], own) : std::nullopt;
    auto root = front ? parse_yaml(front->yaml, {files[i], front->yaml_line}, own) : std::nullopt;
    if (!root) return;
    for (auto& [key, value] : root->entries)
      if (value.is_scalar() && (key.text == "title" || key.text == "role"))
        (key.text == "title" ? adverts[i].title : adverts[i].role) = value.text;
  });
  return adverts;
}

// The site's schools, roles and adverts, for the advert's school: and role:
// lines. A file that cannot be read is left out: saying what is wrong with
// it is check's job.
SiteNames site_names(const std::string& site) {
  Diagnostics ignored;
  SiteNames names;
  names.roles = load_config(site, ignored).roles;  // sets the timezone, which adverts' dates need
  for (auto& relative : list_files(site, "content/schools", {".yaml"}, ignored))
    if (auto text = read_text_file(site, relative, ignored))
      if (auto school = parse_school(*text, relative, ignored); school && !school->name.empty())
        names.schools.push_back({fs::path(relative).stem().string(), school->name});
  names.adverts = advert_roles(site);
  return names;
}

// "3 sections, 19 criteria": what the specification written holds (a
// section without criteria is left out of it, with a note).
std::string spec_count(const FoundSpec& spec) {
  size_t sections = 0, criteria = 0;
  for (auto& s : spec.sections) sections += !s.criteria.empty(), criteria += s.criteria.size();
  return counted(sections, "section") + ", " + counted(criteria, "criterion", "criteria");
}

}  // namespace

int import_file(const std::string& site, const std::string& file, const std::string& slug,
                std::ostream& out, std::ostream& err) {
  if (!slug.empty() && !is_slug(slug)) {
    err << "staffroom: error: --slug '" << slug << "' cannot be used: it becomes part of a web "
        << "address, so it may hold only lower-case letters, digits and hyphens\n";
    return 2;
  }
  ImportResult r;
  if (auto why = import_document(file, slug, iso_date(now()), ReadLimits{}, r, site_names(site))) {
    err << file << ": error: " << *why << ". Nothing was written.\n";
    return 1;
  }
  fs::path spec_path = fs::path(site) / "content/specs" / (r.slug + ".yaml");
  fs::path advert_path = fs::path(site) / "content/vacancies" / (r.slug + ".md");
  std::error_code ec;
  for (auto& p : {spec_path, advert_path})
    if (fs::exists(fs::symlink_status(p, ec))) {
      err << "staffroom: error: " << p.string() << " already exists; nothing was written. "
          << "Choose another name with --slug.\n";
      return 1;
    }
  bool has_spec = !r.spec.sections.empty();
  if (has_spec)
    if (auto why = write_new_file(spec_path.string(), r.spec_yaml)) {
      err << "staffroom: error: " << *why << "\n";
      return 1;
    }
  if (auto why = write_new_file(advert_path.string(), r.advert_md)) {
    if (has_spec) fs::remove(spec_path, ec);  // both or neither
    err << "staffroom: error: " << *why << "\n";
    return 1;
  }
  for (auto& n : r.notes) err << file << ": " << n.where << ": note: " << n.message << "\n";
  out << "Wrote " << advert_path.string() << " (a draft)";
  if (has_spec)
    out << " and " << spec_path.string() << " (" << spec_count(r.spec) << ")";
  out << ".\nCompare them with the document, fill in each '# check:' line, then run: "
      << site_command("check", site) << "\n";
  return 0;
}
