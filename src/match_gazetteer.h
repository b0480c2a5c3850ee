// SPDX-License-Identifier: Apache-2.0
// Stage 3a, match gazetteer: every alias of every entry is compiled into ONE
// byte trie over normalized text, so one pass per sentence finds all alias
// occurrences whatever the gazetteer's size. Boundary and particle checks
// (match_particles.h) decide which occurrences are names.
// Input: a normalized sentence. Output: Candidates (see match_types.h).
#ifndef CLAIMGRAPH_MATCH_GAZETTEER_H_
#define CLAIMGRAPH_MATCH_GAZETTEER_H_

#include <string_view>
#include <vector>

#include "match_types.h"

namespace claimgraph::internal {

struct RulePackData;

// Finds gazetteer candidates in `sentence` (a slice of the normalized text
// starting at byte `offset`). Rejected occurrences are appended to `rejected`
// (when not null).
void MatchGazetteer(const RulePackData& rules, std::string_view text, size_t sentence_begin,
                    size_t sentence_end, int sentence, std::vector<Candidate>* out,
                    std::vector<Candidate>* rejected);

}  // namespace claimgraph::internal

#endif  // CLAIMGRAPH_MATCH_GAZETTEER_H_
