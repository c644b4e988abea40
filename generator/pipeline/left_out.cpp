// What a build leaves out; see left_out.h.
#include "pipeline/left_out.h"

#include "base/clock.h"
#include "base/text.h"
#include "render/site_context.h"

std::string left_out(const Site& site, Time now, bool drafts_built) {
  std::vector<const Vacancy*> drafts, scheduled;
  for (auto& v : site.vacancies) {
    Status s = status_of(v, now);
    if (s == Status::draft) drafts.push_back(&v);
    if (s == Status::scheduled && !drafts_built) scheduled.push_back(&v);
  }
  std::string out;
  std::string verb = drafts_built ? " built with a banner (--drafts)" : " not published";
  if (drafts.size() == 1) {
    out += "1 draft" + verb + ": " + drafts[0]->mark.path + " (draft: true)\n";
  } else if (!drafts.empty()) {
    out += counted(drafts.size(), "draft") + verb + " (draft: true):\n";
    for (auto* v : drafts) out += "  " + v->mark.path + "\n";
  }
  for (auto* v : scheduled)
    out += "Scheduled, not yet published: " + v->mark.path + " goes live at " +
           datetime_words(*v->publish) + " (its publish: line)\n";
  return out;
}
