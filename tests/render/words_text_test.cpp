// Dates, times and lists in Welsh and English, from the theme's words.
#include <doctest/doctest.h>

#include "base/clock.h"
#include "render/words_text.h"
#include "theme/theme_folder.h"
#include "../test_util.h"

namespace {
const Words& welsh() {
  static Diagnostics diags;
  static auto all = load_words("", {default_theme_folder()}, diags);
  return *all.at("cy");
}
}  // namespace

TEST_CASE("dates and times in Welsh: day and month names, hanner dydd, yb and yp") {
  set_timezone("Europe/London");
  Time t = to_time(*parse_datetime("2026-12-04T12:00"), false);
  CHECK(datetime_words(t, welsh()) == "12 hanner dydd, dydd Gwener 4 Rhagfyr 2026");
  CHECK(datetime_words(t, default_words()) == "12 noon on Friday 4 December 2026");
  CHECK(time_words(9, 0, welsh()) == "9yb");
  CHECK(time_words(15, 15, welsh()) == "3:15yp");
  CHECK(time_words(15, 15, default_words()) == "3:15pm");
  CHECK(date_words(to_time(*parse_datetime("2027-01-06"), false), welsh()) == "dydd Mercher 6 Ionawr 2027");
}

TEST_CASE("a Welsh list joins with a or ac and mutates after a") {
  CHECK(join_list({"Ffurflen gais", "Cyfweliad"}, welsh(), true) == "Ffurflen gais a chyfweliad");
  CHECK(join_list({"Cyfweliad", "Prawf"}, welsh(), true) == "Cyfweliad a phrawf");
  CHECK(join_list({"Cyfweliad", "Ymarfer ymarferol"}, welsh(), true) == "Cyfweliad ac ymarfer ymarferol");
  CHECK(join_list({"Llawn amser", "Rhan amser", "Tymor"}, welsh()) == "Llawn amser, Rhan amser a Thymor");
  CHECK(join_list({"Application form", "Interview"}, default_words(), true) == "Application form and interview");
}
