// Reading YAML's text before and after yaml-cpp does: a plain pass that
// refuses what yaml-cpp would take seconds over or misread (see prescan),
// and yaml-cpp's complaints explained in words that name the fix.
#pragma once

#include <optional>
#include <string>

#include <yaml-cpp/exceptions.h>

constexpr int kMaxYamlDepth = 64;  // no real document comes near

// Two things are found by a plain pass over the text before yaml-cpp sees
// it. A quote never closed: yaml-cpp quietly takes the rest of the file as
// its text. And deep flow nesting: yaml-cpp's scanner reads a whole flow collection ("[[[[...") ahead before
// its parser sees any of it, which takes seconds and hundreds of MB for a
// megabyte of '['. So flow nesting is measured first by a plain pass over
// the text: quoted text, comments and block scalars are skipped, and a '['
// or '{' counts only where a value may start (not inside plain words).
struct Problem {
  int line, col;
  std::string message;
};

std::optional<Problem> prescan(const std::string& text);

// yaml-cpp's complaint, in words that name the fix where the text shows
// what went wrong. Lines are the text's, 1-based; `first_line` is the
// file's line the text starts on, for the words.
Problem explain(const std::string& text, const YAML::Exception& e, int first_line);
