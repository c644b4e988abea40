// `staffroom import` through the real binary: bad documents refused with a
// clear message, exit 1 and nothing written; never overwriting; and the
// result passing `check` apart from the facts the document lacked.
#include <doctest/doctest.h>

#include <filesystem>
#include <sstream>

#include "../test_util.h"

namespace fs = std::filesystem;

namespace {

const std::string kFixtures = std::string(STAFFROOM_SOURCE_DIR) + "/tests/import/fixtures/";

struct Run {
  int status;
  std::string output;
};

Run staffroom(const std::string& args) {
  std::string cmd = std::string(STAFFROOM_BINARY) + " " + args + " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  std::string out;
  char buf[4096];
  while (size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  int status = pclose(p);
  return {WEXITSTATUS(status), out};
}

bool empty_content(const test::TempDir& dir) {
  return !fs::exists(dir.path / "content/specs") && !fs::exists(dir.path / "content/vacancies");
}

}  // namespace

TEST_CASE("import: a bad document is refused, exit 1, nothing written") {
  const std::pair<const char*, const char*> cases[] = {
      {"bad-not-a-docx", "not a Word (.docx) document"},
      {"bad-corrupt", "damaged"},
      {"bad-password", "protected by a password"},
      {"bad-doctype", "DOCTYPE"},
      {"bad-zip-bomb", "more than 64 MB"},
      {"bad-many-entries", "more than a document would"},
      {"bad-10000-rows", "table 1 has more than 2000 rows"},
  };
  for (auto& [name, words] : cases) {
    CAPTURE(std::string(name));
    test::TempDir dir;
    Run r = staffroom("import " + kFixtures + name + ".docx --site " + dir.str());
    CHECK(r.status == 1);
    CHECK(r.output.find(words) != std::string::npos);
    CHECK(r.output.find("Nothing was written") != std::string::npos);
    CHECK(empty_content(dir));
  }
  test::TempDir dir;
  CHECK(staffroom("import " + kFixtures + "no-such.docx --site " + dir.str()).status == 1);
  CHECK(staffroom("import " + kFixtures + "senco-codes.docx --slug Not_A_Slug --site " + dir.str()).status == 2);
}

TEST_CASE("import: never overwrites, and check reports only the facts the document lacks") {
  test::TempDir dir;
  REQUIRE(staffroom("init " + dir.str()).status == 0);
  Run first = staffroom("import " + kFixtures + "senco-codes.docx --slug senco-import --site " + dir.str());
  CHECK(first.status == 0);
  std::string advert = test::read_file(dir.path / "content/vacancies/senco-import.md");
  CHECK(advert.find("draft: true") != std::string::npos);
  CHECK(advert.find("# closes:") != std::string::npos);
  CHECK(advert.find("title: Special Needs Co-ordinator - SENCo (Teacher with TLR 2b)") != std::string::npos);
  Run again = staffroom("import " + kFixtures + "senco-codes.docx --slug senco-import --site " + dir.str());
  CHECK(again.status == 1);
  CHECK(again.output.find("already exists") != std::string::npos);
  CHECK(test::read_file(dir.path / "content/vacancies/senco-import.md") == advert);
  Run check = staffroom("check --site " + dir.str());
  CHECK(check.status == 1);
  CHECK(advert.find("\nschool: our-school  # check: the site's only school; the document does not name it\n") !=
        std::string::npos);
  for (const char* key : {"role", "closes"}) CHECK(check.output.find(key) != std::string::npos);
  std::istringstream lines(check.output);  // warnings (abbreviations) are fine; no error
  for (std::string line; std::getline(lines, line);)
    CHECK_FALSE((line.find("senco-import.yaml") != std::string::npos && line.find(": error:") != std::string::npos));
}

TEST_CASE("import: says what it placed") {
  test::TempDir dir;
  Run r = staffroom("import " + kFixtures + "hssw-one-table.docx --site " + dir.str());
  CHECK(r.status == 0);
  CHECK(r.output.find("Wrote") != std::string::npos);
  CHECK(r.output.find("19 criteria") != std::string::npos);
}

TEST_CASE("import: reads LibreOffice and plain-text documents too") {
  for (const char* name : {"senco-codes.odt", "lsa-headings.txt"}) {
    CAPTURE(std::string(name));
    test::TempDir dir;
    Run r = staffroom("import " + kFixtures + name + " --site " + dir.str());
    CHECK(r.status == 0);
    CHECK(r.output.find(" criteria)") != std::string::npos);
  }
}

TEST_CASE("import: a closing date and a salary written the UK way are typed in, with the document's words beside them") {
  test::TempDir dir;
  REQUIRE(staffroom("init " + dir.str()).status == 0);
  std::string text = test::read_file(kFixtures + "lsa-headings.txt");
  text.insert(text.find("Role and Responsibilities"),
              "Closing date: 12 noon on Friday 18 January 2027\nSalary: £23,500 - £25,979 per annum\n");
  dir.write("lsa.txt", text);
  REQUIRE(staffroom("import " + (dir.path / "lsa.txt").string() + " --slug lsa --site " + dir.str()).status == 0);
  std::string advert = test::read_file(dir.path / "content/vacancies/lsa.md");
  CHECK(advert.find("\ncloses: 2027-01-18T12:00  # check: the document says \"12 noon on Friday 18 January 2027\"\n") !=
        std::string::npos);
  CHECK(advert.find("\nsalary: { min: 23500, max: 25979, currency: GBP, period: year }  # check: the document "
                    "says £23,500 - £25,979 per annum\n") != std::string::npos);
  CHECK(advert.find("Closing date") == std::string::npos);  // taken out of the text, not said twice
  Run check = staffroom("check --site " + dir.str());
  CHECK(check.output.find("closes") == std::string::npos);  // not missing, and valid
  CHECK(check.output.find("salary") == std::string::npos);
}

TEST_CASE("import: a trust's school is the one the document names, and with none named the line lists them") {
  test::TempDir dir;
  REQUIRE(staffroom("init " + dir.str()).status == 0);
  dir.write("content/schools/harbour.yaml",
            "name: Harbour Secondary School\n"
            "address: { street: 1 Quay Road, locality: Plymouth, postcode: PL1 1AA }\nphase: secondary\n");
  std::string text = test::read_file(kFixtures + "lsa-headings.txt");
  dir.write("plain.txt", text);
  text.insert(text.find("Role and Responsibilities"), "Harbour Secondary School is a friendly school.\n");
  dir.write("named.txt", text);
  REQUIRE(staffroom("import " + (dir.path / "named.txt").string() + " --slug named --site " + dir.str()).status == 0);
  CHECK(test::read_file(dir.path / "content/vacancies/named.md")
            .find("\nschool: harbour  # check: the document names Harbour Secondary School\n") != std::string::npos);
  REQUIRE(staffroom("import " + (dir.path / "plain.txt").string() + " --slug plain --site " + dir.str()).status == 0);
  CHECK(test::read_file(dir.path / "content/vacancies/plain.md")
            .find("\n# school: SCHOOL-ID  # check: the document does not say which school; one of: harbour "
                  "our-school\n") != std::string::npos);
}

TEST_CASE("import: the role is found among site.yaml's roles, and check takes it") {
  test::TempDir dir;
  REQUIRE(staffroom("init " + dir.str()).status == 0);
  REQUIRE(staffroom("import " + kFixtures + "lsa-headings.txt --slug lsa --site " + dir.str()).status == 0);
  std::string advert = test::read_file(dir.path / "content/vacancies/lsa.md");
  CHECK(advert.find("\nrole: learning-support  # check: Learning support, as the job title says learning support\n") !=
        std::string::npos);
  Run check = staffroom("check --site " + dir.str());
  CHECK(check.output.find("role") == std::string::npos);
}

TEST_CASE("import: a fact the document leaves to fill in is not written as the fact") {
  test::TempDir dir;
  REQUIRE(staffroom("init " + dir.str()).status == 0);
  REQUIRE(staffroom("import " + kFixtures + "hssw-table-per-section.docx --slug hssw --site " + dir.str()).status == 0);
  std::string advert = test::read_file(dir.path / "content/vacancies/hssw.md");
  CHECK(advert.find("\n# reports_to:  # check: the document leaves this to fill in: insert line manager’s post "
                    "name here\n") != std::string::npos);
  CHECK(advert.find("\nreports_to:") == std::string::npos);
  CHECK(advert.find("\ngrade: Grade 4\n") != std::string::npos);  // a fact given is written as it is
}
