// SPDX-License-Identifier: Apache-2.0
// `claimgraph extract`: the map step. JSONL documents in (stdin or files),
// one partial graph out per document, as one line of node-link JSON. No
// state crosses documents except the rule pack, so any engine can run it
// (Hadoop Streaming, Spark's RDD.pipe, GNU parallel).
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "claimgraph/claimgraph.h"
#include "commands.h"
#include "common.h"

namespace claimgraph::cli {
namespace {

constexpr const char* kExtractUsage =
    "Usage: claimgraph extract [INPUT...] [--rules DIR]\n"
    "\n"
    "The map step of a distributed run: reads JSONL documents ({\"id\", \"text\", ...}\n"
    "a line) from the INPUT files or, with none, from stdin, and writes one line of\n"
    "node-link JSON per document: its partial graph (entities, claims, relations,\n"
    "provenance). `claimgraph merge` is the reduce step.\n"
    "\n"
    "--rules DIR   use the rule pack in DIR instead of the built-in one\n";

}  // namespace

int ExtractCommand(const std::vector<std::string>& argv) {
  ParsedArgs args;
  if (auto error = ParseArgs(argv, {"--rules"}, {}, {}, &args)) {
    std::cerr << "claimgraph extract: " << *error << "\n\n" << kExtractUsage;
    return kExitUsage;
  }
  if (args.help) {
    std::cout << kExtractUsage;
    return kExitOk;
  }
  Result<RulePack> rules = LoadRules(args);
  if (!rules.ok()) {
    std::cerr << rules.status().ToString();
    return kExitError;
  }
  // Documents come from the files named, or from stdin.
  std::vector<Document> docs;
  if (args.positionals.empty()) {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    Result<std::vector<Document>> read = ParseJsonl(ss.str(), "<stdin>");
    if (!read.ok()) {
      std::cerr << read.status().ToString();
      return kExitError;
    }
    docs = std::move(*read);
  }
  if (!args.positionals.empty()) {
    Result<std::vector<Document>> read = ReadAll(args.positionals);
    if (!read.ok()) {
      std::cerr << read.status().ToString();
      return kExitError;
    }
    docs = std::move(*read);
  }
  Pipeline pipeline(*rules);
  for (const Document& doc : docs) {
    Result<Extraction> ex = pipeline.Extract(doc);
    if (!ex.ok()) {
      std::cerr << ex.status().ToString();
      return kExitError;
    }
    std::cout << WriteJsonLine(ExtractionToGraph(*ex)) << "\n";
  }
  std::cout << std::flush;
  if (!std::cout) {
    std::cerr << "claimgraph extract: cannot write to stdout\n";
    return kExitError;
  }
  return kExitOk;
}

}  // namespace claimgraph::cli
