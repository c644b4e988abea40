// Reading a LibreOffice .odt (OpenDocument text) into an ImportDoc, the same
// plain model the .docx reader makes: content.xml for the text, lists
// (text:list) and tables (spans and covered cells), styles.xml for the named
// styles that say bold, symbol fonts and numbered or bulleted lists.
#pragma once

#include <optional>
#include <string>

#include "import/document.h"
#include "import/zip_read.h"

std::optional<std::string> read_odt(const ZipArchive& zip, const ReadLimits& limits, ImportDoc& out);
