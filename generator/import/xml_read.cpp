// See xml_read.h.
#include "import/xml_read.h"

#include "base/text.h"

std::optional<std::string> parse_xml(const std::string& text, const std::string& name,
                                     pugi::xml_document& doc, unsigned options) {
  std::string lower = lower_ascii(text.substr(0, 1 << 20));
  if (lower.find("<!doctype") != std::string::npos || lower.find("<!entity") != std::string::npos)
    return "its " + name + " declares a DOCTYPE or entities, which no Word or LibreOffice "
           "document does; it was not read";
  // pugixml does no DOCTYPE processing, expands no entity beyond the five
  // predefined ones, and loads nothing from outside the text.
  pugi::xml_parse_result r = doc.load_buffer(text.data(), text.size(), options);
  if (!r)
    return "its " + name + " is damaged (" + r.description() + " at byte " +
           std::to_string(r.offset) + ")";
  return std::nullopt;
}
