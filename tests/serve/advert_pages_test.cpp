// Tests of the preview's adverts' pages made on request (serve/advert_pages.h).
#include "serve/advert_pages.h"

#include <doctest/doctest.h>

#include <atomic>
#include <thread>

#include "../test_util.h"

namespace {
FileMap pages_of(const std::string& slug, const std::string& text) {
  FileMap out;
  out["vacancies/" + slug + "/index.html"] = std::make_shared<const std::string>(text);
  out["vacancies/" + slug + "/prepare/index.html"] = std::make_shared<const std::string>(text + " prepare");
  return out;
}
}  // namespace

TEST_CASE("advert pages: the slug of an advert's page, and none of another page") {
  CHECK(AdvertPages::slug_of("vacancies/ta/index.html") == "ta");
  CHECK(AdvertPages::slug_of("vacancies/ta/prepare/index.html") == "ta");
  CHECK(AdvertPages::slug_of("vacancies/index.html") == "");
  CHECK(AdvertPages::slug_of("schools/oak/index.html") == "");
  CHECK(AdvertPages::slug_of("index.html") == "");
}

TEST_CASE("advert pages: made once when first asked for, then kept until dropped") {
  AdvertPages pages;
  int made = 0;
  auto make = [&] { ++made; return pages_of("ta", "v" + std::to_string(made)); };
  auto first = pages.find("ta", "vacancies/ta/index.html", make);
  REQUIRE(first);
  CHECK(*first == "v1");
  CHECK(*pages.find("ta", "vacancies/ta/prepare/index.html", make) == "v1 prepare");
  CHECK(made == 1);
  CHECK_FALSE(pages.find("ta", "vacancies/ta/nothing.html", make));
  CHECK(made == 1);

  auto dropped = pages.drop("ta");
  CHECK(dropped.size() == 2);
  CHECK(dropped[0] == "vacancies/ta/index.html");
  CHECK(*pages.find("ta", "vacancies/ta/index.html", make) == "v2");
  CHECK(pages.put("ta", pages_of("ta", "saved")).size() == 2);
  CHECK(*pages.find("ta", "vacancies/ta/index.html", make) == "saved");
  CHECK(made == 2);

  // An advert that is not there: nothing made is nothing kept.
  int none = 0;
  CHECK_FALSE(pages.find("gone", "vacancies/gone/index.html", [&] { ++none; return FileMap(); }));
  CHECK_FALSE(pages.find("gone", "vacancies/gone/index.html", [&] { ++none; return FileMap(); }));
  CHECK(none == 2);
  CHECK(pages.drop("gone") == std::vector<std::string>{"vacancies/gone/index.html"});
}

TEST_CASE("advert pages: many threads asking while others are put and dropped") {
  AdvertPages pages;
  std::atomic<bool> stop{false};
  std::atomic<int> wrong{0};
  std::vector<std::thread> readers;
  for (int t = 0; t < 4; ++t)
    readers.emplace_back([&, t] {
      for (int i = 0; !stop; ++i) {
        std::string slug = "a" + std::to_string((i + t) % 50);
        auto file = pages.find(slug, "vacancies/" + slug + "/index.html", [&] { return pages_of(slug, slug); });
        if (!file || file->rfind(slug, 0) != 0) ++wrong;
      }
    });
  for (int i = 0; i < 5000; ++i) {
    std::string slug = "a" + std::to_string(i % 50);
    if (i % 2) pages.drop(slug);
    else pages.put(slug, pages_of(slug, slug + " saved"));
  }
  stop = true;
  for (auto& r : readers) r.join();
  CHECK(wrong == 0);
}
