// One Word paragraph (w:p) as a DocParagraph: its runs with bold and symbol
// characters, its heading level from the style, its list level and kind from
// w:numPr and the numbering part, or from a "List Bullet"/"List Number" style.
#pragma once

#include <map>
#include <pugixml.hpp>
#include <string>

#include "import/document.h"

struct DocxStyle {
  std::string name;  // "heading 1", "List Bullet"
  int outline = -1;  // w:outlineLvl, 0 for a top-level heading
};

struct DocxStyles {
  std::map<std::string, DocxStyle> by_id;
  std::map<std::string, std::map<int, bool>> numbered;  // numId -> level -> numbered?
};

DocParagraph read_paragraph(const pugi::xml_node& p, const DocxStyles& styles);
