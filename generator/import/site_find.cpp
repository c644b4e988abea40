// See site_find.h.
#include "import/site_find.h"

#include <algorithm>
#include <set>

#include "base/text.h"

namespace {

// Text as anchor_of() folds it (lower case, a hyphen for each run of
// anything else) with a hyphen at each end, so that "St Mary’s  C of E" and
// "st mary's c of e" compare equal, and only whole words are found.
std::string words_of(std::string_view text) {
  // Appended, not "-" + anchor_of(text): GCC 12 warns (-Wrestrict) wrongly on that.
  std::string folded = "-";
  folded += anchor_of(text);
  folded += '-';
  return folded;
}

// Every paragraph's and table cell's text, folded.
std::string all_text(const ImportDoc& doc) {
  std::string out;
  for (auto& b : doc.blocks) {
    if (!b.is_table) out += b.paragraph.text + " ";
    else
      for (auto& row : b.table.rows)
        for (auto& cell : row) out += cell_text(cell) + " ";
  }
  return words_of(out);
}

// Whether `words` (folded) holds `name` as whole words; a name of fewer
// than four letters is too likely to be found by chance.
bool holds(const std::string& words, const std::string& name) {
  return name.size() >= 6 && words.find(name) != std::string::npos;
}

// A role's name found in a title is evidence only if it is two words or
// more: "Teaching Assistant" holds "teaching", and is a support role.
bool holds_words(const std::string& title, const std::string& name) {
  return holds(title, name) && name.find('-', 1) < name.size() - 1;
}

// Drops each name that is part of another in the list.
template <class T>
void keep_longest(std::vector<std::pair<std::string, T>>& found) {
  std::vector<std::pair<std::string, T>> kept;
  for (auto& f : found) {
    bool inside = false;
    for (auto& other : found)
      if (other.first.size() > f.first.size() && other.first.find(f.first) != std::string::npos) inside = true;
    if (!inside) kept.push_back(f);
  }
  found = std::move(kept);
}

}  // namespace

std::string school_line(const ImportDoc& doc, const std::vector<SchoolName>& schools) {
  std::string text = all_text(doc);
  std::vector<std::pair<std::string, const SchoolName*>> named;
  for (auto& s : schools)
    if (std::string name = words_of(s.name); holds(text, name)) named.push_back({name, &s});
  keep_longest(named);
  if (named.size() == 1)
    return "school: " + named[0].second->id + "  # check: the document names " + named[0].second->name + "\n";
  if (named.empty() && schools.size() == 1)
    return "school: " + schools[0].id + "  # check: the site's only school; the document does not name it\n";
  std::string line = "# school: SCHOOL-ID  # check: ";
  line += named.size() > 1 ? "the document names more than one school" : "the document does not say which school";
  if (schools.empty()) return line + "; a name in content/schools/\n";
  line += "; one of:";
  for (auto& s : schools) line += " " + s.id;
  return line + "\n";
}

std::string role_line(const std::string& title, const SiteNames& site) {
  std::string words = words_of(title);
  // The site's own adverts of this title, if they agree on a role.
  std::set<std::string> same;
  std::string example;
  for (auto& a : site.adverts)
    if (!a.role.empty() && words_of(a.title) == words && words.size() > 2) same.insert(a.role), example = a.title;
  if (same.size() == 1)
    return "role: " + *same.begin() + "  # check: as your other adverts for " + example + "\n";
  // The roles there are: site.yaml's, and any others the adverts use.
  std::map<std::string, std::string> roles = site.roles;
  for (auto& a : site.adverts)
    if (!a.role.empty()) roles.emplace(a.role, "");
  std::vector<std::pair<std::string, std::string>> named;  // the words found, the role
  for (auto& [id, label] : roles) {
    std::string found;
    for (auto& name : {words_of(label), words_of(id)})
      if (holds_words(words, name) && name.size() > found.size()) found = name;
    if (!found.empty()) named.push_back({found, id});
  }
  keep_longest(named);
  if (named.size() == 1) {
    auto& [found, id] = named[0];
    std::string said = found.substr(1, found.size() - 2);
    std::replace(said.begin(), said.end(), '-', ' ');
    auto& label = roles[id];
    return "role: " + id + "  # check: " + (label.empty() ? "" : label + ", ") + "as the job title says " +
           said + "\n";
  }
  std::string line = "# role: ROLE  # check: the role category candidates browse by";
  if (roles.empty()) return line + ", such as learning-support or teaching\n";
  line += "; one of:";
  for (auto& [id, label] : roles) line += " " + id;
  return line + "\n";
}
