// yaml-cpp's parser events made into YamlNodes, and typed, marked access
// to them; see yaml_reader.h.
#include "load/yaml_reader.h"

#include "load/yaml_problems.h"

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

constexpr int kMaxDepth = kMaxYamlDepth;
constexpr long kMaxNodes = 200000;     // nodes, counting each alias expanded
// Bytes of text (scalars), counting each alias expanded. A file is at most
// 1 MiB (kMaxTextFile), so without aliases no document comes near; anchors
// in real documents share a few short lists. Four times the largest file
// leaves room for any honest use and stops a long string aliased thousands
// of times before it is copied.
constexpr long kMaxBytes = 4L * 1024 * 1024;

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

