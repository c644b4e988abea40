// Making a zip in memory with libzip, for tests and the fuzz target that
// need a document's parts in an archive: each part stored as given.
#pragma once

#include <zip.h>

#include <string>
#include <utility>
#include <vector>

namespace test {

// The zip's bytes, or "" if libzip could not make it.
inline std::string zip_of(const std::vector<std::pair<std::string, std::string>>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* out = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_source_keep(out);
  zip_t* z = zip_open_from_source(out, ZIP_TRUNCATE, &error);
  bool ok = z != nullptr;
  for (auto& [name, text] : parts) {
    zip_source_t* part = ok ? zip_source_buffer_create(text.data(), text.size(), 0, &error) : nullptr;
    ok = part && zip_file_add(z, name.c_str(), part, 0) >= 0;
    if (part && !ok) zip_source_free(part);  // zip_file_add frees it only when added
  }
  std::string bytes;
  if (ok && zip_close(z) == 0) {
    zip_stat_t st;
    if (zip_source_stat(out, &st) == 0 && zip_source_open(out) == 0) {
      bytes.resize(st.size);
      zip_int64_t got = zip_source_read(out, bytes.data(), st.size);
      bytes.resize(got < 0 ? 0 : static_cast<size_t>(got));
      zip_source_close(out);
    }
  } else if (z) {
    zip_discard(z);
  }
  zip_source_free(out);
  zip_error_fini(&error);
  return bytes;
}

}  // namespace test
