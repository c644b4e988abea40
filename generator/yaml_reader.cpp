// Typed, marked access to yaml-cpp nodes; see yaml_reader.h.
#include "yaml_reader.h"

#include <set>

Mark mark_of(const YamlFile& file, const YAML::Node& node) {
  auto m = node.Mark();
  if (m.line < 0) return {file.path, file.first_line, 0};
  return {file.path, m.line + file.first_line, m.column + 1};
}

std::string kind_of(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Map: return "a set of keys";
    case YAML::NodeType::Null: return "nothing";
    default: return "text";
  }
}

// Counts nodes reachable through aliases without expanding them twice is not
// enough: an alias bomb is small as a graph and huge as a tree. So count the
// tree, giving up past a limit no real document comes near.
static bool tree_too_large(const YAML::Node& node, long& budget, int depth) {
  if (--budget < 0 || depth > 64) return true;
  if (node.IsSequence() || node.IsMap()) {
    for (auto it = node.begin(); it != node.end(); ++it) {
      if (node.IsMap()) {
        if (tree_too_large(it->first, budget, depth + 1) ||
            tree_too_large(it->second, budget, depth + 1))
          return true;
      } else if (tree_too_large(*it, budget, depth + 1)) {
        return true;
      }
    }
  }
  return false;
}

std::optional<YAML::Node> parse_yaml(const std::string& text,
                                     const YamlFile& file, Diagnostics& diags) {
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    Mark m{file.path, file.first_line, 0};
    if (e.mark.line >= 0) m = {file.path, e.mark.line + file.first_line, e.mark.column + 1};
    diags.error(m, "this is not valid YAML: " + e.msg);
    return std::nullopt;
  }
  long budget = 200000;
  if (tree_too_large(root, budget, 0)) {
    diags.error({file.path, file.first_line, 0},
                "this YAML is nested too deeply or expands too far "
                "(anchors and aliases); write it out plainly");
    return std::nullopt;
  }
  return root;
}

MapReader::MapReader(const YAML::Node& node, const YamlFile& file,
                     Diagnostics& diags, const std::vector<std::string>& known,
                     const std::string& what)
    : node_(node), file_(file), diags_(diags), mark_(mark_of(file, node)) {
  if (!node.IsMap()) {
    if (!node.IsDefined() || node.IsNull())
      diags.error(mark_, what + " needs its keys here, but there are none");
    else
      diags.error(mark_, what + " should be a set of 'key: value' lines, not " +
                             kind_of(node));
    return;
  }
  ok_ = true;
  std::set<std::string> seen;
  for (auto it = node.begin(); it != node.end(); ++it) {
    Mark km = mark_of(file, it->first);
    if (!it->first.IsScalar()) {
      diags.error(km, "a key should be a plain word");
      continue;
    }
    auto key = it->first.Scalar();
    if (!seen.insert(key).second) {
      diags.error(km, "duplicate key '" + key + "': it is already given above");
      continue;
    }
    bool is_known = false;
    for (auto& k : known) is_known = is_known || k == key;
    if (!is_known) {
      auto near = did_you_mean(key, known);
      diags.error(km, "unknown key '" + key + "' in " + what +
                          (near.empty() ? "" : " (did you mean '" + near + "'?)"));
    }
  }
}

bool MapReader::has(const std::string& key) const {
  if (!ok_) return false;
  auto v = get(key);
  return v.IsDefined() && !v.IsNull();
}

YAML::Node MapReader::get(const std::string& key) const {
  if (!ok_) return YAML::Node(YAML::NodeType::Undefined);
  for (auto it = node_.begin(); it != node_.end(); ++it)
    if (it->first.IsScalar() && it->first.Scalar() == key) return it->second;
  return YAML::Node(YAML::NodeType::Undefined);
}

Mark MapReader::mark(const std::string& key) const {
  auto v = get(key);
  return v.IsDefined() ? mark_of(file_, v) : mark_;
}

void MapReader::require(const std::string& key) {
  if (ok_ && !has(key))
    diags_.error(mark_, "missing required key '" + key + "'");
}

std::optional<std::string> scalar_text(const YAML::Node& node,
                                       const YamlFile& file,
                                       Diagnostics& diags,
                                       const std::string& what) {
  if (node.IsScalar()) return node.Scalar();
  if (node.IsNull()) return std::string();
  diags.error(mark_of(file, node), what + " should be text, not " + kind_of(node));
  return std::nullopt;
}

std::string MapReader::text(const std::string& key, bool required) {
  if (required) require(key);
  if (!has(key)) return {};
  return scalar_text(get(key), file_, diags_, "'" + key + "'").value_or("");
}

std::optional<double> MapReader::number(const std::string& key, bool required) {
  if (required) require(key);
  if (!has(key)) return std::nullopt;
  auto v = get(key);
  double d;
  if (v.IsScalar() && YAML::convert<double>::decode(v, d)) return d;
  diags_.error(mark_of(file_, v), "'" + key + "' should be a number, like 32.5");
  return std::nullopt;
}

std::optional<bool> MapReader::flag(const std::string& key) {
  if (!has(key)) return std::nullopt;
  auto v = get(key);
  if (v.IsScalar()) {
    auto s = v.Scalar();
    if (s == "true" || s == "yes" || s == "True" || s == "Yes") return true;
    if (s == "false" || s == "no" || s == "False" || s == "No") return false;
  }
  diags_.error(mark_of(file_, v), "'" + key + "' should be true or false");
  return std::nullopt;
}

std::vector<std::string> MapReader::text_list(const std::string& key,
                                              std::vector<Mark>* marks) {
  std::vector<std::string> out;
  if (!has(key)) return out;
  auto v = get(key);
  auto add = [&](const YAML::Node& n) {
    if (auto s = scalar_text(n, file_, diags_, "each item of '" + key + "'")) {
      out.push_back(*s);
      if (marks) marks->push_back(mark_of(file_, n));
    }
  };
  if (v.IsSequence()) {
    for (auto item : v) add(item);
  } else {
    add(v);
  }
  return out;
}

std::vector<YAML::Node> MapReader::list(const std::string& key) {
  std::vector<YAML::Node> out;
  if (!has(key)) return out;
  auto v = get(key);
  if (!v.IsSequence()) {
    diags_.error(mark_of(file_, v), "'" + key + "' should be a list (lines starting '- '), not " + kind_of(v));
    return out;
  }
  for (auto item : v) out.push_back(item);
  return out;
}
