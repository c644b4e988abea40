// Tests for Sections (model.h): a specification's sections read when first
// asked for, once, whatever the number of threads asking.
#include <doctest/doctest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "base/model.h"

namespace {

std::atomic<int> reads{0};

// Reads "a/b/c" as three sections named a, b and c, each with a criterion
// citing "<name>-standard/1".
void read_names(std::string_view bytes, std::vector<Section>& into) {
  ++reads;
  std::string name;
  auto add = [&] {
    Section s;
    s.name = name;
    Criterion c;
    c.text = "Criterion of " + name;
    c.standards = {name + "-standard/1"};
    s.criteria.push_back(c);
    into.push_back(s);
    name.clear();
  };
  for (char ch : bytes)
    if (ch == '/') add();
    else name += ch;
  add();
}

}  // namespace

TEST_CASE("sections read later are read once, when first asked for, from any thread") {
  reads = 0;
  std::string bytes = "Qualifications/Experience/Skills";
  Sections later = Sections::later({"kept-standard"}, bytes, &read_names);
  CHECK(reads == 0);
  REQUIRE(later.unread());
  CHECK(*later.unread() == bytes);
  // The standards cited, as given, without reading.
  CHECK(later.cited_standards() == std::vector<std::string>{"kept-standard"});
  CHECK(reads == 0);

  const Sections& shared = later;
  std::vector<std::thread> threads;
  std::atomic<size_t> seen{0};
  for (int i = 0; i < 8; ++i) threads.emplace_back([&] { seen += shared.size(); });
  for (auto& t : threads) t.join();
  CHECK(reads == 1);
  CHECK(seen == 8 * 3);
  CHECK(!later.unread());
  CHECK(shared[1].name == "Experience");
  // Once read, the standards are those the criteria cite, each once, in order.
  CHECK(later.cited_standards() ==
        std::vector<std::string>{"Experience-standard", "Qualifications-standard", "Skills-standard"});
}

TEST_CASE("a copy of sections read later is read, and its own") {
  reads = 0;
  std::string bytes = "One/Two";
  Sections later = Sections::later({}, bytes, &read_names);
  Sections copy = later;
  CHECK(reads == 1);
  CHECK(copy.size() == 2);
  copy.push_back(Section{});
  CHECK(copy.size() == 3);
  CHECK(later.size() == 2);
  CHECK(reads == 1);
}

TEST_CASE("sections made as a vector are plain") {
  Sections s(std::vector<Section>(2));
  CHECK(!s.unread());
  CHECK(s.size() == 2);
  s[0].criteria.push_back(Criterion{});
  s[0].criteria[0].standards = {"nos-stl/STL18/P3", "nos-stl/STL20/K1", "eyfs/1"};
  CHECK(s.cited_standards() == std::vector<std::string>{"eyfs", "nos-stl"});
}
