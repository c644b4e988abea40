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
  REQUIRE(read_spec_table(t, {}, nullptr, spec, notes));
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
  CHECK_FALSE(read_spec_table(t, {}, nullptr, spec, notes));
}

TEST_CASE("spec_table: a table without a header row continues the one before it, when as wide") {
  DocTable first, rest, narrow;
  first.rows = {{cell("Skills"), cell("Essential"), cell("Desirable"), cell("Assessed by")},
                {cell("Works well in a team"), cell("✓"), cell(""), cell("Interview")}};
  rest.number = 2;
  rest.rows = {{cell("Uses ICT confidently at work"), cell(""), cell("✓"), cell("Test")},
               {cell("Knowledge"), cell(""), cell(""), cell("")},
               {cell("How children learn"), cell("✓"), cell(""), cell("Interview")}};
  narrow.rows = {{cell("Drives a minibus"), cell("✓")}};
  FoundSpec spec;
  std::vector<ImportNote> notes;
  auto cols = read_spec_table(first, {}, nullptr, spec, notes);
  REQUIRE(cols);
  CHECK_FALSE(read_spec_table(rest, {}, nullptr, spec, notes));
  CHECK_FALSE(read_spec_table(narrow, {}, &*cols, spec, notes));
  REQUIRE(read_spec_table(rest, {}, &*cols, spec, notes));
  REQUIRE(spec.sections.size() == 2);
  REQUIRE(spec.sections[0].criteria.size() == 2);
  CHECK(spec.sections[0].criteria[1].text == "Uses ICT confidently at work");
  CHECK(spec.sections[0].criteria[1].level == "desirable");
  CHECK(spec.sections[0].criteria[1].methods == std::vector<std::string>{"test"});
  CHECK(spec.sections[1].name == "Knowledge");
  REQUIRE(spec.sections[1].criteria.size() == 1);
  CHECK(notes.empty());
}

TEST_CASE("spec_table: a list run together is split at its sentences when each has its group of codes") {
  DocTable t;
  t.rows = {{cell("Attributes"), cell("Essential"), cell("How measured")},
            {cell("Experience"), cell("Holds QTS. Has led reviews (e.g. Annual Reviews). Calm"), cell("1,4 1, 2 and 3 2")},
            {cell("Skills"), cell("Plans well. Teaches well."), cell("1 2 3")}};
  Legend legend = {{"1", "Application form"}, {"2", "Interview"}, {"3", "Test"}, {"4", "Proof of qualification"}};
  FoundSpec spec;
  std::vector<ImportNote> notes;
  REQUIRE(read_spec_table(t, legend, nullptr, spec, notes));
  REQUIRE(spec.sections.size() == 2);
  const auto& crits = spec.sections[0].criteria;
  REQUIRE(crits.size() == 3);
  CHECK(crits[0].text == "Holds QTS.");
  CHECK(crits[0].methods == std::vector<std::string>{"application", "qualification"});
  CHECK(crits[1].text == "Has led reviews (e.g. Annual Reviews).");
  CHECK(crits[1].methods == std::vector<std::string>{"application", "interview", "test"});
  CHECK(crits[2].methods == std::vector<std::string>{"interview"});
  REQUIRE(spec.sections[1].criteria.size() == 1);  // two sentences, three groups: left whole, every method kept
  CHECK(spec.sections[1].criteria[0].methods == std::vector<std::string>{"application", "interview", "test"});
  REQUIRE(notes.size() == 1);
  CHECK(notes[0].message == "3 groups of assessment codes for one criterion: it may be 3 criteria run together; "
                            "split it and give each its codes");
}
