// Typed, marked access to yaml-cpp nodes; see yaml_reader.h.
#include "yaml_reader.h"

#include <algorithm>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>

#include <set>
#include <sstream>

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

namespace {

constexpr int kMaxDepth = 64;          // no real document comes near
constexpr long kMaxNodes = 200000;     // nodes, counting each alias expanded

// Two things are found by a plain pass over the text before yaml-cpp sees
// it. A quote never closed: yaml-cpp quietly takes the rest of the file as
// its text. And deep flow nesting: yaml-cpp's scanner reads a whole flow collection ("[[[[...") ahead before
// its parser sees any of it, which takes seconds and hundreds of MB for a
// megabyte of '['. So flow nesting is measured first by a plain pass over
// the text: quoted text, comments and block scalars are skipped, and a '['
// or '{' counts only where a value may start (not inside plain words).
struct Problem {
  int line, col;
  std::string message;
};

std::optional<Problem> prescan(const std::string& text) {
  int line = 1, flow = 0;
  size_t line_start = 0, i = 0, n = text.size();
  bool value_start = true;   // nothing but indentation or an indicator before
  int block_indent = -1;     // >= 0: skipping a block scalar's lines
  auto indent_at = [&](size_t p) {
    size_t k = p;
    while (k < n && text[k] == ' ') ++k;
    return static_cast<int>(k - p);
  };
  while (i < n) {
    char c = text[i];
    if (c == '\n') {
      ++line, ++i, line_start = i, value_start = true;
      if (block_indent >= 0) {  // skip the scalar's lines: blank or deeper
        while (i < n) {
          int ind = indent_at(i);
          size_t eol = text.find('\n', i);
          bool blank = text.find_first_not_of(" \t\r", i + ind) == eol ||
                       i + ind >= n;
          if (!blank && ind <= block_indent) break;
          if (eol == std::string::npos) return std::nullopt;
          ++line, i = eol + 1, line_start = i;
        }
        block_indent = -1;
      }
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r') { ++i; continue; }
    if (c == '#' && (i == line_start || text[i - 1] == ' ' || text[i - 1] == '\t')) {
      while (i < n && text[i] != '\n') ++i;
      continue;
    }
    if (value_start && (c == '"' || c == '\'')) {
      int open_line = line, open_col = static_cast<int>(i - line_start) + 1;
      for (++i; i < n; ++i) {
        if (text[i] == '\n') ++line, line_start = i + 1;
        else if (c == '"' && text[i] == '\\') ++i;
        else if (text[i] == c) {
          if (c == '\'' && i + 1 < n && text[i + 1] == '\'') { ++i; continue; }
          break;
        }
      }
      if (i >= n)  // yaml-cpp would take the rest of the file as the text
        return Problem{open_line, open_col,
                       std::string("this text opens a quote (") + c +
                           ") that is never closed; add the closing " + c};
      ++i, value_start = false;
      continue;
    }
    if (c == '[' || c == '{') {
      if (flow > 0 || value_start) {
        if (++flow > kMaxDepth)
          return Problem{line, static_cast<int>(i - line_start) + 1,
                         "this YAML is nested too deeply (more than " +
                             std::to_string(kMaxDepth) +
                             " levels of [ or {); write it out plainly"};
        ++i, value_start = true;
        continue;
      }
    } else if ((c == ']' || c == '}') && flow > 0) {
      --flow, ++i, value_start = false;
      continue;
    } else if (c == ',' && flow > 0) {
      ++i, value_start = true;
      continue;
    } else if ((c == '-' || c == ':' || c == '?') &&
               (i + 1 >= n || text[i + 1] == ' ' || text[i + 1] == '\n' ||
                (flow > 0 && c == ':' && (text[i + 1] == ',' || text[i + 1] == ']' || text[i + 1] == '}')))) {
      ++i, value_start = true;
      continue;
    } else if (flow == 0 && value_start && (c == '|' || c == '>')) {
      block_indent = indent_at(line_start);
      while (i < n && text[i] != '\n') ++i;
      continue;
    }
    // Part of a plain word: the rest of it cannot open anything.
    ++i, value_start = false;
    if (flow > 0) {
      while (i < n && text[i] != '\n' && text[i] != ',' && text[i] != '[' &&
             text[i] != ']' && text[i] != '{' && text[i] != '}' &&
             !(text[i] == '#' && (text[i - 1] == ' ' || text[i - 1] == '\t')) &&
             !(text[i] == ':' && i + 1 < n && (text[i + 1] == ' ' || text[i + 1] == '\n')))
        ++i;
    } else {
      while (i < n && text[i] != '\n' &&
             !(text[i] == '#' && (text[i - 1] == ' ' || text[i - 1] == '\t')) &&
             !(text[i] == ':' && i + 1 < n && (text[i + 1] == ' ' || text[i + 1] == '\n')))
        ++i;
    }
  }
  return std::nullopt;
}

struct TooBig {
  YAML::Mark mark;
  std::string why;
};

// Walks the parser's events before a tree is built: nesting depth, size with
// every alias expanded (an alias bomb is small as a graph and huge as a
// tree), and an alias inside its own anchor (a cycle). Throws TooBig.
class Guard : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& m, YAML::anchor_t a) override { leaf(m, a); }
  void OnScalar(const YAML::Mark& m, const std::string&, YAML::anchor_t a,
                const std::string&) override { leaf(m, a); }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t a) override {
    for (auto& f : stack_)
      if (f.anchor == a && a != 0)
        throw TooBig{m, "an alias (*) refers to the anchor (&) that contains it"};
    add(m, a < sizes_.size() ? sizes_[a] : 1);
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t a,
                       YAML::EmitterStyle::value) override { open(m, a); }
  void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t a,
                  YAML::EmitterStyle::value) override { open(m, a); }
  void OnSequenceEnd() override { close(); }
  void OnMapEnd() override { close(); }

 private:
  struct Frame {
    YAML::anchor_t anchor;
    long size;
  };
  void open(const YAML::Mark& m, YAML::anchor_t a) {
    if (static_cast<int>(stack_.size()) >= kMaxDepth)
      throw TooBig{m, "this YAML is nested too deeply (more than " +
                          std::to_string(kMaxDepth) + " levels)"};
    stack_.push_back({a, 1});
  }
  void close() {
    Frame f = stack_.back();
    stack_.pop_back();
    record(f.anchor, f.size);
    if (!stack_.empty()) stack_.back().size += f.size;
  }
  void leaf(const YAML::Mark& m, YAML::anchor_t a) {
    record(a, 1);
    add(m, 1);
  }
  void add(const YAML::Mark& m, long size) {
    total_ += size;
    if (total_ > kMaxNodes)
      throw TooBig{m, "this YAML expands too far (its anchors (&) and aliases (*) "
                      "make more than " + std::to_string(kMaxNodes) + " values)"};
    if (!stack_.empty()) stack_.back().size += size;
  }
  void record(YAML::anchor_t a, long size) {
    if (a == 0) return;
    if (sizes_.size() <= a) sizes_.resize(a + 1, 1);
    sizes_[a] = size;
  }
  std::vector<Frame> stack_;
  std::vector<long> sizes_;
  long total_ = 0;
};

int deepest_indent(const std::string& text) {
  int deepest = 0, indent = 0;
  bool leading = true;
  for (char c : text) {
    if (c == '\n') leading = true, indent = 0;
    else if (leading && (c == ' ' || c == '-')) deepest = std::max(deepest, ++indent);
    else leading = false;
  }
  return deepest;
}

bool may_have_anchor(const std::string& text) {
  for (size_t at = text.find('&'); at != std::string::npos; at = text.find('&', at + 1))
    if (at + 1 < text.size() && !isspace(static_cast<unsigned char>(text[at + 1]))) return true;
  return false;
}

}  // namespace

std::optional<YAML::Node> parse_yaml(const std::string& text,
                                     const YamlFile& file, Diagnostics& diags) {
  auto at = [&](const YAML::Mark& m) -> Mark {
    if (m.line < 0) return {file.path, file.first_line, 0};
    return {file.path, m.line + file.first_line, m.column + 1};
  };
  if (auto problem = prescan(text)) {
    diags.error({file.path, problem->line + file.first_line - 1, problem->col},
                problem->message);
    return std::nullopt;
  }
  try {
    // The guard costs a second parse, so it runs only when it could find
    // something: an anchor (&name) that aliases might expand, or indentation
    // deep enough for block nesting past the limit.
    if (may_have_anchor(text) || deepest_indent(text) >= kMaxDepth) {
      std::istringstream in(text);
      YAML::Parser parser(in);
      Guard guard;
      parser.HandleNextDocument(guard);
    }
    YAML::Node root = YAML::Load(text);
    return root;
  } catch (const TooBig& e) {
    diags.error(at(e.mark), e.why + "; write it out plainly");
  } catch (const YAML::DeepRecursion& e) {
    diags.error(at(e.mark), "this YAML is nested too deeply; write it out plainly");
  } catch (const YAML::Exception& e) {
    diags.error(at(e.mark), "this is not valid YAML: " + e.msg);
  } catch (const std::exception& e) {
    diags.error(at(YAML::Mark::null_mark()), std::string("this YAML cannot be read: ") + e.what());
  }
  return std::nullopt;
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
    entries_.emplace_back(key, it->second);
    bool is_known = false;
    for (auto& k : known) is_known = is_known || k == key;
    if (!is_known) {
      auto near = did_you_mean(key, known);
      if (!near.empty()) suggested_.insert(near);
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
  for (auto& [k, v] : entries_)
    if (k == key) return v;
  return YAML::Node(YAML::NodeType::Undefined);
}

Mark MapReader::mark(const std::string& key) const {
  auto v = get(key);
  return v.IsDefined() ? mark_of(file_, v) : mark_;
}

void MapReader::require(const std::string& key) {
  // "closing:" for "closes:" is one mistake, already reported as such.
  if (ok_ && !has(key) && !suggested_.count(key))
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
