// The contract's fixed words and their labels; see vocabulary.h.
#include "base/vocabulary.h"

const Vocabulary kContracts = {
    {"permanent", "Permanent"},
    {"fixed-term", "Fixed term"},
    {"temporary", "Temporary"},
    {"casual", "Casual"},
};

const Vocabulary kWorkingPatterns = {
    {"full-time", "Full time"},   {"part-time", "Part time"},
    {"term-time", "Term time only"}, {"job-share", "Job share"},
    {"flexible", "Flexible working"},
};

const Vocabulary kSafeguardingChecks = {
    {"enhanced-dbs-children-and-adults-barred-lists",
     "Enhanced DBS check with children's and adults' barred list checks"},
    {"enhanced-dbs-children-barred-list",
     "Enhanced DBS check with children's barred list check"},
    {"enhanced-dbs-adults-barred-list",
     "Enhanced DBS check with adults' barred list check"},
    {"enhanced-dbs", "Enhanced DBS check"},
    {"standard-dbs", "Standard DBS check"},
    {"basic-disclosure", "Basic disclosure check"},
    {"none", "No criminal record check is needed for this post"},
};

// From the physical-requirements checklist councils attach to job profiles.
const Vocabulary kPhysicalRequirements = {
    {"lifting-and-handling", "Lifting, manual handling or client handling"},
    {"prolonged-standing-or-sitting", "Prolonged standing or sitting"},
    {"working-at-heights", "Working at heights"},
    {"vibrating-tools", "Prolonged working with vibrating tools or machinery"},
    {"confined-spaces", "Working in confined spaces"},
    {"bending-squatting-kneeling", "Bending, squatting or kneeling"},
    {"working-outdoors", "Working outdoors"},
    {"manual-cleaning", "Manual cleaning or domestic duties"},
    {"gardening", "Agricultural or gardening work"},
    {"food-handling", "Food handling"},
    {"respirators-or-masks", "Work requiring respirators or masks"},
    {"shift-or-night-work", "Rotating shift work or night work"},
    {"hearing-protection", "Work requiring hearing protection"},
    {"passenger-driving", "Driving HGV, LGV, minibus or passenger-carrying vehicles"},
    {"irritants", "Work with skin irritants, allergens, respiratory irritants or fine particles"},
    {"other-driving", "Other driving duties"},
    {"significant-computer-use", "Significant use of computers"},
    {"using-restraint", "Using restraint"},
    {"working-with-children-or-vulnerable-adults", "Working with children or vulnerable adults"},
    {"high-mental-stress", "High mental stress content"},
    {"permanent-night-work", "Permanent night work"},
    {"physical-sport-leisure", "Physical, sport or leisure duties"},
    {"lone-working", "Lone working"},
    {"uneven-ground", "Regular walking on uneven ground"},
    {"working-with-challenging-behaviour", "Working with challenging behaviour"},
};

const Vocabulary kPhases = {
    {"nursery", "Nursery"},         {"primary", "Primary"},
    {"secondary", "Secondary"},     {"special", "Special school"},
    {"all-through", "All-through"}, {"sixth-form", "Sixth form"},
    {"alternative-provision", "Alternative provision"},
};

const Vocabulary kLevels = {
    {"essential", "Essential"},
    {"desirable", "Desirable"},
};

// How much Welsh a post needs, as schools in Wales state it.
const Vocabulary kWelshLanguageLevels = {
    {"essential", "Welsh is essential"},
    {"desirable", "Welsh is desirable"},
    {"not-required", "Welsh is not required"},
};

const Vocabulary kDays = {
    {"Mon", "Monday"}, {"Tue", "Tuesday"},  {"Wed", "Wednesday"}, {"Thu", "Thursday"},
    {"Fri", "Friday"}, {"Sat", "Saturday"}, {"Sun", "Sunday"},
};

const Vocabulary kSalaryPeriods = {
    {"year", "a year"}, {"month", "a month"}, {"week", "a week"},
    {"day", "a day"},   {"hour", "an hour"},
};

const Vocabulary kAssessmentMethods = {
    {"application", "Application form"},
    {"interview", "Interview"},
    {"test", "Test"},
    {"qualification", "Proof of qualification"},
    {"exercise", "Practical exercise"},
    {"references", "References"},
};

std::vector<std::string> ids_of(const Vocabulary& v) {
  std::vector<std::string> out;
  for (auto& [id, label] : v) out.push_back(id);
  return out;
}

std::string label_of(const Vocabulary& v, const std::string& id) {
  for (auto& [k, label] : v)
    if (k == id) return label;
  return {};
}
