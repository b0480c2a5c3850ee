// SPDX-License-Identifier: Apache-2.0
// The pipeline's private entry points (claimgraph/pipeline.h is the
// public one): extraction of a batch of documents with each stage timed,
// straight into a graph for a build, and the text check every run makes.
#ifndef CLAIMGRAPH_PIPELINE_H_
#define CLAIMGRAPH_PIPELINE_H_

#include <vector>

#include "claimgraph/document.h"
#include "claimgraph/extraction.h"
#include "claimgraph/graph.h"
#include "claimgraph/rules.h"
#include "claimgraph/status.h"
#include "internal/stage_times.h"

namespace claimgraph::internal {

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

#endif  // CLAIMGRAPH_PIPELINE_H_
