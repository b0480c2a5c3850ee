// SPDX-License-Identifier: Apache-2.0
// Stage 5, build graph: accepted candidates -> an Extraction with original
// code-point offsets, entity ids, aliases and attributes; an Extraction ->
// a Graph of entity nodes, co_mentioned edges and rule relations.
#ifndef CLAIMGRAPH_BUILD_GRAPH_H_
#define CLAIMGRAPH_BUILD_GRAPH_H_

#include <string>
#include <utility>
#include <vector>

#include "claimgraph/document.h"
#include "claimgraph/extraction.h"
#include "claimgraph/graph.h"
#include "extract_claims.h"
#include "extract_relations.h"
#include "match_types.h"
#include "normalize.h"

namespace claimgraph::internal {

struct RulePackData;

// What the stages found in one document, in normalized bytes: the input
// of this stage.
struct FoundInDocument {
  std::vector<Candidate> all;         // every candidate, by sentence
  std::vector<size_t> accepted;       // into `all`: the mentions
  std::vector<CandidateRelation> relations;
  std::vector<CandidateClaim> claims;  // by sentence, then content start
  std::vector<Candidate> rejected;    // with their reasons (for explain)
};

// Returns the Extraction of `doc`, whose normalized text is `norm` and
// sentences `sentences` (normalized byte spans).
Extraction BuildExtraction(const RulePackData& rules, const Document& doc, const NormalizedText& norm,
                           const std::vector<std::pair<size_t, size_t>>& sentences, const FoundInDocument& found);

// Appends to `graph` what AddExtraction(BuildExtraction(...)) would add
// (the rejected candidates aside), without making the Extraction: what a
// build does with each document.
void AppendExtraction(const RulePackData& rules, const Document& doc, const NormalizedText& norm,
                      const std::vector<std::pair<size_t, size_t>>& sentences, const FoundInDocument& found,
                      Graph* graph);

// Returns the ICU Hangul-Latin romanization of `text` ("카일 찬" -> "kail chan").
std::string Romanize(const std::string& text);

}  // namespace claimgraph::internal

#endif  // CLAIMGRAPH_BUILD_GRAPH_H_
