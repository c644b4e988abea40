// The live-reload bus; see events.h.
#include "serve/events.h"

bool Events::join() {
  std::lock_guard lock(mutex_);
  if (stopping_ || clients_ >= kMaxClients) return false;
  ++clients_;
  return true;
}

void Events::leave() {
  std::lock_guard lock(mutex_);
  --clients_;
}

void Events::send(const std::string& name, const std::string& data) {
  std::lock_guard lock(mutex_);
  std::string event = "event: " + name + "\ndata: " + data + "\n\n";
  error_ = name == "error" ? event : "";
  recent_.push_back(std::move(event));
  if (recent_.size() > kRecent) recent_.pop_front();
  ++seq_;
  changed_.notify_all();
}

std::optional<std::string> Events::next(uint64_t& seq, bool first) {
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

void Events::stop() {
  std::lock_guard lock(mutex_);
  stopping_ = true;
  changed_.notify_all();
}
