// Reading a plain-text document (.txt, as Word's "Save as plain text" writes
// it) into an ImportDoc, on a best-effort basis, since the text has lost its
// styles: a line is a paragraph; a leading "•", "o", "§", "-" or "1." before
// a tab or space makes a list item; a short line without closing punctuation
// or a "Label: value" colon is taken as a heading; runs of lines holding
// tabs become a table, one cell per tab-separated field, and a tab-less line
// between two such lines a row spanning the table, or, ending in ':', the
// lead-in of the next row's first cell (Word writes a cell's paragraphs on
// lines of their own). Text copied out of other programs is read too: a
// table a cell to a line (each after a tab, rows between blank lines), HTML
// tags (paragraphs and list items kept apart, the rest dropped), "• a • b"
// run together on one line, "**bold**" lines, lines wrapped by hand (as in
// text copied out of a PDF) joined where a line stops mid-sentence, and a
// label alone on its line ("Grade:") joined to the short value below it.
#pragma once

#include <optional>
#include <string>

#include "import/document.h"

// `text` is UTF-8 (see text_decode.h).
std::optional<std::string> read_txt(const std::string& text, const ReadLimits& limits, ImportDoc& out);
