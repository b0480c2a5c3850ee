// SPDX-License-Identifier: Apache-2.0
// `claimgraph build`: arguments are parsed, then resolved (rules loaded,
// inputs read, output format chosen) before any extraction, so usage errors
// fail fast; documents are extracted on N threads and merged (merging is
// commutative, so the output does not depend on N); the output is written
// atomically, or not at all.
#include <algorithm>
#include <atomic>
#include <csignal>
#include <iostream>
#include <map>
#include <mutex>
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
    "                        [--on-error fail|skip] [--lossy] [-q]\n"
    "\n"
    "Extracts entities, claims and relations from news text and writes the graph.\n"
    "\n"
    "INPUT         a .txt file (document id = file stem), a .jsonl file (one\n"
    "              {\"id\", \"text\", \"title\", \"date\", \"url\", \"lang\"} object a line),\n"
    "              a directory (its .txt and .jsonl files, by name), or - for stdin\n"
    "-o OUT        output file; the format follows the extension: .json (node-link\n"
    "              JSON), .graphml, .dot, .html (interactive view with the evidence\n"
    "              sentences), .gexf (Gephi), .cyjs (Cytoscape). Default: JSON on stdout\n"
    "--format F    json, graphml, dot, html, gexf, cyjs, or neo4j (-o names a new\n"
    "              directory: entities.csv, claims.csv, relationships.csv for\n"
    "              neo4j-admin database import). Default: by the extension of -o\n"
    "--rules DIR   use the rule pack in DIR instead of the built-in one; repeat to\n"
    "              layer packs (later ones add and override by id), and name the\n"
    "              built-in pack \"builtin\": --rules builtin --rules my-rules\n"
    "-j N          extract on N threads (default: all cores); the output is the same\n"
    "--on-error fail|skip  a bad document (invalid UTF-8, a malformed JSONL line,\n"
    "              an empty file, a duplicate id) stops the run (fail, the default)\n"
    "              or is skipped, reported on stderr and counted (skip)\n"
    "--lossy       replace invalid UTF-8 with U+FFFD (with a warning) instead of\n"
    "              treating the document as bad\n"
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
  std::vector<Document> docs;
  std::map<std::string, std::string> seen;  // id -> where it was first read
  for (const std::string& input : inputs) {
    Result<ReadResult> read = ReadDocuments(input, options);
    if (!read.ok()) return read.status();
    for (const Error& w : read->warnings) {
      std::cerr << w.ToString() << "\n";
      if (w.code != ErrorCode::kInvalidUtf8 || !options.lossy) ++*skipped;
    }
    for (Document& d : read->documents) {
      const auto [it, inserted] = seen.emplace(d.id, d.origin);
      if (!inserted) {
        Error e;
        e.code = ErrorCode::kInvalidInput;
        e.location.file = d.origin;
        e.message = "duplicate document id \"" + d.id + "\" (first read from " + it->second + ")";
        if (!options.skip_bad) return e;
        e.warning = true;
        e.message += "; document skipped";
        std::cerr << e.ToString() << "\n";
        ++*skipped;
        continue;
      }
      docs.push_back(std::move(d));
    }
  }
  return docs;
}

namespace {
volatile std::sig_atomic_t g_signal = 0;
extern "C" void OnSignal(int signal) { g_signal = signal; }
}  // namespace

void InstallSignalHandlers() {
  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);
  std::signal(SIGXFSZ, SIG_IGN);
}
bool Interrupted() { return g_signal != 0; }
const char* InterruptName() { return g_signal == SIGTERM ? "SIGTERM" : "SIGINT"; }

int ResolveOutput(const ParsedArgs& args, const char* verb, Output* output) {
  *output = Output();
  if (args.values.count("--output")) output->path = args.Value("--output");
  if (args.values.count("--format")) {
    const std::string name = args.Value("--format");
    if (name == "neo4j") {
      if (!output->path) {
        std::cerr << "claimgraph " << verb << ": --format neo4j writes a directory of CSV files; name it with -o DIR\n";
        return kExitUsage;
      }
      output->neo4j = true;
      Status dir = CheckOutputDirectory(*output->path);
      if (!dir.ok()) {
        std::cerr << dir.ToString();
        return kExitError;
      }
      return kExitOk;
    }
    Result<GraphFormat> f = FormatFromName(name);
    if (!f.ok()) {
      std::cerr << "claimgraph " << verb << ": " << f.status().ToString();
      return kExitUsage;
    }
    output->format = *f;
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

// Extracts `docs` on `threads` threads; returns the merged graph or the
// first error in document order.
Result<Graph> ExtractAll(const RulePack& rules, const std::vector<Document>& docs, int threads, bool progress) {
  Pipeline pipeline(rules);
  std::vector<std::optional<Result<Extraction>>> results(docs.size());
  std::atomic<size_t> next{0};
  std::atomic<size_t> done{0};
  std::mutex progress_mutex;
  auto work = [&]() {
    for (size_t i = next++; i < docs.size() && !Interrupted(); i = next++) {
      results[i] = pipeline.Extract(docs[i]);
      const size_t finished = ++done;
      if (progress && finished % 100 == 0) {
        std::lock_guard<std::mutex> lock(progress_mutex);
        std::cerr << "claimgraph: " << finished << "/" << docs.size() << " documents\r" << std::flush;
      }
    }
  };
  const int n = std::max(1, std::min<int>(threads, static_cast<int>(docs.size())));
  std::vector<std::thread> pool;
  for (int t = 1; t < n; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  if (progress && docs.size() >= 100) std::cerr << "\n";
  if (Interrupted()) {
    Error e;
    e.code = ErrorCode::kInternal;
    e.message = std::string("interrupted by ") + InterruptName() + " after " + std::to_string(done) + " of " +
                std::to_string(docs.size()) + " documents; no output written";
    return e;
  }
  Graph graph;
  for (auto& r : results) {
    if (!r->ok()) return r->status();
    graph.Merge(ExtractionToGraph(**r));
  }
  return graph;
}

int WriteOutput(const Graph& graph, const Output& output, const HtmlOptions& html) {
  if (output.neo4j) {
    Status written = WriteDirectoryAtomic(*output.path, WriteNeo4jCsv(graph));
    if (!written.ok()) {
      std::cerr << written.ToString();
      return kExitError;
    }
    return kExitOk;
  }
  const std::string content =
      output.format == GraphFormat::kHtml ? WriteHtml(graph, html) : WriteGraph(graph, output.format);
  if (output.path) {
    Status written = WriteFileAtomic(*output.path, content);
    if (!written.ok()) {
      std::cerr << written.ToString();
      return kExitError;
    }
    return kExitOk;
  }
  std::cout << content << std::flush;
  if (!std::cout) {
    std::cerr << "claimgraph: cannot write to stdout\n";
    return kExitError;
  }
  return kExitOk;
}

void PrintSummary(const char* verb, size_t docs, const Graph& graph, const std::optional<std::string>& output) {
  size_t claims = 0;
  for (const Node& n : graph.Nodes()) claims += n.is_claim ? 1 : 0;
  std::cerr << "claimgraph: " << verb << docs << " document" << (docs == 1 ? "" : "s") << ", "
            << graph.node_count() << " nodes (" << graph.node_count() - claims << " entities, " << claims
            << " claims), " << graph.edge_count() << " edges" << (output ? " -> " + *output : std::string()) << "\n";
}

int DefaultThreads() { return std::max(1, static_cast<int>(std::thread::hardware_concurrency())); }

int BuildCommand(const std::vector<std::string>& argv) {
  ParsedArgs args;
  if (auto error = ParseArgs(argv, {"--output", "--format", "--rules", "--jobs", "--on-error"}, {"--quiet", "--lossy"},
                             {{"-o", "--output"}, {"-j", "--jobs"}, {"-q", "--quiet"}}, &args)) {
    std::cerr << "claimgraph build: " << *error << "\n\n" << kBuildUsage;
    return kExitUsage;
  }
  if (args.help) {
    std::cout << kBuildUsage;
    return kExitOk;
  }
  if (args.positionals.empty()) {
    std::cerr << "claimgraph build: no INPUT given\n\n" << kBuildUsage;
    return kExitUsage;
  }
  int threads = DefaultThreads();
  if (args.values.count("--jobs")) {
    const std::optional<int> j = ParseCount(args.Value("--jobs"));
    if (!j || *j < 1) {
      std::cerr << "claimgraph build: -j needs a positive number, not \"" << args.Value("--jobs") << "\"\n";
      return kExitUsage;
    }
    threads = *j;
  }
  const bool quiet = args.flags.count("--quiet") > 0;
  ReadOptions read_options;
  read_options.lossy = args.flags.count("--lossy") > 0;
  const std::string on_error = args.Value("--on-error", "fail");
  if (on_error != "fail" && on_error != "skip") {
    std::cerr << "claimgraph build: --on-error is fail or skip, not \"" << on_error << "\"\n";
    return kExitUsage;
  }
  read_options.skip_bad = on_error == "skip";
  Output output;
  if (const int code = ResolveOutput(args, "build", &output); code != kExitOk) return code;
  Result<RulePack> rules = LoadRules(args);
  if (!rules.ok()) {
    std::cerr << rules.status().ToString();
    return kExitError;
  }
  InstallSignalHandlers();
  size_t skipped = 0;
  Result<std::vector<Document>> docs = ReadAll(args.positionals, read_options, &skipped);
  if (!docs.ok()) {
    std::cerr << docs.status().ToString();
    return kExitError;
  }
  Result<Graph> graph = ExtractAll(*rules, *docs, threads, !quiet);
  if (!graph.ok()) {
    std::cerr << graph.status().ToString();
    if (Interrupted()) std::cerr << "claimgraph: " << output.path.value_or("stdout") << " left unchanged\n";
    return Interrupted() ? 128 + (std::string(InterruptName()) == "SIGTERM" ? SIGTERM : SIGINT) : kExitError;
  }
  HtmlOptions html;
  if (output.format == GraphFormat::kHtml && !output.neo4j) {
    // The page shows evidence sentences from the original texts.
    for (const Document& d : *docs) html.documents[d.id] = d.text;
    html.title = "claimgraph: " + (docs->size() == 1 ? docs->front().id : std::to_string(docs->size()) + " documents");
  }
  const int code = WriteOutput(*graph, output, html);
  if (code == kExitOk && !quiet) {
    PrintSummary("", docs->size(), *graph, output.path);
    if (skipped > 0) std::cerr << "claimgraph: " << skipped << " bad document" << (skipped == 1 ? "" : "s") << " skipped\n";
  }
  return code;
}

}  // namespace claimgraph::cli
