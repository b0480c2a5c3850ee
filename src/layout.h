// SPDX-License-Identifier: Apache-2.0
// Stage 6, lay the graph out once, at export time: the HTML view draws the
// positions as they are (no layout in the browser) and GEXF carries them as
// viz:position for Gephi.
#ifndef CLAIMGRAPH_LAYOUT_H_
#define CLAIMGRAPH_LAYOUT_H_

#include <map>
#include <string>
#include <utility>

#include "claimgraph/graph.h"

namespace claimgraph::internal {

// x and y of every node of `graph`, by id. The 600 most connected
// entities are placed by Boost's fruchterman_reingold_force_directed_layout
// over the entity graph (one edge a related pair, whatever the relation),
// from a seeded random start, so the same graph always gets the same
// positions. Every other entity sits on a ring around its most connected
// neighbour among those, and each claim on a ring around its speaker (else
// the first entity it is about or mentions), so that showing them never
// moves another node; what has no such neighbour goes in rows below.
// Coordinates are in pixels at zoom 1, rounded to a tenth.
std::map<std::string, std::pair<double, double>> LayoutPositions(const Graph& graph);

}  // namespace claimgraph::internal

#endif  // CLAIMGRAPH_LAYOUT_H_
