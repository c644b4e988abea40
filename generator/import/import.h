// `staffroom import`'s work, apart from the command line: a school's
// document read (read_document), its person specification, job facts and
// duties recognised, and the two files' text made and checked with the
// loader's own parse_spec. Writing the files is the command's.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "import/document.h"
#include "import/found.h"

// A .docx (or, by its first bytes, any Office Open XML file); refuses an
// encrypted or old-format Word file, anything else, in plain words.
std::optional<std::string> read_document(const std::string& path, const ReadLimits& limits,
                                         ImportDoc& out);

struct ImportResult {
  std::string title, slug;           // slug: as asked, else from the title
  std::string spec_yaml, advert_md;  // the files' text
  FoundSpec spec;
  std::vector<ImportNote> notes;
};

// Nothing when the document was read (even if little was found: see notes),
// else the message. `today` is the advert's posted date (YYYY-MM-DD).
std::optional<std::string> import_document(const std::string& path, const std::string& slug,
                                           const std::string& today, const ReadLimits& limits,
                                           ImportResult& out);
