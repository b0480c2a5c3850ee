// SPDX-License-Identifier: Apache-2.0
// `claimgraph build`: arguments are parsed, then resolved (rules loaded,
// inputs read, output format chosen) before any extraction, so usage errors
// fail fast; the output is written atomically, or not at all.
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "claimgraph/claimgraph.h"
#include "commands.h"

namespace claimgraph::cli {
namespace {

constexpr const char* kBuildUsage =
    "Usage: claimgraph build INPUT... [-o OUT] [--rules DIR] [-q]\n"
    "\n"
    "Extracts entities from news text and writes an entity graph.\n"
    "\n"
    "INPUT     a .txt file (document id = file stem), a .jsonl file (one\n"
    "          {\"id\", \"text\", \"title\", \"date\", \"url\", \"lang\"} object a line),\n"
    "          a directory (its .txt and .jsonl files, by name), or - for stdin\n"
    "-o OUT    output file; the format follows the extension: .json (node-link\n"
    "          JSON), .graphml, .dot. Default: JSON on stdout\n"
    "--rules DIR  use the rule pack in DIR instead of the built-in one\n"
    "-q, --quiet  no summary on stderr\n";

struct BuildArgs {
  std::vector<std::string> inputs;
  std::optional<std::string> output;
  std::optional<std::string> rules;
  bool quiet = false;
};

// Returns the parsed arguments, or an error message for a usage error.
std::optional<std::string> Parse(const std::vector<std::string>& args, BuildArgs* out, bool* help) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](const char* flag) -> std::optional<std::string> {
      if (i + 1 >= args.size()) return std::nullopt;
      (void)flag;
      return args[++i];
    };
    if (a == "-h" || a == "--help") {
      *help = true;
      return std::nullopt;
    } else if (a == "-o" || a == "--output") {
      auto v = value("-o");
      if (!v) return "option " + a + " needs a file name";
      out->output = *v;
    } else if (a == "--rules") {
      auto v = value("--rules");
      if (!v) return "option --rules needs a directory";
      out->rules = *v;
    } else if (a == "-q" || a == "--quiet") {
      out->quiet = true;
    } else if (a.size() > 1 && a[0] == '-' && a != "-") {
      return "unknown option \"" + a + "\"";
    } else {
      out->inputs.push_back(a);
    }
  }
  if (out->inputs.empty()) return std::string("no INPUT given");
  return std::nullopt;
}

}  // namespace

int BuildCommand(const std::vector<std::string>& args) {
  BuildArgs parsed;
  bool help = false;
  if (auto usage_error = Parse(args, &parsed, &help)) {
    std::cerr << "claimgraph build: " << *usage_error << "\n\n" << kBuildUsage;
    return kExitUsage;
  }
  if (help) {
    std::cout << kBuildUsage;
    return kExitOk;
  }
  // Resolve everything before extracting.
  GraphFormat format = GraphFormat::kJson;
  if (parsed.output) {
    Result<GraphFormat> f = FormatFromPath(*parsed.output);
    if (!f.ok()) {
      std::cerr << "claimgraph build: " << f.status().ToString();
      return kExitUsage;
    }
    format = *f;
  }
  Result<RulePack> rules = parsed.rules ? RulePack::Load(*parsed.rules) : RulePack::BuiltIn();
  if (!rules.ok()) {
    std::cerr << rules.status().ToString();
    return kExitError;
  }
  std::vector<Document> docs;
  for (const std::string& input : parsed.inputs) {
    Result<std::vector<Document>> read = ReadDocuments(input);
    if (!read.ok()) {
      std::cerr << read.status().ToString();
      return kExitError;
    }
    for (Document& d : *read) docs.push_back(std::move(d));
  }

  Pipeline pipeline(*rules);
  Graph graph;
  for (size_t i = 0; i < docs.size(); ++i) {
    Result<Extraction> ex = pipeline.Extract(docs[i]);
    if (!ex.ok()) {
      std::cerr << ex.status().ToString();
      return kExitError;
    }
    graph.Merge(ExtractionToGraph(*ex));
    if (!parsed.quiet && docs.size() >= 100 && (i + 1) % 100 == 0) {
      std::cerr << "claimgraph: " << (i + 1) << "/" << docs.size() << " documents\r" << std::flush;
    }
  }
  const std::string content = WriteGraph(graph, format);
  if (parsed.output) {
    Status written = WriteFileAtomic(*parsed.output, content);
    if (!written.ok()) {
      std::cerr << written.ToString();
      return kExitError;
    }
  } else {
    std::cout << content << std::flush;
    if (!std::cout) {
      std::cerr << "claimgraph build: cannot write to stdout\n";
      return kExitError;
    }
  }
  if (!parsed.quiet) {
    size_t claims = 0;
    for (const Node& n : graph.Nodes()) claims += n.is_claim ? 1 : 0;
    std::cerr << "claimgraph: " << docs.size() << " document" << (docs.size() == 1 ? "" : "s") << ", "
              << graph.node_count() << " nodes (" << graph.node_count() - claims << " entities, " << claims
              << " claims), " << graph.edge_count() << " edges"
              << (parsed.output ? " -> " + *parsed.output : std::string()) << "\n";
  }
  return kExitOk;
}

}  // namespace claimgraph::cli
