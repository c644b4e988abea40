// The plain pass over YAML's text and the explained complaints; see
// yaml_problems.h.
#include "load/yaml_problems.h"

#include <cstdlib>
#include <string_view>
#include <vector>

#include "base/text.h"
#include "base/yaml_text.h"

constexpr int kMaxDepth = kMaxYamlDepth;

namespace {

// The pass itself: a cursor over the text, one method for each thing it
// steps over.
struct Prescan {
  const std::string& text;
  size_t n = text.size(), i = 0, line_start = 0;
  int line = 1, flow = 0;
  bool value_start = true;  // nothing but indentation or an indicator before
  int block_indent = -1;    // >= 0: skipping a block scalar's lines

  int col() const { return static_cast<int>(i - line_start) + 1; }
  int indent_at(size_t p) const {
    size_t k = p;
    while (k < n && text[k] == ' ') ++k;
    return static_cast<int>(k - p);
  }
  bool after_space() const { return text[i - 1] == ' ' || text[i - 1] == '\t'; }

  // A line end, and then a block scalar's lines (blank or deeper) if one
  // began on the line; false at the end of the text.
  bool newline() {
    ++line, ++i, line_start = i, value_start = true;
    if (block_indent < 0) return true;
    while (i < n) {
      int ind = indent_at(i);
      size_t eol = text.find('\n', i);
      bool blank = text.find_first_not_of(" \t\r", i + ind) == eol || i + ind >= n;
      if (!blank && ind <= block_indent) break;
      if (eol == std::string::npos) return false;
      ++line, i = eol + 1, line_start = i;
    }
    block_indent = -1;
    return true;
  }

  void to_line_end() {
    while (i < n && text[i] != '\n') ++i;
  }

  // A quoted value, to its closing quote; a quote never closed is the problem.
  std::optional<Problem> quoted(char q) {
    int open_line = line, open_col = col();
    for (++i; i < n; ++i) {
      if (text[i] == '\n') ++line, line_start = i + 1;
      else if (q == '"' && text[i] == '\\') ++i;
      else if (text[i] == q) {
        if (q == '\'' && i + 1 < n && text[i + 1] == '\'') { ++i; continue; }
        break;
      }
    }
    if (i >= n)  // yaml-cpp would take the rest of the file as the text
      return Problem{open_line, open_col,
                     std::string("this text opens a quote (") + q +
                         ") that is never closed; add the closing " + q};
    ++i, value_start = false;
    return std::nullopt;
  }

  // True where `c` is an indicator: "- ", ": ", "? ", or a ':' ending a flow key.
  bool indicator(char c) const {
    if (c != '-' && c != ':' && c != '?') return false;
    if (i + 1 >= n || text[i + 1] == ' ' || text[i + 1] == '\n') return true;
    char next = text[i + 1];
    return flow > 0 && c == ':' && (next == ',' || next == ']' || next == '}');
  }

  // The rest of a plain word, which cannot open anything.
  void plain_word() {
    ++i, value_start = false;
    auto ends = [&] {
      char c = text[i];
      return c == '\n' || (c == '#' && after_space()) ||
             (c == ':' && i + 1 < n && (text[i + 1] == ' ' || text[i + 1] == '\n')) ||
             (flow > 0 && (c == ',' || c == '[' || c == ']' || c == '{' || c == '}'));
    };
    while (i < n && !ends()) ++i;
  }

  // One step over whatever is at `i`; a problem, or nothing.
  std::optional<Problem> step() {
    char c = text[i];
    if (c == ' ' || c == '\t' || c == '\r') return ++i, std::nullopt;
    if (c == '#' && (i == line_start || after_space())) return to_line_end(), std::nullopt;
    if (value_start && (c == '"' || c == '\'')) return quoted(c);
    if ((c == '[' || c == '{') && (flow > 0 || value_start)) {
      if (++flow > kMaxDepth)
        return Problem{line, col(), "this YAML is nested too deeply (more than " +
                                        std::to_string(kMaxDepth) + " levels of [ or {); write it out plainly"};
      ++i, value_start = true;
    } else if ((c == ']' || c == '}') && flow > 0) {
      --flow, ++i, value_start = false;
    } else if ((c == ',' && flow > 0) || indicator(c)) {
      ++i, value_start = true;
    } else if (flow == 0 && value_start && (c == '|' || c == '>')) {
      block_indent = indent_at(line_start);
      to_line_end();
    } else {
      plain_word();
    }
    return std::nullopt;
  }
};

}  // namespace

std::optional<Problem> prescan(const std::string& text) {
  Prescan scan{text};
  while (scan.i < scan.n) {
    if (text[scan.i] == '\n') {
      if (!scan.newline()) return std::nullopt;
      continue;
    }
    if (auto problem = scan.step()) return problem;
  }
  return std::nullopt;
}

namespace {

// A line indented with a tab near where yaml-cpp gave up (0-based): the
// last one up to it, else the next. A tab further away (in a block of
// text, say) is not what broke. Its message names the fix, which
// yaml-cpp's ("illegal map value", "illegal block entry") never do.
std::optional<Problem> tab_problem(const std::vector<std::string_view>& lines, int error_line) {
  constexpr int kNear = 3;  // lines before the error a tab may be to blame from
  std::optional<Problem> found;
  int last = std::min(static_cast<int>(lines.size()), error_line + 2);
  for (int i = std::max(0, error_line - kNear); i < last; ++i) {
    auto line = lines[i];
    size_t indent = line.find_first_not_of(" \t");
    if (indent == std::string_view::npos || line[indent] == '#') continue;
    size_t tab = line.substr(0, indent).find('\t');
    if (tab == std::string_view::npos) continue;
    Problem p{i + 1, static_cast<int>(tab) + 1, ""};
    if (i <= error_line) found = p;
    else if (!found) found = p;
    if (i >= error_line && found) break;
  }
  return found;
}

// A value written without quotes that has ": " in it ("title: Cook: part
// time"), which YAML takes as a second key; or one that starts with a curly
// quote, which YAML takes as part of the text. On the line (0-based) given.
std::optional<Problem> colon_problem(const std::vector<std::string_view>& lines, int index) {
  if (index < 0 || index >= static_cast<int>(lines.size())) return std::nullopt;
  std::string_view line = lines[index];
  size_t start = line.find_first_not_of(' ');
  if (start != std::string_view::npos && line.compare(start, 2, "- ") == 0) start += 2;
  size_t colon = line.find(": ", start);
  if (start == std::string_view::npos || colon == std::string_view::npos) return std::nullopt;
  size_t value = line.find_first_not_of(' ', colon + 1);
  if (value == std::string_view::npos || std::string_view("\"'[{|>&*!#").find(line[value]) !=
                                             std::string_view::npos)
    return std::nullopt;
  std::string key(line.substr(start, colon - start));
  std::string_view rest = line.substr(value);
  size_t note = rest.find(" #");  // a note after the value is not part of it
  std::string text(rest.substr(0, note == std::string_view::npos ? rest.size() : note));
  text.erase(text.find_last_not_of(" \t\r") + 1);
  if (auto quote = curly_quote_advice(text.substr(0, 3)); !quote.empty())
    return Problem{index + 1, static_cast<int>(value) + 1,
                   "this value starts with a curly quote, which YAML does not take as a quote. " +
                       quote};
  if (text.find(": ") == std::string::npos && text.back() != ':') return std::nullopt;
  return Problem{index + 1, static_cast<int>(value) + 1,
                 "the value of '" + key + "' has a colon and a space (': ') in it, which YAML "
                 "takes as the start of another key: put the whole value in quotes, like " +
                     key + ": " + yaml_scalar(text)};
}

// A line (0-based) indented one or two spaces off the lines it belongs
// with, which yaml-cpp reports as "end of map not found" and the like: the
// two lines and where each starts, to line them up.
std::optional<Problem> indent_problem(const std::vector<std::string_view>& lines, int index, int first_line) {
  if (index < 1 || index >= static_cast<int>(lines.size())) return std::nullopt;
  auto content = [](std::string_view l) {
    size_t at = l.find_first_not_of(' ');
    return at != std::string_view::npos && l[at] != '#' && l[at] != '\r';
  };
  auto indent = [](std::string_view l) { return static_cast<int>(l.find_first_not_of(' ')); };
  auto is_item = [&](std::string_view l) { return l.compare(indent(l), 2, "- ") == 0; };
  auto first_word = [&](std::string_view l, int from) {  // "level:", "- text:"
    std::string_view rest = l.substr(from);
    size_t end = rest.find(' ', rest.compare(0, 2, "- ") == 0 ? 2 : 0);
    return std::string(rest.substr(0, std::min(end, rest.size())));
  };
  std::string_view line = lines[index];
  if (!content(line)) return std::nullopt;
  int n = indent(line);
  for (int i = index - 1; i >= 0; --i) {
    std::string_view above = lines[i];
    if (!content(above)) continue;
    int m = indent(above);
    // An item ("- ") lines up with the item before it; a key with the keys
    // of the line above, after its "- " if it has one.
    int want = is_item(line) ? m : m + (is_item(above) ? 2 : 0);
    if (is_item(line) && !is_item(above)) {
      if (m < n) return std::nullopt;  // the list's own key: nothing to line up with
      continue;
    }
    if (want == n || std::abs(want - n) > 2) return std::nullopt;
    std::string mine = first_word(line, n), theirs = first_word(above, want);
    return Problem{index + 1, n + 1,
                   "the indents here do not line up, so YAML cannot tell what this line belongs to: '" +
                       mine + "' starts in column " + std::to_string(n + 1) + ", but '" + theirs +
                       "' on line " + std::to_string(i + first_line) + " in column " + std::to_string(want + 1) +
                       ": put the same number of spaces before each, as in the lines around them"};
  }
  return std::nullopt;
}

// A list item written as plain text ("- Team work") with keys under it
// ("  level: essential"), which yaml-cpp reports as "illegal map value" on
// the key's line (0-based `index`): the item, and the key to start it with,
// as the items beside it have ("- text: ...").
std::optional<Problem> plain_item_problem(const std::vector<std::string_view>& lines, int index) {
  if (index < 1 || index >= static_cast<int>(lines.size())) return std::nullopt;
  auto indent = [](std::string_view l) { return l.find_first_not_of(' '); };
  auto content = [&](std::string_view l) { return indent(l) != std::string_view::npos && l[indent(l)] != '#'; };
  auto item_key = [&](std::string_view l) -> std::string {  // "- text: A" -> "text"
    std::string_view rest = l.substr(indent(l) + 2);
    size_t colon = rest.find(':');
    bool key = colon != std::string_view::npos && (colon + 1 == rest.size() || rest[colon + 1] == ' ') &&
               rest.substr(0, colon).find_first_of(" \"'") == std::string_view::npos;
    return key ? std::string(rest.substr(0, colon)) : "";
  };
  std::string_view line = lines[index];
  if (!content(line) || line.find(':') == std::string_view::npos) return std::nullopt;
  int above = index - 1;
  while (above >= 0 && !content(lines[above])) --above;
  if (above < 0) return std::nullopt;
  std::string_view item = lines[above];
  size_t at = indent(item);
  if (item.compare(at, 2, "- ") != 0 || !item_key(item).empty() || indent(line) != at + 2) return std::nullopt;
  std::string key = "text";
  for (auto l : lines)
    if (content(l) && indent(l) == at && l.compare(at, 2, "- ") == 0 && !item_key(l).empty()) {
      key = item_key(l);
      break;
    }
  std::string text(item.substr(at + 2));
  text.erase(text.find_last_not_of(" \r") + 1);
  return Problem{above + 1, static_cast<int>(at) + 3,
                 "this item is plain text, so the keys under it cannot belong to it: start it with its key, "
                 "like - " + key + ": " + yaml_scalar(text)};
}

}  // namespace

Problem explain(const std::string& text, const YAML::Exception& e, int first_line) {
  if (e.mark.line < 0) return {1, 0, "this is not valid YAML: " + e.msg};
  auto lines = lines_of(text);
  if (auto tab = tab_problem(lines, e.mark.line)) {
    tab->message = "line " + std::to_string(tab->line + first_line - 1) +
                   " is indented with a tab: use spaces (YAML does not allow tabs for indenting)";
    return *tab;
  }
  for (int i : {e.mark.line, e.mark.line - 1})
    if (auto colon = colon_problem(lines, i)) return *colon;
  if (auto indent = indent_problem(lines, e.mark.line, first_line)) return *indent;
  if (auto item = plain_item_problem(lines, e.mark.line)) return *item;
  std::string message = "this is not valid YAML: " + e.msg;
  if (e.mark.line >= 0 && e.mark.line < static_cast<int>(lines.size()))
    message = with_quote_advice(message, lines[e.mark.line]);
  return {e.mark.line + 1, e.mark.column + 1, message};
}

