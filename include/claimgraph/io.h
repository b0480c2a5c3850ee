// SPDX-License-Identifier: Apache-2.0
// Graph writers: node-link JSON (the output contract), GraphML and DOT.
#ifndef CLAIMGRAPH_CLAIMGRAPH_IO_H_
#define CLAIMGRAPH_CLAIMGRAPH_IO_H_

#include <string>

#include "claimgraph/graph.h"
#include "claimgraph/status.h"

namespace claimgraph {

enum class GraphFormat { kJson, kGraphml, kDot };

// Returns the format named by `path`'s extension (.json, .graphml, .dot).
// Returns kInvalidArgument for any other extension.
Result<GraphFormat> FormatFromPath(const std::string& path);

// Serializes `graph` in `format`. Deterministic: equal graphs give equal
// bytes.
std::string WriteJson(const Graph& graph);
std::string WriteGraphml(const Graph& graph);
std::string WriteDot(const Graph& graph);
std::string WriteGraph(const Graph& graph, GraphFormat format);

// Serializes `graph` as node-link JSON on one line (no newline inside):
// the partial-graph format of `claimgraph extract`, one document a line.
std::string WriteJsonLine(const Graph& graph);

// Serializes one node, or one edge with its `key`, as the compact JSON
// object the node-link document holds for it (for bindings and streams).
std::string WriteNodeJson(const Node& node);
std::string WriteEdgeJson(const Edge& edge, int key);

// Reads a graph written by claimgraph: node-link JSON (.json), GraphML
// (.graphml), DOT (.dot, .gv: labels, types and relations only), or JSON lines of partial graphs (.jsonl, as `claimgraph
// extract` writes them; all lines are merged). Returns kIoError (cannot
// read) or kInvalidInput with the file, the line where one applies, and
// what is wrong (a dangling edge, a field of the wrong type, ...).
Result<Graph> ReadGraph(const std::string& path);
// Parses node-link JSON `content`; `origin` names it in messages.
Result<Graph> ParseGraphJson(const std::string& content, const std::string& origin);
// Parses GraphML `content` (through Boost's read_graphml).
Result<Graph> ParseGraphml(const std::string& content, const std::string& origin);
// Parses Graphviz DOT `content` (through Boost's read_graphviz). DOT
// carries only ids, labels, types and relations: mentions, claims' fields
// and evidence are not in it.
Result<Graph> ParseDot(const std::string& content, const std::string& origin);

// Writes `content` to `path` atomically: a temporary file in the same
// directory, fsync, then rename. On failure the previous file is untouched
// and no temporary is left. Returns kIoError naming the path.
Status WriteFileAtomic(const std::string& path, const std::string& content);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_CLAIMGRAPH_IO_H_
