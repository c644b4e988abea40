// Where the preview server can be reached, and what it says when it starts:
// on loopback (the default) only this computer; on any other --host the
// network, which is warned that drafts can be seen.
#pragma once

#include <string>
#include <vector>

// True for a --host meaning every interface: "0.0.0.0", "::" or "".
bool is_any_address(const std::string& host);

// The addresses other computers can reach a server listening on `host` at:
// for an "any" host this computer's non-loopback addresses (IPv6 ones too
// for "::"), otherwise just `host`. Link-local IPv6 addresses are left out.
std::vector<std::string> reachable_addresses(const std::string& host);

// "http://192.168.1.20:8080/" ("http://[fd00::2]:8080/" for IPv6).
std::string address_url(const std::string& address, int port);

// The lines printed on starting: the address to open, the others it can be
// reached at, and, unless `host` is loopback, the warning that anyone on
// the network can see drafts and unpublished adverts.
std::string listen_notice(const std::string& host, int port,
                          const std::vector<std::string>& addresses);

// True when another program already listens on `host` port `port`: what a
// failed bind most often means, and the one case with a plain remedy.
bool port_in_use(const std::string& host, int port);
