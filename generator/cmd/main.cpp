// The command line: build, serve, check, new. Parses flags and calls the
// pipeline; the only place that prints diagnostics.
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "pipeline/build.h"
#include "pipeline/left_out.h"
#include "base/clock.h"
#include "load/load.h"
#include "base/text.h"
#include "cmd/init.h"
#include "cmd/new.h"
#include "cmd/help.h"
#include "cmd/import_cmd.h"
#include "serve/serve.h"
#include "load/site_folder.h"
#include "write/writer.h"

#ifdef STAFFROOM_MIMALLOC
#include <mimalloc.h>
#include <sys/mman.h>

#include <fstream>
#endif

namespace {

int usage_error(const std::string& message) {
  std::cerr << "staffroom: error: " << message << "\n" << usage();
  return 2;
}

struct Args {
  std::vector<std::string> positional;
  std::map<std::string, std::string> values;
  std::map<std::string, bool> flags;
  std::string error;
};

// Flags that take a value, and those that do not, per command, and how
// many plain words may follow the command. "staffroom check mysite" is
// refused rather than quietly checking the current folder.
Args parse(int argc, char** argv, const std::vector<std::string>& with_value,
           const std::vector<std::string>& switches, size_t words = 0) {
  Args a;
  for (int i = 2; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg.rfind("--", 0) != 0) {
      a.positional.push_back(arg);
      if (a.positional.size() > words) {
        a.error = "unexpected '" + arg + "'";
        if (std::find(with_value.begin(), with_value.end(), "site") != with_value.end())
          a.error += "; to choose the site folder, write --site " + arg;
        return a;
      }
      continue;
    }
    std::string name = arg.substr(2), value;
    bool has_inline = false;
    if (auto eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1), name = name.substr(0, eq), has_inline = true;
    }
    if (std::find(switches.begin(), switches.end(), name) != switches.end()) {
      a.flags[name] = true;
    } else if (std::find(with_value.begin(), with_value.end(), name) != with_value.end()) {
      if (!has_inline) {
        if (i + 1 >= argc) {
          a.error = "--" + name + " needs a value";
          return a;
        }
        value = argv[++i];
      }
      a.values[name] = value;
    } else {
      a.error = "unknown option '" + arg + "'";
      return a;
    }
  }
  return a;
}

// --now in the site's timezone (which load_config sets), or the real time.
bool read_now(const Args& a, const std::string& site, Time& now_out) {
  Diagnostics ignored;
  load_config(site, ignored);
  now_out = now();
  auto it = a.values.find("now");
  if (it == a.values.end()) return true;
  auto parsed = parse_datetime(it->second);
  if (!parsed) return false;
  now_out = to_time(*parsed, false);
  return true;
}

bool color() { return isatty(2) && !getenv("NO_COLOR"); }

int report_problems(const Diagnostics& diags, const std::string& site) {
  print_diagnostics(std::cerr, diags, site, color());
  return diags.errors() ? 1 : 0;
}

int cmd_build(int argc, char** argv) {
  remove_staging_on_signal();  // first: every thread started later inherits it
  Args a = parse(argc, argv, {"site", "output", "base-url", "now"}, {"drafts", "no-cache"});
  if (!a.error.empty()) return usage_error(a.error);
  BuildRequest request;
  if (a.values.count("site")) request.site = a.values["site"];
  if (a.values.count("output")) request.output = a.values["output"];
  if (a.values.count("base-url")) request.options.base_url = a.values["base-url"];
  request.options.drafts = a.flags["drafts"];
  request.cache = !a.flags["no-cache"];
  if (!read_now(a, request.site, request.options.now))
    return usage_error("--now should be a date and time such as 2026-12-01T09:00");
  // A dangerous --output is a command-line mistake (status 2), found before any work.
  std::string output = request.output.empty() ? request.site + "/public" : request.output;
  if (auto why = refuse_output(request.site, output)) return usage_error(*why);
  BuildReport report = build_site(request);
  if (!report.note.empty()) std::cerr << "note: " << report.note << "\n";
  int status = report_problems(report.diags, request.site);
  if (!report.ok) {
    std::cerr << "Nothing was changed in " << report.output << ".\n";
    return status ? status : 1;
  }
  std::cout << "Built " << report.vacancies << (report.vacancies == 1 ? " vacancy" : " vacancies")
            << " (" << report.files << " files";
  if (report.unchanged) std::cout << ", " << report.unchanged << " of them unchanged and kept as they were";
  std::cout << ") into " << report.output << " in "
            << static_cast<int>(report.seconds * 1000) << " ms.\n"
            << report.left_out;
  // The program ends now: the system takes back its memory whole, faster
  // than freeing the site's hundreds of thousands of pieces one by one.
  new std::shared_ptr<void>(std::move(report.held));
  return 0;
}

int cmd_check(int argc, char** argv) {
  Args a = parse(argc, argv, {"site"}, {});
  if (!a.error.empty()) return usage_error(a.error);
  std::string site = a.values.count("site") ? a.values["site"] : ".";
  Diagnostics diags;
  LoadedSite loaded = load_checked(site, diags);
  int status = report_problems(diags, site);
  if (!status)
    std::cout << "No errors in " << counted(loaded.site->vacancies.size(), "advert") << ", "
              << counted(loaded.site->specs.size(), "person specification") << " and "
              << counted(loaded.site->schools.size(), "school") << ".\n"
              << left_out(*loaded.site, now());
  return status;
}

int cmd_serve(int argc, char** argv) {
  Args a = parse(argc, argv, {"site", "host", "port", "now"}, {"poll"});
  if (!a.error.empty()) return usage_error(a.error);
  ServeOptions options;
  options.poll = a.flags["poll"];  // for folders where inotify sees nothing (network shares)
  if (a.values.count("site")) options.site = a.values["site"];
  if (a.values.count("host")) options.host = a.values["host"];
  if (a.values.count("port")) {
    try {
      options.port = std::stoi(a.values["port"]);
    } catch (...) {
      options.port = -1;
    }
    if (options.port < 0 || options.port > 65535) return usage_error("--port should be a number from 0 to 65535");
  }
  Diagnostics not_a_site;
  if (!check_site_folder(options.site, not_a_site)) return report_problems(not_a_site, options.site);
  if (a.values.count("now")) {
    Time t;
    if (!read_now(a, options.site, t))
      return usage_error("--now should be a date and time such as 2026-12-01T09:00");
    options.now = t;
  }
  return serve(options);
}

int cmd_new(int argc, char** argv) {
  Args a = parse(argc, argv, {"site"}, {}, 2);
  if (!a.error.empty()) return usage_error(a.error);
  if (a.positional.size() != 2)
    return usage_error("write, for example: staffroom new vacancy midday-supervisor");
  return new_file(a.values.count("site") ? a.values["site"] : ".", a.positional[0], a.positional[1],
                  std::cout, std::cerr);
}

int cmd_init(int argc, char** argv) {
  Args a = parse(argc, argv, {}, {}, 1);
  if (!a.error.empty()) return usage_error(a.error);
  return init_site(a.positional.empty() ? "." : a.positional[0], std::cout, std::cerr);
}

int cmd_import(int argc, char** argv) {
  Args a = parse(argc, argv, {"site", "slug"}, {}, 1);
  if (!a.error.empty() || a.positional.size() != 1)
    return usage_error(a.error.empty() ? "write, for example: staffroom import job-pack.docx" : a.error);
  return import_file(a.values.count("site") ? a.values["site"] : ".", a.positional[0], a.values["slug"],
                     std::cout, std::cerr);
}

#ifdef STAFFROOM_MIMALLOC
// `staffroom build --no-cache`: a build that reads no cache.
bool cold_build(int argc, char** argv) {
  if (argc < 2 || std::string(argv[1]) != "build") return false;
  for (int i = 2; i < argc; ++i)
    if (std::string(argv[i]) == "--no-cache") return true;
  return false;
}

// The main thread's first 32 MB of heap were mapped by the libraries'
// start-up, before main() could ask for 2 MB pages, and so came in 4 KB
// pages: 7,500 page faults, at about 20 us each on a virtual machine, were
// a quarter of a one-advert rebuild's time. Asks for them now, for the
// mapping that holds the heap's blocks, from /proc/self/maps.
void advise_first_heap() {
  void* probe = mi_malloc(1);
  auto at = reinterpret_cast<std::uintptr_t>(probe);
  std::ifstream maps("/proc/self/maps");
  std::uintptr_t start = 0, end = 0;
  char dash = 0;
  std::string rest;
  while (maps >> std::hex >> start >> dash >> end && std::getline(maps, rest))
    if (start <= at && at < end) {
      ::madvise(reinterpret_cast<void*>(start), end - start, MADV_HUGEPAGE);
      break;
    }
  mi_free(probe);
}
#endif

}  // namespace

static int run(int argc, char** argv) {
  if (argc < 2) {  // someone trying it out: say what it does, not only how to type it
    std::cerr << "staffroom: error: no command given\n\n" << overall_help();
    return 2;
  }
  std::string command = argv[1];
  // "staffroom build --help" and "staffroom help build": that command's help.
  std::string asked = command == "help" && argc > 2 ? argv[2] : "";
  for (int i = 2; i < argc && asked.empty(); ++i)
    if (std::string(argv[i]) == "--help" || std::string(argv[i]) == "-h") asked = command;
  if (!asked.empty()) {
    std::string help = command_help(asked);
    if (help.empty()) return usage_error("there is no command '" + asked + "'");
    std::cout << help;
    return 0;
  }
  if (command == "build") return cmd_build(argc, argv);
  if (command == "check") return cmd_check(argc, argv);
  if (command == "serve") return cmd_serve(argc, argv);
  if (command == "new") return cmd_new(argc, argv);
  if (command == "init") return cmd_init(argc, argv);
  if (command == "import") return cmd_import(argc, argv);
  if (command == "--version" || command == "version") {
    std::cout << "staffroom " << STAFFROOM_VERSION << "\n";
    return 0;
  }
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << overall_help();
    return 0;
  }
  return usage_error("unknown command '" + command + "'");
}

// An exception reaching here is a fault in Staffroom, not in the content:
// one clear line and status 3. A build's staging folder is removed as the
// stack unwinds, so the output is untouched.
static int internal_error(const std::string& what) {
  std::cerr << "staffroom: internal error: " << what
            << " (a fault in Staffroom, not in your files; nothing was changed; please "
               "report it with the command you ran)\n";
  return 3;
}

int main(int argc, char** argv) {
#ifdef STAFFROOM_MIMALLOC
  // The heap in 2 MB pages where the kernel allows it (transparent huge
  // pages): a build fills a few hundred MB of new memory, and faulting it
  // in 4 KB at a time was a quarter of a build with the cache, and more
  // inside a virtual machine. MIMALLOC_LARGE_OS_PAGES=0 turns it off.
  // Not for a build without the cache: over seconds of work its faults are
  // a small share, and 2 MB pages held 12 MB more at its peak (5,000
  // adverts: 177 MB in 4 KB pages against 189 MB, the same time).
  if (!std::getenv("MIMALLOC_LARGE_OS_PAGES") && !cold_build(argc, argv))
    mi_option_enable(mi_option_large_os_pages);
  // And from the first segment of each thread's heap, not after it: a
  // rebuild whose heap stays small (the cache's specifications not read)
  // otherwise got no 2 MB page at all, and was slower for using less.
  if (!std::getenv("MIMALLOC_EAGER_COMMIT_DELAY")) mi_option_set(mi_option_eager_commit_delay, 0);
  if (mi_option_is_enabled(mi_option_large_os_pages)) advise_first_heap();
#endif
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    return internal_error(e.what());
  } catch (...) {
    return internal_error("an unknown exception");
  }
}
