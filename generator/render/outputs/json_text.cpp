// JSON strings written in one pass; see json_text.h.
#include "render/outputs/json_text.h"

#include <nlohmann/json.hpp>

#include <array>

#include "base/text.h"

namespace {

// What each byte is written as: nothing (0) when it is written as it is.
using Escapes = std::array<const char*, 256>;

// In a JSON string (`json`): the control characters, '"' and backslash, as
// nlohmann writes them; in a <script> (`in_script`): '<', '>' and '&'.
Escapes make_escapes(bool json, bool in_script) {
  static const char* const kControl[32] = {
      "\\u0000", "\\u0001", "\\u0002", "\\u0003", "\\u0004", "\\u0005", "\\u0006", "\\u0007",
      "\\b",     "\\t",     "\\n",     "\\u000b", "\\f",     "\\r",     "\\u000e", "\\u000f",
      "\\u0010", "\\u0011", "\\u0012", "\\u0013", "\\u0014", "\\u0015", "\\u0016", "\\u0017",
      "\\u0018", "\\u0019", "\\u001a", "\\u001b", "\\u001c", "\\u001d", "\\u001e", "\\u001f"};
  Escapes e{};
  if (json) {
    for (int c = 0; c < 32; ++c) e[c] = kControl[c];
    e['"'] = "\\\"";
    e['\\'] = "\\\\";
  }
  if (in_script) e['<'] = "\\u003c", e['>'] = "\\u003e", e['&'] = "\\u0026";
  return e;
}

// `text` with each byte that has an escape in `escapes` replaced, appended to `out`.
void append_escaped(std::string& out, std::string_view text, const Escapes& escapes) {
  size_t run = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char* with = escapes[static_cast<unsigned char>(text[i])];
    if (!with) continue;
    out.append(text, run, i - run);
    out += with;
    run = i + 1;
  }
  out.append(text, run);
}

}  // namespace

std::string json_string(std::string_view text, bool in_script) {
  static const Escapes plain = make_escapes(true, false), script = make_escapes(true, true);
  if (find_invalid_utf8(text)) {
    std::string dumped = nlohmann::json(std::string(text)).dump(-1, ' ', false,
                                                                nlohmann::json::error_handler_t::replace);
    return in_script ? script_safe(dumped) : dumped;
  }
  std::string out;
  out.reserve(text.size() + text.size() / 16 + 2);
  out += '"';
  append_escaped(out, text, in_script ? script : plain);
  out += '"';
  return out;
}

std::string script_safe(std::string_view json) {
  static const Escapes escapes = make_escapes(false, true);
  std::string out;
  out.reserve(json.size() + 64);
  append_escaped(out, json, escapes);
  return out;
}

std::string with_value(const std::string& json, std::string_view key, std::string_view value) {
  std::string place(1, '"');
  place.append(key).append("\":\"\"");
  // A key is the first place its quoted name and a colon stand: within a
  // string value, nlohmann writes each quote as \".
  size_t at = json.find(place);
  if (at == std::string::npos) return json;
  at += place.size() - 2;  // at the empty string's first quote
  std::string out;
  out.reserve(json.size() + value.size());
  out.append(json, 0, at).append(value).append(json, at + 2);
  return out;
}
