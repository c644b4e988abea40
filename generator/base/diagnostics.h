// Errors and warnings as data. Every stage appends to a Diagnostics; only the
// command line prints them, compiler style, with the source line and a caret.
#pragma once

#include <ostream>
#include <string>
#include <vector>

// A place in a file: path as shown to the user (relative to the site folder),
// 1-based line and column; 0 means "the whole file" or "the whole line".
struct Mark {
  std::string path;
  int line = 0, col = 0;
};

enum class Severity { error, warning };

struct Diagnostic {
  Mark mark;
  Severity severity = Severity::error;
  std::string message;
};

struct Diagnostics {
  std::vector<Diagnostic> items;

  void error(const Mark& mark, std::string message);
  void warning(const Mark& mark, std::string message);
  void append(const Diagnostics& other);
  int errors() const;
  int warnings() const;
};

// "path:line:col", leaving out a line or column that is 0.
std::string location(const Mark& mark);

// Prints one diagnostic; `root` is the folder its path is relative to, read
// again to show the offending line.
void print_diagnostic(std::ostream& out, const Diagnostic& d,
                      const std::string& root, bool color = false);

// Prints all, sorted by file and line, then "N errors, M warnings".
void print_diagnostics(std::ostream& out, const Diagnostics& ds,
                       const std::string& root, bool color = false);

// The known word nearest to `word` (by edit distance), or "" if none is close.
std::string did_you_mean(const std::string& word,
                         const std::vector<std::string>& known);
