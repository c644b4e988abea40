// See docx_paragraph.h.
#include "import/docx_paragraph.h"

#include <cstring>

#include "base/text.h"
#include "import/symbols.h"
#include "import/xml_read.h"

namespace {

bool is_on(const pugi::xml_node& toggle) {
  if (!toggle) return false;
  std::string v = attr(toggle, "w:val");
  return v != "0" && v != "false" && v != "off";
}

void read_run(const pugi::xml_node& r, ParagraphBuilder& b) {
  auto pr = r.child("w:rPr");
  bool bold = is_on(pr.child("w:b"));
  std::string font = attr(pr.child("w:rFonts"), "w:ascii");
  if (font.empty()) font = attr(pr.child("w:rFonts"), "w:hAnsi");
  for (auto c : r.children()) {
    const char* n = c.name();
    if (std::strcmp(n, "w:t") == 0) {
      std::string t = c.text().get();
      b.add(is_symbol_font(font) ? symbol_font_text(font, t) : t, bold);
    } else if (std::strcmp(n, "w:tab") == 0) {
      b.add("\t", bold);
    } else if (std::strcmp(n, "w:br") == 0 || std::strcmp(n, "w:cr") == 0) {
      b.add("\n", bold);
    } else if (std::strcmp(n, "w:sym") == 0) {
      unsigned code = std::strtoul(attr(c, "w:char").c_str(), nullptr, 16);
      b.add(symbol_text(attr(c, "w:font"), code), bold);
    }
  }
}

// Runs, also inside hyperlinks, insertions, content controls and fields;
// deleted text (w:del) and text boxes are left out.
void read_runs(const pugi::xml_node& parent, ParagraphBuilder& b, int depth = 0) {
  if (depth > 16) return;
  for (auto c : parent.children()) {
    const char* n = c.name();
    if (std::strcmp(n, "w:r") == 0)
      read_run(c, b);
    else if (std::strcmp(n, "w:hyperlink") == 0 || std::strcmp(n, "w:ins") == 0 ||
             std::strcmp(n, "w:smartTag") == 0 || std::strcmp(n, "w:sdt") == 0 ||
             std::strcmp(n, "w:sdtContent") == 0 || std::strcmp(n, "w:fldSimple") == 0 ||
             std::strcmp(n, "w:customXml") == 0)
      read_runs(c, b, depth + 1);
  }
}

int heading_of(const DocxStyle& style) {
  std::string name = lower_ascii(style.name);
  if (name == "title") return 1;
  if (name.rfind("heading ", 0) == 0 && name.size() == 9 && name[8] >= '1' && name[8] <= '6')
    return name[8] - '0';
  if (style.outline >= 0 && style.outline < 6) return style.outline + 1;
  return 0;
}

// "List Bullet 2" -> level 1, bulleted; "List Number" -> level 0, numbered.
void list_from_style(const std::string& style_name, DocParagraph& p) {
  std::string name = lower_ascii(style_name);
  bool bullet = name.rfind("list bullet", 0) == 0, number = name.rfind("list number", 0) == 0;
  if (!bullet && !number && name != "list paragraph") return;
  p.numbered = number;
  char last = name.empty() ? ' ' : name.back();
  p.list_level = (last >= '2' && last <= '9') ? last - '1' : 0;
}

}  // namespace

DocParagraph read_paragraph(const pugi::xml_node& p, const DocxStyles& styles) {
  ParagraphBuilder b;
  auto pr = p.child("w:pPr");
  std::string style_id = attr(pr.child("w:pStyle"), "w:val");
  auto found = styles.by_id.find(style_id);
  DocxStyle style = found != styles.by_id.end() ? found->second : DocxStyle{style_id, -1};
  if (style.name.empty()) style.name = style_id;
  b.paragraph.style = style.name;
  b.paragraph.heading = heading_of(style);
  auto num = pr.child("w:numPr");
  std::string num_id = attr(num.child("w:numId"), "w:val");
  if (num && !num_id.empty() && num_id != "0") {
    int level = std::max(0, std::min(8, num.child("w:ilvl").attribute("w:val").as_int(0)));
    b.paragraph.list_level = level;
    auto n = styles.numbered.find(num_id);
    if (n != styles.numbered.end() && n->second.count(level)) b.paragraph.numbered = n->second.at(level);
  } else {
    list_from_style(style.name, b.paragraph);
  }
  read_runs(p, b);
  return b.finish();
}
