// SPDX-License-Identifier: Apache-2.0
// Stage 4b, relations by grammar: the shapes news writes relations in that
// a regex over placeholders reads poorly, because the material between the
// two ends varies. Read over a sentence's words and its accepted mentions:
//   titles   a person, an organization and a title beside each other, in
//            any order (누리그룹 박서준 대표, 조주환 SK하이닉스 HBM개발담당,
//            Nvidia Chief Executive Jensen Huang, Jane Doe, the chief
//            financial officer of Acme): leads for a role that heads the
//            organization (a chief executive, a founder, a minister), else
//            affiliated_with; a compound title (AI본부장) names a unit, so
//            affiliated_with; the title is the relation's role.
//   makers   "Claude maker Anthropic", "the ChatGPT maker" (the developer
//            the gazetteer names, where the document names it too); an
//            organization right before its model or product (구글
//            제미나이 3, Google's Gemini 3), or with a few plain words between
//            (텐센트의 이미지 생성 모델 '훈위안…'): develops; an organization
//            that released, launched or unveiled it in the clause: released.
//   others   a model's score on a benchmark (ranks_on), A beats B
//            (competes_with), the investors a company received money from
//            or who led its round (invests_in), built on / runs on
//            (relies_on), who leads or founded it, where a person came from,
//            a group's unit (part_of).
//   places   a place before an organization with the words that say what it
//            is (중국 AI 스타트업 즈푸AI, 미국 마이크론, 상하이의 미니맥스), a
//            place in parentheses (훙타오캐피털(상하이)), two places, the
//            larger first (워싱턴주 레드먼드), "X-based": located_in.
// Input: one sentence's words and its accepted mentions. Output: more
// CandidateRelations (a relation of the same ends and name is not added
// twice), each with its evidence span and rule.
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
