// Limits on Markdown that cmark-gfm 0.29 would take seconds or minutes to
// convert (its parser is quadratic on a few constructs), found by one cheap
// pass over the text before cmark-gfm sees it. No real advert comes near.
#pragma once

#include <optional>
#include <string>
#include <string_view>

// A word or link longer than this (no space in it): the autolink extension
// scans every "www." and "@" of a word to the word's end.
constexpr int kMaxMarkdownWord = 2000;
constexpr int kMaxWwwInWord = 10;  // "www." in one word
// Block quotes (>) and list items opened on one line: each level costs
// cmark-gfm a pass and the page a tag pair, and none is readable past a few.
constexpr int kMaxNesting = 32;
// Square brackets open at once in one paragraph: each link closed walks back
// over all of them, so "![[]()" repeated is quadratic.
constexpr int kMaxOpenBrackets = 200;
// A table's columns (cmark-gfm reads a row in time quadratic in its cells),
// and the cells of all the tables in one text (short rows are filled out to
// the header's width, so a wide header and many short lines make millions).
constexpr int kMaxTableColumns = 100;
constexpr long kMaxTableCells = 20000;

// What is over a limit: where (1-based, relative to the text) and, in plain
// words, what to do instead.
struct MarkdownLimit {
  int line = 0, col = 0;
  std::string message;
};

// The first limit the text goes over, or nothing.
std::optional<MarkdownLimit> markdown_over_limits(std::string_view text);
