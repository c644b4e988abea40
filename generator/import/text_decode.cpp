// See text_decode.h.
#include "import/text_decode.h"

#include "base/text.h"

namespace {

void append_utf8(unsigned cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Pairs of bytes from `from`, little- or big-endian; a lone surrogate becomes U+FFFD.
void decode_utf16(const std::string& bytes, size_t from, bool little, std::string& out) {
  auto unit = [&](size_t i) {
    unsigned a = static_cast<unsigned char>(bytes[i]), b = static_cast<unsigned char>(bytes[i + 1]);
    return little ? a | (b << 8) : (a << 8) | b;
  };
  for (size_t i = from; i + 1 < bytes.size(); i += 2) {
    unsigned u = unit(i);
    if (u >= 0xD800 && u < 0xDC00 && i + 3 < bytes.size()) {
      unsigned low = unit(i + 2);
      if (low >= 0xDC00 && low < 0xE000) {
        append_utf8(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00), out);
        i += 2;
        continue;
      }
    }
    append_utf8(u >= 0xD800 && u < 0xE000 ? 0xFFFD : u, out);
  }
}

// Windows-1252's 0x80-0x9F; the rest is Latin-1. 0 where the code page has none.
const unsigned short kCp1252[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

void decode_cp1252(const std::string& bytes, std::string& out) {
  for (unsigned char c : bytes) {
    unsigned cp = c >= 0x80 && c < 0xA0 ? kCp1252[c - 0x80] : c;
    append_utf8(cp ? cp : 0xFFFD, out);
  }
}

}  // namespace

std::optional<std::string> decode_text(const std::string& bytes, std::string& out) {
  out.clear();
  auto b = [&](size_t i) { return i < bytes.size() ? static_cast<unsigned char>(bytes[i]) : 0u; };
  bool le = b(0) == 0xFF && b(1) == 0xFE, be = b(0) == 0xFE && b(1) == 0xFF;
  if (le || be) {
    decode_utf16(bytes, 2, le, out);
    if (out.find('\0') != std::string::npos) return std::string("it is not a plain text file");
    return std::nullopt;
  }
  if (bytes.find('\0') != std::string::npos) return std::string("it is not a plain text file");
  size_t from = b(0) == 0xEF && b(1) == 0xBB && b(2) == 0xBF ? 3 : 0;
  std::string rest = bytes.substr(from);
  if (!find_invalid_utf8(rest)) out = std::move(rest);
  else decode_cp1252(rest, out);
  if (out.find('\0') != std::string::npos) return std::string("it is not a plain text file");
  return std::nullopt;
}
