// Shared test helpers: temporary folders, files, and running the binary.
#pragma once

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

namespace test {

inline void write_file(const std::filesystem::path& p, const std::string& text) {
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A fresh folder under /tmp, removed with everything in it at the end of the test.
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    char tmpl[] = "/tmp/staffroom-test-XXXXXX";
    path = mkdtemp(tmpl);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  std::string str() const { return path.string(); }
  std::string root() const { return path.string(); }
  void write(const std::string& relative, const std::string& text) const { write_file(path / relative, text); }
};

// Every file under `dir` (and where each link points), byte for byte.
inline std::map<std::string, std::string> snapshot(const std::filesystem::path& dir) {
  std::map<std::string, std::string> files;
  for (auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    auto rel = std::filesystem::relative(e.path(), dir).string();
    if (e.is_symlink()) files[rel] = "link -> " + std::filesystem::read_symlink(e.path()).string();
    else if (e.is_regular_file()) files[rel] = read_file(e.path());
    else files[rel + "/"] = "";
  }
  return files;
}

// Runs a shell command; returns its exit status and fills `output` with
// stdout and stderr together.
inline int run(const std::string& command, std::string* output = nullptr) {
  std::string full = command + " 2>&1";
  FILE* p = popen(full.c_str(), "r");
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  int status = pclose(p);
  if (output) *output = out;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Counts the non-overlapping occurrences of `needle` in `hay`.
inline size_t count(const std::string& hay, const std::string& needle) {
  size_t n = 0;
  for (size_t pos = hay.find(needle); pos != std::string::npos; pos = hay.find(needle, pos + needle.size())) ++n;
  return n;
}

// The most <a> elements open at once in `html`: 1 (or 0) unless links nest.
inline int link_depth(const std::string& html) {
  int depth = 0, most = 0;
  for (size_t i = 0; i < html.size(); ++i) {
    if (html.compare(i, 3, "<a ") == 0) most = std::max(most, ++depth);
    else if (html.compare(i, 4, "</a>") == 0) --depth;
  }
  return most;
}

// A small valid site: one school, one spec, one advert. Tests change parts.
inline void write_minimal_site(const std::filesystem::path& root) {
  write_file(root / "content/site.yaml",
             "title: Test Trust vacancies\nbase_url: https://jobs.example.org/\n"
             "organisation: { name: Test Trust, website: https://trust.example.org/ }\n");
  write_file(root / "content/schools/oak.yaml",
             "name: Oak Primary\naddress: { street: 1 Oak Lane, locality: Leeds, postcode: LS1 1AA }\n"
             "phase: primary\nwebsite: https://oak.example.org/\n");
  write_file(root / "content/specs/ta.yaml",
             "title: Teaching Assistant\nsections:\n"
             "  - name: Qualifications\n    assessed: [application, qualification]\n    criteria:\n"
             "      - { text: GCSE English and maths, level: essential }\n"
             "      - { text: First aid certificate, level: desirable, assessed: [qualification] }\n");
  write_file(root / "content/vacancies/ta.md",
             "---\ntitle: Teaching Assistant\nschool: oak\nrole: learning-support\nspec: ta\n"
             "salary: { min: 20000, max: 22000 }\ncontract: permanent\nworking_pattern: [part-time]\n"
             "posted: 2026-11-01\ncloses: 2027-12-05T12:00\n---\nHelp pupils learn.\n");
}

}  // namespace test
