// libFuzzer target: the first byte picks a loader (advert, person spec, school, standard, page), the rest is the file's text.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "base/clock.h"
#include "base/text.h"
#include "load/load.h"
#include "load/source.h"
#include "check/validate.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static bool once = set_timezone("Europe/London");
  (void)once;
  if (size == 0) return 0;
  std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  // As read_text_file hands text to the loaders: UTF-8, no CR.
  if (find_invalid_utf8(text)) return 0;
  std::string clean;
  for (char c : text)
    if (c != '\r') clean += c;
  Diagnostics diags;
  Site site;
  switch (data[0] % 5) {
    case 0:
      if (auto v = parse_vacancy(clean, "content/vacancies/fuzz.md", diags)) {
        site.vacancies.push_back(std::move(*v));
        validate(site, diags);  // links, wording, abbreviations in the body
      }
      break;
    case 1:
      if (auto s = parse_spec(clean, "content/specs/fuzz.yaml", diags)) {
        site.specs.emplace("fuzz", std::make_shared<const PersonSpec>(std::move(*s)));
        validate(site, diags);
      }
      break;
    case 2:
      parse_school(clean, "content/schools/fuzz.yaml", diags);
      break;
    case 3:
      if (auto s = parse_standard(clean, "content/standards/fuzz.yaml", diags))
        resolve_citation(site, "fuzz/A/1");
      break;
    case 4:
      parse_page(clean, "content/pages/fuzz.md", diags);
      break;
  }
  std::ostringstream sink;
  print_diagnostics(sink, diags, "/nonexistent");
  return 0;
}
