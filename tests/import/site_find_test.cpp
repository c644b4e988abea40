// The draft advert's school: and role: lines: found from the document and the
// site where they can be, said why, and listed for the office where not.
#include <doctest/doctest.h>

#include "import/site_find.h"

namespace {

ImportDoc doc_saying(const std::string& text) {
  ImportDoc doc;
  DocBlock block;
  block.paragraph.text = text;
  doc.blocks.push_back(block);
  return doc;
}

SiteNames trust() {
  SiteNames site;
  site.schools = {{"st-marys", "St Mary's"}, {"st-marys-primary", "St Mary’s Catholic Primary School"},
                  {"harbour", "Harbour Secondary School"}};
  site.roles = {{"learning-support", "Learning support"},
                {"support", "Support staff"},
                {"family-support", "Family and pastoral support"},
                {"teaching", "Teaching"}};
  return site;
}

}  // namespace

TEST_CASE("the school is the one the document names, the longer where one name holds another") {
  auto schools = trust().schools;
  CHECK(school_line(doc_saying("Join St Mary's Catholic Primary School, Leeds."), schools) ==
        "school: st-marys-primary  # check: the document names St Mary’s Catholic Primary School\n");
  CHECK(school_line(doc_saying("St Mary's is a happy school."), schools) ==
        "school: st-marys  # check: the document names St Mary's\n");
  CHECK(school_line(doc_saying("St Mary's and Harbour Secondary School share the post."), schools) ==
        "# school: SCHOOL-ID  # check: the document names more than one school; one of: st-marys "
        "st-marys-primary harbour\n");
  CHECK(school_line(doc_saying("A lovely school."), {{"only", "Only School"}}) ==
        "school: only  # check: the site's only school; the document does not name it\n");
}

TEST_CASE("the role is the one the title names in two words or more, the longest name found") {
  SiteNames site = trust();
  CHECK(role_line("1:1 Learning Support Assistant", site) ==
        "role: learning-support  # check: Learning support, as the job title says learning support\n");
  CHECK(role_line("Family Support Worker", site) ==
        "role: family-support  # check: Family and pastoral support, as the job title says family support\n");
  // One word is not enough: a teaching assistant is support staff.
  CHECK(role_line("Teaching Assistant", site) ==
        "# role: ROLE  # check: the role category candidates browse by; one of: family-support "
        "learning-support support teaching\n");
}

TEST_CASE("the role is the one the site's adverts of the same title have, when they agree") {
  SiteNames site = trust();
  site.adverts = {{"Midday Supervisor", "support"}, {"Midday supervisor", "support"}};
  CHECK(role_line("MIDDAY SUPERVISOR", site) ==
        "role: support  # check: as your other adverts for Midday supervisor\n");
  site.adverts.push_back({"Midday Supervisor", "family-support"});
  CHECK(role_line("Midday Supervisor", site).rfind("# role: ROLE", 0) == 0);
  // A role an advert uses but site.yaml does not list is found and offered too.
  site.adverts = {{"Cook", "school-kitchen"}};
  CHECK(role_line("School Kitchen Assistant", site) ==
        "role: school-kitchen  # check: as the job title says school kitchen\n");
  CHECK(role_line("Cleaner", site).find(" one of: family-support learning-support school-kitchen support") !=
        std::string::npos);
  CHECK(role_line("", SiteNames{}) ==
        "# role: ROLE  # check: the role category candidates browse by, such as learning-support or teaching\n");
}
