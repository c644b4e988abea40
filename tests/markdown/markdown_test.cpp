// Markdown through cmark-gfm: the GFM extensions on, raw HTML never through.
#include <doctest/doctest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "markdown/markdown.h"
#include "base/text.h"

TEST_CASE("GitHub-flavoured extensions work") {
  CHECK(markdown_to_html("| a | b |\n|---|---|\n| 1 | 2 |\n").find("<table>") != std::string::npos);
  CHECK(markdown_to_html("~~old~~ new").find("<del>old</del>") != std::string::npos);
  CHECK(markdown_to_html("See https://example.org now").find("<a href=\"https://example.org\">") != std::string::npos);
}

TEST_CASE("raw HTML and dangerous links are left out") {
  auto html = markdown_to_html("<div onclick=\"x()\">hi</div>\n\nText <img src=x onerror=alert(1)> and <script>bad()</script>\n");
  CHECK(html.find("onclick") == std::string::npos);
  CHECK(html.find("onerror") == std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(markdown_to_html("[x](javascript:alert(1))").find("javascript:") == std::string::npos);
  CHECK(markdown_to_html("[x](/jobs/)").find("href=\"/jobs/\"") != std::string::npos);
}

TEST_CASE("headings fit under the page's own, whatever level the school started at") {
  CHECK(markdown_to_html("# Duties", {3}).find("<h3>Duties</h3>") != std::string::npos);
  CHECK(markdown_to_html("## Duties\n\n### Teaching", {3}).find("<h3>Duties</h3>") != std::string::npos);
  CHECK(markdown_to_html("## Duties\n\n### Teaching", {3}).find("<h4>Teaching</h4>") != std::string::npos);
  CHECK(markdown_to_html("# A\n\n##### Deep", {3}).find("<h6>Deep</h6>") != std::string::npos);
  CHECK(markdown_to_html("## As written").find("<h2>As written</h2>") != std::string::npos);
}

TEST_CASE("abbreviations are marked at their first use only, and text stays escaped") {
  Glossary glossary({{"DBS", "Disclosure and Barring Service"}, {"NVQ", "National Vocational Qualification"}});
  std::set<std::string> seen;
  auto html = markdown_to_html("A DBS check & NVQ3 <b>. Another DBS.", {0, &glossary, &seen});
  CHECK(html.find("<abbr title=\"Disclosure and Barring Service\">DBS</abbr> check &amp; "
                  "<abbr title=\"National Vocational Qualification\">NVQ</abbr>3") != std::string::npos);
  CHECK(html.find("Another DBS.") != std::string::npos);  // once a page
  CHECK(html.find("<b>") == std::string::npos);
  // Entities are never mistaken for words.
  Glossary amp({{"amp", "x"}, {"AMP", "y"}});
  std::set<std::string> none;
  CHECK(mark_abbreviations("a &amp; b", amp, none) == "a &amp; b");
}

TEST_CASE("Markdown converted on several threads at once gives the same HTML every time") {
  // cmark-gfm keeps the characters its extensions react to (':' and 'w' for
  // autolinks, '~', '|') in one global table that each parse sets and
  // clears; parses on other threads must not see it cleared under them.
  const std::string text =
      "See https://example.org/jobs and www.example.org, ~~old~~ text.\n\n"
      "| Day | Time |\n|---|---|\n| Mon | 9:00 |\n";
  const std::string expected = markdown_to_html(text);
  REQUIRE(expected.find("<a href=\"https://example.org/jobs\">") != std::string::npos);
  REQUIRE(expected.find("<del>old</del>") != std::string::npos);
  REQUIRE(expected.find("<table>") != std::string::npos);
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 2000; ++i)
        if (markdown_to_html(text) != expected) ++wrong;
    });
  for (auto& t : threads) t.join();
  CHECK(wrong.load() == 0);
}
