// Text helpers; see text.h.
#include "base/text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <cstdint>
#include <cmath>
#include <cstdio>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

std::string insert_before_body_end(std::string html, const std::string& extra) {
  auto at = html.rfind("</body>");
  html.insert(at == std::string::npos ? html.size() : at, extra);
  return html;
}

std::string lower_ascii(std::string text) {
  for (auto& c : text)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return text;
}

// The first of & < > " ' at or after byte i, else text.size(). Sixteen
// bytes at a time where the processor allows: every text a page shows
// passes through here.
static size_t next_to_escape(std::string_view text, size_t i) {
#if defined(__SSE2__)
  const __m128i amp = _mm_set1_epi8('&'), lt = _mm_set1_epi8('<'), gt = _mm_set1_epi8('>'),
                quot = _mm_set1_epi8('"'), apos = _mm_set1_epi8('\'');
  for (; i + 16 <= text.size(); i += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, amp), _mm_cmpeq_epi8(v, lt)),
                               _mm_or_si128(_mm_cmpeq_epi8(v, gt), _mm_or_si128(_mm_cmpeq_epi8(v, quot),
                                                                                _mm_cmpeq_epi8(v, apos))));
    if (int mask = _mm_movemask_epi8(hit)) return i + static_cast<size_t>(__builtin_ctz(mask));
  }
#endif
  for (; i < text.size(); ++i)
    if (text[i] == '&' || text[i] == '<' || text[i] == '>' || text[i] == '"' || text[i] == '\'')
      return i;
  return text.size();
}

// Copies the runs between the characters it replaces whole.
std::string escape_html(std::string_view text, std::string_view apostrophe) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  size_t last = 0;
  for (size_t i = next_to_escape(text, 0); i < text.size(); i = next_to_escape(text, last)) {
    std::string_view with = text[i] == '&'   ? "&amp;"
                            : text[i] == '<' ? "&lt;"
                            : text[i] == '>' ? "&gt;"
                            : text[i] == '"' ? "&quot;"
                                             : apostrophe;
    out.append(text.data() + last, i - last);
    out += with;
    last = i + 1;
  }
  out.append(text.data() + last, text.size() - last);
  return out;
}

std::string escape_xml(std::string_view text) {
  std::string clean;
  for (char c : text)
    if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r') clean += c;
  return escape_html(clean);
}

Glossary::Glossary(const std::vector<std::pair<std::string, std::string>>& list) {
  for (auto& [abbr, words] : list) {
    terms.emplace(abbr, words);
    if (!abbr.empty()) starts[prefix_of(abbr)] = true;
  }
}

bool Glossary::knows(const std::string& word) const {
  if (terms.count(word)) return true;
  return word.size() > 2 && word.back() == 's' && terms.count(word.substr(0, word.size() - 1));
}

// A table: the abbreviation scans ask this of every byte of every advert.
static constexpr auto kWordChars = [] {
  std::array<bool, 256> is{};
  for (int c = 0; c < 256; ++c) is[c] = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  return is;
}();
static bool is_word_char(char c) { return kWordChars[static_cast<unsigned char>(c)]; }

static bool looks_like_abbreviation(std::string_view w) {
  if (w.size() < 2 || w.size() > 10 || !(w[0] >= 'A' && w[0] <= 'Z')) return false;
  // A name in CamelCase (VoiceOver, AbilityNet) starts as a word does; an
  // abbreviation has at most one small letter before its next capital (DfE).
  auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
  if (w.size() >= 3 && lower(w[1]) && lower(w[2])) return false;
  int capitals = 0;
  for (char c : w) capitals += (c >= 'A' && c <= 'Z');
  return capitals >= 2;
}

// Whether the byte at `at` of `s` is in a web or email address: a run of
// text between spaces or brackets that has "://", starts "www." or
// "mailto:", or is name@place; or a Markdown link's destination, after "](".
// Only the run around `at` is looked at: asked of the few words that look
// like abbreviations, not of every byte of every advert.
static bool in_address(std::string_view s, size_t at) {
  static const auto delimiters = [] {
    std::array<bool, 256> is{};
    for (unsigned char c : std::string_view(" \t\n\r<>()[]\"`")) is[c] = true;
    return is;
  }();
  auto delimiter = [](char c) { return delimiters[static_cast<unsigned char>(c)]; };
  size_t start = at, end = at;
  while (start > 0 && !delimiter(s[start - 1])) --start;
  while (end < s.size() && !delimiter(s[end])) ++end;
  std::string_view token = s.substr(start, end - start);
  auto starts = [&](std::string_view prefix) {  // in capitals or small letters
    if (token.size() < prefix.size()) return false;
    for (size_t k = 0; k < prefix.size(); ++k) {
      char c = token[k];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != prefix[k]) return false;
    }
    return true;
  };
  auto at_sign = token.find('@');
  return (start >= 2 && s[start - 1] == '(' && s[start - 2] == ']') ||
         token.find("://") != std::string_view::npos || starts("www.") || starts("mailto:") ||
         (at_sign != std::string_view::npos && token.find('.', at_sign) != std::string_view::npos);
}

// "NVQ3" -> "NVQ", "EHCPs" -> "EHCP": the form a glossary lists.
static std::string_view base_abbreviation(std::string_view word) {
  while (word.size() > 2 && word.back() >= '0' && word.back() <= '9') word.remove_suffix(1);
  if (word.size() > 2 && word.back() == 's' && word[word.size() - 2] >= 'A' &&
      word[word.size() - 2] <= 'Z')
    word.remove_suffix(1);
  return word;
}

// Calls f(start, length) for each run of letters and digits that is not part
// of an HTML entity such as &amp;.
template <class F>
static void for_each_word(std::string_view s, F f) {
  size_t i = 0;
  while (i < s.size()) {
    if (!is_word_char(s[i])) {
      ++i;
      continue;
    }
    size_t start = i;
    while (i < s.size() && is_word_char(s[i])) ++i;
    bool entity = (start > 0 && s[start - 1] == '&') ||
                  (start > 1 && s[start - 1] == '#' && s[start - 2] == '&');
    if (!entity) f(start, i - start);
  }
}

// An abbreviation's first use: its <abbr> in a link to its glossary entry,
// with the words it stands for for screen readers (and keyboard focus).
static std::string linked(const std::string& abbr_html, const std::string& word,
                          const std::string& meaning, const Glossary& glossary) {
  std::string out = "<a class=\"abbr-link\" href=\"";
  out += escape_html(glossary.page) + "#" + anchor_of(word) + "\">" + abbr_html;
  out += "<span class=\"abbr-words visually-hidden\"> (" + meaning + ")</span></a>";
  return out;
}

// Whether the text before byte `at` spells the abbreviation out already, as
// in "Qualified Teacher Status (QTS": its words (without a bracketed aside),
// then " (". Both are escaped HTML.
static bool spelled_out_before(const std::string& html, size_t at, std::string meaning) {
  if (at < 2 || html[at - 1] != '(') return false;
  meaning = lower_ascii(meaning.substr(0, meaning.find(" (")));
  size_t end = at - 1;
  while (end > 0 && html[end - 1] == ' ') --end;
  return end >= meaning.size() && lower_ascii(html.substr(end - meaning.size(), meaning.size())) == meaning;
}

std::string mark_abbreviations(const std::string& html, const Glossary& glossary,
                               std::set<std::string>& seen, bool may_link) {
  if (glossary.empty()) return html;
  std::string out;
  size_t copied = 0;
  for_each_word(html, [&](size_t start, size_t len) {
    // Every form looked up below keeps the word's first two letters.
    if (!glossary.starts[Glossary::prefix_of(std::string_view(html).substr(start, len))]) return;
    std::string word = html.substr(start, len);
    auto it = glossary.terms.find(word);
    if (it == glossary.terms.end()) {  // "NVQ3" is NVQ level 3; "EHCPs" a plural
      word = std::string(base_abbreviation(word));
      len = word.size();
      it = glossary.terms.find(word);
    }
    if (it == glossary.terms.end() && word.size() > 2 && word.back() == 's') {
      word.pop_back();  // "SENCos": a plural of the SENCo listed
      len = word.size();
      it = glossary.terms.find(word);
    }
    if (it == glossary.terms.end() || seen.count(word)) return;
    out.append(html, copied, start - copied);
    std::string meaning = escape_html(it->second);
    std::string abbr = "<abbr title=\"" + meaning + "\">" + word + "</abbr>";
    if (may_link) seen.insert(word);
    bool link = may_link && !glossary.page.empty() && !spelled_out_before(html, start, meaning);
    out += link ? linked(abbr, word, meaning, glossary) : abbr;
    copied = start + len;
  });
  if (copied == 0) return html;
  out.append(html, copied);
  return out;
}

// A word in capitals in a run of words in capitals, one of them six letters
// or more ("JOB DESCRIPTION", "PERSON SPECIFICATION"): a heading shouted,
// not an abbreviation. Its neighbours are the words either side, past
// spaces and dashes only.
static bool shouted(std::string_view s, size_t start, size_t len) {
  auto capitals = [](std::string_view w) {
    return w.size() >= 2 && std::all_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  };
  if (!capitals(s.substr(start, len))) return false;
  auto gap = [](char c) { return c == ' ' || c == '-' || c == '\t'; };
  auto neighbour = [&](bool before) {
    size_t i = before ? start : start + len;
    if (before) {
      while (i > 0 && gap(s[i - 1])) --i;
      size_t end = i;
      while (i > 0 && is_word_char(s[i - 1])) --i;
      return s.substr(i, end - i);
    }
    while (i < s.size() && gap(s[i])) ++i;
    size_t from = i;
    while (i < s.size() && is_word_char(s[i])) ++i;
    return s.substr(from, i - from);
  };
  for (bool before : {true, false}) {
    std::string_view other = neighbour(before);
    if (capitals(other) && std::max(other.size(), len) >= 6) return true;
  }
  return false;
}

std::vector<std::pair<std::string, size_t>> find_abbreviations(std::string_view text) {
  std::vector<std::pair<std::string, size_t>> out;
  for_each_word(text, [&](size_t start, size_t len) {
    std::string_view word = base_abbreviation(text.substr(start, len));
    if (looks_like_abbreviation(word) && !in_address(text, start) && !shouted(text, start, len))
      out.emplace_back(word, start);
  });
  return out;
}

std::string curly_quote_advice(std::string_view text) {
  static const std::pair<const char*, const char*> quotes[] = {
      {"\u201C", "\""}, {"\u201D", "\""}, {"\u2018", "'"}, {"\u2019", "'"}};
  for (auto& [curly, straight] : quotes)
    if (text.find(curly) != std::string_view::npos)
      return std::string(curly) + " is a curly quote, put in by a word processor such as Word: "
             "type a straight " + straight + " instead, or no quotes at all";
  return {};
}

std::string with_quote_advice(std::string message, std::string_view value) {
  auto advice = curly_quote_advice(value);
  return advice.empty() ? message : message + ". " + advice;
}

std::string web_file_name(std::string_view name, const std::string& fallback) {
  auto dot = name.rfind('.');  // "a.b.md": the extension is ".md"
  if (dot == 0) dot = std::string_view::npos;
  std::string_view stem = name.substr(0, dot);
  std::string ext = dot == std::string_view::npos ? "" : lower_ascii(std::string(name.substr(dot)));
  bool usable = false;
  for (char c : stem) usable = usable || is_word_char(c);
  if (!usable) return fallback;
  for (size_t i = 1; i < ext.size(); ++i)
    if (!is_word_char(ext[i])) ext.clear();
  return anchor_of(stem) + ext;
}

// The plain letters of a letter with an accent, as a web address spells it:
// "Gŵyr" is "gwyr", "Llŷn" "llyn", "Siân" "sian"; nullptr for any other
// character. `at` is the character's first byte in `text`; `len` is set to
// its length in bytes when it is one of them.
static const char* plain_letters(std::string_view text, size_t at, size_t& len) {
  // U+00C0-U+00FF: Latin-1's letters, capital then small (÷ and × are not).
  static const char* const latin1[64] = {
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
      "d", "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", "th", "ss",
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
      "d", "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", "th", "y"};
  if (at + 1 >= text.size()) return nullptr;
  auto lead = static_cast<unsigned char>(text[at]), next = static_cast<unsigned char>(text[at + 1]);
  if ((next & 0xC0) != 0x80) return nullptr;
  len = 2;
  if (lead == 0xC3) return latin1[next - 0x80];
  if (lead == 0xC5 && next >= 0xB4 && next <= 0xB8) return next <= 0xB5 ? "w" : "y";  // Ŵŵ Ŷŷ Ÿ
  return nullptr;
}

std::string anchor_of(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    size_t len = 1;
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out += c;
    } else if (c == '\'') {
      // "St Mary's" is "st-marys", as people type it; curly ones too
    } else if (text.substr(i).starts_with("\u2019") || text.substr(i).starts_with("\u2018")) {
      i += 2;
    } else if (const char* plain = plain_letters(text, i, len)) {
      out += plain;
      i += len - 1;
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "section" : out;
}

std::string group_thousands(long long n) {
  std::string digits = std::to_string(n), out;
  int count = 0;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    if (count && count % 3 == 0) out.insert(out.begin(), ',');
    out.insert(out.begin(), *it);
    ++count;
  }
  return out;
}

std::string format_money(double amount, const std::string& currency) {
  std::string symbol = currency == "GBP" ? "£" : currency == "EUR" ? "€"
                       : currency == "USD" ? "$" : currency + " ";
  long long whole = static_cast<long long>(std::floor(amount));
  int pence = static_cast<int>(std::lround((amount - whole) * 100));
  if (pence == 100) ++whole, pence = 0;
  std::string s = symbol + group_thousands(whole);
  if (pence) {
    char buf[8];
    std::snprintf(buf, sizeof buf, ".%02d", pence);
    s += buf;
  }
  return s;
}

std::string format_number(double n) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", n);
  std::string s = buf;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

std::string counted(size_t n, const std::string& noun, const std::string& plural) {
  return std::to_string(n) + " " + (n == 1 ? noun : plural.empty() ? noun + "s" : plural);
}

std::string join_words(const std::vector<std::string>& items, const std::string& conjunction) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += i + 1 == items.size() ? " " + conjunction + " " : ", ";
    out += items[i];
  }
  return out;
}

std::string join_sentence(std::vector<std::string> items) {
  for (size_t i = 1; i < items.size(); ++i) {
    auto& w = items[i];
    bool acronym = w.size() > 1 && w[1] >= 'A' && w[1] <= 'Z';
    if (!w.empty() && w[0] >= 'A' && w[0] <= 'Z' && !acronym) w[0] = static_cast<char>(w[0] - 'A' + 'a');
  }
  return join_words(items);
}

std::string format_size(std::uintmax_t bytes) {
  if (bytes < 1024) return std::to_string(bytes) + " bytes";
  if (bytes < 1024 * 1024) return std::to_string((bytes + 512) / 1024) + " KB";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MB", bytes / (1024.0 * 1024.0));
  return buf;
}

std::pair<int, int> line_col(std::string_view text, size_t offset, int first_line) {
  int line = first_line, col = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') ++line, col = 1;
    else ++col;
  }
  return {line, col};
}

std::string bidi_control_words(char32_t code) {
  static const std::pair<char32_t, const char*> names[] = {
      {0x061C, "an Arabic letter mark"},       {0x200E, "a left-to-right mark"},
      {0x200F, "a right-to-left mark"},        {0x202A, "a left-to-right embedding"},
      {0x202B, "a right-to-left embedding"},   {0x202C, "a pop directional formatting"},
      {0x202D, "a left-to-right override"},    {0x202E, "a right-to-left override"},
      {0x2066, "a left-to-right isolate"},     {0x2067, "a right-to-left isolate"},
      {0x2068, "a first strong isolate"},      {0x2069, "a pop directional isolate"}};
  char hex[16];
  std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(code));
  for (auto& [c, name] : names)
    if (c == code) return std::string(name) + " (" + hex + ")";
  return hex;
}

std::optional<std::pair<int, int>> find_invalid_utf8(std::string_view text) {
  size_t i = 0, n = text.size();
  auto cont = [&](size_t k) {
    return k < n && (static_cast<unsigned char>(text[k]) & 0xC0) == 0x80;
  };
  // Where it goes wrong is worked out only when it does (line_col).
  auto bad = [&] { return line_col(text, i, 1); };
  while (i < n) {
    // Plain ASCII, most of any file, eight bytes at a time.
    for (std::uint64_t word; i + 8 <= n; i += 8) {
      std::memcpy(&word, text.data() + i, 8);
      if (word & 0x8080808080808080ULL) break;
    }
    if (i == n) break;
    unsigned char c = text[i];
    size_t len = 0;
    if (c < 0x80) len = 1;
    else if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c >= 0xE0 && c <= 0xEF) len = 3;
    else if (c >= 0xF0 && c <= 0xF4) len = 4;
    else return bad();
    for (size_t k = 1; k < len; ++k)
      if (!cont(i + k)) return bad();
    if (len == 3) {  // no overlong forms, no UTF-16 surrogates
      unsigned char c1 = text[i + 1];
      if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0)) return bad();
    }
    if (len == 4) {
      unsigned char c1 = text[i + 1];
      if ((c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90)) return bad();
    }
    i += len;
  }
  return std::nullopt;
}

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> out;
  for (size_t start = 0; start <= text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    out.push_back(line);
    start = end + 1;
  }
  return out;
}

std::optional<HtmlTag> html_tag_at(std::string_view text, size_t at) {
  if (at >= text.size() || text[at] != '<') return std::nullopt;
  HtmlTag tag;
  size_t i = text.find_first_not_of(' ', at + 1);
  if (i != std::string_view::npos && text[i] == '/') tag.closing = true, i = text.find_first_not_of(' ', i + 1);
  if (i == std::string_view::npos || !(std::isalpha(static_cast<unsigned char>(text[i])) || text[i] == '!'))
    return std::nullopt;
  size_t name_end = i + 1;
  while (name_end < text.size() && std::isalnum(static_cast<unsigned char>(text[name_end]))) ++name_end;
  tag.name = lower_ascii(std::string(text.substr(i, text[i] == '!' ? 1 : name_end - i)));
  size_t close = text.find_first_of("<>", name_end);
  if (close != std::string_view::npos && text[close] == '>') {
    tag.attributes = text.substr(name_end, close - name_end);
    tag.end = close + 1;
  }
  return tag;
}

std::string comma_joined(const std::vector<std::string>& items) {
  std::string out;
  for (auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

std::string replace_all(std::string_view text, std::string_view from, std::string_view to) {
  std::string out;
  size_t start = 0;
  for (size_t at; (at = text.find(from, start)) != std::string_view::npos; start = at + from.size())
    out.append(text.substr(start, at - start)).append(to);
  return out.append(text.substr(start));
}
