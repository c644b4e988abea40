// Checks the preview server makes on a request before answering it: that
// its Host names this computer (so a web page cannot read drafts through
// DNS rebinding), and which one byte range, if any, it may have.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

// True for a --host that only this computer can reach: "127.0.0.1" (and the
// rest of 127/8), "::1", "localhost".
bool is_loopback_host(const std::string& host);

// True when a Host header ("localhost:8080", "127.0.0.1", "[::1]:8080")
// names loopback or one of `own`, the addresses the server was started on
// (IPv6 ones without brackets). No Host at all (HTTP/1.0) is let through:
// browsers, and so rebinding attacks, always send one.
bool host_allowed(const std::string& host, const std::vector<std::string>& own);

// What a Range header asks of a file of `size` bytes.
struct ByteRange {
  bool satisfiable = true;  // false: answer 416
  size_t first = 0, length = 0;
};
// Nothing for the whole file: no Range, one the server need not honour
// (not "bytes=", malformed), or more than one range (RFC 9110 lets a server
// ignore Range; answering each of many ranges is how one small request used
// to get a response hundreds of times the file). Otherwise the one range,
// cut to the file's end.
std::optional<ByteRange> single_range(const std::string& header, size_t size);
// "bytes 0-9/120", or "bytes */120" for an unsatisfiable range.
std::string content_range(const ByteRange& range, size_t size);
