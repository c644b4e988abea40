// See spec_write.h.
#include "import/spec_write.h"

#include <map>

#include "base/yaml_text.h"

namespace {

// The methods most of a section's criteria share, written once for the section.
std::vector<std::string> section_default(const FoundSection& s) {
  std::map<std::vector<std::string>, size_t> counts;
  for (auto& c : s.criteria) ++counts[c.methods];
  std::vector<std::string> best;
  size_t most = 0;
  for (auto& [methods, n] : counts)
    if (n > most) best = methods, most = n;
  return most * 2 > s.criteria.size() ? best : std::vector<std::string>{};
}

std::string criterion_yaml(const FoundCriterion& c, const std::vector<std::string>& defaults) {
  std::string out;
  if (!c.check.empty()) out += "      # check: " + c.check + "\n";
  out += "      - text: " + yaml_scalar(c.text) + "\n";
  out += "        level: " + c.level + "\n";
  if (c.methods != defaults) out += "        assessed: " + yaml_flow_list(c.methods) + "\n";
  if (!c.note.empty()) out += yaml_field(8, "note", c.note);
  if (!c.details.empty()) {
    out += "        details:\n";
    for (auto& d : c.details) out += "          - " + yaml_scalar(d) + "\n";
  }
  return out;
}

}  // namespace

std::string spec_yaml(const FoundSpec& spec, const std::string& source) {
  std::string out = "# Imported from " + source + " by staffroom import. Compare it with the document,\n"
                    "# look at each '# check:' line, then run: staffroom check\n";
  out += spec.title.empty() ? "title: Job title  # check: the document gives no job title\n"
                            : yaml_field(0, "title", spec.title);
  if (!spec.introduction.empty()) out += yaml_field(0, "introduction", spec.introduction);
  if (!spec.legend.empty()) {
    out += "assessment_methods:\n";
    std::map<std::string, bool> seen;
    for (auto& [id, words] : spec.legend)
      if (!seen[id]) out += yaml_field(2, id, words), seen[id] = true;
  }
  out += "sections:\n";
  for (auto& s : spec.sections) {
    if (s.criteria.empty()) continue;  // reported as a note
    if (!s.check.empty()) out += "  # check: " + s.check + "\n";
    out += "  - name: " + yaml_scalar(s.name.empty() ? "Requirements" : s.name) + "\n";
    if (!s.prompt.empty()) out += yaml_field(4, "prompt", s.prompt);
    auto defaults = section_default(s);
    if (!defaults.empty()) out += "    assessed: " + yaml_flow_list(defaults) + "\n";
    if (!s.note.empty()) out += yaml_field(4, "note", s.note);
    out += "    criteria:\n";
    for (auto& c : s.criteria) out += criterion_yaml(c, defaults);
  }
  return out;
}
