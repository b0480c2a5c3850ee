// SPDX-License-Identifier: Apache-2.0
// Stage 3d, match names: names the gazetteer has never seen, found by
// grammar. A title licenses a person (Korean: a full name of a surname and
// two syllables, or a foreign name in Hangul, before its title, with an
// organization between or not: "박서준 누리그룹 대표는", "로버트 케인
// 최고재무책임자(CFO)는", "최고경영자(CEO) 샘 올트먼은"; English: a
// capitalized name after a title or before an appositive title: "finance
// chief Jane Doe", "Jane Doe, the chief financial officer of Acme"), and
// an analyst's title licenses the organization before it or after "at"
// ("Omdia analyst …", "an analyst at Omdia"). The word lists are the
// pack's (rule_pack.h NameLexicon: titles, surnames, words that are never
// names). Input: a normalized sentence and the candidates the gazetteer
// and text rules found in it. Output: more Candidates, each with the rule
// that licensed it; refused ones with the reason (for explain).
#ifndef CLAIMGRAPH_MATCH_NAMES_H_
#define CLAIMGRAPH_MATCH_NAMES_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "match_types.h"

namespace claimgraph::internal {

struct RulePackData;
struct Word;

// Appends to `candidates` the names found by grammar in the sentence
// [sentence_begin, sentence_end) of normalized `text`, reading the
// candidates already there as known names (a known organization between a
// name and its title, a known person that is no new name). Names a check
// turns down go to `rejected` with the reason (when not null).
// `words`, when given, are the sentence's (SplitWords), split once for
// every stage that reads words.
void MatchNames(const RulePackData& rules, std::string_view text, size_t sentence_begin, size_t sentence_end,
                int sentence, std::vector<Candidate>* candidates, std::vector<Candidate>* rejected,
                const std::vector<Word>* words = nullptr);

}  // namespace claimgraph::internal

#endif  // CLAIMGRAPH_MATCH_NAMES_H_
