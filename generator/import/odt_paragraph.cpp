// See odt_paragraph.h.
#include "import/odt_paragraph.h"

#include <algorithm>
#include <cstring>

#include "import/symbols.h"
#include "import/xml_read.h"

namespace {

struct RunStyle {
  bool bold = false;
  std::string font;
};

void add_text(const std::string& text, const RunStyle& run, ParagraphBuilder& b) {
  b.add(is_symbol_font(run.font) ? symbol_font_text(run.font, text) : text, run.bold);
}

// The paragraph's content: text, spans (also in links and metadata), spaces,
// tabs and breaks; notes, annotations and frames are left out.
void read_content(const pugi::xml_node& parent, const RunStyle& run, const OdtStyles& styles,
                  ParagraphBuilder& b, int depth) {
  if (depth > 16) return;
  for (auto c : parent.children()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      add_text(c.value(), run, b);
      continue;
    }
    const char* n = c.name();
    if (std::strcmp(n, "text:span") == 0) {
      std::string style = attr(c, "text:style-name");
      read_content(c, {styles.bold(style, run.bold), styles.font(style, run.font)}, styles, b, depth + 1);
    } else if (std::strcmp(n, "text:a") == 0 || std::strcmp(n, "text:meta") == 0 ||
               std::strcmp(n, "text:ruby") == 0 || std::strcmp(n, "text:ruby-base") == 0) {
      read_content(c, run, styles, b, depth + 1);
    } else if (std::strcmp(n, "text:s") == 0) {
      b.add(std::string(static_cast<size_t>(std::clamp(c.attribute("text:c").as_int(1), 1, 100)), ' '), run.bold);
    } else if (std::strcmp(n, "text:tab") == 0) {
      b.add("\t", run.bold);
    } else if (std::strcmp(n, "text:line-break") == 0) {
      b.add("\n", run.bold);
    }
  }
}

}  // namespace

DocParagraph read_odt_paragraph(const pugi::xml_node& p, const OdtStyles& styles) {
  ParagraphBuilder b;
  std::string style = attr(p, "text:style-name");
  b.paragraph.style = style;
  if (std::strcmp(p.name(), "text:h") == 0)
    b.paragraph.heading = std::clamp(p.attribute("text:outline-level").as_int(1), 1, 6);
  read_content(p, {styles.bold(style, false), styles.font(style, "")}, styles, b, 0);
  return b.finish();
}
