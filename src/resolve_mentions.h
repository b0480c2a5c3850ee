// SPDX-License-Identifier: Apache-2.0
// Stage 4, resolve: overlapping candidates of one sentence resolve to the
// longest (in code points), then the highest priority, then the leftmost;
// the losers are kept with the reason they lost.
#ifndef CLAIMGRAPH_RESOLVE_MENTIONS_H_
#define CLAIMGRAPH_RESOLVE_MENTIONS_H_

#include <string_view>
#include <vector>

#include "match_types.h"

namespace claimgraph::internal {

// Returns the indices into `candidates` that survive, sorted by begin.
// Losers are copied into `rejected` (when not null) with a reason.
std::vector<size_t> ResolveOverlaps(std::string_view text, const std::vector<Candidate>& candidates,
                                    std::vector<Candidate>* rejected);

}  // namespace claimgraph::internal

#endif  // CLAIMGRAPH_RESOLVE_MENTIONS_H_
