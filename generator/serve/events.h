// The live-reload bus: tells every open preview page, over Server-Sent
// Events, what was rebuilt or that the site broke.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>

class Events {
 public:
  // Each live-reload connection holds a worker thread for as long as the
  // page is open (httplib 0.11 has no async responses), so they are capped:
  // more are refused at once, and ordinary requests always find a worker.
  static constexpr int kMaxClients = 32;
  // How often an idle stream is written to: also how soon a closed tab
  // frees its worker.
  static constexpr std::chrono::seconds kHeartbeat{3};

  // A page's stream begins; false when there are too many, or stopping.
  bool join();
  void leave();
  // Sends event `name` with `data` (JSON) to every page. An "error" event
  // is kept, and told at once to pages that connect later, until the next.
  void send(const std::string& name, const std::string& data);
  // What to write next to a page's stream: the events it has not had, or a
  // comment to check the page is still there; nothing when stopping.
  // `seq` is the page's own place in the events, `first` its first call.
  std::optional<std::string> next(uint64_t& seq, bool first);
  // Ends every stream.
  void stop();

 private:
  static constexpr size_t kRecent = 16;
  std::mutex mutex_;
  std::condition_variable changed_;
  uint64_t seq_ = 0;
  std::deque<std::string> recent_;  // the last events, so a slow page misses none
  std::string error_;
  int clients_ = 0;
  bool stopping_ = false;
};
