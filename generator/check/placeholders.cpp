// See placeholders.h. A hand scan, not a regular expression: it runs over
// every advert's text on every build.
#include "check/placeholders.h"

#include <algorithm>

#include "base/text.h"

namespace {

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// "[ ]", "[x]", "[2]": a task box, or a reference to a note; a phone number
// ("[01234 567890]") is a note to fill in.
bool box_or_reference(std::string_view inner) {
  if (inner == "x" || inner == "X") return true;
  size_t digits = std::count_if(inner.begin(), inner.end(), [](char c) { return c >= '0' && c <= '9'; });
  return digits < 4 && std::all_of(inner.begin(), inner.end(), [](char c) { return c == ' ' || (c >= '0' && c <= '9'); });
}

// "[words]" at `open`, if it is a note: at most 80 characters on one line,
// not escaped, and not a link's text or label ("[text](url)", "[text][ref]")
// or a link's definition ("[ref]: url").
size_t bracket_note_end(std::string_view text, size_t open) {
  if (open > 0 && (text[open - 1] == '\\' || text[open - 1] == ']')) return 0;
  size_t close = text.find_first_of("[]\n", open + 1);
  if (close == std::string_view::npos || text[close] != ']' || close - open > 81) return 0;
  if (box_or_reference(text.substr(open + 1, close - open - 1))) return 0;
  if (close + 1 < text.size() && (text[close + 1] == '(' || text[close + 1] == '[' || text[close + 1] == ':'))
    return 0;
  return close + 1;
}

// "insert ... here" ending at `here` (the offset of "here"), within one
// sentence of at most 80 characters; where it starts, or npos.
size_t insert_start(std::string_view lower, size_t here) {
  size_t from = here > 80 ? here - 80 : 0;
  size_t stop = lower.find_last_of(".;:!?\n[", here);
  if (stop != std::string_view::npos && stop >= from) from = stop + 1;
  for (size_t at = lower.find("insert ", from); at != std::string_view::npos && at < here;
       at = lower.find("insert ", at + 1))
    if (at == 0 || !is_letter(lower[at - 1])) return at;
  return std::string_view::npos;
}

}  // namespace

std::vector<Placeholder> find_placeholders(std::string_view text) {
  std::vector<Placeholder> found;
  for (size_t open = text.find('['); open != std::string_view::npos; open = text.find('[', open + 1))
    if (size_t end = bracket_note_end(text, open))
      found.push_back({open, std::string(text.substr(open, end - open))});
  std::string lower = lower_ascii(std::string(text));
  for (size_t here = lower.find(" here"); here != std::string::npos; here = lower.find(" here", here + 1)) {
    size_t end = here + 5;
    if (end < lower.size() && is_letter(lower[end])) continue;  // "hereby"
    size_t start = insert_start(lower, here);
    if (start != std::string::npos) found.push_back({start, std::string(text.substr(start, end - start))});
  }
  std::sort(found.begin(), found.end(), [](auto& a, auto& b) { return a.offset < b.offset; });
  // "[insert name here]" once, as its brackets.
  std::vector<Placeholder> once;
  for (auto& f : found)
    if (once.empty() || f.offset >= once.back().offset + once.back().text.size()) once.push_back(std::move(f));
  return once;
}
