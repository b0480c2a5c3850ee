// SPDX-License-Identifier: Apache-2.0
// `claimgraph build`: arguments are parsed, then resolved (rules loaded,
// inputs read, output format chosen) before any extraction, so usage errors
// fail fast; documents are extracted on N threads and merged (merging is
// commutative, so the output does not depend on N); the output is written
// atomically, or not at all.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "claimgraph/claimgraph.h"
#include "commands.h"
#include "common.h"

namespace claimgraph::cli {
namespace {

constexpr const char* kBuildUsage =
    "Usage: claimgraph build INPUT... [-o OUT] [--format F] [--rules DIR]... [-j N]\n"
    "                        [--on-error fail|skip] [--lossy] [--max-document-mb N] [-q]\n"
    "\n"
    "Extracts entities, claims and relations from news text and writes the graph.\n"
    "\n"
    "INPUT         a .txt file (document id = file stem), a .jsonl file (one\n"
    "              {\"id\", \"text\", \"title\", \"date\", \"url\", \"lang\"} object a line),\n"
    "              a directory (its .txt and .jsonl files, by name), or - for stdin\n"
    "{OUTPUT}"
    "--rules DIR   use the rule pack in DIR instead of the built-in one; repeat to\n"
    "              layer packs (later ones add and override by id), and name the\n"
    "              built-in pack \"builtin\": --rules builtin --rules my-rules\n"
    "-j N          extract on N threads (default: all cores); the output is the same\n"
    "--on-error fail|skip  a bad document (invalid UTF-8, a malformed JSONL line,\n"
    "              one over the size limit, a duplicate id) stops the run (fail, the\n"
    "              default) or is skipped, reported on stderr and counted (skip);\n"
    "              an empty file is a document with no text, with a warning\n"
    "--lossy       replace invalid UTF-8 with U+FFFD (with a warning) instead of\n"
    "              treating the document as bad\n"
    "--max-document-mb N  the largest document, in MB (default 64, at most 4095)\n"
    "-q, --quiet   no progress or summary on stderr\n";

}  // namespace

Result<RulePack> LoadRules(const ParsedArgs& args) {
  const auto it = args.values.find("--rules");
  return it == args.values.end() ? RulePack::BuiltIn() : RulePack::LoadLayers(it->second);
}

Result<std::vector<Document>> ReadAll(const std::vector<std::string>& inputs) {
  size_t skipped = 0;
  return ReadAll(inputs, ReadOptions(), &skipped);
}

Result<std::vector<Document>> ReadAll(const std::vector<std::string>& inputs, const ReadOptions& options,
                                      size_t* skipped) {
  DocumentStream stream(inputs, options);
  std::vector<Document> docs;
  Document doc;
  while (stream.Next(&doc)) docs.push_back(std::move(doc));
  for (const Error& w : stream.TakeWarnings()) std::cerr << w.ToString() << "\n";
  *skipped += stream.skipped();
  if (!stream.status().ok()) return stream.status();
  return docs;
}

namespace {
volatile std::sig_atomic_t g_signal = 0;
volatile std::sig_atomic_t g_writing = 0;  // an output is being written: let it finish its check
// A signal sets the flag the run checks between batches, and gives it a
// second: one long document is not a batch boundary. Past the second,
// while no output is being written (so none is half-written: outputs are
// written to a temporary file and renamed), the process ends here.
extern "C" void OnAlarm(int) {
  if (g_writing) return;
  static const char kTerm[] = "claimgraph: interrupted by SIGTERM; no output written\n";
  static const char kInt[] = "claimgraph: interrupted by SIGINT; no output written\n";
  if (g_signal == SIGTERM) {
    (void)!::write(STDERR_FILENO, kTerm, sizeof kTerm - 1);
  } else {
    (void)!::write(STDERR_FILENO, kInt, sizeof kInt - 1);
  }
  ::_exit(128 + g_signal);
}
extern "C" void OnSignal(int signal) {
  g_signal = signal;
  ::alarm(1);
}
}  // namespace

void InstallSignalHandlers() {
  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);
  std::signal(SIGALRM, OnAlarm);
  std::signal(SIGXFSZ, SIG_IGN);
}
bool Interrupted() { return g_signal != 0; }
void BeginWriting() { g_writing = 1; }
const char* InterruptName() { return g_signal == SIGTERM ? "SIGTERM" : "SIGINT"; }
int InterruptExitCode() { return 128 + (g_signal == SIGTERM ? SIGTERM : SIGINT); }

std::string WithOutputHelp(const std::string& usage, size_t width) {
  const std::string pad(width, ' ');
  auto option = [&](std::string name) {
    if (name.size() >= width) return name + "\n" + pad;  // (too long for the column: its text below)
    name.resize(width, ' ');
    return name;
  };
  std::string help = option("-o OUT") + "output file, its format by its extension (below); default: JSON\n" + pad +
                     "on stdout\n" + option("--pretty") + "JSON indented, a field a line (default: compact, one line)\n" +
                     option("--max-nodes N") + "an HTML page of the N most connected nodes (default: all)\n" +
                     option("--format F") + "the format by name instead of by the extension of -o:\n";
  for (const FormatInfo& f : Formats()) {
    if (!f.output) continue;
    std::string name = f.name;
    std::string extensions = f.directory ? "-o DIR" : "";
    for (const char* e : f.extensions) extensions += (extensions.empty() ? "" : " ") + std::string(e);
    name.resize(9, ' ');
    extensions.resize(15, ' ');
    help += pad + "  " + name + extensions + f.description + "\n";
  }
  std::string out = usage;
  const size_t at = out.find("{OUTPUT}");
  if (at != std::string::npos) out.replace(at, 8, help);
  return out;
}

namespace {

// -o and --format into `output`'s path and format.
int ResolveFormat(const ParsedArgs& args, const char* verb, Output* output) {
  // (-o - is stdout, in any format but a directory's.)
  if (args.values.count("--output") && args.Value("--output") != "-") output->path = args.Value("--output");
  if (args.values.count("--format")) {
    const std::string name = args.Value("--format");
    Result<GraphFormat> f = FormatFromName(name);
    if (!f.ok()) {
      std::cerr << "claimgraph " << verb << ": " << f.status().ToString();
      return kExitUsage;
    }
    output->format = *f;
    if (!FormatInfoOf(*f).directory) return kExitOk;
    if (!output->path) {
      std::cerr << "claimgraph " << verb << ": --format " << name
                << " writes a directory of CSV files; name it with -o DIR\n";
      return kExitUsage;
    }
    Status dir = CheckOutputDirectory(*output->path);
    if (!dir.ok()) {
      std::cerr << dir.ToString();
      return kExitError;
    }
    return kExitOk;
  }
  if (!output->path) return kExitOk;
  Result<GraphFormat> f = FormatFromPath(*output->path);
  if (!f.ok()) {
    std::cerr << "claimgraph " << verb << ": " << f.status().ToString();
    return kExitUsage;
  }
  output->format = *f;
  return kExitOk;
}
}  // namespace

int ResolveOutput(const ParsedArgs& args, const char* verb, Output* output) {
  *output = Output();
  if (args.flags.count("--pretty")) output->json_layout = JsonLayout::kPretty;
  if (args.values.count("--max-nodes")) {
    const std::optional<int> n = ParseCount(args.Value("--max-nodes"));
    if (!n || *n < 1) {
      std::cerr << "claimgraph " << verb << ": --max-nodes needs a positive number, not \"" << args.Value("--max-nodes")
                << "\"\n";
      return kExitUsage;
    }
    output->max_nodes = static_cast<size_t>(*n);
  }
  if (const int code = ResolveFormat(args, verb, output); code != kExitOk) return code;
  if (output->max_nodes > 0 && output->format != GraphFormat::kHtml) {
    std::cerr << "claimgraph " << verb << ": --max-nodes shapes an HTML page; write one with -o FILE.html\n";
    return kExitUsage;
  }
  return kExitOk;
}

// The progress line on stderr: documents and input MB extracted, MB/s, and
// the ETA when the input size is known; redrawn at most five times a second.
class ProgressLine {
 public:
  explicit ProgressLine(bool enabled) : enabled_(enabled), start_(Clock::now()), last_(start_) {}

  void Update(const RunProgress& p) {
    if (!enabled_) return;
    const Clock::time_point now = Clock::now();
    if (now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    const double mb = static_cast<double>(p.bytes_done) / 1e6;
    char line[160];
    int n = std::snprintf(line, sizeof(line), "\rclaimgraph: %zu documents, %.1f", p.documents_done, mb);
    if (p.total_bytes > 0) {
      n += std::snprintf(line + n, sizeof(line) - static_cast<size_t>(n), " of %.1f MB (%.0f%%)",
                         static_cast<double>(p.total_bytes) / 1e6, 100.0 * static_cast<double>(p.bytes_done) /
                                                                     static_cast<double>(p.total_bytes));
    } else {
      n += std::snprintf(line + n, sizeof(line) - static_cast<size_t>(n), " MB");
    }
    if (seconds > 0.5) {
      const double rate = mb / seconds;
      n += std::snprintf(line + n, sizeof(line) - static_cast<size_t>(n), ", %.1f MB/s", rate);
      if (p.total_bytes > 0 && rate > 0 && p.bytes_done < p.total_bytes) {
        const long eta = std::lround((static_cast<double>(p.total_bytes - p.bytes_done) / 1e6) / rate);
        n += std::snprintf(line + n, sizeof(line) - static_cast<size_t>(n), ", ETA %ld:%02ld", eta / 60, eta % 60);
      }
    }
    std::cerr << line << "\x1b[K" << std::flush;
    shown_ = true;
  }
  // Clears the line (before other output, and at the end).
  void Clear() {
    if (shown_) std::cerr << "\r\x1b[K" << std::flush;
    shown_ = false;
  }

 private:
  using Clock = std::chrono::steady_clock;
  bool enabled_;
  bool shown_ = false;
  Clock::time_point start_, last_;
};

// Streams `inputs` through the pipeline on `threads` threads: documents are
// read as they are extracted, never all held. Prints warnings (skipped and
// repaired documents) as they come, and the progress line when `progress`.
// Keeps each document's text in `texts` when not null.
Result<Graph> BuildStreamed(const RulePack& rules, const std::vector<std::string>& inputs, const ReadOptions& read,
                            int threads, bool progress, std::map<std::string, std::string>* texts,
                            size_t* documents, size_t* skipped) {
  DocumentStream stream(inputs, read);
  if (!stream.status().ok()) return stream.status();
  ProgressLine line(progress);
  RunOptions options;
  options.threads = threads;
  options.cancelled = Interrupted;
  if (texts) options.read = [texts](const Document& d) { (*texts)[d.id] = d.text; };
  options.progress = [&](const RunProgress& p) {
    const std::vector<Error> warnings = stream.TakeWarnings();
    if (!warnings.empty()) line.Clear();
    for (const Error& w : warnings) std::cerr << w.ToString() << "\n";
    line.Update(p);
    *documents = p.documents_done;
  };
  Result<Graph> graph = Pipeline(rules).Run(stream, options);
  line.Clear();
  for (const Error& w : stream.TakeWarnings()) std::cerr << w.ToString() << "\n";
  *skipped = stream.skipped();
  if (graph.status().code() == ErrorCode::kCancelled) {
    Error e;
    e.code = ErrorCode::kCancelled;
    e.message = std::string("interrupted by ") + InterruptName() + ": " + graph.status().errors().front().message +
                "; no output written";
    return e;
  }
  return graph;
}

namespace {

// The exit code of a write: 0, 1 with the error, or 128 + the signal that
// interrupted it (the output then left as it was).
int Written(const Status& written) {
  if (written.ok()) return kExitOk;
  std::cerr << written.ToString();
  if (written.code() == ErrorCode::kCancelled) return InterruptExitCode();
  return kExitError;
}

}  // namespace

int WriteOutput(const Graph& graph, const Output& output, const HtmlOptions& html, int threads) {
  // One policy for every verb that writes: a signal from here on leaves
  // the output as it was (and no temporary file), exit 128 + the signal.
  InstallSignalHandlers();
  g_writing = 1;
  if (output.format == GraphFormat::kNeo4jCsv) {
    Status written = WriteDirectoryAtomic(*output.path, WriteNeo4jCsv(graph));
    if (!written.ok()) {
      std::cerr << written.ToString();
      return kExitError;
    }
    return kExitOk;
  }
  if (output.format == GraphFormat::kJson) {
    // Streamed: the JSON of a large graph is several times the input.
    if (output.path) {
      return Written(WriteFileAtomic(
          *output.path, [&](std::FILE* out) { return WriteJson(graph, out, threads, output.json_layout); },
          Interrupted));
    }
    std::cout << std::flush;
    if (!WriteJson(graph, stdout, threads, output.json_layout)) {
      std::cerr << "claimgraph: cannot write to stdout\n";
      return kExitError;
    }
    return kExitOk;
  }
  std::string content;
  if (output.format == GraphFormat::kHtml) {
    // The page opens on an overview whatever its size, but a browser holds
    // all of it: past kLargePage nodes, say so; --max-nodes keeps the most
    // connected nodes only.
    constexpr size_t kLargePage = 10000;
    if (output.max_nodes > 0 && graph.node_count() > output.max_nodes) {
      HtmlOptions top = html;
      top.title += " (the " + std::to_string(output.max_nodes) + " most connected of " +
                   std::to_string(graph.node_count()) + " nodes)";
      content = WriteHtml(TopNodes(graph, output.max_nodes), top);
    } else {
      content = WriteHtml(graph, html);
      if (output.max_nodes == 0 && graph.node_count() > kLargePage) {
        std::cerr << "claimgraph: warning: the page has " << graph.node_count() << " nodes and " << graph.edge_count()
                  << " edges (" << (content.size() + (1 << 19)) / (1 << 20)
                  << " MB); it opens on an overview, but a browser loads all of it: --max-nodes N keeps the N most "
                     "connected\n";
      }
    }
  } else {
    content = WriteGraph(graph, output.format);
  }
  if (output.path) {
    return Written(WriteFileAtomic(
        *output.path,
        [&](std::FILE* out) {
          return content.empty() || std::fwrite(content.data(), 1, content.size(), out) == content.size();
        },
        Interrupted));
  }
  std::cout << content << std::flush;
  if (!std::cout) {
    std::cerr << "claimgraph: cannot write to stdout\n";
    return kExitError;
  }
  return kExitOk;
}

void PrintSummary(const char* verb, size_t docs, const Graph& graph, const std::optional<std::string>& output) {
  const size_t claims = graph.claim_count();
  std::cerr << "claimgraph: " << verb << docs << " document" << (docs == 1 ? "" : "s") << ", "
            << graph.node_count() << " nodes (" << graph.node_count() - claims << " entities, " << claims
            << " claims), " << graph.edge_count() << " edges" << (output ? " -> " + *output : std::string()) << "\n";
}

int DefaultThreads() { return std::max(1, static_cast<int>(std::thread::hardware_concurrency())); }

int ParseRunFlags(const ParsedArgs& args, const char* verb, RunFlags* flags) {
  const std::string name = std::string("claimgraph ") + verb + ": ";
  flags->threads = DefaultThreads();
  if (args.values.count("--jobs")) {
    const std::optional<int> j = ParseCount(args.Value("--jobs"));
    if (!j || *j < 1) {
      std::cerr << name << "-j needs a positive number, not \"" << args.Value("--jobs") << "\"\n";
      return kExitUsage;
    }
    // (More threads than a few per core only cost memory: capped.)
    const int cap = std::max(64, 8 * DefaultThreads());
    if (*j > cap) {
      std::cerr << name << "warning: -j " << *j << " is more than " << cap << " (eight threads a core); using " << cap
                << "\n";
    }
    flags->threads = std::min(*j, cap);
  }
  flags->read.lossy = args.flags.count("--lossy") > 0;
  if (args.values.count("--max-document-mb")) {
    const std::optional<int> mb = ParseCount(args.Value("--max-document-mb"));
    if (!mb || *mb < 1 || *mb > 4095) {
      std::cerr << name << "--max-document-mb needs a number from 1 to 4095, not \"" << args.Value("--max-document-mb")
                << "\"\n";
      return kExitUsage;
    }
    flags->read.max_document_bytes = static_cast<size_t>(*mb) << 20;
  }
  const std::string on_error = args.Value("--on-error", "fail");
  if (on_error != "fail" && on_error != "skip") {
    std::cerr << name << "--on-error is fail or skip, not \"" << on_error << "\"\n";
    return kExitUsage;
  }
  flags->read.skip_bad = on_error == "skip";
  return kExitOk;
}

int BuildCommand(const std::vector<std::string>& argv) {
  ParsedArgs args;
  if (auto error = ParseArgs(argv, {"--output", "--format", "--rules", "--jobs", "--on-error", "--max-document-mb",
                                    "--max-nodes"},
                             {"--quiet", "--lossy", "--pretty"},
                             {{"-o", "--output"}, {"-j", "--jobs"}, {"-q", "--quiet"}}, &args)) {
    std::cerr << "claimgraph build: " << *error << "\n\n" << WithOutputHelp(kBuildUsage, 14);
    return kExitUsage;
  }
  if (args.help) {
    std::cout << WithOutputHelp(kBuildUsage, 14);
    return kExitOk;
  }
  if (args.positionals.empty()) {
    std::cerr << "claimgraph build: no INPUT given\n\n" << WithOutputHelp(kBuildUsage, 14);
    return kExitUsage;
  }
  RunFlags run;
  if (const int code = ParseRunFlags(args, "build", &run); code != kExitOk) return code;
  const bool quiet = args.flags.count("--quiet") > 0;
  Output output;
  if (const int code = ResolveOutput(args, "build", &output); code != kExitOk) return code;
  Result<RulePack> rules = LoadRules(args);
  if (!rules.ok()) {
    std::cerr << rules.status().ToString();
    return kExitError;
  }
  InstallSignalHandlers();
  size_t documents = 0, skipped = 0;
  const bool progress = !quiet && isatty(STDERR_FILENO);
  // The HTML page shows evidence sentences from the original texts, so for
  // it (and only for it) the texts are kept.
  HtmlOptions html;
  std::map<std::string, std::string>* texts =
      output.format == GraphFormat::kHtml ? &html.documents : nullptr;
  Result<Graph> graph =
      BuildStreamed(*rules, args.positionals, run.read, run.threads, progress, texts, &documents, &skipped);
  if (!graph.ok()) {
    std::cerr << graph.status().ToString();
    const std::string& message = graph.status().errors().front().message;
    if (message.find("bytes, more than the limit") != std::string::npos ||
        message.find("bytes, the limit") != std::string::npos || message.find("the document limit") != std::string::npos) {
      std::cerr << "claimgraph build: raise the document limit with --max-document-mb N\n";
    }
    if (Interrupted()) std::cerr << "claimgraph: " << output.path.value_or("stdout") << " left unchanged\n";
    return Interrupted() ? InterruptExitCode() : kExitError;
  }
  // Every document skipped: an empty graph over a good output would hide
  // that nothing was read.
  if (skipped > 0 && documents == 0) {
    std::cerr << "claimgraph build: every document (" << skipped << ") was skipped as bad; no output written, "
              << output.path.value_or("stdout") << " left unchanged\n";
    return kExitError;
  }
  if (output.format == GraphFormat::kHtml) {
    html.title = "claimgraph: " + (html.documents.size() == 1 ? html.documents.begin()->first
                                                             : std::to_string(html.documents.size()) + " documents");
  }
  // (The graph is only read from here on: its edge index is memory the
  // writer's sorted orders can use instead.)
  graph->FreeEdgeIndex();
  const int code = WriteOutput(*graph, output, html, run.threads);
  if (code == kExitOk && !quiet) {
    PrintSummary("", documents, *graph, output.path);
    if (skipped > 0) std::cerr << "claimgraph: " << skipped << " bad document" << (skipped == 1 ? "" : "s") << " skipped\n";
  }
  return code;
}

}  // namespace claimgraph::cli
