// The build cache: after every step of seeded random edits (adverts added,
// changed and removed, a spec, a school, a theme template, site.yaml, the
// glossary, --now moved across closing times), a build with the cache gives
// byte for byte the output of a build without it. A damaged or foreign
// cache is noted and ignored.
#include <doctest/doctest.h>

#include <cstring>
#include <random>

#include "base/clock.h"
#include "pipeline/build.h"
#include "pipeline/build_cache.h"
#include "pipeline/cache_file.h"
#include "theme/theme_folder.h"
#include "../test_util.h"

namespace fs = std::filesystem;

namespace {

Time at(const char* text) { return to_time(*parse_datetime(text), false); }

std::string advert(int n, const std::string& title, const std::string& closes, bool draft) {
  return "---\ntitle: " + title + "\nschool: " + (n % 2 ? "oak" : "elm") +
         "\nrole: learning-support\nspec: ta\nsalary: { min: 20000, max: 22000 }\n"
         "contract: permanent\nworking_pattern: [" + (n % 3 ? "part-time" : "full-time") +
         "]\nposted: 2026-11-01\ncloses: " + closes + (draft ? "\ndraft: true" : "") +
         "\n---\nHelp pupils learn, number " + std::to_string(n) + ".\n";
}

// A site of a few adverts and the edits made to it, one random step at a time.
struct EditedSite {
  test::TempDir dir;
  std::mt19937 random;
  Time now = at("2026-11-20T12:00");
  int next = 0;
  const std::vector<std::string> closes{"2026-11-21T12:00", "2026-11-25T09:00", "2026-12-01T12:00",
                                        "2026-12-20T12:00"};

  explicit EditedSite(unsigned seed) : random(seed) {
    test::write_minimal_site(dir.path);
    // Lists in pages of two, so that an edit moves cards between pages.
    dir.write("content/site.yaml", test::read_file(dir.path / "content/site.yaml") + "per_page: 2\n");
    dir.write("content/schools/elm.yaml",
              "name: Elm Academy\naddress: { locality: York, postcode: YO1 1AA }\n");
    for (int i = 0; i < 6; ++i) add();
  }
  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(random); }
  std::vector<fs::path> adverts() const {
    std::vector<fs::path> out;
    for (auto& e : fs::directory_iterator(dir.path / "content/vacancies")) out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
  }
  void add() {
    int n = next++;
    dir.write("content/vacancies/post-" + std::to_string(n) + ".md",
              advert(n, "Post " + std::to_string(n), closes[pick(4)], pick(6) == 0));
  }
  // One random edit; returns what it was, for the failure message.
  std::string step() {
    auto all = adverts();
    switch (pick(10)) {
      case 0: {
        auto& p = all[pick(int(all.size()))];
        test::write_file(p, test::read_file(p) + "More about the post.\n");
        return "edited " + p.filename().string();
      }
      case 1: add(); return "added an advert";
      case 2:
        if (all.size() > 2) fs::remove(all[pick(int(all.size()))]);
        return "removed an advert";
      case 3:
        dir.write("content/specs/ta.yaml",
                  "title: Teaching Assistant\nsections:\n  - name: Qualifications\n"
                  "    assessed: [application]\n    criteria:\n      - { text: GCSE English " +
                      std::to_string(pick(100)) + ", level: essential }\n");
        return "edited the spec";
      case 4:
        dir.write("content/schools/oak.yaml",
                  "name: Oak Primary " + std::to_string(pick(100)) +
                      "\naddress: { locality: Leeds, postcode: LS1 1AA }\n");
        return "edited a school";
      case 5: {
        auto card = test::read_file(fs::path(default_theme_folder()) / "templates/vacancy_card.mustache");
        dir.write("themes/default/templates/vacancy_card.mustache",
                  card + "<!-- " + std::to_string(pick(100)) + " -->\n");
        return "edited the card template";
      }
      case 6:
        dir.write("content/site.yaml", "title: Trust vacancies " + std::to_string(pick(100)) +
                                           "\nbase_url: https://jobs.example.org/\nper_page: 2\n");
        return "edited site.yaml";
      case 7:
        dir.write("content/glossary.yaml", pick(2) ? "GCSE: General Certificate of Secondary Education\n" : "");
        return "edited the glossary";
      default: {
        // Across a closing time or into an advert's last week, often just either side.
        Time close = at(closes[pick(4)].c_str());
        const Time offsets[] = {-1, 0, 1, -kClosingSoon, -kClosingSoon - 1, 3600};
        now = close + offsets[pick(6)];
        return "moved --now";
      }
    }
  }
  BuildReport build(const fs::path& output, bool cache) const {
    BuildRequest request;
    request.site = dir.str();
    request.output = output.string();
    request.options.now = now;
    request.cache = cache;
    return build_site(request);
  }
};

// The first file that differs between two outputs, or "".
std::string first_difference(const fs::path& a, const fs::path& b) {
  auto x = test::snapshot(a), y = test::snapshot(b);
  for (auto& [path, bytes] : x)
    if (!y.count(path) || y[path] != bytes) return path;
  for (auto& [path, bytes] : y)
    if (!x.count(path)) return path;
  return "";
}

// A build of the site in `dir` into `output` at 2026-11-23 12:00.
BuildReport build_at(const test::TempDir& dir, const fs::path& output, bool cache) {
  BuildRequest request;
  request.site = dir.str();
  request.output = output.string();
  request.options.now = at("2026-11-23T12:00");
  request.cache = cache;
  return build_site(request);
}

// Every problem a build found, in its order, as it would be shown.
std::vector<std::string> problems(const BuildReport& report) {
  std::vector<std::string> out;
  for (auto& d : report.diags.items)
    out.push_back(d.mark.path + ":" + std::to_string(d.mark.line) + ":" + std::to_string(d.mark.col) +
                  (d.severity == Severity::error ? " error: " : " warning: ") + d.message);
  return out;
}

}  // namespace

TEST_CASE("random edits build with the cache exactly as without it") {
  for (unsigned seed : {1u, 2u, 3u}) {
    EditedSite site(seed);
    test::TempDir outs;
    size_t reused = 0;
    for (int i = 0; i < 30; ++i) {
      std::string what = i == 0 ? "first build" : site.step();
      BuildReport with = site.build(outs.path / "cached", true);
      BuildReport without = site.build(outs.path / "plain", false);
      INFO("seed " << seed << ", step " << i << ": " << what);
      REQUIRE(with.ok);
      REQUIRE(without.ok);
      CHECK(with.note == "");
      CHECK(first_difference(outs.path / "cached", outs.path / "plain") == "");
      // The same warnings too, those of the specification kept in the cache among them.
      CHECK(problems(with) == problems(without));
      reused += with.reused;
    }
    CHECK(reused > 0);  // the cache was used, not only kept
  }
}

TEST_CASE("a build with nothing changed takes every advert from the cache") {
  EditedSite site(7);
  test::TempDir outs;
  REQUIRE(site.build(outs.path / "out", true).ok);
  BuildReport again = site.build(outs.path / "out", true);
  REQUIRE(again.ok);
  CHECK(again.reused == again.vacancies);
  CHECK(again.reused > 0);
  // One published advert edited: the others still come from it.
  for (auto& p : site.adverts()) {
    std::string text = test::read_file(p);
    if (text.find("draft: true") != std::string::npos) continue;
    test::write_file(p, text + "Edited.\n");
    break;
  }
  BuildReport edited = site.build(outs.path / "out", true);
  CHECK(edited.reused + 1 == again.reused);
  CHECK(fs::exists(site.dir.path / kCacheFolder));
}

TEST_CASE("a bilingual site builds with the cache exactly as without it") {
  test::TempDir dir, outs;
  fs::copy(fs::path(STAFFROOM_SOURCE_DIR) / "tests/sites/bilingual", dir.path, fs::copy_options::recursive);
  auto build = [&](const char* out, bool cache) { return build_at(dir, outs.path / out, cache); };
  auto translation = dir.path / "content/vacancies/cynorthwyydd-addysgu.en-GB.md";
  for (int i = 0; i < 4; ++i) {
    if (i == 2) test::write_file(translation, test::read_file(translation) + "\nOne more line.\n");
    if (i == 3) fs::remove(translation);
    BuildReport with = build("cached", true);
    REQUIRE(with.ok);
    REQUIRE(build("plain", false).ok);
    INFO("step " << i);
    CHECK(first_difference(outs.path / "cached", outs.path / "plain") == "");
    if (i == 1) CHECK(with.reused == with.vacancies);
  }
}

TEST_CASE("a damaged or foreign build cache is noted and never trusted") {
  EditedSite site(11);
  test::TempDir outs;
  REQUIRE(site.build(outs.path / "plain", false).ok);
  fs::path file = site.dir.path / kCacheFolder / "build-cache-07";
  auto good = [&] {
    REQUIRE(site.build(outs.path / "cached", true).ok);
    return test::read_file(file);
  };
  auto check = [&](const std::optional<std::string>& bytes, const std::string& words) {
    if (bytes) test::write_file(file, *bytes);
    else fs::remove(file);
    BuildReport r = site.build(outs.path / "cached", true);
    REQUIRE(r.ok);
    CHECK(r.note.find(words) != std::string::npos);
    CHECK(r.reused == 0);
    CHECK(first_difference(outs.path / "cached", outs.path / "plain") == "");
    BuildReport after = site.build(outs.path / "cached", true);  // written afresh
    CHECK(after.note == "");
    CHECK(after.reused == after.vacancies);
  };
  std::string bytes = good();
  SUBCASE("truncated") { check(bytes.substr(0, bytes.size() / 2), "was damaged"); }
  SUBCASE("garbage") { check(std::string(bytes.size(), 'x'), "was damaged"); }
  SUBCASE("a byte changed") {
    bytes[bytes.size() / 2] ^= 1;
    check(bytes, "was damaged");
  }
  SUBCASE("empty") { check("", "was damaged"); }
  SUBCASE("one of its files gone") { check(std::nullopt, "was damaged"); }
  SUBCASE("made by another Staffroom") {
    // The program's identity follows the header; change it and seal the file again.
    size_t at = bytes.find('\n') + 1 + 8;
    bytes[at] = bytes[at] == '9' ? '8' : '9';
    std::string_view body(bytes.data(), bytes.size() - 8);
    std::uint64_t sum = cache_checksum(body);
    std::memcpy(bytes.data() + bytes.size() - 8, &sum, 8);
    check(bytes, "another version of Staffroom");
  }
}

TEST_CASE("a cache file's checksum summed a part at a time is the one of all its bytes") {
  std::string bytes;
  std::mt19937 random(18);
  for (int i = 0; i < 1000; ++i) bytes.push_back(static_cast<char>(random()));
  for (size_t end : {0, 1, 31, 32, 33, 64, 100, 1000}) {
    std::string_view all = std::string_view(bytes).substr(0, end);
    std::uint64_t at_once = cache_checksum(all);
    for (size_t step : {1, 7, 32, 45, 999}) {
      CacheChecksum parts;
      for (size_t at = 0; at < all.size(); at += step) parts.add(all.substr(at, step));
      CHECK(parts.value() == at_once);
    }
  }
  // Any byte, and the length, change it.
  CHECK(cache_checksum(std::string(64, '\0')) != cache_checksum(std::string(65, '\0')));
  std::string changed = bytes;
  changed[500] ^= 1;
  CHECK(cache_checksum(changed) != cache_checksum(bytes));
  changed = bytes;
  changed[999] ^= 1;  // in the last, short block
  CHECK(cache_checksum(changed) != cache_checksum(bytes));
}

TEST_CASE("a build without the cache neither reads nor writes it") {
  EditedSite site(5);
  test::TempDir outs;
  REQUIRE(site.build(outs.path / "out", false).ok);
  CHECK_FALSE(fs::exists(site.dir.path / kCacheFolder));
  REQUIRE(site.build(outs.path / "out", true).ok);
  fs::path file = site.dir.path / kCacheFolder / "build-cache-07";
  test::write_file(file, "garbage");
  BuildReport r = site.build(outs.path / "out", false);
  CHECK(r.note == "");
  CHECK(test::read_file(file) == "garbage");
}

TEST_CASE("a failed build leaves the cache as it was") {
  EditedSite site(9);
  test::TempDir outs;
  REQUIRE(site.build(outs.path / "out", true).ok);
  fs::path file = site.dir.path / kCacheFolder / "build-cache-07";
  std::string before = test::read_file(file);
  site.dir.write("content/vacancies/broken.md", "---\ntitle: [\n---\n");
  CHECK_FALSE(site.build(outs.path / "out", true).ok);
  CHECK(test::read_file(file) == before);
}

TEST_CASE("specifications kept in the cache are read only when an advert needs them") {
  // The example site: its specifications cite the National Occupational
  // Standards, whose pages list the adverts citing them.
  test::TempDir dir, outs;
  fs::copy(fs::path(STAFFROOM_SOURCE_DIR) / "content", dir.path / "content", fs::copy_options::recursive);
  fs::copy(fs::path(STAFFROOM_SOURCE_DIR) / "themes", dir.path / "themes", fs::copy_options::recursive);
  auto build = [&](const char* out, bool cache) { return build_at(dir, outs.path / out, cache); };
  REQUIRE(build("cached", true).ok);
  std::string note;
  auto kept = read_build_cache(dir.str(), (outs.path / "cached").string(), note);
  REQUIRE(kept);
  size_t citing = 0;
  for (auto& [path, file] : kept->load.specs) {
    INFO(path);
    REQUIRE(file.value);
    REQUIRE(*file.value);
    const Sections& sections = (*file.value)->sections;
    CHECK(sections.unread());  // not read with the cache
    auto cited = sections.cited_standards();
    citing += !cited.empty();
    CHECK(!sections.empty());  // read now
    CHECK(!sections.unread());
    CHECK(sections.cited_standards() == cited);  // as kept, so as read
  }
  CHECK(citing > 0);
  // An edit to one advert: the rest, and the standards' pages that list
  // them, come out as a build without the cache makes them.
  auto advert = *fs::directory_iterator(dir.path / "content/vacancies");
  test::write_file(advert.path(), test::read_file(advert.path()) + "\nOne more line.\n");
  BuildReport with = build("cached", true);
  REQUIRE(with.ok);
  REQUIRE(build("plain", false).ok);
  CHECK(with.reused > 0);
  CHECK(first_difference(outs.path / "cached", outs.path / "plain") == "");
  CHECK(fs::exists(outs.path / "plain/standards/nos-learning-support/index.html"));
}
