// The help texts; see help.h.
#include "cmd/help.h"

#include <algorithm>
#include <string_view>
#include <vector>

namespace {

struct Command {
  const char* name;
  const char* usage;    // after "staffroom "
  const char* summary;  // one line, for the overall help
  const char* details;  // what it does and its options
};

const char* const kSite = "  --site DIR      the site folder (the one holding content/); the current folder if not given\n";
const char* const kNow =
    "  --now TIME      work as if it were this date and time, such as 2026-12-01T09:00, in the\n"
    "                  site's time zone: it decides which adverts are open or closed\n";

const std::vector<Command>& commands() {
  static const std::vector<Command> all = {
      {"build", "build [--site DIR] [--output DIR] [--base-url URL] [--drafts] [--now TIME] [--no-cache]",
       "make the finished website, ready to upload",
       "Checks the site as check does and, if there is no mistake, writes the website\n"
       "to public/ in the site folder. If there is a mistake, nothing in the output is\n"
       "changed. Upload the output folder to the school's web host to publish it.\n\n"
       "Options:\n"
       "  --output DIR    where to write the website, instead of public/\n"
       "  --base-url URL  the address the site will be published at, instead of\n"
       "                  site.yaml's base_url\n"
       "  --drafts        include adverts marked as drafts (never for the public site)\n"
       "  --no-cache      build everything afresh, without the build cache\n"},
      {"serve", "serve [--site DIR] [--host 127.0.0.1] [--port 8080] [--now TIME] [--poll]",
       "preview the site in a web browser while you edit it",
       "Shows the site at http://127.0.0.1:8080/ and reloads the page when you save a\n"
       "file; drafts are shown too, with a banner, and a mistake is shown on the page\n"
       "until you fix it. Stop it with Ctrl-C. It is a preview, not a public web server.\n\n"
       "Options:\n"
       "  --host ADDRESS  the address to listen on; 127.0.0.1 (the default) lets only this\n"
       "                  computer see the preview\n"
       "  --port NUMBER   the port to listen on, from 0 to 65535; 8080 unless given\n"
       "  --poll          look for changes every so often, for network folders\n"},
      {"check", "check [--site DIR]", "find every mistake in the site's files, writing nothing",
       "Reads every file of the site and reports every mistake with its file, line and\n"
       "column, the line itself and a mark under the place. It writes nothing. Run it\n"
       "after every change.\n\n"
       "Options:\n"},
      {"new", "new vacancy|school|spec NAME [--site DIR]", "write a new advert, school or person specification to fill in",
       "Writes content/vacancies/NAME.md, content/schools/NAME.yaml or\n"
       "content/specs/NAME.yaml, with a note on each line saying what to fill in.\n"
       "NAME becomes part of a web address: lower-case letters, digits and hyphens,\n"
       "such as midday-supervisor. An existing file is never overwritten.\n\n"
       "Options:\n"},
      {"init", "init [DIR]", "start a new site in a new or empty folder",
       "Makes a new site in DIR (the current folder if none is given): site.yaml, one\n"
       "school, one person specification, one advert (a draft), the how-to-apply page,\n"
       "a glossary and an empty files/ folder, each with notes saying what to change.\n"
       "The folder must be new or empty: nothing is ever overwritten.\n"},
      {"import", "import FILE.docx|.odt|.txt [--site DIR] [--slug SLUG]",
       "turn a school's Word document into a draft advert and person specification",
       "Reads a job description with its person specification (a Word .docx, a\n"
       "LibreOffice .odt, or less completely a .txt) and writes a draft advert,\n"
       "content/vacancies/NAME.md, and its person specification, content/specs/NAME.yaml.\n"
       "It says what it could not place; fill in each '# check:' line it leaves, then\n"
       "run staffroom check. Nothing is overwritten.\n\n"
       "Options:\n"
       "  --slug SLUG     the NAME to use, instead of one made from the job title\n"},
  };
  return all;
}

}  // namespace

std::string usage() {
  std::string out = "usage:\n";
  for (auto& c : commands()) out += "  staffroom " + std::string(c.usage) + "\n";
  return out + "  staffroom --version\n";
}

std::string overall_help() {
  std::string out =
      "staffroom makes a school's vacancy website from its adverts and person\n"
      "specifications.\n\nCommands:\n";
  for (auto& c : commands()) {
    std::string name = c.name;
    out += "  " + name + std::string(name.size() < 8 ? 8 - name.size() : 1, ' ') + c.summary + "\n";
  }
  out += "\n";
  out += usage();
  out += "\nFor one command's options: staffroom COMMAND --help (such as staffroom build --help).\n";
  return out;
}

std::string command_help(const std::string& command) {
  for (auto& c : commands()) {
    if (command != c.name) continue;
    std::string out = "usage: staffroom " + std::string(c.usage) + "\n\n" + c.details;
    std::string usage = c.usage;
    if (usage.find("--site") != std::string::npos) out += kSite;
    if (usage.find("--now") != std::string::npos) out += kNow;
    return out;
  }
  return "";
}

std::string shell_word(const std::string& word) {
  auto plain = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           std::string_view("_./-+,:@%=").find(c) != std::string_view::npos;
  };
  if (!word.empty() && std::all_of(word.begin(), word.end(), plain)) return word;
  // Double quotes read best ("St Mary's"); a shell still reads $ ` \ " ! in them.
  if (word.find_first_of("$`\\\"!") == std::string::npos) return "\"" + word + "\"";
  std::string out = "'";
  for (char c : word) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string site_command(const std::string& command, const std::string& site) {
  std::string out = "staffroom " + command;
  if (!site.empty() && site != "." && site != "./") out += " --site " + shell_word(site);
  return out;
}
