// Small text helpers shared by rendering and the outputs: HTML escaping,
// glossary abbreviations, anchors, and numbers as people write them.
#pragma once

#include <array>
#include <bitset>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

std::string escape_html(std::string_view text, std::string_view apostrophe = "&#39;");  // & < > " '
// XML text: escaped, without the control characters XML 1.0 forbids.
std::string escape_xml(std::string_view text);

// A-Z made a-z, nothing else touched: for schemes, extensions, language
// tags and keywords, which are ASCII.
std::string lower_ascii(std::string text);

// An HTML tag that starts at `at` ("<b>", "</ a>", "<span style=...>"):
// its name in lower case ("!" for "<!--"), whether it closes, the text of
// its attributes, and the index just after its '>', or npos when no '>'
// comes before the next '<'. Nothing when no tag starts there ("5 < 6").
// A hand-written scan: std::regex recurses once a character and a long
// line of pasted HTML overflowed the stack.
struct HtmlTag {
  std::string name;
  bool closing = false;
  std::string_view attributes;
  size_t end = std::string_view::npos;
};
std::optional<HtmlTag> html_tag_at(std::string_view text, size_t at);

// The site's glossary, ready for lookups.
struct Glossary {
  std::unordered_map<std::string, std::string> terms;  // abbr -> words
  // Whether some term starts with these two bytes (a one-byte term: with
  // that byte and 0), by prefix_of(). Every form of a word looked up keeps
  // its first two bytes (NVQ3 -> NVQ, SENCos -> SENCo), so a word whose
  // pair no term starts with cannot be one, and most words of a page are
  // passed over without a lookup. Made by the constructor from `terms`.
  std::bitset<65536> starts;
  static size_t prefix_of(std::string_view word) {  // a word is never empty
    return static_cast<unsigned char>(word[0]) << 8 |
           (word.size() > 1 ? static_cast<unsigned char>(word[1]) : 0);
  }
  // The glossary page's address ("/glossary/"), where each abbreviation has
  // an entry at #anchor_of(abbr); "" when abbreviations link nowhere.
  std::string page;
  explicit Glossary(const std::vector<std::pair<std::string, std::string>>& list = {});
  bool empty() const { return terms.empty(); }
  // The word or, for a plural such as "SENCos", its singular is listed.
  bool knows(const std::string& word) const;
};

// Marks the first use on a page of each abbreviation in already-escaped
// HTML text: NVQ -> <abbr title="National Vocational Qualification">NVQ</abbr>,
// and when the glossary has a page, a link to its entry around it that says
// the words to a screen reader, and shows them on keyboard focus (a title
// alone reaches neither touch screens nor keyboards):
//   <a class="abbr-link" href="/glossary/#nvq"><abbr title="...">NVQ</abbr><span
//   class="abbr-words visually-hidden"> (National Vocational Qualification)</span></a>
// Where the text has spelled it out just before ("Qualified Teacher Status
// (QTS)"), the <abbr> alone. `seen` carries what the page has marked so far.
// Text where a link may not go (inside a link, or a heading) gives `may_link`
// false: its abbreviations get the <abbr> alone, and the first use is still
// to come.
std::string mark_abbreviations(const std::string& escaped_html,
                               const Glossary& glossary,
                               std::set<std::string>& seen, bool may_link = true);

// Candidate abbreviations in plain text (words with two or more capitals,
// such as SEND, SENCo, NVQ3) with their byte offsets: for the glossary warning.
// Not words inside web and email addresses (bare, <autolinks> or a Markdown
// link's destination), nor names written in CamelCase (VoiceOver), nor
// words of a heading written in capitals ("JOB DESCRIPTION").
std::vector<std::pair<std::string, size_t>> find_abbreviations(std::string_view text);

// When `text` has a curly quote (“ ” ‘ ’), words telling the reader that a
// word processor put it there and to type a straight one; else "".
std::string curly_quote_advice(std::string_view text);
// `message`, then ". " and the advice when `value` has a curly quote.
std::string with_quote_advice(std::string message, std::string_view value);

// A file name as a web address wants it: "Teaching Assistant.md" ->
// "teaching-assistant.md"; `fallback` when nothing usable is left.
std::string web_file_name(std::string_view name, const std::string& fallback);

// "Qualifications and Experience" -> "qualifications-and-experience".
std::string anchor_of(std::string_view text);

// 24404 -> "£24,404"; 12.5 -> "£12.50".
std::string format_money(double amount, const std::string& currency);
// 16000 -> "16,000".
std::string group_thousands(long long n);
// 32.5 -> "32.5"; 30 -> "30".
std::string format_number(double n);
// "1 advert", "3 adverts"; `plural` for a noun that does not take an s.
std::string counted(size_t n, const std::string& noun, const std::string& plural = "");
// "a, b and c" ("a, b or c" with `conjunction` "or").
std::string join_words(const std::vector<std::string>& items, const std::string& conjunction = "and");
// "a, b, c", as a YAML list's items or a list of the words to choose from.
std::string comma_joined(const std::vector<std::string>& items);
// `text` with every `from` (not empty) made `to`.
std::string replace_all(std::string_view text, std::string_view from, std::string_view to);
// The same, as one sentence: later items lose their capital unless they are
// abbreviations ("Application form, interview and DBS check").
std::string join_sentence(std::vector<std::string> items);
// A byte count as people read it: "48 KB", "1.2 MB".
std::string format_size(std::uintmax_t bytes);

// `html` with `extra` put just before its </body> (or at its end).
std::string insert_before_body_end(std::string html, const std::string& extra);

// A bidirectional control character (U+202A-202E, U+2066-2069, U+200E,
// U+200F, U+061C) starting at byte `i`: its code point and UTF-8 length, or
// {0, 0}. Invisible, they make text show in another order than it reads.
struct BidiControl {
  char32_t code = 0;
  int bytes = 0;
};
// Inline: callers ask at every byte of a text, and all but two first bytes
// are answered at once.
inline BidiControl bidi_control_at(std::string_view text, size_t i) {
  auto byte = [&](size_t k) { return k < text.size() ? static_cast<unsigned char>(text[k]) : 0u; };
  unsigned a = byte(i);
  if (a != 0xD8 && a != 0xE2) return {};
  unsigned b = byte(i + 1), c = byte(i + 2);
  if (a == 0xD8 && b == 0x9C) return {0x061C, 2};
  if (a != 0xE2 || (b != 0x80 && b != 0x81) || (c & 0xC0) != 0x80) return {};
  char32_t code = 0x2000 + ((b & 0x3F) << 6) + (c & 0x3F);
  bool bidi = (code >= 0x202A && code <= 0x202E) || (code >= 0x2066 && code <= 0x2069) ||
              code == 0x200E || code == 0x200F;
  return bidi ? BidiControl{code, 3} : BidiControl{};
}
// "a right-to-left override (U+202E)".
std::string bidi_control_words(char32_t code);

// Byte offset -> 1-based line and column within `text`, starting at `first_line`.
std::pair<int, int> line_col(std::string_view text, size_t offset, int first_line);

// The lines of `text`, without their line ends ("\n" or "\r\n").
std::vector<std::string_view> lines_of(std::string_view text);

// The 1-based line and column of the first invalid UTF-8 byte (an overlong
// form or a UTF-16 surrogate is invalid too), or nothing when the text is valid.
std::optional<std::pair<int, int>> find_invalid_utf8(std::string_view text);
