// See school_find.h.
#include "import/school_find.h"

#include "base/text.h"

namespace {

// Lower case, one space between words, curly apostrophes made straight:
// "St Mary’s  C of E" and "st mary's c of e" compare equal.
std::string folded(const std::string& text) {
  std::string s;
  for (size_t i = 0; i < text.size(); ++i)
    if (text.compare(i, 3, "\xe2\x80\x99") == 0) s += '\'', i += 2;
    else s += text[i];
  return lower_ascii(tidy_space(s));
}

// Every paragraph's and table cell's text, folded, a space between each.
std::string all_text(const ImportDoc& doc) {
  std::string out = " ";
  for (auto& b : doc.blocks) {
    if (!b.is_table) out += folded(b.paragraph.text) + " ";
    else
      for (auto& row : b.table.rows)
        for (auto& cell : row) out += folded(cell_text(cell)) + " ";
  }
  return out;
}

}  // namespace

std::string school_line(const ImportDoc& doc, const std::vector<SchoolName>& schools) {
  std::string text = all_text(doc);
  std::vector<const SchoolName*> named;
  for (auto& s : schools) {
    std::string name = folded(s.name);
    if (name.size() >= 4 && text.find(" " + name) != std::string::npos) named.push_back(&s);
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
