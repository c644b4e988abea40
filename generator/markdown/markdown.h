// GitHub-flavoured Markdown through cmark-gfm (tables, strikethrough,
// autolinks, tag filter). Raw HTML is always left out, never passed through.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/text.h"
#include "markdown/markdown_limits.h"

struct MarkdownOptions {
  // The level the document's shallowest heading becomes (the rest keep
  // their distance below it), so an outline never skips a level whether a
  // school starts its headings at # or ##. 0 leaves headings as written.
  int top_heading = 0;
  const Glossary* glossary = nullptr;   // mark abbreviations (mark_abbreviations)
  std::set<std::string>* seen = nullptr;  // abbreviations the page has marked
  // Also the HTML before abbreviations are marked (for JSON-LD), from the
  // same parse.
  std::string* unmarked = nullptr;
};

// Text over one of markdown_limits.h's limits is not parsed: it comes out
// escaped, as one paragraph (validation has refused it already).
std::string markdown_to_html(std::string_view markdown,
                             const MarkdownOptions& options = {});

// A link with no scheme ("/jobs/", "#duties", "form.docx").
bool is_relative_url(const std::string& url);

// What validation needs to know of a Markdown text: its links and where raw
// HTML was written, each with 1-based line and column relative to the text.
struct MarkdownItem {
  std::string text;  // a link's URL, or the raw HTML
  int line = 0, col = 0;
};
struct MarkdownScan {
  std::vector<MarkdownItem> links, raw_html;
  std::optional<MarkdownLimit> refused;  // when over a limit, and not parsed
};
MarkdownScan scan_markdown(std::string_view markdown);

// `line` with its simple HTML (bold, italics, links, line breaks,
// paragraphs) written as Markdown, for a message to show; nothing when it
// has HTML that Markdown cannot say.
std::optional<std::string> html_as_markdown(std::string_view line);
