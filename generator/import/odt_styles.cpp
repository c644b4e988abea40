// See odt_styles.h.
#include "import/odt_styles.h"

#include <cstdlib>
#include <cstring>

#include "import/xml_read.h"

namespace {

int bold_of(const pugi::xml_node& props) {
  std::string w = attr(props, "fo:font-weight");
  if (w.empty()) return -1;
  if (w == "bold") return 1;
  return std::atoi(w.c_str()) >= 600 ? 1 : 0;
}

void read_style(const pugi::xml_node& s, OdtStyles& styles) {
  OdtStyle st;
  st.parent = attr(s, "style:parent-style-name");
  auto props = s.child("style:text-properties");
  st.bold = bold_of(props);
  std::string face = attr(props, "style:font-name");
  auto family = styles.font_family.find(face);
  st.font = family != styles.font_family.end() ? family->second : face;
  if (st.font.empty()) st.font = attr(props, "fo:font-family");
  styles.by_name[attr(s, "style:name")] = st;
}

void read_list_style(const pugi::xml_node& s, OdtStyles& styles) {
  std::vector<bool>& levels = styles.list_levels[attr(s, "style:name")];
  for (auto lvl : s.children()) {
    int level = lvl.attribute("text:level").as_int(0) - 1;
    if (level < 0 || level > 9) continue;
    if (levels.size() <= static_cast<size_t>(level)) levels.resize(level + 1, false);
    levels[level] = std::strcmp(lvl.name(), "text:list-level-style-number") == 0;
  }
}

void read_group(const pugi::xml_node& group, OdtStyles& styles) {
  for (auto s : group.children()) {
    if (std::strcmp(s.name(), "style:style") == 0) read_style(s, styles);
    else if (std::strcmp(s.name(), "text:list-style") == 0) read_list_style(s, styles);
  }
}

}  // namespace

void read_odt_styles(const pugi::xml_node& root, OdtStyles& styles) {
  for (auto face : root.child("office:font-face-decls").children("style:font-face")) {
    std::string family = attr(face, "svg:font-family");
    if (family.size() >= 2 && (family.front() == '\'' || family.front() == '"'))
      family = family.substr(1, family.size() - 2);
    styles.font_family[attr(face, "style:name")] = family;
  }
  read_group(root.child("office:styles"), styles);
  read_group(root.child("office:automatic-styles"), styles);
}

const OdtStyle* OdtStyles::nearest(const std::string& style, bool (*sets)(const OdtStyle&)) const {
  std::string name = style;
  for (int hops = 0; hops < 16 && !name.empty(); ++hops) {  // parents, a cycle cut short
    auto it = by_name.find(name);
    if (it == by_name.end()) return nullptr;
    if (sets(it->second)) return &it->second;
    name = it->second.parent;
  }
  return nullptr;
}

bool OdtStyles::bold(const std::string& style, bool inherited) const {
  const OdtStyle* s = nearest(style, [](const OdtStyle& st) { return st.bold >= 0; });
  return s ? s->bold == 1 : inherited;
}

std::string OdtStyles::font(const std::string& style, const std::string& inherited) const {
  const OdtStyle* s = nearest(style, [](const OdtStyle& st) { return !st.font.empty(); });
  return s ? s->font : inherited;
}

bool OdtStyles::numbered(const std::string& list_style, int level) const {
  auto it = list_levels.find(list_style);
  if (it == list_levels.end() || level < 0 || static_cast<size_t>(level) >= it->second.size()) return false;
  return it->second[level];
}
