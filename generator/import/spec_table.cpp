// See spec_table.h.
#include "import/spec_table.h"

#include <cctype>
#include <sstream>

#include "base/text.h"
#include "import/criteria_text.h"

namespace {

using Role = SpecColumns::Role;
using Columns = SpecColumns;

Role role_of(const std::string& header) {
  std::string h = lower_ascii(header);
  bool e = h.find("essential") != std::string::npos, d = h.find("desirable") != std::string::npos;
  if ((e && d) || h == "level" || h == "e/d") return Role::level;
  if (e) return Role::essential;
  if (d) return Role::desirable;
  for (const char* w : {"assess", "identified", "measured", "method", "evidence", "how "})
    if (h.find(w) != std::string::npos) return Role::methods;
  if (h == "n/a" || h == "na") return Role::ignored;
  return Role::criterion;
}

bool find_columns(const DocTable& t, Columns& cols) {
  for (size_t r = 0; r < t.rows.size() && r < 3; ++r) {
    std::vector<Role> roles;
    bool level = false;
    for (auto& cell : t.rows[r]) {
      std::string text = cell_text(cell);
      roles.push_back(text.size() > 40 ? Role::criterion : role_of(text));
      level = level || roles.back() == Role::essential || roles.back() == Role::desirable ||
              roles.back() == Role::level;
    }
    if (!level) continue;
    cols = Columns{roles, std::vector<int>(roles.size(), -1), -1, r, r + 1};
    int last_level = -1;
    for (size_t c = 0; c < roles.size(); ++c) {
      if (roles[c] == Role::criterion && cols.criterion < 0) cols.criterion = static_cast<int>(c);
      else if (roles[c] == Role::criterion) roles[c] = Role::ignored;
      if (roles[c] == Role::essential || roles[c] == Role::desirable) last_level = static_cast<int>(c);
      if (roles[c] == Role::methods) cols.methods_for[c] = last_level;
      cols.roles[c] = roles[c];
    }
    return cols.criterion >= 0;
  }
  return false;
}

bool is_tick(const std::string& text) {
  std::string t = lower_ascii(tidy_space(text));
  return !t.empty() && t != "no" && t != "n/a" && t != "-" && t != "✗" && t != "☐" && t != "☒";
}

std::string where(const DocTable& t, size_t row) {
  return "table " + std::to_string(t.number) + ", row " + std::to_string(row + 1);
}

// A list layout holds criteria (long text) in its level columns; a tick layout marks.
bool is_list_layout(const DocTable& t, const Columns& cols) {
  for (size_t r = cols.body; r < t.rows.size(); ++r)
    for (size_t c = 0; c < cols.roles.size() && c < t.rows[r].size(); ++c)
      if ((cols.roles[c] == Role::essential || cols.roles[c] == Role::desirable) &&
          cell_text(t.rows[r][c]).size() > 12)
        return true;
  return false;
}

FoundSection& section_for(FoundSpec& spec) {
  if (spec.sections.empty()) spec.sections.push_back({"Requirements", "", "", {}, ""});
  return spec.sections.back();
}

std::vector<std::string> methods_of(const std::string& text, const Legend& legend,
                                    const std::string& at, std::vector<ImportNote>& notes) {
  if (!is_codes(text)) return methods_in_words(text);
  std::string unknown;
  auto ids = methods_in_codes(text, legend, unknown);
  if (!unknown.empty())
    notes.push_back({at, "assessment code " + unknown + " is not in the document's legend; left out"});
  return ids;
}

}  // namespace


// "1. Qualifications" -> "Qualifications".
std::string strip_number(const std::string& text) {
  size_t i = 0;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
  if (i == 0 || i >= text.size() || (text[i] != '.' && text[i] != ')')) return text;
  return tidy_space(text.substr(i + 1));
}

// A row per criterion: text, a tick or word for the level, how assessed.
void tick_row(const DocTable& t, size_t r, const Columns& cols, const Legend& legend,
              FoundSpec& spec, std::vector<ImportNote>& notes) {
  const auto& row = t.rows[r];
  if (static_cast<size_t>(cols.criterion) >= row.size()) return;
  const DocCell& cc = row[cols.criterion];
  std::string text = cell_text(cc);
  bool others_empty = true;
  for (size_t c = 0; c < row.size(); ++c)
    if (static_cast<int>(c) != cols.criterion && !cell_text(row[c]).empty()) others_empty = false;
  if (text.empty()) {
    if (!others_empty) notes.push_back({where(t, r), "marks but no criterion; left out"});
    return;
  }
  bool bold = !cc.paragraphs.empty() && cc.paragraphs[0].bold;
  if (cc.span >= static_cast<int>(row.size()) || (others_empty && (bold || text.size() < 60))) {
    spec.sections.push_back({strip_number(strip_bullet(text)), "", "", {}, ""});
    return;
  }
  FoundCriterion c = criterion_of(cc.paragraphs);
  bool e = false, d = false;
  for (size_t col = 0; col < row.size() && col < cols.roles.size(); ++col) {
    std::string v = cell_text(row[col]);
    if (cols.roles[col] == Role::essential) e = e || is_tick(v);
    if (cols.roles[col] == Role::desirable) d = d || is_tick(v);
    if (cols.roles[col] == Role::level) {
      std::string w = lower_ascii(v);
      e = e || w.rfind("e", 0) == 0;
      d = d || w.rfind("d", 0) == 0;
    }
    if (cols.roles[col] == Role::methods && !v.empty()) c.methods = methods_of(v, legend, where(t, r), notes);
  }
  if (e == d) {
    c.check = where(t, r) + (e ? ": marked both Essential and Desirable" : ": no tick under Essential or Desirable") +
              "; written as essential";
    notes.push_back({where(t, r), std::string(e ? "marked both Essential and Desirable" : "no tick under Essential or Desirable") +
                                      "; written as essential with a '# check:' comment"});
  }
  c.level = d && !e ? "desirable" : "essential";
  section_for(spec).criteria.push_back(c);
}

// "1,2 1,2,5": a group of codes per criterion, on one line. A space between
// two digits parts groups; "1, 2 and 5" is one.
std::vector<std::string> code_groups(const std::string& line) {
  std::vector<std::string> groups;
  std::istringstream words(line);
  for (std::string word; words >> word;) {
    bool apart = !groups.empty() && std::isdigit(static_cast<unsigned char>(groups.back().back())) &&
                 std::isdigit(static_cast<unsigned char>(word[0]));
    if (groups.empty() || apart) groups.push_back(word);
    else groups.back() += " " + word;
  }
  return groups;
}

// "Holds QTS. Has led reviews.": the sentences of a list that lost its line
// breaks, when there are `count` of them; else nothing. Not after "e.g."
// and the like, nor before a lower-case word.
std::vector<std::string> sentences(const std::string& text, size_t count) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t at = text.find(". "); at != std::string::npos; at = text.find(". ", at + 1)) {
    size_t word = text.find_last_of(" (", at - 1);
    std::string last = lower_ascii(text.substr(word == std::string::npos ? 0 : word + 1, at - (word + 1)));
    bool abbreviation = last == "e.g" || last == "i.e" || last == "etc" || last == "eg" ||
                        last == "ie" || last == "no" || last == "approx";
    if (abbreviation || at + 2 >= text.size() || !std::isupper(static_cast<unsigned char>(text[at + 2]))) continue;
    out.push_back(text.substr(start, at + 1 - start));
    start = at + 2;
  }
  out.push_back(text.substr(start));
  if (out.size() != count) return {};
  return out;
}

// The texts of a methods cell's paragraphs, one per criterion when they match.
void apply_methods(const DocCell& cell, std::vector<FoundCriterion>& crits, FoundSection& section,
                   const Legend& legend, const std::string& at, std::vector<ImportNote>& notes) {
  std::vector<std::string> lines;
  for (auto& p : cell.paragraphs)
    if (!strip_bullet(p.text).empty()) lines.push_back(strip_bullet(p.text));
  if (lines.empty() || crits.empty()) return;
  bool codes = is_codes(lines[0]);
  if (codes && lines.size() == 1) lines = code_groups(lines[0]);
  if (codes && crits.size() == 1 && lines.size() > 1 && crits[0].details.empty()) {
    // One criterion, a group of codes for each of its sentences: a list run together.
    std::vector<FoundCriterion> split;
    for (auto& sentence : sentences(crits[0].text, lines.size())) {
      split.push_back(crits[0]);
      split.back().text = sentence;
    }
    if (!split.empty()) crits = split;
  }
  if (!codes) {  // words for the whole section: "Formal possession of ... verified at interview"
    section.note = cell_text(cell);
    for (auto& c : crits) c.methods = methods_in_words(section.note);
    return;
  }
  bool lined_up = lines.size() == crits.size() || lines.size() == 1;
  if (!lined_up && crits.size() == 1)
    notes.push_back({at, counted(lines.size(), "group") + " of assessment codes for one criterion: it may be " +
                             std::to_string(lines.size()) + " criteria run together; split it and give each its codes"});
  else if (!lined_up)
    notes.push_back({at, counted(lines.size(), "group") + " of assessment codes for " +
                             counted(crits.size(), "criterion", "criteria") + "; matched in order, check them"});
  for (size_t i = 0; i < crits.size(); ++i) {
    std::string line = lines.size() == 1 ? lines[0] : lines[std::min(i, lines.size() - 1)];
    if (!lined_up && crits.size() == 1)  // every group's methods, so that none is lost
      for (size_t g = 1; g < lines.size(); ++g) line += ", " + lines[g];
    crits[i].methods = methods_of(line, legend, at, notes);
    if (!lined_up) crits[i].check = at + ": " + counted(lines.size(), "group") + " of assessment codes did not line up";
  }
}

// A row per section: its name (and prompt), the criteria listed under each level.
void list_row(const DocTable& t, size_t r, const Columns& cols, const Legend& legend,
              FoundSpec& spec, std::vector<ImportNote>& notes) {
  const auto& row = t.rows[r];
  if (static_cast<size_t>(cols.criterion) >= row.size()) return;
  std::vector<std::string> head;
  for (auto& p : row[cols.criterion].paragraphs)
    if (!p.text.empty()) head.push_back(p.text);
  FoundSection fresh;
  if (!head.empty()) fresh.name = strip_number(head[0]);
  for (size_t i = 1; i < head.size(); ++i) fresh.prompt += (fresh.prompt.empty() ? "" : " ") + head[i];
  if (!head.empty() || spec.sections.empty()) spec.sections.push_back(fresh);
  FoundSection& section = spec.sections.back();
  for (size_t c = 0; c < row.size() && c < cols.roles.size(); ++c) {
    if (cols.roles[c] != Role::essential && cols.roles[c] != Role::desirable) continue;
    auto crits = criteria_in(row[c].paragraphs, cols.roles[c] == Role::essential ? "essential" : "desirable");
    for (size_t m = 0; m < row.size() && m < cols.roles.size(); ++m)
      if (cols.roles[m] == Role::methods && cols.methods_for[m] == static_cast<int>(c))
        apply_methods(row[m], crits, section, legend, where(t, r), notes);
    section.criteria.insert(section.criteria.end(), crits.begin(), crits.end());
  }
  if (section.criteria.empty()) notes.push_back({where(t, r), "section '" + section.name + "' has no criteria"});
}

// A table with no header row of its own, as wide as the one before it.
bool continues(const DocTable& t, const Columns* before) {
  if (before == nullptr || t.rows.empty()) return false;
  for (auto& row : t.rows)
    if (row.size() != before->roles.size()) return false;
  return true;
}

std::optional<SpecColumns> read_spec_table(const DocTable& table, const Legend& legend, const SpecColumns* before,
                                           FoundSpec& spec, std::vector<ImportNote>& notes) {
  Columns cols;
  if (find_columns(table, cols)) {
    std::string first = cell_text(table.rows[cols.header][cols.criterion]);
    if (!is_generic_heading(first) && !is_list_layout(table, cols))
      spec.sections.push_back({first, "", "", {}, ""});  // "Skills and Abilities | Essential | ..."
  } else if (continues(table, before)) {
    cols = *before;
    cols.body = 0;
  } else {
    return std::nullopt;
  }
  for (size_t r = cols.body; r < table.rows.size(); ++r) {
    if (is_list_layout(table, cols))
      list_row(table, r, cols, legend, spec, notes);
    else
      tick_row(table, r, cols, legend, spec, notes);
  }
  return cols;
}
