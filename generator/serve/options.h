// What `staffroom serve` is told: the site, where to listen, the clock.
#pragma once

#include <chrono>
#include <iostream>
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
