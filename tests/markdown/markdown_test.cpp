// Markdown through cmark-gfm: the GFM extensions on, raw HTML never through.
#include <doctest/doctest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "markdown/markdown.h"
#include "base/text.h"
#include "../test_util.h"

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

TEST_CASE("an abbreviation's first use in running text links to the glossary, never inside a link or heading") {
  Glossary glossary({{"SEN", "Special educational needs"}, {"DBS", "Disclosure and Barring Service"}});
  glossary.page = "/glossary/";
  std::set<std::string> seen;
  auto html = markdown_to_html(
      "## SEN support\n\nRead our [SEN policy](https://example.org/sen) and see www.example.org/DBS.\n\n"
      "![A DBS poster](poster.png)\n\nWe teach SEN pupils. More SEN. A DBS check, another DBS check.\n",
      {0, &glossary, &seen});
  CHECK(test::link_depth(html) == 1);
  // In the heading and the link: the <abbr> alone.
  CHECK(html.find("<h2><abbr title=\"Special educational needs\">SEN</abbr> support</h2>") != std::string::npos);
  CHECK(html.find("<a href=\"https://example.org/sen\"><abbr title=\"Special educational needs\">SEN</abbr> policy</a>") !=
        std::string::npos);
  // In an image's description, nothing (alt text takes no markup).
  CHECK(html.find("alt=\"A DBS poster\"") != std::string::npos);
  // The first use in running text links, once; later uses stay plain.
  CHECK(test::count(html, "href=\"/glossary/#sen\"") == 1);
  CHECK(test::count(html, "href=\"/glossary/#dbs\"") == 1);
  CHECK(html.find("</a> pupils. More SEN. A <a class=\"abbr-link\" href=\"/glossary/#dbs\">") != std::string::npos);
  CHECK(html.find("check, another DBS check.") != std::string::npos);
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

TEST_CASE("Markdown cmark-gfm 0.29 is slow on is refused, where it goes over, before it is parsed") {
  auto over = [](const std::string& text) { return markdown_over_limits(text); };
  auto repeat = [](const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
  };
  // "![[]()" repeated: the 200th opens the 201st bracket, at its inner '['.
  auto brackets = over(repeat("![[]()", 70000));
  REQUIRE(brackets);
  CHECK(brackets->line == 1);
  CHECK(brackets->message.find("more than 200 square brackets [ open at once") != std::string::npos);
  CHECK(scan_markdown(repeat("![ []() ", 50000)).refused);
  // 16,000 columns, and a wide header over many short lines (filled out to its width).
  auto wide = over("Pay:\n\n|" + repeat(" a |", 16000) + "\n|" + repeat("---|", 16000) + "\n");
  REQUIRE(wide);
  CHECK(wide->line == 3);
  CHECK(wide->col == 1);
  CHECK(wide->message == "this table has 16,000 columns; a table can have at most 100 (put a larger one "
                         "in a document, such as a spreadsheet)");
  auto cells = over(std::string("|").append(repeat("a|", 100)).append("\n|").append(repeat("-|", 100)).append("\n").append(repeat("b\n", 200000)));
  REQUIRE(cells);
  CHECK(cells->message.find("more than 20,000 cells in all") != std::string::npos);
  CHECK(over("|a|\n|-|\n|" + repeat(" b |", 5000) + "\n"));  // one row far wider than its header
  // Autolinks: a long word, and one full of "www.".
  auto word = over("Apply at " + repeat("a@", 500000));
  REQUIRE(word);
  CHECK(word->col == 10);
  CHECK(word->message.find("more than 2,000 characters with no space") != std::string::npos);
  CHECK(over(repeat(repeat("www.a_", 20) + " ", 1000)));
  // Brackets left open over a paragraph of short lines count up line by line,
  // and a line that only closes them counts down.
  auto open_lines = over(repeat("a [b\n", 250));
  REQUIRE(open_lines);
  CHECK(open_lines->line == 201);
  CHECK(!over(repeat("a [b\n", 150) + repeat("c]\n", 150) + repeat("a [b\n", 150)));
  // Block quotes and lists inside each other.
  auto deep = over("Text\n" + repeat("> ", 1000) + "a\n");
  REQUIRE(deep);
  CHECK(deep->line == 2);
  CHECK(deep->message == "this line opens 1,000 block quotes (>) or lists inside each other; at most 32 are allowed");
  CHECK(over(repeat("- ", 40) + "a\n"));
  // What is refused is never parsed: it comes out as escaped text.
  CHECK(markdown_to_html(repeat("![[]()", 300)).rfind("<p>![[]()", 0) == 0);
}

TEST_CASE("real Markdown is within the limits") {
  const std::string advert =
      "# Duties\n\n> A quote\n> > nested [link](https://example.org/jobs?a=1&b=2) and www.example.org\n\n"
      "- one\n  - two\n    1. three [a] [b] ![img](x.png)\n\n"
      "| Day | Start | End |\n|:---|---:|---|\n| Mon | 8:40 | 15:30 |\n| Tue |\n\n"
      "Email jobs@example.org or see https://forms.office.com/" + std::string(600, 'x') + "\n";
  CHECK_FALSE(markdown_over_limits(advert));
  CHECK(markdown_to_html(advert).find("<table>") != std::string::npos);
  std::string at_limit = "|";
  for (int i = 0; i < 100; ++i) at_limit += " a |";
  at_limit += "\n|";
  for (int i = 0; i < 100; ++i) at_limit += "---|";
  CHECK_FALSE(markdown_over_limits(at_limit + "\n"));
  std::string quotes;
  for (int i = 0; i < 32; ++i) quotes += "> ";
  CHECK_FALSE(markdown_over_limits(quotes + "a\n"));
  std::string rule;  // a dividing line of "- - - ...", however long, is no list
  for (int i = 0; i < 60; ++i) rule += "- ";
  CHECK_FALSE(markdown_over_limits("Text\n\n" + rule + "\n\nMore\n"));
  CHECK(markdown_to_html(rule).find("<hr />") != std::string::npos);
}

// A list pasted from Word keeps its bullets as characters: each such line is
// a list item, not part of one run-on paragraph.
TEST_CASE("a list pasted from Word with bullet characters is a list") {
  std::string html = markdown_to_html(
      "Main duties:\n\xe2\x80\xa2\tSupport pupils in class\n\xe2\x80\xa2\tPrepare resources\n"
      "\t\xe2\x97\xa6\tHear readers\n\xc2\xb7 Keep records\n\xef\x82\xb7    Tidy up\n\n"
      "A \xe2\x80\xa2 in a sentence, and \xe2\x80\xa2 at the start of a line with no space:\n\xe2\x80\xa2x\n");
  INFO(html);
  CHECK(html.find("<p>Main duties:</p>\n<ul>\n<li>Support pupils in class</li>\n<li>Prepare resources\n<ul>\n"
                  "<li>Hear readers</li>\n</ul>\n</li>\n<li>Keep records</li>\n<li>Tidy up</li>\n</ul>") !=
        std::string::npos);
  CHECK(html.find("A \xe2\x80\xa2 in a sentence") != std::string::npos);
  CHECK(html.find("\xe2\x80\xa2x") != std::string::npos);  // not a bullet and a space: left as written
  // Places in messages are where the school wrote them.
  auto scan = scan_markdown("Duties:\n\xe2\x80\xa2\t<b>Cover</b> [form](https://example.org/f.docx)\n");
  REQUIRE(scan.raw_html.size() == 2);
  CHECK(scan.raw_html[0].line == 2);
  CHECK(scan.raw_html[0].col == 5);
  REQUIRE(scan.links.size() == 1);
  CHECK(scan.links[0].col == 18);
}

TEST_CASE("a line's simple HTML is written as Markdown for the message, other HTML is not") {
  CHECK(html_as_markdown("<b>Please note:</b> a DBS check.") == "**Please note:** a DBS check.");
  CHECK(html_as_markdown("Click <A HREF='https://x.org/f.docx' target=\"_blank\">the form</a>, <em>now</em><br/>") ==
        "Click [the form](https://x.org/f.docx), *now*");
  CHECK(html_as_markdown("<p><strong>Salary</strong> <span style=\"color:red\">£24,000</span></p>") ==
        "**Salary** £24,000");
  CHECK(!html_as_markdown("<table><tr><td>Hours</td></tr></table>"));
  CHECK(!html_as_markdown("<img src=\"x.png\">"));
  CHECK(html_as_markdown("5 < 6 and no tags") == "5 < 6 and no tags");
}

TEST_CASE("a long line of pasted HTML is read without running out of stack") {
  // std::regex recursed once a character: an unclosed link on a 100 KB line crashed the build.
  std::string words;
  for (int i = 0; i < 500000; ++i) words += "y ";
  CHECK(!html_as_markdown("<a href=\"https://x.org\">" + words));
  CHECK(html_as_markdown("<b>" + words + "</b>")->size() == words.size() + 4);  // ** each side
  CHECK(!html_as_markdown("<a name=\"top\">Top</a>"));
  CHECK(!html_as_markdown("<b class=\"x\">Note</b>"));
  CHECK(html_as_markdown("<p class=\"MsoNormal\">Note</p>") == "Note");
}
