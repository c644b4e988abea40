// The preview server: builds the site with drafts, serves it on 127.0.0.1,
// watches content/ and themes/, rebuilds what changed and reloads browsers.
// It answers only requests whose Host names this computer.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "serve/options.h"

struct Server;

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

 private:
  std::unique_ptr<Server> impl_;
};

// Runs until interrupted (Ctrl-C); returns the process exit status.
int serve(const ServeOptions& options);
