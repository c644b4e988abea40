// Tests of the build's shared facts (render/site_context.h): which adverts
// are built, listed and closed, in what order, and refresh(), which the
// preview uses after a save instead of making the context again.
#include "render/site_context.h"

#include <doctest/doctest.h>

#include <random>

#include "../test_util.h"

namespace {

constexpr Time kDay = 24 * 3600;
constexpr Time kNow = 1'800'000'000;

std::shared_ptr<const PersonSpec> citing_spec(const std::string& standard) {
  auto spec = std::make_shared<PersonSpec>();
  spec->sections.push_back({});
  spec->sections[0].criteria.push_back({});
  spec->sections[0].criteria[0].standards.push_back(standard + "/A/1");
  return spec;
}

// An advert closing `days` from kNow (negative: closed), and so on.
Vacancy advert(const std::string& slug, double days, const std::string& title = "Cook") {
  Vacancy v;
  v.slug = slug;
  v.title = title;
  v.closes = kNow + static_cast<Time>(days * kDay);
  return v;
}

std::vector<std::string> slugs(const std::vector<const Vacancy*>& vs) {
  std::vector<std::string> out;
  for (auto* v : vs) out.push_back(v->slug);
  return out;
}

// What a context made afresh has, to compare a refreshed one with.
void same(const SiteContext& a, const SiteContext& b) {
  CHECK(slugs(a.built) == slugs(b.built));
  CHECK(slugs(a.listed) == slugs(b.listed));
  CHECK(slugs(a.closed) == slugs(b.closed));
  CHECK(a.citing.size() == b.citing.size());
  for (auto& [id, list] : b.citing) {
    CAPTURE(id);
    auto it = a.citing.find(id);
    REQUIRE(it != a.citing.end());
    CHECK(slugs(it->second) == slugs(list));
  }
}

}  // namespace

TEST_CASE("site context: soonest closing first, ties by title then slug, closed latest first") {
  Site site;
  site.vacancies = {advert("a", 3, "Tutor"), advert("b", 3, "Cook"), advert("c", 1), advert("d", -1),
                    advert("e", -2), advert("f", -1)};
  SiteContext ctx(site, nullptr, {kNow, false, ""});
  CHECK(slugs(ctx.listed) == std::vector<std::string>{"c", "b", "a"});
  CHECK(slugs(ctx.closed) == std::vector<std::string>{"d", "f", "e"});
}

TEST_CASE("site context: refreshed after random changes and clock moves, as made afresh") {
  std::mt19937 rng(20261201);
  for (bool drafts : {false, true}) {
    CAPTURE(drafts);
    Site site;
    for (int i = 0; i < 40; ++i) {
      site.vacancies.push_back(advert("v" + std::to_string(100 + i), int(rng() % 30) - 10,
                                      "T" + std::to_string(rng() % 4)));
      if (i % 3 == 0) site.vacancies.back().spec = citing_spec("s" + std::to_string(rng() % 3));
    }
    Time now = kNow;
    SiteContext ctx(site, nullptr, {now, drafts, ""});
    for (auto* v : ctx.built) ctx.listings[v].status = status_of(*v, now);
    for (int step = 0; step < 200; ++step) {
      CAPTURE(step);
      std::vector<const Vacancy*> changed;
      for (int k = 0; k < 1 + int(rng() % 3); ++k) {
        Vacancy& v = site.vacancies[rng() % site.vacancies.size()];
        switch (rng() % 5) {
          case 0: v.closes = now + (int(rng() % 30) - 10) * kDay; break;
          case 1: v.title = "T" + std::to_string(rng() % 4); break;
          case 2: v.draft = !v.draft; break;
          case 3: v.publish = now + (int(rng() % 6) - 2) * kDay; break;
          default: v.spec = rng() % 2 ? citing_spec("s" + std::to_string(rng() % 3)) : nullptr;
        }
        changed.push_back(&v);
      }
      if (rng() % 4 == 0) now += (rng() % 3) * kDay;  // sometimes past closing moments
      auto remade = ctx.refresh(changed, now);
      // What refresh says to make again is what has no listing.
      for (auto* v : remade) ctx.listings[v].status = status_of(*v, now);
      for (auto* v : ctx.built) CHECK(ctx.listings.count(v));
      CHECK(ctx.listings.size() == ctx.built.size());
      for (auto& [v, l] : ctx.listings) CHECK(l.status == status_of(*v, now));
      same(ctx, SiteContext(site, nullptr, {now, drafts, ""}));
    }
  }
}
