// See document.h.
#include "import/document.h"

std::string tidy_space(const std::string& text) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = text[i];
    bool is_space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
      is_space = true;  // U+00A0 no-break space
      ++i;
    }
    if (is_space) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(c);
  }
  return out;
}

std::string cell_text(const DocCell& cell, const std::string& sep) {
  std::string out;
  for (auto& p : cell.paragraphs) {
    if (p.text.empty()) continue;
    if (!out.empty()) out += sep;
    out += p.text;
  }
  return out;
}

void ParagraphBuilder::add(const std::string& text, bool bold) {
  if (text.empty()) return;
  if (!runs_.empty() && runs_.back().second == bold)
    runs_.back().first += text;
  else
    runs_.push_back({text, bold});
}

DocParagraph ParagraphBuilder::finish() {
  std::string plain, md;
  bool all_bold = true, any_text = false;
  for (auto& [text, bold] : runs_) {
    plain += text;
    std::string t = tidy_space(text);
    if (t.empty()) {
      md += " ";
      continue;
    }
    any_text = true;
    all_bold = all_bold && bold;
    // Spaces stay outside the ** so that Markdown sees the emphasis.
    bool lead = text.front() == ' ' || text.front() == '\t';
    bool trail = text.back() == ' ' || text.back() == '\t';
    if (lead) md += ' ';
    if (bold) md.append("**").append(t).append("**");
    else md += t;
    if (trail) md += ' ';
  }
  paragraph.text = tidy_space(plain);
  paragraph.bold = any_text && all_bold;
  paragraph.markdown = paragraph.bold ? paragraph.text : tidy_space(md);
  runs_.clear();
  return paragraph;
}

std::optional<std::string> table_full(const DocTable& table, const ReadLimits& limits) {
  if (table.rows.size() < limits.max_table_rows) return std::nullopt;
  return "table " + std::to_string(table.number) + " has more than " + std::to_string(limits.max_table_rows) +
         " rows, far more than a job description or person specification; it was not read";
}

std::optional<std::string> document_full(const ImportDoc& doc, const ReadLimits& limits) {
  if (doc.blocks.size() < limits.max_blocks) return std::nullopt;
  return "it has more than " + std::to_string(limits.max_blocks) + " paragraphs and tables";
}
