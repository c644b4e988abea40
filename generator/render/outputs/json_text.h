// JSON strings written in one pass. nlohmann's serializer decodes each byte
// as UTF-8 on its way out; for the longest texts (an advert's description in
// its JSON-LD, a card in the search index) that was most of the JSON's cost.
#pragma once

#include <string>
#include <string_view>

// `text` as a JSON string, in quotes, escaped as nlohmann's dump() escapes
// it (non-ASCII kept as it is); with `in_script`, '<', '>' and '&' also as
// \u003c, \u003e and \u0026, so that nothing in it can close a <script>.
// Text that is not valid UTF-8 goes through nlohmann, which replaces what
// is invalid with U+FFFD.
std::string json_string(std::string_view text, bool in_script = false);

// JSON text made safe inside a <script> element: '<', '>' and '&' occur
// only inside its strings, so each is written as its \u escape.
std::string script_safe(std::string_view json);

// `json`, a dumped object, with the empty string given as the value of its
// first `key` ("key":"") replaced by `value`, JSON text: how a long value
// written by json_string() goes into an object nlohmann writes.
std::string with_value(const std::string& json, std::string_view key, std::string_view value);
