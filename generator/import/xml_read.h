// Parsing one XML part of a document with pugixml, refusing a DOCTYPE (and
// so any entity declaration): an Office document never has one, and a file
// that does is either damaged or an attack (billion laughs, external files).
#pragma once

#include <optional>
#include <pugixml.hpp>
#include <string>

// `options`: pugixml's parse flags; the ODF reader keeps whitespace-only text.
std::optional<std::string> parse_xml(const std::string& text, const std::string& name,
                                     pugi::xml_document& doc, unsigned options = pugi::parse_default);

// The attribute `name` of `node`, or "" (pugixml's own default).
inline std::string attr(const pugi::xml_node& node, const char* name) {
  return node.attribute(name).value();
}
