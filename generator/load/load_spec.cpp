// Loading a person specification: from content/specs/<id>.yaml, or written
// inline in an advert under `person_specification:`.
#include "load/load.h"
#include "base/text.h"
#include "base/vocabulary.h"

#include <algorithm>

std::string id_meant(const std::string& value, const Vocabulary& vocab) {
  // The words candidates read ("Application form"), the id with spaces or a
  // capital ("Full time"), or the one letter a table had ("E").
  std::string lower, meant;  // lower case, one space between words, none at the ends
  for (char c : lower_ascii(value))
    if (c != ' ' || (!lower.empty() && lower.back() != ' ')) lower += c;
  while (!lower.empty() && lower.back() == ' ') lower.pop_back();
  std::string hyphened = lower;
  std::replace(hyphened.begin(), hyphened.end(), ' ', '-');
  for (auto& [id, words] : vocab)
    if (id == value || lower_ascii(words) == lower || id == hyphened) meant = id;
  auto starts_so = [&](auto& w) { return lower.size() == 1 && w.first.starts_with(lower); };
  if (meant.empty() && std::count_if(vocab.begin(), vocab.end(), starts_so) == 1)  // a letter that starts two is nobody's
    meant = std::find_if(vocab.begin(), vocab.end(), starts_so)->first;
  return meant;
}

// "full-time – term-time", "Part time and term time": the ids a value
// names, when it is two or more run together; else nothing.
static std::vector<std::string> words_run_together(const std::string& value, const Vocabulary& vocab) {
  std::string text = " " + value + " ";
  for (const char* joint : {",", "/", "&", "+", "\xe2\x80\x93", "\xe2\x80\x94", " - ", " and ", " or "})
    text = replace_all(text, joint, "|");
  std::vector<std::string> ids;
  for (size_t start = 0, bar; start <= text.size(); start = bar + 1) {
    bar = std::min(text.find('|', start), text.size());
    std::string id = id_meant(text.substr(start, bar - start), vocab);
    if (id.empty()) return {};
    ids.push_back(id);
  }
  return ids;
}

bool check_word(const std::string& value, const Vocabulary& vocab, const std::string& key, const Mark& mark,
                Diagnostics& diags) {
  for (auto& [id, words] : vocab)
    if (id == value) return true;
  if (auto several = words_run_together(value, vocab); several.size() >= 2) {
    diags.error(mark, "'" + value + "' names " + std::to_string(several.size()) + " " + key +
                          "s, and there can be only one: write " + join_words(several, "or"));
    return false;
  }
  std::string meant = id_meant(value, vocab);
  if (!meant.empty()) {
    diags.error(mark, "'" + value + "' stands for the " + key + " '" + meant + "': write " + meant);
    return false;
  }
  std::vector<std::string> ids = ids_of(vocab);
  std::string list = comma_joined(ids);
  auto near = did_you_mean(value, ids);
  diags.error(mark, with_quote_advice("unknown " + key + " '" + value + "'" +
                                          (near.empty() ? "" : " (did you mean '" + near + "'?)") +
                                          "; use one of: " + list, value));
  return false;
}

std::vector<std::string> read_word_list(MapReader& m, const std::string& key, const Vocabulary& vocab,
                                        const std::string& what, Diagnostics& diags) {
  std::vector<Mark> marks;
  auto words = m.text_list(key, &marks);
  for (size_t i = 0; i < words.size(); ++i) {
    auto is_word = [&](auto& entry) { return entry.first == words[i]; };
    if (std::any_of(vocab.begin(), vocab.end(), is_word)) continue;  // the usual case, and a big site's many
    if (auto several = words_run_together(words[i], vocab); several.size() >= 2)
      diags.error(marks[i], "'" + words[i] + "' names " + std::to_string(several.size()) + " " + what +
                                "s: write them as a list: " + key + ": [" + comma_joined(several) + "]");
    else
      check_word(words[i], vocab, what, marks[i], diags);
  }
  // A word it does not know is reported, and kept: the site is not built
  // with the error, and a section that did say how it is assessed is not
  // also warned that it does not.
  return words;
}

static void read_criterion(const YamlNode& node, const YamlFile& file,
                           const Vocabulary& methods_known,
                           const std::vector<std::string>& section_default,
                           Section& section, Diagnostics& diags) {
  MapReader m(node, file, diags,
              {"text", "level", "assessed", "note", "details", "standard"},
              "a criterion");
  if (!m.ok()) return;
  Criterion c;
  c.mark = m.mark();
  c.text = m.text("text", true);
  c.level = m.text("level", true);
  if (!c.level.empty())
    check_word(c.level, kLevels, "level", m.mark("level"), diags);
  c.assessed = m.has("assessed") ? read_word_list(m, "assessed", methods_known, "assessment method", diags)
                                 : section_default;
  c.note = m.text("note");
  c.details = m.text_list("details");
  c.standards = m.text_list("standard", &c.standard_marks);
  section.criteria.push_back(std::move(c));
}

std::optional<PersonSpec> parse_spec_node(const YamlNode& node,
                                          const YamlFile& file,
                                          Diagnostics& diags) {
  MapReader m(node, file, diags,
              {"title", "introduction", "assessment_methods", "sections"},
              "a person specification");
  if (!m.ok()) return std::nullopt;
  PersonSpec spec;
  spec.mark = m.mark();
  spec.title = m.text("title");
  spec.introduction = m.markdown("introduction");
  if (m.has("assessment_methods")) {
    auto& legend = m.get("assessment_methods");
    if (!legend.is_map()) {
      diags.error(m.mark("assessment_methods"),
                  "'assessment_methods' should list 'id: words' lines");
    } else {
      for (auto& [key, value] : legend.entries) {
        auto id = scalar_text(key, file, diags, "an assessment method id");
        auto words = scalar_text(value, file, diags, "an assessment method");
        if (id && words) spec.assessment_methods.emplace_back(*id, *words);
      }
    }
  } else {
    spec.assessment_methods = kAssessmentMethods;
  }

  m.require("sections");
  const auto& sections = m.list("sections");
  spec.sections.reserve(sections.size());
  for (auto& section_node : sections) {
    MapReader s(section_node, file, diags,
                {"name", "prompt", "note", "assessed", "criteria"}, "a section");
    if (!s.ok()) continue;
    Section section;
    section.mark = s.mark();
    section.name = s.text("name", true);
    section.prompt = s.text("prompt");
    section.note = s.text("note");
    auto defaults = read_word_list(s, "assessed", spec.assessment_methods, "assessment method", diags);
    // Room for exactly the criteria: at 100,000 specifications the slack of
    // a growing vector was a tenth of a build's memory.
    const auto& criteria = s.list("criteria");
    section.criteria.reserve(criteria.size());
    for (auto& c : criteria)
      read_criterion(c, file, spec.assessment_methods, defaults, section, diags);
    if (section.criteria.empty() && s.ok())
      diags.error(section.mark, "the section '" + section.name +
                                    "' has no criteria: add them under 'criteria:'");
    spec.sections.push_back(std::move(section));
  }
  return spec;
}

std::optional<PersonSpec> parse_spec(const std::string& text,
                                     const std::string& path,
                                     Diagnostics& diags) {
  YamlFile file{path, 1, text};
  auto root = parse_yaml(text, file, diags);
  if (!root) return std::nullopt;
  auto spec = parse_spec_node(*root, file, diags);
  if (spec) {
    spec->id = stem_of(path);
    if (spec->title.empty())
      diags.error(spec->mark, missing_key_message("title"));
  }
  return spec;
}
