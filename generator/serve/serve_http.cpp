// The preview's HTTP connections: the guarded stream, the growing pool and
// the keep-alive loop; see serve_http.h.
#include "serve/serve_http.h"

#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

using namespace std::chrono;

namespace {

// Why a connection was cut short.
enum class Cut { no, too_big, too_slow };

int wait_for(int sock, short events, long long ms) {
  pollfd p{sock, events, 0};
  int r;
  do r = poll(&p, 1, static_cast<int>(std::max(0LL, ms)));
  while (r < 0 && errno == EINTR);
  return r;
}

void address_of(int sock, bool peer, std::string& ip, int& port) {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  int r = peer ? getpeername(sock, reinterpret_cast<sockaddr*>(&addr), &len)
               : getsockname(sock, reinterpret_cast<sockaddr*>(&addr), &len);
  char host[NI_MAXHOST], serv[NI_MAXSERV];
  if (r == 0 && getnameinfo(reinterpret_cast<sockaddr*>(&addr), len, host, sizeof host, serv,
                            sizeof serv, NI_NUMERICHOST | NI_NUMERICSERV) == 0) {
    ip = host;
    port = std::atoi(serv);
  }
}

// A connection's socket, read through a buffer. Each request may read so
// many bytes in so much time: httplib 0.11 reads any number of headers,
// and waits for each byte anew, so without this one request could take
// all memory, or a worker for ever.
class GuardedStream : public httplib::Stream {
 public:
  GuardedStream(int sock, const HttpLimits& limits, long long write_ms)
      : sock_(sock), limits_(limits), write_ms_(write_ms) {}

  // Waits, up to the keep-alive time, for the next request to begin, then
  // starts its allowance. False when none comes or the server stops.
  bool next_request(const std::atomic<socket_t>& server) {
    auto until = steady_clock::now() + limits_.keep_alive;
    while (pos_ == end_ && server != INVALID_SOCKET) {
      auto left = duration_cast<milliseconds>(until - steady_clock::now()).count();
      if (left <= 0) return false;
      int ready = wait_for(sock_, POLLIN, std::min<long long>(left, 50));
      if (ready < 0) return false;
      if (ready > 0) break;
    }
    if (server == INVALID_SOCKET) return false;
    budget_ = limits_.header_bytes;
    deadline_ = steady_clock::now() + limits_.header_time;
    return true;
  }
  Cut cut() const { return cut_; }
  bool close_after = false;  // the response said "Connection: close"

  bool is_readable() const override { return pos_ < end_ || wait_for(sock_, POLLIN, left_ms()) > 0; }
  bool is_writable() const override { return wait_for(sock_, POLLOUT, write_ms_) > 0; }
  ssize_t read(char* ptr, size_t size) override {
    if (budget_ == 0) {
      cut_ = Cut::too_big;
      return -1;
    }
    if (pos_ == end_) {
      if (wait_for(sock_, POLLIN, left_ms()) <= 0) {
        if (steady_clock::now() >= deadline_) cut_ = Cut::too_slow;
        return -1;
      }
      ssize_t n;
      do n = recv(sock_, buffer_, sizeof buffer_, 0);
      while (n < 0 && errno == EINTR);
      if (n <= 0) return n;
      pos_ = 0;
      end_ = static_cast<size_t>(n);
    }
    size_t n = std::min({size, end_ - pos_, budget_});
    std::memcpy(ptr, buffer_ + pos_, n);
    pos_ += n;
    budget_ -= n;
    return static_cast<ssize_t>(n);
  }
  ssize_t write(const char* ptr, size_t size) override {
    if (!is_writable()) return -1;
    ssize_t n;
    do n = send(sock_, ptr, size, MSG_NOSIGNAL);
    while (n < 0 && errno == EINTR);
    return n;
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    address_of(sock_, true, ip, port);
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    address_of(sock_, false, ip, port);
  }
  socket_t socket() const override { return sock_; }

 private:
  long long left_ms() const {
    return duration_cast<milliseconds>(deadline_ - steady_clock::now()).count();
  }
  int sock_;
  const HttpLimits& limits_;
  long long write_ms_;
  char buffer_[4096];
  size_t pos_ = 0, end_ = 0;
  size_t budget_ = 0;
  steady_clock::time_point deadline_;
  Cut cut_ = Cut::no;
};

// Before closing a connection the client may still be sending on (headers
// cut off, a body not read): says it is done, then reads and drops what
// comes for a moment. Closed with unread data, the socket would reset the
// connection, and the client lose the answer it was sent.
void drain(int sock) {
  shutdown(sock, SHUT_WR);
  auto until = steady_clock::now() + milliseconds(500);
  char scrap[4096];
  for (size_t dropped = 0; dropped < 256 * 1024;) {
    auto left = duration_cast<milliseconds>(until - steady_clock::now()).count();
    if (left <= 0 || wait_for(sock, POLLIN, left) <= 0) return;
    ssize_t n = recv(sock, scrap, sizeof scrap, 0);
    if (n <= 0) return;
    dropped += static_cast<size_t>(n);
  }
}

// The connection this thread is serving, for the error handler and logger.
thread_local GuardedStream* current = nullptr;

// Workers made as connections need them, up to a limit, and kept for the
// next ones: a fixed pool of 64 was taken whole by 64 slow clients.
class GrowingPool : public httplib::TaskQueue {
 public:
  explicit GrowingPool(size_t limit) : limit_(limit) {}
  void enqueue(std::function<void()> fn) override {
    std::lock_guard lock(mutex_);
    jobs_.push_back(std::move(fn));
    if (idle_ < jobs_.size() && threads_.size() < limit_) threads_.emplace_back([this] { work(); });
    ready_.notify_one();
  }
  void shutdown() override {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    ready_.notify_all();
    for (auto& t : threads_) t.join();
  }

 private:
  void work() {
    for (;;) {
      std::function<void()> fn;
      {
        std::unique_lock lock(mutex_);
        ++idle_;
        ready_.wait(lock, [&] { return stopping_ || !jobs_.empty(); });
        --idle_;
        if (jobs_.empty()) return;  // stopping
        fn = std::move(jobs_.front());
        jobs_.pop_front();
      }
      fn();
    }
  }
  size_t limit_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> jobs_;
  std::vector<std::thread> threads_;
  size_t idle_ = 0;
  bool stopping_ = false;
};

}  // namespace

HttpServer::HttpServer(HttpLimits limits) : limits_(limits) {
  new_task_queue = [limit = limits.workers] { return new GrowingPool(limit); };
  // A request cut off gets a short answer in plain words, then the
  // connection is closed.
  set_error_handler(HandlerWithResponse([this](const httplib::Request&, httplib::Response& res) {
    if (!current || current->cut() == Cut::no) return HandlerResponse::Unhandled;
    bool big = current->cut() == Cut::too_big;
    res.status = big ? 431 : 408;
    res.set_header("Connection", "close");
    res.set_content(big ? "431 Request Header Fields Too Large: the preview accepts " +
                              std::to_string(limits_.header_bytes / 1024) + " KB of headers.\n"
                        : std::string("408 Request Timeout: the request took too long to arrive.\n"),
                    "text/plain; charset=utf-8");
    return HandlerResponse::Handled;
  }));
  set_logger([](const httplib::Request&, const httplib::Response& res) {
    if (current && res.get_header_value("Connection") == "close") current->close_after = true;
  });
}

void HttpServer::grow_backlog(int n) { ::listen(svr_sock_, n); }

bool prepare_connection(int sock) {
  int yes = 1;
  return setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes) == 0;
}

bool HttpServer::process_and_close_socket(socket_t sock) {
  prepare_connection(sock);
  GuardedStream stream(sock, limits_, write_timeout_sec_ * 1000 + write_timeout_usec_ / 1000);
  current = &stream;
  bool ok = false;
  for (size_t left = keep_alive_max_count_; left > 0 && stream.next_request(svr_sock_); --left) {
    bool closed = false;
    // The handler answers Range itself (see single_range): httplib's own
    // would answer each of a thousand ranges in full.
    ok = process_request(stream, left == 1, closed, [](httplib::Request& req) { req.ranges.clear(); });
    if (!ok || closed || stream.close_after || stream.cut() != Cut::no) break;
  }
  current = nullptr;
  if (stream.cut() != Cut::no || stream.close_after) drain(sock);
  shutdown(sock, SHUT_RDWR);
  close(sock);
  return ok;
}
