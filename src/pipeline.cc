// SPDX-License-Identifier: Apache-2.0
// The stage order, and nothing else; the only file that knows it:
//   normalize -> segment -> match (gazetteer, text patterns) -> resolve
//   overlaps -> context patterns -> relations -> claims -> build graph.
// A batch of documents goes through the early stages together, each rule
// over every sentence it may match (the automata stay in the CPU caches,
// docs/performance.md); then each document is finished sentence by
// sentence, since a claim's pronoun resolves against earlier sentences.
// Threads, queues and progress are scheduler.cc's.
#include "claimgraph/pipeline.h"

#include "build_graph.h"
#include "extract_claims.h"
#include "extract_relations.h"
#include "internal/utf8.h"
#include "match_gazetteer.h"
#include "match_patterns.h"
#include "normalize.h"
#include "pipeline.h"
#include "placeholders.h"
#include "resolve_mentions.h"
#include "rule_pack.h"
#include "screen.h"
#include "segment.h"

namespace claimgraph {
namespace internal {
namespace {

// One document between the passes; candidate indices are per sentence
// until Finish joins them into the document's list.
struct DocumentWork {
  NormalizedText norm;
  std::vector<std::pair<size_t, size_t>> sentences;
  std::vector<std::vector<Candidate>> candidates, rejected;  // by sentence
  std::vector<std::vector<size_t>> accepted;                 // by sentence, into its candidates
  std::vector<PlaceholderSentence> views;                    // by sentence
  std::vector<ScreenedRules> screened;
  std::vector<RuleMatches> relation_matches, attribution_matches;
  FoundInDocument found;  // what Finish makes of it
};

// Moves the elements of `from` to the end of `to`.
template <typename T>
void MoveAppend(std::vector<T>* to, std::vector<T>* from) {
  to->insert(to->end(), std::make_move_iterator(from->begin()), std::make_move_iterator(from->end()));
  from->clear();
}

// Whether any rule reads sentences as placeholder views.
bool ReadsViews(const RulePackData& rules) { return !rules.context_rules.empty() || !rules.attribution_rules.empty(); }

// 1. normalize, 2. segment, 3. match and resolve overlaps, for every
// document of the batch; then 3b-4 screen every sentence's view and run
// the relation and attribution rules each over all the views it may match.
void Prepare(const RulePackData& rules, const std::vector<const Document*>& docs, bool keep_rejected,
             StageClock* clock, std::vector<DocumentWork>* work) {
  std::vector<std::string_view> sentences;  // of every document
  for (size_t d = 0; d < docs.size(); ++d) {
    DocumentWork& w = (*work)[d];
    w.norm = Normalize(docs[d]->text);
    clock->Lap(&StageTimes::normalize);
    w.sentences = SegmentSentences(w.norm.text);
    for (const auto& [b, e] : w.sentences) sentences.push_back(std::string_view(w.norm.text).substr(b, e - b));
    clock->Lap(&StageTimes::segment);
  }
  const std::vector<RuleMatches> text_matches = FindTextRuleMatches(rules, sentences, clock->rule_times());
  clock->Lap(&StageTimes::text_patterns);
  std::vector<std::string_view> views;  // of every document
  size_t next = 0;
  for (DocumentWork& w : *work) {
    const size_t n = w.sentences.size();
    w.candidates.resize(n), w.rejected.resize(n), w.accepted.resize(n);
    for (size_t s = 0; s < n; ++s) {
      const auto [b, e] = w.sentences[s];
      std::vector<Candidate>* const reject_to = keep_rejected ? &w.rejected[s] : nullptr;
      MatchGazetteer(rules, w.norm.text, b, e, static_cast<int>(s), &w.candidates[s], reject_to);
      clock->Lap(&StageTimes::gazetteer);
      MatchTextPatterns(rules, w.norm.text, b, e, static_cast<int>(s), text_matches[next++], &w.candidates[s],
                        reject_to, clock->rule_times());
      clock->Lap(&StageTimes::text_patterns);
      w.accepted[s] = ResolveOverlaps(w.norm.text, w.candidates[s], reject_to);
      clock->Lap(&StageTimes::resolve);
    }
    for (size_t s = 0; ReadsViews(rules) && s < n; ++s) {
      w.views.emplace_back(w.norm.text, w.sentences[s].first, w.sentences[s].second, static_cast<int>(s),
                           w.candidates[s], w.accepted[s]);
      views.push_back(w.views.back().str());
    }
    clock->Lap(&StageTimes::context_patterns);
  }
  std::vector<ScreenedRules> screened;
  for (std::string_view view : views) screened.push_back(ScreenSentence(rules, view));
  clock->Lap(&StageTimes::context_patterns);
  std::vector<RuleMatches> relation = FindRelationMatches(rules, views, screened, clock->rule_times());
  clock->Lap(&StageTimes::relations);
  std::vector<RuleMatches> attribution = FindAttributionMatches(rules, views, screened, clock->rule_times());
  clock->Lap(&StageTimes::claims);
  next = 0;
  for (DocumentWork& w : *work) {
    for (size_t s = 0; s < w.views.size(); ++s, ++next) {
      w.screened.push_back(std::move(screened[next]));
      w.relation_matches.push_back(std::move(relation[next]));
      w.attribution_matches.push_back(std::move(attribution[next]));
    }
  }
}

// 3b. context patterns, 4a. relations, 4b. claims, sentence by sentence.
void Finish(const RulePackData& rules, const Document& doc, bool keep_rejected, StageClock* clock, DocumentWork* w) {
  const std::string_view text = w->norm.text;
  FoundInDocument& found = w->found;
  for (size_t s = 0; s < w->sentences.size(); ++s) {
    const auto [begin, end] = w->sentences[s];
    const int index = static_cast<int>(s);
    const size_t base = found.all.size();  // the sentence's candidates join the document's
    std::vector<size_t> accepted;
    for (size_t i : w->accepted[s]) accepted.push_back(base + i);
    MoveAppend(&found.all, &w->candidates[s]);
    MoveAppend(&found.rejected, &w->rejected[s]);
    if (!ReadsViews(rules)) {
      found.accepted.insert(found.accepted.end(), accepted.begin(), accepted.end());
      continue;
    }
    PlaceholderSentence& view = w->views[s];
    view.Rebase(base);
    const size_t known = accepted.size();
    const auto resolved = MatchContextPatterns(rules, text, end, index, view, w->screened[s].context, &found.all,
                                               &accepted, keep_rejected ? &found.rejected : nullptr, clock->rule_times());
    if (accepted.size() != known) {  // context rules named new entities: read the sentence anew
      view = PlaceholderSentence(text, begin, end, index, found.all, accepted);
      const std::vector<ScreenedRules> again = {ScreenSentence(rules, view.str())};
      w->relation_matches[s] = std::move(FindRelationMatches(rules, {view.str()}, again, clock->rule_times()).front());
      w->attribution_matches[s] = std::move(FindAttributionMatches(rules, {view.str()}, again, clock->rule_times()).front());
    }
    clock->Lap(&StageTimes::context_patterns);
    ExtractRelations(rules, text, view, resolved, w->relation_matches[s], &found.all, &found.relations,
                     clock->rule_times());
    clock->Lap(&StageTimes::relations);
    found.accepted.insert(found.accepted.end(), accepted.begin(), accepted.end());
    SentenceClaims claims = ExtractClaims(rules, text, begin, end, index, doc.date, view, w->attribution_matches[s],
                                          found.all, found.accepted, clock->rule_times());
    for (Candidate& speaker : claims.speakers) {
      found.accepted.push_back(found.all.size());
      found.all.push_back(std::move(speaker));
    }
    MoveAppend(&found.claims, &claims.claims);
    clock->Lap(&StageTimes::claims);
  }
}

// Extracts `docs` and calls done(d, work) for each document d in order, once every rule has read it.
template <typename Done>
void RunBatch(const RulePack& pack, const std::vector<const Document*>& docs, StageTimes* times, bool keep_rejected,
              Done&& done) {
  StageClock clock(times);
  std::vector<DocumentWork> work(docs.size());
  Prepare(pack.data(), docs, keep_rejected, &clock, &work);
  for (size_t d = 0; d < docs.size(); ++d) {
    Finish(pack.data(), *docs[d], keep_rejected, &clock, &work[d]);
    done(d, work[d]);  // 5. build graph
    work[d] = DocumentWork();  // what a document held goes as soon as it is done
    clock.Lap(&StageTimes::build_extraction);
  }
}

}  // namespace

std::vector<Extraction> ExtractBatch(const RulePack& pack, const std::vector<const Document*>& docs,
                                     StageTimes* times, bool keep_rejected) {
  std::vector<Extraction> out;
  RunBatch(pack, docs, times, keep_rejected, [&](size_t d, const DocumentWork& w) {
    out.push_back(BuildExtraction(pack.data(), *docs[d], w.norm, w.sentences, w.found));
  });
  return out;
}

void ExtractBatchInto(const RulePack& pack, const std::vector<const Document*>& docs, Graph* graph,
                      StageTimes* times) {
  RunBatch(pack, docs, times, /*keep_rejected=*/false, [&](size_t d, const DocumentWork& w) {
    AppendExtraction(pack.data(), *docs[d], w.norm, w.sentences, w.found, graph);
  });
}

Result<Extraction> ExtractTimed(const RulePack& pack, const Document& doc, StageTimes* times, bool keep_rejected) {
  Status checked = CheckText(doc);
  if (!checked.ok()) return checked;
  return std::move(ExtractBatch(pack, {&doc}, times, keep_rejected).front());
}

}  // namespace internal

Result<Extraction> Pipeline::Extract(const Document& doc) const { return internal::ExtractTimed(rules_, doc, nullptr); }

}  // namespace claimgraph
