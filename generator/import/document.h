// A Word, LibreOffice or plain-text document as plain data: paragraphs and
// tables in reading order. The readers (docx_read, odt_read, txt_read) make
// one; the recognisers (spec_find, facts_find, body_write) only read it.
#pragma once

#include <optional>
#include <string>
#include <vector>

struct DocParagraph {
  std::string text;      // plain text, ticks and symbol runs as Unicode
  std::string markdown;  // the same with **bold** runs
  std::string style;     // the document's style name or id, as written
  int heading = 0;       // 1-6 for a heading, else 0
  int list_level = -1;   // 0, 1, ... for a list item, else -1
  bool numbered = false; // a numbered rather than bulleted list item
  bool bold = false;     // every run with text is bold
};

// One grid position of a table row. A cell spanning columns (gridSpan) is
// stored at its first column; the columns it covers, and the cells a
// vertical merge continues (vMerge), are `covered` and empty.
struct DocCell {
  std::vector<DocParagraph> paragraphs;
  int span = 1;
  bool covered = false;
};

struct DocTable {
  int number = 0;  // 1-based, in document order, for messages
  std::vector<std::vector<DocCell>> rows;
};

struct DocBlock {
  bool is_table = false;
  DocParagraph paragraph;
  DocTable table;
};

struct ImportDoc {
  std::vector<DocBlock> blocks;
};

// Limits the readers enforce, so that a hostile file cannot use up memory.
struct ReadLimits {
  size_t max_entries = 2000;                     // files in the zip
  size_t max_entry_bytes = 64u << 20;            // one file, uncompressed
  size_t max_total_bytes = 256u << 20;           // all files read, uncompressed
  size_t max_table_rows = 2000;                  // rows in one table
  size_t max_blocks = 100000;                    // paragraphs and tables
  size_t max_file_bytes = 128u << 20;            // the document itself
  int max_depth = 32;                            // lists, tables and sections nested
};

// The message when one more table row, or one more block, would pass the
// limits; nothing while there is room. The readers share these.
std::optional<std::string> table_full(const DocTable& table, const ReadLimits& limits);
std::optional<std::string> document_full(const ImportDoc& doc, const ReadLimits& limits);

// All the text of a cell, its paragraphs joined by `sep`.
std::string cell_text(const DocCell& cell, const std::string& sep = " ");

// Whitespace tidied: tabs, line breaks and no-break spaces become spaces,
// runs of spaces one, none at either end.
std::string tidy_space(const std::string& text);

// Builds a paragraph from runs of text, each bold or not.
class ParagraphBuilder {
 public:
  void add(const std::string& text, bool bold);
  DocParagraph finish();  // text, markdown and bold set; style etc. left as set
  DocParagraph paragraph;

 private:
  std::vector<std::pair<std::string, bool>> runs_;
};
