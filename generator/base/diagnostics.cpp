// Collecting diagnostics, and printing them as compilers do.
#include "base/diagnostics.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <string_view>

#include "base/text.h"

void Diagnostics::error(const Mark& mark, std::string message) {
  items.push_back({mark, Severity::error, std::move(message)});
}

void Diagnostics::warning(const Mark& mark, std::string message) {
  items.push_back({mark, Severity::warning, std::move(message)});
}

void Diagnostics::append(const Diagnostics& other) {
  items.insert(items.end(), other.items.begin(), other.items.end());
}

int Diagnostics::errors() const {
  return static_cast<int>(std::count_if(items.begin(), items.end(), [](auto& d) {
    return d.severity == Severity::error;
  }));
}

int Diagnostics::warnings() const {
  return static_cast<int>(items.size()) - errors();
}

// The mark's line, to show under its message: at most 300 bytes of it, and
// where the column is far along a long line, the part around it, after
// "..." (`col` is moved to match).
static std::string source_line(const std::string& root, const Mark& mark, int& col) {
  if (mark.line <= 0 || mark.path.empty()) return {};
  std::ifstream in(root.empty() ? mark.path.str() : root + "/" + mark.path,
                   std::ios::binary);
  std::string line;
  for (int i = 0; i < mark.line && std::getline(in, line); ++i) {
  }
  if (!in && line.empty()) return {};
  if (!line.empty() && line.back() == '\r') line.pop_back();
  // Columns count from after a byte order mark, as the loaders read it.
  if (mark.line == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
  if (col > 200 && line.size() > 300) {
    size_t start = static_cast<size_t>(col - 1 - 100);
    while (start > 0 && (static_cast<unsigned char>(line[start]) & 0xC0) == 0x80) --start;
    line = "..." + line.substr(start);
    col -= static_cast<int>(start) - 3;
  }
  if (line.size() > 300) line.resize(300);
  // A byte that is not UTF-8 (a Latin-1 '£', say) is shown as '?', keeping
  // one byte per column so the caret still lines up.
  std::string shown;
  for (size_t i = 0; i < line.size();) {
    unsigned char c = line[i];
    size_t len = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
               : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    bool ok = len > 0 && i + len <= line.size();
    for (size_t k = 1; ok && k < len; ++k)
      ok = (static_cast<unsigned char>(line[i + k]) & 0xC0) == 0x80;
    if (ok) shown.append(line, i, len), i += len;
    else shown += '?', ++i;
  }
  return shown;
}

// A control character (C0 but tab and newline, DEL, C1) as the terminal
// must see it: escaped, never raw, so content cannot move the cursor, clear
// the screen or retitle the window. "" for any other character.
// Bidirectional controls too (U+202E and the like), which would show the
// line in another order than it is written.
static std::string escaped_control(std::string_view text, size_t i) {
  unsigned char c = text[i];
  char buf[16] = "";
  if (auto bidi = bidi_control_at(text, i); bidi.code) {
    std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(bidi.code));
    return buf;
  }
  if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F)
    std::snprintf(buf, sizeof buf, "\\x%02x", c);
  else if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
           static_cast<unsigned char>(text[i + 1]) <= 0x9F)
    std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned char>(text[i + 1]));
  return buf;
}

// How many bytes of the text escaped_control's escape stands for.
static size_t escaped_bytes(std::string_view text, size_t i) {
  if (auto bidi = bidi_control_at(text, i); bidi.code) return bidi.bytes;
  return static_cast<unsigned char>(text[i]) == 0xC2 ? 2 : 1;
}

static std::string escape_controls(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    std::string esc = escaped_control(text, i);
    if (esc.empty()) out += text[i];
    else out += esc, i += escaped_bytes(text, i) - 1;
  }
  return out;
}

// The caret goes under the col-th byte of the line as escape_controls shows
// it; tabs are kept so it lines up, each UTF-8 character counts as one
// column on screen, and an escaped control character as its escape.
static std::string caret_line(const std::string& line, int col) {
  std::string out;
  for (int i = 0; i < col - 1 && i < static_cast<int>(line.size()); ++i) {
    unsigned char c = line[i];
    std::string esc = escaped_control(line, i);
    if (!esc.empty()) out += std::string(esc.size(), ' '), i += escaped_bytes(line, i) - 1;
    else if (c == '\t') out += '\t';
    else if ((c & 0xC0) != 0x80) out += ' ';
  }
  return out + "^";
}

std::string location(const Mark& mark) {
  std::string s = mark.path;
  // Appended piece by piece: GCC 12 at -O3 warns (wrongly, its bug 105651)
  // on ":" + std::string.
  if (mark.line > 0) s.append(":").append(std::to_string(mark.line));
  if (mark.line > 0 && mark.col > 0) s.append(":").append(std::to_string(mark.col));
  return s;
}

void print_diagnostic(std::ostream& out, const Diagnostic& d,
                      const std::string& root, bool color) {
  const char* bold = color ? "\033[1m" : "";
  const char* red = color ? "\033[1;31m" : "";
  const char* magenta = color ? "\033[1;35m" : "";
  const char* reset = color ? "\033[0m" : "";
  out << bold << escape_controls(location(d.mark)) << ": " << reset;
  if (d.severity == Severity::error) out << red << "error: " << reset;
  else out << magenta << "warning: " << reset;
  out << escape_controls(d.message) << '\n';
  int col = d.mark.col;
  std::string line = source_line(root, d.mark, col);
  if (line.empty()) return;
  out << escape_controls(line) << '\n';
  if (col > 0) out << caret_line(line, col) << '\n';
}

void print_diagnostics(std::ostream& out, const Diagnostics& ds,
                       const std::string& root, bool color) {
  std::vector<const Diagnostic*> sorted;
  for (auto& d : ds.items) sorted.push_back(&d);
  std::stable_sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) {
    if (a->mark.path != b->mark.path) return a->mark.path < b->mark.path;
    if (a->mark.line != b->mark.line) return a->mark.line < b->mark.line;
    return a->mark.col < b->mark.col;
  });
  for (auto* d : sorted) print_diagnostic(out, *d, root, color);
  int e = ds.errors(), w = ds.warnings();
  if (e || w) {
    out << e << (e == 1 ? " error" : " errors") << ", " << w
        << (w == 1 ? " warning" : " warnings") << '\n';
  }
}

static size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1,
                         diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

std::string did_you_mean(const std::string& word,
                         const std::vector<std::string>& known) {
  std::string best;
  if (word.size() > 64) return best;  // no key is that long; and edit distance is quadratic
  size_t best_distance = std::max<size_t>(2, word.size() / 3) + 1;
  for (auto& k : known) {
    size_t d = edit_distance(word, k);
    // A known word that starts with the typed one ("clos" -> "closes") counts,
    // as does one that shares a long start ("closing" -> "closes").
    size_t common = 0;
    while (common < word.size() && common < k.size() && word[common] == k[common]) ++common;
    if (common >= 3 && (common == word.size() || common >= 4)) d = std::min<size_t>(d, 1);
    if (d < best_distance) best_distance = d, best = k;
  }
  return best;
}
