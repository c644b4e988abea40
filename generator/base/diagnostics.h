// Errors and warnings as data. Every stage appends to a Diagnostics; only the
// command line prints them, compiler style, with the source line and a caret.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <vector>

// A file's path as marks name it ("content/vacancies/ta.md"), one string
// shared by every copy rather than copied into each: a big site's model has
// hundreds of thousands of marks (a criterion, a field, a citation each),
// and each held its own copy of the path. Read as a const std::string&.
class SourcePath {
 public:
  SourcePath() = default;
  SourcePath(std::string path)
      : p_(path.empty() ? nullptr : std::make_shared<const std::string>(std::move(path))) {}
  SourcePath(const char* path) : SourcePath(std::string(path)) {}
  const std::string& str() const { return p_ ? *p_ : empty_; }
  operator const std::string&() const { return str(); }
  bool empty() const { return !p_; }

  friend bool operator==(const SourcePath& a, const SourcePath& b) {
    return a.p_ == b.p_ || a.str() == b.str();
  }
  friend bool operator==(const SourcePath& a, const std::string& b) { return a.str() == b; }
  friend bool operator==(const SourcePath& a, const char* b) { return a.str() == b; }
  friend auto operator<=>(const SourcePath& a, const SourcePath& b) { return a.str() <=> b.str(); }
  friend std::string operator+(const SourcePath& a, const std::string& b) { return a.str() + b; }
  friend std::string operator+(const std::string& a, const SourcePath& b) { return a + b.str(); }
  friend std::string operator+(const SourcePath& a, const char* b) { return a.str() + b; }
  friend std::string operator+(const char* a, const SourcePath& b) { return a + b.str(); }
  friend std::ostream& operator<<(std::ostream& out, const SourcePath& p) { return out << p.str(); }

 private:
  std::shared_ptr<const std::string> p_;
  static inline const std::string empty_;
};

// A place in a file: path as shown to the user (relative to the site folder),
// 1-based line and column; 0 means "the whole file" or "the whole line".
struct Mark {
  SourcePath path;
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
