// sitemap.xml (sitemaps.org 0.9) and robots.txt pointing search engines at it.
#include "render/outputs/outputs.h"

std::string sitemap_xml(const SiteContext& ctx, const std::vector<std::string>& paths) {
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
