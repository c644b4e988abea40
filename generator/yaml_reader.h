// yaml-cpp documents read as typed values with file:line:col marks.
// A MapReader checks a mapping's keys once (unknown, with "did you mean",
// and duplicated) and then hands out values, reporting wrong types.
#pragma once

#include <yaml-cpp/yaml.h>

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "diagnostics.h"

// Where a document's text came from: yaml-cpp's marks are 0-based and
// relative to the text it was given, so front matter needs its first line.
struct YamlFile {
  std::string path;
  int first_line = 1;
};

Mark mark_of(const YamlFile& file, const YAML::Node& node);

// Parses one document. Malformed YAML, too-deep nesting and alias bombs are
// reported (never thrown) and give nothing.
std::optional<YAML::Node> parse_yaml(const std::string& text,
                                     const YamlFile& file, Diagnostics& diags);

// "a list", "text", "a mapping": for messages.
std::string kind_of(const YAML::Node& node);

class MapReader {
 public:
  // Reports if `node` is not a mapping (`what` names it: "a school"), and
  // every unknown or duplicated key.
  MapReader(const YAML::Node& node, const YamlFile& file, Diagnostics& diags,
            const std::vector<std::string>& known, const std::string& what);

  bool ok() const { return ok_; }
  bool has(const std::string& key) const;
  YAML::Node get(const std::string& key) const;
  Mark mark() const { return mark_; }
  Mark mark(const std::string& key) const;  // the value's, or the map's

  // Each reports a wrong type, and a missing key when `required`.
  std::string text(const std::string& key, bool required = false);
  std::optional<double> number(const std::string& key, bool required = false);
  std::optional<bool> flag(const std::string& key);
  // One string, or a list of strings.
  std::vector<std::string> text_list(const std::string& key,
                                     std::vector<Mark>* marks = nullptr);
  // A list (of anything); reports when the value is not one.
  std::vector<YAML::Node> list(const std::string& key);
  void require(const std::string& key);

 private:
  YAML::Node node_;
  const YamlFile& file_;
  Diagnostics& diags_;
  Mark mark_;
  bool ok_ = false;
  std::set<std::string> suggested_;  // known keys an unknown key was taken for
  // The keys in order, first of each: yaml-cpp's own map lookup walks its
  // nodes, slowly, on every get().
  std::vector<std::pair<std::string, YAML::Node>> entries_;
};

// A scalar's text, or reports that the node should be text.
std::optional<std::string> scalar_text(const YAML::Node& node,
                                       const YamlFile& file,
                                       Diagnostics& diags,
                                       const std::string& what);
