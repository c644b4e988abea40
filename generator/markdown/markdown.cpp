// cmark-gfm wrapper; see markdown.h.
#include "markdown/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <mutex>
#include <set>

namespace {

// The bullets a list pasted from Word starts its lines with: "•", "◦", "▪",
// "■", "►", "➢", "·", and Symbol's private "" (U+F0B7).
constexpr std::string_view kWordBullets[] = {"\xe2\x80\xa2", "\xe2\x97\xa6", "\xe2\x96\xaa", "\xe2\x96\xa0",
                                             "\xe2\x96\xba", "\xe2\x9e\xa2", "\xc2\xb7",     "\xef\x82\xb7"};

// `markdown` with each pasted bullet at the start of a line ("•\tPrepare
// resources") made Markdown's "-", so the list reads as a list, not one
// run-on paragraph. Each line keeps its length in bytes, so the places in
// messages stay right, unless the space after a bullet would make the item
// code (five columns or more), which is made one space. Empty: none there.
std::string with_word_bullets(std::string_view markdown) {
  std::string out;
  for (size_t start = 0; start < markdown.size();) {
    size_t end = std::min(markdown.find('\n', start), markdown.size());
    size_t at = markdown.find_first_not_of(" \t", start);
    for (auto bullet : kWordBullets) {
      if (at >= end || markdown.compare(at, bullet.size(), bullet) != 0) continue;
      size_t after = at + bullet.size(), text = markdown.find_first_not_of(" \t", after);
      if (after >= end || text == after || text > end) break;  // not a bullet and a space
      if (out.empty()) out.assign(markdown.substr(0, start));
      out.append(markdown.substr(start, at - start));
      // The columns from the "-" to the text, tabs to the next stop of four.
      auto columns = [&](size_t column, size_t from, size_t to) {
        for (size_t i = from; i < to; ++i) column = markdown[i] == '\t' ? (column + 4) / 4 * 4 : column + 1;
        return column;
      };
      size_t dash = columns(0, start, at);
      if (columns(dash + bullet.size(), after, text) - dash - 1 < 5)  // bullet.size(): "-" and its padding
        out.append("-").append(bullet.size() - 1, ' ').append(markdown.substr(after, text - after));
      else
        out.append("- ");
      start = text;
      break;
    }
    if (!out.empty()) out.append(markdown.substr(start, end + 1 - start));
    start = end + 1;
  }
  return out;
}

// A parsed document that frees itself.
struct Document {
  cmark_parser* parser = nullptr;
  cmark_node* root = nullptr;

  // `extensions`: GitHub's (tables, strikethrough, autolinks, tag filter),
  // as a page shows the text; without them, for a check that looks only at
  // links and raw HTML (see scan_markdown).
  explicit Document(std::string_view markdown, bool extensions = true) {
    parser = cmark_parser_new(CMARK_OPT_DEFAULT);
    if (!extensions) {
      feed(markdown);
      return;
    }
    static std::once_flag once;
    std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
    for (auto name : {"table", "strikethrough", "autolink", "tagfilter"})
      if (auto* ext = cmark_find_syntax_extension(name))
        cmark_parser_attach_syntax_extension(parser, ext);
    // cmark-gfm 0.29 keeps the characters its extensions react to in one
    // global table, set at the start of each parse and cleared at its end:
    // two such parses at once lose autolinks, strikethrough and tables at
    // random. So they are one at a time; rendering the tree needs no lock.
    static std::mutex one_parse;
    std::lock_guard lock(one_parse);
    feed(markdown);
  }
  void feed(std::string_view markdown) {
    std::string bullets = with_word_bullets(markdown);
    if (!bullets.empty()) markdown = bullets;
    cmark_parser_feed(parser, markdown.data(), markdown.size());
    root = cmark_parser_finish(parser);
  }
  ~Document() {
    cmark_node_free(root);
    cmark_parser_free(parser);
  }
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  // Every node, in document order (collected first so callers may edit).
  std::vector<cmark_node*> nodes() const {
    std::vector<cmark_node*> out;
    cmark_iter* it = cmark_iter_new(root);
    for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;)
      if (ev == CMARK_EVENT_ENTER) out.push_back(cmark_iter_get_node(it));
    cmark_iter_free(it);
    return out;
  }
};

bool is_raw_html(cmark_node* n) {
  auto t = cmark_node_get_type(n);
  return t == CMARK_NODE_HTML_BLOCK || t == CMARK_NODE_HTML_INLINE;
}

bool is_link(cmark_node* n) {
  auto t = cmark_node_get_type(n);
  return t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE;
}

// Where an abbreviation in text node `n` may be marked: not at all in an
// image's description (its alt text takes no markup); without a link inside a
// link (no link in a link) or a heading (a heading's words stay its own).
enum class Place { text, no_link, none };
Place place_of(cmark_node* n) {
  Place place = Place::text;
  for (cmark_node* up = cmark_node_parent(n); up; up = cmark_node_parent(up)) {
    auto t = cmark_node_get_type(up);
    if (t == CMARK_NODE_IMAGE) return Place::none;
    if (t == CMARK_NODE_LINK || t == CMARK_NODE_HEADING) place = Place::no_link;
  }
  return place;
}

bool safe_url(const char* url) {
  std::string u = lower_ascii(url ? url : "");
  return is_relative_url(u) || u.rfind("http:", 0) == 0 || u.rfind("https:", 0) == 0 ||
         u.rfind("mailto:", 0) == 0;
}

}  // namespace

bool is_relative_url(const std::string& url) {
  auto colon = url.find(':');
  auto slash = url.find_first_of("/?#");
  return colon == std::string::npos || (slash != std::string::npos && slash < colon);
}

std::string markdown_to_html(std::string_view markdown,
                             const MarkdownOptions& options) {
  if (markdown_over_limits(markdown)) {
    std::string html = "<p>" + escape_html(markdown) + "</p>\n";
    if (options.unmarked) *options.unmarked = html;
    return html;
  }
  Document doc(markdown);
  auto nodes = doc.nodes();
  int shift = 0;
  if (options.top_heading) {
    int shallowest = 7;
    for (cmark_node* n : nodes)
      if (cmark_node_get_type(n) == CMARK_NODE_HEADING)
        shallowest = std::min(shallowest, cmark_node_get_heading_level(n));
    if (shallowest < 7) shift = options.top_heading - shallowest;
  }
  for (cmark_node* n : nodes) {
    if (is_raw_html(n)) {
      cmark_node_free(n);  // omitted, never passed through
    } else if (is_link(n) && !safe_url(cmark_node_get_url(n))) {
      cmark_node_set_url(n, "");
    } else if (cmark_node_get_type(n) == CMARK_NODE_HEADING && shift) {
      int level = cmark_node_get_heading_level(n) + shift;
      cmark_node_set_heading_level(n, std::clamp(level, 1, 6));
    }
  }
  // Every raw HTML node left is one we made from escaped text.
  auto render = [&] {
    char* html = cmark_render_html(doc.root, CMARK_OPT_UNSAFE,
                                   cmark_parser_get_syntax_extensions(doc.parser));
    std::string out = html;
    free(html);
    return out;
  };
  bool marking = options.glossary && options.seen;
  if (options.unmarked) *options.unmarked = render();
  if (!marking) return options.unmarked ? *options.unmarked : render();
  for (cmark_node* n : doc.nodes()) {
    if (cmark_node_get_type(n) != CMARK_NODE_TEXT) continue;
    Place place = place_of(n);
    if (place == Place::none) continue;
    const char* literal = cmark_node_get_literal(n);
    std::string escaped = escape_html(literal ? literal : "");
    std::string marked =
        mark_abbreviations(escaped, *options.glossary, *options.seen, place == Place::text);
    if (marked != escaped) {
      cmark_node* html = cmark_node_new(CMARK_NODE_HTML_INLINE);
      cmark_node_set_literal(html, marked.c_str());
      cmark_node_insert_before(n, html);
      cmark_node_free(n);
    }
  }
  return render();
}

MarkdownScan scan_markdown(std::string_view markdown) {
  MarkdownScan scan;
  scan.refused = markdown_over_limits(markdown);
  if (scan.refused) return scan;
  // Without the extensions, so without the lock: a parser with none never
  // writes cmark-gfm's table of special characters, and what it may read
  // there from a parse with them at the same time only splits its text
  // into more pieces. Links and raw HTML are found as with them (a table's
  // cells are read as a paragraph's text); an autolink ("www.x.org") is not
  // found, but one is always an http(s) or mailto link, as check_url asks.
  // Before, the two threads of a check took turns at the lock: `check` of
  // 5,000 adverts took 1.80-1.97 s, and 1.74-1.81 s without it.
  Document doc(markdown, false);
  for (cmark_node* n : doc.nodes()) {
    MarkdownItem item{"", cmark_node_get_start_line(n), cmark_node_get_start_column(n)};
    if (is_link(n)) {
      const char* url = cmark_node_get_url(n);
      item.text = url ? url : "";
      scan.links.push_back(item);
    } else if (is_raw_html(n)) {
      const char* literal = cmark_node_get_literal(n);
      item.text = literal ? literal : "";
      scan.raw_html.push_back(item);
    }
  }
  return scan;
}

namespace {

// The value of attribute `name` in a tag's attribute text, quoted either way;
// nothing when it has none.
std::optional<std::string> attribute(std::string_view attributes, const std::string& name) {
  std::string lower = lower_ascii(std::string(attributes));
  for (size_t at = lower.find(name); at != std::string::npos; at = lower.find(name, at + 1)) {
    if (at == 0 || !std::isspace(static_cast<unsigned char>(lower[at - 1]))) continue;
    size_t i = lower.find_first_not_of(' ', at + name.size());
    if (i == std::string::npos || lower[i] != '=') continue;
    i = lower.find_first_not_of(' ', i + 1);
    if (i == std::string::npos || (lower[i] != '"' && lower[i] != '\'')) continue;
    size_t close = attributes.find_first_of("\"'", i + 1);
    if (close == std::string::npos) return std::nullopt;
    return std::string(attributes.substr(i + 1, close - i - 1));
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> html_as_markdown(std::string_view line) {
  static const std::set<std::string> dropped = {"p", "u", "span", "div", "font"};
  std::string out;
  std::optional<std::string> link;  // the URL of the <a href> open
  for (size_t i = 0; i < line.size(); ++i) {
    auto tag = html_tag_at(line, i);
    if (!tag) {
      out += line[i];
      continue;
    }
    bool bare = tag->attributes.find_first_not_of(" /") == std::string_view::npos;
    if (tag->end == std::string_view::npos) return std::nullopt;
    if (tag->name == "a" && !tag->closing && !link && (link = attribute(tag->attributes, "href"))) {
      out += "[";
    } else if (tag->name == "a" && tag->closing && link && bare) {
      out += "](" + *link + ")";
      link.reset();
    } else if ((tag->name == "b" || tag->name == "strong") && bare) {
      out += "**";
    } else if ((tag->name == "i" || tag->name == "em") && bare) {
      out += "*";
    } else if (tag->name == "br" && !tag->closing) {
      out += " ";
    } else if (dropped.count(tag->name) && (bare || tag->attributes[0] == ' ')) {
    } else {
      return std::nullopt;  // HTML that Markdown cannot say
    }
    i = tag->end - 1;
  }
  if (link) return std::nullopt;
  out.erase(0, out.find_first_not_of(' '));
  out.erase(out.find_last_not_of(' ') + 1);
  return out;
}
