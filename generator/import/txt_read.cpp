// See txt_read.h.
#include "import/txt_read.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "base/text.h"
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
  // "**Bold**" as Markdown writes it, perhaps over two lines: the paragraph is bold.
  bool opens = p.text.rfind("**", 0) == 0, closes = p.text.size() > 2 && p.text.ends_with("**");
  if (opens) p.text.erase(0, 2);
  if (closes) p.text.erase(p.text.size() - 2);
  if (opens || closes) {
    p.text = tidy_space(p.text);
    p.markdown = "**" + p.text + "**";
    p.bold = true;
  }
  char last = p.text.empty() ? '.' : p.text.back();
  bool labelled = p.text.find(": ") != std::string::npos;  // "Grade: 4" is a fact, not a heading
  if (p.text.size() <= 60 && last != '.' && last != ',' && last != ';' && last != ':' && !labelled &&
      !has_bullet(p.text))
    p.heading = 2;
  return p;
}

// A field's paragraphs. Text copied out of a web page can keep its HTML
// ("<ul><li>...", "<p>1,2</p>") and a list flattened to one line ("• First
// • Second"): each paragraph and item becomes a paragraph of its own, and
// the other tags are dropped.
std::string without_tags(const std::string& text) {
  static const std::set<std::string> blocks = {"p", "ul", "ol", "li", "div", "br", "tr", "td", "th",
                                               "h1", "h2", "h3", "h4", "h5", "h6"};
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    auto tag = html_tag_at(text, i);
    if (!tag || tag->end == std::string::npos) {
      out += text[i];
      continue;
    }
    out += blocks.count(tag->name) ? "\n" : "";
    i = tag->end - 1;
  }
  for (auto [entity, character] : {std::pair{"&nbsp;", " "}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""},
                                   {"&#39;", "'"}, {"&amp;", "&"}})
    out = replace_all(out, entity, character);
  return out;
}

// At most `most` of them: a hostile line of a million "<p>x" stops there.
std::vector<std::string> parts_of(const std::string& field, size_t most = ReadLimits{}.max_blocks + 1) {
  std::string text = field.find('<') == std::string::npos ? field : without_tags(field);
  for (const std::string bullet : {"\xe2\x80\xa2 ", "\xe2\x96\xa1 "})  // "• " and "□ " (a tick box)
    for (size_t at = text.find(" " + bullet); at != std::string::npos; at = text.find(" " + bullet, at + 2)) text[at] = '\n';
  std::vector<std::string> parts;
  for (size_t start = 0; start <= text.size() && parts.size() < most;) {
    size_t end = std::min(text.find('\n', start), text.size());
    std::string part = tidy_space(text.substr(start, end - start));
    if (!part.empty() && !strip_bullet(part).empty()) parts.push_back(part);
    start = end + 1;
  }
  return parts;
}

DocCell cell_of(const std::string& field) {
  DocCell cell;
  for (auto& part : parts_of(field)) {
    cell.paragraphs.push_back(paragraph_of(part));
    cell.paragraphs.back().heading = 0;
  }
  return cell;
}

std::vector<DocCell> cells_of(const std::string& line) {
  std::vector<DocCell> cells;
  size_t start = 0;
  for (size_t tab = line.find('\t');; tab = line.find('\t', start)) {
    cells.push_back(cell_of(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start)));
    if (tab == std::string::npos || cells.size() >= 64) return cells;
    start = tab + 1;
  }
}

// "\tText": one cell of a table copied a cell to a line.
bool is_cell_line(const std::string& line) {
  return !line.empty() && line[0] == '\t' && line.find('\t', 1) == std::string::npos;
}

bool is_blank(const std::string& line) { return tidy_space(line).empty() && line.find('\t') == std::string::npos; }

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

// A table copied a cell to a line, each after a tab, with blank lines
// between its rows (as some programs copy a Word table as text); a line
// without the tab is the next paragraph of the cell before it while its row
// is shorter than the first.
std::optional<std::string> read_cell_lines(const std::vector<std::string>& lines, size_t& i, int number,
                                           const ReadLimits& limits, DocTable& table) {
  table.number = number;
  std::vector<DocCell> row;
  for (; i < lines.size(); ++i) {
    if (auto why = table_full(table, limits)) return why;
    bool short_row = !row.empty() && !table.rows.empty() && row.size() < table.rows[0].size();
    if (is_cell_line(lines[i])) {
      row.push_back(cell_of(lines[i].substr(1)));
    } else if (is_blank(lines[i])) {
      if (!short_row && !row.empty()) table.rows.push_back(std::move(row));
      if (!short_row) row.clear();
    } else if (short_row) {
      for (auto& part : parts_of(lines[i])) row.back().paragraphs.push_back(paragraph_of(part));
    } else {
      break;
    }
  }
  if (!row.empty()) table.rows.push_back(std::move(row));
  return std::nullopt;
}

// "... the class teacher and": a line that cannot end there.
bool ends_joined(const std::string& line) {
  size_t space = line.rfind(' ');
  std::string last = lower_ascii(space == std::string::npos ? line : line.substr(space + 1));
  for (const char* word : {"and", "or", "the", "a", "an", "of", "to", "in", "with", "for", "by", "on", "at"})
    if (last == word) return true;
  return false;
}

// "Grade:", and after it (past up to two blank lines) a short value alone on
// its line, as a form copied out of a table gives: the value, and `i` left
// on its line; else nothing, `i` as it was.
std::string value_after(const std::vector<std::string>& lines, size_t& i, const std::string& label) {
  if (label.size() > 30 || label.size() < 2 || label.back() != ':') return "";
  size_t next = i + 1;
  while (next < lines.size() && next <= i + 3 && is_blank(lines[next])) ++next;
  if (next >= lines.size() || next > i + 3 || lines[next].find('\t') != std::string::npos) return "";
  std::string value = tidy_space(lines[next]);
  DocParagraph item;
  if (value.empty() || value.size() > 40 || value.back() == ':' || list_item(value, item)) return "";
  i = next;
  return value;
}

// Lines wrapped by hand, as in text copied out of a PDF: a line that stops
// mid-sentence, and the next (perhaps after one blank line) starting in
// lower case, or after a word such as "and", and not a list item, are one line.
std::vector<std::string> unwrapped(const std::vector<std::string>& lines) {
  std::vector<std::string> out;
  for (size_t i = 0; i < lines.size(); ++i) {
    out.push_back(tidy_space(lines[i]));
    std::string& line = out.back();
    if (lines[i].find('\t') != std::string::npos) {
      out.back() = lines[i];
      continue;
    }
    if (auto value = value_after(lines, i, line); !value.empty()) {  // "Grade:" then "Grade 4"
      line += " " + value;
      continue;
    }
    while (!line.empty() && std::string(".:;?!").find(line.back()) == std::string::npos) {
      size_t next = i + 1 < lines.size() && is_blank(lines[i + 1]) ? i + 2 : i + 1;
      if (next >= lines.size() || lines[next].find('\t') != std::string::npos) break;
      std::string after = tidy_space(lines[next]);
      DocParagraph item;
      if (after.empty() || !(std::islower(static_cast<unsigned char>(after[0])) || ends_joined(line)) ||
          list_item(after, item))
        break;
      line += " " + after;
      i = next;
    }
  }
  return out;
}

}  // namespace

std::optional<std::string> read_txt(const std::string& text, const ReadLimits& limits, ImportDoc& out) {
  std::vector<std::string> lines = unwrapped(lines_of(text));
  int tables = 0;
  for (size_t i = 0; i < lines.size();) {
    if (auto why = document_full(out, limits)) return why;
    DocBlock block;
    if (is_cell_line(lines[i]) && i + 1 < lines.size() && is_cell_line(lines[i + 1])) {
      block.is_table = true;
      if (auto why = read_cell_lines(lines, i, ++tables, limits, block.table)) return why;
    } else if (is_row(lines[i])) {
      block.is_table = true;
      if (auto why = read_table(lines, i, ++tables, limits, block.table)) return why;
    } else {
      for (auto& part : parts_of(lines[i], limits.max_blocks - out.blocks.size() + 1))
        out.blocks.push_back({false, paragraph_of(part), {}});
      ++i;
      continue;
    }
    out.blocks.push_back(std::move(block));
  }
  if (out.blocks.size() > limits.max_blocks) return document_full(out, limits);  // the last line's many parts
  return std::nullopt;
}
