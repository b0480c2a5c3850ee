// SPDX-License-Identifier: Apache-2.0
// Stage 4b, extract relations: relation rules over typed placeholders
// ("⟦Organization⟧의 '⟦Model⟧'" -> develops), relation attributes (rank,
// category, role) and node attributes (parameters_min, target_year).
// Input: one sentence with its accepted mentions. Output: CandidateRelations.
#ifndef CLAIMGRAPH_EXTRACT_RELATIONS_H_
#define CLAIMGRAPH_EXTRACT_RELATIONS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "match_patterns.h"
#include "placeholders.h"

namespace claimgraph::internal {

// Adds the relations of `rule` for one match of it over `view`. `created`
// is the mention the match created for the rule's name group, or -1.
void EmitRelations(const RulePackData& rules, const PatternRule& rule, const std::vector<re2::StringPiece>& subs,
                   const PlaceholderSentence& view, long created, std::string_view text,
                   std::vector<CandidateRelation>* relations);

// Turns the matches of the relation-only rules in `matches` (the matches
// over `view` of the relation rules its screen reports, FindRelationMatches)
// into relations, the sentence's entity rules having all run; node
// attributes are set on the mentions in `all`.
void ExtractRelations(const RulePackData& rules, std::string_view text, const PlaceholderSentence& view,
                      const RuleMatches& matches, std::vector<Candidate>* all,
                      std::vector<CandidateRelation>* relations, RuleTimes* times = nullptr);

// Converts a number and an optional unit (만, 억, 조, million, B ...) into
// a plain integer string: ("1", "조") -> "1000000000000". nullopt if either
// is not understood or the result is not a whole number.
std::optional<std::string> ParseQuantity(std::string_view number, std::string_view unit);

}  // namespace claimgraph::internal

#endif  // CLAIMGRAPH_EXTRACT_RELATIONS_H_
