// MapReader: a mapping's keys checked once, then its values handed out
// typed, with marks; see yaml_reader.h.
#include "load/yaml_reader.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>

#include "base/text.h"
#include "markdown/markdown_limits.h"

// The line of the text `node` was read from, and its column in it (yaml-cpp's
// 0-based marks): the words as typed, before YAML split them. Empty when
// the text is not at hand.
static std::pair<std::string_view, size_t> typed_line(const YamlFile& file, const YamlNode& node) {
  auto lines = lines_of(file.text);  // only for a message: the text's lines once
  if (node.line < 0 || node.line >= static_cast<int>(lines.size())) return {{}, 0};
  std::string_view line = lines[node.line];
  return {line, std::min(line.size(), size_t(std::max(node.column, 0)))};
}

// A sum as typed at the start of `typed` ("£24,000", "24,000.50"): its figure
// alone ("24000"); empty when there is none, or it has no £ or comma to take out.
static std::string bare_amount(std::string_view typed) {
  typed = typed.substr(0, 40);  // a sum's length at most; std::regex recurses once a character
  static const std::regex amount(R"(^(\xc2\xa3 ?)?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?)");
  std::match_results<std::string_view::const_iterator> m;
  if (!std::regex_search(typed.begin(), typed.end(), m, amount) || (!m[1].matched && m[2].str().find(',') == std::string::npos))
    return "";
  std::string figure = m[2].str() + m[3].str();
  figure.erase(std::remove(figure.begin(), figure.end(), ','), figure.end());
  return figure;
}

// "37 hours", "32.5 hours a week": the number a value starts with, when
// words follow it; else empty.
static std::string leading_number(const std::string& text) {
  size_t end = 0;
  while (end < text.size() && (std::isdigit(static_cast<unsigned char>(text[end])) || text[end] == '.')) ++end;
  bool number = end > 0 && std::isdigit(static_cast<unsigned char>(text[0])) &&
                std::count(text.begin(), text.begin() + end, '.') <= 1 && text[end - 1] != '.';
  return number && end < text.size() && text[end] == ' ' ? text.substr(0, end) : "";
}

// "£24,000" inside { } is read as "£24" and a key "000": the message for
// such a key, or nothing when `k` is no piece of a sum cut at its comma.
static std::string cut_sum_message(const YamlFile& file, const YamlNode& k) {
  const std::string& key = k.text;
  if (key.size() != 3 || !std::all_of(key.begin(), key.end(), [](unsigned char c) { return std::isdigit(c); })) return "";
  auto [line, col] = typed_line(file, k);  // a scan of the text: only for such a key
  if (col < 2 || line[col - 1] != ',' || !std::isdigit(static_cast<unsigned char>(line[col - 2]))) return "";
  size_t from = col - 1;  // back to the start of the sum
  while (from > 0 && (std::isdigit(static_cast<unsigned char>(line[from - 1])) || line[from - 1] == ',')) --from;
  if (from >= 2 && line.substr(from - 2, 2) == "\xc2\xa3") from -= 2;
  std::string bare = bare_amount(line.substr(from));
  return "a comma inside { } ends a value, so '" + std::string(line.substr(from, col + 3 - from)) +
         "' was cut at its comma and '" + key + "' read as a key: write " + (bare.empty() ? "the number" : bare) +
         ", without commas";
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
    if (is_known) continue;
    if (auto cut = cut_sum_message(file, k); !cut.empty()) {
      diags.error(km, cut);
      continue;
    }
    auto near = did_you_mean(key, known);
    if (!near.empty()) suggested_.insert(near);
    diags.error(km, with_quote_advice("unknown key '" + key + "' in " + what +
                                          (near.empty() ? "" : " (did you mean '" + near + "'?)"),
                                      key));
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

// A line to copy where the key means one thing wherever it is required,
// else the key and what follows it ('title' is an advert's, a page's, a
// document's...).
static std::string key_example(const std::string& key) {
  static const std::map<std::string, std::string> examples = {
      {"school", "school: oak-primary, for the school in content/schools/oak-primary.yaml"},
      {"role", "role: learning-support, one of the roles listed in content/site.yaml"},
      {"posted", "posted: 2027-01-04, the date the advert goes up"},
      {"closes", "closes: 2027-01-18T12:00, the closing date and time (a date alone means the end of that day)"},
      {"units", "units: with each unit's id, title and criteria indented under it"},
      {"address", "address: { street: 1 School Lane, locality: Leeds, postcode: LS1 1AA }"},
      {"locality", "locality: Leeds"},
      {"postcode", "postcode: LS1 1AA"},
      {"sections", "sections: with each section's name and criteria indented under it"},
      {"level", "level: essential, or level: desirable"},
      {"file", "file: files/application-form.docx, for a document in content/files/"},
      {"days", "days: [Mon, Tue, Wed]"},
      {"start", "start: \"08:30\""},
      {"end", "end: \"15:30\""},
  };
  auto found = examples.find(key);
  return found != examples.end() ? "such as " + found->second : "starting " + key + ": followed by the " + key;
}

std::string missing_key_message(const std::string& key) {
  return "missing required key '" + key + "': add a line " + key_example(key);
}

// The line of `file` where `key` was written but left as a note ("# key:"
// at the map's indent, `column`, 1-based), as import leaves a fact it could
// not find; 0 if there is none.
static int noted_key_line(const YamlFile& file, const std::string& key, int column) {
  std::string_view text = file.text;
  int line = 0;
  for (size_t start = 0; start < text.size(); ++line) {
    size_t end = std::min(text.find('\n', start), text.size());
    std::string_view l = text.substr(start, end - start);
    start = end + 1;
    size_t indent = l.find_first_not_of(' ');
    if (indent == std::string_view::npos || static_cast<int>(indent) != column - 1 || l[indent] != '#') continue;
    size_t at = l.find_first_not_of("# ", indent);
    if (at != std::string_view::npos && l.substr(at, key.size() + 1) == key + ":") return line + file.first_line;
  }
  return 0;
}

void MapReader::require(const std::string& key) {
  // "closing:" for "closes:" is one mistake, already reported as such.
  if (!ok_ || has(key) || suggested_.count(key)) return;
  if (int line = noted_key_line(file_, key, mark_.col))
    diags_.error({file_.path, line, mark_.col},
                 "missing required key '" + key + "': this line starts with '#', so it is only a note: take out "
                 "the '#' and fill it in (a line " + key_example(key) + ")");
  else
    diags_.error(mark_, missing_key_message(key));
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
  std::string message = "'" + key + "' should be a number, like 32.5";
  // "£24,000": the figure alone. Read from the text, as a comma inside { }
  // has cut the value short.
  auto [line, col] = typed_line(file_, v);
  if (std::string bare = bare_amount(line.substr(col)); !bare.empty())
    message = "'" + key + "' should be the number alone, without £ or commas: write " + key + ": " + bare;
  else if (std::string first = leading_number(v.is_scalar() ? v.text : ""); !first.empty())  // "37 hours"
    message = "'" + key + "' should be the number alone: write " + key + ": " + first;
  diags_.error(mark_of(file_, v), with_quote_advice(message, v.is_scalar() ? v.text : ""));
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
  // "Yes - required", "No (not needed)": the word it starts with.
  std::string lower = v.is_scalar() ? lower_ascii(v.text) : "";
  auto starts = [&](const std::string& word) {
    return lower.rfind(word, 0) == 0 && (lower.size() == word.size() || !std::isalpha(static_cast<unsigned char>(lower[word.size()])));
  };
  std::string advice = starts("yes") ? ": write " + key + ": true" : starts("no") ? ": write " + key + ": false"
                                                                                  : " (true for yes, false for no)";
  diags_.error(mark_of(file_, v), with_quote_advice("'" + key + "' should be true or false" + advice,
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
