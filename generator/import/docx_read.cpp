// See docx_read.h. Paragraph runs are in docx_paragraph.cpp.
#include "import/docx_read.h"

#include <cstring>

#include "import/docx_paragraph.h"
#include "import/xml_read.h"
#include "import/zip_read.h"

namespace {

// An optional part (styles, numbering): absent is fine, damaged is not.
std::optional<std::string> read_part(const ZipArchive& zip, const std::string& name,
                                     const ReadLimits& limits, pugi::xml_document& doc) {
  std::string text;
  if (!zip.has(name)) return std::nullopt;  // absent
  if (auto why = zip.read(name, limits, text)) return why;
  return parse_xml(text, name, doc);
}

DocxStyles read_styles(const pugi::xml_document& doc) {
  DocxStyles styles;
  for (auto s : doc.child("w:styles").children("w:style")) {
    DocxStyle& st = styles.by_id[attr(s, "w:styleId")];
    st.name = attr(s.child("w:name"), "w:val");
    auto outline = s.child("w:pPr").child("w:outlineLvl");
    if (outline) st.outline = outline.attribute("w:val").as_int(-1);
  }
  return styles;
}

void read_numbering(const pugi::xml_document& doc, DocxStyles& styles) {
  std::map<std::string, std::map<int, bool>> abstract;  // abstractNumId -> level -> numbered
  auto root = doc.child("w:numbering");
  for (auto a : root.children("w:abstractNum"))
    for (auto lvl : a.children("w:lvl"))
      abstract[attr(a, "w:abstractNumId")][lvl.attribute("w:ilvl").as_int()] =
          std::strcmp(lvl.child("w:numFmt").attribute("w:val").value(), "bullet") != 0;
  for (auto n : root.children("w:num"))
    styles.numbered[attr(n, "w:numId")] = abstract[attr(n.child("w:abstractNumId"), "w:val")];
}

struct Reader {
  const DocxStyles& styles;
  const ReadLimits& limits;
  ImportDoc& out;
  int tables = 0;
  std::optional<std::string> error;

  void cell_content(const pugi::xml_node& tc, DocCell& cell, int depth) {
    if (depth > limits.max_depth) return;  // tables nested past reason: left out
    for (auto child : tc.children()) {
      if (std::strcmp(child.name(), "w:p") == 0)
        cell.paragraphs.push_back(read_paragraph(child, styles));
      else if (std::strcmp(child.name(), "w:tbl") == 0)  // a table in a cell: its text, in order
        for (auto tr : child.children("w:tr"))
          for (auto inner : tr.children("w:tc")) cell_content(inner, cell, depth + 1);
    }
  }

  void row(const pugi::xml_node& tr, DocTable& table) {
    std::vector<DocCell> cells;
    for (auto tc : tr.children("w:tc")) {
      auto pr = tc.child("w:tcPr");
      DocCell cell;
      cell.span = std::max(1, std::min(64, pr.child("w:gridSpan").attribute("w:val").as_int(1)));
      auto vmerge = pr.child("w:vMerge");
      cell.covered = vmerge && std::strcmp(vmerge.attribute("w:val").value(), "restart") != 0;
      if (!cell.covered) cell_content(tc, cell, 0);
      int span = cell.span;
      cells.push_back(std::move(cell));
      for (int i = 1; i < span; ++i) cells.push_back(DocCell{{}, 1, true});
    }
    table.rows.push_back(std::move(cells));
  }

  void table(const pugi::xml_node& tbl) {
    DocBlock block;
    block.is_table = true;
    block.table.number = ++tables;
    for (auto tr : tbl.children("w:tr")) {
      if ((error = table_full(block.table, limits))) return;
      row(tr, block.table);
    }
    out.blocks.push_back(std::move(block));
  }

  void body(const pugi::xml_node& parent, int depth) {
    if (depth > limits.max_depth) return;  // content controls nested past reason: left out
    for (auto child : parent.children()) {
      if (error || (error = document_full(out, limits))) return;
      const char* name = child.name();
      if (std::strcmp(name, "w:p") == 0) {
        DocBlock block;
        block.paragraph = read_paragraph(child, styles);
        out.blocks.push_back(std::move(block));
      } else if (std::strcmp(name, "w:tbl") == 0) {
        table(child);
      } else if (std::strcmp(name, "w:sdt") == 0) {
        body(child.child("w:sdtContent"), depth + 1);
      }
    }
  }
};

}  // namespace

std::optional<std::string> read_docx(const ZipArchive& zip, const ReadLimits& limits, ImportDoc& out) {
  std::string text;
  if (auto why = zip.read("word/document.xml", limits, text)) return why;
  pugi::xml_document doc, styles_doc, numbering_doc;
  if (auto why = parse_xml(text, "word/document.xml", doc)) return why;
  if (auto why = read_part(zip, "word/styles.xml", limits, styles_doc)) return why;
  if (auto why = read_part(zip, "word/numbering.xml", limits, numbering_doc)) return why;
  DocxStyles styles = read_styles(styles_doc);
  read_numbering(numbering_doc, styles);
  auto body = doc.child("w:document").child("w:body");
  if (!body) return std::string("its word/document.xml has no body, so it is not a Word document");
  Reader reader{styles, limits, out, 0, std::nullopt};
  reader.body(body, 0);
  return reader.error;
}
