// Notes left to fill in: found where they are, and not in Markdown's own
// brackets, task boxes or ordinary uses of "here".
#include <doctest/doctest.h>

#include "check/placeholders.h"

namespace {

std::vector<std::string> found(std::string_view text) {
  std::vector<std::string> out;
  for (auto& p : find_placeholders(text)) out.push_back(p.text);
  return out;
}

}  // namespace

TEST_CASE("a note in square brackets or 'insert ... here' is found, at its place") {
  std::string text = "This website is run by [Our Trust].\nWe reply in [number] days.";
  auto notes = find_placeholders(text);
  REQUIRE(notes.size() == 2);
  CHECK(notes[0].text == "[Our Trust]");
  CHECK(notes[0].offset == text.find("[Our"));
  CHECK(notes[1].text == "[number]");
  CHECK(found("call [01234 567890]") == std::vector<std::string>{"[01234 567890]"});
  CHECK(found("this power will be delegated to insert line manager’s post name here. Then") ==
        std::vector<std::string>{"insert line manager’s post name here"});
  CHECK(found("Insert the school's name HERE") == std::vector<std::string>{"Insert the school's name HERE"});
  CHECK(found("Write to [insert name here] today") == std::vector<std::string>{"[insert name here]"});
  CHECK(found("AA standard[, due to the non-compliances listed below].") ==
        std::vector<std::string>{"[, due to the non-compliances listed below]"});
}

TEST_CASE("links, task boxes, numbers, escapes and everyday 'here' are not notes") {
  CHECK(found("Read [the job pack](files/pack.pdf) and [our policy][policy].").empty());
  CHECK(found("[policy]: https://example.org/policy").empty());
  CHECK(found("- [ ] DBS form\n- [x] References\n- [X] ID").empty());
  CHECK(found("As in the table [1] and [ 2 ].").empty());
  CHECK(found("Brackets \\[like these\\] are shown as typed.").empty());
  CHECK(found("Click here to apply. Nowhere else. We are here for you.").empty());
  CHECK(found("Please insert your USB stick. Then come here.").empty());  // two sentences
  CHECK(found("insert the form hereby").empty());
  CHECK(found("[a line\nbroken]").empty());
  CHECK(found("[" + std::string(90, 'a') + "]").empty());  // too long for a note
}
