// Views: model values turned into the Mustache data the templates use
// (names documented in themes/default/README.md). Words, not codes: every
// label a candidate reads is made here.
#pragma once

#include <set>
#include <string>

#include "render/site_context.h"
#include "theme/theme.h"

Data object();
Data list();
Data text(const std::string& s);
Data text(std::string&& s);  // moved in, not copied: a page's content is tens of kilobytes

// Sets a value. An empty string is left out: Mustache treats "" as true in
// {{#x}}, so templates could not test for it.
void put(Data& d, const std::string& key, const std::string& value);
void put(Data& d, const std::string& key, std::string&& value);
void put(Data& d, const std::string& key, const char* value);
void put(Data& d, const std::string& key, bool value);
void put(Data& d, const std::string& key, const Data& value);
// Moves a built value in: kainjow's set() and push_back() only copy, and
// copying whole trees of criteria was a quarter of a build's time.
void put(Data& d, const std::string& key, Data&& value);
void push(Data& list, Data&& value);
// An object's names and values, which kainjow keeps to itself (`d` must be
// an object).
using DataObject = kainjow::mustache::basic_object<std::string>;
const DataObject& object_of(const Data& d);

// One vacancy in a list.
Data card_view(const SiteContext& ctx, const Vacancy& v);
// The words of the count of `vs`: "3 open vacancies" (drafts and scheduled
// adverts counted apart, in a preview). `counts` names the words of the
// count: "counts.open_vacancies".
std::string count_words(const SiteContext& ctx, const std::vector<const Vacancy*>& vs,
                        const std::string& counts);
// A list's `vacancies` (the cards of `shown`: one page of the list),
// `has_vacancies` (`any`) and `count_text`, the list's count
// made once by count_words: counting a 90,000-advert archive again for each
// of its 1,800 pages was a quarter of a preview's rebuild.
void add_cards(const SiteContext& ctx, const std::vector<const Vacancy*>& shown, bool any,
               const std::string& count_text, Data& into);

// A vacancy page's `vacancy` value. `seen` marks abbreviations once a page;
// `plain_body` is given the job description without those marks.
Data vacancy_view(const SiteContext& ctx, const Vacancy& v, std::set<std::string>& seen,
                  std::string* plain_body = nullptr);
Data spec_view(const SiteContext& ctx, const PersonSpec& spec, const std::string& role,
               std::set<std::string>& seen);

Data school_view(const SiteContext& ctx, const School& s);
Data standard_view(const SiteContext& ctx, const Standard& s);

// "Closing soon", "This vacancy has closed", "Draft: not published", ...
std::string status_words(Status s, const Vacancy& v, const Words& w = default_words());
std::string working_pattern_label(const Vacancy& v, const Words& w = default_words());
// "1 Oak Lane, Leeds, LS1 1AA": the parts given, in order.
std::string address_line(const Address& a);
std::string hours_text(const Vacancy& v, const Words& w = default_words());
