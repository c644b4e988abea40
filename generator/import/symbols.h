// Characters of the symbol fonts (Wingdings, Wingdings 2, Symbol) that
// schools use for ticks, crosses and boxes, as the Unicode a reader sees.
#pragma once

#include <string>

// True for a font whose characters are pictures rather than letters.
bool is_symbol_font(const std::string& font);

// The Unicode for character `code` of a symbol font: "✓", "✗", "☐", "☑",
// a bullet, or "" for a picture with no meaning here. `code` may be written
// with the F000 offset Word uses (F0FC) or without (FC).
std::string symbol_text(const std::string& font, unsigned code);

// Text typed in a symbol font, each character replaced as above.
std::string symbol_font_text(const std::string& font, const std::string& text);
