// The words the theme and the generator write for people, in one language:
// themes/<theme>/i18n/<language>.yaml (en-GB.yaml, cy.yaml), loaded and
// checked here. Templates see them as `t` ({{t.facts.closing_date}}); the
// generator's own phrases (dates, pay, counts, statuses) are made from them
// by render/words_text.h.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <kainjow/mustache.hpp>

#include "base/diagnostics.h"

struct Words {
  std::string language;  // as the file is named: "cy", "en-GB"
  std::string file;      // as shown in messages
  std::map<std::string, std::string> entries;  // "facts.closing_date" -> "Closing date"
  kainjow::mustache::data data{kainjow::mustache::data::type::object};  // {t: {facts: {...}}}

  // The words of `key` ("" when the file has none: a loaded file has them all).
  const std::string& operator[](const std::string& key) const;
  // `key`'s words with each {name} replaced: fill("hours.per_week", {{"n", "32.5"}}).
  std::string fill(const std::string& key,
                   const std::vector<std::pair<std::string, std::string>>& values) const;
  // `key`.one or `key`.other (with {n}): "1 open vacancy", "3 swydd wag ar agor".
  std::string count(size_t n, const std::string& key) const;
};

// Reads every i18n/*.yaml of `folders` (the default theme's, then the
// site's own theme folder, whose file of a language replaces the default's).
// Each is checked against the default theme's en-GB.yaml: a key it lacks is
// an error naming the key and the file; one en-GB.yaml lacks is an error at
// the key. `root` is the site folder, for the names in messages.
std::map<std::string, std::shared_ptr<const Words>> load_words(
    const std::string& root, const std::vector<std::string>& folders, Diagnostics& diags);

// The default theme's English: for contexts made without a theme (tests).
const Words& default_words();

// The words for `language` among `all`: the same tag, else the same
// language ("cy-GB" -> "cy", "en" -> "en-GB"); nullptr when none.
const Words* words_for(const std::map<std::string, std::shared_ptr<const Words>>& all,
                       const std::string& language);
