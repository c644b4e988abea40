// The preview server: builds the site with drafts, serves it on 127.0.0.1,
// watches content/ and themes/, rebuilds what changed and reloads browsers.
// It answers only requests whose Host names this computer.
#pragma once

#include <chrono>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "base/model.h"

struct ServeOptions {
  std::string site = ".";
  std::string host = "127.0.0.1";
  int port = 8080;          // 0: any free port
  std::optional<Time> now;  // fixed clock, as build --now
  bool poll = false;        // watch by polling even where inotify works
  std::chrono::milliseconds header_timeout{5000};  // to send a request's headers
  std::ostream* out = &std::cout;  // the URL and one line per rebuild
  std::ostream* err = &std::cerr;  // diagnostics
};

// The server, startable and stoppable in-process (the tests run it so).
class PreviewServer {
 public:
  explicit PreviewServer(ServeOptions options);
  ~PreviewServer();  // stops it
  PreviewServer(const PreviewServer&) = delete;
  PreviewServer& operator=(const PreviewServer&) = delete;

  // Binds, builds the site and starts serving and watching. The message
  // says why it could not (the port in use, say); a site with errors still
  // starts, showing them.
  std::optional<std::string> start();
  int port() const;
  std::string url() const;  // "http://127.0.0.1:8080/"
  // Rebuilds that succeeded so far, the first included.
  unsigned long builds() const;
  void stop();

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

// Runs until interrupted (Ctrl-C); returns the process exit status.
int serve(const ServeOptions& options);

// The site path a request target names ("/a/b/?q" -> "a/b/"), or nothing
// when it tries to leave the site or is malformed: "..", ".", percent-encoded
// dots, slashes, backslashes or control bytes, backslashes, doubled slashes, NUL.
std::optional<std::string> site_path(const std::string& target);
// The Content-Type for a served file, by its name.
std::string content_type(const std::string& path);
