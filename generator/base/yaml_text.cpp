// See yaml_text.h.
#include "base/yaml_text.h"

#include <cctype>

#include "base/text.h"

std::string yaml_scalar(const std::string& text) {
  std::string lower = lower_ascii(text);
  bool quote = text.empty() || text.front() == ' ' || text.back() == ' ' || text.back() == ':' ||
               text.find(": ") != std::string::npos || text.find(" #") != std::string::npos ||
               text.find_first_of("\"\\\n\t{}[]`|>*&!%@,") == 0 ||
               text.find_first_of("\"\\\n\t") != std::string::npos ||
               std::string("-?:'#").find(text.front()) != std::string::npos ||
               std::isdigit(static_cast<unsigned char>(text.front()));
  for (const char* word : {"yes", "no", "true", "false", "null", "on", "off", "~", "y", "n"})
    if (lower == word) quote = true;
  if (!quote) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') out += "\\n";
    else if (c == '\t') out += "\\t";
    else out += c;
  }
  return out + "\"";
}

std::string yaml_flow_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + yaml_scalar(items[i]);
  return out + "]";
}

std::string yaml_field(int indent, const std::string& key, const std::string& value) {
  std::string pad(static_cast<size_t>(indent), ' ');
  if (value.find('\n') == std::string::npos) return pad + key + ": " + yaml_scalar(value) + "\n";
  std::string out = pad + key + ": |\n";
  size_t start = 0;
  while (start <= value.size()) {
    size_t end = value.find('\n', start);
    std::string line = value.substr(start, end == std::string::npos ? std::string::npos : end - start);
    out += line.empty() ? "\n" : pad + "  " + line + "\n";
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}
