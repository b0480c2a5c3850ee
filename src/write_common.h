// SPDX-License-Identifier: Apache-2.0
// Helpers shared by the writers: list-valued fields as compact JSON strings
// (GraphML and DOT carry them that way), multigraph edge keys, and the
// colour of each entity type (the HTML view and GEXF use the same ones).
#ifndef CLAIMGRAPH_WRITE_COMMON_H_
#define CLAIMGRAPH_WRITE_COMMON_H_

#include <array>
#include <string>
#include <utility>
#include <vector>

#include "claimgraph/graph.h"

namespace claimgraph::internal {

std::string MentionsToJson(const std::vector<Mention>& mentions);
std::string EvidenceToJson(const std::vector<Evidence>& evidence);
std::string StringsToJson(const std::vector<std::string>& strings);
// The graph's documents (id, chars, and title, date, url, lang where set)
// as a compact JSON array: the "documents" of the JSON export's "graph".
std::string DocumentsToJson(const Graph& graph);
// The multigraph key of each edge of `edges` (sorted as Graph::Edges()):
// its index among the edges with the same source and target.
std::vector<int> EdgeKeys(const std::vector<Edge>& edges);

// Whether `key` names a field of a node object in the node-link JSON (for
// a claim, its claim fields too): an attribute of that name cannot be
// written beside the field, and the reader never takes one as an attribute.
bool IsNodeField(const std::string& key, bool claim);

// Entity type -> colour (Tableau 10: distinct, and readable for the common
// colour-vision deficiencies), in EntityTypes() order.
inline const std::array<std::pair<const char*, const char*>, 10>& TypeColors() {
  static const std::array<std::pair<const char*, const char*>, 10> kColors = {{
      {"Person", "#4e79a7"}, {"Organization", "#f28e2b"}, {"Model", "#e15759"},
      {"Product", "#76b7b2"}, {"Location", "#59a14f"}, {"Policy", "#edc948"},
      {"Benchmark", "#b07aa1"}, {"Event", "#ff9da7"}, {"Group", "#9c755f"},
      {"Other", "#bab0ac"}}};
  return kColors;
}
// The fill of claim nodes (a pale parchment: claims are text, not actors).
constexpr const char* kClaimColor = "#efe9dc";

// Returns the colour of entity type `type`; Other's for an unknown type.
inline std::string TypeColor(const std::string& type) {
  for (const auto& [name, color] : TypeColors()) {
    if (type == name) return color;
  }
  return TypeColors().back().second;
}

}  // namespace claimgraph::internal

#endif  // CLAIMGRAPH_WRITE_COMMON_H_
