// Tests of the live-reload bus (serve/events.h): what each open page's
// stream is sent.
#include <doctest/doctest.h>

#include "serve/events.h"

static bool has(const std::optional<std::string>& s, const std::string& part) {
  return s && s->find(part) != std::string::npos;
}

TEST_CASE("events: a page is sent what happened since it last read, and the errors on joining") {
  Events events;
  uint64_t seq = 0;
  CHECK(*events.next(seq, true) == "retry: 1000\n\n");
  events.send("reload", "{\"paths\":[\"index.html\"]}");
  CHECK(*events.next(seq, false) == "event: reload\ndata: {\"paths\":[\"index.html\"]}\n\n");

  events.send("error", "{\"errors\":[]}");
  uint64_t later = 0;
  CHECK(has(events.next(later, true), "event: error"));  // a page opened while broken
  events.send("reload", "{\"paths\":[\"*\"]}");
  uint64_t fixed = 0;
  CHECK(*events.next(fixed, true) == "retry: 1000\n\n");  // fixed: no error to tell

  for (int i = 0; i < 40; ++i) events.send("reload", "{\"paths\":[\"a\"]}");
  CHECK(*events.next(seq, false) == "event: reload\ndata: {\"paths\":[\"*\"]}\n\n");  // missed some
  events.stop();
  CHECK_FALSE(events.next(seq, false));
}

TEST_CASE("events: at most kMaxClients pages at once, and none once stopping") {
  Events events;
  for (int i = 0; i < Events::kMaxClients; ++i) CHECK(events.join());
  CHECK_FALSE(events.join());
  events.leave();
  CHECK(events.join());
  events.stop();
  events.leave();
  CHECK_FALSE(events.join());
}
