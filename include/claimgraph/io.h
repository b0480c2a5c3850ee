// SPDX-License-Identifier: Apache-2.0
// Graph writers: node-link JSON (the output contract), GraphML, DOT, the
// self-contained interactive HTML view, GEXF (Gephi), Cytoscape.js JSON and
// Neo4j bulk-import CSV.
#ifndef CLAIMGRAPH_CLAIMGRAPH_IO_H_
#define CLAIMGRAPH_CLAIMGRAPH_IO_H_

#include <map>
#include <cstdio>
#include <functional>
#include <istream>
#include <string>
#include <vector>

#include "claimgraph/graph.h"
#include "claimgraph/status.h"

namespace claimgraph {

// The graph formats. kNeo4jCsv is a directory of files (WriteNeo4jCsv);
// kJsonLines (partial graphs, one a line) is what `extract` writes and
// ReadGraph reads, not an output of -o.
enum class GraphFormat { kJson, kGraphml, kDot, kHtml, kGexf, kCyjs, kNeo4jCsv, kJsonLines };

// One format as every consumer (the CLI, the Python module, ReadGraph)
// sees it: adding a format is a row of Formats() and its writer or reader.
struct FormatInfo {
  GraphFormat format;
  const char* name;                     // as --format names it: "json"
  std::vector<const char*> extensions;  // the first is the usual one: ".json"
  const char* description;              // for usage texts: "node-link JSON (the output contract)"
  bool output = true;                   // -o may name it (a file, or a directory for neo4j)
  bool directory = false;               // written as a new directory of files
  bool readable = false;                // ReadGraph reads it back
};

// Every format, in the order usage texts list them.
const std::vector<FormatInfo>& Formats();

// The row of `format`.
const FormatInfo& FormatInfoOf(GraphFormat format);

// Returns the single-file output format named by `path`'s extension (.json,
// .graphml, .dot, .gv, .html, .htm, .gexf, .cyjs). Returns
// kInvalidArgument for any other extension.
Result<GraphFormat> FormatFromPath(const std::string& path);

// Returns the output format called `name` (json, graphml, dot, html, gexf,
// cyjs, neo4j), as `--format` names it. Returns kInvalidArgument for any
// other name.
Result<GraphFormat> FormatFromName(const std::string& name);

// The output formats' names ("json, graphml, … or neo4j") and
// single-file extensions (".json, .graphml, … or .cyjs"), for messages
// and usage texts.
std::string OutputFormatNames();
std::string OutputExtensions();

// How node-link JSON is laid out: compact (one line, the default and the
// output contract's form) or pretty (a field a line, indented, for people;
// the CLI's --pretty). The same fields and values either way.
enum class JsonLayout { kCompact, kPretty };

// Serializes `graph` in `format`. Deterministic: equal graphs give equal
// bytes.
std::string WriteJson(const Graph& graph, JsonLayout layout = JsonLayout::kCompact);
std::string WriteGraphml(const Graph& graph);
std::string WriteDot(const Graph& graph);
// Writes kHtml without document texts (see WriteHtml); "" for the formats
// that are not one file (kNeo4jCsv: WriteNeo4jCsv; kJsonLines:
// WriteJsonLine per partial graph).
std::string WriteGraph(const Graph& graph, GraphFormat format);

// What the HTML view shows besides the graph.
struct HtmlOptions {
  // (empty) The original text of each document, by document id. With it
  // the side panel shows each mention's and edge's evidence sentence with
  // the span highlighted; without it (a graph read back from a file) only
  // the mention or claim text, and says the sentence is not available.
  // Texts of documents the graph does not name are left out.
  std::map<std::string, std::string> documents;
  // ("claimgraph") The page title.
  std::string title = "claimgraph";
};

// Serializes `graph` as ONE self-contained HTML page that works offline:
// Cytoscape.js and the viewer are inlined, the graph is embedded as
// node-link JSON (the contract) in a <script type="application/json">,
// escaped so that document text cannot end the element. When the binary
// was built without the viewer (npm absent), the page says so and still
// carries the graph JSON. Deterministic.
std::string WriteHtml(const Graph& graph, const HtmlOptions& options);

// Returns true when this binary was built with the interactive viewer
// (Cytoscape.js from viewer/node_modules); false when WriteHtml writes the
// "built without the viewer" page.
bool HtmlViewerAvailable();

// Serializes `graph` as GEXF 1.2 for Gephi: typed node and edge attributes
// declared in <attributes>, viz:color by entity type, viz:size by degree,
// parallel edges told apart by `kind` (the relation); dynamic (timeformat
// "date") when documents have dates, each node and edge starting on its
// first day. Deterministic.
std::string WriteGexf(const Graph& graph);

// Serializes `graph` as Cytoscape.js JSON (.cyjs), which Cytoscape desktop
// imports and cytoscape({elements}) loads: {"elements": {"nodes": [{"data":
// ...}], "edges": [...]}}, every field of the JSON export in `data` (lists
// of strings as arrays; mentions and evidence as JSON strings, as Cytoscape
// desktop's tables hold only flat values). Deterministic.
std::string WriteCyjs(const Graph& graph);

// One file of a multi-file output: a name inside the output directory and
// its content.
struct OutputFile {
  std::string name;
  std::string content;
};

// Serializes `graph` as Neo4j bulk-import CSV (neo4j-admin database import
// full): entities.csv (id:ID, :LABEL "Entity;<Type>", properties),
// claims.csv (id:ID, :LABEL "Claim", properties), documents.csv (id:ID
// "doc:<id>", :LABEL "Document", chars, title, date, day:date, url, lang),
// relationships.csv (:START_ID, :END_ID, :TYPE as the relation
// upper-cased, properties) and document_links.csv (IN_DOCUMENT from each
// claim, MENTIONED_IN from each entity with mentions:int).
// Comma-delimited, every string field quoted with inner quotes doubled,
// arrays as `name:string[]` joined with ';' (a ';' inside an element is
// written as U+FF1B, since the importer has no escape for the array
// delimiter). Newlines inside fields are kept inside the quotes, which
// needs the importer's --multiline-fields=true. Deterministic.
std::vector<OutputFile> WriteNeo4jCsv(const Graph& graph);

// Writes `files` into the new directory `dir`: into a temporary directory
// next to it, then renamed into place, so a failure leaves nothing
// half-written. `dir` may exist only as an empty directory.
// Returns kInvalidArgument (dir exists and is not an empty directory) or
// kIoError naming the path.
Status WriteDirectoryAtomic(const std::string& dir, const std::vector<OutputFile>& files);

// Returns kInvalidArgument when `dir` exists and is not an empty directory:
// the check WriteDirectoryAtomic makes, for failing before any work.
Status CheckOutputDirectory(const std::string& dir);

// Streams the node-link JSON of `graph` (the bytes WriteJson returns) to
// `out` without building it in memory; `threads` share the serializing
// (the bytes are the same for any number). Returns false on a write error.
bool WriteJson(const Graph& graph, std::FILE* out, int threads = 1, JsonLayout layout = JsonLayout::kCompact);

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
//
// With `skipped` not null, a bad line of JSON lines is passed over: its
// error, made a warning, is appended to `skipped` and reading goes on (a
// whole-file format has no lines to pass over: it fails as above).
Result<Graph> ReadGraph(const std::string& path, std::vector<Error>* skipped = nullptr);
// Reads JSON lines of partial graphs from `in` as it goes (never the whole
// stream at once) and merges them; `origin` names it in messages ("FILE:LINE").
// `skipped` as for ReadGraph.
Result<Graph> ReadGraphLines(std::istream& in, const std::string& origin, std::vector<Error>* skipped = nullptr);
// Parses node-link JSON `content`; `origin` names it in messages.
Result<Graph> ParseGraphJson(const std::string& content, const std::string& origin);
// Parses GraphML `content`, as a stream (libxml2's xmlTextReader).
Result<Graph> ParseGraphml(const std::string& content, const std::string& origin);
// Parses Graphviz DOT `content` (through Boost's read_graphviz). DOT
// carries only ids, labels, types and relations: mentions, claims' fields
// and evidence are not in it.
Result<Graph> ParseDot(const std::string& content, const std::string& origin);

// Writes `content` to `path` atomically: a temporary file in the same
// directory, fsync, then rename. On failure the previous file is untouched
// and no temporary is left. Returns kIoError naming the path. A symbolic
// link is followed and its target replaced so; a path that is not a
// regular file (/dev/null, /dev/stdout, a FIFO, a socket) is written to
// directly, never replaced; "-" is stdout; a directory is an error.
Status WriteFileAtomic(const std::string& path, const std::string& content);
// Writes `path` atomically as above, with `write` producing the content
// into the temporary file (returning false on a write error), so that
// large outputs are streamed rather than held.
Status WriteFileAtomic(const std::string& path, const std::function<bool(std::FILE*)>& write);
// As above; `cancelled` is asked once the content is written and before the
// rename: when it says so (a signal arrived), the temporary file is removed,
// the previous file stays, and kCancelled is returned.
Status WriteFileAtomic(const std::string& path, const std::function<bool(std::FILE*)>& write,
                       const std::function<bool()>& cancelled);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_CLAIMGRAPH_IO_H_
