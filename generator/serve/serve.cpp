// Starting and stopping the preview server: binding the port, the first
// build, the listening and watching threads, and Ctrl-C.
#include "serve/serve.h"

#include <signal.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "serve/serve_address.h"
#include "serve/serve_guard.h"
#include "serve/server.h"

namespace fs = std::filesystem;
using namespace std::chrono;

namespace {

// The HTTP server, bound to the host and port asked for; or why it is not.
std::optional<std::string> bind(Server& s) {
  HttpLimits limits;
  limits.header_time = s.options.header_timeout;
  s.http = std::make_unique<HttpServer>(limits);
  s.http->set_keep_alive_max_count(100);
  s.http->set_pre_routing_handler([&s](const httplib::Request& req, httplib::Response& res) {
    s.handle(req, res);
    return httplib::Server::HandlerResponse::Handled;
  });
  // httplib's default adds SO_REUSEPORT, with which a second server would
  // quietly share the port instead of being told it is taken.
  s.http->set_socket_options([](int sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  const std::string& host = s.options.host;
  int p = s.options.port;
  if (p == 0) {
    s.port = s.http->bind_to_any_port(host);
    if (s.port <= 0) return "cannot listen on " + host + ": " + std::strerror(errno);
  } else if (s.http->bind_to_port(host, p)) {
    s.port = p;
  } else if (port_in_use(host, p)) {
    return "port " + std::to_string(p) + " is already in use: try --port " +
           std::to_string(p < 65535 ? p + 1 : 8081);
  } else {
    return "cannot listen on " + host + " port " + std::to_string(p) +
           " (is the --host an address of this computer?)";
  }
  s.http->grow_backlog(1024);
  s.own = reachable_addresses(host);
  return std::nullopt;
}

}  // namespace

std::string Server::url() const {
  if (is_loopback_host(options.host)) return address_url(options.host, port);
  return address_url(own.empty() ? "127.0.0.1" : own[0], port);
}

void Server::print(std::ostream* to, const std::string& text) {
  std::lock_guard lock(print_mutex);
  *to << text << std::flush;
}

PreviewServer::PreviewServer(ServeOptions options) : impl_(std::make_unique<Server>()) {
  impl_->options = std::move(options);
  std::string root = fs::absolute(impl_->options.site).lexically_normal().string();
  while (root.size() > 1 && root.back() == '/') root.pop_back();
  impl_->root = root;
}

PreviewServer::~PreviewServer() { stop(); }

int PreviewServer::port() const { return impl_->port; }
std::string PreviewServer::url() const { return impl_->url(); }
unsigned long PreviewServer::builds() const { return impl_->builds; }

std::optional<std::string> PreviewServer::start() {
  Server& s = *impl_;
  signal(SIGPIPE, SIG_IGN);  // a closed browser tab must not end the process
  std::error_code ec;
  if (!fs::is_directory(s.root, ec)) return "there is no folder " + s.options.site;
  if (auto error = bind(s)) return error;

  BuildOptions build;
  build.now = s.options.now.value_or(0);
  build.drafts = true;
  build.base_url = s.url();
  s.site = std::make_unique<PreviewSite>(s.root, build, s.options.now.has_value());
  s.make_watcher();  // first, so that a save during the first build is seen
  s.rebuild({}, steady_clock::now());

  s.listen_thread = std::thread([&s] { s.http->listen_after_bind(); });
  // stop() does nothing to a server that is not running yet.
  for (int i = 0; i < 5000 && !s.http->is_running(); ++i) std::this_thread::sleep_for(milliseconds(1));
  s.watch_thread = std::thread([&s] { s.watch_loop(); });
  s.started = true;
  s.print(s.options.out, listen_notice(s.options.host, s.port, s.own));
  return std::nullopt;
}

void PreviewServer::stop() {
  Server& s = *impl_;
  if (!s.started.exchange(false)) return;
  s.stopping = true;
  {
    std::lock_guard lock(s.watcher_mutex);
    if (s.watcher) s.watcher->wake();
  }
  if (s.watch_thread.joinable()) s.watch_thread.join();
  s.events.stop();  // ends the live-reload streams, freeing their workers
  s.http->stop();
  if (s.listen_thread.joinable()) s.listen_thread.join();
}

int serve(const ServeOptions& options) {
  // Ctrl-C is taken by sigwait() below rather than a handler: the threads
  // started next inherit the blocked mask, so only this thread sees it.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  PreviewServer server(options);
  if (auto error = server.start()) {
    *options.err << "staffroom serve: error: " << *error << "\n";
    return 2;
  }
  int signal_number = 0;
  sigwait(&stop_signals, &signal_number);
  *options.out << "\nStopping." << std::endl;
  server.stop();
  return 0;
}
