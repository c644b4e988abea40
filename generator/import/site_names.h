// What `staffroom import` knows of the site it writes into, read by the
// command: the names behind the draft advert's school: and role: lines.
#pragma once

#include <map>
#include <string>
#include <vector>

// A school of the site (content/schools/<id>.yaml), as the command read it.
struct SchoolName {
  std::string id, name;
};

// An advert already in the site: its title and role category.
struct AdvertRole {
  std::string title, role;
};

struct SiteNames {
  std::vector<SchoolName> schools;
  std::map<std::string, std::string> roles;  // site.yaml's roles: id -> label
  std::vector<AdvertRole> adverts;
};
