// The fixed words of the content contract (contract types, working patterns,
// checks, ...) with the label a page shows for each. Loading checks values
// against these lists; rendering takes the labels from them.
#pragma once

#include <string>
#include <utility>
#include <vector>

using Vocabulary = std::vector<std::pair<std::string, std::string>>;  // id, label

extern const Vocabulary kContracts;
extern const Vocabulary kWorkingPatterns;
extern const Vocabulary kSafeguardingChecks;
extern const Vocabulary kPhysicalRequirements;
extern const Vocabulary kPhases;
extern const Vocabulary kLevels;
extern const Vocabulary kWelshLanguageLevels;  // welsh_language: in an advert
extern const Vocabulary kDays;
extern const Vocabulary kSalaryPeriods;
extern const Vocabulary kAssessmentMethods;  // the defaults of a person spec

std::vector<std::string> ids_of(const Vocabulary& v);
// The label of `id`, or "" when the vocabulary has no such id.
std::string label_of(const Vocabulary& v, const std::string& id);
