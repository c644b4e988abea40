// The adverts' pages made on request; see advert_pages.h.
#include "serve/advert_pages.h"

namespace {
// Pages of this many adverts at most are kept (about 0.5 MB each); past
// that all are forgotten and made again when asked for.
constexpr size_t kKept = 4096;
const std::string kPrefix = "vacancies/";
}  // namespace

std::string AdvertPages::slug_of(const std::string& path) {
  if (path.compare(0, kPrefix.size(), kPrefix) != 0) return "";
  auto slash = path.find('/', kPrefix.size());
  return slash == std::string::npos ? "" : path.substr(kPrefix.size(), slash - kPrefix.size());
}

static std::shared_ptr<const std::string> file_in(const FileMap& pages, const std::string& path) {
  auto it = pages.find(path);
  return it == pages.end() ? nullptr : it->second;
}

std::shared_ptr<const std::string> AdvertPages::find(const std::string& slug, const std::string& path,
                                                     const std::function<FileMap()>& make) {
  {
    std::lock_guard lock(mutex_);
    if (auto it = kept_.find(slug); it != kept_.end()) return file_in(it->second, path);
  }
  FileMap made = make();
  auto file = file_in(made, path);
  if (!made.empty()) {
    std::lock_guard lock(mutex_);
    keep(slug, std::move(made));
  }
  return file;
}

void AdvertPages::keep(const std::string& slug, FileMap pages) {
  if (kept_.size() >= kKept && !kept_.count(slug)) kept_.clear();
  kept_.insert_or_assign(slug, std::move(pages));
}

std::vector<std::string> AdvertPages::put(const std::string& slug, FileMap pages) {
  std::vector<std::string> paths;
  for (auto& [path, file] : pages) paths.push_back(path);
  std::lock_guard lock(mutex_);
  keep(slug, std::move(pages));
  return paths;
}

std::vector<std::string> AdvertPages::drop(const std::string& slug) {
  std::vector<std::string> paths{kPrefix + slug + "/index.html"};  // made or not, the one most open
  std::lock_guard lock(mutex_);
  if (auto it = kept_.find(slug); it != kept_.end()) {
    for (auto& [path, file] : it->second)
      if (path != paths[0]) paths.push_back(path);
    kept_.erase(it);
  }
  return paths;
}

void AdvertPages::clear() {
  std::lock_guard lock(mutex_);
  kept_.clear();
}
