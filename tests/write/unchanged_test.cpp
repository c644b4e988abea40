// Comparing a file's bytes with a page about to be written, or with another file.
#include <doctest/doctest.h>

#include <string>

#include "../test_util.h"
#include "write/unchanged.h"

TEST_CASE("file_holds is true only for the very same bytes") {
  test::TempDir tmp;
  tmp.write("a.html", "<p>Teaching assistant</p>\n");
  std::string a = (tmp.path / "a.html").string();
  CHECK(file_holds(a, "<p>Teaching assistant</p>\n"));
  CHECK(!file_holds(a, "<p>Teaching assistant</p>"));      // shorter
  CHECK(!file_holds(a, "<p>Teaching assistant</p>\n\n"));  // longer
  CHECK(!file_holds(a, "<p>Teaching Assistant</p>\n"));    // same size, one byte differs
  CHECK(!file_holds((tmp.path / "missing.html").string(), ""));
  CHECK(!file_holds(tmp.str(), ""));  // a folder is not a file
  std::filesystem::create_symlink(a, tmp.path / "link.html");
  CHECK(!file_holds((tmp.path / "link.html").string(), "<p>Teaching assistant</p>\n"));  // nor is a link
  tmp.write("empty", "");
  CHECK(file_holds((tmp.path / "empty").string(), ""));
  // Longer than one read: a difference in the last chunk is seen.
  std::string big(200000, 'x');
  tmp.write("big", big);
  CHECK(file_holds((tmp.path / "big").string(), big));
  big.back() = 'y';
  CHECK(!file_holds((tmp.path / "big").string(), big));
}

TEST_CASE("same_file_bytes compares two files whole") {
  test::TempDir tmp;
  std::string big(150000, 'z');
  tmp.write("a", big);
  tmp.write("b", big);
  big[140000] = 'q';
  tmp.write("c", big);
  tmp.write("d", big.substr(1));
  auto p = [&](const char* n) { return (tmp.path / n).string(); };
  CHECK(same_file_bytes(p("a"), p("b")));
  CHECK(!same_file_bytes(p("a"), p("c")));
  CHECK(!same_file_bytes(p("c"), p("d")));
  CHECK(!same_file_bytes(p("a"), p("missing")));
}
