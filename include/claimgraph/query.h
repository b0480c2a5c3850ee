// SPDX-License-Identifier: Apache-2.0
// Relationship queries over a Graph: find an entity by any of its names,
// neighbours, shortest paths, claims by and about an entity, k-hop
// subgraphs and summary statistics (degree, PageRank, components).
#ifndef CLAIMGRAPH_CLAIMGRAPH_QUERY_H_
#define CLAIMGRAPH_CLAIMGRAPH_QUERY_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "claimgraph/graph.h"
#include "claimgraph/rules.h"
#include "claimgraph/status.h"

namespace claimgraph {

// Returns the id of the entity named `name`: its canonical label or any
// alias, compared after normalization and case folding, Korean particles
// tolerated ("알리바바의" finds Alibaba). `rules` supplies the particles
// (the built-in pack when null). Returns kInvalidArgument when no entity
// matches, with the closest labels and aliases in the message.
//
// Usage:
//   Result<std::string> id = FindEntity(graph, "알리바바의");  // "ent:alibaba"
Result<std::string> FindEntity(const Graph& graph, const std::string& name, const RulePack* rules = nullptr);

// Returns up to `n` labels and aliases closest to `name` (edit distance).
std::vector<std::string> ClosestNames(const Graph& graph, const std::string& name, size_t n = 5);

enum class Direction { kOut, kIn, kBoth };

struct Neighbor {
  std::string id;        // the other node
  std::string relation;
  bool outgoing = true;  // true: entity -> id
  int64_t weight = 0;
};

// Returns the neighbours of node `id` over edges of `relation` (any when
// empty) in `direction`, sorted by relation, then id.
std::vector<Neighbor> Neighbors(const Graph& graph, const std::string& id, const std::string& relation = "",
                                Direction direction = Direction::kBoth);

struct PathStep {
  std::string from;
  std::string to;
  std::string relation;
  bool forward = true;  // the edge points from `from` to `to`
  Evidence evidence;    // the edge's first evidence span (doc "" when it has none)
};

// Returns a shortest path from `from` to `to` (edges in either direction,
// breadth-first), at most `max_hops` long, or nullopt. Stated relations
// come first: a path over edges other than co_mentioned when there is one
// within `max_hops`, else over all edges; with `via`, over edges of that
// relation only. Among equal choices the smallest ids win, so the answer
// is deterministic.
std::optional<std::vector<PathStep>> ShortestPath(const Graph& graph, const std::string& from,
                                                  const std::string& to, int max_hops = 6,
                                                  const std::string& via = "");

struct ClaimQuery {
  std::string by;     // speaker entity id, or ""
  std::string about;  // entity id the claim mentions or is about, or ""
  std::string cue;    // cue lemma, or ""
  // Days (YYYY-MM-DD), inclusive: a claim's "date" attribute (the day its
  // sentence names, else its document's) from `since` to `until`; with
  // either set, a claim without a date does not match.
  std::string since, until;
};

// Whether `day` is a calendar day written YYYY-MM-DD.
bool IsDay(const std::string& day);

// Returns the claim nodes that match `query`, in id order.
std::vector<Node> Claims(const Graph& graph, const ClaimQuery& query);

// A claim by or about an entity, for a timeline.
struct TimelineEntry {
  Node claim;
  bool by = false;     // the entity is its speaker
  bool about = false;  // the claim mentions the entity or is about it
};

// The claims made by entity `id` and the claims about it (or mentioning
// it), in date order (then document and offset; claims without a date
// last), within query.since / query.until when set.
std::vector<TimelineEntry> Timeline(const Graph& graph, const std::string& id, const ClaimQuery& range = {});

// Returns the subgraph of the nodes within `hops` edges of `id` (edges in
// either direction) and every edge among them.
Graph Subgraph(const Graph& graph, const std::string& id, int hops);

// Returns the subgraph of the `n` nodes of highest degree (ties: the
// smaller id) and every edge among them, with the documents they name:
// an overview of a graph too large to draw whole.
Graph TopNodes(const Graph& graph, size_t n);

// A field a query filters on.
enum class FilterField { kType, kRelation, kCue };

// The values `field` may take in a filter over `graph`, sorted: those the
// graph has, plus the contract's own (EntityTypes(); the built-in pack's
// relation types and the relations the graph builder adds: co_mentioned,
// asserts, reports, mentions, about; the built-in pack's cue lemmas).
std::vector<std::string> FilterValues(const Graph& graph, FilterField field);

// Returns the value of FilterValues(graph, field) that `value` names: the
// value itself, or the one value equal to it but for case ("person" ->
// "Person"). Returns kInvalidArgument otherwise: `"persn" is no entity
// type (did you mean "Person"?); one of: ...`, every valid value listed.
Result<std::string> ResolveFilterValue(const Graph& graph, FilterField field, const std::string& value);

struct GraphStats {
  size_t nodes = 0;
  size_t edges = 0;
  std::map<std::string, size_t> by_type;      // entity types, and "claim"
  std::map<std::string, size_t> by_relation;
  std::vector<std::pair<std::string, size_t>> top_degree;    // id, degree
  std::vector<std::pair<std::string, double>> top_pagerank;  // id, rank
  size_t components = 0;  // weakly connected components
};

// Computes counts, the `top_n` nodes by degree and by PageRank
// (boost::graph::page_rank, damping 0.85) and the number of weakly
// connected components.
GraphStats ComputeStats(const Graph& graph, size_t top_n = 10);

// Returns the width of `text` in terminal columns: East Asian wide and
// fullwidth characters (Hangul, Han) count 2, combining marks 0.
int DisplayWidth(const std::string& text);

// Returns `text` cut to at most `width` columns, ending in "…" when cut.
std::string TruncateToWidth(const std::string& text, int width);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_CLAIMGRAPH_QUERY_H_
