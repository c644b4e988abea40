// The pass over Markdown that finds what cmark-gfm would be too slow on; see
// markdown_limits.h. It reads the text line by line, roughly as cmark-gfm
// does: a count that is off by a few only moves a limit no advert comes near.
#include "markdown/markdown_limits.h"

#include <algorithm>
#include <vector>

#include "base/text.h"

namespace {

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

// A table's delimiter row: "|---|:--:|", "--- | ---".
bool is_delimiter_row(std::string_view line) {
  bool dash = false, pipe = false;
  for (char c : line) {
    if (c == '-') dash = true;
    else if (c == '|') pipe = true;
    else if (c != ' ' && c != '\t' && c != ':' && c != '\r') return false;
  }
  return dash && pipe;
}

// Cells in a table row: unescaped '|' between them, one at either end
// optional.
long cells_of(std::string_view line) {
  long pipes = 0;
  for (size_t i = 0; i < line.size(); ++i)
    if (line[i] == '\\') ++i;
    else if (line[i] == '|') ++pipes;
  auto first = line.find_first_not_of(" \t");
  auto last = line.find_last_not_of(" \t\r");
  if (first == std::string_view::npos) return 0;
  long cells = pipes + 1;
  if (line[first] == '|') --cells;
  if (last != first && line[last] == '|' && line[last - 1] != '\\') --cells;
  return cells < 1 ? 1 : cells;
}

// Block quotes and list items opened at the start of a line: "> > - 1. ".
// A line of "- - - -" or "* * *" alone is a dividing rule, not lists.
int nesting_of(std::string_view line) {
  auto first = line.find_first_not_of(" \t");
  if (first != std::string_view::npos && (line[first] == '-' || line[first] == '*') &&
      line.find_first_not_of(std::string(1, line[first]) + " \t\r") == std::string_view::npos)
    return 0;
  int depth = 0;
  size_t i = 0;
  auto marker_end = [&](size_t k) {  // past a marker and its space, or 0
    if (k < line.size() && line[k] == '>') return k + 1;
    size_t d = k;
    while (d < line.size() && d - k < 9 && line[d] >= '0' && line[d] <= '9') ++d;
    if (d > k && d < line.size() && (line[d] == '.' || line[d] == ')')) ++d;
    else if (d == k && k < line.size() && (line[k] == '-' || line[k] == '*' || line[k] == '+')) ++d;
    else return size_t{0};
    return d < line.size() && (line[d] == ' ' || line[d] == '\t') ? d + 1 : size_t{0};
  };
  for (;;) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    size_t next = marker_end(i);
    if (!next) return depth;
    ++depth, i = next;
  }
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  for (size_t start = 0; start <= text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// What is open as the lines go by: brackets in the paragraph, the table's
// columns (0 outside a table) and the cells of every table so far.
struct Open {
  int brackets = 0;
  long table_columns = 0, cells = 0;
};

// A table row's columns and the text's cells, against their limits.
std::optional<MarkdownLimit> table_limits(std::string_view line, int line_no, Open& open) {
  long row = cells_of(line);
  if (row > kMaxTableColumns || open.table_columns > kMaxTableColumns)
    return MarkdownLimit{line_no, 1,
                         "this table has " + group_thousands(std::max(row, open.table_columns)) +
                             " columns; a table can have at most " + std::to_string(kMaxTableColumns) +
                             " (put a larger one in a document, such as a spreadsheet)"};
  open.cells += std::max(row, open.table_columns);
  if (open.cells > kMaxTableCells)
    return MarkdownLimit{line_no, 1,
                         "the tables here have more than " + group_thousands(kMaxTableCells) +
                             " cells in all; put a table this large in a document, such as a "
                             "spreadsheet, and link to it"};
  return std::nullopt;
}

// Words too long, 'www.' runs, and square brackets left open, on one line.
std::optional<MarkdownLimit> word_limits(std::string_view line, int line_no, Open& open) {
  // Most lines: too short for a word too long, with no bracket and no web
  // address, so nothing below can happen on them; found without going
  // through them a byte at a time.
  if (line.size() <= static_cast<size_t>(kMaxMarkdownWord) && line.find('[') == line.npos &&
      line.find(']') == line.npos && line.find("www.") == line.npos)
    return std::nullopt;
  int word = 0, www = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    int col = static_cast<int>(i) + 1;
    if (c == ' ' || c == '\t' || c == '\r') {
      word = 0, www = 0;
      continue;
    }
    if (c == 'w' && line.substr(i, 4) == "www." && ++www > kMaxWwwInWord)
      return MarkdownLimit{line_no, col - word,
                           "this word has 'www.' in it more than " + std::to_string(kMaxWwwInWord) +
                               " times; put spaces between web addresses"};
    if (++word > kMaxMarkdownWord)
      return MarkdownLimit{line_no, col - word + 1,
                           "this word has more than " + group_thousands(kMaxMarkdownWord) +
                               " characters with no space; a word or link can have at most " +
                               group_thousands(kMaxMarkdownWord)};
    if (c == '\\') {
      ++i, ++word;  // an escaped character opens nothing
    } else if (c == '[' && ++open.brackets > kMaxOpenBrackets) {
      return MarkdownLimit{line_no, col,
                           "this paragraph has more than " + std::to_string(kMaxOpenBrackets) +
                               " square brackets [ open at once; close each with ] or, for "
                               "a bracket on its own, type \\["};
    } else if (c == ']' && open.brackets > 0) {
      --open.brackets;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<MarkdownLimit> markdown_over_limits(std::string_view text) {
  std::vector<std::string_view> lines = split_lines(text);
  Open open;
  for (size_t n = 0; n < lines.size(); ++n) {
    std::string_view line = lines[n];
    int line_no = static_cast<int>(n) + 1;
    if (is_blank(line)) {  // a paragraph or a table ends here
      open.brackets = 0, open.table_columns = 0;
      continue;
    }
    if (!open.table_columns && n + 1 < lines.size() && is_delimiter_row(lines[n + 1]))
      open.table_columns = cells_of(line);  // this line is a table's header
    if (open.table_columns)
      if (auto over = table_limits(line, line_no, open)) return over;
    if (int depth = nesting_of(line); depth > kMaxNesting)
      return MarkdownLimit{line_no, 1,
                           "this line opens " + group_thousands(depth) +
                               " block quotes (>) or lists inside each other; at most " +
                               std::to_string(kMaxNesting) + " are allowed"};
    if (auto over = word_limits(line, line_no, open)) return over;
  }
  return std::nullopt;
}
