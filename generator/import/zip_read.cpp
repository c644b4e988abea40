// See zip_read.h.
#include "import/zip_read.h"

#include <zip.h>

namespace {

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
    if ((st.valid & ZIP_STAT_SIZE) && st.size > limits.max_entry_bytes)
      return std::string("a part of it unpacks to more than ") +
             std::to_string(limits.max_entry_bytes >> 20) + " MB, far more than a document needs";
    if (st.valid & ZIP_STAT_SIZE) total += st.size;
  }
  if (total > limits.max_total_bytes)
    return std::string("it unpacks to more than ") + std::to_string(limits.max_total_bytes >> 20) +
           " MB, far more than a document needs";
  return std::nullopt;
}

}  // namespace

void ZipArchive::Closer::operator()(zip* z) const { zip_discard(z); }

std::string file_signature(const std::string& bytes) {
  auto b = [&](size_t i) { return i < bytes.size() ? static_cast<unsigned char>(bytes[i]) : 0u; };
  if (b(0) == 'P' && b(1) == 'K') return "zip";
  if (b(0) == 0xD0 && b(1) == 0xCF && b(2) == 0x11 && b(3) == 0xE0) return "ole";
  return "";
}

std::optional<std::string> ZipArchive::open(const std::string& bytes, const ReadLimits& limits) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!src) {
    zip_error_fini(&error);
    return std::string("it could not be read");
  }
  zip_.reset(zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &error));
  int code = zip_error_code_zip(&error);
  zip_error_fini(&error);
  if (!zip_) {
    zip_source_free(src);
    return zip_open_error(code);
  }
  return check_directory(zip_.get(), limits);
}

bool ZipArchive::has(const std::string& name) const {
  return zip_ && zip_name_locate(zip_.get(), name.c_str(), 0) >= 0;
}

std::optional<std::string> ZipArchive::read(const std::string& name, const ReadLimits& limits,
                                            std::string& out) const {
  zip_int64_t index = zip_ ? zip_name_locate(zip_.get(), name.c_str(), 0) : -1;
  if (index < 0) return "it has no " + name + " inside, so it is not a document Staffroom can read";
  zip_file_t* f = zip_fopen_index(zip_.get(), index, 0);
  if (!f) return std::string("its ") + name + " could not be unpacked (" + zip_strerror(zip_.get()) + ")";
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
