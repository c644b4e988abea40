// End-to-end tests of `staffroom check`, failed builds and `new vacancy`: each site in tests/bad-sites/ through the real binary.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "../test_util.h"

extern char** environ;

namespace {

namespace fs = std::filesystem;

const fs::path kBadSites = fs::path(STAFFROOM_SOURCE_DIR) / "tests" / "bad-sites";
const char* kNow = "2026-11-10T09:00";

struct Run {
  int status = -1;
  std::string out, err;
};


// Runs the staffroom binary with `args`, no shell; stdout and stderr are
// captured separately through files.
Run staffroom(const std::vector<std::string>& args, const fs::path& scratch) {
  std::vector<std::string> all{STAFFROOM_BINARY};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : all) argv.push_back(a.data());
  argv.push_back(nullptr);
  auto out_path = scratch / "stdout.txt", err_path = scratch / "stderr.txt";
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  Run r;
  pid_t pid;
  if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) == 0) {
    int status = 0;
    waitpid(pid, &status, 0);
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  posix_spawn_file_actions_destroy(&actions);
  r.out = test::read_file(out_path);
  r.err = test::read_file(err_path);
  return r;
}


std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

// The defects a repository cannot hold well are made in the copy here.
void make_runtime_defect(const std::string& name, const fs::path& site, const fs::path& tmp) {
  if (name == "symlink-outside") {
    test::write_file(tmp / "outside-secret.txt", "a secret outside the site\n");
    fs::create_directories(site / "content/files");
    fs::create_symlink(tmp / "outside-secret.txt", site / "content/files/secret.txt");
  } else if (name == "symlink-outside-content") {
    // Inside the site folder, but never meant for the web.
    test::write_file(site / ".git/config", "[remote \"origin\"]\n\turl = https://user:token@example.org/\n");
    test::write_file(site / "notes.md", "---\ntitle: Private notes\n---\n");
    fs::create_directories(site / "content/files");
    fs::create_symlink("../../.git/config", site / "content/files/config");
    fs::create_symlink("../../notes.md", site / "content/vacancies/notes.md");
  } else if (name == "site-yaml-link-loop") {
    fs::remove(site / "content/site.yaml");
    fs::create_symlink("site.yaml", site / "content/site.yaml");  // once aborted check (exit 134)
  } else if (name == "text-file-too-large") {
    std::string words;
    for (int i = 0; i < 250000; ++i) words += "word ";
    std::ofstream(site / "content/vacancies/teacher.md", std::ios::app) << words << "\n";
  } else if (name == "document-too-large") {
    fs::create_directories(site / "content/files");
    std::ofstream(site / "content/files/job-pack.pdf");
    fs::resize_file(site / "content/files/job-pack.pdf", 51 * 1024 * 1024);  // sparse: no disk used
  } else if (name == "alias-bytes") {
    std::string spec = "a: &a \"" + std::string(400 * 1000, 'x') + "\"\nb: [*a";
    for (int i = 1; i < 2000; ++i) spec += ", *a";
    test::write_file(site / "content/specs/wide.yaml", spec + "]\n");
  } else if (name == "markdown-wide-table") {
    std::string header = "|", rule = "|", row = "|";
    for (int i = 0; i < 16000; ++i) header += " a |", rule += "---|", row += " 1 |";
    std::ofstream(site / "content/vacancies/teacher.md", std::ios::app)
        << "\n" << header << "\n" << rule << "\n" << row << "\n" << row << "\n";
  } else if (name == "deeply-nested") {
    test::write_file(site / "content/schools/deep.yaml", std::string(100000, '['));
  }
}

struct Expected {
  std::string about;
  std::vector<std::string> lines;  // diagnostics, exactly as printed
  int errors = 0, warnings = 0;
};

// "{SITE}" in an expected line stands for the site folder's full path.
Expected read_expected(const fs::path& site) {
  Expected e;
  for (auto l : lines_of(test::read_file(site / "expected"))) {
    if (l.empty()) continue;
    if (auto at = l.find("{SITE}"); at != std::string::npos) l.replace(at, 6, site.string());
    if (l[0] == '#') {
      e.about += l;
      continue;
    }
    e.lines.push_back(l);
    if (l.find(": error: ") != std::string::npos) ++e.errors;
    if (l.find(": warning: ") != std::string::npos) ++e.warnings;
  }
  return e;
}

// `path:line:col: error: message`, then the source line, then a caret under
// column `col` (counting characters, not bytes, before it).
void check_compiler_style(const std::string& stderr_text, const std::string& wanted,
                          const fs::path& site) {
  static const std::regex form(R"(^([^:]+):(\d+):(\d+): (error|warning): .+$)");
  auto lines = lines_of(stderr_text);
  size_t at = 0;
  while (at < lines.size() && lines[at] != wanted) ++at;
  REQUIRE_MESSAGE(at < lines.size(), "missing: " << wanted);
  std::smatch m;
  if (!std::regex_match(wanted, m, form)) return;  // a whole-file message: no line to show
  int line = std::stoi(m[2]), col = std::stoi(m[3]);
  auto source = lines_of(test::read_file(site / m[1].str()));
  REQUIRE(line <= static_cast<int>(source.size()));
  REQUIRE(at + 2 < lines.size());
  std::string raw = source[line - 1];
  if (col > 200 && raw.size() > 300) {  // a long line is shown around the column
    raw = "..." + raw.substr(col - 1 - 100);
    col = 104;
  }
  if (raw.size() > 300) raw.resize(300);
  // Control characters are shown escaped ("\x1b", and "\u009b" for the
  // two bytes of a C1 one), as are bidirectional controls ("\u202e"), and
  // the caret moves along with them.
  std::string shown;
  bool ascii = true;
  int caret = 0;
  for (size_t i = 0; i < raw.size(); ++i) {
    unsigned char c = raw[i];
    std::string piece(1, raw[i]);
    char esc[16];
    static const std::vector<std::pair<std::string, const char*>> bidi = {
        {"\u202a", "\\u202a"}, {"\u202b", "\\u202b"}, {"\u202c", "\\u202c"}, {"\u202d", "\\u202d"},
        {"\u202e", "\\u202e"}, {"\u2066", "\\u2066"}, {"\u2067", "\\u2067"}, {"\u2068", "\\u2068"},
        {"\u2069", "\\u2069"}, {"\u200e", "\\u200e"}, {"\u200f", "\\u200f"}, {"\u061c", "\\u061c"}};
    bool is_bidi = false;
    for (auto& [chars, escaped] : bidi)
      if (raw.compare(i, chars.size(), chars) == 0) {
        if (static_cast<int>(i) < col - 1) caret += 6;
        shown += escaped, i += chars.size() - 1, is_bidi = true;
        break;
      }
    if (is_bidi) continue;
    if ((c < 0x20 && c != '\t') || c == 0x7f) {
      std::snprintf(esc, sizeof esc, "\\x%02x", c);
      piece = esc;
    } else if (c == 0xc2 && i + 1 < raw.size() && (raw[i + 1] & 0xe0) == 0x80) {
      std::snprintf(esc, sizeof esc, "\\u%04x", static_cast<unsigned char>(raw[i + 1]));
      piece = esc;
    } else {
      ascii = ascii && c < 0x80;
    }
    if (static_cast<int>(i) < col - 1) caret += static_cast<int>(piece.size());
    if (piece.size() > 1) i += piece[1] == 'u' ? 1 : 0;
    shown += piece;
  }
  for (unsigned char c : lines[at + 1] + lines[at + 2]) CHECK_MESSAGE((c >= 0x20 || c == '\t'), "raw control character shown");
  if (ascii) CHECK(lines[at + 1] == shown);
  if (ascii) CHECK(lines[at + 2] == std::string(caret, ' ') + "^");
  else CHECK(lines[at + 2] == std::string(col - 1, ' ') + "^");
}

std::vector<std::string> bad_site_names() {
  std::vector<std::string> names;
  for (auto& e : fs::directory_iterator(kBadSites))
    if (e.is_directory() && e.path().filename() != "good") names.push_back(e.path().filename());
  std::sort(names.begin(), names.end());
  return names;
}

// The good site copied into `tmp`, to be built there: a build keeps its
// cache in the site's folder, and in the source tree that folder changed
// under the other tests that copy the good site at the same moment.
fs::path copy_of_good_site(const fs::path& tmp) {
  fs::create_directories(tmp / "good");
  fs::copy(kBadSites / "good" / "content", tmp / "good/content", fs::copy_options::recursive);
  return tmp / "good";
}

}  // namespace

TEST_CASE("the good base site checks and builds with no warnings") {
  test::TempDir tmp;
  auto check = staffroom({"check", "--site", (kBadSites / "good").string()}, tmp.path);
  CHECK(check.status == 0);
  CHECK(check.err == "");
  CHECK(check.out == "No errors in 1 advert, 1 person specification and 1 school.\n");
  auto build = staffroom({"build", "--site", copy_of_good_site(tmp.path).string(), "--output",
                          (tmp.path / "out").string(), "--now", kNow}, tmp.path);
  CHECK(build.status == 0);
  CHECK(fs::exists(tmp.path / "out/vacancies/teacher/index.html"));
}

TEST_CASE("every bad site: check and build report its one defect, exit 1, and leave the output alone") {
  test::TempDir tmp;
  // A previous good build, which every failed build below must leave exactly as it was.
  auto previous = tmp.path / "previous";
  REQUIRE(staffroom({"build", "--site", copy_of_good_site(tmp.path).string(), "--output",
                     previous.string(), "--now", kNow}, tmp.path).status == 0);
  REQUIRE(fs::exists(previous / ".staffroom-output"));
  auto names = bad_site_names();
  REQUIRE(names.size() >= 30);
  for (auto& name : names) {
    INFO("site tests/bad-sites/" << name);
    auto site = tmp.path / "sites" / name;
    fs::create_directories(site.parent_path());
    fs::copy(kBadSites / name, site, fs::copy_options::recursive | fs::copy_options::copy_symlinks);
    make_runtime_defect(name, site, tmp.path);
    Expected want = read_expected(site);
    REQUIRE_MESSAGE(!want.lines.empty(), "tests/bad-sites/" << name << "/expected names no message");
    bool warnings_only = want.errors == 0;

    auto check = staffroom({"check", "--site", site.string()}, tmp.path);
    INFO("stderr:\n" << check.err);
    CHECK(check.status == (warnings_only ? 0 : 1));
    for (auto& l : want.lines) check_compiler_style(check.err, l, site);
    // The count: every error is listed, and nothing else is.
    std::string count_line = std::to_string(want.errors) + (want.errors == 1 ? " error, " : " errors, ") +
                             std::to_string(want.warnings) + (want.warnings == 1 ? " warning" : " warnings");
    CHECK(lines_of(check.err).back() == count_line);

    auto out = tmp.path / ("out-" + name);
    fs::copy(previous, out, fs::copy_options::recursive);
    auto before = test::snapshot(out);
    auto build = staffroom({"build", "--site", site.string(), "--output", out.string(), "--now", kNow},
                           tmp.path);
    if (warnings_only) {
      CHECK(build.status == 0);
      CHECK(build.err.find(count_line) != std::string::npos);
      continue;
    }
    CHECK(build.status == 1);
    for (auto& l : want.lines) CHECK(build.err.find(l + "\n") != std::string::npos);
    CHECK(build.err.find("Nothing was changed in") != std::string::npos);
    CHECK(test::snapshot(out) == before);  // byte for byte
    // No staging folder (".out-NAME.staffroom-...") is left beside the output.
    for (auto& e : fs::directory_iterator(tmp.path))
      CHECK(e.path().filename().string().rfind(".out-" + name, 0) == std::string::npos);
  }
}

TEST_CASE("a symlink leading outside the site is refused even in a site with no other fault") {
  test::TempDir tmp;
  auto site = tmp.path / "site";
  fs::copy(kBadSites / "good", site, fs::copy_options::recursive);
  test::write_file(tmp.path / "secret.txt", "TOP SECRET\n");
  fs::create_directories(site / "content/files/sub");
  fs::create_symlink(tmp.path / "secret.txt", site / "content/files/sub/form.docx");
  fs::create_symlink(tmp.path, site / "content/files/everything");
  auto build = staffroom({"build", "--site", site.string(), "--output", (tmp.path / "out").string()},
                         tmp.path);
  CHECK(build.status == 1);
  CHECK(build.err.find("content/files/sub/form.docx: error: this is a link to a place outside the content/ folder") !=
        std::string::npos);
  CHECK(build.err.find("content/files/everything: error: this is a link to a place outside the content/ folder") !=
        std::string::npos);
  CHECK(!fs::exists(tmp.path / "out"));  // nothing written, so nothing copied
}

// How quickly they are refused is measured in bench/, not asserted here.
TEST_CASE("the deepest and most explosive YAML is refused, each at its place") {
  test::TempDir tmp;
  auto site = tmp.path / "site";
  fs::copy(kBadSites / "good", site, fs::copy_options::recursive);
  // A megabyte of '[' took yaml-cpp 6 s and 240 MB before the pre-scan.
  test::write_file(site / "content/schools/deep.yaml", std::string(1000 * 1000, '['));
  test::write_file(site / "content/specs/deep-block.yaml", [] {
    std::string s;
    for (int i = 0; i < 900; ++i) s += std::string(i, ' ') + "a:\n";
    return s;
  }());
  test::write_file(site / "content/specs/cycle.yaml", "a: &a [1, *a]\n");
  auto check = staffroom({"check", "--site", site.string()}, tmp.path);
  INFO(check.err);
  CHECK(check.status == 1);
  CHECK(check.err.find("content/schools/deep.yaml:1:65: error: this YAML is nested too deeply") !=
        std::string::npos);
  CHECK(check.err.find("content/specs/deep-block.yaml:65:") != std::string::npos);
  CHECK(check.err.find("content/specs/cycle.yaml:1:") != std::string::npos);
  CHECK(lines_of(check.err).back() == "3 errors, 0 warnings");
}

TEST_CASE("new vacancy writes a starter that check accepts once its placeholders are filled") {
  test::TempDir tmp;
  auto site = tmp.path / "site";
  fs::copy(kBadSites / "good", site, fs::copy_options::recursive);
  auto made = staffroom({"new", "vacancy", "lunchtime-supervisor", "--site", site.string()}, tmp.path);
  CHECK(made.status == 0);
  auto path = site / "content/vacancies/lunchtime-supervisor.md";
  REQUIRE(fs::exists(path));
  std::string text = test::read_file(path);
  CHECK(text.find("draft: true") != std::string::npos);
  CHECK(text.find("# ") != std::string::npos);  // commented for the person filling it in

  // As written, the placeholders are reported, at their lines.
  auto before = staffroom({"check", "--site", site.string()}, tmp.path);
  CHECK(before.status == 1);
  CHECK(before.err.find("lunchtime-supervisor.md:5:9: error: unknown school 'SCHOOL-ID'") != std::string::npos);
  CHECK(before.err.find("lunchtime-supervisor.md:7:7: error: unknown person specification 'SPEC-ID'") !=
        std::string::npos);

  auto replace = [&](const std::string& from, const std::string& to) {
    text.replace(text.find(from), from.size(), to);
  };
  replace("SCHOOL-ID", "oak");
  replace("SPEC-ID", "assistant");
  test::write_file(path, text);
  auto after = staffroom({"check", "--site", site.string()}, tmp.path);
  INFO(after.err);
  CHECK(after.status == 0);
  CHECK(after.err.find("error") == std::string::npos);

  // Never overwrites: a second run fails and leaves the file as it was.
  auto again = staffroom({"new", "vacancy", "lunchtime-supervisor", "--site", site.string()}, tmp.path);
  CHECK(again.status == 1);
  CHECK(again.err.find("already exists") != std::string::npos);
  CHECK(test::read_file(path) == text);

  // A bad slug is a command-line mistake: exit 2, nothing written.
  auto bad = staffroom({"new", "vacancy", "Teaching Assistant", "--site", site.string()}, tmp.path);
  CHECK(bad.status == 2);
  CHECK(bad.err.find("write: staffroom new vacancy teaching-assistant") != std::string::npos);
  CHECK(!fs::exists(site / "content/vacancies/Teaching Assistant.md"));
}

TEST_CASE("check writes nothing") {
  test::TempDir tmp;
  auto site = tmp.path / "site";
  fs::copy(kBadSites / "good", site, fs::copy_options::recursive);
  auto before = test::snapshot(site);
  CHECK(staffroom({"check", "--site", site.string()}, tmp.path).status == 0);
  CHECK(test::snapshot(site) == before);
  CHECK(!fs::exists(site / "public"));
}

TEST_CASE("a site folder given without --site is refused, not ignored") {
  test::TempDir tmp;
  auto site = tmp.path / "site";
  fs::copy(kBadSites / "good", site, fs::copy_options::recursive);
  for (std::string command : {"check", "build", "serve"}) {
    INFO(command);
    Run r = staffroom({command, site.string()}, tmp.path);
    CHECK(r.status == 2);
    CHECK(r.err.find("unexpected '" + site.string() + "'; to choose the site folder, write --site " +
                     site.string()) != std::string::npos);
  }
  CHECK(!fs::exists(site / "public"));
  Run extra = staffroom({"new", "vacancy", "teacher", "more", "--site", site.string()}, tmp.path);
  CHECK(extra.status == 2);
  CHECK(extra.err.find("unexpected 'more'") != std::string::npos);
}
