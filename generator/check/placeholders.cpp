// See placeholders.h. A hand scan, not a regular expression: it runs over
// every advert's text on every build.
#include "check/placeholders.h"

#include <algorithm>

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

// Whether `text` has `word` (lower case) at `at`, in any case.
bool has_word_at(std::string_view text, size_t at, std::string_view word) {
  if (at + word.size() > text.size()) return false;
  for (size_t i = 0; i < word.size(); ++i)
    if ((text[at + i] | 0x20) != word[i]) return false;
  return true;
}

// "insert ... here" ending at `here` (the offset of "here"), within one
// sentence of at most 80 characters; where it starts, or npos.
size_t insert_start(std::string_view text, size_t here) {
  size_t from = here > 80 ? here - 80 : 0;
  size_t stop = text.find_last_of(".;:!?\n[", here);
  if (stop != std::string_view::npos && stop >= from) from = stop + 1;
  for (size_t at = from; at < here; ++at)
    if (has_word_at(text, at, "insert ") && (at == 0 || !is_letter(text[at - 1]))) return at;
  return std::string_view::npos;
}

// Each " here" (any case) that is a whole word, by its offset.
std::vector<size_t> each_here(std::string_view text) {
  std::vector<size_t> found;
  for (auto ere : {"ere", "ERE"})
    for (size_t at = text.find(ere); at != std::string_view::npos; at = text.find(ere, at + 1))
      if (at >= 2 && text[at - 2] == ' ' && has_word_at(text, at - 1, "here") &&
          (at + 3 >= text.size() || !is_letter(text[at + 3])))  // not "hereby"
        found.push_back(at - 1);
  return found;
}

}  // namespace

std::vector<Placeholder> find_placeholders(std::string_view text) {
  std::vector<Placeholder> found;
  for (size_t open = text.find('['); open != std::string_view::npos; open = text.find('[', open + 1))
    if (size_t end = bracket_note_end(text, open))
      found.push_back({open, std::string(text.substr(open, end - open))});
  for (size_t here : each_here(text)) {
    size_t start = insert_start(text, here);
    if (start != std::string_view::npos) found.push_back({start, std::string(text.substr(start, here + 4 - start))});
  }
  std::sort(found.begin(), found.end(), [](auto& a, auto& b) { return a.offset < b.offset; });
  // "[insert name here]" once, as its brackets.
  std::vector<Placeholder> once;
  for (auto& f : found)
    if (once.empty() || f.offset >= once.back().offset + once.back().text.size()) once.push_back(std::move(f));
  return once;
}
