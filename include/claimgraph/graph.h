// SPDX-License-Identifier: Apache-2.0
// The graph facade: entity nodes with their mentions, typed edges with
// evidence. Free of Boost; the BGL view is in boost_graph.h.
#ifndef CLAIMGRAPH_CLAIMGRAPH_GRAPH_H_
#define CLAIMGRAPH_CLAIMGRAPH_GRAPH_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace claimgraph {

namespace internal {
class GraphAppender;  // src/graph_appender.h
}  // namespace internal

// One occurrence of an entity. Offsets are Unicode code points into the
// original document text, end exclusive (as Python slices a str); a
// document has fewer than 2^32 of them (it is at most 4 GiB), and the
// graph keeps mention and evidence offsets in 32 bits.
struct Mention {
  std::string doc;
  int64_t start = 0;
  int64_t end = 0;
  std::string text;      // the original text of [start, end)
  int sentence = 0;      // 0-based sentence index within the document
  std::string rule;      // "gazetteer" or a pattern rule id
  std::string particle;  // Korean particle that followed ("는", "의"), or ""
};

// Where an edge comes from: a span of a document and the rule that read it.
struct Evidence {
  std::string doc;
  int64_t start = 0;
  int64_t end = 0;
  std::string rule;
};

// The fields of a claim node: what was said, how, and where.
struct ClaimInfo {
  std::string text;      // the content as written, without speaker and cue
  std::string cue;       // the cue's lemma: 밝히다, 지적하다, say, according_to
  std::string modality;  // asserted | hedged | implied
  bool negated = false;  // the speaker denies the content
  std::string doc;
  int64_t start = 0;     // the content, code points into the document
  int64_t end = 0;
  int sentence = 0;
  std::string rule;      // the attribution rule
  std::string speaker;   // the speaker's entity id, or ""
  std::string speaker_status;  // named, coreference, group, role, unattributed, unresolved
};

// A node: an entity (kind "entity") or a claim (kind "claim").
struct Node {
  std::string id;    // "ent:alibaba", "claim:seed:3"
  std::string kind;  // "entity" or "claim"
  std::string label; // canonical label; for claims the start of the text
  std::string type;  // one of EntityTypes(); "" for claims
  std::vector<std::string> aliases;  // sorted, unique
  std::vector<Mention> mentions;     // sorted by doc, start, end, rule
  std::map<std::string, std::string> attributes;  // role, developer, ...
  bool is_claim = false;
  ClaimInfo claim;  // set when kind == "claim"
};

// A directed edge. co_mentioned edges point from the smaller id to the
// larger; `weight` counts supporting sentences.
struct Edge {
  std::string source;
  std::string target;
  std::string relation;
  int64_t weight = 0;
  std::vector<Evidence> evidence;  // sorted, unique
  std::map<std::string, std::string> attributes;
};

// Per-document summary kept in the graph's metadata.
// A sentence of the original text, in code points, end exclusive.
struct SentenceSpan {
  int64_t start = 0;
  int64_t end = 0;
};

struct DocumentInfo {
  std::string id;
  int64_t chars = 0;  // length of the original text in code points
  // The document's metadata as read (a JSONL line's "title", "date",
  // "url", "lang"); "" when absent.
  std::string title, date, url, lang;
};

// An entity-and-claim graph. Merging is associative and commutative: the
// same set of documents gives the same graph in any order.
//
// Usage:
//   Graph g;
//   g.Merge(pipeline.Run(doc1).value());
//   g.Merge(pipeline.Run(doc2).value());
//   for (const Node& n : g.Nodes()) std::cout << n.id << "\n";
class Graph {
 public:
  Graph();
  Graph(const Graph&);
  Graph& operator=(const Graph&);
  Graph(Graph&&) noexcept;
  Graph& operator=(Graph&&) noexcept;
  ~Graph();

  // Adds `node`, or merges it into the node with the same id (aliases and
  // mentions united, attributes filled where missing). Throws
  // std::out_of_range for a mention offset outside 0..2^32-1.
  void AddNode(const Node& node);
  void AddNode(Node&& node);
  // Adds `edge`, or merges it into the edge with the same source, target,
  // relation and attributes (evidence united, weight recounted).
  // Both endpoints must exist; returns false otherwise. Throws
  // std::out_of_range for an evidence offset outside 0..2^32-1.
  bool AddEdge(const Edge& edge);
  bool AddEdge(Edge&& edge);
  // Frees the index that finds an edge by its ends, relation and attributes
  // (about 12 bytes an edge), for a graph that is now only read, as a writer
  // reads it: the next AddEdge or Merge rebuilds it, so nothing is lost.
  void FreeEdgeIndex();
  void AddDocument(const DocumentInfo& doc);
  // Merges all of `other` into this graph; the rvalue form moves what it
  // can out of `other` and leaves it empty.
  void Merge(const Graph& other);
  void Merge(Graph&& other);

  size_t node_count() const;
  size_t edge_count() const;
  // Nodes that are claims (the others are entities).
  size_t claim_count() const;
  // Returns the node with `id`, or nullptr. (The node is materialized with
  // all its mentions and kept until the graph changes.)
  const Node* FindNode(const std::string& id) const;
  // The type of the node with `id` ("" for a claim or an untyped node), or
  // nullopt when there is none; nothing is materialized.
  std::optional<std::string> NodeType(const std::string& id) const;
  // Nodes sorted by id.
  std::vector<Node> Nodes() const;
  // Edges sorted by source, target, relation, then attributes.
  std::vector<Edge> Edges() const;
  // Visits the nodes in id order, or the edges in Edges() order, one at a
  // time (for writers over large graphs: the graph stores them compactly and
  // materializes each for the visit; the reference is valid only during the
  // call). The graph must not change during the visit.
  void ForEachNode(const std::function<void(const Node&)>& visit) const;
  void ForEachEdge(const std::function<void(const Edge&)>& visit) const;
  // As ForEachEdge, with each edge's multigraph key: parallel edges (same
  // source and target, adjacent in this order) are numbered 0, 1, ...
  void ForEachKeyedEdge(const std::function<void(const Edge&, int key)>& visit) const;
  // Documents sorted by id.
  std::vector<DocumentInfo> Documents() const;
  // The sentences of document `id`, in code points of its original text,
  // as the pipeline segmented it; empty when the graph was read from a
  // file (files keep no sentences) or the document is not in the graph.
  std::vector<SentenceSpan> Sentences(const std::string& id) const;

  struct Impl;
  const Impl& impl() const { return *impl_; }

 private:
  friend class internal::GraphAppender;
  std::unique_ptr<Impl> impl_;
};

}  // namespace claimgraph

#endif  // CLAIMGRAPH_CLAIMGRAPH_GRAPH_H_
