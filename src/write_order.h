// SPDX-License-Identifier: Apache-2.0
// The order writers read a graph in: its documents, nodes and edges in
// output order (the order of Graph::Documents(), Graph::Nodes() and
// Graph::Edges()), sorted once and
// materialized one at a time on demand, as values or as views of the
// graph's strings, with the weights a writer splits a large graph across
// threads by (write_json.cc). The graph itself knows nothing of it.
#ifndef CLAIMGRAPH_WRITE_ORDER_H_
#define CLAIMGRAPH_WRITE_ORDER_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "claimgraph/graph.h"

namespace claimgraph::internal {

// A mention, an evidence span and an edge as views of the graph's strings
// (valid while the graph lives unchanged): what a writer reads, without
// copying the strings into Mention and Edge values. Fields as theirs.
struct MentionView {
  std::string_view doc;
  int64_t start = 0;
  int64_t end = 0;
  std::string_view text;
  int sentence = 0;
  std::string_view rule;
  std::string_view particle;
};
struct EvidenceView {
  std::string_view doc;
  int64_t start = 0;
  int64_t end = 0;
  std::string_view rule;
};
struct EdgeView {
  std::string_view source;
  std::string_view target;
  std::string_view relation;
  int64_t weight = 0;
  std::vector<EvidenceView> evidence;
  std::vector<std::pair<std::string_view, std::string_view>> attributes;  // by key
};

// A document's entry as a writer reads it (DocumentInfo's fields as views
// of the graph's strings).
struct DocumentView {
  std::string_view id;
  int64_t chars = 0;
  std::string_view title, date, url, lang;
};

class GraphOrder {
 public:
  // Sorts `graph`'s appended lists (SortAppended) and its records; `threads`
  // (at least 1) may share the sorting. The graph must outlive this and
  // not change meanwhile. Reading nodes and edges is then safe from
  // several threads at once.
  explicit GraphOrder(const Graph& graph, int threads = 1);

  size_t node_count() const { return nodes_.size(); }
  // The graph's documents sorted by id, as Graph::Documents() has them,
  // without copying their strings (a corpus has hundreds of thousands).
  size_t document_count() const { return documents_.size(); }
  DocumentView Document(size_t i) const;
  size_t edge_count() const { return edges_.size(); }
  // The i-th node or edge; `out` is overwritten (reuse it: its strings and
  // lists keep their capacity). Without `with_mentions`, the node's mentions
  // are left empty, for FillMentions to give a few at a time (an entity may
  // have millions).
  void FillNode(size_t i, Node* out, bool with_mentions = true) const;
  void FillEdge(size_t i, Edge* out) const;
  void FillEdge(size_t i, EdgeView* out) const;  // views, as a writer reads them
  // Asks the CPU for what FillEdge(i) will read, some edges ahead of it:
  // edges in output order are scattered in memory.
  void PrefetchEdge(size_t i) const;
  size_t MentionCount(size_t i) const;
  // Mentions [from, from + count) of the i-th node (fewer at its end).
  void FillMentions(size_t i, size_t from, size_t count, std::vector<MentionView>* out) const;
  // How much there is to write of the i-th node or edge: 1 + the lengths
  // of its lists (mentions and aliases, or evidence).
  size_t NodeWeight(size_t i) const;
  size_t EdgeWeight(size_t i) const;
  // Whether the i-th edge has the source and target of the one before it
  // (parallel edges are adjacent in this order).
  bool SameEndsAsPrevious(size_t i) const;
  // The multigraph key of the i-th edge: its index among the edges with
  // the same source and target.
  int EdgeKey(size_t i) const;

 private:
  const Graph::Impl& impl_;
  std::vector<uint32_t> documents_;  // record indices, in order
  std::vector<uint32_t> nodes_;
  std::vector<uint32_t> edges_;
};

}  // namespace claimgraph::internal

#endif  // CLAIMGRAPH_WRITE_ORDER_H_
