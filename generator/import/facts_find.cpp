// See facts_find.h.
#include "import/facts_find.h"

#include "base/text.h"

namespace {

// Label words (lower case, no trailing colon) -> fact key.
const std::pair<const char*, const char*> kLabels[] = {
    {"job title", "title"},       {"post title", "title"},        {"title of post", "title"},
    {"post", "title"},            {"grade", "grade"},             {"band", "grade"},
    {"band/job group", "grade"},  {"grade / band", "grade"},      {"grade/band", "grade"},
    {"salary", "salary"},         {"pay", "salary"},              {"hours", "hours"},
    {"hours/weeks", "hours"},     {"working hours", "hours"},     {"responsible to", "reports_to"},
    {"reports to", "reports_to"}, {"line manager", "reports_to"}, {"location", "location"},
    {"place of work", "location"}, {"contract", "contract"},
    {"closing date", "closes"},   {"closing date for applications", "closes"},
    {"deadline", "closes"},       {"application deadline", "closes"},
    {"deadline for applications", "closes"},
};

std::string key_of(std::string label) {
  label = lower_ascii(tidy_space(label));
  while (!label.empty() && (label.back() == ':' || label.back() == ' ')) label.pop_back();
  for (auto& [words, key] : kLabels)
    if (label == words) return key;
  return "";
}

// "Job Title Learning Support Practitioner": a label of two words or more,
// its colon lost, and a short value after it; the key, and the value in `value`.
std::string unmarked_label(const std::string& text, std::string& value) {
  if (text.size() > 100 || text.back() == '.') return "";
  std::string lower = lower_ascii(text);
  for (auto& [words, key] : kLabels) {
    std::string label = words;
    bool long_label = label.find(' ') != std::string::npos || label.find('/') != std::string::npos;
    if (long_label && lower.rfind(label + " ", 0) == 0) {
      value = tidy_space(text.substr(label.size()));
      return value.empty() ? "" : key;
    }
  }
  return "";
}

void add(FoundFacts& facts, const std::string& key, const std::string& value, size_t block) {
  if (key.empty() || value.empty() || facts.values.count(key)) return;
  facts.values[key] = value;
  facts.blocks.push_back(block);
}

void from_table(const DocTable& t, size_t block, FoundFacts& facts) {
  size_t found = 0;
  for (auto& row : t.rows)
    if (row.size() >= 2 && !key_of(cell_text(row[0])).empty()) ++found;
  if (found == 0 || found * 2 < t.rows.size()) return;  // mostly labels, or not facts
  for (auto& row : t.rows)
    if (row.size() >= 2) {
      std::string key = key_of(cell_text(row[0]));
      if (!key.empty() && !facts.values.count(key)) facts.values[key] = cell_text(row[1]);
    }
  facts.blocks.push_back(block);
}

// The title from "JOB DESCRIPTION – Special Needs Co-ordinator", or the
// heading or bold line after a plain "Job Description".
std::string title_from_headings(const ImportDoc& doc, size_t end) {
  bool after_jd = false;
  for (size_t i = 0; i < end && i < doc.blocks.size(); ++i) {
    const DocParagraph& p = doc.blocks[i].paragraph;
    if (doc.blocks[i].is_table || p.text.empty() || (p.heading == 0 && !p.bold)) continue;
    std::string lower = lower_ascii(p.text);
    if (lower.rfind("job description", 0) == 0) {
      std::string rest = p.text.substr(15);
      for (bool more = true; more;) {  // " – ", " - ", ": " before the title
        more = false;
        for (const char* lead : {" ", "-", ":", "\xe2\x80\x93"})
          if (rest.rfind(lead, 0) == 0) rest.erase(0, std::string(lead).size()), more = true;
      }
      if (!rest.empty()) return rest;
      after_jd = true;
      continue;
    }
    if (after_jd) return p.text;
  }
  return "";
}

}  // namespace

FoundFacts find_facts(const ImportDoc& doc, size_t end) {
  FoundFacts facts;
  for (size_t i = 0; i < end && i < doc.blocks.size(); ++i) {
    const DocBlock& b = doc.blocks[i];
    if (b.is_table) {
      from_table(b.table, i, facts);
      continue;
    }
    const std::string& text = b.paragraph.text;
    size_t colon = text.find(':');
    if (colon != std::string::npos && colon < 30) {
      std::string key = key_of(text.substr(0, colon));
      std::string value = tidy_space(text.substr(colon + 1));
      if (!key.empty() && value.empty()) {  // "Job Title:" then the value on the next line
        size_t next = i + 1;
        while (next < end && !doc.blocks[next].is_table && doc.blocks[next].paragraph.text.empty()) ++next;
        if (next < end && !doc.blocks[next].is_table) {
          add(facts, key, doc.blocks[next].paragraph.text, i);
          facts.blocks.push_back(next);
          i = next;
        }
      } else {
        add(facts, key, value, i);
      }
    } else if (colon == std::string::npos && !text.empty()) {
      std::string value, key = unmarked_label(text, value);
      add(facts, key, value, i);
    }
  }
  if (!facts.values.count("title")) {
    std::string title = title_from_headings(doc, end);
    if (!title.empty()) facts.values["title"] = title;
  }
  return facts;
}
