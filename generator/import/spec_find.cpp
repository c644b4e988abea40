// See spec_find.h.
#include "import/spec_find.h"

#include <algorithm>
#include <cctype>
#include <string_view>

#include "base/text.h"
#include "import/criteria_text.h"
#include "import/methods.h"
#include "import/spec_table.h"

namespace {

bool is_spec_heading(const std::string& text) {
  std::string t = lower_ascii(text);
  return t.size() < 80 && (t.find("person spec") != std::string::npos ||
                           t.find("personal spec") != std::string::npos ||
                           t.find("personnel spec") != std::string::npos);
}

Legend find_legend(const ImportDoc& doc) {
  for (auto& b : doc.blocks) {
    if (!b.is_table) {
      if (auto l = legend_in(b.paragraph.text); !l.empty()) return l;
      continue;
    }
    for (auto& row : b.table.rows)
      for (auto& cell : row)
        for (auto& p : cell.paragraphs)
          if (auto l = legend_in(p.text); !l.empty()) return l;
  }
  return {};
}

// "Proof of Qualification" -> "Proof of qualification": a page joins the
// labels into a sentence ("Application form and proof of qualification").
// Words in capitals (DBS) or with a capital inside (SENCo) are kept.
std::string sentence_case(const std::string& words) {
  std::string out = words;
  for (size_t i = 1; i < out.size(); ++i) {
    bool starts = out[i - 1] == ' ' && std::isupper(static_cast<unsigned char>(out[i]));
    size_t end = out.find(' ', i);
    std::string_view word = std::string_view(out).substr(i, end == std::string::npos ? std::string::npos : end - i);
    bool title = starts && word.size() > 1 &&
                 std::none_of(word.begin() + 1, word.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); });
    if (title) out[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[i])));
  }
  return out;
}

bool is_label(const DocParagraph& p) { return p.heading > 0 || (p.bold && p.text.size() < 60); }

// Lists under "Essential" and "Desirable" headings, sections as headings.
void read_heading_lists(const ImportDoc& doc, size_t from, FoundSpec& spec, std::vector<ImportNote>& notes) {
  std::string level = "essential";
  bool columns_lost = false;  // "Essential Desirable" on one line: a table's header, its columns run together
  for (size_t i = from; i < doc.blocks.size(); ++i) {
    const DocParagraph& p = doc.blocks[i].paragraph;
    if (doc.blocks[i].is_table || p.text.empty()) continue;
    std::string lower = lower_ascii(p.text);
    bool item = p.list_level >= 0 || has_bullet(p.text);
    if (!item && is_label(p) && (lower.rfind("essential", 0) == 0 || lower.rfind("desirable", 0) == 0)) {
      level = lower[0] == 'e' ? "essential" : "desirable";
      if (lower.find("desirable") != std::string::npos && lower.find("essential") != std::string::npos && !columns_lost) {
        columns_lost = true;
        notes.push_back({"document", "the Essential and Desirable columns ran together in this text, so every "
                                     "criterion is written as essential: mark the desirable ones level: desirable"});
      }
    } else if (!item && p.heading > 0) {
      spec.sections.push_back({p.text, "", "", {}, ""});
      if (columns_lost) spec.sections.back().check = "which of these criteria are desirable? The text lost its columns";
      level = "essential";
    } else if (item && !spec.sections.empty()) {
      FoundCriterion c;
      c.text = strip_bullet(p.text);
      c.level = level;
      spec.sections.back().criteria.push_back(c);
    } else {
      continue;
    }
    spec.blocks.push_back(i);
  }
}

std::string introduction(const ImportDoc& doc, size_t from, size_t to, FoundSpec& spec) {
  std::string out;
  for (size_t i = from; i < to && i < doc.blocks.size(); ++i) {
    const auto& b = doc.blocks[i];
    if (b.is_table || b.paragraph.text.empty() || !legend_in(b.paragraph.text).empty()) continue;
    out += (out.empty() ? "" : "\n\n") + b.paragraph.text;
    spec.blocks.push_back(i);
  }
  return out;
}

}  // namespace

FoundSpec find_spec(const ImportDoc& doc, std::vector<ImportNote>& notes) {
  FoundSpec spec;
  Legend legend = find_legend(doc);
  for (auto& [code, words] : legend) spec.legend.push_back({methods_in_words(words)[0], sentence_case(words)});
  size_t heading = SIZE_MAX, first_table = SIZE_MAX;
  std::optional<SpecColumns> last;  // the columns of the table just before, when it was a specification
  for (size_t i = 0; i < doc.blocks.size(); ++i) {
    const auto& b = doc.blocks[i];
    if (!b.is_table && heading == SIZE_MAX && is_spec_heading(b.paragraph.text)) heading = i;
    if (!b.is_table && !b.paragraph.text.empty()) last.reset();
    if (!b.is_table) continue;
    last = read_spec_table(b.table, legend, last ? &*last : nullptr, spec, notes);
    if (last) {
      spec.blocks.push_back(i);
      first_table = std::min(first_table, i);
    }
  }
  if (first_table == SIZE_MAX && heading != SIZE_MAX) read_heading_lists(doc, heading + 1, spec, notes);
  if (heading != SIZE_MAX) {
    size_t end = first_table;  // the introduction runs to the first criterion
    for (size_t b : spec.blocks)
      if (b > heading) end = std::min(end, b);
    spec.blocks.push_back(heading);
    spec.introduction = introduction(doc, heading + 1, end, spec);
  }
  spec.first_block = std::min(heading, first_table);
  if (spec.sections.empty())
    notes.push_back({"document", "no person specification found: no table with Essential or Desirable "
                                 "columns, and no lists under Essential and Desirable headings"});
  return spec;
}
