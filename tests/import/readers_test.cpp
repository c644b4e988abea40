// The .odt and plain-text readers: what each makes of the structures issue
// 15 names (merged cells, lists, headings, bold, symbol ticks), the text
// encodings Word writes, and hostile input read from memory.
#include <doctest/doctest.h>

#include "import/import.h"
#include "zip_make.h"

namespace {

const std::string kOffice =
    "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
    "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
    "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
    "xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" "
    "xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\"";

// An .odt holding `body` (the content of office:text) and `styles`
// (automatic styles), as bytes.
std::string odt(const std::string& body, const std::string& styles = "") {
  std::string content = "<office:document-content " + kOffice +
                        "><office:font-face-decls><style:font-face style:name=\"Wingdings\" "
                        "svg:font-family=\"Wingdings\"/></office:font-face-decls><office:automatic-styles>" +
                        styles + "</office:automatic-styles><office:body><office:text>" + body +
                        "</office:text></office:body></office:document-content>";
  return test::zip_of({{"mimetype", "application/vnd.oasis.opendocument.text"}, {"content.xml", content}});
}

ImportDoc read(const std::string& bytes, const std::string& name = "job.odt") {
  ImportDoc doc;
  auto why = read_document(bytes, name, ReadLimits{}, doc);
  CHECK_MESSAGE(!why, (why ? *why : ""));
  return doc;
}

std::string refusal(const std::string& bytes, const std::string& name = "job.odt") {
  ImportDoc doc;
  auto why = read_document(bytes, name, ReadLimits{}, doc);
  REQUIRE(why);
  return *why;
}

}  // namespace

TEST_CASE("odt: headings, bold spans, symbol-font ticks") {
  ImportDoc doc = read(odt(
      "<text:h text:outline-level=\"2\">Person <text:span>Specification</text:span></text:h>"
      "<text:p><text:span text:style-name=\"T1\">Job Title:</text:span> <text:span>Cook</text:span></text:p>"
      "<text:p>a<text:s text:c=\"3\"/>b<text:tab/>c<text:span text:style-name=\"T2\">\xef\x83\xbc</text:span></text:p>",
      "<style:style style:name=\"T1\" style:family=\"text\"><style:text-properties fo:font-weight=\"bold\"/></style:style>"
      "<style:style style:name=\"T2\" style:family=\"text\"><style:text-properties style:font-name=\"Wingdings\"/></style:style>"));
  REQUIRE(doc.blocks.size() == 3);
  CHECK(doc.blocks[0].paragraph.heading == 2);
  CHECK(doc.blocks[0].paragraph.text == "Person Specification");
  CHECK(doc.blocks[1].paragraph.text == "Job Title: Cook");
  CHECK(doc.blocks[1].paragraph.markdown == "**Job Title:** Cook");
  CHECK(doc.blocks[2].paragraph.text == "a b c✓");
}

TEST_CASE("odt: nested lists, numbered or bulleted by their list style") {
  ImportDoc doc = read(odt(
      "<text:list text:style-name=\"L1\"><text:list-item><text:p>One</text:p>"
      "<text:list><text:list-item><text:p>Inner</text:p></text:list-item></text:list></text:list-item></text:list>",
      "<text:list-style style:name=\"L1\"><text:list-level-style-number text:level=\"1\"/>"
      "<text:list-level-style-bullet text:level=\"2\"/></text:list-style>"));
  REQUIRE(doc.blocks.size() == 2);
  CHECK(doc.blocks[0].paragraph.list_level == 0);
  CHECK(doc.blocks[0].paragraph.numbered);
  CHECK(doc.blocks[1].paragraph.list_level == 1);
  CHECK_FALSE(doc.blocks[1].paragraph.numbered);
}

TEST_CASE("odt: a cell spanning columns, and covered cells") {
  ImportDoc doc = read(odt(
      "<table:table><table:table-row><table:table-cell table:number-columns-spanned=\"2\"><text:p>Knowledge</text:p>"
      "</table:table-cell><table:covered-table-cell/></table:table-row>"
      "<table:table-row><table:table-cell><text:p>A</text:p></table:table-cell>"
      "<table:table-cell><text:list><text:list-item><text:p>B</text:p></text:list-item></text:list>"
      "</table:table-cell></table:table-row></table:table>"));
  REQUIRE(doc.blocks.size() == 1);
  const DocTable& t = doc.blocks[0].table;
  REQUIRE(t.rows.size() == 2);
  REQUIRE(t.rows[0].size() == 2);
  CHECK(t.rows[0][0].span == 2);
  CHECK(t.rows[0][1].covered);
  CHECK(cell_text(t.rows[1][1]) == "B");
  CHECK(t.rows[1][1].paragraphs[0].list_level == 0);
}

TEST_CASE("odt: refused when encrypted, too long a table, or neither kind of document") {
  std::string encrypted = test::zip_of({{"content.xml", "\x01\x02"},
                                        {"META-INF/manifest.xml", "<manifest:encryption-data/>"}});
  CHECK(refusal(encrypted).find("protected by a password") != std::string::npos);
  std::string rows;
  for (int i = 0; i < 3000; ++i) rows += "<table:table-row><table:table-cell/></table:table-row>";
  CHECK(refusal(odt("<table:table>" + rows + "</table:table>")).find("more than 2000 rows") != std::string::npos);
  CHECK(refusal(odt("<table:table><table:table-row table:number-rows-repeated=\"1000000\"/></table:table>"))
            .find("more than 2000 rows") != std::string::npos);
  CHECK(refusal(test::zip_of({{"other.xml", "<a/>"}})).find("neither") != std::string::npos);
}

TEST_CASE("txt: lists, headings, labelled facts and tab-separated tables") {
  ImportDoc doc = read("Job Title: Cook\r\nQualifications\r\n\xe2\x80\xa2\tFirst\r\no\tInner\r\n1.\tNumbered\r\n"
                       "Skill\tEssential\r\nMerged\r\nCooking\tYes\r\nAfter the table.\r\n",
                       "job.txt");
  REQUIRE(doc.blocks.size() == 7);
  CHECK(doc.blocks[0].paragraph.heading == 0);
  CHECK(doc.blocks[1].paragraph.heading == 2);
  CHECK(doc.blocks[2].paragraph.text == "First");
  CHECK(doc.blocks[3].paragraph.list_level == 1);
  CHECK(doc.blocks[4].paragraph.numbered);
  REQUIRE(doc.blocks[5].is_table);
  const DocTable& t = doc.blocks[5].table;
  REQUIRE(t.rows.size() == 3);
  CHECK(t.rows[1][0].span == 2);
  CHECK(t.rows[1][1].covered);
  CHECK(cell_text(t.rows[2][1]) == "Yes");
  CHECK(doc.blocks[6].paragraph.text == "After the table.");
}

TEST_CASE("txt: Windows-1252 and UTF-16 as Word writes them, and binary refused") {
  ImportDoc cp1252 = read("\x95\tCaf\xe9 work\r\n", "job.txt");
  REQUIRE(cp1252.blocks.size() == 1);
  CHECK(cp1252.blocks[0].paragraph.text == "Café work");
  CHECK(cp1252.blocks[0].paragraph.list_level == 0);
  ImportDoc utf16 = read(std::string("\xff\xfe" "A\0\t\0B\0", 8), "job.txt");
  REQUIRE(utf16.blocks.size() == 1);
  CHECK(utf16.blocks[0].is_table);
  CHECK(refusal(std::string("a\0b", 3), "job.txt").find("not a plain text file") != std::string::npos);
  CHECK(refusal("plain words", "job.pdf").find("not a Word (.docx) document") != std::string::npos);
}

TEST_CASE("import from memory: the whole import, nothing written") {
  ImportResult r;
  std::string text = "Job Title: Cook\nPerson Specification\nQualifications\nEssential\n\xe2\x80\xa2\tFood hygiene\n";
  REQUIRE_FALSE(import_bytes(text, "cook.txt", "", "2026-11-30", ReadLimits{}, r));
  CHECK(r.slug == "cook");
  CHECK(r.spec_yaml.find("text: Food hygiene") != std::string::npos);
}

TEST_CASE("import from memory: a document with no specification gets that note alone") {
  ImportResult r;
  REQUIRE_FALSE(import_bytes("Job Title: Cook\nWe need a cook.\n", "cook.txt", "", "2026-11-30", ReadLimits{}, r));
  CHECK(r.spec.sections.empty());
  REQUIRE(r.notes.size() == 1);
  CHECK(r.notes[0].message.find("no person specification found") != std::string::npos);
}

TEST_CASE("txt: a lead-in line ending in ':' joins the next row's first cell") {
  ImportDoc doc = read("Skill\tEssential\r\nFor some posts only:\r\nDriving\tYes\r\n", "job.txt");
  REQUIRE(doc.blocks.size() == 1);
  const DocTable& t = doc.blocks[0].table;
  REQUIRE(t.rows.size() == 2);
  CHECK(cell_text(t.rows[1][0], "|") == "For some posts only:|Driving");
}

TEST_CASE("deep nesting is read to a limit, not until the stack runs out") {
  auto nest = [](const std::string& open, const std::string& close, const std::string& inner) {
    std::string s;
    for (int i = 0; i < 50000; ++i) s += open;
    s += inner;
    for (int i = 0; i < 50000; ++i) s += close;
    return s;
  };
  std::string p = "<w:p><w:r><w:t>deep</w:t></w:r></w:p>";
  std::string sdt = nest("<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>", p);
  read(test::zip_of({{"word/document.xml", "<w:document><w:body>" + sdt + "</w:body></w:document>"}}), "a.docx");
  std::string cells = nest("<w:tbl><w:tr><w:tc>", "</w:tc></w:tr></w:tbl>", p);
  read(test::zip_of({{"word/document.xml", "<w:document><w:body>" + cells + "</w:body></w:document>"}}), "a.docx");
  read(odt(nest("<text:section>", "</text:section>", "<text:p>deep</text:p>")));
  read(odt(nest("<text:list><text:list-item>", "</text:list-item></text:list>", "<text:p>deep</text:p>")));
  read(odt(nest("<table:table><table:table-row><table:table-cell>",
                "</table:table-cell></table:table-row></table:table>", "<text:p>deep</text:p>")));
  read(odt("<text:p>" + nest("<text:span>", "</text:span>", "deep") + "</text:p>"));
}

TEST_CASE("txt: a table copied a cell to a line, rows between blank lines, a cell's later paragraph without the tab") {
  ImportDoc doc = read("Person Specification\n\tSkills\n\tEssential\n\tAssessed by\n\n"
                       "\tFor peripatetic workers only:\n\nDriving\n\t(\n\tInterview\n\n\n"
                       "\tTeamwork\n\t(\n\tApplication\n \nAfter the table.\n",
                       "job.txt");
  REQUIRE(doc.blocks.size() == 3);
  REQUIRE(doc.blocks[1].is_table);
  const DocTable& t = doc.blocks[1].table;
  REQUIRE(t.rows.size() == 3);
  CHECK(t.rows[0].size() == 3);
  CHECK(cell_text(t.rows[1][0], "|") == "For peripatetic workers only:|Driving");
  CHECK(cell_text(t.rows[1][2]) == "Interview");
  CHECK(cell_text(t.rows[2][0]) == "Teamwork");
  CHECK(doc.blocks[2].paragraph.text == "After the table.");
}

TEST_CASE("txt: HTML left in the text is dropped, its paragraphs and run-together bullets kept apart") {
  ImportDoc doc = read("Skills\t<ul style=\"list-style-type: none\"> \xe2\x80\xa2 Calm &amp; kind \xe2\x80\xa2 Punctual \t<p>1,2</p> <p>2</p>\n"
                       "Give <u>clear examples</u> of each.\n**JOB DESCRIPTION \xe2\x80\x93 Cook\n(Part time)**\n",
                       "job.txt");
  REQUIRE(doc.blocks.size() == 4);
  const DocTable& t = doc.blocks[0].table;
  REQUIRE(t.rows.size() == 1);
  CHECK(cell_text(t.rows[0][1], "|") == "Calm & kind|Punctual");
  CHECK(cell_text(t.rows[0][2], "|") == "1,2|2");
  CHECK(doc.blocks[1].paragraph.text == "Give clear examples of each.");
  CHECK(doc.blocks[2].paragraph.text == "JOB DESCRIPTION \xe2\x80\x93 Cook");
  CHECK(doc.blocks[2].paragraph.bold);
  CHECK(doc.blocks[3].paragraph.text == "(Part time)");
}

TEST_CASE("import from memory: a label whose colon was lost, and a bold 'Job description - title' line") {
  ImportResult r;
  REQUIRE_FALSE(import_bytes("Job Title Learning Support Practitioner\nResponsible to Deputy Head\n", "lsp.txt", "",
                             "2026-11-30", ReadLimits{}, r));
  CHECK(r.title == "Learning Support Practitioner");
  CHECK(r.advert_md.find("\nreports_to: Deputy Head\n") != std::string::npos);
  REQUIRE_FALSE(import_bytes("**JOB DESCRIPTION \xe2\x80\x93 Cook\n(Part time)**\nResponsible to the head for the kitchen.\n",
                             "cook.txt", "", "2026-11-30", ReadLimits{}, r));
  CHECK(r.title == "Cook");
  CHECK(r.advert_md.find("reports_to: the head") == std::string::npos);
}

TEST_CASE("txt: lines wrapped by hand are joined, sentences and list items are not") {
  ImportDoc doc = read("Qualifications \xe2\x96\xa1 Good general education to\nGCSE level (Maths\n\nand English)\n"
                       "\xe2\x96\xa1 Team work\nA new paragraph.\nnot joined after a full stop\n"
                       "Duties include\no\tfiling\n",
                       "job.txt");
  REQUIRE(doc.blocks.size() == 7);
  CHECK(doc.blocks[0].paragraph.text == "Qualifications");
  CHECK(doc.blocks[1].paragraph.text == "Good general education to GCSE level (Maths and English)");
  CHECK(doc.blocks[2].paragraph.text == "Team work");
  CHECK(doc.blocks[4].paragraph.text == "not joined after a full stop");
  CHECK(doc.blocks[6].paragraph.list_level == 1);
}

TEST_CASE("import from memory: Essential and Desirable run together on one line say the levels were lost") {
  ImportResult r;
  REQUIRE_FALSE(import_bytes("Person Specification\nEssential Desirable\nSkills \xe2\x96\xa1 Team work\n\xe2\x96\xa1 Typing\n",
                             "lsa.txt", "", "2026-11-30", ReadLimits{}, r));
  REQUIRE(r.spec.sections.size() == 1);
  CHECK(r.spec.sections[0].criteria.size() == 2);
  CHECK(r.spec_yaml.find("  # check: which of these criteria are desirable? The text lost its columns\n  - name: Skills\n") !=
        std::string::npos);
  REQUIRE(r.notes.size() == 1);
  CHECK(r.notes[0].message.find("every criterion is written as essential") != std::string::npos);
}

TEST_CASE("import from memory: a legend's Title Case is written in sentence case, capitals kept") {
  ImportResult r;
  REQUIRE_FALSE(import_bytes("Person Specification\nAttributes\tEssential\tHow measured\nSkills\t\xe2\x80\xa2 Works well in a team\t1,2\n"
                             "(1 = Application Form 2 = Interview 3 = Proof of Qualification (QTS))\n",
                             "senco.txt", "", "2026-11-30", ReadLimits{}, r));
  CHECK(r.spec_yaml.find("  application: Application form\n") != std::string::npos);
  CHECK(r.spec_yaml.find("  interview: Interview\n") != std::string::npos);
  CHECK(r.spec_yaml.find("  qualification: Proof of qualification (QTS)\n") != std::string::npos);
}

TEST_CASE("txt: one line of a million paragraphs is refused at the limit, not read to the end") {
  std::string line;
  for (int i = 0; i < 1000000; ++i) line += "<p>x";
  CHECK(refusal(line + "\n", "job.txt").find("more than 100000 paragraphs") != std::string::npos);
}

TEST_CASE("txt: a label alone on its line takes the short value below it, a lead-in keeps its list") {
  ImportDoc doc = read("Grade:\n\n\nGrade 4\nModel No:\n20\nAs SENCo the teacher will:\n- Teach one day a week\n"
                       "Physical Resources:\nClassroom and department materials, equipment and resources.\n",
                       "job.txt");
  REQUIRE(doc.blocks.size() == 6);
  CHECK(doc.blocks[0].paragraph.text == "Grade: Grade 4");
  CHECK(doc.blocks[1].paragraph.text == "Model No: 20");
  CHECK(doc.blocks[2].paragraph.text == "As SENCo the teacher will:");
  CHECK(doc.blocks[3].paragraph.list_level == 0);
  CHECK(doc.blocks[4].paragraph.text == "Physical Resources:");
}
