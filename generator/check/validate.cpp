// Cross-file rules and warnings; see validate.h.
#include "check/validate.h"

#include "check/placeholders.h"

#include <algorithm>
#include <functional>
#include <filesystem>
#include <map>
#include <set>

#include "check/check_cache.h"
#include "load/load.h"
#include "load/site_folder.h"
#include "markdown/markdown.h"
#include "base/clock.h"
#include "base/parallel.h"
#include "load/source.h"
#include "base/text.h"

CitationTarget resolve_citation(const Site& site, const std::string& citation) {
  CitationTarget target;
  auto first = citation.find('/');
  auto last = citation.rfind('/');
  if (first == std::string::npos || first == last) return target;
  auto it = site.standards.find(citation.substr(0, first));
  if (it == site.standards.end()) return target;
  std::string unit_id = citation.substr(first + 1, last - first - 1);
  std::string code = citation.substr(last + 1);
  for (auto& unit : it->second.units) {
    if (unit.id != unit_id) continue;
    for (auto& c : unit.criteria) {
      if (c.code == code) return {&it->second, &unit, c.code, c.text};
      for (auto& k : c.knowledge)
        if (k.code == code) return {&it->second, &unit, k.code, k.text};
    }
  }
  return target;
}

// What a reference may name, for the message when it names none of them.
struct Known {
  // The usable ids there are, and those of files whose names cannot be used
  // ("Oak Primary.yaml"): made only for a message, as a big site has a
  // specification per advert.
  std::function<std::vector<std::string>(bool misnamed)> ids;
  std::function<bool(const std::string&)> has;  // `id` is one of the usable ids
  std::string what, plural;  // "school", "schools"
  std::string where;         // "in content/schools/"; "" to list none
  std::string make;          // how to make one: "run: staffroom new school", then the name
  bool make_names = false;   // `make` ends with the name
  std::string folder;        // "content/schools/", for a file whose name cannot be used
  // The id of the one whose name candidates read is `value` ("Oak Primary
  // School" for oak), and the key that takes the id; empty if none.
  std::function<std::string(const std::string& value)> named = {};
  std::string key = {};
};

// The id in `m` whose name (as `name_of` gives it) is `value`, in any case.
template <class Map, class Name>
static auto id_named(const Map& m, Name name_of) {
  return [&m, name_of](const std::string& value) {
    std::string wanted = lower_ascii(value);
    for (auto& [id, item] : m)
      if (lower_ascii(name_of(item)) == wanted) return id;
    return std::string();
  };
}

// A map's ids as Known::ids gives them; with `valid_only`, only a slug is
// usable (a file named "Teaching Assistant.yaml" is loaded, but never offered).
template <class Map>
static auto ids_in(const Map& m, bool valid_only) {
  return [&m, valid_only](bool misnamed) {
    std::vector<std::string> out;
    for (auto& [k, v] : m)
      if (valid_only && !is_slug(k) ? misnamed : !misnamed) out.push_back(k);
    return out;
  };
}

template <class Map>
static auto has_in(const Map& m, bool valid_only) {
  return [&m, valid_only](const std::string& id) { return (!valid_only || is_slug(id)) && m.count(id); };
}

// "oak, ash and 3 more".
static std::string some_of(const std::vector<std::string>& ids) {
  constexpr size_t kShown = 8;
  std::vector<std::string> shown(ids.begin(), ids.begin() + std::min(ids.size(), kShown));
  if (ids.size() > kShown) shown.push_back(std::to_string(ids.size() - kShown) + " more");
  return join_words(shown);
}

// The fix for an unknown name: those there are, and how to make another.
static std::string known_advice(const std::string& value, const Known& known) {
  if (known.where.empty()) return "";
  for (auto& id : known.ids(true))
    if (web_file_name(id, "") == value)
      return ". The file " + known.folder + id + ".yaml would give it, once renamed to '" + value +
             ".yaml'";
  auto ids = known.ids(false);
  std::string out = ids.empty()
                        ? ". There are no " + known.plural + " " + known.where + " yet"
                        : ". The " + known.plural + " " + known.where + " are: " + some_of(ids);
  std::string name = is_slug(value) ? value : web_file_name(value, "new-" + known.what);
  out += ". To make a new one, " + known.make + (known.make_names ? " " + name : "");
  if (auto quote = curly_quote_advice(value); !quote.empty()) out += ". " + quote;
  return out;
}

// Reports `value` when it is not one of `known`'s ids.
static void check_reference(const std::string& value, const Known& known, const Mark& mark,
                            Diagnostics& diags, const std::string& existing_file = "") {
  if (known.has(value)) return;
  // The file is there but could not be read, or is named .yml: its own
  // errors say why, and every advert that names it need not say so again.
  std::error_code ec;
  if (!existing_file.empty() && is_slug(value) &&
      (std::filesystem::exists(existing_file + ".yaml", ec) ||
       std::filesystem::exists(existing_file + ".yml", ec)))
    return;
  if (std::string id = known.named ? known.named(value) : ""; !id.empty())
    return diags.error(mark, "'" + value + "' is the " + known.what + "'s name, as candidates read it; here " +
                                 "write its id instead: " + known.key + ": " + id);
  auto near = did_you_mean(value, known.ids(false));
  diags.error(mark, "unknown " + known.what + " '" + value + "'" +
                        (near.empty() ? "" : " (did you mean '" + near + "'?)") +
                        known_advice(value, known));
}

namespace {

// One file's problems. Files are checked in parallel, so an unknown
// abbreviation's warning is kept aside until the merge, which reports each
// word once, at its first use in file order.
struct Findings {
  Diagnostics diags;
  std::vector<std::pair<std::string, Diagnostic>> unknown;  // word, warning
  std::set<std::string> words;                               // in `unknown`

  void unknown_abbreviation(const std::string& word, const Mark& at) {
    if (!words.insert(word).second) return;
    unknown.push_back({word, {at, Severity::warning,
                              "the abbreviation '" + word +
                                  "' is not in content/glossary.yaml, so candidates "
                                  "are not told what it means"}});
  }
};

}  // namespace

// Wording that assumes a gender; the Equality Act 2010 guidance is to avoid
// it. A scan for "word/word" pairs: a std::regex here was a third of a build.
static void check_gendered(std::string_view text, const Mark& start, int first_line,
                           bool offsets, Diagnostics& diags) {
  static const char* pairs[] = {"he/she", "she/he", "his/her", "her/his", "him/her", "s/he"};
  auto is_letter = [](char c) { return isalpha(static_cast<unsigned char>(c)) != 0; };
  for (size_t slash = text.find('/'); slash != std::string::npos; slash = text.find('/', slash + 1)) {
    size_t begin = slash, end = slash + 1;
    while (begin > 0 && is_letter(text[begin - 1])) --begin;
    while (end < text.size() && is_letter(text[end])) ++end;
    std::string word = lower_ascii(std::string(text.substr(begin, end - begin)));
    bool gendered = false;
    for (auto* p : pairs) gendered = gendered || word == p;
    if (!gendered) continue;
    Mark m = start;
    if (offsets) {
      auto [line, col] = line_col(text, begin, first_line);
      m.line = line, m.col = col;
    }
    diags.warning(m, "gendered wording '" + std::string(text.substr(begin, end - begin)) +
                         "': consider 'they' or 'their' instead");
  }
}

// One warning for a section, however many of its criteria leave out how
// they are assessed: a document that never says is one fact, not dozens.
static void warn_not_assessed(const Section& section, Diagnostics& diags) {
  size_t total = section.criteria.size(), missing = 0;
  for (auto& c : section.criteria) missing += c.assessed.empty();
  if (missing == 0) return;
  std::string in = " in the section '" + section.name + "'";
  std::string fix = ": add 'assessed:' to the section (for example assessed: [application, "
                    "interview]) or to each criterion";
  if (total == 1)
    diags.warning(section.mark, "the criterion" + in + " does not say how it is assessed: add "
                                "'assessed:' to it or to the section (for example assessed: "
                                "[application, interview])");
  else if (missing == total)
    diags.warning(section.mark, "none of the " + std::to_string(total) + " criteria" + in +
                                    " says how it is assessed" + fix);
  else
    diags.warning(section.mark, std::to_string(missing) + " of the " + std::to_string(total) +
                                    " criteria" + in + (missing == 1 ? " does" : " do") +
                                    " not say how " + (missing == 1 ? "it is" : "they are") +
                                    " assessed: add 'assessed:' to " +
                                    (missing == 1 ? "that criterion" : "each of them"));
}

// Criteria that do not say how they are assessed: one warning for the
// specification, naming each section with its count, since a school's
// document that leaves assessment out does so throughout (one fact, not a
// warning per section or per criterion). One section alone gets its own.
static void warn_spec_not_assessed(const PersonSpec& spec, Diagnostics& diags) {
  std::vector<const Section*> lacking;
  std::string list;
  for (auto& section : spec.sections) {
    size_t missing = 0;
    for (auto& c : section.criteria) missing += c.assessed.empty();
    if (!missing) continue;
    lacking.push_back(&section);
    list += (list.empty() ? "" : ", ") + ("'" + section.name + "' (") + std::to_string(missing) +
            " of " + std::to_string(section.criteria.size()) + ")";
  }
  if (lacking.size() == 1) return warn_not_assessed(*lacking[0], diags);
  if (lacking.empty()) return;
  diags.warning(lacking[0]->mark, "in " + std::to_string(lacking.size()) + " sections, criteria do not "
                                  "say how they are assessed: " + list + "; add 'assessed:' to each "
                                  "section (for example assessed: [application, interview]) or criterion");
}

static void check_spec(const Site& site, const PersonSpec& spec, Findings& found,
                       const Glossary& glossary) {
  Diagnostics& diags = found.diags;
  Known standards{ids_in(site.standards, true), has_in(site.standards, true), "standard", "standards", "", "", false, ""};
  warn_spec_not_assessed(spec, diags);
  for (auto& section : spec.sections) {
    for (auto& c : section.criteria) {
      for (size_t i = 0; i < c.standards.size(); ++i) {
        auto& cite = c.standards[i];
        Mark at = i < c.standard_marks.size() ? c.standard_marks[i] : c.mark;
        if (!resolve_citation(site, cite).standard) {
          auto id = cite.substr(0, cite.find('/'));
          if (!site.standards.count(id))
            check_reference(id, standards, at, diags, site.root + "/content/standards/" + id);
          else
            diags.error(at, "the standard '" + id + "' has no criterion '" +
                                    (cite.size() > id.size() ? cite.substr(id.size() + 1) : "") +
                                    "'; write it as " + id + "/<unit>/<code>, e.g. " + id + "/A/14");
        }
      }
      check_gendered(c.text, c.mark, 0, false, diags);
      for (auto& [word, offset] : find_abbreviations(c.text))
        if (!glossary.knows(word)) found.unknown_abbreviation(word, c.mark);
    }
  }
}

// A link with no https:// that cannot be meant as a page of this site: a
// website ("www.oak.sch.uk/jobs") or a file named from the content folder
// ("files/form.docx"), which a browser looks for under the advert's own
// address. What to write instead; nothing for a link that is fine.
static std::optional<std::string> relative_link_fix(const std::string& url) {
  std::string host = lower_ascii(url.substr(0, url.find_first_of("/?#")));
  bool website = host.starts_with("www.");
  for (std::string_view end : {".uk", ".com", ".org", ".net", ".gov", ".wales", ".scot", ".cymru"})
    website = website || (host.size() > end.size() && host.ends_with(end));
  if (website)
    return "'" + url + "' is read as a page of this site, not another website: write https://" + url;
  for (std::string_view folder : {"files/", "content/files/"})
    if (url.starts_with(folder))
      return "'" + url + "' is looked for under this page's own address, where there is no such file: write /files/" +
             url.substr(folder.size());
  return std::nullopt;
}

static void check_body_uncached(std::string_view body, const Mark& file, int body_line,
                                Findings& found, const Glossary& glossary) {
  Diagnostics& diags = found.diags;
  auto scan = scan_markdown(body);
  if (scan.refused) {
    diags.error({file.path, body_line + scan.refused->line - 1, scan.refused->col},
                scan.refused->message);
    return;
  }
  for (auto& link : scan.links) {
    Mark m{file.path, body_line + link.line - 1, link.col};
    if (!is_relative_url(link.text)) check_url(link.text, m, diags);
    else if (auto fix = relative_link_fix(link.text)) diags.error(m, *fix);
  }
  // One warning a line, with the line in Markdown where it can be said so.
  int warned_line = 0;
  std::vector<std::string_view> lines;
  if (!scan.raw_html.empty()) lines = lines_of(body);
  for (auto& html : scan.raw_html) {
    if (html.line == warned_line || html.line < 1 || html.line > static_cast<int>(lines.size())) continue;
    warned_line = html.line;
    std::string_view line = lines[html.line - 1];
    auto markdown = html_as_markdown(line);
    bool link = line.find("href") != std::string_view::npos;
    diags.warning({file.path, body_line + html.line - 1, html.col},
                  !markdown ? std::string("HTML is not allowed in an advert and is left out; use Markdown")
                            : std::string("HTML is left out of the page, so this line shows as plain text") +
                                  (link ? ", without its link" : "") + ": write it in Markdown instead: " + *markdown);
  }
  check_gendered(body, file, body_line, true, diags);
  for (auto& [word, offset] : find_abbreviations(body)) {
    if (glossary.knows(word) || found.words.count(word)) continue;
    auto [line, col] = line_col(body, offset, body_line);
    found.unknown_abbreviation(word, {file.path, line, col});
  }
}

// The key of one text's findings: everything they depend on.
static std::uint64_t body_key(std::string_view body, const Mark& file, int body_line,
                              std::uint64_t glossary_key) {
  std::hash<std::string_view> hash;
  std::uint64_t key = hash(body) ^ (glossary_key * 0x9e3779b97f4a7c15ULL);
  key = key * 31 + hash(file.path.str());
  return key * 31 + static_cast<std::uint64_t>(body_line);
}

// Findings made apart (or kept from the last run) added to `found`, each
// unknown abbreviation once, as if found there.
static void add_findings(Findings& found, const Diagnostics& diags,
                         const std::vector<std::pair<std::string, Diagnostic>>& unknown) {
  found.diags.append(diags);
  for (auto& [word, warning] : unknown)
    if (found.words.insert(word).second) found.unknown.push_back({word, warning});
}

// check_body_uncached, or its findings from the last run when the text,
// its place and the glossary are the same.
static void check_body(std::string_view body, const Mark& file, int body_line, Findings& found,
                       const Glossary& glossary, CheckCache* cache, std::uint64_t glossary_key) {
  if (!cache) return check_body_uncached(body, file, body_line, found, glossary);
  std::uint64_t key = body_key(body, file, body_line, glossary_key);
  {
    std::lock_guard lock(cache->mutex);
    cache->used.insert(key);
    auto it = cache->bodies.find(key);
    if (it != cache->bodies.end()) return add_findings(found, it->second.diags, it->second.unknown);
  }
  Findings own;
  check_body_uncached(body, file, body_line, own, glossary);
  add_findings(found, own.diags, own.unknown);
  std::lock_guard lock(cache->mutex);
  cache->bodies[key] = {std::move(own.diags), std::move(own.unknown)};
}

static std::uint64_t glossary_key(const Site& site) {
  std::uint64_t key = 0;
  std::hash<std::string> hash;
  for (auto& [abbr, words] : site.glossary) key = key * 1099511628211ULL ^ hash(abbr + '\n' + words);
  return key;
}

// What a specification's findings depend on besides itself and the
// glossary: the standards its criteria may cite (ids, units, codes) and the
// site folder (named in a message).
static std::uint64_t standards_key(const Site& site) {
  std::hash<std::string> hash;
  std::uint64_t key = hash(site.root);
  auto mix = [&](const std::string& part) { key = key * 1099511628211ULL ^ hash(part); };
  for (auto& [id, standard] : site.standards) {
    mix("standard " + id);
    for (auto& unit : standard.units) {
      mix("unit " + unit.id);
      for (auto& c : unit.criteria) {
        mix("code " + c.code);
        for (auto& k : c.knowledge) mix("knowledge " + k.code);
      }
    }
  }
  return key;
}

// A page is written at /<slug>/, so it must not take an address that the
// site's own lists use: two outputs to one path would race.
static void check_page_address(const Page& p, Diagnostics& diags) {
  bool taken = false;
  std::string names;
  for (auto* word : kGeneratedFolders) {
    taken = taken || p.slug == word;
    names += (names.empty() ? "" : ", ") + std::string(word);
  }
  if (taken)
    diags.error(p.mark, "a page cannot be called '" + p.slug + "': Staffroom makes the page /" +
                            p.slug + "/ itself. Rename the file (for example " + p.slug +
                            "-information.md); these names are taken: " + names);
}

namespace {

// What every file's check needs to know of the rest of the site.
struct Context {
  Site& site;
  Known schools, roles, specs;
  Glossary glossary;
  std::set<std::string> files;
  CheckCache* cache;
  std::uint64_t glossary_at;
  std::uint64_t spec_key;  // the glossary's and the standards'
};

Context context_of(Site& site, CheckCache* cache) {
  std::string settings = site_yaml_path(site.root).value_or("content/site.yaml");
  std::uint64_t glossary_at = glossary_key(site);
  Context c{site,
            {ids_in(site.schools, true), has_in(site.schools, true), "school", "schools", "in content/schools/",
             "run: staffroom new school", true, "content/schools/"},
            {ids_in(site.config.roles, false), has_in(site.config.roles, false), "role", "roles", "listed under roles: in " + settings,
             "add a line to them with its id and label, such as cook: School cook", false, ""},
            {ids_in(site.specs, true), has_in(site.specs, true), "person specification", "person specifications",
             "in content/specs/", "run: staffroom new spec", true, "content/specs/"},
            Glossary(site.glossary),
            {},
            cache,
            glossary_at,
            glossary_at * 0x9e3779b97f4a7c15ULL ^ standards_key(site)};
  c.schools.named = id_named(site.schools, [](const School& s) { return s.name; });
  c.roles.named = id_named(site.config.roles, [](const std::string& label) { return label; });
  c.specs.named = id_named(site.specs, [](const std::shared_ptr<const PersonSpec>& s) { return s->title; });
  c.schools.key = "school", c.roles.key = "role", c.specs.key = "spec";
  for (auto& f : site.files) c.files.insert(f.relative);
  return c;
}

// check_spec, or its findings from the last run for the same specification
// object, glossary and standards.
void check_spec_cached(const Context& c, const std::shared_ptr<const PersonSpec>& spec, Findings& found) {
  if (!c.cache) return check_spec(c.site, *spec, found, c.glossary);
  {
    std::lock_guard lock(c.cache->mutex);
    c.cache->specs_used.insert(spec.get());
    auto it = c.cache->specs.find(spec.get());
    if (it != c.cache->specs.end() && it->second.key == c.spec_key)
      return add_findings(found, it->second.findings.diags, it->second.findings.unknown);
  }
  Findings own;
  check_spec(c.site, *spec, own, c.glossary);
  add_findings(found, own.diags, own.unknown);
  std::lock_guard lock(c.cache->mutex);
  c.cache->specs[spec.get()] = {spec, c.spec_key, {std::move(own.diags), std::move(own.unknown)}};
}

// The school, role and specification an advert names; also resolves its
// `spec:` to the PersonSpec.
void check_references(const Context& c, Vacancy& v, Findings& found) {
  Diagnostics& d = found.diags;
  const std::string& root = c.site.root;
  if (!v.school.empty()) check_reference(v.school, c.schools, v.school_mark, d, root + "/content/schools/" + v.school);
  if (!c.site.config.roles.empty() && !v.role.empty()) check_reference(v.role, c.roles, v.role_mark, d);
  if (!v.spec_id.empty()) {
    auto it = c.site.specs.find(v.spec_id);
    if (it == c.site.specs.end())
      check_reference(v.spec_id, c.specs, v.spec_mark, d, root + "/content/specs/" + v.spec_id);
    else
      v.spec = it->second;
  } else if (v.spec) {
    check_spec_cached(c, v.spec, found);
  } else {
    d.warning(v.mark, "this advert has no person specification: add a line 'spec: <name>' for the "
                      "file content/specs/<name>.yaml, or give its criteria under 'person_specification:'");
  }
}

// A note left to fill in, in text that will be published: the first, and
// how many more, so that a starter page's dozen say one thing.
void check_placeholders(std::string_view body, const Mark& file, int body_line, Diagnostics& d) {
  auto notes = find_placeholders(body);
  if (notes.empty()) return;
  auto [line, col] = line_col(body, notes[0].offset, body_line);
  std::string more = notes.size() == 1 ? "" : " (and " + std::to_string(notes.size() - 1) + " more like it below)";
  d.warning({file.path, line, col}, "'" + notes[0].text +
                                        "' looks like a note left to fill in: write the real words in its place" + more);
}

void check_advert(const Context& c, Vacancy& v, Findings& found) {
  Diagnostics& d = found.diags;
  check_references(c, v, found);
  for (auto& doc : v.documents)
    if (!doc.file.empty() && !c.files.count(doc.file))
      d.error(doc.mark, "there is no file content/" + doc.file + "; put the document in content/files/");
  if (!v.salary)
    d.warning(v.mark, "no salary is given: candidates and search engines expect one; add a line such as "
                      "'salary: { min: 24404, max: 26409, period: year }'");
  if (v.posted && v.closes > v.posted && v.closes - v.posted < 7 * 86400) {
    // From about noon of the day it is posted, 7 x 24 hours lands on the
    // seventh day after it, whichever way the clocks change in between.
    LocalTime p = local(v.posted);
    Time week_on = v.posted + (12 - p.hour) * 3600 - p.minute * 60 - p.second + 7 * 86400;
    d.warning(v.closes_mark, "the advert closes less than 7 days after it is posted (posted: " +
                                 iso_date(v.posted) + "): candidates need a week or more to apply, "
                                 "so set closes: to " + iso_date(week_on) + " or later");
  }
  check_gendered(v.title, v.mark, 0, false, d);
  check_body(v.body, v.mark, v.body_line, found, c.glossary, c.cache, c.glossary_at);
  if (!v.draft) check_placeholders(v.body, v.mark, v.body_line, d);
}

// Capital words that need no glossary entry.
std::set<std::string> not_abbreviations() { return {"UK", "OK", "AM", "PM", "II", "III", "IV"}; }

// The findings in file order: specs, adverts, pages. Two adverts at one
// address are found here, and each unknown abbreviation is reported once.
void merge(const Site& site, std::vector<Findings>& found, size_t n_specs, Diagnostics& diags) {
  std::set<std::string> reported = not_abbreviations();
  std::map<std::string, std::string> slugs;  // slug -> the file that gave it
  for (size_t i = 0; i < found.size(); ++i) {
    if (i >= n_specs && i < n_specs + site.vacancies.size()) {
      const Vacancy& v = site.vacancies[i - n_specs];
      auto [first, fresh] = slugs.emplace(v.slug, v.mark.path);
      if (!fresh)
        diags.error(v.mark, "this advert and " + first->second + " would both be at the web address /vacancies/" +
                                v.slug + "/ (an advert's address comes from its file name): rename one of them");
    }
    diags.append(found[i].diags);
    for (auto& [word, warning] : found[i].unknown)
      if (reported.insert(word).second) diags.items.push_back(std::move(warning));
  }
}

}  // namespace

// A bilingual site's translated adverts and pages: their own Markdown, checked
// as the main files' is (safe links, no HTML).
static void check_translations(const Site& site, const Context& c, Diagnostics& diags) {
  for (auto& [language, t] : site.translations) {
    Findings found;
    for (auto& [slug, v] : t.vacancies)
      check_body_uncached(v.body, v.mark, v.body_line, found, c.glossary);
    for (auto& [slug, p] : t.pages) check_body_uncached(p.body, p.mark, p.body_line, found, c.glossary);
    for (auto& d : found.diags.items)  // its warnings are the main file's to give
      if (d.severity == Severity::error) diags.items.push_back(d);
  }
}

void validate_vacancy(Site& site, Vacancy& v, Diagnostics& diags, CheckCache* cache) {
  Context c = context_of(site, cache);
  Findings found;
  check_advert(c, v, found);
  diags.append(found.diags);
  auto known = not_abbreviations();
  for (auto& [word, warning] : found.unknown)
    if (known.insert(word).second) diags.items.push_back(std::move(warning));
}

void validate(Site& site, Diagnostics& diags, CheckCache* cache) {
  if (cache) cache->used.clear(), cache->specs_used.clear();
  Context c = context_of(site, cache);
  // Every spec file, advert and page on its own, in parallel (each advert's
  // Markdown is parsed here); then the findings merged in file order.
  std::vector<const std::shared_ptr<const PersonSpec>*> spec_files;
  for (auto& [id, spec] : site.specs) spec_files.push_back(&spec);
  size_t n_specs = spec_files.size(), n_adverts = site.vacancies.size();
  std::vector<Findings> found(n_specs + n_adverts + site.pages.size());
  parallel_for(found.size(), [&](size_t i) {
    if (i < n_specs) return check_spec_cached(c, *spec_files[i], found[i]);
    if (i < n_specs + n_adverts) return check_advert(c, site.vacancies[i - n_specs], found[i]);
    auto& p = site.pages[i - n_specs - n_adverts];
    check_page_address(p, found[i].diags);
    check_body(p.body, p.mark, p.body_line, found[i], c.glossary, cache, c.glossary_at);
    check_placeholders(p.body, p.mark, p.body_line, found[i].diags);
  });
  if (cache) {
    std::erase_if(cache->bodies, [&](auto& entry) { return !cache->used.count(entry.first); });
    std::erase_if(cache->specs, [&](auto& entry) { return !cache->specs_used.count(entry.first); });
  }
  merge(site, found, n_specs, diags);
  check_translations(site, c, diags);
}
