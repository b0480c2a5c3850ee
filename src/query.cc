// SPDX-License-Identifier: Apache-2.0
// Relationship queries over the Graph, with Boost.Graph algorithms:
// breadth_first_search for paths and neighbourhoods, page_rank and
// connected_components for statistics.
#include "claimgraph/query.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/page_rank.hpp>

#include <algorithm>
#include <deque>
#include <limits>
#include <functional>
#include <map>
#include <set>
#include <tuple>

#include "claimgraph/boost_graph.h"
#include "extract_claims.h"
#include "internal/edit_distance.h"
#include "internal/utf8.h"
#include "normalize.h"
#include "rule_pack.h"
#include "words.h"

namespace claimgraph {
namespace {

// Normalized and case-folded, for comparing names.
std::string Fold(const std::string& s) { return internal::FoldForMatch(s); }

using internal::EditDistance;

std::vector<char32_t> CodePoints(const std::string& s) { return internal::CodePointsOf(s); }

const RulePack& DefaultRules() {
  static const RulePack* pack = [] {
    Result<RulePack> r = RulePack::BuiltIn();
    return r.ok() ? new RulePack(std::move(r).value()) : nullptr;
  }();
  return *pack;
}

// Adjacency in both directions, sorted, for deterministic walks.
std::map<std::string, std::vector<std::pair<std::string, const Edge*>>> Adjacency(const std::vector<Edge>& edges) {
  std::map<std::string, std::vector<std::pair<std::string, const Edge*>>> adj;
  for (const Edge& e : edges) {
    adj[e.source].push_back({e.target, &e});
    adj[e.target].push_back({e.source, &e});
  }
  for (auto& [id, list] : adj) {
    std::stable_sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
      return std::tie(a.first, a.second->relation) < std::tie(b.first, b.second->relation);
    });
  }
  return adj;
}

}  // namespace

int DisplayWidth(const std::string& text) {
  int width = 0;
  for (size_t i = 0; i < text.size();) {
    int len = 0;
    const auto c = static_cast<UChar32>(internal::DecodeAt(text, i, &len));
    i += static_cast<size_t>(len);
    const int8_t type = static_cast<int8_t>(u_charType(c));
    if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR) continue;
    const auto ea = static_cast<UEastAsianWidth>(u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH));
    width += (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) ? 2 : 1;
  }
  return width;
}

std::string TruncateToWidth(const std::string& text, int width) {
  if (DisplayWidth(text) <= width) return text;
  std::string out;
  int used = 0;
  for (size_t i = 0; i < text.size();) {
    int len = 0;
    internal::DecodeAt(text, i, &len);
    const std::string cp = text.substr(i, static_cast<size_t>(len));
    const int w = DisplayWidth(cp);
    if (used + w > width - 1) break;
    out += cp;
    used += w;
    i += static_cast<size_t>(len);
  }
  return out + "…";
}

std::vector<std::string> ClosestNames(const Graph& graph, const std::string& name, size_t n) {
  const std::string query = Fold(name);
  std::vector<std::tuple<size_t, std::string>> scored;
  std::set<std::string> seen;
  for (const Node& node : graph.Nodes()) {
    if (node.is_claim) continue;
    std::vector<std::string> names = node.aliases;
    names.push_back(node.label);
    for (const std::string& candidate : names) {
      if (!seen.insert(candidate).second) continue;
      const std::string folded = Fold(candidate);
      size_t d = EditDistance(query, folded);
      // A name that contains the query, or is contained in it, is close.
      if (folded.find(query) != std::string::npos || query.find(folded) != std::string::npos) d = std::min<size_t>(d, 1);
      scored.emplace_back(d, candidate);
    }
  }
  std::sort(scored.begin(), scored.end());
  std::vector<std::string> out;
  const size_t limit = std::max<size_t>(2, CodePoints(query).size() / 2);
  for (const auto& [d, candidate] : scored) {
    if (out.size() >= n || d > limit) break;
    out.push_back(candidate);
  }
  return out;
}

Result<std::string> FindEntity(const Graph& graph, const std::string& name, const RulePack* rules) {
  const RulePack& pack = rules ? *rules : DefaultRules();
  const std::string query = Fold(name);
  // The query itself, then the query without a trailing particle chain.
  std::vector<std::string> forms = {query};
  const std::vector<char32_t> cps = CodePoints(query);
  for (size_t cut = 1; cut < cps.size() && cut <= 4; ++cut) {
    std::string head, tail;
    for (size_t i = 0; i < cps.size(); ++i) internal::AppendUtf8(i < cps.size() - cut ? &head : &tail, cps[i]);
    if (pack.data().particles.IsParticleChain(tail)) forms.push_back(head);
  }
  for (const std::string& form : forms) {
    std::vector<std::string> hits;
    for (const Node& node : graph.Nodes()) {
      if (node.is_claim) continue;
      bool match = Fold(node.label) == form || Fold(node.id) == form;
      for (const std::string& alias : node.aliases) match = match || Fold(alias) == form;
      if (match) hits.push_back(node.id);
    }
    if (!hits.empty()) return hits.front();  // ids are sorted; ties are rare (same alias, two types)
  }
  Error e;
  e.code = ErrorCode::kInvalidArgument;
  e.message = "no entity named \"" + name + "\"";
  const std::vector<std::string> close = ClosestNames(graph, name);
  if (!close.empty()) {
    e.message += "; closest names:";
    for (const std::string& c : close) e.message += " \"" + c + "\"";
  }
  return e;
}

std::vector<Neighbor> Neighbors(const Graph& graph, const std::string& id, const std::string& relation,
                                Direction direction) {
  std::vector<Neighbor> out;
  for (const Edge& e : graph.Edges()) {
    if (!relation.empty() && e.relation != relation) continue;
    if (e.source == id && direction != Direction::kIn) out.push_back({e.target, e.relation, true, e.weight});
    if (e.target == id && direction != Direction::kOut) out.push_back({e.source, e.relation, false, e.weight});
  }
  std::sort(out.begin(), out.end(), [](const Neighbor& a, const Neighbor& b) {
    return std::tie(a.relation, a.id, a.outgoing) < std::tie(b.relation, b.id, b.outgoing);
  });
  return out;
}

namespace {

// A shortest path over the edges `use` accepts, as node indices from
// `start` to `goal`, or empty when there is none within `max_hops`.
std::vector<size_t> BreadthFirst(size_t count, const std::vector<Edge>& edges,
                                 const std::map<std::string, size_t>& index, size_t start, size_t goal, int max_hops,
                                 const std::function<bool(const Edge&)>& use) {
  // Breadth-first over an undirected copy (Boost BFS with a predecessor
  // recorder); vertices in id order and sorted adjacency make the chosen
  // path deterministic.
  using Undirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
  std::vector<std::pair<size_t, size_t>> pairs;
  for (const Edge& e : edges) {
    if (!use(e)) continue;
    const size_t a = index.at(e.source), b = index.at(e.target);
    pairs.emplace_back(std::min(a, b), std::max(a, b));
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  Undirected g(count);
  for (const auto& [a, b] : pairs) boost::add_edge(a, b, g);
  std::vector<size_t> predecessor(count, std::numeric_limits<size_t>::max());
  std::vector<int> distance(count, 0);
  predecessor[start] = start;
  boost::breadth_first_search(
      g, start,
      boost::visitor(boost::make_bfs_visitor(std::make_pair(
          boost::record_predecessors(predecessor.data(), boost::on_tree_edge()),
          boost::record_distances(distance.data(), boost::on_tree_edge())))));
  if (predecessor[goal] == std::numeric_limits<size_t>::max() || distance[goal] > max_hops) return {};
  std::vector<size_t> chain;
  for (size_t v = goal; v != start; v = predecessor[v]) chain.push_back(v);
  chain.push_back(start);
  std::reverse(chain.begin(), chain.end());
  return chain;
}

}  // namespace

std::optional<std::vector<PathStep>> ShortestPath(const Graph& graph, const std::string& from, const std::string& to,
                                                  int max_hops, const std::string& via) {
  if (!graph.FindNode(from) || !graph.FindNode(to)) return std::nullopt;
  if (from == to) return std::vector<PathStep>{};
  const std::vector<Node> nodes = graph.Nodes();
  const std::vector<Edge> edges = graph.Edges();
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < nodes.size(); ++i) index[nodes[i].id] = i;
  const size_t start = index.at(from), goal = index.at(to);
  std::function<bool(const Edge&)> use = [&](const Edge& e) { return e.relation != "co_mentioned"; };
  if (!via.empty()) use = [&](const Edge& e) { return e.relation == via; };
  std::vector<size_t> chain = BreadthFirst(nodes.size(), edges, index, start, goal, max_hops, use);
  if (chain.empty() && via.empty()) {
    chain = BreadthFirst(nodes.size(), edges, index, start, goal, max_hops, [](const Edge&) { return true; });
  }
  if (chain.empty()) return std::nullopt;
  std::vector<PathStep> path;
  for (size_t i = 0; i + 1 < chain.size(); ++i) {
    const std::string& a = nodes[chain[i]].id;
    const std::string& b = nodes[chain[i + 1]].id;
    // The edge for the hop: one the search may use, a typed relation before
    // co_mentioned, then the first in edge order.
    const Edge* best = nullptr;
    for (const Edge& e : edges) {
      if (!((e.source == a && e.target == b) || (e.source == b && e.target == a))) continue;
      if (!via.empty() && e.relation != via) continue;
      if (best == nullptr || (best->relation == "co_mentioned" && e.relation != "co_mentioned")) best = &e;
    }
    PathStep step{a, b, best->relation, best->source == a, {}};
    if (!best->evidence.empty()) step.evidence = best->evidence.front();
    path.push_back(std::move(step));
  }
  return path;
}

bool IsDay(const std::string& day) { return day.size() == 10 && !internal::DocumentDay(day).empty(); }

namespace {

// Whether claim `n` falls in the days of `query` (when it sets any).
bool InRange(const Node& n, const ClaimQuery& query) {
  if (query.since.empty() && query.until.empty()) return true;
  const auto date = n.attributes.find("date");
  if (date == n.attributes.end() || date->second.empty()) return false;
  return (query.since.empty() || date->second >= query.since) && (query.until.empty() || date->second <= query.until);
}

}  // namespace

std::vector<TimelineEntry> Timeline(const Graph& graph, const std::string& id, const ClaimQuery& range) {
  ClaimQuery by = range, about = range;
  by.by = id;
  about.about = id;
  std::map<std::string, TimelineEntry> entries;
  for (Node& n : Claims(graph, by)) {
    TimelineEntry& e = entries[n.id];
    e.claim = std::move(n);
    e.by = true;
  }
  for (Node& n : Claims(graph, about)) {
    TimelineEntry& e = entries[n.id];
    if (!e.by) e.claim = std::move(n);
    e.about = true;
  }
  std::vector<TimelineEntry> out;
  for (auto& [claim_id, e] : entries) out.push_back(std::move(e));
  auto key = [](const TimelineEntry& e) {
    const auto date = e.claim.attributes.find("date");
    const std::string day = date == e.claim.attributes.end() ? "" : date->second;
    return std::make_tuple(day.empty(), day, e.claim.claim.doc, e.claim.claim.start, e.claim.id);
  };
  std::sort(out.begin(), out.end(), [&](const TimelineEntry& a, const TimelineEntry& b) { return key(a) < key(b); });
  return out;
}

std::vector<Node> Claims(const Graph& graph, const ClaimQuery& query) {
  std::set<std::string> about_claims;
  if (!query.about.empty()) {
    for (const Edge& e : graph.Edges()) {
      if ((e.relation == "mentions" || e.relation == "about") && e.target == query.about) about_claims.insert(e.source);
    }
  }
  std::vector<Node> out;
  for (const Node& n : graph.Nodes()) {
    if (!n.is_claim) continue;
    if (!query.by.empty() && n.claim.speaker != query.by) continue;
    if (!query.about.empty() && !about_claims.count(n.id)) continue;
    if (!query.cue.empty() && n.claim.cue != query.cue) continue;
    if (!InRange(n, query)) continue;
    out.push_back(n);
  }
  return out;
}

Graph Subgraph(const Graph& graph, const std::string& id, int hops) {
  Graph out;
  if (!graph.FindNode(id)) return out;
  const std::vector<Edge> edges = graph.Edges();
  const auto adj = Adjacency(edges);
  std::map<std::string, int> depth = {{id, 0}};
  std::deque<std::string> queue = {id};
  while (!queue.empty()) {
    const std::string v = queue.front();
    queue.pop_front();
    if (depth[v] >= hops) continue;
    const auto it = adj.find(v);
    if (it == adj.end()) continue;
    for (const auto& [w, edge] : it->second) {
      if (depth.emplace(w, depth[v] + 1).second) queue.push_back(w);
    }
  }
  std::set<std::string> docs;
  for (const auto& [node_id, d] : depth) {
    const Node* n = graph.FindNode(node_id);
    out.AddNode(*n);
    for (const Mention& m : n->mentions) docs.insert(m.doc);
    if (n->is_claim) docs.insert(n->claim.doc);
  }
  for (const Edge& e : edges) {
    if (depth.count(e.source) && depth.count(e.target)) out.AddEdge(e);
  }
  for (const DocumentInfo& d : graph.Documents()) {
    if (docs.count(d.id)) out.AddDocument(d);
  }
  return out;
}

Graph TopNodes(const Graph& graph, size_t n) {
  std::map<std::string, size_t> degree;
  graph.ForEachNode([&](const Node& node) { degree[node.id] = 0; });
  graph.ForEachEdge([&](const Edge& e) {
    ++degree[e.source];
    ++degree[e.target];
  });
  std::vector<std::pair<std::string, size_t>> ranked(degree.begin(), degree.end());  // in id order
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  if (ranked.size() > n) ranked.resize(n);
  std::set<std::string> kept;
  for (const auto& [id, d] : ranked) kept.insert(id);
  Graph out;
  std::set<std::string> docs;
  graph.ForEachNode([&](const Node& node) {
    if (!kept.count(node.id)) return;
    out.AddNode(node);
    for (const Mention& m : node.mentions) docs.insert(m.doc);
    if (node.is_claim) docs.insert(node.claim.doc);
  });
  graph.ForEachEdge([&](const Edge& e) {
    if (kept.count(e.source) && kept.count(e.target)) out.AddEdge(e);
  });
  for (const DocumentInfo& d : graph.Documents()) {
    if (docs.count(d.id)) out.AddDocument(d);
  }
  return out;
}

std::vector<std::string> FilterValues(const Graph& graph, FilterField field) {
  std::set<std::string> values;
  const internal::RulePackData& pack = DefaultRules().data();
  switch (field) {
    case FilterField::kType:
      values.insert(EntityTypes().begin(), EntityTypes().end());
      graph.ForEachNode([&](const Node& n) {
        if (!n.is_claim && !n.type.empty()) values.insert(n.type);
      });
      break;
    case FilterField::kRelation:
      for (const internal::RelationType& t : pack.relation_types) values.insert(t.name);
      values.insert({"co_mentioned", "asserts", "reports", "mentions", "about"});
      graph.ForEachEdge([&](const Edge& e) { values.insert(e.relation); });
      break;
    case FilterField::kCue:
      for (const auto& [stem, cue] : pack.cues) values.insert(cue.lemma);
      graph.ForEachNode([&](const Node& n) {
        if (n.is_claim && !n.claim.cue.empty()) values.insert(n.claim.cue);
      });
      break;
  }
  return {values.begin(), values.end()};
}

Result<std::string> ResolveFilterValue(const Graph& graph, FilterField field, const std::string& value) {
  const std::vector<std::string> values = FilterValues(graph, field);
  if (std::binary_search(values.begin(), values.end(), value)) return value;
  const std::string folded = internal::LowerAscii(value);
  std::vector<std::string> same_but_case;
  for (const std::string& v : values) {
    if (internal::LowerAscii(v) == folded) same_but_case.push_back(v);
  }
  if (same_but_case.size() == 1) return same_but_case.front();
  const char* what = field == FilterField::kType ? "entity type" : field == FilterField::kRelation ? "relation" : "cue";
  std::string message = "\"" + value + "\" is no " + what;
  // The closest value by edit distance, when it is near.
  const std::string* closest = nullptr;
  size_t best = std::max<size_t>(2, CodePoints(folded).size() / 3) + 1;
  for (const std::string& v : values) {
    const size_t d = EditDistance(folded, internal::LowerAscii(v));
    if (d < best) {
      best = d;
      closest = &v;
    }
  }
  if (closest != nullptr) message += " (did you mean \"" + *closest + "\"?)";
  message += "; one of: ";
  for (size_t i = 0; i < values.size(); ++i) message += (i ? ", " : "") + values[i];
  Error e;
  e.code = ErrorCode::kInvalidArgument;
  e.message = std::move(message);
  return e;
}

GraphStats ComputeStats(const Graph& graph, size_t top_n) {
  GraphStats stats;
  const BoostGraph g = ToBoostGraph(graph);
  stats.nodes = boost::num_vertices(g);
  stats.edges = boost::num_edges(g);
  std::vector<std::pair<std::string, size_t>> degree;
  for (auto [v, end] = boost::vertices(g); v != end; ++v) {
    const Node& n = g[*v];
    ++stats.by_type[n.is_claim ? "claim" : n.type];
    degree.emplace_back(n.id, boost::in_degree(*v, g) + boost::out_degree(*v, g));
  }
  for (auto [e, end] = boost::edges(g); e != end; ++e) ++stats.by_relation[g[*e].relation];
  std::stable_sort(degree.begin(), degree.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  degree.resize(std::min(degree.size(), top_n));
  stats.top_degree = degree;

  if (stats.nodes > 0) {
    // co_mentioned is symmetric: its direction (smaller id to larger) only
    // makes the edge canonical, so it counts both ways here. Ranked over
    // the stored direction, ids late in the alphabet would lead.
    using RankGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS>;
    RankGraph r(stats.nodes);
    for (auto [e, end] = boost::edges(g); e != end; ++e) {
      boost::add_edge(boost::source(*e, g), boost::target(*e, g), r);
      if (g[*e].relation == "co_mentioned") boost::add_edge(boost::target(*e, g), boost::source(*e, g), r);
    }
    std::vector<double> rank(stats.nodes, 0.0);
    boost::graph::page_rank(r, boost::make_iterator_property_map(rank.begin(), boost::get(boost::vertex_index, r)),
                            boost::graph::n_iterations(50), 0.85);
    // Boost's ranks sum to the number of vertices; report probabilities.
    double total = 0;
    for (double r : rank) total += r;
    std::vector<std::pair<std::string, double>> ranked;
    for (auto [v, end] = boost::vertices(g); v != end; ++v) {
      ranked.emplace_back(g[*v].id, total > 0 ? rank[*v] / total : 0.0);
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    ranked.resize(std::min(ranked.size(), top_n));
    stats.top_pagerank = ranked;

    using Undirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
    Undirected u(stats.nodes);
    for (auto [e, end] = boost::edges(g); e != end; ++e) boost::add_edge(boost::source(*e, g), boost::target(*e, g), u);
    std::vector<int> component(stats.nodes);
    stats.components = static_cast<size_t>(boost::connected_components(u, component.data()));
  }
  return stats;
}

}  // namespace claimgraph
