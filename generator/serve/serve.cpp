// The preview server: HTTP from memory with cpp-httplib, live reload by
// Server-Sent Events, the error overlay, and the watch-and-rebuild loop.
#include "serve/serve.h"

#include <httplib.h>
#include <netdb.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <filesystem>
#include <iomanip>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "base/diagnostics.h"
#include "serve/preview.h"
#include "serve/serve_address.h"
#include "serve/serve_guard.h"
#include "serve/serve_http.h"
#include "base/text.h"
#include "serve/watch.h"

namespace fs = std::filesystem;
using namespace std::chrono;

namespace {

constexpr const char* kEventsPath = "__staffroom/events";
// Each live-reload connection holds a worker thread for as long as the page
// is open (httplib 0.11 has no async responses), so they are capped: more
// are refused at once, and ordinary requests always find a worker.
constexpr int kMaxLiveClients = 32;
constexpr auto kHeartbeat = seconds(3);  // also how soon a closed tab frees its worker

// Put before </body> of every preview page.
constexpr const char* kReloadScript = R"(<script>/* Staffroom preview: live reload */
(function () {
  if (!window.EventSource) return;
  var source = new EventSource("/__staffroom/events");
  /* Served path of this page, as the server names it: "vacancies/x/index.html". */
  var path = decodeURIComponent(location.pathname).slice(1);
  if (path === "" || path.slice(-1) === "/") path += "index.html";
  source.addEventListener("reload", function (e) {
    var paths = JSON.parse(e.data).paths || [];
    if (paths.indexOf("*") >= 0 || paths.indexOf(path) >= 0 ||
        document.body.classList.contains("page-not-found") ||
        document.getElementById("staffroom-errors")) location.reload();
  });
  source.addEventListener("error", function (e) {
    if (!e.data) return;  /* the connection dropped: EventSource retries by itself */
    var old = document.getElementById("staffroom-errors");
    if (old) old.parentNode.removeChild(old);
    /* The box the server puts in pages served while the site is broken. */
    var html = JSON.parse(e.data).html;
    if (html) document.body.insertAdjacentHTML("beforeend", html);
  });
})();
</script>
)";

std::vector<std::string> error_lines(const Diagnostics& diags) {
  std::vector<std::string> out;
  for (auto& d : diags.items)
    if (d.severity == Severity::error) out.push_back((d.mark.path.empty() ? "site" : "") + location(d.mark) + ": error: " + d.message);
  return out;
}

// The error box: put in pages served while the site is broken, and sent to
// open pages (which the script puts it in) when it breaks.
std::string overlay_html(const std::vector<std::string>& errors) {
  std::string html =
      "<div id=\"staffroom-errors\" role=\"alert\" style=\"position:fixed;inset:0;"
      "z-index:2147483647;overflow:auto;background:rgba(11,12,12,.94);color:#fff;"
      "font:16px/1.5 system-ui,sans-serif;padding:2rem\"><h2 style=\"margin-top:0;color:#fff\">"
      "The site has errors: this is the last good build</h2>"
      "<ul style=\"font-family:monospace;white-space:pre-wrap\">";
  for (auto& e : errors) html += "<li>" + escape_html(e) + "</li>";
  return html + "</ul><p>Fix the file and save: this page reloads by itself.</p></div>";
}

// Tells every open page what happened. A page that connects later is told
// the current errors at once.
class Events {
 public:
  bool join() {
    std::lock_guard lock(mutex_);
    if (stopping_ || clients_ >= kMaxLiveClients) return false;
    ++clients_;
    return true;
  }
  void leave() {
    std::lock_guard lock(mutex_);
    --clients_;
  }
  void send(const std::string& name, const std::string& data) {
    std::lock_guard lock(mutex_);
    std::string event = "event: " + name + "\ndata: " + data + "\n\n";
    error_ = name == "error" ? event : "";
    recent_.push_back(std::move(event));
    if (recent_.size() > kRecent) recent_.pop_front();
    ++seq_;
    changed_.notify_all();
  }
  // What to write next to a page's stream: the events it has not had, or a
  // comment to check the page is still there; nothing when stopping.
  std::optional<std::string> next(uint64_t& seq, bool first) {
    std::unique_lock lock(mutex_);
    if (first) {
      seq = seq_;
      return "retry: 1000\n\n" + error_;
    }
    changed_.wait_for(lock, kHeartbeat, [&] { return stopping_ || seq_ != seq; });
    if (stopping_) return std::nullopt;
    if (seq_ == seq) return std::string(": ping\n\n");
    std::string out;
    if (seq_ - seq > recent_.size()) out = "event: reload\ndata: {\"paths\":[\"*\"]}\n\n";
    else
      for (size_t i = recent_.size() - (seq_ - seq); i < recent_.size(); ++i) out += recent_[i];
    seq = seq_;
    return out;
  }
  void stop() {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    changed_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  static constexpr size_t kRecent = 16;
  uint64_t seq_ = 0;
  std::deque<std::string> recent_;  // the last events, so a slow page misses none
  std::string error_;
  int clients_ = 0;
  bool stopping_ = false;
};

bool port_in_use(const std::string& host, int port) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE;
  addrinfo* found = nullptr;
  if (getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found) != 0) return false;
  bool in_use = false;
  for (auto* a = found; a; a = a->ai_next) {
    int fd = socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol);
    if (fd < 0) continue;
    int yes = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    if (bind(fd, a->ai_addr, a->ai_addrlen) != 0 && errno == EADDRINUSE) in_use = true;
    close(fd);
  }
  freeaddrinfo(found);
  return in_use;
}

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::optional<std::string> site_path(const std::string& target) {
  std::string raw = target.substr(0, target.find_first_of("?#"));
  if (raw.empty() || raw[0] != '/') return std::nullopt;
  std::string path;
  for (size_t i = 1; i < raw.size(); ++i) {
    unsigned char c = raw[i];
    if (c == '%') {
      int hi = i + 2 < raw.size() ? hex(raw[i + 1]) : -1, lo = hi < 0 ? -1 : hex(raw[i + 2]);
      if (lo < 0) return std::nullopt;
      c = static_cast<unsigned char>(hi * 16 + lo);
      // An escaped dot, slash or backslash only ever serves to sneak past
      // a check like the ones below.
      if (c == '.' || c == '/' || c == '\\' || c < 0x20 || c == 0x7f) return std::nullopt;
      i += 2;
    } else if (c == '\\' || c < 0x20 || c == 0x7f) {
      return std::nullopt;
    }
    path += static_cast<char>(c);
  }
  std::string_view rest = path;
  while (!rest.empty()) {
    auto slash = rest.find('/');
    std::string_view segment = rest.substr(0, slash);
    if (segment == "." || segment == "..") return std::nullopt;
    if (segment.empty()) return std::nullopt;  // "//"
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }
  return path;
}

std::string content_type(const std::string& path) {
  static const std::map<std::string, std::string> types = {
      {".html", "text/html; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".webp", "image/webp"},
      {".ico", "image/x-icon"},
      {".pdf", "application/pdf"},
      {".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
      {".ics", "text/calendar; charset=utf-8"},
      {".xml", "application/xml"},
      {".json", "application/json"},
      {".txt", "text/plain; charset=utf-8"},
  };
  auto name = fs::path(path).filename().string();
  if (name == "feed.xml") return "application/atom+xml";
  if (name == "feed.json") return "application/feed+json";
  std::string ext = lower_ascii(fs::path(path).extension().string());
  auto it = types.find(ext);
  return it == types.end() ? "application/octet-stream" : it->second;
}

struct PreviewServer::Impl {
  ServeOptions options;
  std::string root;  // absolute
  std::unique_ptr<HttpServer> http;
  std::vector<std::string> own;  // the addresses it is reached at, for the Host check
  Events events;
  std::unique_ptr<PreviewSite> site;
  std::unique_ptr<Watcher> watcher;
  std::vector<std::string> theme_folders;
  std::thread listen_thread, watch_thread;
  std::atomic<bool> stopping{false}, started{false};
  std::atomic<unsigned long> builds{0};
  int port = 0;
  std::mutex state_mutex;  // guards overlay
  std::string overlay;     // the error box while the site is broken, else ""
  std::mutex print_mutex;
  std::mutex watcher_mutex;  // stop() wakes the watcher the watch thread may replace

  std::string url() const {
    if (is_loopback_host(options.host)) return address_url(options.host, port);
    return address_url(own.empty() ? "127.0.0.1" : own[0], port);
  }

  void print(std::ostream* to, const std::string& text) {
    std::lock_guard lock(print_mutex);
    *to << text << std::flush;
  }

  void handle(const httplib::Request& req, httplib::Response& res);
  void live_events(httplib::Response& res);
  void rebuild(const std::vector<std::string>& changed, steady_clock::time_point seen);
  void watch_loop();
  void make_watcher();
};

void PreviewServer::Impl::handle(const httplib::Request& req, httplib::Response& res) {
  res.set_header("Cache-Control", "no-store");
  res.set_header("X-Content-Type-Options", "nosniff");
  if (!host_allowed(req.get_header_value("Host"), own)) {  // DNS rebinding
    res.status = 421;
    res.set_header("Connection", "close");
    res.set_content("421 Misdirected Request: open the preview at " + url() + "\n",
                    "text/plain; charset=utf-8");
    return;
  }
  if (req.method != "GET" && req.method != "HEAD") {
    res.status = 405;
    res.set_header("Allow", "GET, HEAD");
    res.set_header("Connection", "close");  // any body it sent is left unread
    res.set_content("405 Method Not Allowed: the preview answers GET and HEAD only.\n",
                    "text/plain; charset=utf-8");
    return;
  }
  auto path = site_path(req.target);
  if (!path) {
    res.status = 400;
    res.set_content("400 Bad Request: that address is not a page of the site.\n",
                    "text/plain; charset=utf-8");
    return;
  }
  if (*path == kEventsPath) return live_events(res);
  std::string box;
  {
    std::lock_guard lock(state_mutex);
    box = overlay;
  }
  auto files = site->files();
  if (!files) {  // the first build failed: nothing good to show yet
    res.status = 503;
    res.set_content("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                    "<title>Staffroom preview: the site has errors</title></head><body>" +
                        box + kReloadScript + "</body></html>\n",
                    "text/html; charset=utf-8");
    return;
  }
  auto send = [&](const std::string& name, const std::string& content, bool ranged) {
    std::string type = content_type(name);
    std::string body = !box.empty() && type.rfind("text/html", 0) == 0
                           ? insert_before_body_end(content, box) : content;
    auto range = ranged ? single_range(req.get_header_value("Range"), body.size()) : std::nullopt;
    if (range) {
      res.status = range->satisfiable ? 206 : 416;
      res.set_header("Content-Range", content_range(*range, body.size()));
      body = range->satisfiable ? body.substr(range->first, range->length) : "";
    }
    res.set_content(std::move(body), type);
  };
  std::string key = path->empty() || path->back() == '/' ? *path + "index.html" : *path;
  if (auto it = files->find(key); it != files->end()) return send(key, *it->second, true);
  if (!path->empty() && path->back() != '/' && files->count(*path + "/index.html")) {
    auto q = req.target.find_first_of("?#");
    std::string raw = req.target.substr(0, q);
    res.set_redirect(raw + "/" + (q == std::string::npos ? "" : req.target.substr(q)), 302);
    return;
  }
  if (auto it = files->find("404.html"); it != files->end()) send("404.html", *it->second, false);
  else res.set_content("404 Not Found\n", "text/plain; charset=utf-8");
  res.status = 404;
}

void PreviewServer::Impl::live_events(httplib::Response& res) {
  if (!events.join()) {
    res.status = 503;
    res.set_header("Retry-After", "10");
    res.set_header("Connection", "close");  // not to hold a worker while idle
    res.set_content("Too many live-reload connections.\n", "text/plain; charset=utf-8");
    return;
  }
  auto seq = std::make_shared<uint64_t>(0);
  auto first = std::make_shared<bool>(true);
  res.set_chunked_content_provider(
      "text/event-stream",
      [this, seq, first](size_t, httplib::DataSink& sink) {
        auto chunk = events.next(*seq, *first);
        *first = false;
        if (!chunk) return false;  // stopping: end the stream
        return sink.write(chunk->data(), chunk->size());  // false once the page is gone
      },
      [this](bool) { events.leave(); });
}

void PreviewServer::Impl::rebuild(const std::vector<std::string>& changed,
                                  steady_clock::time_point seen) {
  // Pages are served, and open browsers told, as soon as they are written.
  std::optional<steady_clock::time_point> first_written;
  PreviewResult r = site->rebuild(changed, [&](const std::vector<std::string>& paths) {
    if (!first_written) {
      first_written = steady_clock::now();
      std::lock_guard lock(state_mutex);
      overlay.clear();
    }
    std::vector<std::string> unique = paths;
    std::sort(unique.begin(), unique.end());
    unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
    events.send("reload", nlohmann::json{{"paths", unique}}.dump());
  });
  auto written = steady_clock::now();
  bool color = options.err == &std::cerr && isatty(2) && !getenv("NO_COLOR");
  if (!r.ok) {
    auto errors = error_lines(r.diags);
    std::string box = overlay_html(errors);
    {
      std::lock_guard lock(state_mutex);
      overlay = box;
    }
    events.send("error", nlohmann::json{{"errors", errors}, {"html", box}}.dump());
    std::ostringstream text;
    print_diagnostics(text, r.diags, root, color);
    text << (site->files() ? "Still serving the last good build: fix the file and save.\n"
                           : "Nothing to serve until the errors are fixed.\n");
    print(options.err, text.str());
    return;
  }
  ++builds;
  // Warnings: on the first build all of them; later, those of the files saved.
  Diagnostics shown;
  for (auto& d : r.diags.items)
    if (changed.empty() || std::find(changed.begin(), changed.end(), d.mark.path) != changed.end())
      shown.items.push_back(d);
  std::ostringstream text;
  if (!shown.items.empty()) print_diagnostics(text, shown, root, color);
  print(options.err, text.str());
  std::ostringstream line;
  line << std::fixed << std::setprecision(1);
  double ms = duration<double, std::milli>(written - seen).count();
  if (changed.empty()) {
    line << "Built " << r.files << " files in " << ms << " ms.\n";
  } else {
    line << "rebuilt " << r.files << " files in " << ms << " ms (change seen -> written)";
    if (!r.full && first_written)  // the adverts' pages are served before the lists are done
      line << "; the adverts' own pages in "
           << duration<double, std::milli>(*first_written - seen).count() << " ms";
    line << "\n";
  }
  print(options.out, line.str());
  if (r.folders != theme_folders) {  // site.yaml chose another theme
    theme_folders = r.folders;
    if (watcher) make_watcher();
  }
}

void PreviewServer::Impl::make_watcher() {
  std::vector<std::string> folders{root + "/content", root + "/themes"};
  for (auto& f : theme_folders) folders.push_back(fs::absolute(f).lexically_normal().string());
  std::sort(folders.begin(), folders.end());
  folders.erase(std::unique(folders.begin(), folders.end()), folders.end());
  auto next = std::make_unique<Watcher>(folders, std::vector<std::string>{root + "/site.yaml"},
                                        options.poll);
  std::lock_guard lock(watcher_mutex);
  watcher = std::move(next);
}

void PreviewServer::Impl::watch_loop() {
  while (!stopping) {
    Changes changes = watcher->wait(milliseconds(500));
    if (stopping) break;
    if (changes.paths.empty()) continue;
    std::vector<std::string> relative;
    for (auto& p : changes.paths) relative.push_back(fs::path(p).lexically_relative(root).string());
    rebuild(relative, changes.seen);
  }
}

PreviewServer::PreviewServer(ServeOptions options) : impl_(std::make_unique<Impl>()) {
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
  Impl& s = *impl_;
  signal(SIGPIPE, SIG_IGN);  // a closed browser tab must not end the process
  std::error_code ec;
  if (!fs::is_directory(s.root, ec)) return "there is no folder " + s.options.site;

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
  if (s.options.port == 0) {
    s.port = s.http->bind_to_any_port(host);
    if (s.port <= 0) return "cannot listen on " + host + ": " + std::strerror(errno);
  } else if (s.http->bind_to_port(host, s.options.port)) {
    s.port = s.options.port;
  } else {
    int p = s.options.port;
    if (port_in_use(host, p))
      return "port " + std::to_string(p) + " is already in use: try --port " +
             std::to_string(p < 65535 ? p + 1 : 8081);
    return "cannot listen on " + host + " port " + std::to_string(p) +
           " (is the --host an address of this computer?)";
  }
  s.http->grow_backlog(1024);
  s.own = reachable_addresses(host);

  BuildOptions build;
  build.now = s.options.now.value_or(0);
  build.drafts = true;
  build.base_url = s.url();
  build.inject_html = kReloadScript;
  s.site = std::make_unique<PreviewSite>(s.root, build, s.options.now.has_value());
  s.rebuild({}, steady_clock::now());

  s.listen_thread = std::thread([&s] { s.http->listen_after_bind(); });
  // stop() does nothing to a server that is not running yet.
  for (int i = 0; i < 5000 && !s.http->is_running(); ++i) std::this_thread::sleep_for(milliseconds(1));
  s.make_watcher();
  s.watch_thread = std::thread([&s] { s.watch_loop(); });
  s.started = true;
  s.print(s.options.out, listen_notice(host, s.port, s.own));
  return std::nullopt;
}

void PreviewServer::stop() {
  Impl& s = *impl_;
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
