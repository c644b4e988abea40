// See odt_read.h. Paragraphs are read by odt_paragraph.cpp, styles by odt_styles.cpp.
#include "import/odt_read.h"

#include <algorithm>
#include <cstring>

#include "import/odt_paragraph.h"
#include "import/xml_read.h"

namespace {

bool is(const pugi::xml_node& n, const char* name) { return std::strcmp(n.name(), name) == 0; }

bool is_paragraph(const pugi::xml_node& n) { return is(n, "text:p") || is(n, "text:h"); }

bool holds_text(const pugi::xml_node& n) {
  for (const char* name : {"table:table", "table:table-row", "table:table-cell", "table:table-header-rows",
                           "table:table-rows", "table:table-row-group", "text:section"})
    if (is(n, name)) return true;
  return false;
}

// The document's parts as pugixml trees; whitespace-only text is kept, as
// ODF's text between two spans may be a word's space.
std::optional<std::string> parse_part(const ZipArchive& zip, const std::string& name, const ReadLimits& limits,
                                      pugi::xml_document& doc, bool optional) {
  if (optional && !zip.has(name)) return std::nullopt;
  std::string text;
  if (auto why = zip.read(name, limits, text)) return why;
  return parse_xml(text, name, doc, pugi::parse_default | pugi::parse_ws_pcdata);
}

struct Reader {
  const OdtStyles& styles;
  const ReadLimits& limits;
  ImportDoc& out;
  int tables = 0;
  std::optional<std::string> error;

  // A list's items as paragraphs at `level`, its inner lists one deeper.
  void list(const pugi::xml_node& l, int level, std::string style, std::vector<DocParagraph>& ps) {
    if (level > limits.max_depth) return;  // nested past reason: left out
    if (!attr(l, "text:style-name").empty()) style = attr(l, "text:style-name");
    for (auto item : l.children()) {
      bool header = is(item, "text:list-header");  // an item without a bullet
      if (!header && !is(item, "text:list-item")) continue;
      for (auto c : item.children()) {
        if (is_paragraph(c)) {
          DocParagraph p = read_odt_paragraph(c, styles);
          if (!header) p.list_level = std::min(level, 8);
          if (!header) p.numbered = styles.numbered(style, level);
          ps.push_back(std::move(p));
        } else if (is(c, "text:list")) {
          list(c, level + 1, style, ps);
        }
      }
    }
  }

  void cell_content(const pugi::xml_node& tc, DocCell& cell, int depth) {
    if (depth > limits.max_depth) return;
    for (auto c : tc.children()) {
      if (is_paragraph(c)) cell.paragraphs.push_back(read_odt_paragraph(c, styles));
      else if (is(c, "text:list")) list(c, 0, "", cell.paragraphs);
      else if (holds_text(c)) cell_content(c, cell, depth + 1);  // a table in a cell: its text
    }
  }

  void row(const pugi::xml_node& tr, DocTable& table) {
    std::vector<DocCell> cells;
    for (auto tc : tr.children()) {
      bool covered = is(tc, "table:covered-table-cell");
      if (!covered && !is(tc, "table:table-cell")) continue;
      DocCell cell;
      cell.covered = covered;
      cell.span = std::clamp(tc.attribute("table:number-columns-spanned").as_int(1), 1, 64);
      if (!covered) cell_content(tc, cell, 0);
      int repeat = std::clamp(tc.attribute("table:number-columns-repeated").as_int(1), 1, 64);
      for (int i = 0; i < repeat && cells.size() < 256; ++i) cells.push_back(cell);
    }
    int repeat = std::clamp(tr.attribute("table:number-rows-repeated").as_int(1), 1, 1 << 20);
    for (int i = 0; i < repeat && !error; ++i)
      if (!(error = table_full(table, limits))) table.rows.push_back(cells);
  }

  // Rows, also inside header-row and row-group wrappers.
  void rows(const pugi::xml_node& parent, DocTable& table, int depth) {
    for (auto c : parent.children()) {
      if (error) return;
      if (is(c, "table:table-row")) row(c, table);
      else if (depth < 4 && (is(c, "table:table-header-rows") || is(c, "table:table-rows") ||
                             is(c, "table:table-row-group")))
        rows(c, table, depth + 1);
    }
  }

  void table(const pugi::xml_node& tbl) {
    DocBlock block;
    block.is_table = true;
    block.table.number = ++tables;
    rows(tbl, block.table, 0);
    if (!error) out.blocks.push_back(std::move(block));
  }

  void paragraphs(std::vector<DocParagraph>&& ps) {
    for (auto& p : ps) {
      if ((error = document_full(out, limits))) return;
      DocBlock block;
      block.paragraph = std::move(p);
      out.blocks.push_back(std::move(block));
    }
  }

  void body(const pugi::xml_node& parent, int depth) {
    if (depth > limits.max_depth) return;  // sections nested past reason: left out
    for (auto c : parent.children()) {
      if (error || (error = document_full(out, limits))) return;
      if (is_paragraph(c)) {
        paragraphs({read_odt_paragraph(c, styles)});
      } else if (is(c, "text:list")) {
        std::vector<DocParagraph> ps;
        list(c, 0, "", ps);
        paragraphs(std::move(ps));
      } else if (is(c, "table:table")) {
        table(c);
      } else if (is(c, "text:section")) {
        body(c, depth + 1);
      }
    }
  }
};

// ODF encrypts each part and says so in the manifest, not in the zip.
bool is_encrypted(const ZipArchive& zip, const ReadLimits& limits) {
  std::string manifest;
  return !zip.read("META-INF/manifest.xml", limits, manifest) &&
         manifest.find("encryption-data") != std::string::npos;
}

}  // namespace

std::optional<std::string> read_odt(const ZipArchive& zip, const ReadLimits& limits, ImportDoc& out) {
  if (is_encrypted(zip, limits))
    return std::string("it is protected by a password; save a copy without the password and import that");
  pugi::xml_document content, styles_doc;
  if (auto why = parse_part(zip, "content.xml", limits, content, false)) return why;
  if (auto why = parse_part(zip, "styles.xml", limits, styles_doc, true)) return why;
  OdtStyles styles;
  read_odt_styles(styles_doc.child("office:document-styles"), styles);
  read_odt_styles(content.child("office:document-content"), styles);
  auto text = content.child("office:document-content").child("office:body").child("office:text");
  if (!text) return std::string("its content.xml has no text, so it is not a LibreOffice Writer document");
  Reader reader{styles, limits, out, 0, std::nullopt};
  reader.body(text, 0);
  return reader.error;
}
