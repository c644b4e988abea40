// The theme's words in one language, read from i18n/<language>.yaml; see words.h.
#include "theme/words.h"

#include <filesystem>

#include "base/text.h"
#include "load/source.h"
#include "load/yaml_reader.h"
#include "theme/theme_folder.h"

namespace fs = std::filesystem;
using Data = kainjow::mustache::data;

namespace {

// One file as read: its keys, flattened ("facts.closing_date"), where each
// is, and where each group of keys starts.
struct Read {
  std::shared_ptr<Words> words = std::make_shared<Words>();
  std::map<std::string, Mark> marks;
};

// Puts `value` at the dotted `key` in the nested `tree`.
void place(Data& tree, const std::string& key, const std::string& value) {
  auto dot = key.find('.');
  if (dot == std::string::npos) {
    tree.set(key, Data(value));
    return;
  }
  std::string group = key.substr(0, dot);
  if (!tree.get(group)) tree.set(group, Data(Data::type::object));
  place(*const_cast<Data*>(tree.get(group)), key.substr(dot + 1), value);
}

void flatten(const YamlNode& node, const std::string& prefix, const YamlFile& file, Read& read,
             Diagnostics& diags) {
  for (auto& entry : node.entries) {
    std::string key = prefix + entry.key.text;
    Mark mark = mark_of(file, entry.key);
    if (read.marks.count(key)) {
      diags.error(mark, "'" + key + "' is given twice in this file; keep one");
      continue;
    }
    read.marks[key] = mark;
    if (entry.value.is_map()) {
      flatten(entry.value, key + ".", file, read, diags);
    } else if (entry.value.is_scalar()) {
      read.words->entries[key] = entry.value.text;
    } else {
      diags.error(mark_of(file, entry.value),
                  "the words for '" + key + "' should be text, not " + kind_of(entry.value));
    }
  }
}

// Reads one words file; nothing when it cannot be read or parsed (reported).
std::optional<Read> read_words(const std::string& path, const std::string& shown,
                               const std::string& language, Diagnostics& diags) {
  std::string text;
  if (auto why = read_file(path, text, kMaxTextFile)) {
    diags.error({shown, 0, 0}, *why);
    return std::nullopt;
  }
  YamlFile file{shown, 1};
  auto node = parse_yaml(text, file, diags);
  if (!node) return std::nullopt;
  if (!node->is_map()) {
    diags.error({shown, 1, 1}, "a words file is a set of keys such as 'closing_date: Dyddiad cau', not " +
                                   kind_of(*node));
    return std::nullopt;
  }
  Read read;
  read.words->language = language;
  read.words->file = shown;
  flatten(*node, "", file, read, diags);
  return read;
}

// Every key of the reference (the default English) is in `read`, and no other.
void check_keys(const Read& read, const Read& reference, Diagnostics& diags) {
  const std::string& file = read.words->file;
  for (auto& [key, english] : reference.words->entries) {
    if (read.words->entries.count(key)) continue;
    // At the group that should hold it, when the file has that group.
    Mark mark{file, 1, 1};
    for (auto dot = key.rfind('.'); dot != std::string::npos; dot = key.rfind('.', dot - 1)) {
      auto group = read.marks.find(key.substr(0, dot));
      if (group != read.marks.end()) {
        mark = group->second;
        break;
      }
      if (dot == 0) break;
    }
    diags.error(mark, "the key '" + key + "' is missing from " + file +
                          ": add it with the words for '" + english + "' in this language");
  }
  for (auto& [key, words] : read.words->entries)
    if (!reference.words->entries.count(key)) {
      std::vector<std::string> known;
      for (auto& [k, w] : reference.words->entries) known.push_back(k);
      std::string near = did_you_mean(key, known);
      diags.error(read.marks.at(key), "the theme has no words called '" + key + "'" +
                                          (near.empty() ? "" : " (did you mean '" + near + "'?)"));
    }
}

std::string shown_name(const std::string& root, const fs::path& file) {
  std::error_code ec;
  auto rel = fs::absolute(file, ec).lexically_relative(fs::absolute(root, ec)).string();
  return ec || rel.empty() || rel.rfind("..", 0) == 0 ? file.string() : rel;
}

}  // namespace

const std::string& Words::operator[](const std::string& key) const {
  static const std::string none;
  auto it = entries.find(key);
  return it == entries.end() ? none : it->second;
}

std::string Words::fill(const std::string& key,
                        const std::vector<std::pair<std::string, std::string>>& values) const {
  std::string out = (*this)[key];
  for (auto& [name, value] : values) {
    std::string tag = "{" + name + "}";
    for (auto at = out.find(tag); at != std::string::npos; at = out.find(tag, at + value.size()))
      out.replace(at, tag.size(), value);
  }
  return out;
}

std::string Words::count(size_t n, const std::string& key) const {
  return fill(key + (n == 1 ? ".one" : ".other"), {{"n", std::to_string(n)}});
}

std::map<std::string, std::shared_ptr<const Words>> load_words(
    const std::string& root, const std::vector<std::string>& folders, Diagnostics& diags) {
  std::map<std::string, Read> read;  // language -> the last folder's file
  std::optional<Read> reference;
  for (size_t i = 0; i < folders.size(); ++i) {
    std::error_code ec;
    std::vector<fs::path> files;
    for (auto it = fs::directory_iterator(fs::path(folders[i]) / "i18n", ec);
         !ec && it != fs::directory_iterator(); it.increment(ec))
      if (it->path().extension() == ".yaml") files.push_back(it->path());
    std::sort(files.begin(), files.end());
    for (auto& f : files) {
      std::string language = f.stem().string();
      auto one = read_words(f.string(), shown_name(root, f), language, diags);
      if (!one) continue;
      if (i == 0 && language == "en-GB") reference = *one;
      read[language] = std::move(*one);
    }
  }
  std::map<std::string, std::shared_ptr<const Words>> out;
  if (!reference) {
    diags.error({"themes/default/i18n/en-GB.yaml", 0, 0},
                "the default theme's English words are missing; reinstall Staffroom");
    return out;
  }
  for (auto& [language, r] : read) {
    check_keys(r, *reference, diags);
    Data t(Data::type::object);
    for (auto& [key, value] : r.words->entries) place(t, key, value);
    r.words->data.set("t", t);
    out[language] = r.words;
  }
  return out;
}

const Words& default_words() {
  static const std::shared_ptr<const Words> english = [] {
    Diagnostics ignored;
    auto all = load_words("", {default_theme_folder()}, ignored);
    auto it = all.find("en-GB");
    return it == all.end() ? std::make_shared<const Words>() : it->second;
  }();
  return *english;
}

const Words* words_for(const std::map<std::string, std::shared_ptr<const Words>>& all,
                       const std::string& language) {
  std::string wanted = lower_ascii(language);
  for (auto& [name, words] : all)
    if (lower_ascii(name) == wanted) return words.get();
  std::string primary = wanted.substr(0, wanted.find('-'));
  for (auto& [name, words] : all)
    if (lower_ascii(name.substr(0, name.find('-'))) == primary) return words.get();
  return nullptr;
}
