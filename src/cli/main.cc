// SPDX-License-Identifier: Apache-2.0
// The claimgraph command: verb dispatch, top-level usage and exit codes
// (0 ok, 1 input or rules error, 2 usage). Uses only <claimgraph/...>.
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <iostream>
#include <new>
#include <string>
#include <vector>

#include "claimgraph/version.h"
#include "commands.h"

#ifdef CLAIMGRAPH_WITH_JEMALLOC
#include <jemalloc/jemalloc.h>

// jemalloc's options, read when it starts (MALLOC_CONF in the environment
// still overrides them). Pages freed and not reused go back to the system
// after about a second, not ten: a build frees batch after batch as the
// graph grows, and writing makes and frees gigabytes of text, so ten
// seconds of freed pages kept 13-15 % of the peak RSS (the development set
// x20: 130 -> 113 MiB; 100 MB of the corpus: 313 -> 282 MB), for the same
// time.
const char* malloc_conf = "dirty_decay_ms:1000";
#endif

namespace {

constexpr const char* kUsage =
    "claimgraph " CLAIMGRAPH_VERSION_STRING
    " - entity-and-claim graphs from Korean and English news, by rules\n"
    "\n"
    "Usage: claimgraph <command> [options]\n"
    "\n"
    "Commands:\n"
    "  build INPUT... [-o OUT] [--rules DIR] [-j N]   extract entities, claims and\n"
    "                                                 relations; write the graph\n"
    "  query GRAPH VERB ...       entities, relations, neighbors, path, claims,\n"
    "                             subgraph, stats\n"
    "  extract [INPUT...]         map step: JSONL documents -> partial graphs\n"
    "  merge INPUT... [-o OUT]    reduce step: partial graphs -> one graph\n"
    "  rules check|test|stats     validate a rule pack, run its inline examples,\n"
    "                             count rule hits over a corpus\n"
    "  explain FILE | --why TEXT  why each mention, claim and relation (or none)\n"
    "  eval CORPUS --gold DIR     precision, recall and F1 against gold files\n"
    "\n"
    "Options:\n"
    "  -h, --help       show this help (or `claimgraph <command> --help`)\n"
    "  --version        print the version\n"
    "\n"
    "Exit codes: 0 success, 1 input or rule error, 2 usage error.\n";

// The allocator behind malloc: "jemalloc VERSION" when the binary was
// linked with it (CMake's CLAIMGRAPH_JEMALLOC) and its malloc is the one
// called (a block allocated here shows in its count), else "system".
std::string AllocatorName() {
#ifdef CLAIMGRAPH_WITH_JEMALLOC
  uint64_t before = 0;
  uint64_t after = 0;
  size_t size = sizeof(uint64_t);
  if (mallctl("thread.allocated", &before, &size, nullptr, 0) != 0) return "system";
  volatile char* block = static_cast<volatile char*>(std::malloc(1 << 16));
  if (block == nullptr) return "system";
  block[0] = 1;
  size = sizeof(uint64_t);
  const bool counted = mallctl("thread.allocated", &after, &size, nullptr, 0) == 0 && after > before;
  std::free(const_cast<char*>(block));
  const char* version = nullptr;
  size = sizeof(version);
  if (!counted || mallctl("version", &version, &size, nullptr, 0) != 0 || version == nullptr) return "system";
  return std::string("jemalloc ") + version;
#else
  return "system";
#endif
}

}  // namespace

namespace {

// A command's exit code, made an error when what it printed to stdout was
// not all written (a full disk, a closed pipe): output is never lost
// silently.
int CheckedStdout(const std::string& verb, int code) {
  std::cout.flush();
  errno = 0;
  const bool failed = !std::cout || std::fflush(stdout) != 0 || std::ferror(stdout);
  if (!failed || code != 0) return code;  // (a failed command has said why)
  std::cerr << "claimgraph" << (verb.empty() ? "" : " " + verb) << ": cannot write to stdout"
            << (errno != 0 ? std::string(": ") + std::strerror(errno) : std::string()) << "\n";
  return 1;
}

int Run(std::vector<std::string> args) {
  if (args.empty()) {
    std::cerr << kUsage;
    return 2;
  }
  const std::string verb = args.front();
  if (verb == "-h" || verb == "--help" || verb == "help") {
    std::cout << kUsage;
    return 0;
  }
  if (verb == "--version" || verb == "version") {
    std::cout << "claimgraph " << CLAIMGRAPH_VERSION_STRING << "\n"
              << "allocator: " << AllocatorName() << "\n";
    return 0;
  }
  args.erase(args.begin());
  if (verb == "build") return claimgraph::cli::BuildCommand(args);
  if (verb == "query") return claimgraph::cli::QueryCommand(args);
  if (verb == "extract") return claimgraph::cli::ExtractCommand(args);
  if (verb == "merge") return claimgraph::cli::MergeCommand(args);
  if (verb == "rules") return claimgraph::cli::RulesCommand(args);
  if (verb == "explain") return claimgraph::cli::ExplainCommand(args);
  if (verb == "eval") return claimgraph::cli::EvalCommand(args);
  std::cerr << "claimgraph: unknown command \"" << verb << "\"\n\n" << kUsage;
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  const std::string verb = args.empty() ? "" : args.front();
  const std::string name = verb.size() > 0 && verb[0] == '-' ? "" : verb;
  // Outputs are written atomically, so a failure here leaves them as they
  // were: say what happened, exit 1, never abort.
  int code = 1;
  // A file-size limit (ulimit -f) surfaces as a write error that the verb
  // reports, not as a silent kill (SIGXFSZ, exit 153), also on stdout.
  std::signal(SIGXFSZ, SIG_IGN);
  try {
    code = Run(std::move(args));
  } catch (const std::bad_alloc&) {
    std::cerr << "claimgraph" << (name.empty() ? "" : " " + name) << ": out of memory; no output written\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "claimgraph" << (name.empty() ? "" : " " + name) << ": error: " << e.what() << "; no output written\n";
    return 1;
  }
  return CheckedStdout(name, code);
}
