// SPDX-License-Identifier: Apache-2.0
// Helpers the verbs share: loading rule packs, reading inputs, choosing and
// writing the output.
#ifndef CLAIMGRAPH_CLI_COMMON_H_
#define CLAIMGRAPH_CLI_COMMON_H_

#include <optional>
#include <string>
#include <vector>

#include "args.h"
#include "claimgraph/claimgraph.h"

namespace claimgraph::cli {

// The packs of --rules (layered), or the built-in pack.
Result<RulePack> LoadRules(const ParsedArgs& args);

// Reads every input (files, directories, "-"), in order, strictly.
Result<std::vector<Document>> ReadAll(const std::vector<std::string>& inputs);

// Reads every input with `options`; prints each skipped document and
// repair to stderr and adds the count of skipped documents to `skipped`.
// Duplicate document ids are bad documents too.
Result<std::vector<Document>> ReadAll(const std::vector<std::string>& inputs, const ReadOptions& options,
                                      size_t* skipped);

// The options of the verbs that read documents or graphs: -j N,
// --on-error fail|skip, --lossy and --max-document-mb N (each where the
// verb's parser accepts it).
struct RunFlags {
  int threads = 1;
  ReadOptions read;
};

// The number of cores (at least 1): the default of -j.
int DefaultThreads();

// Parses the RunFlags options present in `args` into `flags` (threads
// default to DefaultThreads()). Prints the error and returns kExitUsage on
// a bad value; kExitOk otherwise.
int ParseRunFlags(const ParsedArgs& args, const char* verb, RunFlags* flags);

// SIGINT and SIGTERM set a flag that long runs check (Interrupted()); the
// output is then left untouched. SIGXFSZ is ignored, so a file-size limit
// surfaces as a write error.
void InstallSignalHandlers();
bool Interrupted();
const char* InterruptName();
// The exit code of a run a signal stopped: 128 + the signal's number.
int InterruptExitCode();
// Marks that an output file is being written (as WriteOutput does): from
// then on a signal is only noticed where the writer asks Interrupted(), so
// that the temporary file is removed and the output left as it was, never
// abandoned a second later.
void BeginWriting();

// Where and how a verb writes its graph.
struct Output {
  std::optional<std::string> path;         // -o; stdout when absent
  // By --format, else by -o's extension; kNeo4jCsv: `path` is a new
  // directory of CSV files.
  GraphFormat format = GraphFormat::kJson;
  // --pretty: JSON indented, a field a line; compact (one line) otherwise.
  JsonLayout json_layout = JsonLayout::kCompact;
  // --max-nodes N (HTML only): the page shows the N most connected nodes;
  // 0 shows all.
  size_t max_nodes = 0;
};

// `usage` with its "{OUTPUT}" replaced by the help of -o and --format,
// listing every output format of Formats(); options start `width` columns
// in.
std::string WithOutputHelp(const std::string& usage, size_t width);

// Resolves -o and --format into `output` before any work starts. Prints the
// error and returns kExitUsage (unknown format or extension, neo4j without
// -o) or kExitError (the neo4j directory exists and is not empty); returns
// kExitOk otherwise.
int ResolveOutput(const ParsedArgs& args, const char* verb, Output* output);

// Writes `graph` as `output` says: a file atomically, a directory of Neo4j
// CSV atomically, or stdout; `html` gives the HTML view its document texts
// and title; `threads` share serializing JSON. Returns the exit code.
int WriteOutput(const Graph& graph, const Output& output, const HtmlOptions& html, int threads = 1);

// "claimgraph: 3 documents, 40 nodes (30 entities, 10 claims), 90 edges -> out.json"
void PrintSummary(const char* verb, size_t docs, const Graph& graph, const std::optional<std::string>& output);

}  // namespace claimgraph::cli

#endif  // CLAIMGRAPH_CLI_COMMON_H_
