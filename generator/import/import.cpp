// See import.h.
#include "import/import.h"

#include <filesystem>

#include "base/text.h"
#include "import/advert_write.h"
#include "import/docx_read.h"
#include "import/facts_find.h"
#include "import/spec_find.h"
#include "import/spec_write.h"
#include "import/zip_read.h"
#include "load/load.h"

std::optional<std::string> read_document(const std::string& path, const ReadLimits& limits,
                                         ImportDoc& out) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return std::string("there is no such file");
  std::string kind = file_signature(path);
  if (kind == "ole")
    return std::string("it is protected by a password, or is an old Word 97-2003 (.doc) file; "
                       "open it in Word, remove the password or choose File > Save As > Word "
                       "Document (.docx), and import the copy");
  if (kind != "zip") return std::string("it is not a Word (.docx) document");
  return read_docx(path, limits, out);
}

namespace {

// The spec text must load as the contract says; if not, that is a fault here.
void verify(const ImportResult& r, std::vector<ImportNote>& notes) {
  Diagnostics diags;
  parse_spec(r.spec_yaml, "content/specs/" + r.slug + ".yaml", diags);
  for (auto& d : diags.items)
    notes.push_back({"content/specs/" + r.slug + ".yaml:" + std::to_string(d.mark.line),
                     "the written specification has a problem (" + d.message + "); please report it"});
}

}  // namespace

std::optional<std::string> import_document(const std::string& path, const std::string& slug,
                                           const std::string& today, const ReadLimits& limits,
                                           ImportResult& out) {
  ImportDoc doc;
  if (auto why = read_document(path, limits, doc)) return why;
  std::string source = std::filesystem::path(path).filename().string();
  out.spec = find_spec(doc, out.notes);
  FoundFacts facts = find_facts(doc, out.spec.first_block);
  auto title = facts.values.find("title");
  out.title = title == facts.values.end() ? "" : title->second;
  out.spec.title = out.title;
  out.slug = slug.empty() ? anchor_of(out.title) : slug;
  if (out.slug.empty()) out.slug = anchor_of(std::filesystem::path(path).stem().string());
  out.spec_yaml = spec_yaml(out.spec, source);
  out.advert_md = advert_markdown(doc, facts, out.spec, out.slug, source, today);
  verify(out, out.notes);
  return std::nullopt;
}
