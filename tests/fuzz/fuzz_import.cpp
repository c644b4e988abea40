// libFuzzer target: the whole import as `staffroom import` does it (read,
// recognise, write the files' text), in memory, writing nothing. The first
// byte picks what the rest is: 0 a document's bytes as they are (.docx or
// .odt if a zip, else plain text); 1 a .docx's word/document.xml and 2 an
// .odt's content.xml, each put into a fresh zip here, since a change to a
// compressed part inside a real document would only fail its checksum.
#include <cstddef>
#include <cstdint>
#include <string>

#include "../import/zip_make.h"
#include "import/import.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::string bytes = data[0] % 3 == 1 ? test::zip_of({{"word/document.xml", rest}})
                      : data[0] % 3 == 2 ? test::zip_of({{"content.xml", rest}})
                                         : rest;
  ReadLimits limits;  // smaller than the command's, so that each input is quick
  limits.max_entry_bytes = 4u << 20;
  limits.max_total_bytes = 16u << 20;
  ImportResult result;
  import_bytes(bytes, "fuzz.txt", "", "2026-11-30", limits, result);
  return 0;
}
