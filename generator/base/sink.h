// Where rendered files go: the build writes them to a folder, the preview
// server keeps them in memory. Rendering knows only this interface.
#pragma once

#include <cstdint>
#include <functional>
#include <mutex>
#include <set>
#include <string>

// Implementations must be safe to call from several threads.
class Sink {
 public:
  virtual ~Sink() = default;
  virtual void write(const std::string& path, const std::string& content) = 0;
  virtual void copy(const std::string& path, const std::string& source) = 0;
  // Writes what `make` returns, unless the file made at `path` by the build
  // before, from the same `key`, can be taken as it is: `key` is of every
  // input of the bytes but those a build cache's site key holds (the
  // theme, site.yaml, the other content, the options). Most sinks just write.
  virtual void write_made(const std::string& path, std::uint64_t key,
                          const std::function<std::string()>& make) {
    (void)key;
    write(path, make());
  }
};

// Passes writes on to `inner` and remembers their paths: the lists a
// preview renders again, the pages one vacancy wrote.
class RecordingSink : public Sink {
 public:
  explicit RecordingSink(Sink& inner) : inner_(inner) {}
  void write(const std::string& path, const std::string& content) override {
    inner_.write(path, content);
    note(path);
  }
  void copy(const std::string& path, const std::string& source) override {
    inner_.copy(path, source);
    note(path);
  }
  void write_made(const std::string& path, std::uint64_t key,
                  const std::function<std::string()>& make) override {
    inner_.write_made(path, key, make);
    note(path);
  }
  std::set<std::string> paths() const {
    std::lock_guard lock(mutex_);
    return paths_;
  }

 private:
  void note(const std::string& path) {
    std::lock_guard lock(mutex_);
    paths_.insert(path);
  }
  Sink& inner_;
  mutable std::mutex mutex_;
  std::set<std::string> paths_;
};
