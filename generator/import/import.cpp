// See import.h.
#include "import/import.h"

#include <filesystem>
#include <fstream>

#include "base/text.h"
#include "import/advert_write.h"
#include "import/docx_read.h"
#include "import/facts_find.h"
#include "import/odt_read.h"
#include "import/spec_find.h"
#include "import/spec_write.h"
#include "import/text_decode.h"
#include "import/txt_read.h"
#include "import/zip_read.h"
#include "load/load.h"

namespace {

std::optional<std::string> read_zip(const std::string& bytes, const ReadLimits& limits, ImportDoc& out) {
  ZipArchive zip;
  if (auto why = zip.open(bytes, limits)) return why;
  if (zip.has("word/document.xml")) return read_docx(zip, limits, out);
  if (zip.has("content.xml")) return read_odt(zip, limits, out);
  return std::string("it has neither word/document.xml nor content.xml inside, so it is not a Word "
                     "(.docx) or LibreOffice (.odt) document");
}

std::optional<std::string> read_file(const std::string& path, const ReadLimits& limits, std::string& out) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return std::string("there is no such file");
  auto size = std::filesystem::file_size(path, ec);
  if (ec) return std::string("it could not be read");
  if (size > limits.max_file_bytes)
    return "it is larger than " + std::to_string(limits.max_file_bytes >> 20) + " MB, far more than a document needs";
  std::ifstream in(path, std::ios::binary);
  out.assign(static_cast<size_t>(size), '\0');
  if (!in.read(out.data(), static_cast<std::streamsize>(size))) return std::string("it could not be read");
  return std::nullopt;
}

// The spec text must load as the contract says; if not, that is a fault here.
void verify(const ImportResult& r, std::vector<ImportNote>& notes) {
  Diagnostics diags;
  parse_spec(r.spec_yaml, "content/specs/" + r.slug + ".yaml", diags);
  for (auto& d : diags.items)
    notes.push_back({"content/specs/" + r.slug + ".yaml:" + std::to_string(d.mark.line),
                     "the written specification has a problem (" + d.message + "); please report it"});
}

}  // namespace

std::optional<std::string> read_document(const std::string& bytes, const std::string& name,
                                         const ReadLimits& limits, ImportDoc& out) {
  std::string kind = file_signature(bytes);
  if (kind == "ole")
    return std::string("it is protected by a password, or is an old Word 97-2003 (.doc) file; "
                       "open it in Word, remove the password or choose File > Save As > Word "
                       "Document (.docx), and import the copy");
  if (kind == "zip") return read_zip(bytes, limits, out);
  if (lower_ascii(std::filesystem::path(name).extension().string()) != ".txt")
    return std::string("it is not a Word (.docx) document, nor a LibreOffice (.odt) or plain text (.txt) one");
  std::string text;
  if (auto why = decode_text(bytes, text)) return why;
  return read_txt(text, limits, out);
}

std::optional<std::string> import_document(const std::string& path, const std::string& slug,
                                           const std::string& today, const ReadLimits& limits,
                                           ImportResult& out, const SiteNames& site) {
  std::string bytes;
  if (auto why = read_file(path, limits, bytes)) return why;
  return import_bytes(bytes, std::filesystem::path(path).filename().string(), slug, today, limits, out,
                      site);
}

std::optional<std::string> import_bytes(const std::string& bytes, const std::string& name,
                                        const std::string& slug, const std::string& today,
                                        const ReadLimits& limits, ImportResult& out,
                                        const SiteNames& site) {
  ImportDoc doc;
  if (auto why = read_document(bytes, name, limits, doc)) return why;
  out.spec = find_spec(doc, out.notes);
  FoundFacts facts = find_facts(doc, out.spec.first_block);
  auto title = facts.values.find("title");
  out.title = title == facts.values.end() ? "" : title->second;
  out.spec.title = out.title;
  out.slug = slug.empty() ? anchor_of(out.title) : slug;
  if (out.slug.empty()) out.slug = anchor_of(std::filesystem::path(name).stem().string());
  out.spec_yaml = spec_yaml(out.spec, name);
  out.advert_md = advert_markdown(doc, facts, out.spec, out.slug, name, today, site);
  if (!out.spec.sections.empty()) verify(out, out.notes);  // none: no specification is written
  return std::nullopt;
}
