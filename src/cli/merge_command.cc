// SPDX-License-Identifier: Apache-2.0
// `claimgraph merge`: the reduce step. Partial graphs (JSON lines from
// `claimgraph extract`) and graph files (.json, .graphml) merge into one;
// merging is associative and commutative, so any partition and order of
// the inputs gives the same bytes as `claimgraph build` over everything.
#include <algorithm>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "claimgraph/claimgraph.h"
#include "commands.h"
#include "common.h"

namespace claimgraph::cli {
namespace {

constexpr const char* kMergeUsage =
    "Usage: claimgraph merge INPUT... [-o OUT] [--format F] [-q]\n"
    "\n"
    "The reduce step: merges partial graphs and graph files into one graph.\n"
    "\n"
    "INPUT       a .jsonl file of partial graphs (from `claimgraph extract`), a\n"
    "            .json or .graphml graph, or - for partial graphs on stdin\n"
    "{OUTPUT}"
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
  if (auto error = ParseArgs(argv, {"--output", "--format", "--max-nodes"}, {"--quiet", "--pretty"}, {{"-o", "--output"}, {"-q", "--quiet"}}, &args)) {
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
  Output output;
  if (const int code = ResolveOutput(args, "merge", &output); code != kExitOk) return code;
  Graph graph;
  for (const std::string& input : args.positionals) {
    Result<Graph> part = Graph();
    if (input == "-") {
      std::ostringstream ss;
      ss << std::cin.rdbuf();
      Graph lines;
      std::istringstream in(ss.str());
      std::string line;
      int number = 0;
      while (std::getline(in, line)) {
        ++number;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        Result<Graph> one = ParseGraphJson(line, "<stdin>:" + std::to_string(number));
        if (!one.ok()) {
          part = one.status();
          break;
        }
        lines.Merge(*one);
      }
      if (part.ok()) part = std::move(lines);
    } else {
      part = ReadGraph(input);
    }
    if (!part.ok()) {
      std::cerr << part.status().ToString();
      return kExitError;
    }
    WarnTypeConflicts(graph, *part, input);
    graph.Merge(*part);
  }
  const int code = WriteOutput(graph, output, HtmlOptions());
  if (code == kExitOk && !args.flags.count("--quiet")) {
    PrintSummary("merged ", graph.Documents().size(), graph, output.path);
  }
  return code;
}

}  // namespace claimgraph::cli
