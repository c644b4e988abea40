// sitemap.xml (sitemaps.org 0.9) and robots.txt pointing search engines at it.
#include "render/outputs/outputs.h"

// A bilingual site's: each page once per language, each naming all its
// languages (xhtml:link rel="alternate" hreflang, as search engines read them).
static std::string bilingual_sitemap(const SiteContext& ctx, const std::vector<std::string>& paths) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
      "xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n";
  for (const auto& p : paths) {
    std::string path = !p.empty() && p[0] == '/' ? p.substr(1) : p;
    std::string links;
    for (auto& alt : ctx.alternates)
      links += "    <xhtml:link rel=\"alternate\" hreflang=\"" + escape_xml(alt.language) + "\" href=\"" +
               escape_xml(alt.base_url + path) + "\"/>\n";
    for (auto& alt : ctx.alternates)
      out += "  <url>\n    <loc>" + escape_xml(alt.base_url + path) + "</loc>\n" + links + "  </url>\n";
  }
  return out + "</urlset>\n";
}

std::string sitemap_xml(const SiteContext& ctx, const std::vector<std::string>& paths) {
  if (!ctx.alternates.empty()) return bilingual_sitemap(ctx, paths);
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (const auto& p : paths) {
    std::string path = !p.empty() && p[0] == '/' ? p.substr(1) : p;
    out += "  <url><loc>" + escape_xml(ctx.absolute(path)) + "</loc></url>\n";
  }
  out += "</urlset>\n";
  return out;
}

std::string robots_txt(const SiteContext& ctx) {
  return "User-agent: *\nAllow: /\nSitemap: " + ctx.absolute("sitemap.xml") + "\n";
}
