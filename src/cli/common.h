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

// SIGINT and SIGTERM set a flag that long runs check (Interrupted()); the
// output is then left untouched. SIGXFSZ is ignored, so a file-size limit
// surfaces as a write error.
void InstallSignalHandlers();
bool Interrupted();
const char* InterruptName();

// Resolves -o: sets `output` and `format` (JSON on stdout without -o).
// Prints the usage error and returns false for an unknown extension.
bool ResolveOutput(const ParsedArgs& args, const char* verb, std::optional<std::string>* output,
                   GraphFormat* format);

// Writes `graph` to `output` atomically, or to stdout; returns the exit code.
int WriteOutput(const Graph& graph, const std::optional<std::string>& output, GraphFormat format);

// "claimgraph: 3 documents, 40 nodes (30 entities, 10 claims), 90 edges -> out.json"
void PrintSummary(const char* verb, size_t docs, const Graph& graph, const std::optional<std::string>& output);

}  // namespace claimgraph::cli

#endif  // CLAIMGRAPH_CLI_COMMON_H_
