// SPDX-License-Identifier: Apache-2.0
// Appends one document's records to a Graph's storage directly, for
// AddExtraction: Graph::AddNode and AddEdge take Node and Edge values
// (strings, found again by id for every edge), where a document's
// extraction already knows its nodes. Strings are interned as they come,
// nodes are named by their index, and the result is the graph AddNode and
// AddEdge would make.
#ifndef CLAIMGRAPH_GRAPH_APPENDER_H_
#define CLAIMGRAPH_GRAPH_APPENDER_H_

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "claimgraph/graph.h"

namespace claimgraph::internal {

// A document's metadata (Document's title, date, url, lang), as views.
struct DocMeta {
  std::string_view title, date, url, lang;
};

class GraphAppender {
 public:
  // One mention of an entity, in the document being appended.
  struct MentionIn {
    int64_t start = 0;
    int64_t end = 0;
    std::string_view text;
    int sentence = 0;
    std::string_view rule;
    std::string_view particle;
  };
  // A claim node's fields (ClaimInfo's, as views).
  struct ClaimIn {
    std::string_view text, cue, modality, rule, speaker, speaker_status;
    int64_t start = 0;
    int64_t end = 0;
    int sentence = 0;
    bool negated = false;
  };

  // Appends to `graph` the records of the document `doc_id`.
  GraphAppender(Graph* graph, std::string_view doc_id, int64_t chars, const DocMeta& meta = {});

  // Records the document's sentences (code points of its original text).
  void SetSentences(const std::vector<SentenceSpan>& sentences);
  // The pool id of `s`; 0 is "".
  uint32_t Intern(std::string_view s);
  // The id of an attribute list given as (key, value) pairs in key order,
  // each key once; 0 is the empty list.
  uint32_t InternAttributes(const std::vector<std::pair<std::string_view, std::string_view>>& sorted);
  // Adds an entity node, or merges it into the node with that id; returns
  // its index.
  uint32_t AddEntity(std::string_view id, std::string_view label, std::string_view type,
                     const std::vector<std::string_view>& aliases, uint32_t attributes,
                     const std::vector<MentionIn>& mentions);
  // Adds a claim node of this document, or merges it; returns its index.
  uint32_t AddClaim(std::string_view id, std::string_view label, uint32_t attributes, const ClaimIn& claim);
  // The id of node `index`, as the graph holds it (valid while the graph
  // lives).
  std::string_view NodeId(uint32_t index) const;
  // Adds an edge between node indices with one evidence span of this
  // document, or adds the span to the edge with the same ends, relation
  // and attributes.
  void AddEdge(uint32_t source, uint32_t target, uint32_t relation, uint32_t attributes, int64_t start,
               int64_t end, uint32_t rule);

 private:
  Graph::Impl& impl_;
  uint32_t doc_;
  uint32_t entity_kind_;
  uint32_t claim_kind_;
};

}  // namespace claimgraph::internal

#endif  // CLAIMGRAPH_GRAPH_APPENDER_H_
