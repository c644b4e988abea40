// Answering one request of the preview: the checks, then a page of the last
// good build from memory, with the live-reload script (and, while the site
// is broken, the error box) put in each HTML page as it is served.
#include "serve/server.h"

#include "base/text.h"
#include "serve/mime.h"
#include "serve/preview_theme.h"
#include "serve/serve_address.h"
#include "serve/serve_guard.h"
#include "serve/site_path.h"

namespace {

constexpr const char* kEventsPath = "__staffroom/events";
constexpr const char* kText = "text/plain; charset=utf-8";

// Refuses, in `res`, what the preview does not answer: another Host (DNS
// rebinding), a method other than GET or HEAD. True when refused.
bool refused(const httplib::Request& req, httplib::Response& res,
             const std::vector<std::string>& own, const std::string& url) {
  if (!host_allowed(req.get_header_value("Host"), own)) {
    res.status = 421;
    res.set_header("Connection", "close");
    res.set_content("421 Misdirected Request: open the preview at " + url + "\n", kText);
    return true;
  }
  if (req.method != "GET" && req.method != "HEAD") {
    res.status = 405;
    res.set_header("Allow", "GET, HEAD");
    res.set_header("Connection", "close");  // any body it sent is left unread
    res.set_content("405 Method Not Allowed: the preview answers GET and HEAD only.\n", kText);
    return true;
  }
  return false;
}

// Sends `content` as the file `name`: HTML with `extra` before </body>, and
// one byte range of it when the request asks and `ranged`.
void send(const httplib::Request& req, httplib::Response& res, const std::string& name,
          const std::string& content, const std::string& extra, bool ranged) {
  std::string type = content_type(name);
  std::string body = type.rfind("text/html", 0) == 0 ? insert_before_body_end(content, extra) : content;
  auto range = ranged ? single_range(req.get_header_value("Range"), body.size()) : std::nullopt;
  if (range) {
    res.status = range->satisfiable ? 206 : 416;
    res.set_header("Content-Range", content_range(*range, body.size()));
    body = range->satisfiable ? body.substr(range->first, range->length) : "";
  }
  res.set_content(std::move(body), type);
}

}  // namespace

std::string Server::page_extra() {
  auto theme = site->preview_theme();
  std::string script = theme ? reload_tag(*theme) : "";
  std::lock_guard lock(state_mutex);
  return script + overlay;
}

void Server::handle(const httplib::Request& req, httplib::Response& res) {
  res.set_header("Cache-Control", "no-store");
  res.set_header("X-Content-Type-Options", "nosniff");
  if (refused(req, res, own, url())) return;
  auto path = site_path(req.target);
  if (!path) {
    res.status = 400;
    res.set_content("400 Bad Request: that address is not a page of the site.\n", kText);
    return;
  }
  if (*path == kEventsPath) return live_events(res);
  std::string extra = page_extra();
  auto files = site->files();
  if (!files) {  // the first build failed: nothing good to show yet
    res.status = 503;
    res.set_content("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                    "<title>Staffroom preview: the site has errors</title></head><body>" +
                        extra + "</body></html>\n",
                    "text/html; charset=utf-8");
    return;
  }
  std::string key = path->empty() || path->back() == '/' ? *path + "index.html" : *path;
  if (auto file = site->find(key)) return send(req, res, key, *file, extra, true);
  if (!path->empty() && path->back() != '/' && site->find(*path + "/index.html")) {
    auto q = req.target.find_first_of("?#");
    std::string raw = req.target.substr(0, q);
    res.set_redirect(raw + "/" + (q == std::string::npos ? "" : req.target.substr(q)), 302);
    return;
  }
  if (auto file = files->find("404.html"))
    send(req, res, "404.html", *file, extra, false);
  else
    res.set_content("404 Not Found\n", kText);
  res.status = 404;
}

void Server::live_events(httplib::Response& res) {
  if (!events.join()) {
    res.status = 503;
    res.set_header("Retry-After", "10");
    res.set_header("Connection", "close");  // not to hold a worker while idle
    res.set_content("Too many live-reload connections.\n", kText);
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
