// SPDX-License-Identifier: Apache-2.0
// Stage 4c, extract claims: reported speech found cue first (claim_cues.h:
// the reporting cues of claims/cues.tsv delimit the content and say where
// the speaker stands), then the speaker searched there by grammar: a topic
// or subject phrase, a name after the quotation, a source. Speakers are
// entities, groups (전문가들 -> experts), an organization's role (알리바바
// CEO -> the person the pack knows, or a role node), or pronouns and
// descriptions resolved to an earlier entity; never a guess. A user pack's
// attribution rules (rules/claims/*.json over the typed-placeholder
// sentence) run first.
// Input: one sentence with its accepted mentions. Output: CandidateClaims.
#ifndef CLAIMGRAPH_EXTRACT_CLAIMS_H_
#define CLAIMGRAPH_EXTRACT_CLAIMS_H_

#include <string>
#include <string_view>
#include <vector>

#include "match_types.h"

namespace claimgraph::internal {

struct RulePackData;
struct AttributionRule;
class PlaceholderSentence;
class RuleMatches;
struct RuleTimes;
struct Word;

struct CandidateClaim {
  const AttributionRule* rule = nullptr;  // an attribution rule of the pack's, or null (a cue's claim)
  std::string rule_id;                    // the rule that found it: the attribution rule's, or the cue's
  int sentence = 0;
  size_t content_begin = 0;  // normalized bytes
  size_t content_end = 0;
  size_t match_begin = 0;
  size_t match_end = 0;
  std::string cue;
  std::string modality;
  bool negated = false;
  long speaker = -1;         // index into the candidate list, or -1
  std::string speaker_status;  // named, coreference, group, role, unattributed, unresolved
  std::string coref_rule;    // how the speaker was resolved, when not named
  size_t coref_begin = 0;
  size_t coref_end = 0;
  long medium = -1;          // a medium that reports the claim
  std::vector<size_t> mentions;  // entities inside the content
  long about = -1;           // the content's grammatical subject
  std::string date;          // the day the sentence names (ResolveDayReference), or ""
};

// What the claims stage remembers of a document from sentence to
// sentence: the last claim's speaker (a zero subject, a quotation running
// on), whether a quotation is still open, and the quotations so far (a
// pronoun never refers to a name inside one).
struct ClaimContext {
  long last_speaker = -1;
  std::string last_status;
  std::string last_coref_rule;
  size_t last_coref_begin = 0, last_coref_end = 0;
  int last_sentence = -100;
  bool open_quote = false;
  std::vector<std::pair<size_t, size_t>> quoted;  // normalized spans of quotations
};

// What the claims stage finds in one sentence.
struct SentenceClaims {
  std::vector<CandidateClaim> claims;  // by content start
  // The speakers it names that were not mentions yet (groups, an
  // organization's role), to join the document's candidates: speaker
  // index all.size() + k is speakers[k].
  std::vector<Candidate> speakers;
};

// Finds the claims of sentence `sentence`, [sentence_begin,
// sentence_end) of normalized `text`: first by the attribution rules of
// the pack in `matches` (the matches over the sentence's placeholder view
// `view` its screen reports; both null when the pack reads no views), then
// by the cues of reported speech (claim_cues.h), each claim's speaker
// searched where its cue says; a claim whose content overlaps one found
// before is dropped. `words` are the sentence's (SplitWords), or null to
// split them here. `accepted` holds the
// indices into `all` of every accepted mention of this and earlier
// sentences (pronouns resolve against them); `context` carries what the
// document's earlier sentences left (a speaker, an open quotation). Claims
// are dated by the day the sentence names, against the document's date
// `doc_date` (YYYY-MM-DD or "").
SentenceClaims ExtractClaims(const RulePackData& rules, std::string_view text, size_t sentence_begin,
                             size_t sentence_end, int sentence, std::string_view doc_date,
                             const PlaceholderSentence* view, const RuleMatches* matches,
                             const std::vector<Candidate>& all, const std::vector<size_t>& accepted,
                             ClaimContext* context, RuleTimes* times = nullptr,
                             const std::vector<Word>* words = nullptr);

// Resolves the first Korean day reference of `sentence` ("지난 26일",
// "10월 14일") against the document date `doc_date` (YYYY-MM-DD): a bare
// day later than the document's day is in the previous month. Returns
// YYYY-MM-DD, or "" when there is no reference or no usable document date.
std::string ResolveDayReference(std::string_view sentence, std::string_view doc_date);
// The day of a document's date ("2025-09-24" of "2025-09-24T08:00:00+09:00"),
// or "" when it does not start with one.
std::string_view DocumentDay(std::string_view doc_date);

}  // namespace claimgraph::internal

#endif  // CLAIMGRAPH_EXTRACT_CLAIMS_H_
