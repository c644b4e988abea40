// `staffroom import`'s work, apart from the command line: a school's
// document read (read_document: .docx, .odt or .txt), its person specification, job facts and
// duties recognised, and the two files' text made and checked with the
// loader's own parse_spec. Writing the files is the command's.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "import/document.h"
#include "import/found.h"
#include "import/site_find.h"

// The document in `bytes`, whose file name is `name`: a zip is read as a
// .docx or .odt by what it holds, anything else as plain text if the name
// ends in .txt; an encrypted or old-format Word file, or anything else, is
// refused in plain words.
std::optional<std::string> read_document(const std::string& bytes, const std::string& name,
                                         const ReadLimits& limits, ImportDoc& out);

struct ImportResult {
  std::string title, slug;           // slug: as asked, else from the title
  std::string spec_yaml, advert_md;  // the files' text
  FoundSpec spec;
  std::vector<ImportNote> notes;
};

// Nothing when the document was read (even if little was found: see notes),
// else the message. `today` is the advert's posted date (YYYY-MM-DD);
// `site` holds the site's schools and roles, for the advert's school: and
// role: lines (see site_find.h).
std::optional<std::string> import_document(const std::string& path, const std::string& slug,
                                           const std::string& today, const ReadLimits& limits,
                                           ImportResult& out, const SiteNames& site = {});

// The same for a document already in memory, named `name`; nothing is read
// from or written to disk (the fuzz target's entry point).
std::optional<std::string> import_bytes(const std::string& bytes, const std::string& name,
                                        const std::string& slug, const std::string& today,
                                        const ReadLimits& limits, ImportResult& out,
                                        const SiteNames& site = {});
