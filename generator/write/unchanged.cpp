// Comparing a file's bytes without loading it whole; see unchanged.h.
#include "write/unchanged.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace {

// An open file, closed at the end of the scope.
struct Fd {
  int fd;
  // A symbolic link is never followed: link() would link the link itself.
  explicit Fd(const std::string& path) : fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) {}
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

// Its size when `fd` is a regular file, else -1.
off_t regular_size(int fd) {
  struct stat st;
  if (fd < 0 || ::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) return -1;
  return st.st_size;
}

// Reads up to `n` bytes, going on after short reads; how many were read, or -1.
ssize_t read_full(int fd, char* buf, size_t n) {
  size_t done = 0;
  while (done < n) {
    ssize_t got = ::read(fd, buf + done, n - done);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return -1;
    if (got == 0) break;
    done += static_cast<size_t>(got);
  }
  return static_cast<ssize_t>(done);
}

constexpr size_t kChunk = 1 << 16;

}  // namespace

bool file_holds(const std::string& file, std::string_view content) {
  Fd f(file);
  if (regular_size(f.fd) != static_cast<off_t>(content.size())) return false;
  thread_local std::vector<char> buf(kChunk);
  size_t at = 0;
  while (at < content.size()) {
    size_t want = std::min(kChunk, content.size() - at);
    if (read_full(f.fd, buf.data(), want) != static_cast<ssize_t>(want)) return false;
    if (std::memcmp(buf.data(), content.data() + at, want) != 0) return false;
    at += want;
  }
  char extra;
  return read_full(f.fd, &extra, 1) == 0;  // it did not grow while being read
}

bool same_file_bytes(const std::string& a, const std::string& b) {
  Fd fa(a), fb(b);
  off_t size = regular_size(fa.fd);
  if (size < 0 || regular_size(fb.fd) != size) return false;
  thread_local std::vector<char> ba(kChunk), bb(kChunk);
  for (;;) {
    ssize_t na = read_full(fa.fd, ba.data(), kChunk);
    ssize_t nb = read_full(fb.fd, bb.data(), kChunk);
    if (na < 0 || na != nb) return false;
    if (na == 0) return true;
    if (std::memcmp(ba.data(), bb.data(), static_cast<size_t>(na)) != 0) return false;
  }
}
