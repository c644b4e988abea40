// The preview server: builds the site with drafts, serves it on 127.0.0.1,
// watches content/ and themes/, rebuilds what changed and reloads browsers.
#pragma once

#include <optional>
#include <string>

#include "model.h"

struct ServeOptions {
  std::string site = ".";
  std::string host = "127.0.0.1";
  int port = 8080;
  std::optional<Time> now;  // fixed clock, as build --now
};

// Runs until interrupted (Ctrl-C); returns the process exit status.
int serve(const ServeOptions& options);
