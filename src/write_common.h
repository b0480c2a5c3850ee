// SPDX-License-Identifier: Apache-2.0
// Helpers shared by the writers: list-valued fields as compact JSON strings
// (GraphML and DOT carry them that way) and multigraph edge keys.
#ifndef CLAIMGRAPH_WRITE_COMMON_H_
#define CLAIMGRAPH_WRITE_COMMON_H_

#include <string>
#include <vector>

#include "claimgraph/graph.h"

namespace claimgraph::internal {

std::string MentionsToJson(const std::vector<Mention>& mentions);
std::string EvidenceToJson(const std::vector<Evidence>& evidence);
std::string StringsToJson(const std::vector<std::string>& strings);
// The multigraph key of each edge of `edges` (sorted as Graph::Edges()):
// its index among the edges with the same source and target.
std::vector<int> EdgeKeys(const std::vector<Edge>& edges);

}  // namespace claimgraph::internal

#endif  // CLAIMGRAPH_WRITE_COMMON_H_
