// SPDX-License-Identifier: Apache-2.0
// Stage 4b, extract relations: relation rules over typed placeholders
// ("⟦Organization⟧의 '⟦Model⟧'" -> develops), relation attributes (rank,
// category, role) and node attributes (parameters_min, target_year).
// Input: one sentence with its accepted mentions. Output: CandidateRelations.
#ifndef CLAIMGRAPH_EXTRACT_RELATIONS_H_
#define CLAIMGRAPH_EXTRACT_RELATIONS_H_

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "match_types.h"
#include "placeholders.h"
#include "screen.h"

namespace claimgraph::internal {

struct RulePackData;

// A relation found by a rule, between two candidates (indices into the
// document's candidate list).
struct CandidateRelation {
  size_t source = 0;
  size_t target = 0;
  std::string relation;
  std::string rule_id;
  size_t begin = 0;  // evidence span, normalized bytes
  size_t end = 0;
  std::map<std::string, std::string> attributes;
};

// Turns into relations, in this order: `entity_rule_matches`, the matches
// of the context entity rules that carry relations (MatchContextPatterns,
// resolved before the sentence's view was read anew), then the matches of
// the relation-only rules in `matches` (the matches over `view` of the
// relation rules its screen reports, FindRelationMatches). Node attributes
// are set on the mentions in `all`; a relation already in `relations`
// (same ends and name) is not added again.
void ExtractRelations(const RulePackData& rules, std::string_view text, const PlaceholderSentence& view,
                      const std::vector<PlaceholderSentence::ResolvedMatch>& entity_rule_matches,
                      const RuleMatches& matches, std::vector<Candidate>* all,
                      std::vector<CandidateRelation>* relations, RuleTimes* times = nullptr);

// Converts a number and an optional unit (만, 억, 조, million, B ...) into
// a plain integer string: ("1", "조") -> "1000000000000". nullopt if either
// is not understood or the result is not a whole number.
std::optional<std::string> ParseQuantity(std::string_view number, std::string_view unit);

}  // namespace claimgraph::internal

#endif  // CLAIMGRAPH_EXTRACT_RELATIONS_H_
