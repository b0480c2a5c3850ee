// SPDX-License-Identifier: Apache-2.0
// Seconds spent in each pipeline stage, summed over documents: what the
// benchmarks report as each stage's share (benchmarks/, docs/performance.md).
#ifndef CLAIMGRAPH_INTERNAL_STAGE_TIMES_H_
#define CLAIMGRAPH_INTERNAL_STAGE_TIMES_H_

#include <chrono>
#include <vector>

#include "claimgraph/pipeline.h"

namespace claimgraph::internal {

// Seconds spent running each rule (its regular expression and what is done
// with each match), by index into the pack's text_rules, context_rules and
// attribution_rules: what `claimgraph rules stats` reports per rule.
struct RuleTimes {
  std::vector<double> text;
  std::vector<double> context;
  std::vector<double> attribution;
};

// Adds the time from construction to destruction to `*seconds` (when not
// null); the stages wrap each rule's run in one.
class RuleLap {
 public:
  explicit RuleLap(double* seconds) : seconds_(seconds) {
    if (seconds_) start_ = std::chrono::steady_clock::now();
  }
  ~RuleLap() {
    if (seconds_) *seconds_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }
  RuleLap(const RuleLap&) = delete;
  RuleLap& operator=(const RuleLap&) = delete;

  // The slot of rule `index` in `list` of `times`, or null without times.
  static double* Slot(RuleTimes* times, std::vector<double> RuleTimes::*list, int index) {
    if (times == nullptr) return nullptr;
    std::vector<double>& v = times->*list;
    if (v.size() <= static_cast<size_t>(index)) v.resize(static_cast<size_t>(index) + 1);
    return &v[static_cast<size_t>(index)];
  }

 private:
  double* seconds_;
  std::chrono::steady_clock::time_point start_;
};

struct StageTimes {
  double normalize = 0;
  double segment = 0;
  double gazetteer = 0;
  double text_patterns = 0;    // re2 entity patterns over the text
  double resolve = 0;          // overlaps
  double context_patterns = 0; // entity patterns over the placeholder view
  double relations = 0;
  double claims = 0;
  double build_extraction = 0; // original offsets, ids, the Extraction value
  RuleTimes* rules = nullptr;  // when not null, each rule's time is added here
};

// Pipeline::Extract, adding each stage's time to `times` (when not null).
// Without `keep_rejected` the Extraction's `rejected` stays empty, and the
// stages skip building those candidates and their reasons (a graph has no
// use for them; about a third of all candidates in news text).
Result<Extraction> ExtractTimed(const RulePack& rules, const Document& doc, StageTimes* times,
                                bool keep_rejected = true);

// kInvalidUtf8 (naming the document and the byte) when `doc`'s text is not
// valid UTF-8; the one check ExtractTimed makes before extracting.
Status CheckText(const Document& doc);

// ExtractTimed over several documents, all valid UTF-8 (the caller checks
// with CheckText), in passes: every document up to its sentences'
// placeholder views (each text rule over all the sentences it may match),
// then the screen over all of their views in a row, then each relation and
// attribution rule over all the views it may match, then the rest of every
// document sentence by sentence. The automata then stay in the CPU caches
// from one sentence to the next, as they do not with a document's other
// stages in between (docs/performance.md). The extractions are those of
// ExtractTimed, in the order of `docs`.
std::vector<Extraction> ExtractBatch(const RulePack& rules, const std::vector<const Document*>& docs,
                                     StageTimes* times, bool keep_rejected = true);

// ExtractBatch without the rejected candidates, each document's graph
// added to `graph` as AddExtraction would add its extraction, without
// making the extractions (what a build does).
void ExtractBatchInto(const RulePack& rules, const std::vector<const Document*>& docs, Graph* graph,
                      StageTimes* times);

}  // namespace claimgraph::internal

#endif  // CLAIMGRAPH_INTERNAL_STAGE_TIMES_H_
