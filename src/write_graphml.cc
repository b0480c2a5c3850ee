// SPDX-License-Identifier: Apache-2.0
// Stage 6, write GraphML and DOT through Boost (write_graphml,
// write_graphviz_dp) and dynamic_properties. Every field of the JSON export
// is a typed <key>; lists and evidence are JSON strings; the canonical name
// is in the key "label" (Gephi, yEd and Cytoscape read it).
#include <boost/graph/graphml.hpp>
#include <boost/graph/graphviz.hpp>
#include <boost/property_map/function_property_map.hpp>

#include <memory>
#include <map>
#include <set>
#include <tuple>
#include <sstream>

#include "claimgraph/boost_graph.h"
#include "claimgraph/io.h"
#include "claimgraph/version.h"
#include "write_common.h"

namespace claimgraph {
namespace {

using Vertex = BoostGraph::vertex_descriptor;
using EdgeDesc = BoostGraph::edge_descriptor;

using EdgeKeyMap =
    std::map<std::tuple<std::string, std::string, std::string, std::map<std::string, std::string>>, int>;

EdgeKeyMap MakeEdgeKeys(const Graph& graph) {
  const std::vector<Edge> edges = graph.Edges();
  const std::vector<int> keys = internal::EdgeKeys(edges);
  EdgeKeyMap out;
  for (size_t i = 0; i < edges.size(); ++i) {
    out[{edges[i].source, edges[i].target, edges[i].relation, edges[i].attributes}] = keys[i];
  }
  return out;
}

template <typename F>
auto VertexMap(F f) {
  return boost::make_function_property_map<Vertex>(std::move(f));
}
template <typename F>
auto EdgeMap(F f) {
  return boost::make_function_property_map<EdgeDesc>(std::move(f));
}

// Fills `dp` with the properties shared by GraphML and DOT.
void AddProperties(const BoostGraph& g, const EdgeKeyMap& edge_keys, boost::dynamic_properties* dp,
                   bool full) {
  dp->property("label", VertexMap([&g](Vertex v) { return g[v].label; }));
  dp->property("type", VertexMap([&g](Vertex v) { return g[v].type; }));
  dp->property("kind", VertexMap([&g](Vertex v) { return g[v].kind; }));
  dp->property("label", EdgeMap([&g](EdgeDesc e) { return g[e].relation; }));
  dp->property("relation", EdgeMap([&g](EdgeDesc e) { return g[e].relation; }));
  dp->property("weight", EdgeMap([&g](EdgeDesc e) { return static_cast<long>(g[e].weight); }));
  if (!full) return;
  dp->property("node_id", VertexMap([&g](Vertex v) { return g[v].id; }));
  dp->property("aliases", VertexMap([&g](Vertex v) { return internal::StringsToJson(g[v].aliases); }));
  dp->property("mentions", VertexMap([&g](Vertex v) { return internal::MentionsToJson(g[v].mentions); }));
  dp->property("mention_count", VertexMap([&g](Vertex v) { return static_cast<int>(g[v].mentions.size()); }));
  // Claim fields (empty for entities).
  dp->property("text", VertexMap([&g](Vertex v) { return g[v].claim.text; }));
  dp->property("cue", VertexMap([&g](Vertex v) { return g[v].claim.cue; }));
  dp->property("modality", VertexMap([&g](Vertex v) { return g[v].claim.modality; }));
  dp->property("negated", VertexMap([&g](Vertex v) { return g[v].claim.negated; }));
  dp->property("doc", VertexMap([&g](Vertex v) { return g[v].claim.doc; }));
  dp->property("start", VertexMap([&g](Vertex v) { return static_cast<long>(g[v].claim.start); }));
  dp->property("end", VertexMap([&g](Vertex v) { return static_cast<long>(g[v].claim.end); }));
  dp->property("sentence", VertexMap([&g](Vertex v) { return g[v].claim.sentence; }));
  dp->property("rule", VertexMap([&g](Vertex v) { return g[v].claim.rule; }));
  dp->property("speaker", VertexMap([&g](Vertex v) { return g[v].claim.speaker; }));
  dp->property("speaker_status", VertexMap([&g](Vertex v) { return g[v].claim.speaker_status; }));
  dp->property("evidence", EdgeMap([&g](EdgeDesc e) { return internal::EvidenceToJson(g[e].evidence); }));
  dp->property("key", EdgeMap([&g, &edge_keys](EdgeDesc e) {
    const Edge& x = g[e];
    return edge_keys.at({x.source, x.target, x.relation, x.attributes});
  }));
  std::set<std::string> node_attrs, edge_attrs;
  for (auto [v, end] = boost::vertices(g); v != end; ++v) {
    for (const auto& [key, value] : g[*v].attributes) node_attrs.insert(key);
  }
  for (auto [e, end] = boost::edges(g); e != end; ++e) {
    for (const auto& [key, value] : g[*e].attributes) edge_attrs.insert(key);
  }
  for (const std::string& key : node_attrs) {
    dp->property(key, VertexMap([&g, key](Vertex v) {
      const auto it = g[v].attributes.find(key);
      return it == g[v].attributes.end() ? std::string() : it->second;
    }));
  }
  for (const std::string& key : edge_attrs) {
    dp->property(key, EdgeMap([&g, key](EdgeDesc e) {
      const auto it = g[e].attributes.find(key);
      return it == g[e].attributes.end() ? std::string() : it->second;
    }));
  }
}

}  // namespace

std::string WriteGraphml(const Graph& graph) {
  const BoostGraph g = ToBoostGraph(graph);
  const EdgeKeyMap keys = MakeEdgeKeys(graph);
  boost::dynamic_properties dp;
  AddProperties(g, keys, &dp, true);
  // Graph data: the documents (id, length, metadata), as in the JSON export.
  const std::string documents = internal::DocumentsToJson(graph);
  dp.property("documents", boost::make_function_property_map<BoostGraph*>(
                               [documents](BoostGraph*) { return documents; }));
  dp.property("generator", boost::make_function_property_map<BoostGraph*>(
                               [](BoostGraph*) { return std::string("claimgraph ") + CLAIMGRAPH_VERSION_STRING; }));
  std::ostringstream out;
  boost::write_graphml(out, g, boost::get(boost::vertex_index, g), dp, true);
  // XML 1.0 cannot hold control characters other than tab, line feed and
  // carriage return, even escaped, and Boost writes them as they are: each
  // becomes U+FFFD, so that every XML reader accepts the file.
  std::string xml = out.str();
  std::string safe;
  safe.reserve(xml.size());
  for (const char ch : xml) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
      safe += "\xEF\xBF\xBD";
    } else {
      safe.push_back(ch);
    }
  }
  return safe;
}

std::string WriteDot(const Graph& graph) {
  BoostGraph g = ToBoostGraph(graph);
  // Boost escapes a quote in a DOT string but not a backslash, so a text
  // with \" in it would end its string early: backslashes are doubled
  // first.
  auto escape = [](std::string* s) {
    for (size_t at = s->find('\\'); at != std::string::npos; at = s->find('\\', at + 2)) s->insert(at, 1, '\\');
  };
  for (auto [v, end] = boost::vertices(g); v != end; ++v) {
    for (std::string* s : {&g[*v].id, &g[*v].label, &g[*v].type, &g[*v].kind}) escape(s);
  }
  for (auto [e, end] = boost::edges(g); e != end; ++e) escape(&g[*e].relation);
  const EdgeKeyMap keys = MakeEdgeKeys(graph);
  boost::dynamic_properties dp;
  AddProperties(g, keys, &dp, false);
  dp.property("node_id", VertexMap([&g](Vertex v) { return g[v].id; }));
  std::ostringstream out;
  boost::write_graphviz_dp(out, g, dp, "node_id");
  return out.str();
}

}  // namespace claimgraph
