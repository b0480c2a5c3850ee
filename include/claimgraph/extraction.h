// SPDX-License-Identifier: Apache-2.0
// What the pipeline extracts from one document, as values: its sentences,
// entity mentions, relations, claims and the candidates it turned down,
// every offset in code points of the original text. Pipeline::Extract
// returns one; the graph is built from them (AddExtraction).
//
// A mention and a claim take several shapes on their way through the
// library; each earns its place by the space its stage works in:
//   Candidate, CandidateClaim (src/match_types.h, src/extract_claims.h):
//     what the stages find, in normalized byte offsets, with rule pointers;
//   EntityMention, ClaimMention (here): the public per-document values, in
//     original code points, owning their strings;
//   MentionFields, ClaimFields (src/build_graph.cc): the same fields as
//     views, so that a build appends to its graph without copying;
//   GraphAppender::MentionIn, ClaimIn (src/graph_appender.h): what
//     the graph's storage takes of them;
//   MentionRec, ClaimRec (src/graph.cc): the graph's compact records, their
//     strings interned;
//   Mention, ClaimInfo (graph.h) and MentionView
//     (src/internal/graph_order.h): what a reader of a graph gets back, as
//     values or as views of the graph's strings.
#ifndef CLAIMGRAPH_CLAIMGRAPH_EXTRACTION_H_
#define CLAIMGRAPH_CLAIMGRAPH_EXTRACTION_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "claimgraph/graph.h"

namespace claimgraph {

// An accepted entity mention with the entity it resolves to.
struct EntityMention {
  std::string entity_id;  // "ent:alibaba"
  std::string label;      // canonical label
  std::string type;       // one of EntityTypes()
  int64_t start = 0;      // code points into Document::text
  int64_t end = 0;
  std::string text;       // Document::text[start, end)
  std::string surface;    // the normalized form of `text`
  bool surface_is_alias = true;  // false for a surname or role resolved to a known entity
  int sentence = 0;
  std::string rule;       // "gazetteer" or the pattern rule id
  std::string particle;   // following Korean particle, or ""
  int priority = 0;
  std::vector<std::string> aliases;               // known aliases of the entity
  std::map<std::string, std::string> attributes;  // role, developer, ...
};

// A candidate that lost overlap resolution or failed a check; kept for
// explanation, never emitted into the graph.
struct RejectedMatch {
  int64_t start = 0;
  int64_t end = 0;
  std::string text;
  std::string rule;
  std::string reason;  // "overlap: lost to ent:qwen3-max (gazetteer)", ...
};

// A relation read by a context rule (e.g. ORG의 'MODEL' -> develops).
struct RelationMention {
  std::string source;  // entity id
  std::string target;  // entity id
  std::string relation;
  int64_t start = 0;   // evidence span, code points
  int64_t end = 0;
  int sentence = 0;
  std::string rule;
  std::map<std::string, std::string> attributes;  // rank, category, role ...
};

// A claim: reported speech with its speaker, cue and content.
struct ClaimMention {
  std::string id;              // "claim:<doc>:<n>", n in document order
  std::string label;           // the start of the text
  std::string text;            // the content as written (Document::text[start, end))
  std::string cue;             // lemma: 밝히다, 지적하다, say, according_to
  std::string modality;        // asserted | hedged | implied
  bool negated = false;
  int64_t start = 0;           // the content, code points
  int64_t end = 0;
  int sentence = 0;
  std::string rule;
  std::string speaker;         // entity id, or "" (see speaker_status)
  std::string speaker_status;  // named | coreference | group | role | unattributed | unresolved
  int64_t evidence_start = 0;  // the whole attribution (speaker, content and cue)
  int64_t evidence_end = 0;
  std::string coref_rule;      // how the speaker was resolved: coref.pronoun, coref.org-role
  std::string coref_text;      // the pronoun or role as written ("그는" -> "그")
  int64_t coref_start = 0;
  int64_t coref_end = 0;
  std::string medium;          // entity id of a medium that reports the claim, or ""
  std::vector<std::string> mentions;  // entity ids inside the content
  std::string about;           // entity id of the content's subject, or ""
  std::string date;            // a day the sentence names ("지난 26일"), resolved
                               // against Document::date, as YYYY-MM-DD; else the
                               // document's own day; or ""
  std::string date_source;     // "sentence", "document", or "" without a date
};

// The result of running the pipeline on one document. A value: extractions
// of different documents are independent.
struct Extraction {
  std::string doc_id;
  int64_t chars = 0;
  std::string title, date, url, lang;  // the document's metadata, as read
  std::vector<SentenceSpan> sentences;
  std::vector<EntityMention> mentions;  // sorted by start
  std::vector<RelationMention> relations;
  std::vector<ClaimMention> claims;  // sorted by start
  std::vector<RejectedMatch> rejected;
};

// Converts one Extraction into a graph (entity nodes, co_mentioned and rule
// relation edges). Graph::Merge combines such graphs.
Graph ExtractionToGraph(const Extraction& extraction);
// Adds one Extraction to `graph`: what graph->Merge(ExtractionToGraph(...))
// does, without building the intermediate graph.
void AddExtraction(const Extraction& extraction, Graph* graph);
// The same, moving the extraction's strings into the graph's nodes and
// edges instead of copying them (what Pipeline::Run does); `extraction` is
// left valid but unspecified.
void AddExtraction(Extraction&& extraction, Graph* graph);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_CLAIMGRAPH_EXTRACTION_H_
