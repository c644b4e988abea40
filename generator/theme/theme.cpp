// Theme loading and template rendering; see theme.h.
#include "theme/theme.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <tuple>
#include <vector>

#include "load/source.h"
#include "base/text.h"
#include "theme/theme_folder.h"
#include "theme/words.h"

namespace fs = std::filesystem;

std::string fingerprint(const std::string& content) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : content) h = (h ^ c) * 1099511628211ULL;
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return std::string(buf, 8);
}

// Partials the renderer renders once per vacancy, however many pages show
// them, and hands to templates ready-made: where a template includes one,
// the ready-made HTML is pasted in instead. On a site of thousands of
// adverts a card appears on four or five lists, and the person
// specification on the vacancy page and its print view.
const std::map<std::string, std::string> kReadyMade = {
    {"vacancy_card", "{{{card_html}}}"},
    {"person_spec", "{{{table_html}}}"},
};

// Partials are pasted in once, here, so a page render never re-parses them.
static std::string expand_partials(const std::string& text,
                                   const std::map<std::string, std::string>& raw,
                                   int depth) {
  static const std::regex partial(R"(\{\{>\s*([A-Za-z0-9_-]+)\s*\}\})");
  if (depth > 8) return text;
  std::string out;
  auto begin = std::sregex_iterator(text.begin(), text.end(), partial);
  size_t last = 0;
  for (auto it = begin; it != std::sregex_iterator(); ++it) {
    out.append(text, last, it->position() - last);
    auto name = (*it)[1].str();
    auto ready = kReadyMade.find(name);
    auto found = raw.find(name);
    if (ready != kReadyMade.end()) out += ready->second;
    else if (found != raw.end()) out += expand_partials(found->second, raw, depth + 1);
    last = it->position() + it->length();
  }
  out.append(text, last);
  return out;
}

namespace {

// The templates every page needs; a theme override may replace any of them.
const char* const kRequired[] = {"layout", "index", "list", "school", "standard", "archive",
                                 "page", "glossary", "not_found", "vacancy", "print_spec",
                                 "checklist", "vacancy_card"};

struct Source {
  std::string text;
  std::string shown;  // the path in messages: "themes/default/templates/x.mustache"
};

// How a file of the theme is named in messages: from the site folder when it
// is in the site, else the full path.
std::string shown_path(const std::string& root, const fs::path& file) {
  // Lexically: resolving a link would name where it leads instead.
  std::error_code ec;
  auto rel = fs::absolute(file, ec).lexically_relative(fs::absolute(root, ec)).string();
  return ec || rel.empty() || rel.rfind("..", 0) == 0 ? file.string() : rel;
}

// Reads dir/templates/*.mustache and dir/static/**; files that lead outside
// `dir` (through a link) are refused: a theme publishes what it holds.
void read_folder(const std::string& root, const fs::path& dir, std::map<std::string, Source>& templates,
                 std::map<std::string, std::string>& statics, Diagnostics& diags) {
  auto read = [&](const fs::path& file, std::string& into) {
    std::string shown = shown_path(root, file);
    if (!is_inside(dir.string(), file.string()))
      diags.error({shown, 0, 0}, "this is a link to a place outside the theme folder; refused");
    else if (auto why = read_file(file.string(), into, kMaxTextFile))
      diags.error({shown, 0, 0}, *why);
    return shown;
  };
  std::error_code ec;
  for (auto it = fs::directory_iterator(dir / "templates", ec); !ec && it != fs::directory_iterator();
       it.increment(ec))
    if (it->path().extension() == ".mustache") {
      Source& src = templates[it->path().stem().string()];
      src.shown = read(it->path(), src.text);
    }
  fs::path static_dir = dir / "static";
  for (auto it = fs::recursive_directory_iterator(static_dir, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::error_code e;
    auto name = it->path().filename().string();
    if (!name.empty() && name[0] != '.' && it->is_regular_file(e))
      read(it->path(), statics[it->path().lexically_relative(static_dir).string()]);
  }
}

// kainjow reports "... at N", N a byte offset: the file's line and column.
Mark template_mark(const Source& src, const std::string& message) {
  auto at = message.rfind(" at ");
  if (at == std::string::npos) return {src.shown, 0, 0};
  size_t offset = std::strtoul(message.c_str() + at + 4, nullptr, 10);
  auto [line, col] = line_col(src.text, std::min(offset, src.text.size()), 1);
  return {src.shown, line, col};
}

// Each template parses on its own (so that an error is placed in its own
// file), every partial it includes exists, and every page's template is there.
void check_templates(const std::map<std::string, Source>& raw, Diagnostics& diags) {
  static const std::regex partial(R"(\{\{>\s*([A-Za-z0-9_-]+)\s*\}\})");
  for (auto& [name, src] : raw) {
    kainjow::mustache::mustache parsed(src.text);
    if (!parsed.is_valid()) {
      std::string message = parsed.error_message();
      auto at = message.rfind(" at ");
      diags.error(template_mark(src, message),
                  "this template does not parse: " + message.substr(0, at));
      continue;
    }
    for (auto it = std::sregex_iterator(src.text.begin(), src.text.end(), partial);
         it != std::sregex_iterator(); ++it) {
      auto included = (*it)[1].str();
      if (raw.count(included) || kReadyMade.count(included)) continue;
      auto [line, col] = line_col(src.text, it->position(), 1);
      diags.error({src.shown, line, col}, "there is no template '" + included +
                                              "' to include (no " + included + ".mustache)");
    }
  }
  for (auto* name : kRequired)
    if (!raw.count(name))
      diags.error({"themes/default/templates/" + std::string(name) + ".mustache", 0, 0},
                  "this template is missing from the theme; every site needs it");
}

}  // namespace

// Every name in the templates' tags, for uses(). A template that sets other
// delimiters ({{=<% %>=}}) could name anything, so then every name counts.
void Theme::add_names(Theme& theme) {
  static const std::regex tag(R"(\{\{\s*[#^/&{]?\s*([A-Za-z0-9_.-]+))");
  for (auto& [name, text] : theme.sources_) {
    if (text.find("{{=") != std::string::npos) theme.any_name_ = true;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), tag); it != std::sregex_iterator(); ++it) {
      std::string dotted = (*it)[1].str();
      for (size_t start = 0, end; start <= dotted.size(); start = end + 1) {
        end = std::min(dotted.find('.', start), dotted.size());
        theme.names_.insert(dotted.substr(start, end - start));
      }
    }
  }
}

std::shared_ptr<const Theme> Theme::load(const std::string& root,
                                         const std::string& name,
                                         Diagnostics& diags) {
  static std::atomic<long> next_id{1};
  auto theme = std::make_shared<Theme>();
  theme->id_ = next_id++;
  std::map<std::string, Source> raw;
  std::map<std::string, std::string> statics;
  std::error_code ec;
  fs::path defaults = default_theme_folder();
  fs::path own = fs::path(root) / "themes" / name;
  // A binary moved away from its source tree finds the theme in the site.
  if (!fs::is_directory(defaults / "templates", ec)) defaults = fs::path(root) / "themes/default";
  read_folder(root, defaults, raw, statics, diags);
  theme->folders_.push_back(defaults.string());
  bool own_exists = fs::is_directory(own, ec);
  if (own_exists && fs::weakly_canonical(own, ec) != fs::weakly_canonical(defaults, ec)) {
    if (!is_inside(root + "/themes", own.string())) {
      diags.error({"themes/" + name, 0, 0}, "the theme folder leads outside the site; refused");
    } else {
      read_folder(root, own, raw, statics, diags);
      theme->folders_.push_back(own.string());
    }
  } else if (name != "default" && !own_exists) {
    diags.error({"site.yaml", 0, 0}, "there is no theme folder themes/" + name);
  }
  check_templates(raw, diags);
  theme->words_ = load_words(root, theme->folders_, diags);
  std::map<std::string, std::string> texts;
  for (auto& [tname, src] : raw) texts[tname] = src.text;
  for (auto& [tname, text] : texts) theme->sources_[tname] = expand_partials(text, texts, 0);
  add_names(*theme);
  for (auto& [file, content] : statics) {
    auto ext = fs::path(file).extension().string();
    std::string out = file;
    if (ext == ".css" || ext == ".js")  // fingerprinted so caches never go stale
      out = file.substr(0, file.size() - ext.size()) + "." + fingerprint(content) + ext;
    theme->assets_.push_back({file, out, content});
  }
  return theme;
}

std::string Theme::asset_output(const std::string& name) const {
  for (auto& a : assets_)
    if (a.name == name) return a.output;
  return name;
}

const Words* Theme::words(const std::string& language) const { return words_for(words_, language); }

namespace {

// kainjow's own context splits every dotted name ({{page.title}}) through a
// std::stringstream at each lookup: a fifth of a page's render time. This
// one walks the name in place and finds the same value.
class Stack : public kainjow::mustache::basic_context<std::string> {
 public:
  Stack() = default;
  explicit Stack(const Data* data) { push(data); }
  void push(const Data* data) override { items_.push_back(data); }
  void pop() override { items_.pop_back(); }
  const Data* get(const std::string& name) const override {
    if (name.size() == 1 && name[0] == '.') return items_.back();  // not == ".": a strlen and compare each lookup
    if (name.find('.') == std::string::npos) return innermost(name);
    std::string part;
    for (auto it = items_.rbegin(); it != items_.rend(); ++it) {
      const Data* var = *it;
      for (size_t start = 0; var;) {
        size_t end = name.find('.', start);
        part.assign(name, start, end == std::string::npos ? std::string::npos : end - start);
        var = var->get(part);
        if (end == std::string::npos || end + 1 == name.size()) break;  // "a." is "a", as kainjow splits
        start = end + 1;
      }
      if (var) return var;
    }
    return nullptr;
  }
  const Data* get_partial(const std::string& name) const override { return innermost(name); }

 private:
  // The innermost item's value for a plain name.
  const Data* innermost(const std::string& name) const {
    for (auto it = items_.rbegin(); it != items_.rend(); ++it)
      if (auto var = (*it)->get(name)) return var;
    return nullptr;
  }

  std::vector<const Data*> items_;  // the innermost last
};

// What kainjow writes a render into: a string, not an ostringstream.
struct Out {
  std::string text;
  Out& operator<<(const std::string& s) {
    text += s;
    return *this;
  }
};

// kainjow's escaping, byte for byte (its apostrophe is &apos;).
std::string escape(const std::string& s) { return escape_html(s, "&apos;"); }

// The template with each {{t.key}} of `words` written in as its text
// (escaped; {{{t.key}}} and {{&t.key}} as they are): the words are the same
// on every page, and a lookup through every level of a page's data for
// each was most of what a person specification's row cost to render. Left
// as a tag: a key the words lack, text that would read as a tag or break a
// line (kainjow decides on whole lines whether a section tag's line is
// dropped), and any template that changes its delimiters.
std::string with_words(const std::string& text, const Words& words) {
  static const std::regex tag(R"(\{\{(\{|&)?\s*t\.([A-Za-z0-9_.]+)\s*(\})?\}\})");
  if (text.find("{{=") != std::string::npos) return text;
  std::string out;
  size_t last = 0;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), tag); it != std::sregex_iterator(); ++it) {
    std::string open = (*it)[1].str(), close = (*it)[3].str();
    const Data* value = Stack(&words.data).get("t." + (*it)[2].str());  // as the page would find it
    if ((open == "{") != (close == "}") || !value || !value->is_string() ||
        value->string_value().find_first_of("{}\r\n") != std::string::npos)
      continue;
    out.append(text, last, it->position() - last);
    out += open.empty() ? escape(value->string_value()) : value->string_value();
    last = it->position() + it->length();
  }
  return out.append(text, last);
}

// kainjow makes every space and tab of a template's text a piece of its
// own and walks each piece on every render: the indentation and the spaces
// between attributes were most of the pieces of a person specification's
// rows. So each run of spaces and tabs beside literal text, which is
// written whenever that text is, is marked with bytes UTF-8 never has
// (content is checked to be UTF-8), which kainjow leaves inside the text's
// own piece, and given back after the render: the output is byte for byte
// the same. Runs beside a tag or alone on a line are left as they are:
// kainjow drops a line that renders as blanks around a section tag.
constexpr char kSpace = '\xfe', kTab = '\xff';

std::string with_blanks_marked(const std::string& text) {
  if (text.find("{{=") != std::string::npos) return text;  // other delimiters: left alone
  std::vector<bool> in_tag(text.size(), false);
  for (size_t open = text.find("{{"); open != std::string::npos; open = text.find("{{", open)) {
    bool triple = text.compare(open, 3, "{{{") == 0;
    size_t close = text.find(triple ? "}}}" : "}}", open + 2);
    size_t end = close == std::string::npos ? text.size() : close + (triple ? 3 : 2);
    std::fill(in_tag.begin() + open, in_tag.begin() + end, true);
    open = end;
  }
  auto blank = [&](size_t i) { return text[i] == ' ' || text[i] == '\t'; };
  // Whether the byte at i (a blank run's neighbour) is literal text.
  auto literal = [&](size_t i) {
    return i < text.size() && !in_tag[i] && !blank(i) && text[i] != '\n' && text[i] != '\r';
  };
  std::string out = text;
  for (size_t i = 0; i < text.size();) {
    if (in_tag[i] || !blank(i)) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < text.size() && !in_tag[end] && blank(end)) ++end;
    if ((i > 0 && literal(i - 1)) || literal(end))
      for (size_t j = i; j < end; ++j) out[j] = text[j] == ' ' ? kSpace : kTab;
    i = end;
  }
  return out;
}

// The blanks with_blanks_marked() marked, given back.
void unmark_blanks(std::string& html) {
  // Without a branch, so the compiler does it sixteen bytes at a time.
  char* c = html.data();
  for (size_t i = 0, n = html.size(); i < n; ++i) {
    char b = c[i];
    b = b == kSpace ? ' ' : b;
    c[i] = b == kTab ? '\t' : b;
  }
}

}  // namespace

std::string Theme::render(const std::string& name, const Data& data, const Words* words) const {
  if (watch_) watch_(name, data);
  // kainjow's render is not const, so each thread keeps its own compiled copy.
  struct Compiled {
    kainjow::mustache::mustache tmpl;
    size_t size = 0;  // of its largest render so far
  };
  // One copy per language too: the words are written into it.
  thread_local std::map<std::tuple<long, const Words*, std::string>, Compiled> cache;
  auto key = std::make_tuple(id_, words, name);
  auto it = cache.find(key);
  if (it == cache.end()) {
    if (!cache.empty() && std::get<0>(cache.begin()->first) != id_) cache.clear();  // an old build's
    auto src = sources_.find(name);
    // load() made sure every template the renderer asks for is there.
    if (src == sources_.end()) throw std::logic_error("no template '" + name + "' in the theme");
    std::string text = with_blanks_marked(words ? with_words(src->second, *words) : src->second);
    it = cache.emplace(key, Compiled{kainjow::mustache::mustache(text)}).first;
    it->second.tmpl.set_custom_escape(escape);
  }
  Stack stack;
  if (words) stack.push(&words->data);
  stack.push(&data);
  // Room for as much as the template's largest page so far: grown from
  // nothing, a page's text was copied again at each doubling.
  Out out;
  out.text.reserve(it->second.size + it->second.size / 8);
  it->second.tmpl.render(stack, out);
  unmark_blanks(out.text);
  it->second.size = std::max(it->second.size, out.text.size());
  return std::move(out.text);
}
