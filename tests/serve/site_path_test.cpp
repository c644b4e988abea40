// Tests of turning request targets into site paths (serve/site_path.h); the
// server's own refusals are in serve_test.cpp.
#include <doctest/doctest.h>

#include "serve/site_path.h"

TEST_CASE("site_path: the path a target names, or nothing when it leaves the site") {
  CHECK(site_path("/a/b/?q=1") == std::optional<std::string>("a/b/"));
  CHECK(site_path("/") == std::optional<std::string>(""));
  CHECK(site_path("/vacancies/ta/#apply") == std::optional<std::string>("vacancies/ta/"));
  CHECK(site_path("/caf%C3%A9/") == std::optional<std::string>("caf\xC3\xA9/"));
  for (std::string bad : {"relative", "", "/a/%2e%2e/b", "/../x", "/a/./b", "/a//b", "/%2fetc",
                          "/a%5cb", "/a\\b", "/%00", "/%0a", "/%zz", "/%4"}) {
    CAPTURE(bad);
    CHECK_FALSE(site_path(bad));
  }
}
