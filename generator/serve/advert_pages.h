// The preview's adverts' own pages ("vacancies/<slug>/..."), made when one
// is first asked for and then kept, instead of every advert's at each full
// build: a 100,000-advert site's 400,000 pages took minutes to make and
// 12 GB to hold, for the few a person previewing opens.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "write/memory_sink.h"

class AdvertPages {
 public:
  // The slug whose pages `path` is one of ("vacancies/ta/prepare/index.html"
  // -> "ta"), or "".
  static std::string slug_of(const std::string& path);

  // The file at `path` of `slug`'s pages; when they are not kept, made by
  // `make` (called without the lock held) and kept. Null when there is none.
  std::shared_ptr<const std::string> find(const std::string& slug, const std::string& path,
                                          const std::function<FileMap()>& make);
  // Keeps `pages` as `slug`'s, in place of any; their paths.
  std::vector<std::string> put(const std::string& slug, FileMap pages);
  // Forgets `slug`'s pages; the paths a browser may be showing of them.
  std::vector<std::string> drop(const std::string& slug);
  void clear();

 private:
  void keep(const std::string& slug, FileMap pages);  // with the lock held
  std::mutex mutex_;
  std::map<std::string, FileMap> kept_;
};
