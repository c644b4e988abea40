// The build command and its cache, through the real binary: the note about
// an unusable cache is one plain line on stderr, and --no-cache is an option.
#include <doctest/doctest.h>

#include "../test_util.h"

namespace fs = std::filesystem;

namespace {
const std::string kBin = STAFFROOM_BINARY;
std::string q(const fs::path& p) { return "'" + p.string() + "'"; }
}  // namespace

TEST_CASE("staffroom build keeps a cache, notes a damaged one, and --no-cache leaves it alone") {
  test::TempDir dir;
  test::write_minimal_site(dir.path);
  std::string build = kBin + " build --now 2026-11-23T12:00 --site " + q(dir.path);
  std::string said;
  REQUIRE(test::run(build, &said) == 0);
  fs::path cache = dir.path / ".staffroom-cache";
  CHECK(fs::is_directory(cache));
  REQUIRE(test::run(build, &said) == 0);
  CHECK(said.find("note:") == std::string::npos);
  for (auto& f : fs::directory_iterator(cache)) test::write_file(f.path(), "not a cache");
  REQUIRE(test::run(build, &said) == 0);
  CHECK(test::count(said, "note: the build cache in .staffroom-cache was damaged") == 1);
  CHECK(said.find("Built 1 vacancy") != std::string::npos);
  REQUIRE(test::run(build + " --no-cache", &said) == 0);
  CHECK(said.find("note:") == std::string::npos);
  CHECK(test::run(kBin + " build --nocache --site " + q(dir.path), &said) == 2);
  CHECK(said.find("[--no-cache]") != std::string::npos);  // in the usage shown
}
