// Turning a cell's or a list's paragraphs into criteria: bullet glyphs
// (□ • · ▪ - ✓) and numbering taken off, whitespace tidied, nothing reworded;
// a lead-in ending in ':' becomes the criterion's note, sub-items its details.
#pragma once

#include <string>
#include <vector>

#include "import/document.h"
#include "import/found.h"

// The text without a leading bullet glyph or "1." / "a)" numbering.
std::string strip_bullet(const std::string& text);
// True when the text began with a bullet glyph.
bool has_bullet(const std::string& text);

// The criteria a cell of a list layout holds, at `level`.
std::vector<FoundCriterion> criteria_in(const std::vector<DocParagraph>& paragraphs,
                                        const std::string& level);

// One criterion from the paragraphs of one table cell (a row per criterion).
FoundCriterion criterion_of(const std::vector<DocParagraph>& paragraphs);

// A generic heading word ("Criteria", "Attributes", "") rather than a section name.
bool is_generic_heading(const std::string& text);
