// yaml-cpp's parser events made into YamlNodes, and typed, marked access
// to them; see yaml_reader.h.
#include "load/yaml_reader.h"

#include "base/text.h"
#include "markdown/markdown_limits.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <sstream>

static Mark mark_at(const YamlFile& file, int line, int column) {
  if (line < 0) return {file.path, file.first_line, 0};
  return {file.path, line + file.first_line, column + 1};
}

Mark mark_of(const YamlFile& file, const YamlNode& node) {
  return mark_at(file, node.line, node.column);
}

std::string kind_of(const YamlNode& node) {
  switch (node.kind) {
    case YamlNode::Kind::list: return "a list";
    case YamlNode::Kind::map: return "a set of keys";
    case YamlNode::Kind::null:
    case YamlNode::Kind::missing: return "nothing";
    default: return "text";
  }
}

namespace {

constexpr int kMaxDepth = 64;          // no real document comes near
constexpr long kMaxNodes = 200000;     // nodes, counting each alias expanded
// Bytes of text (scalars), counting each alias expanded. A file is at most
// 1 MiB (kMaxTextFile), so without aliases no document comes near; anchors
// in real documents share a few short lists. Four times the largest file
// leaves room for any honest use and stops a long string aliased thousands
// of times before it is copied.
constexpr long kMaxBytes = 4L * 1024 * 1024;

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

// The lines of `text`, without their line ends.
std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> out;
  for (size_t start = 0; start <= text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    out.push_back(line);
    start = end + 1;
  }
  return out;
}

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
  std::string text(line.substr(value));
  if (auto quote = curly_quote_advice(text.substr(0, 3)); !quote.empty())
    return Problem{index + 1, static_cast<int>(value) + 1,
                   "this value starts with a curly quote, which YAML does not take as a quote. " +
                       quote};
  if (text.find(": ") == std::string::npos && text.back() != ':') return std::nullopt;
  return Problem{index + 1, static_cast<int>(value) + 1,
                 "the value of '" + key + "' has a colon and a space (': ') in it, which YAML "
                 "takes as the start of another key: put the whole value in quotes, like " +
                     key + ": \"" + text + "\""};
}

// yaml-cpp's complaint, in words that name the fix where the text shows
// what went wrong. Lines are the text's, 1-based; `first_line` is the
// file's line the text starts on, for the words.
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
  std::string message = "this is not valid YAML: " + e.msg;
  if (e.mark.line >= 0 && e.mark.line < static_cast<int>(lines.size()))
    message = with_quote_advice(message, lines[e.mark.line]);
  return {e.mark.line + 1, e.mark.column + 1, message};
}

struct TooBig {
  YAML::Mark mark;
  std::string why;
};

// Makes the tree from the parser's events, guarding as it goes: nesting
// depth, size with every alias expanded (an alias bomb is small as a graph
// and huge as a tree), and an alias inside its own anchor (a cycle). Throws
// TooBig.
class Builder : public YAML::EventHandler {
 public:
  YamlNode root;  // null for an empty document

  Builder() { root.kind = YamlNode::Kind::null; }
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& m, YAML::anchor_t a) override {
    count(m, {1, 0});
    finish(node_at(m, YamlNode::Kind::null), a, {1, 0});
  }
  void OnScalar(const YAML::Mark& m, const std::string&, YAML::anchor_t a,
                const std::string& value) override {
    Size size{1, static_cast<long>(value.size())};
    count(m, size);
    YamlNode n = node_at(m, YamlNode::Kind::scalar);
    n.text = value;
    finish(std::move(n), a, size);
  }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t a) override {
    for (auto& f : stack_)
      if (f.anchor == a && a != 0)
        throw TooBig{m, "an alias (*) refers to the anchor (&) that contains it"};
    if (a >= anchors_.size()) throw TooBig{m, "an alias (*) refers to no anchor (&)"};
    count(m, sizes_[a]);  // before the copy, which could be huge
    finish(YamlNode(anchors_[a]), 0, sizes_[a]);
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t a,
                       YAML::EmitterStyle::value) override { open(m, a, YamlNode::Kind::list); }
  void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t a,
                  YAML::EmitterStyle::value) override { open(m, a, YamlNode::Kind::map); }
  void OnSequenceEnd() override { close(); }
  void OnMapEnd() override { close(); }

 private:
  // What a value holds, each alias expanded.
  struct Size {
    long values = 1, bytes = 0;
  };
  struct Frame {
    YamlNode node;
    YAML::anchor_t anchor;
    Size size{};                  // of the value so far
    std::optional<YamlNode> key = std::nullopt;  // a map's key waiting for its value
  };
  static YamlNode node_at(const YAML::Mark& m, YamlNode::Kind kind) {
    YamlNode n;
    n.kind = kind;
    n.line = m.line, n.column = m.column;
    return n;
  }
  void open(const YAML::Mark& m, YAML::anchor_t a, YamlNode::Kind kind) {
    if (static_cast<int>(stack_.size()) >= kMaxDepth)
      throw TooBig{m, "this YAML is nested too deeply (more than " +
                          std::to_string(kMaxDepth) + " levels)"};
    stack_.push_back({node_at(m, kind), a, {}, {}});
  }
  void close() {
    Frame f = std::move(stack_.back());
    stack_.pop_back();
    finish(std::move(f.node), f.anchor, f.size);
  }
  void count(const YAML::Mark& m, Size size) {
    total_.values += size.values;
    total_.bytes += size.bytes;
    if (total_.values > kMaxNodes)
      throw TooBig{m, "this YAML expands too far (its anchors (&) and aliases (*) "
                      "make more than " + std::to_string(kMaxNodes) + " values)"};
    if (total_.bytes > kMaxBytes)
      throw TooBig{m, "this YAML expands too far (its anchors (&) and aliases (*) "
                      "make more than " + std::to_string(kMaxBytes / (1024 * 1024)) +
                      " MB of text)"};
  }
  // A whole value: kept for its anchor, then put in its list or map.
  void finish(YamlNode n, YAML::anchor_t a, Size size) {
    if (a != 0) {
      if (anchors_.size() <= a) anchors_.resize(a + 1), sizes_.resize(a + 1);
      anchors_[a] = n;
      sizes_[a] = size;
    }
    if (stack_.empty()) {
      root = std::move(n);
      return;
    }
    Frame& f = stack_.back();
    f.size.values += size.values;
    f.size.bytes += size.bytes;
    if (f.node.kind == YamlNode::Kind::list) {
      f.node.items.push_back(std::move(n));
    } else if (!f.key) {
      f.key = std::move(n);
    } else {
      f.node.entries.push_back({std::move(*f.key), std::move(n)});
      f.key.reset();
    }
  }
  std::vector<Frame> stack_;
  std::vector<YamlNode> anchors_;
  std::vector<Size> sizes_;
  Size total_{0, 0};
};

}  // namespace

std::optional<YamlNode> parse_yaml(const std::string& text,
                                   const YamlFile& file, Diagnostics& diags) {
  auto at = [&](const YAML::Mark& m) { return mark_at(file, m.line, m.column); };
  if (auto problem = prescan(text)) {
    diags.error({file.path, problem->line + file.first_line - 1, problem->col},
                problem->message);
    return std::nullopt;
  }
  try {
    std::istringstream in(text);
    YAML::Parser parser(in);
    Builder builder;
    parser.HandleNextDocument(builder);
    return std::move(builder.root);
  } catch (const TooBig& e) {
    diags.error(at(e.mark), e.why + "; write it out plainly");
  } catch (const YAML::DeepRecursion& e) {
    diags.error(at(e.mark), "this YAML is nested too deeply; write it out plainly");
  } catch (const YAML::Exception& e) {
    auto problem = explain(text, e, file.first_line);
    diags.error({file.path, problem.line + file.first_line - 1, problem.col}, problem.message);
  } catch (const std::exception& e) {
    diags.error(at(YAML::Mark::null_mark()), std::string("this YAML cannot be read: ") + e.what());
  }
  return std::nullopt;
}

MapReader::MapReader(const YamlNode& node, const YamlFile& file,
                     Diagnostics& diags, const std::vector<std::string>& known,
                     const std::string& what)
    : file_(file), diags_(diags), mark_(mark_of(file, node)) {
  if (!node.is_map()) {
    if (!node.is_defined() || node.is_null())
      diags.error(mark_, what + " needs its keys here, but there are none");
    else
      diags.error(mark_, what + " should be a set of 'key: value' lines, not " +
                             kind_of(node));
    return;
  }
  ok_ = true;
  for (auto& [k, value] : node.entries) {
    Mark km = mark_of(file, k);
    if (!k.is_scalar()) {
      diags.error(km, "a key should be a plain word");
      continue;
    }
    const std::string& key = k.text;
    bool seen = false;
    for (auto& e : entries_) seen = seen || e.first == key;
    if (seen) {
      diags.error(km, "duplicate key '" + key + "': it is already given above");
      continue;
    }
    entries_.emplace_back(key, &value);
    bool is_known = false;
    for (auto& known_key : known) is_known = is_known || known_key == key;
    if (!is_known) {
      auto near = did_you_mean(key, known);
      if (!near.empty()) suggested_.insert(near);
      diags.error(km, with_quote_advice("unknown key '" + key + "' in " + what +
                                            (near.empty() ? "" : " (did you mean '" + near + "'?)"),
                                        key));
    }
  }
}

bool MapReader::has(const std::string& key) const {
  if (!ok_) return false;
  auto& v = get(key);
  return v.is_defined() && !v.is_null();
}

const YamlNode& MapReader::get(const std::string& key) const {
  static const YamlNode missing;
  for (auto& [k, v] : entries_)
    if (k == key) return *v;
  return missing;
}

Mark MapReader::mark(const std::string& key) const {
  auto& v = get(key);
  return v.is_defined() ? mark_of(file_, v) : mark_;
}

void MapReader::require(const std::string& key) {
  // "closing:" for "closes:" is one mistake, already reported as such.
  if (ok_ && !has(key) && !suggested_.count(key))
    diags_.error(mark_, "missing required key '" + key + "'");
}

std::optional<std::string> scalar_text(const YamlNode& node,
                                       const YamlFile& file,
                                       Diagnostics& diags,
                                       const std::string& what) {
  if (node.is_scalar()) return node.text;
  if (node.is_null()) return std::string();
  diags.error(mark_of(file, node), what + " should be text, not " + kind_of(node));
  return std::nullopt;
}

// A one-line value (a title, a reference, a grade) with an invisible
// bidirectional control in it shows in another order than it reads: the
// trick behind a "gpj.exe" that looks like "exe.jpg".
static void warn_bidi(const std::string& key, const std::string& value, const Mark& at,
                      Diagnostics& diags) {
  if (value.find('\n') != std::string::npos) return;
  for (size_t i = 0; i < value.size(); ++i) {
    auto bidi = bidi_control_at(value, i);
    if (!bidi.code) continue;
    size_t from = i > 30 ? i - 30 : 0;
    while (from > 0 && (static_cast<unsigned char>(value[from]) & 0xC0) == 0x80) --from;
    std::string where = i == 0 ? "at its start" : "after '" + std::string(from ? "..." : "") +
                                                     value.substr(from, i - from) + "'";
    diags.warning(at, "'" + key + "' has an invisible character, " + bidi_control_words(bidi.code) +
                          ", " + where + ", which makes it show in a different order from how "
                          "it reads; delete it");
    return;
  }
}

std::string MapReader::text(const std::string& key, bool required) {
  if (required) require(key);
  if (!has(key)) return {};
  auto value = scalar_text(get(key), file_, diags_, "'" + key + "'").value_or("");
  warn_bidi(key, value, mark(key), diags_);
  return value;
}

std::string MapReader::markdown(const std::string& key) {
  std::string value = text(key);
  if (auto over = markdown_over_limits(value)) {
    Mark at = mark(key);
    // A block of lines (after "|") starts on the line after its mark.
    if (value.find('\n') != std::string::npos) at.line += over->line, at.col = 0;
    diags_.error(at, "in '" + key + "', " + over->message);
  }
  return value;
}

std::optional<double> MapReader::number(const std::string& key, bool required) {
  if (required) require(key);
  if (!has(key)) return std::nullopt;
  auto& v = get(key);
  double d;
  if (v.is_scalar() && YAML::convert<double>::decode(YAML::Node(v.text), d)) return d;
  diags_.error(mark_of(file_, v), with_quote_advice("'" + key + "' should be a number, like 32.5",
                                                    v.is_scalar() ? v.text : ""));
  return std::nullopt;
}

std::optional<bool> MapReader::flag(const std::string& key) {
  if (!has(key)) return std::nullopt;
  auto& v = get(key);
  if (v.is_scalar()) {
    auto& s = v.text;
    if (s == "true" || s == "yes" || s == "True" || s == "Yes") return true;
    if (s == "false" || s == "no" || s == "False" || s == "No") return false;
  }
  diags_.error(mark_of(file_, v), with_quote_advice("'" + key + "' should be true or false",
                                                    v.is_scalar() ? v.text : ""));
  return std::nullopt;
}

std::vector<std::string> MapReader::text_list(const std::string& key,
                                              std::vector<Mark>* marks) {
  std::vector<std::string> out;
  if (!has(key)) return out;
  auto& v = get(key);
  auto add = [&](const YamlNode& n) {
    if (auto s = scalar_text(n, file_, diags_, "each item of '" + key + "'")) {
      out.push_back(*s);
      if (marks) marks->push_back(mark_of(file_, n));
    }
  };
  if (v.is_list()) {
    for (auto& item : v.items) add(item);
  } else {
    add(v);
  }
  return out;
}

const std::vector<YamlNode>& MapReader::list(const std::string& key) {
  static const std::vector<YamlNode> none;
  if (!has(key)) return none;
  auto& v = get(key);
  if (!v.is_list()) {
    diags_.error(mark_of(file_, v), "'" + key + "' should be a list (lines starting '- '), not " + kind_of(v));
    return none;
  }
  return v.items;
}
