// See txt_read.h.
#include "import/txt_read.h"

#include <cctype>

#include "import/criteria_text.h"

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines(1);
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    if (text[i] == '\r' || text[i] == '\n' || text[i] == '\f') lines.emplace_back();
    else lines.back() += text[i];
  }
  return lines;
}

// Word's bullets per level: "•" (Symbol), "o" (Courier New), "§" (Wingdings).
int bullet_level(const std::string& glyph) {
  if (glyph == "o") return 1;
  if (glyph == "\xc2\xa7" || glyph == "\xef\x82\xa7") return 2;
  return 0;
}

// "•\tText", "o Text", "1.\tText", "a)\tText": the item's text and its kind.
bool list_item(const std::string& line, DocParagraph& p) {
  size_t gap = line.find_first_of("\t ");
  if (gap == std::string::npos || gap == 0 || gap > 4) return false;
  std::string lead = line.substr(0, gap), rest = tidy_space(line.substr(gap));
  if (rest.empty()) return false;
  bool number = lead.size() >= 2 && (lead.back() == '.' || lead.back() == ')') &&
                std::isalnum(static_cast<unsigned char>(lead[0]));
  bool bullet = has_bullet(lead) || lead == "o" || lead == "\xc2\xa7" || lead == "\xef\x82\xa7";
  if (!number && !bullet) return false;
  p.text = p.markdown = rest;
  p.numbered = number;
  p.list_level = number ? 0 : bullet_level(lead);
  return true;
}

DocParagraph paragraph_of(const std::string& line) {
  DocParagraph p;
  if (list_item(line, p)) return p;
  p.text = p.markdown = tidy_space(line);
  char last = p.text.empty() ? '.' : p.text.back();
  bool labelled = p.text.find(": ") != std::string::npos;  // "Grade: 4" is a fact, not a heading
  if (p.text.size() <= 60 && last != '.' && last != ',' && last != ';' && last != ':' && !labelled &&
      !has_bullet(p.text))
    p.heading = 2;
  return p;
}

std::vector<DocCell> cells_of(const std::string& line) {
  std::vector<DocCell> cells;
  size_t start = 0;
  for (size_t tab = line.find('\t');; tab = line.find('\t', start)) {
    DocCell cell;
    std::string field = tidy_space(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (!field.empty()) cell.paragraphs.push_back(paragraph_of(field));
    for (auto& p : cell.paragraphs) p.heading = 0;
    cells.push_back(std::move(cell));
    if (tab == std::string::npos || cells.size() >= 64) return cells;
    start = tab + 1;
  }
}

bool is_row(const std::string& line) {
  DocParagraph p;
  return line.find('\t') != std::string::npos && !list_item(line, p);
}

// The lines from `i` that make a table; `i` is left after them.
std::optional<std::string> read_table(const std::vector<std::string>& lines, size_t& i, int number,
                                      const ReadLimits& limits, DocTable& table) {
  table.number = number;
  for (; i < lines.size(); ++i) {
    if (auto why = table_full(table, limits)) return why;
    std::string line = tidy_space(lines[i]);
    bool row_follows = i + 1 < lines.size() && is_row(lines[i + 1]);
    if (is_row(lines[i])) {
      table.rows.push_back(cells_of(lines[i]));
    } else if (row_follows && !line.empty() && line.back() == ':') {  // a lead-in of the next row's first cell
      table.rows.push_back(cells_of(lines[++i]));
      table.rows.back()[0].paragraphs.insert(table.rows.back()[0].paragraphs.begin(), paragraph_of(line));
      table.rows.back()[0].paragraphs[0].heading = 0;
    } else if (row_follows && !line.empty()) {
      std::vector<DocCell> row(table.rows.back().size());  // a row of one merged cell
      row[0].paragraphs.push_back(paragraph_of(lines[i]));
      row[0].span = static_cast<int>(row.size());
      for (size_t c = 1; c < row.size(); ++c) row[c].covered = true;
      table.rows.push_back(std::move(row));
    } else {
      return std::nullopt;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> read_txt(const std::string& text, const ReadLimits& limits, ImportDoc& out) {
  std::vector<std::string> lines = lines_of(text);
  int tables = 0;
  for (size_t i = 0; i < lines.size();) {
    if (auto why = document_full(out, limits)) return why;
    DocBlock block;
    if (is_row(lines[i])) {
      block.is_table = true;
      if (auto why = read_table(lines, i, ++tables, limits, block.table)) return why;
    } else {
      block.paragraph = paragraph_of(lines[i++]);
      if (block.paragraph.text.empty()) continue;
    }
    out.blocks.push_back(std::move(block));
  }
  return std::nullopt;
}
