// Reading a Word .docx (Office Open XML) into a ImportDoc: word/document.xml
// for the text and tables, word/styles.xml for headings and list styles,
// word/numbering.xml for numbered versus bulleted lists.
#pragma once

#include <optional>
#include <string>

#include "import/document.h"

std::optional<std::string> read_docx(const std::string& path, const ReadLimits& limits,
                                     ImportDoc& out);
