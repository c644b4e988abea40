// See school_find.h.
#include "import/school_find.h"

#include "base/text.h"

namespace {

// Every paragraph's and table cell's text as one anchor_of() does it (lower
// case, a hyphen for each run of anything else), so that "St Mary’s  C of E"
// and "st mary's c of e" compare equal, word for word.
std::string all_text(const ImportDoc& doc) {
  std::string out;
  for (auto& b : doc.blocks) {
    if (!b.is_table) out += b.paragraph.text + " ";
    else
      for (auto& row : b.table.rows)
        for (auto& cell : row) out += cell_text(cell) + " ";
  }
  // Appended, not "-" + anchor_of(out): GCC 12 warns (-Wrestrict) wrongly on that.
  std::string folded = "-";
  folded += anchor_of(out);
  folded += '-';
  return folded;
}

}  // namespace

std::string school_line(const ImportDoc& doc, const std::vector<SchoolName>& schools) {
  std::string text = all_text(doc);
  std::vector<const SchoolName*> named;
  for (auto& s : schools) {
    std::string name = "-";
    name += anchor_of(s.name);
    name += '-';
    if (name.size() >= 6 && text.find(name) != std::string::npos) named.push_back(&s);
  }
  if (named.size() == 1)
    return "school: " + named[0]->id + "  # check: the document names " + named[0]->name + "\n";
  if (named.empty() && schools.size() == 1)
    return "school: " + schools[0].id + "  # check: the site's only school; the document does not name it\n";
  std::string line = "# school: SCHOOL-ID  # check: ";
  line += named.size() > 1 ? "the document names more than one school" : "the document does not say which school";
  if (schools.empty()) return line + "; a name in content/schools/\n";
  line += "; one of:";
  for (auto& s : schools) line += " " + s.id;
  return line + "\n";
}
