// Where rendered files go: the build writes them to a folder, the preview
// server keeps them in memory. Rendering knows only this interface.
#pragma once

#include <string>

// Implementations must be safe to call from several threads.
class Sink {
 public:
  virtual ~Sink() = default;
  virtual void write(const std::string& path, const std::string& content) = 0;
  virtual void copy(const std::string& path, const std::string& source) = 0;
};
