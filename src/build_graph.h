// SPDX-License-Identifier: Apache-2.0
// Stage 5, build graph: accepted candidates -> an Extraction with original
// code-point offsets, entity ids, aliases and attributes; an Extraction ->
// a Graph of entity nodes, co_mentioned edges and rule relations.
#ifndef CLAIMGRAPH_BUILD_GRAPH_H_
#define CLAIMGRAPH_BUILD_GRAPH_H_

#include <string>
#include <utility>
#include <vector>

#include "claimgraph/pipeline.h"
#include "extract_claims.h"
#include "match_patterns.h"
#include "match_types.h"
#include "normalize.h"

namespace claimgraph::internal {

struct RulePackData;

Extraction BuildExtraction(const RulePackData& rules, const Document& doc, const NormalizedText& norm,
                           const std::vector<std::pair<size_t, size_t>>& sentences,
                           const std::vector<Candidate>& all, const std::vector<size_t>& accepted,
                           const std::vector<CandidateRelation>& relations,
                           const std::vector<CandidateClaim>& claims,
                           const std::vector<Candidate>& rejected);

// Appends to `graph` what AddExtraction(BuildExtraction(...)) would add
// (the rejected candidates aside), without making the Extraction: what a
// build does with each document.
void AppendExtraction(const RulePackData& rules, const Document& doc, const NormalizedText& norm,
                      const std::vector<std::pair<size_t, size_t>>& sentences, const std::vector<Candidate>& all,
                      const std::vector<size_t>& accepted, const std::vector<CandidateRelation>& relations,
                      const std::vector<CandidateClaim>& claims, Graph* graph);

// Returns the ICU Hangul-Latin romanization of `text` ("카일 찬" -> "kail chan").
std::string Romanize(const std::string& text);

}  // namespace claimgraph::internal

#endif  // CLAIMGRAPH_BUILD_GRAPH_H_
