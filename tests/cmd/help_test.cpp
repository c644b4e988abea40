// The help: every command and option of the usage is described, and
// `staffroom COMMAND --help` prints it without running the command.
#include <doctest/doctest.h>

#include <regex>
#include <sstream>

#include "../test_util.h"
#include "cmd/help.h"

namespace fs = std::filesystem;

TEST_CASE("each command of the usage has help that names every one of its options") {
  std::istringstream usage(::usage());
  std::string line;
  int commands = 0;
  static const std::regex option("--[a-z-]+");
  while (std::getline(usage, line)) {
    std::smatch m;
    if (!std::regex_search(line, m, std::regex("^  staffroom ([a-z]+)"))) continue;
    std::string command = m[1];
    CAPTURE(command);
    std::string help = command_help(command);
    REQUIRE_FALSE(help.empty());
    CHECK(help.rfind("usage: staffroom " + command, 0) == 0);
    CHECK(overall_help().find("  " + command + " ") != std::string::npos);
    for (auto it = std::sregex_iterator(line.begin(), line.end(), option); it != std::sregex_iterator(); ++it) {
      CAPTURE(it->str());
      CHECK(help.find("\n  " + it->str() + " ") != std::string::npos);  // described on a line of its own
    }
    ++commands;
  }
  CHECK(commands == 6);
  CHECK(command_help("publish").empty());
}

TEST_CASE("staffroom build --help prints the build's help and builds nothing") {
  test::TempDir dir;
  test::write_minimal_site(dir.path);
  std::string bin = STAFFROOM_BINARY, said;
  std::string in_site = "cd '" + dir.path.string() + "' && '" + bin + "' ";
  CHECK(test::run(in_site + "build --help", &said) == 0);
  CHECK(said.rfind("usage: staffroom build", 0) == 0);
  CHECK(said.find("--output DIR") != std::string::npos);
  CHECK_FALSE(fs::exists(dir.path / "public"));
  CHECK(test::run(in_site + "help serve", &said) == 0);
  CHECK(said.find("--poll") != std::string::npos);
  CHECK(test::run(in_site + "new vacancy x -h", &said) == 0);
  CHECK_FALSE(fs::exists(dir.path / "content/vacancies/x.md"));
  CHECK(test::run(in_site + "help publish", &said) == 2);
  CHECK(said.find("there is no command 'publish'") != std::string::npos);
  CHECK(test::run(in_site + "--help", &said) == 0);
  CHECK(said.find("staffroom build --help") != std::string::npos);
  CHECK(test::run("'" + bin + "'", &said) == 2);  // no command: the error, then what each command does
  CHECK(said.rfind("staffroom: error: no command given\n", 0) == 0);
  CHECK(said.find("  import  turn a school's Word document") != std::string::npos);
}

TEST_CASE("a folder's name in a command to copy reaches the program as it was, whatever it holds") {
  CHECK(shell_word("our-vacancies") == "our-vacancies");
  CHECK(shell_word("St Mary's C of E Primary") == "\"St Mary's C of E Primary\"");
  CHECK(site_command("check", ".") == "staffroom check");
  CHECK(site_command("serve", "sites/oak") == "staffroom serve --site sites/oak");
  for (std::string word : {"St Mary's C of E Primary", "Ysgol Gymraeg Bro Taf", "Pay $5 `now`!",
                           "it's \"quoted\" \\ here", "", "~/jobs", "a;b&c|d>e", "tab\there"}) {
    CAPTURE(word);
    std::string said;
    REQUIRE(test::run("printf %s " + shell_word(word), &said) == 0);
    CHECK(said == word);
  }
}
