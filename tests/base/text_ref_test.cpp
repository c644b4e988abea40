// Tests for text_ref.h: a Text owns its bytes or views bytes lent to it.
#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "base/text_ref.h"

TEST_CASE("a text made from a string owns its bytes, shared by its copies, which outlive it") {
  std::string source = "Experience of supporting pupils with SEN";
  auto own = std::make_unique<Text>(source);
  source[0] = 'X';  // the text is not a view of it
  CHECK(*own == "Experience of supporting pupils with SEN");
  Text copy = *own;
  CHECK(copy.view().data() == own->view().data());  // shared, not copied
  own.reset();
  CHECK(copy == "Experience of supporting pupils with SEN");  // still there
  Text moved = std::move(copy);
  CHECK(moved == "Experience of supporting pupils with SEN");
  Text empty((std::string()));
  CHECK(empty.empty());
  CHECK(empty.view().data() != nullptr);
}

TEST_CASE("a lent text views the bytes lent to it, and so do its copies and moves") {
  std::string mapped = "cache bytes: the body of an advert";
  std::string_view body = std::string_view(mapped).substr(13);
  Text lent = Text::lent(body);
  CHECK(lent.view().data() == mapped.data() + 13);  // no copy made
  CHECK(lent == "the body of an advert");
  CHECK(lent.size() == body.size());
  Text copy = lent;
  CHECK(copy.view().data() == body.data());
  Text moved = std::move(copy);
  CHECK(moved.view().data() == body.data());
  mapped[13] = 'T';  // the view sees the bytes as they are
  CHECK(moved.view().substr(0, 3) == "The");
  // Given a string, it owns again.
  moved = std::string("its own");
  CHECK(moved.view().data() != body.data());
  CHECK(moved == "its own");
}

TEST_CASE("an empty lent text is empty, not a null view") {
  Text empty = Text::lent(std::string_view());
  CHECK(empty.empty());
  CHECK(empty == "");
  CHECK(empty.str().empty());
}
