// SPDX-License-Identifier: Apache-2.0
// The stage order, and nothing else; the only file that knows it: normalize
// -> segment -> match (gazetteer, text patterns) -> resolve overlaps ->
// context patterns -> relations -> claims -> build graph. A batch goes
// through the early stages together, each rule over every sentence it may
// match (docs/performance.md); then each document, sentence by sentence.
// How a run is driven (one document, threads, progress): scheduler.cc.
#include "pipeline.h"

#include "extract_claims.h"
#include "extract_relations.h"
#include "match_gazetteer.h"
#include "match_names.h"
#include "match_patterns.h"
#include "normalize.h"
#include "placeholders.h"
#include "resolve_mentions.h"
#include "resolve_references.h"
#include "rule_pack.h"
#include "screen.h"
#include "relation_grammar.h"
#include "segment.h"
#include "words.h"

namespace claimgraph {
namespace internal {
namespace {

// One document between the passes. Until Finish joins them into the
// document's lists, candidates are kept and numbered by sentence.
struct DocumentWork {
  NormalizedText norm;
  std::vector<std::pair<size_t, size_t>> sentences;
  std::vector<std::vector<Candidate>> candidates, rejected;
  std::vector<std::vector<size_t>> accepted;  // into the sentence's candidates
  std::vector<std::vector<Word>> words;       // of each sentence, split once for every stage
  std::vector<PlaceholderSentence> views;
  std::vector<ViewMatches> matched;  // the screen and the rules over each view
  FoundInDocument found;             // what Finish makes of it
  ClaimContext claims;               // what the claims stage carries from sentence to sentence
};

template <typename T>
void MoveAppend(std::vector<T>* to, std::vector<T>* from) {
  to->insert(to->end(), std::make_move_iterator(from->begin()), std::make_move_iterator(from->end()));
  from->clear();
}

bool ReadsViews(const RulePackData& rules) { return !rules.context_rules.empty() || !rules.attribution_rules.empty(); }

// 1. normalize, 2. segment, 3. match and resolve overlaps, for every
// document of the batch; then every sentence's placeholder view, screened
// and read by the relation and attribution rules (MatchViews).
void Prepare(const RulePackData& rules, const std::vector<const Document*>& docs, bool keep_rejected,
             StageClock* clock, std::vector<DocumentWork>* work) {
  std::vector<std::string_view> sentences, views;  // of every document
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
  size_t next = 0;
  for (DocumentWork& w : *work) {
    const size_t n = w.sentences.size();
    w.candidates.resize(n), w.rejected.resize(n), w.accepted.resize(n), w.words.resize(n);
    NamedPersons persons;  // named in full so far
    for (size_t s = 0; s < n; ++s) {
      const auto [b, e] = w.sentences[s];
      std::vector<Candidate>* const reject_to = keep_rejected ? &w.rejected[s] : nullptr;
      MatchGazetteer(rules, w.norm.text, b, e, static_cast<int>(s), &w.candidates[s], reject_to);
      clock->Lap(&StageTimes::gazetteer);
      MatchTextPatterns(rules, w.norm.text, b, e, static_cast<int>(s), text_matches[next++], &w.candidates[s],
                        reject_to, clock->rule_times());
      clock->Lap(&StageTimes::text_patterns);
      w.words[s] = SplitWords(w.norm.text, b, e);
      MatchNames(rules, w.norm.text, b, e, static_cast<int>(s), &w.candidates[s], reject_to, &w.words[s]);
      clock->Lap(&StageTimes::names);
      w.accepted[s] = ResolveOverlaps(w.norm.text, w.candidates[s], reject_to);
      ResolveReferences(rules, w.norm.text, b, e, static_cast<int>(s), persons, &w.candidates[s], &w.accepted[s],
                        reject_to, &w.words[s]);
      persons.AddSentence(w.norm.text, w.candidates[s], w.accepted[s]);
      clock->Lap(&StageTimes::resolve);
    }
    if (n > 1 && InHeadline(w.norm.text, w.sentences[0].first)) {
      // A headline names people by the surnames the story spells out
      // later ("… as Huang says …", "올트먼 \"…\""): its references, once
      // more, against everyone the document names.
      ResolveHeadline(rules, w.norm.text, w.sentences[0].first, w.sentences[0].second, persons, &w.candidates[0],
                      &w.accepted[0], keep_rejected ? &w.rejected[0] : nullptr, &w.words[0]);
      clock->Lap(&StageTimes::resolve);
    }
    for (size_t s = 0; ReadsViews(rules) && s < n; ++s) {
      w.views.emplace_back(w.norm.text, w.sentences[s].first, w.sentences[s].second, static_cast<int>(s),
                           w.candidates[s], w.accepted[s]);
      views.push_back(w.views.back().str());
    }
  }
  std::vector<ViewMatches> matched = MatchViews(rules, views, clock);
  auto from = std::make_move_iterator(matched.begin());
  for (DocumentWork& w : *work) {
    w.matched.assign(from, from + static_cast<std::ptrdiff_t>(w.views.size()));
    from += static_cast<std::ptrdiff_t>(w.views.size());
  }
}

// How many sentences back a sentence's references may reach.
constexpr int kContextSentences = 40;

// 3b. context patterns, 4a. relations, 4b. claims, sentence by sentence.
void Finish(const RulePackData& rules, const Document& doc, bool keep_rejected, StageClock* clock, DocumentWork* w) {
  const std::string_view text = w->norm.text;
  FoundInDocument& found = w->found;
  size_t window = 0;  // the first of found.accepted within kContextSentences
  for (size_t s = 0; s < w->sentences.size(); ++s) {
    const auto [begin, end] = w->sentences[s];
    const int index = static_cast<int>(s);
    const size_t base = found.all.size();  // the sentence's candidates join the document's
    std::vector<size_t> accepted;
    for (size_t i : w->accepted[s]) accepted.push_back(base + i);
    MoveAppend(&found.all, &w->candidates[s]);
    MoveAppend(&found.rejected, &w->rejected[s]);
    PlaceholderSentence* view = nullptr;
    if (ReadsViews(rules)) {
      view = &w->views[s];
      view->Rebase(base);
      const size_t known = accepted.size();
      const auto resolved = MatchContextPatterns(rules, text, end, index, *view, w->matched[s].screened.context,
                                                 &found.all, &accepted, keep_rejected ? &found.rejected : nullptr,
                                                 clock->rule_times());
      if (accepted.size() != known) {  // context rules named new entities: read the sentence anew
        *view = PlaceholderSentence(text, begin, end, index, found.all, accepted);
        w->matched[s] = std::move(MatchViews(rules, {view->str()}, clock).front());
      }
      clock->Lap(&StageTimes::context_patterns);
      ExtractRelations(rules, text, *view, resolved, w->matched[s].relation, &found.all, &found.relations,
                       clock->rule_times());
      clock->Lap(&StageTimes::relations);
    }
    // What the sentence may refer back to: the mentions of the last
    // kContextSentences sentences (an antecedent, "the ChatGPT maker"'s
    // developer), not the whole document, so that a long document costs
    // time linear in its length.
    while (window < found.accepted.size() && found.all[found.accepted[window]].sentence + kContextSentences < index) {
      ++window;
    }
    const std::vector<size_t> earlier(found.accepted.begin() + static_cast<std::ptrdiff_t>(window), found.accepted.end());
    FindGrammarRelations(rules, w->words[s], found.all, accepted, earlier, &found.relations);
    clock->Lap(&StageTimes::relations);
    found.accepted.insert(found.accepted.end(), accepted.begin(), accepted.end());
    std::vector<size_t> recent = earlier;
    recent.insert(recent.end(), accepted.begin(), accepted.end());
    if (s >= static_cast<size_t>(kContextSentences)) {
      const size_t horizon = w->sentences[s - static_cast<size_t>(kContextSentences)].first;
      auto& quoted = w->claims.quoted;
      quoted.erase(std::remove_if(quoted.begin(), quoted.end(),
                                  [&](const std::pair<size_t, size_t>& q) { return q.second <= horizon; }),
                   quoted.end());
    }
    // (A pack that reads no views still has the claims grammar.)
    SentenceClaims claims = ExtractClaims(rules, text, begin, end, index, doc.date, view,
                                          view != nullptr ? &w->matched[s].attribution : nullptr, found.all,
                                          recent, &w->claims, clock->rule_times(), &w->words[s]);
    for (Candidate& speaker : claims.speakers) {
      found.accepted.push_back(found.all.size());
      found.all.push_back(std::move(speaker));
    }
    MoveAppend(&found.claims, &claims.claims);
    clock->Lap(&StageTimes::claims);
  }
  DecideReleases(text, w->sentences, found.all, &found.relations);
  clock->Lap(&StageTimes::relations);
}

}  // namespace

void RunBatch(const RulePack& pack, const std::vector<const Document*>& docs, StageTimes* times, bool keep_rejected,
              const std::function<void(size_t, const ExtractedDocument&)>& done) {
  StageClock clock(times);
  std::vector<DocumentWork> work(docs.size());
  Prepare(pack.data(), docs, keep_rejected, &clock, &work);
  for (size_t d = 0; d < docs.size(); ++d) {
    Finish(pack.data(), *docs[d], keep_rejected, &clock, &work[d]);
    done(d, ExtractedDocument{work[d].norm, work[d].sentences, work[d].found});  // 5. build graph
    work[d] = DocumentWork();  // what a document held goes as soon as it is done
    clock.Lap(&StageTimes::build_extraction);
  }
}

}  // namespace internal
}  // namespace claimgraph
