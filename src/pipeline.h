// SPDX-License-Identifier: Apache-2.0
// The pipeline's private entry points (claimgraph/pipeline.h is the
// public one): extraction of a batch of documents with each stage timed,
// straight into a graph for a build, and the text check every run makes.
#ifndef CLAIMGRAPH_PIPELINE_H_
#define CLAIMGRAPH_PIPELINE_H_

#include <cstddef>
#include <functional>
#include <utility>
#include <vector>

#include "build_graph.h"
#include "claimgraph/document.h"
#include "claimgraph/extraction.h"
#include "claimgraph/graph.h"
#include "claimgraph/rules.h"
#include "claimgraph/status.h"
#include "internal/stage_times.h"
#include "normalize.h"

namespace claimgraph::internal {

// A document once every stage has read it: its normalized text, its
// sentences (normalized byte spans) and what the stages found. Views, valid
// during RunBatch's call.
struct ExtractedDocument {
  const NormalizedText& norm;
  const std::vector<std::pair<size_t, size_t>>& sentences;
  const FoundInDocument& found;
};

// Runs the stages in order over `docs` (pipeline.cc) and calls done(d,
// document) for each document d in order, once every stage has read it.
// Without `keep_rejected` the stages skip the candidates they turn down.
void RunBatch(const RulePack& rules, const std::vector<const Document*>& docs, StageTimes* times, bool keep_rejected,
              const std::function<void(size_t, const ExtractedDocument&)>& done);

// Pipeline::Extract, adding each stage's time to `times` (when not null).
// Without `keep_rejected` the Extraction's `rejected` stays empty, and the
// stages skip building those candidates and their reasons (a graph has no
// use for them; about a third of all candidates in news text).
Result<Extraction> ExtractTimed(const RulePack& rules, const Document& doc, StageTimes* times,
                                bool keep_rejected = true);

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
