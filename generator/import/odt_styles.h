// The styles of a LibreOffice .odt that the reader needs: which paragraph
// and text styles are bold or in a symbol font (following parent styles),
// and which list styles number rather than bullet each level. Read from
// content.xml's automatic styles and styles.xml's named ones.
#pragma once

#include <map>
#include <pugixml.hpp>
#include <string>
#include <vector>

struct OdtStyle {
  std::string parent, font;  // font: a font family, "" when not set here
  int bold = -1;             // 1 bold, 0 not, -1 not set here
};

struct OdtStyles {
  std::map<std::string, OdtStyle> by_name;               // paragraph and text styles
  std::map<std::string, std::string> font_family;        // font-face name -> family
  std::map<std::string, std::vector<bool>> list_levels;  // list style -> numbered, per level

  // `inherited` when the style (and its parents) do not say.
  bool bold(const std::string& style, bool inherited) const;
  std::string font(const std::string& style, const std::string& inherited) const;
  bool numbered(const std::string& list_style, int level) const;

 private:
  // The style or its nearest parent for which `sets` is true, or null.
  const OdtStyle* nearest(const std::string& style, bool (*sets)(const OdtStyle&)) const;
};

// Adds the styles under `root` (office:document-content or office:document-styles).
void read_odt_styles(const pugi::xml_node& root, OdtStyles& styles);
