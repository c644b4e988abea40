// Recognising one person specification table (generator/import/spec_table.cpp).
#include <doctest/doctest.h>

#include "import/spec_table.h"

namespace {

DocCell cell(const std::string& text) {
  DocCell c;
  DocParagraph p;
  p.text = p.markdown = text;
  c.paragraphs.push_back(p);
  return c;
}

}  // namespace

TEST_CASE("spec_table: a row with no tick is essential, with a check comment saying where") {
  DocTable t;
  t.number = 3;
  t.rows = {{cell("Skills"), cell("Essential"), cell("Desirable"), cell("Assessed by")},
            {cell("Works well in a team"), cell("✓"), cell(""), cell("Interview")},
            {cell("Uses ICT confidently at work"), cell(""), cell(""), cell("Test")}};
  FoundSpec spec;
  std::vector<ImportNote> notes;
  REQUIRE(read_spec_table(t, {}, spec, notes));
  REQUIRE(spec.sections.size() == 1);
  CHECK(spec.sections[0].name == "Skills");
  REQUIRE(spec.sections[0].criteria.size() == 2);
  CHECK(spec.sections[0].criteria[0].methods == std::vector<std::string>{"interview"});
  CHECK(spec.sections[0].criteria[1].level == "essential");
  CHECK(spec.sections[0].criteria[1].check.find("table 3, row 3: no tick") == 0);
  REQUIRE(notes.size() == 1);
  CHECK(notes[0].where == "table 3, row 3");
  CHECK(notes[0].message == "no tick under Essential or Desirable; written as essential with a '# check:' comment");
}

TEST_CASE("spec_table: a table without Essential or Desirable is not a specification") {
  DocTable t;
  t.rows = {{cell("Job title"), cell("Cook")}};
  FoundSpec spec;
  std::vector<ImportNote> notes;
  CHECK_FALSE(read_spec_table(t, {}, spec, notes));
}
