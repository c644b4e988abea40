// Reading a Word .docx (Office Open XML) into a ImportDoc: word/document.xml
// for the text and tables, word/styles.xml for headings and list styles,
// word/numbering.xml for numbered versus bulleted lists.
#pragma once

#include <optional>
#include <string>

#include "import/document.h"
#include "import/zip_read.h"

std::optional<std::string> read_docx(const ZipArchive& zip, const ReadLimits& limits, ImportDoc& out);
