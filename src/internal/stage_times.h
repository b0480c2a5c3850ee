// SPDX-License-Identifier: Apache-2.0
// Seconds spent in each pipeline stage, summed over documents: what the
// benchmarks report as each stage's share (benchmarks/, docs/performance.md).
#ifndef CLAIMGRAPH_INTERNAL_STAGE_TIMES_H_
#define CLAIMGRAPH_INTERNAL_STAGE_TIMES_H_

#include "claimgraph/pipeline.h"

namespace claimgraph::internal {

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
};

// Pipeline::Extract, adding each stage's time to `times` (when not null).
// Without `keep_rejected` the Extraction's `rejected` stays empty, and the
// stages skip building those candidates and their reasons (a graph has no
// use for them; about a third of all candidates in news text).
Result<Extraction> ExtractTimed(const RulePack& rules, const Document& doc, StageTimes* times,
                                bool keep_rejected = true);

}  // namespace claimgraph::internal

#endif  // CLAIMGRAPH_INTERNAL_STAGE_TIMES_H_
