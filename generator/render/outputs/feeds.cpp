// The Atom (RFC 4287) and JSON Feed 1.1 feeds of the open vacancies.
#include <nlohmann/json.hpp>

#include <algorithm>

#include "base/clock.h"
#include "render/outputs/outputs.h"
#include "render/words_text.h"

namespace {

std::string school_name(const SiteContext& ctx, const Vacancy& v) {
  const School* s = ctx.school_of(v);
  return s && !s->name.empty() ? s->name : v.school;
}

std::string feed_author(const SiteContext& ctx) {
  const auto& c = ctx.site->config;
  return c.organisation_name.empty() ? c.title : c.organisation_name;
}

// Plain text: the advert's summary (or what and where), then the closing time.
std::string summary_text(const SiteContext& ctx, const Vacancy& v) {
  const Words& w = ctx.w();
  std::string s = v.summary.empty()
                      ? w.fill("vacancy.at_school", {{"title", v.title}, {"school", school_name(ctx, v)}}) + "."
                      : v.summary;
  return s + " " + w.fill("outputs.closing_date", {{"closes", datetime_words(v.closes, w)}});
}

// The feed's updated time: the latest posted time, else the build's now.
Time feed_updated(const SiteContext& ctx) {
  if (ctx.listed.empty()) return ctx.options.now;
  Time t = ctx.listed.front()->posted;
  for (const Vacancy* v : ctx.listed) t = std::max(t, v->posted);
  return t;
}

}  // namespace

std::string atom_feed(const SiteContext& ctx) {
  const auto& config = ctx.site->config;
  std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
  out += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"" + escape_xml(config.language) + "\">\n";
  out += "  <id>" + escape_xml(ctx.absolute("")) + "</id>\n";
  out += "  <title>" + escape_xml(config.title) + "</title>\n";
  if (!config.description.empty())
    out += "  <subtitle>" + escape_xml(config.description) + "</subtitle>\n";
  out += "  <updated>" + iso8601(feed_updated(ctx)) + "</updated>\n";
  out += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" + escape_xml(ctx.absolute("feed.xml")) + "\"/>\n";
  out += "  <link rel=\"alternate\" type=\"text/html\" href=\"" + escape_xml(ctx.absolute("")) + "\"/>\n";
  out += "  <author><name>" + escape_xml(feed_author(ctx)) + "</name></author>\n";
  out += "  <generator>Staffroom</generator>\n";
  ctx.append_joined(out, &Listing::atom_entry, "", "</feed>\n");
  return out;
}

std::string atom_entry(const SiteContext& ctx, const Vacancy& v) {
  std::string url = escape_xml(ctx.absolute(vacancy_path(v)));
  std::string lang = ctx.text_language(v);
  std::string out = lang.empty() ? "  <entry>\n" : "  <entry xml:lang=\"" + escape_xml(lang) + "\">\n";
  out += "    <id>" + url + "</id>\n";
  out += "    <title>" + escape_xml(v.title) + "</title>\n";
  out += "    <link rel=\"alternate\" type=\"text/html\" href=\"" + url + "\"/>\n";
  out += "    <published>" + iso8601(v.posted) + "</published>\n";
  out += "    <updated>" + iso8601(v.posted) + "</updated>\n";
  out += "    <author><name>" + escape_xml(school_name(ctx, v)) + "</name></author>\n";
  out += "    <summary>" + escape_xml(summary_text(ctx, v)) + "</summary>\n";
  out += "  </entry>\n";
  return out;
}

std::string json_feed(const SiteContext& ctx) {
  using ojson = nlohmann::ordered_json;
  const auto& config = ctx.site->config;
  ojson feed;
  feed["version"] = "https://jsonfeed.org/version/1.1";
  feed["title"] = config.title;
  feed["home_page_url"] = ctx.absolute("");
  feed["feed_url"] = ctx.absolute("feed.json");
  if (!config.description.empty()) feed["description"] = config.description;
  feed["language"] = config.language;
  feed["authors"] = ojson::array({{{"name", feed_author(ctx)}}});
  // The items are each vacancy's, made before: spliced in, one a line.
  std::string out = feed.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
  out.erase(out.rfind('\n'));  // the closing brace: reopened for "items"
  out += ",\n  \"items\": [";
  if (ctx.listed.empty()) return out + "]\n}\n";
  out += "\n    ";
  ctx.append_joined(out, &Listing::feed_item, ",\n    ", "\n  ]\n}\n");
  return out;
}

std::string json_feed_item(const SiteContext& ctx, const Vacancy& v) {
  using ojson = nlohmann::ordered_json;
  std::string url = ctx.absolute(vacancy_path(v));
  ojson item;
  item["id"] = url;
  item["url"] = url;
  item["title"] = v.title;
  // Entries carry the summary, not the whole advert: a trust's feed of a
  // thousand open posts stays small, and each links to its page.
  item["content_text"] = summary_text(ctx, v);
  item["summary"] = summary_text(ctx, v);
  item["date_published"] = iso8601(v.posted);
  if (auto lang = ctx.text_language(v); !lang.empty()) item["language"] = lang;
  item["authors"] = ojson::array({{{"name", school_name(ctx, v)}}});
  item["_staffroom"] = {{"school", school_name(ctx, v)},
                        {"school_id", v.school},
                        {"closes", iso8601(v.closes)}};
  return item.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}
