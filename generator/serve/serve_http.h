// The preview's HTTP server: cpp-httplib's, with each connection run by
// our own loop so that no client can hold the server. Each request's line
// and headers are read through a guarded stream (a cap on their bytes, a
// deadline to send them), replies go out at once (TCP_NODELAY), and
// connections run on a pool that grows as they come, so slow or idle
// clients and open live-reload pages never take the last worker.
#pragma once

#include <httplib.h>

#include <chrono>
#include <cstddef>

struct HttpLimits {
  size_t header_bytes = 64 * 1024;  // a request's line and headers together
  std::chrono::milliseconds header_time{5000};  // to send them, once begun
  std::chrono::milliseconds keep_alive{2000};   // an idle connection is closed after
  size_t workers = 1024;  // connections served at once; more wait their turn
};

// What each accepted connection's socket is set to before its first
// request: replies go out at once (TCP_NODELAY). Without it each reply on a
// kept-alive connection waited ~40 ms for the browser's delayed ACK
// (Nagle's algorithm holds back the body). False if it could not be set.
bool prepare_connection(int sock);

// It uses httplib's error handler and logger itself (to answer a request
// cut off, and to close after "Connection: close"): do not set others. The
// Range header is left to the handler: httplib's own ranges are cleared.
class HttpServer : public httplib::Server {
 public:
  explicit HttpServer(HttpLimits limits);
  // httplib listens with a backlog of 5; a burst of connections needs more.
  void grow_backlog(int n);

 private:
  bool process_and_close_socket(socket_t sock) override;
  HttpLimits limits_;
};
