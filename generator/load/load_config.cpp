// site.yaml: the site's settings, each checked, and the checks of web
// addresses, email addresses and language tags that other files share.
#include "load/load.h"

#include <algorithm>
#include <sstream>

#include "base/clock.h"
#include "base/text.h"
#include "load/site_folder.h"
#include "load/source.h"

bool is_email(const std::string& s) {
  auto at = s.find('@');
  return at != std::string::npos && at > 0 && at + 1 < s.size() &&
         s.find_first_of(" \t<>\"':,;()", 0) == std::string::npos &&  // ':' as in "mailto:"
         s.find('.', at) != std::string::npos;
}

bool check_email(const std::string& email, const Mark& mark, Diagnostics& diags) {
  if (is_email(email)) return true;
  // "mailto:jobs@oak.org", "Email: jobs@oak.org", "jobs at oak dot org": the address to write.
  std::string address;
  std::istringstream words(email);
  for (std::string word; words >> word;) {
    if (lower_ascii(word).rfind("mailto:", 0) == 0) word.erase(0, 7);
    while (!word.empty() && std::string(".,;:()<>").find(word.back()) != std::string::npos) word.pop_back();
    while (!word.empty() && std::string("(<").find(word.front()) != std::string::npos) word.erase(0, 1);
    if (is_email(word)) address = word;
  }
  std::string spelt = replace_all(replace_all(lower_ascii(email), " at ", "@"), " dot ", ".");
  if (address.empty() && is_email(spelt)) address = spelt;
  diags.error(mark, "'" + email + "' is not an email address: " +
                        (address.empty() ? "write one such as office@school.sch.uk" : "write just " + address));
  return false;
}

bool check_url(const std::string& url, const Mark& mark, Diagnostics& diags) {
  auto lower = lower_ascii(url);
  bool web = lower.rfind("https://", 0) == 0 || lower.rfind("http://", 0) == 0;
  bool ok = (web && url.size() > 8 && url.find_first_of(" <>\"") == std::string::npos) ||
            (lower.rfind("mailto:", 0) == 0 && is_email(url.substr(7)));
  // "www.oak.sch.uk/jobs": a web address without its https://.
  bool bare_host = !ok && url.find_first_of(" <>\"@:") == std::string::npos &&
                   url.find('.') != std::string::npos && url.find('.') < url.find('/');
  if (bare_host)
    diags.error(mark, "'" + url + "' is a web address without its start: write https://" + url);
  else if (!ok)
    diags.error(mark, "'" + url + "' is not a web address (https://...) or an "
                      "email link (mailto:...)");
  return ok;
}

bool check_language(const std::string& tag, const Mark& mark, Diagnostics& diags) {
  // BCP 47 in the shape sites use: a 2-3 letter language, then subtags of
  // 1-8 letters or digits ("cy", "en-GB", "sr-Latn", "es-419").
  bool ok = !tag.empty();
  size_t start = 0;
  for (int part = 0; ok && start <= tag.size(); ++part) {
    size_t end = tag.find('-', start);
    if (end == std::string::npos) end = tag.size();
    std::string sub = tag.substr(start, end - start);
    bool letters = std::all_of(sub.begin(), sub.end(), [](unsigned char c) { return isalpha(c); });
    bool alnum = std::all_of(sub.begin(), sub.end(), [](unsigned char c) { return isalnum(c); });
    ok = part == 0 ? letters && sub.size() >= 2 && sub.size() <= 3
                   : alnum && !sub.empty() && sub.size() <= 8;
    start = end + 1;
  }
  if (!ok)
    diags.error(mark, "'" + tag + "' is not a language tag: write one such as cy (Welsh) "
                      "or en-GB (British English)");
  return ok;
}

static void read_organisation(const YamlNode& org, const YamlFile& file, SiteConfig& config,
                              Diagnostics& diags) {
  if (org.is_scalar()) {
    config.organisation_name = org.text;
    return;
  }
  MapReader o(org, file, diags, {"name", "website", "logo"}, "'organisation'");
  config.organisation_name = o.text("name", true);
  config.organisation_url = o.text("website");
  if (!config.organisation_url.empty()) check_url(config.organisation_url, o.mark("website"), diags);
  config.organisation_logo = o.text("logo");
}

static void read_contact(const YamlNode& contact, const YamlFile& file, SiteConfig& config,
                         Diagnostics& diags) {
  MapReader c(contact, file, diags, {"email", "phone"}, "'contact'");
  config.contact_email = c.text("email");
  if (!config.contact_email.empty()) check_email(config.contact_email, c.mark("email"), diags);
  config.contact_phone = c.text("phone");
}

// A setting's words in each language of a bilingual site: {cy: ..., en-GB: ...}.
template <class Put>
static void read_in_languages(const YamlNode& map, const YamlFile& file, const SiteConfig& config,
                              Diagnostics& diags, Put put) {
  for (auto& [key, value] : map.entries) {
    auto lang = scalar_text(key, file, diags, "a language");
    auto words = scalar_text(value, file, diags, "the words in '" + lang.value_or("") + "'");
    if (!lang || !words) continue;
    bool listed = false;
    for (auto& l : config.languages) listed = listed || lower_ascii(l) == lower_ascii(*lang);
    if (!listed)
      diags.error(mark_of(file, key), "'" + *lang + "' is not one of the site's 'languages'; "
                                      "give the words in each language site.yaml lists");
    else
      put(*lang, *words);
  }
}

static void read_roles(const YamlNode& roles, const Mark& mark, const YamlFile& file,
                       SiteConfig& config, Diagnostics& diags) {
  if (!roles.is_map()) {
    diags.error(mark, "'roles' should list 'id: label' lines");
    return;
  }
  for (auto& [key, value] : roles.entries) {
    auto id = scalar_text(key, file, diags, "a role id");
    if (id && value.is_map()) {  // a bilingual site's: {cy: Cymorth dysgu, en-GB: Learning support}
      read_in_languages(value, file, config, diags, [&](const std::string& lang, const std::string& label) {
        config.in_language[lang].roles[*id] = label;
        if (lang == config.language || !config.roles.count(*id)) config.roles[*id] = label;
      });
      continue;
    }
    auto label = scalar_text(value, file, diags, "a role label");
    if (id && label) config.roles[*id] = *label;
  }
}

// A base_url with a path (https://example.org/jobs/) puts robots.txt at
// /jobs/robots.txt, where crawlers never look: they read only the host's root.
// Says what the host's own robots.txt needs, since Staffroom cannot write it.
static void warn_base_url_path(const std::string& base_url, const Mark& mark, Diagnostics& diags) {
  auto host_start = base_url.find("://");
  if (host_start == std::string::npos) return;
  auto path_start = base_url.find('/', host_start + 3);
  if (path_start == std::string::npos || path_start + 1 >= base_url.size()) return;
  std::string root = base_url.substr(0, path_start + 1);
  diags.warning(mark, "'base_url' has a path (" + base_url.substr(path_start) +
                          "): search engines read robots.txt only at " + root +
                          "robots.txt, not the one this site writes at " + base_url +
                          "robots.txt; add the line 'Sitemap: " + base_url +
                          "sitemap.xml' to " + root + "robots.txt");
}

// per_page: how many vacancies a list shows on one page, a whole number
// from 1 to 1000.
static void read_per_page(MapReader& m, SiteConfig& config, Diagnostics& diags) {
  auto n = m.number("per_page");
  if (!n) return;  // reported as not a number
  if (*n < 1 || *n > 1000 || *n != static_cast<double>(static_cast<int>(*n))) {
    diags.error(m.mark("per_page"), "'per_page' should be a whole number of vacancies from 1 to 1000, "
                                    "such as per_page: 50");
    return;
  }
  config.per_page = static_cast<int>(*n);
}

// `languages: [cy, en-GB]`: a bilingual site, the first language the default.
static void read_languages(MapReader& m, SiteConfig& config, Diagnostics& diags) {
  std::vector<Mark> marks;
  auto tags = m.text_list("languages", &marks);
  for (size_t i = 0; i < tags.size(); ++i) {
    if (!check_language(tags[i], marks[i], diags)) continue;
    for (auto& earlier : config.languages)
      if (lower_ascii(earlier) == lower_ascii(tags[i]))
        diags.error(marks[i], "'" + tags[i] + "' is listed twice in 'languages'");
    config.languages.push_back(tags[i]);
  }
  if (m.has("language") && !config.languages.empty() &&
      lower_ascii(config.language) != lower_ascii(config.languages[0]))
    diags.error(m.mark("language"), "'language' and the first of 'languages' differ; the first of "
                                    "'languages' is the site's default language, so remove 'language'");
  if (!config.languages.empty()) config.language = config.languages[0];
}

// The settings that are single words or addresses, each checked.
static void read_settings(MapReader& m, const YamlFile& file, SiteConfig& config, Diagnostics& diags) {
  auto set = [&](const char* key, std::string& field) {
    if (m.has(key)) field = m.text(key);
  };
  for (auto* key : {"title", "description"})
    if (!m.get(key).is_map()) set(key, std::string(key) == "title" ? config.title : config.description);
  set("base_url", config.base_url);
  set("language", config.language);
  set("timezone", config.timezone);
  set("theme", config.theme);
  if (m.has("base_url") && check_url(config.base_url, m.mark("base_url"), diags) &&
      config.base_url.back() != '/')
    config.base_url += '/';
  if (m.has("base_url")) warn_base_url_path(config.base_url, m.mark("base_url"), diags);
  if (m.has("language")) check_language(config.language, m.mark("language"), diags);
  config.language_mark = m.mark(m.has("languages") ? "languages" : "language");
  if (m.has("languages")) read_languages(m, config, diags);
  for (auto* key : {"title", "description"}) {
    if (!m.get(key).is_map()) continue;
    bool title = std::string(key) == "title";
    read_in_languages(m.get(key), file, config, diags, [&](const std::string& lang, const std::string& words) {
      (title ? config.in_language[lang].title : config.in_language[lang].description) = words;
      if (lang == config.language) (title ? config.title : config.description) = words;
    });
  }
  if (!is_slug(config.theme))
    diags.error(m.mark("theme"), "'theme' should be a folder name such as default");
  if (!set_timezone(config.timezone)) {
    diags.error(m.mark("timezone"), "unknown timezone '" + config.timezone +
                                        "'; use a name such as Europe/London");
    set_timezone("Europe/London");
  }
  // GMT and UTC never move to summer time: from April to October every
  // closing time would be an hour out for a school in the UK.
  std::string zone = lower_ascii(config.timezone);
  for (const char* fixed : {"gmt", "gmt0", "utc", "uct", "etc/gmt", "etc/utc", "universal", "zulu"})
    if (zone == fixed)
      diags.warning(m.mark("timezone"), "the timezone " + config.timezone +
                                            " does not change to British Summer Time, so from late March to "
                                            "October closing times would be an hour out; for UK time write "
                                            "timezone: Europe/London");
}

SiteConfig load_config(const std::string& root, Diagnostics& diags) {
  SiteConfig config;
  auto path = site_yaml_path(root).value_or("");
  if (path.empty()) {
    set_timezone(config.timezone);
    return config;  // load_site reports it; here every setting has a default
  }
  auto text = read_text_file(root, path, diags);
  if (!text) return config;
  YamlFile file{path, 1, *text};
  auto node = parse_yaml(*text, file, diags);
  if (!node || node->is_null()) return config;
  MapReader m(*node, file, diags,
              {"title", "description", "base_url", "language", "languages", "organisation",
               "contact", "timezone", "theme", "roles", "per_page"},
              "site.yaml");
  if (!m.ok()) return config;
  read_settings(m, file, config, diags);
  if (m.has("organisation")) read_organisation(m.get("organisation"), file, config, diags);
  if (m.has("contact")) read_contact(m.get("contact"), file, config, diags);
  if (m.has("roles")) read_roles(m.get("roles"), m.mark("roles"), file, config, diags);
  if (m.has("per_page")) read_per_page(m, config, diags);
  return config;
}

