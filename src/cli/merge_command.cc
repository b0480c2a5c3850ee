// SPDX-License-Identifier: Apache-2.0
// `claimgraph merge`: the reduce step. Partial graphs (JSON lines from
// `claimgraph extract`) and graph files (.json, .graphml) merge into one;
// merging is associative and commutative, so any partition and order of
// the inputs gives the same bytes as `claimgraph build` over everything.
#include <algorithm>
#include <iostream>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "claimgraph/claimgraph.h"
#include "commands.h"
#include "common.h"

namespace claimgraph::cli {
namespace {

constexpr const char* kMergeUsage =
    "Usage: claimgraph merge INPUT... [-o OUT] [--format F] [-j N] [--on-error fail|skip] [-q]\n"
    "\n"
    "The reduce step: merges partial graphs and graph files into one graph.\n"
    "\n"
    "INPUT       a .jsonl file of partial graphs (from `claimgraph extract`), a\n"
    "            .json or .graphml graph, or - for partial graphs on stdin\n"
    "{OUTPUT}"
    "-j N        read N inputs at a time, and write JSON, on N threads (default:\n"
    "            all cores); the output is the same\n"
    "--on-error fail|skip  a bad input (a malformed line of partial graphs, a graph\n"
    "            file that cannot be read) stops the merge (fail, the default:\n"
    "            nothing written) or is skipped: a line, or a whole graph file,\n"
    "            reported on stderr and counted (skip)\n"
    "-q          no summary on stderr\n";

// Warns where `part` gives a node another type than the inputs before it:
// the merged graph keeps one (the first in byte order), and a user should
// know that two files disagree. At most a few are named, then a count.
void WarnTypeConflicts(const Graph& merged, const Graph& part, const std::string& input) {
  constexpr int kShown = 5;
  int conflicts = 0;
  part.ForEachNode([&](const Node& node) {
    if (node.type.empty()) return;
    const std::optional<std::string> earlier = merged.NodeType(node.id);
    if (!earlier || earlier->empty() || *earlier == node.type) return;
    if (++conflicts > kShown) return;
    const std::string& kept = std::min(*earlier, node.type);
    std::cerr << input << ": warning: node \"" << node.id << "\" has type " << node.type << " here and " << *earlier
              << " in an earlier input; the merged graph keeps " << kept << "\n";
  });
  if (conflicts > kShown) {
    std::cerr << input << ": warning: " << conflicts - kShown << " more nodes whose type differs from an earlier input\n";
  }
}

}  // namespace

int MergeCommand(const std::vector<std::string>& argv) {
  ParsedArgs args;
  if (auto error = ParseArgs(argv, {"--output", "--format", "--max-nodes", "--jobs", "--on-error"},
                             {"--quiet", "--pretty"}, {{"-o", "--output"}, {"-q", "--quiet"}, {"-j", "--jobs"}}, &args)) {
    std::cerr << "claimgraph merge: " << *error << "\n\n" << WithOutputHelp(kMergeUsage, 12);
    return kExitUsage;
  }
  if (args.help) {
    std::cout << WithOutputHelp(kMergeUsage, 12);
    return kExitOk;
  }
  if (args.positionals.empty()) {
    std::cerr << "claimgraph merge: no INPUT given\n\n" << WithOutputHelp(kMergeUsage, 12);
    return kExitUsage;
  }
  if (std::count(args.positionals.begin(), args.positionals.end(), "-") > 1) {
    std::cerr << "claimgraph merge: - (stdin) may be given once\n";
    return kExitUsage;
  }
  RunFlags run;
  if (const int code = ParseRunFlags(args, "merge", &run); code != kExitOk) return code;
  const bool skip = run.read.skip_bad;
  Output output;
  if (const int code = ResolveOutput(args, "merge", &output); code != kExitOk) return code;
  InstallSignalHandlers();
  // Inputs are read `threads` at a time (each holds its partial graph until
  // merged), then merged in input order, so warnings keep that order.
  const std::vector<std::string>& inputs = args.positionals;
  const size_t window = static_cast<size_t>(run.threads);
  Graph graph;
  size_t skipped_lines = 0, skipped_files = 0;
  for (size_t begin = 0; begin < inputs.size(); begin += window) {
    const size_t end = std::min(inputs.size(), begin + window);
    std::vector<Result<Graph>> parts(end - begin, Result<Graph>(Graph()));
    std::vector<std::vector<Error>> warnings(end - begin);
    auto read = [&](size_t i) {
      std::vector<Error>* skipped = skip ? &warnings[i - begin] : nullptr;
      parts[i - begin] = inputs[i] == "-" ? ReadGraphLines(std::cin, "<stdin>", skipped) : ReadGraph(inputs[i], skipped);
    };
    std::vector<std::thread> readers;
    for (size_t i = begin + 1; i < end; ++i) readers.emplace_back(read, i);
    read(begin);
    for (std::thread& t : readers) t.join();
    for (size_t i = begin; i < end; ++i) {
      for (const Error& w : warnings[i - begin]) std::cerr << w.ToString() << "\n";
      skipped_lines += warnings[i - begin].size();
      Result<Graph>& part = parts[i - begin];
      if (!part.ok()) {
        if (!skip) {
          std::cerr << part.status().ToString();
          return kExitError;
        }
        Error e = part.status().errors().front();
        e.warning = true;
        e.message += "; input skipped";
        std::cerr << e.ToString() << "\n";
        ++skipped_files;
        continue;
      }
      WarnTypeConflicts(graph, *part, inputs[i]);
      graph.Merge(*part);
      part = Graph();
    }
    if (Interrupted()) {
      std::cerr << "claimgraph merge: interrupted by " << InterruptName() << "; no output written\n";
      return InterruptExitCode();
    }
  }
  if (skipped_files == inputs.size()) {
    std::cerr << "claimgraph merge: every input (" << skipped_files << ") was skipped as bad; no output written\n";
    return kExitError;
  }
  graph.FreeEdgeIndex();  // (only read from here on, as in build)
  const int code = WriteOutput(graph, output, HtmlOptions(), run.threads);
  if (code == kExitOk && !args.flags.count("--quiet")) {
    PrintSummary("merged ", graph.Documents().size(), graph, output.path);
    if (skipped_lines + skipped_files > 0) {
      std::cerr << "claimgraph: skipped " << skipped_lines << " bad line" << (skipped_lines == 1 ? "" : "s") << " and "
                << skipped_files << " bad input" << (skipped_files == 1 ? "" : "s") << "\n";
    }
  }
  return code;
}

}  // namespace claimgraph::cli
