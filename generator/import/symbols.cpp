// See symbols.h.
#include "import/symbols.h"

#include "base/text.h"

bool is_symbol_font(const std::string& font) {
  std::string f = lower_ascii(font);
  return f.find("wingdings") != std::string::npos || f == "symbol" || f.find("webdings") != std::string::npos;
}

std::string symbol_text(const std::string& font, unsigned code) {
  code &= 0xFF;
  std::string f = lower_ascii(font);
  if (f.find("wingdings 2") != std::string::npos) {
    switch (code) {
      case 0x50: return "✓";
      case 0x52: return "☑";
      case 0x4F: case 0x51: return "✗";
      case 0x54: case 0x53: return "☒";
      case 0xA3: return "☐";
      default: return "";
    }
  }
  if (f == "symbol") return code == 0xD6 ? "✓" : code == 0xB7 ? "•" : "";
  switch (code) {  // Wingdings
    case 0xFC: return "✓";
    case 0xFE: return "☑";
    case 0xFB: return "✗";
    case 0xFD: return "☒";
    case 0xA8: case 0x6F: case 0x71: return "☐";
    case 0x9F: case 0x6C: case 0xA7: case 0xD8: return "•";
    default: return "";
  }
}

std::string symbol_font_text(const std::string& font, const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = text[i];
    unsigned code = c;
    if ((c & 0xE0) == 0xC0 && i + 1 < text.size()) {  // two-byte UTF-8: Latin-1 range
      code = ((c & 0x1F) << 6) | (static_cast<unsigned char>(text[++i]) & 0x3F);
    } else if ((c & 0xF0) == 0xE0 && i + 2 < text.size()) {  // private use area F0xx
      code = ((c & 0x0F) << 12) | ((static_cast<unsigned char>(text[i + 1]) & 0x3F) << 6) |
             (static_cast<unsigned char>(text[i + 2]) & 0x3F);
      i += 2;
    }
    out += code == ' ' ? " " : symbol_text(font, code);
  }
  return out;
}
