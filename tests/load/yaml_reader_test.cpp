// What parse_yaml says when yaml-cpp gives up: the fix, in plain words, at
// the place to make it.
#include <doctest/doctest.h>

#include <tuple>

#include "load/yaml_reader.h"

namespace {

Diagnostic only_error(const std::string& text, int first_line = 1) {
  Diagnostics d;
  CHECK(!parse_yaml(text, {"x.yaml", first_line}, d));
  REQUIRE(d.items.size() == 1);
  return d.items[0];
}

}  // namespace

TEST_CASE("YAML: a tab used for indenting is named at the tab, with its file line") {
  auto map = only_error("name: Oak\naddress:\n  town: Oakton\n\tpostcode: OK1\n");
  CHECK(map.message == "line 4 is indented with a tab: use spaces (YAML does not allow tabs for indenting)");
  CHECK(map.mark.line == 4);
  CHECK(map.mark.col == 1);
  auto list = only_error("sections:\n  - a\n \t- b\n", 5);  // front matter from the file's line 5
  CHECK(list.message.rfind("line 7 is indented with a tab: use spaces", 0) == 0);
  CHECK(list.mark.line == 7);
  CHECK(list.mark.col == 2);
}

TEST_CASE("YAML: a value with ': ' in it, not in quotes, is told to be put in quotes") {
  auto e = only_error("title: Cook: part time\nschool: oak\n");
  CHECK(e.message.find("the value of 'title' has a colon and a space (': ') in it") == 0);
  CHECK(e.message.find("put the whole value in quotes, like title: \"Cook: part time\"") != std::string::npos);
  CHECK(e.mark.line == 1);
  CHECK(e.mark.col == 8);
  auto item = only_error("criteria:\n  - text: Skills: listening\n    level: essential\n");
  CHECK(item.message.find("the value of 'text' has a colon") == 0);
  CHECK(item.mark.line == 2);
}

// The line the message suggests, typed in as it is, reads as the value the
// person meant: without the note after it, with its own quotes kept.
TEST_CASE("YAML: the quoted value a colon error suggests is the value meant, ready to type in") {
  struct Case {
    const char* line;
    const char* meant;
  };
  for (auto c : {Case{"title: Teaching Assistant: Year 2                 # required", "Teaching Assistant: Year 2"},
                 Case{"title: The \"Oak\" cook: part time", "The \"Oak\" cook: part time"},
                 Case{"title: Cook: part time   ", "Cook: part time"}}) {
    CAPTURE(c.line);
    auto e = only_error(std::string(c.line) + "\nschool: oak\n");
    size_t like = e.message.find("like title: ");
    REQUIRE(like != std::string::npos);
    std::string suggested = e.message.substr(like + 5);
    CHECK(suggested.find("# required") == std::string::npos);
    Diagnostics d;
    auto node = parse_yaml(suggested + "\n", {"x.yaml", 1}, d);
    REQUIRE(node);
    REQUIRE(node->entries.size() == 1);
    CHECK(node->entries[0].value.text == c.meant);
  }
}

TEST_CASE("YAML: a line indented a space or two off the lines it belongs with is shown both columns") {
  const std::string list = "criteria:\n  - text: A\n    level: essential\n  - text: B\n";
  for (auto [last, col, what] : {std::tuple{"   level: desirable\n", 4, "'level:' starts in column 4"},
                                 {"      level: desirable\n", 7, "'level:' starts in column 7"},
                                 {"  level: desirable\n", 3, "'level:' starts in column 3"}}) {
    CAPTURE(last);
    auto e = only_error(list + last, 5);  // front matter from the file's line 5
    CHECK(e.message.rfind("the indents here do not line up, so YAML cannot tell what this line belongs to: ", 0) == 0);
    CHECK(e.message.find(std::string(what) + ", but 'text:' on line 8 in column 5") != std::string::npos);
    CHECK(e.mark.line == 9);
    CHECK(e.mark.col == col);
  }
  auto item = only_error("criteria:\n  - text: A\n    level: essential\n   - text: B\n    level: desirable\n");
  CHECK(item.message.find("'- text:' starts in column 4, but '- text:' on line 2 in column 3") != std::string::npos);
  CHECK(item.mark.line == 4);
}

TEST_CASE("YAML: a list item written as plain text with keys under it is told the key to start it with") {
  auto e = only_error("criteria:\n  - text: A\n    level: essential\n  - Team work\n    level: desirable\n", 5);
  CHECK(e.message == "this item is plain text, so the keys under it cannot belong to it: start it with its key, "
                     "like - text: Team work");
  CHECK(e.mark.line == 8);
  CHECK(e.mark.col == 5);
  auto section = only_error("sections:\n  - name: A\n  - Experience\n    criteria: []\n");
  CHECK(section.message.find("like - name: Experience") != std::string::npos);
}

TEST_CASE("YAML: a value in curly quotes that breaks the YAML names the curly quote") {
  auto e = only_error("title: \u201cCook: part time\u201d\n");
  CHECK(e.message.find("this value starts with a curly quote") == 0);
  CHECK(e.message.find("type a straight \" instead") != std::string::npos);
}

TEST_CASE("YAML: other mistakes keep yaml-cpp's words") {
  auto e = only_error("a: [1, 2\n");
  CHECK(e.message.rfind("this is not valid YAML", 0) == 0);
}
