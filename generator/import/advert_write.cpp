// See advert_write.h.
#include "import/advert_write.h"

#include <algorithm>

#include "base/clock.h"
#include "check/placeholders.h"
#include "import/criteria_text.h"
#include "base/salary_text.h"
#include "base/yaml_text.h"

namespace {

bool used(const std::vector<size_t>& blocks, size_t i) {
  return std::find(blocks.begin(), blocks.end(), i) != blocks.end();
}

std::string paragraph_markdown(const DocParagraph& p) {
  if (p.heading > 0) return std::string(static_cast<size_t>(std::min(6, p.heading + 1)), '#') + " " + p.text;
  if (p.list_level >= 0)
    return std::string(static_cast<size_t>(4 * p.list_level), ' ') + (p.numbered ? "1. " : "- ") +
           strip_bullet(p.markdown);
  if (has_bullet(p.text)) return "- " + strip_bullet(p.markdown);
  std::string md = p.markdown;
  if (!md.empty() && (md[0] == '#' || md[0] == '>' || md[0] == '|')) md = "\\" + md;
  return md;
}

std::string table_markdown(const DocTable& t) {
  std::string out;
  for (auto& row : t.rows) {
    std::string line;
    for (auto& cell : row)
      if (!cell_text(cell).empty()) line += (line.empty() ? "" : "; ") + cell_text(cell);
    if (!line.empty()) out += "- " + line + "\n";
  }
  return out;
}

// A fact's line; or, where the document has a note to fill in there
// ("insert line manager's post name here"), the key left for the office
// with the note beside it, so that the note is never published as the fact.
std::string fact_line(const std::string& key, const std::string& value) {
  if (find_placeholders(value).empty()) return yaml_field(0, key, value);
  return "# " + key + ":  # check: the document leaves this to fill in: " + yaml_scalar(value) + "\n";
}

}  // namespace

std::string body_markdown(const ImportDoc& doc, const FoundFacts& facts, const FoundSpec& spec) {
  std::string out;
  bool last_list = false;
  for (size_t i = 0; i < doc.blocks.size() && i < spec.first_block; ++i) {
    if (used(facts.blocks, i) || used(spec.blocks, i)) continue;
    const DocBlock& b = doc.blocks[i];
    std::string md = b.is_table ? table_markdown(b.table) : paragraph_markdown(b.paragraph);
    while (!md.empty() && md.back() == '\n') md.pop_back();
    if (md.empty()) continue;
    bool list = !b.is_table && (b.paragraph.list_level >= 0 || has_bullet(b.paragraph.text));
    if (!out.empty()) out += (list && last_list) ? "\n" : "\n\n";
    out += md;
    last_list = list;
  }
  return out + "\n";
}

std::string advert_markdown(const ImportDoc& doc, const FoundFacts& facts, const FoundSpec& spec,
                            const std::string& slug, const std::string& source,
                            const std::string& today, const SiteNames& site) {
  auto fact = [&](const char* key) {
    auto it = facts.values.find(key);
    return it == facts.values.end() ? std::string() : it->second;
  };
  std::string out = "---\n# Imported from " + source + " by staffroom import. Lines starting with # are\n"
                    "# notes for you: fill in each '# check:' line, then run: staffroom check\n";
  out += fact("title").empty() ? "# title: Job title  # check: the document gives no job title\n"
                               : yaml_field(0, "title", fact("title"));
  out += school_line(doc, site.schools);
  out += role_line(fact("title"), site);
  if (!spec.sections.empty()) out += "spec: " + slug + "\n";
  if (!fact("grade").empty()) out += fact_line("grade", fact("grade"));
  if (!fact("salary").empty()) {
    auto figures = salary_figures(fact("salary"));
    out += (figures ? salary_line(*figures) : "# salary: { min: , max: , currency: GBP, period: year }") +
           "  # check: the document says " + yaml_scalar(fact("salary")) + "\n";
  }
  if (!fact("hours").empty())
    out += find_placeholders(fact("hours")).empty() ? "hours:\n" + yaml_field(2, "notes", fact("hours"))
                                                    : fact_line("hours", fact("hours"));
  if (!fact("reports_to").empty()) out += fact_line("reports_to", fact("reports_to"));
  if (!fact("location").empty()) out += "# check: the document gives the location as " + yaml_scalar(fact("location")) + "\n";
  out += "posted: " + today + "\n";
  // A closing date written the UK way is typed in for the office, with
  // the words it came from beside it to check against.
  std::string closes = fact("closes");
  auto form = contract_form(closes);  // nothing for an empty one
  if (form)
    out += "closes: " + *form + "  # check: the document says " + yaml_scalar(closes) + "\n";
  else
    out += "# closes: YYYY-MM-DD  # check: " +
           (closes.empty() ? std::string("the document gives no closing date")
                           : "the document says " + yaml_scalar(closes)) + "\n";
  out += "draft: true  # remove this line to publish\n---\n";
  return out + body_markdown(doc, facts, spec);
}
