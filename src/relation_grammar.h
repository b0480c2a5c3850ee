// SPDX-License-Identifier: Apache-2.0
// Stage 4b, relations by grammar: the shapes news writes relations in that
// a regex over placeholders reads poorly, because the material between the
// two ends varies. Read over a sentence's words and its accepted mentions:
//   titles   a person, an organization and a title beside each other, in
//            any order (누리그룹 박서준 대표, Nvidia Chief Executive Jensen
//            Huang, Jane Doe, Meta's vice president of AI), founders, who
//            runs what, where a person came from: leads, affiliated_with.
//   makers   an organization before its model (구글 제미나이 3, 텐센트의 이미지
//            생성 모델 '훈위안…', Claude maker Anthropic, the ChatGPT maker),
//            one that released it in the clause: develops, released.
//   others   scores and rankings (ranks_on), comparisons and rivals
//            (competes_with), backers (invests_in), what a model or product
//            is built on or uses (relies_on), units, series and programmes
//            (part_of), places of organizations and events (located_in).
// GrammarRelationRules() lists every rule with its relations, end types
// and shape (rules/README.md shows the table; explain --why uses it).
// Input: one sentence's words and its accepted mentions, and the
// document's earlier ones. Output: more CandidateRelations (a relation of
// the same ends and name is not added twice), each with its evidence span
// and rule.
#ifndef CLAIMGRAPH_RELATION_GRAMMAR_H_
#define CLAIMGRAPH_RELATION_GRAMMAR_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract_relations.h"
#include "match_types.h"

namespace claimgraph::internal {

struct RulePackData;
struct Word;

// A rule of this stage: its id, the relations it gives, the types of its
// ends and the shape it reads (for explain --why and the docs).
struct GrammarRelationRule {
  const char* id;
  const char* relations;  // "leads, affiliated_with"
  const char* sources;    // entity types, comma-separated
  const char* targets;
  const char* shape;
};
const std::vector<GrammarRelationRule>& GrammarRelationRules();

// The rule ids of the relations this stage finds.
const std::vector<std::string>& GrammarRelationRuleIds();

// Adds to `relations` the relations the grammar reads in the sentence
// whose words are `words` (SplitWords); `accepted` holds the indices into
// `all` of the sentence's accepted mentions, `earlier` those of the
// document's earlier sentences (what "the ChatGPT maker" may refer to).
void FindGrammarRelations(const RulePackData& rules, const std::vector<Word>& words, const std::vector<Candidate>& all,
                          const std::vector<size_t>& accepted, const std::vector<size_t>& earlier,
                          std::vector<CandidateRelation>* relations);

// Decides, once per document, between develops and released: a maker's
// "develops" becomes "released" where the document reports the model's
// release right after naming it ("'가우스2' 공개", "'SOTA K'를 출시").
// `sentences` are the document's sentence spans of normalized `text`.
void DecideReleases(std::string_view text, const std::vector<std::pair<size_t, size_t>>& sentences,
                    const std::vector<Candidate>& all, std::vector<CandidateRelation>* relations);

}  // namespace claimgraph::internal

#endif  // CLAIMGRAPH_RELATION_GRAMMAR_H_
