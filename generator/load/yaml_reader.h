// YAML documents read as typed values with file:line:col marks.
// yaml-cpp's parser builds a plain YamlNode tree; a MapReader checks a
// mapping's keys once (unknown, with "did you mean", and duplicated) and
// then hands out values, reporting wrong types.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/diagnostics.h"

// Where a document's text came from: yaml-cpp's marks are 0-based and
// relative to the text it was given, so front matter needs its first line.
struct YamlFile {
  SourcePath path;  // shared by the marks made in it
  int first_line = 1;
  // The YAML as given, while it is read: a required key's line left as a
  // note ("# closes: ..."), as import writes them, is found in it.
  std::string_view text = {};
};

struct YamlEntry;

// One value of a document. Built from yaml-cpp's parser events rather than
// by YAML::Load, whose shared, reference-counted nodes cost more than the
// scanning itself on a large site; an alias is a copy of its anchor's value.
struct YamlNode {
  enum class Kind { missing, null, scalar, list, map };
  Kind kind = Kind::missing;
  int line = -1, column = -1;     // yaml-cpp's marks: 0-based, in the text parsed
  std::string text;               // a scalar's
  std::vector<YamlNode> items;    // a list's
  std::vector<YamlEntry> entries; // a map's keys and values, in order

  bool is_defined() const { return kind != Kind::missing; }
  bool is_null() const { return kind == Kind::null; }
  bool is_scalar() const { return kind == Kind::scalar; }
  bool is_list() const { return kind == Kind::list; }
  bool is_map() const { return kind == Kind::map; }
};

struct YamlEntry {
  YamlNode key, value;
};

Mark mark_of(const YamlFile& file, const YamlNode& node);

// Parses one document. Malformed YAML, too-deep nesting and alias bombs are
// reported (never thrown) and give nothing. An empty document is null.
std::optional<YamlNode> parse_yaml(const std::string& text,
                                   const YamlFile& file, Diagnostics& diags);

// "missing required key 'title': add a line such as title: ...", with a
// line to copy for the keys Staffroom requires.
std::string missing_key_message(const std::string& key);

// "a list", "text", "a mapping": for messages.
std::string kind_of(const YamlNode& node);

class MapReader {
 public:
  // Reports if `node` is not a mapping (`what` names it: "a school"), and
  // every unknown or duplicated key.
  MapReader(const YamlNode& node, const YamlFile& file, Diagnostics& diags,
            const std::vector<std::string>& known, const std::string& what);

  bool ok() const { return ok_; }
  bool has(const std::string& key) const;
  const YamlNode& get(const std::string& key) const;  // a missing node if absent
  Mark mark() const { return mark_; }
  Mark mark(const std::string& key) const;  // the value's, or the map's

  // Each reports a wrong type, and a missing key when `required`.
  std::string text(const std::string& key, bool required = false);
  // Text that is Markdown: also reports what markdown_limits.h refuses.
  std::string markdown(const std::string& key);
  std::optional<double> number(const std::string& key, bool required = false);
  std::optional<bool> flag(const std::string& key);
  // One string, or a list of strings.
  std::vector<std::string> text_list(const std::string& key,
                                     std::vector<Mark>* marks = nullptr);
  // A list's items (of anything); reports when the value is not a list.
  const std::vector<YamlNode>& list(const std::string& key);
  void require(const std::string& key);

 private:
  const YamlFile& file_;
  Diagnostics& diags_;
  Mark mark_;
  bool ok_ = false;
  std::set<std::string> suggested_;  // known keys an unknown key was taken for
  // The keys in order, first of each.
  std::vector<std::pair<std::string, const YamlNode*>> entries_;
};

// A scalar's text, or reports that the node should be text.
std::optional<std::string> scalar_text(const YamlNode& node,
                                       const YamlFile& file,
                                       Diagnostics& diags,
                                       const std::string& what);
