// Never losing a published site: builds from a folder that is not a site,
// killed and interrupted builds, symlinked outputs, and paths written twice.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "../test_util.h"
#include "write/writer.h"

namespace fs = std::filesystem;

extern char** environ;

namespace {

const fs::path kGood = fs::path(STAFFROOM_SOURCE_DIR) / "tests/bad-sites/good";
const std::string kBin = STAFFROOM_BINARY;

std::string q(const fs::path& p) { return "'" + p.string() + "'"; }

// The staging folders (".NAME.staffroom-...") beside `output` whose names
// hold `part` (all of them by default), but not the spare (the output
// before, which a build with the cache keeps). A previous output is
// removed by a child process the build does not wait for, so they are
// given a few seconds to go.
int staging_beside(const fs::path& output, const std::string& part = "") {
  std::string prefix = "." + output.filename().string() + ".staffroom-";
  for (int tries = 0;; ++tries) {
    int n = 0;
    for (auto& e : fs::directory_iterator(output.parent_path())) {
      std::string name = e.path().filename().string();
      n += name.rfind(prefix, 0) == 0 && name != prefix + kSpareName && name.find(part) != std::string::npos;
    }
    if (n == 0 || tries == 200) return n;
    usleep(25000);
  }
}

struct Built {
  test::TempDir tmp;
  fs::path site = tmp.path / "site", out = tmp.path / "out";
  Built() {
    fs::copy(kGood, site, fs::copy_options::recursive);
    REQUIRE(test::run(kBin + " build --site " + q(site) + " --output " + q(out)) == 0);
  }
};

}  // namespace

TEST_CASE("a folder that is not a site is an error, and the live output is untouched") {
  Built b;
  auto before = test::snapshot(b.out);
  std::string said;
  // One typo in --site.
  CHECK(test::run(kBin + " build --site " + q(b.tmp.path / "sitee") + " --output " + q(b.out), &said) == 1);
  CHECK(said.find("error: this folder does not exist") != std::string::npos);
  CHECK(said.find("did you mean --site") != std::string::npos);
  CHECK(said.find("Nothing was changed in") != std::string::npos);
  // A folder without site.yaml: the site is one level down.
  CHECK(test::run(kBin + " build --site " + q(b.tmp.path) + " --output " + q(b.out), &said) == 1);
  CHECK(said.find("content/site.yaml: error: this folder (" + b.tmp.str() + ") is not a Staffroom site") !=
        std::string::npos);
  CHECK(said.find("(did you mean --site site?)") == std::string::npos);  // shown from where the command ran
  CHECK(said.find("did you mean --site ") != std::string::npos);
  CHECK(test::snapshot(b.out) == before);
  // check says so too, instead of "No errors in 0 adverts".
  CHECK(test::run(kBin + " check --site " + q(b.tmp.path / "nowhere"), &said) == 1);
  CHECK(said.find("No errors") == std::string::npos);
  // A bare build in the wrong folder writes no ./public there.
  CHECK(test::run("cd " + q(b.tmp.path) + " && " + kBin + " build", &said) == 1);
  CHECK(!fs::exists(b.tmp.path / "public"));
  // serve refuses at once rather than previewing nothing.
  CHECK(test::run(kBin + " serve --port 0 --site " + q(b.tmp.path / "nowhere"), &said) == 1);
  CHECK(said.find("this folder does not exist") != std::string::npos);
}

TEST_CASE("a real site with no adverts still builds") {
  test::TempDir tmp;
  tmp.write("site/content/site.yaml", "title: New Trust vacancies\n");
  CHECK(test::run(kBin + " build --site " + q(tmp.path / "site") + " --output " + q(tmp.path / "out")) == 0);
  CHECK(fs::exists(tmp.path / "out/index.html"));
}

TEST_CASE("a folder in content/ that cannot be read is an error, not an empty folder") {
  if (geteuid() == 0) return;  // root reads everything; the file-for-folder case is in bad-sites
  Built b;
  fs::permissions(b.site / "content/vacancies", fs::perms::none);
  std::string said;
  CHECK(test::run(kBin + " check --site " + q(b.site), &said) == 1);
  fs::permissions(b.site / "content/vacancies", fs::perms::owner_all);
  CHECK(said.find("content/vacancies: error: this folder cannot be read") != std::string::npos);
}

TEST_CASE("staging folders of killed builds are removed by the next build, and others are left") {
  Built b;
  auto marked = [&](const std::string& name) {
    test::write_file(b.tmp.path / name / kOutputMarker, "");
    test::write_file(b.tmp.path / name / "index.html", std::string(1000, 'x'));
  };
  marked(".out.staffroom-4194301-new");      // no such process
  marked(".out.staffroom-4194302-new-old");  // the previous output, moved aside when killed
  marked(".out.staffroom-4194304-old-0");    // a previous output whose build was killed before removing it
  marked(".out.staffroom-4194305-old");      // one whose remover was killed
  marked(".out.staffroom-1-new");            // a live process, but not Staffroom
  test::write_file(b.tmp.path / ".out.staffroom-4194303-new/keep.txt", "no marker: not ours");
  test::write_file(b.tmp.path / ".other.staffroom-4194301-new" / kOutputMarker, "");  // another output's
  REQUIRE(test::run(kBin + " build --site " + q(b.site) + " --output " + q(b.out)) == 0);
  CHECK(!fs::exists(b.tmp.path / ".out.staffroom-4194301-new"));
  CHECK(!fs::exists(b.tmp.path / ".out.staffroom-4194302-new-old"));
  // Those two are removed in the background, like the output this build replaced.
  CHECK(staging_beside(b.out, "-old") == 0);
  CHECK(!fs::exists(b.tmp.path / ".out.staffroom-1-new"));
  CHECK(fs::exists(b.tmp.path / ".out.staffroom-4194303-new/keep.txt"));
  CHECK(fs::exists(b.tmp.path / ".other.staffroom-4194301-new"));
}

TEST_CASE("Ctrl-C or SIGTERM at any moment: no staging folder left, the output old or new, never half") {
  Built b;
  auto old_site = test::snapshot(b.out);
  // A bigger site, so that signals land in every stage of the build.
  std::string advert = test::read_file(b.site / "content/vacancies/teacher.md");
  for (int i = 0; i < 300; ++i)
    test::write_file(b.site / ("content/vacancies/teacher-" + std::to_string(i) + ".md"), advert);
  int stopped = 0;
  for (int delay_us : {0, 2000, 5000, 10000, 20000, 40000, 80000, 160000}) {
    for (int sig : {SIGINT, SIGTERM}) {
      INFO("signal " << sig << " after " << delay_us << " us");
      // posix_spawn with the two signals' default actions: a forked copy of
      // this test would run doctest's handlers if signalled before exec.
      posix_spawnattr_t attr;
      posix_spawnattr_init(&attr);
      sigset_t defaults;
      sigemptyset(&defaults);
      sigaddset(&defaults, SIGINT);
      sigaddset(&defaults, SIGTERM);
      posix_spawnattr_setsigdefault(&attr, &defaults);
      posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF);
      posix_spawn_file_actions_t files;
      posix_spawn_file_actions_init(&files);
      posix_spawn_file_actions_addopen(&files, 1, "/dev/null", O_WRONLY, 0);
      auto err_path = b.tmp.path / "stderr.txt";
      posix_spawn_file_actions_addopen(&files, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      std::vector<std::string> args{kBin, "build", "--site", b.site.string(), "--output", b.out.string(),
                                    "--now", "2026-11-10T09:00"};
      std::vector<char*> argv;
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      pid_t pid = -1;
      int spawned = posix_spawn(&pid, kBin.c_str(), &files, &attr, argv.data(), environ);
      posix_spawn_file_actions_destroy(&files);
      posix_spawnattr_destroy(&attr);
      REQUIRE(spawned == 0);
      REQUIRE(pid > 0);  // never kill(-1, ...)
      usleep(delay_us);
      kill(pid, sig);
      int status = 0;
      waitpid(pid, &status, 0);
      bool by_signal = WIFEXITED(status) && WEXITSTATUS(status) == 128 + sig;
      CHECK((by_signal || (WIFEXITED(status) && WEXITSTATUS(status) == 0) || WIFSIGNALED(status)));
      stopped += by_signal;
      INFO("staffroom said: " << test::read_file(err_path) << "; exit status " << (WIFEXITED(status) ? WEXITSTATUS(status) : -1)
                               << ", signal " << (WIFSIGNALED(status) ? WTERMSIG(status) : 0));
      CHECK(staging_beside(b.out) == 0);
      auto now = test::snapshot(b.out);
      bool whole_new = now.count("vacancies/teacher-299/index.html") && now.count(".staffroom-output");
      CHECK((now == old_site || whole_new));
      if (whole_new) old_site = now;
    }
  }
  CHECK(stopped > 0);  // the signal did arrive during builds, at least once
}

TEST_CASE("a symlinked --output keeps its link, and the folder it points to is replaced") {
  Built b;
  fs::rename(b.out, b.tmp.path / "release");
  fs::create_symlink("release", b.out);
  std::string site_yaml = test::read_file(b.site / "content/site.yaml");
  test::write_file(b.site / "content/site.yaml", site_yaml + "description: Changed today\n");
  REQUIRE(test::run(kBin + " build --site " + q(b.site) + " --output " + q(b.out)) == 0);
  CHECK(fs::is_symlink(b.out));
  CHECK(fs::read_symlink(b.out) == "release");
  CHECK(test::read_file(b.tmp.path / "release/index.html").find("Changed today") != std::string::npos);
  CHECK(staging_beside(b.tmp.path / "release") == 0);
}

TEST_CASE("output_folders finds the previous output and the spare a StagedOutput then gives, through a symlink") {
  test::TempDir tmp;
  fs::path real = fs::weakly_canonical(tmp.path) / "release", out = real.parent_path() / "out";
  // What output_folders() finds is what the StagedOutput made next gives.
  auto found = [](const fs::path& output) {
    OutputFolders before = output_folders(output.string());
    StagedOutput staged(output.string(), true);
    CHECK(before == OutputFolders{staged.previous(), staged.spare()});
    CHECK(!staged.commit());
    return before;
  };
  CHECK(found(real) == OutputFolders{});  // nothing there yet
  fs::create_symlink("release", out);
  CHECK(found(out) == OutputFolders{real.string(), ""});
  std::string spare = (real.parent_path() / (std::string(".release.staffroom-") + kSpareName)).string();
  CHECK(found(out) == OutputFolders{real.string(), spare});
  fs::remove_all(spare + "/" + kOutputMarker);  // a folder without the marker is not Staffroom's
  CHECK(output_folders(out.string()) == OutputFolders{real.string(), ""});
}

TEST_CASE("two outputs written to one path fail the build instead of racing") {
  test::TempDir tmp;
  DirSink sink(tmp.str());
  sink.write("archive/index.html", "the generated archive");
  CHECK(!sink.failure());
  sink.write("archive/index.html", "a page of the same name");
  REQUIRE(sink.failure());
  CHECK(sink.failure()->find("two parts of the site were both written to archive/index.html") !=
        std::string::npos);
  CHECK(sink.files() == 1);
  CHECK(test::read_file(tmp.path / "archive/index.html") == "the generated archive");
}

namespace {

// Every file under `dir` with its inode and modification time.
std::map<std::string, std::pair<ino_t, timespec>> stamps(const fs::path& dir) {
  std::map<std::string, std::pair<ino_t, timespec>> out;
  for (auto& e : fs::recursive_directory_iterator(dir)) {
    struct stat st;
    if (!e.is_regular_file() || ::stat(e.path().c_str(), &st) != 0) continue;
    out[fs::relative(e.path(), dir).string()] = {st.st_ino, st.st_mtim};
  }
  return out;
}

// The files whose inode or modification time differ between two stamps().
std::set<std::string> touched(const std::map<std::string, std::pair<ino_t, timespec>>& a,
                              const std::map<std::string, std::pair<ino_t, timespec>>& b) {
  std::set<std::string> out;
  for (auto& [path, s] : b) {
    auto it = a.find(path);
    if (it == a.end() || it->second.first != s.first || it->second.second.tv_sec != s.second.tv_sec ||
        it->second.second.tv_nsec != s.second.tv_nsec)
      out.insert(path);
  }
  return out;
}

// The example site (content/ of the repository) copied into a temporary folder.
struct Example {
  test::TempDir tmp;
  fs::path site = tmp.path / "site", out = tmp.path / "out";
  Example() {
    fs::create_directories(site);
    fs::copy(fs::path(STAFFROOM_SOURCE_DIR) / "content", site / "content", fs::copy_options::recursive);
  }
  int build(std::string* said = nullptr) {
    return test::run(kBin + " build --site " + q(site) + " --output " + q(out) + " --now 2026-12-01T09:00", said);
  }
};

}  // namespace

TEST_CASE("a second build of an unchanged site keeps every file's inode and modification time") {
  Example e;
  REQUIRE(e.build() == 0);
  auto first = stamps(e.out);
  auto bytes = test::snapshot(e.out);
  REQUIRE(first.size() > 40);
  std::string said;
  REQUIRE(e.build(&said) == 0);
  CHECK(touched(first, stamps(e.out)).empty());
  CHECK(test::snapshot(e.out) == bytes);
  // Every page and asset: all the files but the marker, which the sink does not count.
  CHECK(said.find(std::to_string(first.size() - 1) + " of them unchanged") != std::string::npos);
  CHECK(staging_beside(e.out) == 0);
}

TEST_CASE("one advert's new title touches its pages, the lists it is on, the feeds and the search index, no more") {
  Example e;
  REQUIRE(e.build() == 0);
  auto before = stamps(e.out);
  fs::path advert = e.site / "content/vacancies/senco.md";
  std::string text = test::read_file(advert);
  auto at = text.find("title: Special Needs Co-ordinator (SENCo)");
  REQUIRE(at != std::string::npos);
  text.replace(at, 41, "title: Special Educational Needs Co-ordinator (SENCo)");
  test::write_file(advert, text);
  REQUIRE(e.build() == 0);
  CHECK(test::read_file(e.out / "vacancies/senco/index.html").find("Special Educational Needs") != std::string::npos);
  std::set<std::string> expected{
      "vacancies/senco/index.html", "vacancies/senco/person-specification/index.html",
      "vacancies/senco/prepare/index.html", "vacancies/senco/closing-date.ics",
      "index.html", "schools/example-fields/index.html", "roles/teaching/index.html",
      "working-patterns/full-time/index.html", "feed.xml", "feed.json", "search-index.json"};
  CHECK(touched(before, stamps(e.out)) == expected);
}

TEST_CASE("a failed build leaves every file of the output as it was, inode and time too") {
  Example e;
  REQUIRE(e.build() == 0);
  auto before = stamps(e.out);
  auto bytes = test::snapshot(e.out);
  test::write_file(e.site / "content/vacancies/senco.md",
                   test::read_file(e.site / "content/vacancies/senco.md") + "\n---\ntitle: [\n");
  fs::path school = e.site / "content/schools/example-fields.yaml";
  test::write_file(school, test::read_file(school) + "name: [unclosed\n");
  CHECK(e.build() == 1);
  CHECK(touched(before, stamps(e.out)).empty());
  CHECK(stamps(e.out).size() == before.size());
  CHECK(test::snapshot(e.out) == bytes);
  CHECK(staging_beside(e.out) == 0);
}

TEST_CASE("through a symlinked --output, unchanged files are kept too") {
  Example e;
  REQUIRE(e.build() == 0);
  fs::rename(e.out, e.tmp.path / "release");
  fs::create_symlink("release", e.out);
  auto before = stamps(e.tmp.path / "release");
  REQUIRE(e.build() == 0);
  CHECK(fs::is_symlink(e.out));
  CHECK(touched(before, stamps(e.tmp.path / "release")).empty());
}

TEST_CASE("DirSink links a file with the previous output's bytes and writes one that changed") {
  test::TempDir tmp;
  tmp.write("old/same.html", "kept");
  tmp.write("old/changed.html", "before");
  tmp.write("old/asset.css", "body{}");
  tmp.write("src/asset.css", "body{}");
  tmp.write("src/new.css", "p{}");
  fs::create_directories(tmp.path / "new");
  DirSink sink((tmp.path / "new").string(), (tmp.path / "old").string());
  sink.write("same.html", "kept");
  sink.write("changed.html", "after");
  sink.write("fresh/page.html", "new page");
  sink.copy("asset.css", (tmp.path / "src/asset.css").string());
  sink.copy("new.css", (tmp.path / "src/new.css").string());
  REQUIRE(!sink.failure());
  CHECK(sink.files() == 5);
  CHECK(sink.unchanged() == 2);
  auto ino = [&](const char* p) { return fs::hard_link_count(tmp.path / p); };
  CHECK(ino("new/same.html") == 2);  // the same file as old/same.html
  CHECK(ino("new/asset.css") == 2);
  CHECK(ino("new/changed.html") == 1);
  CHECK(ino("new/new.css") == 1);
  CHECK(test::read_file(tmp.path / "new/changed.html") == "after");
  CHECK(test::read_file(tmp.path / "new/fresh/page.html") == "new page");
  CHECK(test::read_file(tmp.path / "old/changed.html") == "before");  // the old output is never written
}

TEST_CASE("with the cache, the replaced output is kept as the spare, and unchanged adverts' folders move from it") {
  Example e;
  fs::path spare = e.tmp.path / (std::string(".out.staffroom-") + kSpareName);
  REQUIRE(e.build() == 0);
  CHECK(!fs::exists(spare));  // nothing replaced yet
  auto folder_inode = [](const fs::path& p) {
    struct stat st;
    return ::stat(p.c_str(), &st) == 0 ? st.st_ino : 0;
  };
  ino_t first = folder_inode(e.out / "vacancies/senco");
  REQUIRE(first != 0);
  auto bytes = test::snapshot(e.out);
  REQUIRE(e.build() == 0);  // every file linked from the first output; the first kept as the spare
  CHECK(fs::exists(spare / kOutputMarker));
  CHECK(folder_inode(spare / "vacancies/senco") == first);
  ino_t second_folder = folder_inode(e.out / "vacancies/senco");
  CHECK(second_folder != first);
  auto second = stamps(e.out);
  // What the spare's vacancies/ holds that is no advert's now never reaches the output.
  test::write_file(spare / "vacancies/gone-advert/index.html", "an advert since removed");
  test::write_file(spare / "vacancies/stray.html", "not Staffroom's");
  REQUIRE(e.build() == 0);  // now the adverts' folders are the spare's, moved
  CHECK(!fs::exists(e.out / "vacancies/gone-advert"));
  CHECK(!fs::exists(e.out / "vacancies/stray.html"));
  CHECK(folder_inode(e.out / "vacancies/senco") == first);
  CHECK(folder_inode(spare / "vacancies/senco") == second_folder);  // the second output is the spare now
  CHECK(touched(second, stamps(e.out)).empty());  // and no file changed inode or time
  CHECK(test::snapshot(e.out) == bytes);
  CHECK(staging_beside(e.out) == 0);
  // A build without the cache keeps no spare.
  REQUIRE(test::run(kBin + " build --no-cache --site " + q(e.site) + " --output " + q(e.out) +
                    " --now 2026-12-01T09:00") == 0);
  CHECK(staging_beside(e.out, kSpareName) == 0);
  CHECK(test::snapshot(e.out) == bytes);
}
