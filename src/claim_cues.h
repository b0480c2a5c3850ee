// SPDX-License-Identifier: Apache-2.0
// The grammar of reported speech, cue first: a sentence's reporting cues
// (a closed class: claims/cues.tsv), each with the content it closes and
// where its speaker is to be looked for. Korean: a quotation or a clause
// closed by a quotative (…다고, "…"라고, …라며, …면서, …것으로) before a
// reporting verb in any ending, a speech noun (…다는 입장이다, …라는
//평가가 나온다), X에 따르면, an evidential passive (…것으로 알려졌다),
// …다는 것이다, a headline's NAME "…". English: a reporting verb with its
// subject before or after it, a quotation before its attribution,
// according to X, a participle (…, warning that …). Two cues in one
// sentence are two claims; a quotation that runs on without a cue is one
// too. The speaker itself is extract_claims' to find, by the places this
// says.
#ifndef CLAIMGRAPH_CLAIM_CUES_H_
#define CLAIMGRAPH_CLAIM_CUES_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace claimgraph::internal {

struct RulePackData;
struct CueEntry;
struct Word;

// One reported statement found by its cue.
struct CueMatch {
  // How the speaker is found.
  enum class Speaker {
    kSubject,       // the subject before the content (or between the quotative and the verb)
    kAfter,         // after the cue ("…," said Jane Doe; "…"라고 그는 말했다)
    kSource,        // the source phrase of "X에 따르면", "according to X"
    kPrevious,      // the speaker of the claim before (…다는 것이다, a quotation running on)
    kNone,          // no source: evidentials, "…라는 평가가 나온다"
    kSubjectOrNone  // a speech noun that is heard around unless a subject says it
  };
  Speaker speaker = Speaker::kSubject;
  const CueEntry* cue = nullptr;  // (a headline's or a running quotation's: that of saying)
  std::string rule;               // "ko.claim.quotative", "en.claim.said" …: what found it
  size_t content_begin = 0, content_end = 0;  // normalized bytes, trimmed
  size_t cue_begin = 0, cue_end = 0;          // the cue's words
  size_t begin = 0, end = 0;                  // the whole attribution (evidence)
  // Where the speaker may be: subjects before `subject_limit` (never
  // before `subject_floor`), a subject in [after_begin, after_end), or the
  // source in [source_begin, source_end).
  size_t subject_floor = 0, subject_limit = 0;
  size_t after_begin = 0, after_end = 0;
  size_t source_begin = 0, source_end = 0;
  // A medium that reports the speaker's words ("…다고 말했다고 블룸버그가
  // 보도했다"), or an empty span.
  size_t medium_begin = 0, medium_end = 0;
  bool quoted = false;   // the content is a quotation
  bool english = false;
  bool negated = false;  // the cue itself denies or asks back (부인했다, 반문했다)
};

// The cues of sentence [begin, end) of normalized `text`, in text order.
// `headline` says it is in the document's headline (segment.h InHeadline).
// `open_quote` says a quotation opened in an earlier sentence is still
// open at `begin`.
std::vector<CueMatch> FindCues(const RulePackData& rules, std::string_view text, size_t begin, size_t end,
                               bool headline, bool open_quote, const std::vector<Word>* words = nullptr);

// The rule ids FindCues gives its matches (what explain and hit counts name).
const std::vector<std::string>& CueRuleIds();

// Whether a quotation is left open at the end of [begin, end) of `text`,
// given whether one was open at `begin` (an odd number of '"').
bool QuoteOpenAfter(std::string_view text, size_t begin, size_t end, bool open_at_begin);

}  // namespace claimgraph::internal

#endif  // CLAIMGRAPH_CLAIM_CUES_H_
