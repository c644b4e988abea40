// The person specification's view (see views.h): kept apart from the
// vacancy's, as the largest single part of a vacancy page's data.
#include <map>
#include <set>
#include <vector>

#include "markdown/markdown.h"
#include "check/validate.h"
#include "render/views.h"
#include "base/vocabulary.h"
#include "render/words_text.h"

// The NOS criteria a criterion cites, each a link to its standard's page, into
// row's `standards`, with their count and, when they all come from one standard,
// its name (the folded list's summary: "NOS for learning support staff (2)").
static void add_standards(Data& row, const SiteContext& ctx, const Criterion& c) {
  Data standards = list();
  std::set<std::string> names;
  size_t count = 0;
  for (auto& cite : c.standards) {
    auto target = resolve_citation(*ctx.site, cite);
    if (!target.standard) continue;
    Data link = object();
    std::string name = target.standard->short_title.empty() ? target.standard->title
                                                            : target.standard->short_title;
    names.insert(name);
    ++count;
    put(link, "label", name + " " + target.unit->id + " " + target.code + ": " + target.text);
    put(link, "code", target.unit->id + " " + target.code);
    put(link, "url", citation_url(ctx, cite));
    push(standards, std::move(link));
  }
  put(row, "standards", std::move(standards));
  put(row, "has_standards", count > 0);
  put(row, "standards_count", std::to_string(count));
  put(row, "standards_name", names.size() == 1 ? *names.begin() : std::string());
}

// A method's words: the school's own, or the theme's for a standard method
// the specification names in the standard words.
static std::string method_label(const Words& w, const PersonSpec& spec, const std::string& id) {
  std::string label = label_of(spec.assessment_methods, id);
  return label == label_of(kAssessmentMethods, id) ? label_in(w, "methods", id) : label;
}

// What the rows of one specification share, worked out once for it: the
// methods they use (for the legend), and the words of each list of methods
// (most rows of a section share the section's).
struct SpecMethods {
  std::set<std::string> used;
  std::map<std::vector<std::string>, std::string> texts;  // ids -> "Application form and interview"
};

// One row of a section's table. Adds the methods it is assessed by to `methods`.
static Data criterion_view(const SiteContext& ctx, const PersonSpec& spec, const Section& section,
                           const Criterion& c, std::set<std::string>& seen,
                           SpecMethods& methods) {
  Data row = object();
  std::string escaped = escape_html(c.text);
  put(row, "text_html", mark_abbreviations(escaped, ctx.glossary, seen));
  // The checklist's label for the criterion's box: no link inside it, where a
  // tap meant for the box would leave the page (the vacancy page links them).
  std::set<std::string> none;
  put(row, "label_html", mark_abbreviations(escaped, ctx.glossary, none, false));
  const Words& w = ctx.w();
  put(row, "level_label", label_in(w, "levels", c.level));
  put(row, "essential", c.level == "essential");
  auto [assessed, fresh] = methods.texts.try_emplace(c.assessed);
  if (fresh) {
    std::vector<std::string> labels;
    for (auto& m : c.assessed) {
      labels.push_back(method_label(w, spec, m));
      methods.used.insert(m);
    }
    assessed->second = join_list(labels, w, true);
  }
  put(row, "assessed_text", assessed->second);
  put(row, "has_assessed", !c.assessed.empty());
  put(row, "note", c.note);
  put(row, "has_note", !c.note.empty());
  // Keys the checklist's saved notes: stable while the criterion's words are.
  put(row, "key", fingerprint(section.name + "\n" + c.text));
  Data details = list();
  for (auto& dt : c.details) push(details, text(dt));
  put(row, "details", std::move(details));
  put(row, "has_details", !c.details.empty());
  add_standards(row, ctx, c);
  return row;
}

// Whether criteria a and b of a section are in one run: the same level and
// methods, which the stacked layout on a phone says once for the run.
static bool same_group(const Section& section, size_t a, size_t b) {
  return section.criteria[a].level == section.criteria[b].level &&
         section.criteria[a].assessed == section.criteria[b].assessed;
}

// The runs as a list of their own, each with its level and methods once
// beside copies of its rows (`rows`, one per criterion). Only for a theme
// that asks for `groups`: the default one marks each row's place in its run
// instead (group_start, group_end), which copies nothing.
static Data groups_view(const Section& section, const std::vector<Data>& rows) {
  Data groups = list();
  for (size_t i = 0; i < rows.size();) {
    size_t first = i;
    Data group = object();
    for (auto key : {"level_label", "essential", "assessed_text", "has_assessed"})
      if (auto* value = rows[i].get(key)) put(group, key, *value);  // an empty text is left out
    Data members = list();
    for (; i < rows.size() && same_group(section, first, i); ++i) push(members, Data(rows[i]));
    put(group, "criteria", std::move(members));
    push(groups, std::move(group));
  }
  return groups;
}

// One section: its heading, caption and table rows. `id` is unique in the spec.
static Data section_view(const SiteContext& ctx, const PersonSpec& spec, const Section& section,
                         const std::string& role, const std::string& id,
                         std::set<std::string>& seen, SpecMethods& methods) {
  Data s = object();
  put(s, "id", "spec-" + id);
  put(s, "name", section.name);
  put(s, "caption", ctx.w().fill("spec.caption", {{"role", role}, {"section", section.name}}));
  put(s, "caption_id", "spec-" + id + "-caption");
  put(s, "prompt", section.prompt);
  put(s, "note", section.note);
  std::vector<Data> rows;
  rows.reserve(section.criteria.size());  // grown, it would copy them (see push())
  for (auto& c : section.criteria) rows.push_back(criterion_view(ctx, spec, section, c, seen, methods));
  // A row ends its run exactly when the next one starts one.
  bool starts = true;
  for (size_t i = 0; i < rows.size(); ++i) {
    bool next_starts = i + 1 == rows.size() || !same_group(section, i, i + 1);
    put(rows[i], "group_start", starts);
    put(rows[i], "group_end", next_starts);
    starts = next_starts;
  }
  if (ctx.theme && ctx.theme->uses("groups")) put(s, "groups", groups_view(section, rows));
  Data criteria = list();
  for (auto& row : rows) push(criteria, std::move(row));
  put(s, "criteria", std::move(criteria));
  return s;
}

// The key to the assessment methods the criteria use, in the spec's order
// (the school's own numbered key, like the SENCo's, or the standard methods):
// shown beside the tables wherever any criterion says how it is assessed.
static void add_legend(const Words& w, Data& d, const PersonSpec& spec, const std::set<std::string>& used) {
  Data legend = list();
  for (auto& [id, label] : spec.assessment_methods) {
    if (!used.count(id)) continue;
    Data l = object();
    put(l, "label", method_label(w, spec, id));
    push(legend, std::move(l));
  }
  put(d, "has_legend", !legend.is_empty_list());
  put(d, "legend", std::move(legend));
}

// Whether any criterion is essential (or, with false, any is not).
static bool any_essential(const PersonSpec& spec, bool essential) {
  for (auto& section : spec.sections)
    for (auto& c : section.criteria)
      if ((c.level == "essential") == essential) return true;
  return false;
}

Data spec_view(const SiteContext& ctx, const PersonSpec& spec, const std::string& role,
               std::set<std::string>& seen) {
  Data d = object();
  put(d, "title", spec.title.empty() ? role : spec.title);
  put(d, "introduction_html", markdown_to_html(spec.introduction, {3, &ctx.glossary, &seen}));
  Data sections = list();
  std::set<std::string> anchors;
  SpecMethods methods;
  for (auto& section : spec.sections) {
    std::string id = anchor_of(section.name);
    while (!anchors.insert(id).second) id += "-2";
    push(sections, section_view(ctx, spec, section, role, id, seen, methods));
  }
  put(d, "sections", std::move(sections));
  put(d, "has_essential", any_essential(spec, true));
  put(d, "has_desirable", any_essential(spec, false));
  add_legend(ctx.w(), d, spec, methods.used);
  return d;
}
