// See methods.h.
#include "import/methods.h"

#include <algorithm>
#include <cctype>

#include "base/text.h"

namespace {

// Words that name each method, most specific first.
const std::pair<const char*, const char*> kWords[] = {
    {"application", "application"}, {"interview", "interview"},  {"discussion", "interview"},
    {"question", "interview"},      {"test", "test"},            {"qualification", "qualification"},
    {"certificate", "qualification"}, {"exercise", "exercise"},  {"practical", "exercise"},
    {"presentation", "exercise"},   {"reference", "references"},
};
const char* kOrder[] = {"application", "interview", "test", "qualification", "exercise", "references"};

}  // namespace

std::vector<std::string> methods_in_words(const std::string& text) {
  std::string lower = lower_ascii(text);
  std::vector<std::string> out;
  for (const char* id : kOrder)
    for (auto& [word, method] : kWords)
      if (std::string(method) == id && lower.find(word) != std::string::npos) {
        out.push_back(id);
        break;
      }
  return out;
}

Legend legend_in(const std::string& text) {
  Legend legend;
  size_t i = 0;
  while (i < text.size()) {
    if (!std::isdigit(static_cast<unsigned char>(text[i])) ||
        (i > 0 && std::isalnum(static_cast<unsigned char>(text[i - 1])))) {
      ++i;
      continue;
    }
    size_t code_end = i;
    while (code_end < text.size() && std::isdigit(static_cast<unsigned char>(text[code_end]))) ++code_end;
    size_t next = code_end;
    while (next < text.size() && !std::isdigit(static_cast<unsigned char>(text[next]))) ++next;
    std::string words = text.substr(code_end, next - code_end);
    words.erase(0, words.find_first_not_of(" =:-.)\t"));
    // Trailing spaces and commas, and a bracket the legend's own brackets close: "... Exercise)".
    auto unbalanced = [&] { return std::count(words.begin(), words.end(), ')') > std::count(words.begin(), words.end(), '('); };
    while (!words.empty() && (std::string(" ,;(\t").find(words.back()) != std::string::npos ||
                              (words.back() == ')' && unbalanced())))
      words.pop_back();
    if (!words.empty() && !methods_in_words(words).empty())
      legend.push_back({text.substr(i, code_end - i), words});
    i = next;
  }
  if (legend.size() < 2) legend.clear();
  return legend;
}

bool is_codes(const std::string& text) {
  std::string t = lower_ascii(text);
  bool digit = false;
  for (size_t i = 0; i < t.size(); ++i) {
    if (std::isdigit(static_cast<unsigned char>(t[i]))) digit = true;
    else if (t.compare(i, 3, "and") == 0) i += 2;
    else if (std::string(" ,;/&").find(t[i]) == std::string::npos) return false;
  }
  return digit;
}

std::vector<std::string> methods_in_codes(const std::string& text, const Legend& legend,
                                          std::string& unknown) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < text.size()) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) { ++i; continue; }
    size_t end = i;
    while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end]))) ++end;
    std::string code = text.substr(i, end - i);
    auto it = std::find_if(legend.begin(), legend.end(), [&](auto& e) { return e.first == code; });
    auto ids = it == legend.end() ? std::vector<std::string>{} : methods_in_words(it->second);
    if (ids.empty()) unknown += (unknown.empty() ? "" : ", ") + code;
    for (auto& id : ids)
      if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
    i = end;
  }
  return out;
}
