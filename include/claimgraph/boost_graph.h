// SPDX-License-Identifier: Apache-2.0
// Opt-in: the Boost.Graph view of a Graph, for running BGL algorithms
// (breadth_first_search, page_rank, connected_components ...). The only
// public header that includes Boost.
#ifndef CLAIMGRAPH_CLAIMGRAPH_BOOST_GRAPH_H_
#define CLAIMGRAPH_CLAIMGRAPH_BOOST_GRAPH_H_

#include <boost/graph/adjacency_list.hpp>

#include "claimgraph/graph.h"

namespace claimgraph {

// Bidirectional, parallel edges allowed; bundled properties are the facade's
// Node and Edge.
using BoostGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, Node, Edge>;

// Returns a copy of `graph` as a BoostGraph whose vertices are in id order
// and whose edges are in Graph::Edges() order, so algorithms and writers
// see a deterministic graph.
BoostGraph ToBoostGraph(const Graph& graph);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_CLAIMGRAPH_BOOST_GRAPH_H_
