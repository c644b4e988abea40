// See zip_read.h.
#include "import/zip_read.h"

#include <zip.h>

#include <fstream>
#include <memory>

namespace {

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
using Zip = std::unique_ptr<zip_t, ZipCloser>;

std::string zip_open_error(int code) {
  if (code == ZIP_ER_NOZIP || code == ZIP_ER_INCONS)
    return "it is not a Word (.docx) or LibreOffice (.odt) document, or it is damaged";
  if (code == ZIP_ER_OPEN || code == ZIP_ER_READ) return "it could not be read";
  zip_error_t e;
  zip_error_init_with_code(&e, code);
  std::string why = zip_error_strerror(&e);
  zip_error_fini(&e);
  return "it is damaged (" + why + ")";
}

// The archive's own directory, checked before anything is inflated.
std::optional<std::string> check_directory(zip_t* z, const ReadLimits& limits) {
  zip_int64_t n = zip_get_num_entries(z, 0);
  if (n < 0 || static_cast<size_t>(n) > limits.max_entries)
    return "it holds " + std::to_string(n) + " files, more than a document would (" +
           std::to_string(limits.max_entries) + " at most)";
  size_t total = 0;
  for (zip_int64_t i = 0; i < n; ++i) {
    zip_stat_t st;
    if (zip_stat_index(z, i, 0, &st) != 0) return std::string("it is damaged");
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
      return std::string("it is protected by a password; save a copy without the password and import that");
    if (st.valid & ZIP_STAT_SIZE) total += st.size;
    if ((st.valid & ZIP_STAT_SIZE) && st.size > limits.max_entry_bytes)
      return std::string("a part of it unpacks to more than ") +
             std::to_string(limits.max_entry_bytes >> 20) + " MB, far more than a document needs";
  }
  if (total > limits.max_total_bytes)
    return std::string("it unpacks to more than ") + std::to_string(limits.max_total_bytes >> 20) +
           " MB, far more than a document needs";
  return std::nullopt;
}

}  // namespace

std::string file_signature(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  unsigned char b[4] = {0, 0, 0, 0};
  in.read(reinterpret_cast<char*>(b), 4);
  if (b[0] == 'P' && b[1] == 'K') return "zip";
  if (b[0] == 0xD0 && b[1] == 0xCF && b[2] == 0x11 && b[3] == 0xE0) return "ole";
  return "";
}

std::optional<std::string> read_zip_entry(const std::string& path, const std::string& name,
                                          const ReadLimits& limits, std::string& out) {
  int code = 0;
  Zip z(zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &code));
  if (!z) return zip_open_error(code);
  if (auto why = check_directory(z.get(), limits)) return why;
  zip_int64_t index = zip_name_locate(z.get(), name.c_str(), 0);
  if (index < 0) return "it has no " + name + " inside, so it is not a document Staffroom can read";
  zip_file_t* f = zip_fopen_index(z.get(), index, 0);
  if (!f) return std::string("its ") + name + " could not be unpacked (" + zip_strerror(z.get()) + ")";
  out.clear();
  char buf[65536];
  zip_int64_t got;
  while ((got = zip_fread(f, buf, sizeof buf)) > 0) {
    out.append(buf, static_cast<size_t>(got));
    if (out.size() > limits.max_entry_bytes) {  // the directory understated the size
      zip_fclose(f);
      return std::string("a part of it unpacks to more than its stated size; it may be a zip bomb");
    }
  }
  bool failed = got < 0;
  zip_fclose(f);
  if (failed) return std::string("its ") + name + " is damaged and could not be unpacked";
  return std::nullopt;
}
