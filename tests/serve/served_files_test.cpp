// Tests of the preview's files in shards (serve/served_files.h).
#include <doctest/doctest.h>

#include <algorithm>
#include <stdexcept>

#include "serve/served_files.h"

namespace {
std::shared_ptr<const std::string> text(const std::string& s) { return std::make_shared<const std::string>(s); }

FileMap some_files() {
  FileMap files;
  files["index.html"] = text("home");
  files["vacancies/ta/index.html"] = text("ta page");
  files["vacancies/ta/person-specification/index.html"] = text("ta spec");
  files["vacancies/ta/closing-date.ics"] = text("ta ics");
  files["vacancies/tab/index.html"] = text("tab page");  // a slug that starts like another
  files["vacancies/cook/index.html"] = text("cook page");
  files["roles/teaching/index.html"] = text("teaching");
  return files;
}

std::string at(const ServedFiles& files, const std::string& path) {
  auto file = files.find(path);
  return file ? *file : "(none)";
}
}  // namespace

TEST_CASE("ServedFiles: finds each file and nothing else") {
  ServedFiles files(some_files());
  CHECK(files.size() == 7);
  CHECK(at(files, "index.html") == "home");
  CHECK(at(files, "vacancies/ta/person-specification/index.html") == "ta spec");
  CHECK(at(files, "vacancies/ta/") == "(none)");
  CHECK(at(files, "nothing.html") == "(none)");
  CHECK(*files.at("roles/teaching/index.html") == "teaching");
  CHECK_THROWS_AS(files.at("roles/none/index.html"), std::out_of_range);
}

TEST_CASE("ServedFiles: an advert's files replaced under its prefix only, the old snapshot unchanged") {
  ServedFiles before(some_files());
  FileMap added;
  added["vacancies/ta/index.html"] = text("ta page, edited");
  std::vector<std::string> touched;
  ServedFiles after = before.changed({"vacancies/ta/"}, {}, std::move(added), touched);

  CHECK(at(after, "vacancies/ta/index.html") == "ta page, edited");
  CHECK(at(after, "vacancies/ta/person-specification/index.html") == "(none)");  // not made again: gone
  CHECK(at(after, "vacancies/tab/index.html") == "tab page");                    // another advert
  CHECK(at(after, "vacancies/cook/index.html") == "cook page");
  CHECK(after.size() == 5);
  std::sort(touched.begin(), touched.end());
  touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
  CHECK(touched == std::vector<std::string>{"vacancies/ta/closing-date.ics", "vacancies/ta/index.html",
                                            "vacancies/ta/person-specification/index.html"});
  // Readers holding the earlier snapshot still see it whole.
  CHECK(at(before, "vacancies/ta/index.html") == "ta page");
  CHECK(at(before, "vacancies/ta/closing-date.ics") == "ta ics");
  CHECK(before.size() == 7);
}

TEST_CASE("ServedFiles: lists removed by path and added") {
  ServedFiles before(some_files());
  FileMap added;
  added["roles/admin/index.html"] = text("admin");
  added["index.html"] = text("home, again");
  std::vector<std::string> touched;
  ServedFiles after = before.changed({}, {"roles/teaching/index.html", "roles/gone/index.html"}, std::move(added),
                                     touched);
  CHECK(at(after, "roles/teaching/index.html") == "(none)");
  CHECK(at(after, "roles/admin/index.html") == "admin");
  CHECK(at(after, "index.html") == "home, again");
  CHECK(after.size() == 7);
  CHECK(touched.size() == 3);  // the path that was not there is not counted
  CHECK(at(before, "roles/teaching/index.html") == "teaching");
}
