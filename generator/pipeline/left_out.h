// What a build leaves out, said at the end of every `build` and `check`, so
// that an advert left as a draft is never a silent "Built 0 vacancies".
#pragma once

#include <string>

#include "base/model.h"

// Lines such as "1 draft not published: content/vacancies/x.md (draft: true)"
// and the scheduled adverts with the moment each goes live; empty when none.
std::string left_out(const Site& site, Time now, bool drafts_built = false);
