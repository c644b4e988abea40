// The template data's helpers: values are moved into lists, never copied,
// however long the list grows (a copy of a section is a copy of all its
// criteria).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "render/views.h"

TEST_CASE("push moves each item into a growing list and never copies one") {
  Data rows = list();
  std::vector<const char*> at;  // where each row's text lives once pushed
  for (int i = 0; i < 100; ++i) {
    Data row = object();
    put(row, "text", std::string(200, static_cast<char>('a' + i % 26)));  // too long for a string's own room
    const char* text = row.get("text")->string_value().data();
    push(rows, std::move(row));
    at.push_back(text);
  }
  const auto& items = rows.list_value();
  REQUIRE(items.size() == 100);
  for (size_t i = 0; i < items.size(); ++i) {
    CHECK(items[i].get("text")->string_value() == std::string(200, static_cast<char>('a' + i % 26)));
    CHECK(items[i].get("text")->string_value().data() == at[i]);  // the same string, not a copy of it
  }
}
