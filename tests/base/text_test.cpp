// The glossary warning's rules for what is an abbreviation, and the words
// that tell a person how to fix a curly quote or a file name.
#include <doctest/doctest.h>

#include "base/text.h"

namespace {

std::vector<std::string> words_in(std::string_view text) {
  std::vector<std::string> out;
  for (auto& [word, offset] : find_abbreviations(text)) out.push_back(word);
  return out;
}

}  // namespace

TEST_CASE("abbreviations: capitals in words are found, with their plain form and offset") {
  CHECK(words_in("A DBS check, NVQ3, two EHCPs and the SENCo.") ==
        std::vector<std::string>{"DBS", "NVQ", "EHCP", "SENCo"});
  auto found = find_abbreviations("Ask the SENCo");
  REQUIRE(found.size() == 1);
  CHECK(found[0].second == 8);
  CHECK(words_in("DfE guidance") == std::vector<std::string>{"DfE"});  // one small letter
}

TEST_CASE("abbreviations: none inside web and email addresses") {
  CHECK(words_in("See https://www.w3.org/TR/WCAG22/ for more").empty());
  CHECK(words_in("read [the guide](https://www.w3.org/TR/WCAG22/)").empty());
  CHECK(words_in("read [the form](files/SEN-Form.pdf)").empty());
  CHECK(words_in("an autolink <https://example.org/QA/>").empty());
  CHECK(words_in("www.example.org/HR/jobs and mailto:HR@example.org").empty());
  CHECK(words_in("email HR@example.org today").empty());
  // The words around an address, and a link's own words, are still read.
  CHECK(words_in("the [DBS](https://gov.uk/DBS) check, see https://x.org/TR and SEND") ==
        std::vector<std::string>{"DBS", "SEND"});
}

TEST_CASE("abbreviations: a heading written in capitals is not read as abbreviations") {
  CHECK(words_in("JOB DESCRIPTION \xe2\x80\x93 SENCo") == std::vector<std::string>{"SENCo"});
  CHECK(words_in("JOB DESCRIPTION - Special Needs Co-ordinator (SENCo)") == std::vector<std::string>{"SENCo"});
  CHECK(words_in("PERSON SPECIFICATION").empty());
  CHECK(words_in("THE REMAINING SECTIONS ARE FOR MANAGERS").empty());
  // Short words in capitals side by side are still abbreviations.
  CHECK(words_in("an enhanced DBS check, SEN EHCP work, NPQSENCO") == std::vector<std::string>{"DBS", "SEN", "EHCP", "NPQSENCO"});
}

TEST_CASE("abbreviations: CamelCase names are not abbreviations") {
  CHECK(words_in("VoiceOver, AbilityNet, YouTube and LinkedIn").empty());
  CHECK(words_in("SENCo and SENCos") == std::vector<std::string>{"SENCo", "SENCos"});
}

TEST_CASE("glossary: a plural of a listed abbreviation is known, and marked as it") {
  Glossary glossary({{"SENCo", "Special educational needs co-ordinator"}, {"TA", "Teaching assistant"}});
  CHECK(glossary.knows("SENCo"));
  CHECK(glossary.knows("SENCos"));
  CHECK(glossary.knows("TAs"));
  CHECK(!glossary.knows("SEND"));
  CHECK(!glossary.knows("s"));
  std::set<std::string> seen;
  CHECK(mark_abbreviations("Our SENCos", glossary, seen) ==
        "Our <abbr title=\"Special educational needs co-ordinator\">SENCo</abbr>s");
}

TEST_CASE("glossary: a one-letter term, and forms of a two-letter one, are still found") {
  // Words are passed over by their first two letters: each form looked up
  // (the word, without its digits, without a plural s) keeps them.
  Glossary glossary({{"X", "Ex"}, {"Ab", "A b"}});
  auto marked = [&](const std::string& html) {
    std::set<std::string> seen;
    return mark_abbreviations(html, glossary, seen);
  };
  CHECK(marked("X marks") == "<abbr title=\"Ex\">X</abbr> marks");
  CHECK(marked("Ab1") == "<abbr title=\"A b\">Ab</abbr>1");
  CHECK(marked("Abs") == "<abbr title=\"A b\">Ab</abbr>s");
  CHECK(marked("Xa, Abc, a X1") == "Xa, Abc, a X1");
}

TEST_CASE("glossary: the first use links to its entry, later uses stay plain") {
  Glossary glossary({{"SEN", "Special educational needs"}, {"TA", "Teaching \"assistant\""}});
  glossary.page = "/jobs/glossary/";
  std::set<std::string> seen;
  CHECK(mark_abbreviations("SEN pupils, SEN support", glossary, seen) ==
        "<a class=\"abbr-link\" href=\"/jobs/glossary/#sen\"><abbr title=\"Special educational needs\">SEN</abbr>"
        "<span class=\"abbr-words visually-hidden\"> (Special educational needs)</span></a> pupils, SEN support");
  CHECK(mark_abbreviations("More SEN", glossary, seen) == "More SEN");  // seen earlier on the page
  // Where a link may not go: the <abbr> alone, and the first use is still to come.
  CHECK(mark_abbreviations("A TA", glossary, seen, false) ==
        "A <abbr title=\"Teaching &quot;assistant&quot;\">TA</abbr>");
  CHECK(seen.count("TA") == 0);
  CHECK(mark_abbreviations("TA", glossary, seen).find("href=\"/jobs/glossary/#ta\"") != std::string::npos);
  // Spelled out just before: the <abbr> alone, and that was the first use.
  Glossary spelled({{"QTS", "Qualified Teacher Status"},
                    {"BTEC", "Business and Technology Education Council (vocational qualifications)"}});
  spelled.page = "/glossary/";
  std::set<std::string> spelled_seen;
  CHECK(mark_abbreviations("Qualified teacher status (QTS), then QTS", spelled, spelled_seen) ==
        "Qualified teacher status (<abbr title=\"Qualified Teacher Status\">QTS</abbr>), then QTS");
  CHECK(mark_abbreviations("a Business and Technology Education Council (BTEC)", spelled, spelled_seen)
            .find("(<abbr title=\"Business and Technology Education Council (vocational qualifications)\">BTEC</abbr>)") !=
        std::string::npos);
  std::set<std::string> other_seen;  // brackets alone are not the words
  CHECK(mark_abbreviations("a course (QTS)", spelled, other_seen).find("href=\"/glossary/#qts\"") != std::string::npos);
  // No glossary page: the <abbr> alone.
  std::set<std::string> fresh;
  glossary.page.clear();
  CHECK(mark_abbreviations("SEN", glossary, fresh) == "<abbr title=\"Special educational needs\">SEN</abbr>");
}

TEST_CASE("curly quotes from a word processor are named, with the straight one to type") {
  CHECK(curly_quote_advice("plain \"text\" and it's").empty());
  CHECK(curly_quote_advice("\u201c11:45\u201d").find("type a straight \" instead") != std::string::npos);
  CHECK(curly_quote_advice("term_time_only\u201d").find("\u201d is a curly quote") == 0);
  CHECK(curly_quote_advice("\u2018yes\u2019").find("type a straight ' instead") != std::string::npos);
  CHECK(with_quote_advice("bad", "ok") == "bad");
  CHECK(with_quote_advice("bad", "\u201cok\u201d").rfind("bad. \u201c is a curly quote", 0) == 0);
}

TEST_CASE("a file name is offered as a web address wants it") {
  CHECK(web_file_name("Teaching Assistant.md", "x.md") == "teaching-assistant.md");
  CHECK(web_file_name("Application Form.DOCX", "x") == "application-form.docx");
  CHECK(web_file_name("Job  Pack (2026).pdf", "x") == "job-pack-2026.pdf");
  CHECK(web_file_name("a.b.md", "x") == "a-b.md");
  CHECK(web_file_name("Midday Supervisor", "x") == "midday-supervisor");
  CHECK(web_file_name("---.md", "fallback.md") == "fallback.md");
}

TEST_CASE("an address keeps a name's letters: apostrophes go, accents become plain letters") {
  CHECK(anchor_of("St Mary's C of E Primary") == "st-marys-c-of-e-primary");
  CHECK(anchor_of("St Mary\u2019s") == "st-marys");
  CHECK(anchor_of("Ysgol G\u0175yr") == "ysgol-gwyr");
  CHECK(anchor_of("Ysgol Ll\u0177n, Pen-y-bont") == "ysgol-llyn-pen-y-bont");
  CHECK(anchor_of("Si\u00e2n \u00c9lodie Stra\u00dfe") == "sian-elodie-strasse");
  CHECK(anchor_of("3 \u00d7 4 \u2013 five") == "3-4-five");  // a sign or a dash is a gap
  CHECK(web_file_name("Cynorthwyydd Addysgu Ysgol Gymraeg Bro Ddyfi \u2013 Gw\u00eann.docx", "x") ==
        "cynorthwyydd-addysgu-ysgol-gymraeg-bro-ddyfi-gwenn.docx");
}

TEST_CASE("escaping HTML replaces each special character wherever it falls in a long text") {
  CHECK(escape_html("") == "");
  CHECK(escape_html("plain text, longer than sixteen bytes") == "plain text, longer than sixteen bytes");
  std::string text = "&bc<efghijklmno>qrstuvwxyzABCDEF\"HIJKLMNOPQRSTUV'";
  CHECK(escape_html(text) ==
        "&amp;bc&lt;efghijklmno&gt;qrstuvwxyzABCDEF&quot;HIJKLMNOPQRSTUV&#39;");
  CHECK(escape_html(text, "&apos;").substr(59) == "STUV&apos;");
  CHECK(escape_html(std::string(40, '<')) == [] {
    std::string lts;
    for (int i = 0; i < 40; ++i) lts += "&lt;";
    return lts;
  }());
}

TEST_CASE("replace_all: every match, left to right, none found again in what was put in") {
  CHECK(replace_all("jobs at oak at home", " at ", "@") == "jobs@oak@home");
  CHECK(replace_all("&amp;lt;", "&amp;", "&") == "&lt;");
  CHECK(replace_all("aaa", "a", "aa") == "aaaaaa");
  CHECK(replace_all("none", "x", "y") == "none");
}
