// SPDX-License-Identifier: Apache-2.0
// Stage 3b, match patterns: re2 rules for names the gazetteer lacks.
// Text rules run over the normalized sentence (persons by title,
// organizations by suffix, model tokens). Context rules run after the
// gazetteer and text rules, over the sentence with accepted mentions
// replaced by typed placeholders ("⟦Organization⟧의 '훈위안-이미지-3.0'"), so
// they can name an entity by its grammatical neighbour and read a relation.
#ifndef CLAIMGRAPH_MATCH_PATTERNS_H_
#define CLAIMGRAPH_MATCH_PATTERNS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "match_types.h"
#include "placeholders.h"

namespace claimgraph::internal {

struct RulePackData;
struct RuleTimes;
class RuleMatches;

// Finds the matches of the text rules in each of `sentences`, rule by rule
// (FindRuleMatches), each rule over the sentences its literal prefilter
// allows. Each rule's time is added to `times` when not null.
std::vector<RuleMatches> FindTextRuleMatches(const RulePackData& rules, const std::vector<std::string_view>& sentences,
                                             RuleTimes* times = nullptr);

// Turns the text rules' matches in one sentence (FindTextRuleMatches) into
// candidates. Candidates a check turns down go to `rejected`, with the
// reason (when not null), as in the other stages. Each rule's time is added
// to `times` when not null (as in the other rule stages).
void MatchTextPatterns(const RulePackData& rules, std::string_view text, size_t sentence_begin,
                       size_t sentence_end, int sentence, const RuleMatches& matches, std::vector<Candidate>* out,
                       std::vector<Candidate>* rejected, RuleTimes* times = nullptr);

// Runs the context entity rules over one sentence whose accepted mentions
// are `accepted` (indices into `all`). New mentions are appended to `all`
// (and their indices to `accepted`); those turned down to `rejected` (when
// not null). Returns the matches of the rules that also carry relations,
// resolved, for the relations stage (ExtractRelations) to read.
// `view` is the sentence's placeholder view, `screened` the context rules
// that can match it (ScreenSentence).
std::vector<PlaceholderSentence::ResolvedMatch> MatchContextPatterns(
    const RulePackData& rules, std::string_view text, size_t sentence_end, int sentence,
    const PlaceholderSentence& view, const std::vector<int>& screened, std::vector<Candidate>* all,
    std::vector<size_t>* accepted, std::vector<Candidate>* rejected, RuleTimes* times = nullptr);
}  // namespace claimgraph::internal

#endif  // CLAIMGRAPH_MATCH_PATTERNS_H_
