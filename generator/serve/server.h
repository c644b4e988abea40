// The running preview server's state and its three jobs, one file each:
// answering requests (respond.cpp), rebuilding on a save (rebuild.cpp), and
// starting and stopping (serve.cpp).
#pragma once

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <ostream>
#include <string>
#include <thread>
#include <vector>

#include "serve/events.h"
#include "serve/options.h"
#include "serve/preview.h"
#include "serve/serve_http.h"
#include "serve/watch.h"

struct Server {
  ServeOptions options;
  std::string root;  // absolute
  std::unique_ptr<HttpServer> http;
  std::vector<std::string> own;  // the addresses it is reached at, for the Host check
  Events events;
  std::unique_ptr<PreviewSite> site;
  std::unique_ptr<Watcher> watcher;
  std::vector<std::string> theme_folders;
  Changes carried;  // seen by a watcher just replaced, for the next rebuild
  std::thread listen_thread, watch_thread;
  std::atomic<bool> stopping{false}, started{false};
  std::atomic<unsigned long> builds{0};
  int port = 0;
  std::mutex state_mutex;  // guards overlay
  std::string overlay;     // the error box while the site is broken, else ""
  std::mutex print_mutex;
  std::mutex watcher_mutex;  // stop() wakes the watcher the watch thread may replace

  std::string url() const;
  void print(std::ostream* to, const std::string& text);

  // respond.cpp: one request's answer, from the last good build.
  void handle(const httplib::Request& req, httplib::Response& res);
  void live_events(httplib::Response& res);
  // What goes before </body> of an HTML page served now: the live-reload
  // script, and the error box while the site is broken.
  std::string page_extra();

  // rebuild.cpp: a build after `changed` (relative paths; none: all),
  // first seen at `seen`, reported to the terminal and to open pages.
  void rebuild(const std::vector<std::string>& changed, std::chrono::steady_clock::time_point seen);
  void report_failure(const PreviewResult& r);
  void report_success(const PreviewResult& r, const std::vector<std::string>& changed,
                      double ms, std::optional<double> pages_ms);
  void watch_loop();
  void make_watcher();
};
