// One LibreOffice paragraph (text:p, or text:h with its outline level) as a
// DocParagraph: its text with spans, spaces (text:s), tabs and line breaks,
// bold from the paragraph's or a span's style, symbol-font ticks as Unicode.
// The list level and kind are the caller's, who knows the enclosing lists.
#pragma once

#include <pugixml.hpp>

#include "import/document.h"
#include "import/odt_styles.h"

DocParagraph read_odt_paragraph(const pugi::xml_node& p, const OdtStyles& styles);
