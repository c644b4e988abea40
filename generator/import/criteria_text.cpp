// See criteria_text.h.
#include "import/criteria_text.h"

#include <cctype>

#include "base/text.h"

namespace {

const char* kGlyphs[] = {"□", "•", "·", "▪", "◦", "●", "○", "■", "☐", "➢", "►", "", "-", "*", "–", "o "};

size_t glyph_length(const std::string& t) {
  for (const char* g : kGlyphs) {
    std::string s = g;
    if (!s.empty() && t.compare(0, s.size(), s) == 0) return s.size();
  }
  return 0;
}

std::vector<std::string> texts(const std::vector<DocParagraph>& ps) {
  std::vector<std::string> out;
  for (auto& p : ps) {
    std::string t = strip_bullet(p.text);
    if (!t.empty()) out.push_back(t);
  }
  return out;
}

}  // namespace

bool has_bullet(const std::string& text) { return glyph_length(text) > 0; }

std::string strip_bullet(const std::string& text) {
  std::string t = tidy_space(text);
  while (size_t n = glyph_length(t)) t = tidy_space(t.substr(n));
  return t;
}

bool is_generic_heading(const std::string& text) {
  std::string t = lower_ascii(tidy_space(text));
  for (const char* g : {"", "criteria", "criterion", "requirements", "requirement", "attributes",
                        "attribute", "area", "category", "person specification", "specification",
                        "selection criteria"})
    if (t == g) return true;
  return false;
}

FoundCriterion criterion_of(const std::vector<DocParagraph>& paragraphs) {
  FoundCriterion c;
  std::vector<std::string> all = texts(paragraphs);
  if (all.empty()) return c;
  size_t first = 0;
  if (all.size() > 1 && all[0].back() == ':') {  // "For peripatetic workers only:" then the text
    c.note = all[0];
    first = 1;
  }
  c.text = all[first];
  for (size_t i = first + 1; i < all.size(); ++i) c.details.push_back(all[i]);
  return c;
}

std::vector<FoundCriterion> criteria_in(const std::vector<DocParagraph>& paragraphs,
                                        const std::string& level) {
  std::vector<FoundCriterion> out;
  std::vector<std::string> all = texts(paragraphs);
  // A lead-in with a note ending in ':' and sub-items: one criterion.
  if (all.size() > 2 && all[1].back() == ':' && !has_bullet(paragraphs[0].text) &&
      paragraphs[0].list_level < 0) {
    FoundCriterion c;
    c.text = all[0];
    c.note = all[1];
    c.details.assign(all.begin() + 2, all.end());
    c.level = level;
    out.push_back(c);
    return out;
  }
  for (auto& t : all) {
    FoundCriterion c;
    c.text = t;
    c.level = level;
    out.push_back(c);
  }
  return out;
}
