// Loading a reference standard (content/standards/<id>.yaml), such as the
// National Occupational Standards, whose criteria person specs may cite.
#include <set>

#include "load/load.h"

static void read_knowledge(const YamlNode& node, const YamlFile& file,
                           StandardCriterion& criterion, Diagnostics& diags) {
  MapReader k(node, file, diags, {"id", "text", "note"}, "a knowledge item");
  if (!k.ok()) return;
  criterion.knowledge.push_back({k.mark(), k.text("id", true), k.text("text", true), k.text("note")});
}

std::optional<Standard> parse_standard(const std::string& text,
                                       const std::string& path,
                                       Diagnostics& diags) {
  YamlFile file{path, 1, text};
  auto root = parse_yaml(text, file, diags);
  if (!root) return std::nullopt;
  MapReader m(*root, file, diags,
              {"title", "short_title", "publisher", "year", "url", "introduction", "units"},
              "a standard");
  if (!m.ok()) return std::nullopt;
  Standard s;
  s.id = stem_of(path);
  s.mark = m.mark();
  s.title = m.text("title", true);
  s.short_title = m.text("short_title");
  s.publisher = m.text("publisher");
  s.year = m.text("year");
  s.url = m.text("url");
  if (!s.url.empty()) check_url(s.url, m.mark("url"), diags);
  s.introduction = m.markdown("introduction");
  m.require("units");
  std::set<std::string> codes;  // unit/code, each once, as it becomes an anchor
  for (auto& unit_node : m.list("units")) {
    MapReader u(unit_node, file, diags, {"id", "title", "about", "who_for", "criteria"}, "a unit");
    if (!u.ok()) continue;
    Unit unit;
    unit.id = u.text("id", true);
    unit.title = u.text("title", true);
    unit.about = u.markdown("about");
    unit.who_for = u.text_list("who_for");
    for (auto& c_node : u.list("criteria")) {
      MapReader c(c_node, file, diags, {"id", "text", "knowledge"}, "a criterion");
      if (!c.ok()) continue;
      StandardCriterion criterion{c.mark(), c.text("id", true), c.text("text", true), {}};
      for (auto& k : c.list("knowledge")) read_knowledge(k, file, criterion, diags);
      auto check_unique = [&](const std::string& code, const Mark& mark) {
        if (!codes.insert(unit.id + "/" + code).second)
          diags.error(mark, "the code '" + code + "' is used twice in unit " + unit.id);
      };
      check_unique(criterion.code, criterion.mark);
      for (auto& k : criterion.knowledge) check_unique(k.code, k.mark);
      unit.criteria.push_back(std::move(criterion));
    }
    s.units.push_back(std::move(unit));
  }
  return s;
}
