// SPDX-License-Identifier: Apache-2.0
// The writers' sorted views of a graph, read from its records.
#include "write_order.h"

#include <algorithm>

#include "graph_records.h"

namespace claimgraph {

namespace internal {

GraphOrder::GraphOrder(const Graph& graph, int threads) : impl_(graph.impl()) {
  const_cast<Graph::Impl&>(impl_).SortAppended(threads);  // as ForEachNode: the graph's value is unchanged
  nodes_ = impl_.NodeOrder(threads);
  edges_ = impl_.EdgeOrder(nodes_, threads);
  documents_ = impl_.DocumentOrder();
}

DocumentView GraphOrder::Document(size_t i) const {
  const auto& d = impl_.documents[documents_[i]];
  return {impl_.Str(d.id), d.chars, impl_.Str(d.meta.title), impl_.Str(d.meta.date), impl_.Str(d.meta.url),
          impl_.Str(d.meta.lang)};
}

void GraphOrder::FillNode(size_t i, Node* out, bool with_mentions) const {
  impl_.Fill(impl_.nodes[nodes_[i]], out, with_mentions);
}

size_t GraphOrder::MentionCount(size_t i) const {
  const NodeRec& n = impl_.nodes[nodes_[i]];
  return n.lists ? n.lists->mentions.size() : 0;
}

void GraphOrder::FillMentions(size_t i, size_t from, size_t count, std::vector<MentionView>* out) const {
  const NodeRec& n = impl_.nodes[nodes_[i]];
  const size_t total = n.lists ? n.lists->mentions.size() : 0;
  from = std::min(from, total);
  out->resize(std::min(count, total - from));
  for (size_t k = 0; k < out->size(); ++k) {
    const MentionRec& m = n.lists->mentions[from + k];
    const auto& [rule, particle] = impl_.tags[m.tag];
    (*out)[k] = {impl_.Str(m.doc), m.start, m.end, impl_.Str(m.text), m.sentence, impl_.Str(rule), impl_.Str(particle)};
  }
}

void GraphOrder::FillEdge(size_t i, Edge* out) const { impl_.Fill(impl_.edges[edges_[i]], out); }

void GraphOrder::PrefetchEdge(size_t i) const {
  // The record of edge i + 16, and the target of edge i + 8, whose record
  // an earlier call fetched (sources repeat: edges are sorted by them).
  if (i + 16 < edges_.size()) __builtin_prefetch(&impl_.edges[edges_[i + 16]]);
  if (i + 8 < edges_.size()) {
    const NodeRec& target = impl_.nodes[impl_.edges[edges_[i + 8]].target];
    __builtin_prefetch(&target);
    __builtin_prefetch(target.id.data());
  }
}

void GraphOrder::FillEdge(size_t i, EdgeView* out) const {
  const EdgeRec& r = impl_.edges[edges_[i]];
  out->source = impl_.nodes[r.source].id;
  out->target = impl_.nodes[r.target].id;
  out->relation = impl_.Str(r.relation);
  out->weight = static_cast<int64_t>(r.evidence.size());
  out->evidence.clear();
  for (const EvidenceRec& e : r.evidence) out->evidence.push_back({impl_.Str(e.doc), e.start, e.end, impl_.Str(e.rule)});
  out->attributes.clear();
  for (const auto& [k, v] : impl_.attr_lists[r.attributes]) out->attributes.emplace_back(impl_.Str(k), impl_.Str(v));
}

size_t GraphOrder::NodeWeight(size_t i) const {
  const NodeRec& n = impl_.nodes[nodes_[i]];
  return 1 + (n.lists ? n.lists->mentions.size() + n.lists->aliases.size() : 0);
}
size_t GraphOrder::EdgeWeight(size_t i) const { return 1 + impl_.edges[edges_[i]].evidence.size(); }

bool GraphOrder::SameEndsAsPrevious(size_t i) const {
  if (i == 0) return false;
  const EdgeRec& e = impl_.edges[edges_[i]];
  const EdgeRec& before = impl_.edges[edges_[i - 1]];
  return e.source == before.source && e.target == before.target;
}

int GraphOrder::EdgeKey(size_t i) const {
  int key = 0;
  for (; SameEndsAsPrevious(i); --i) ++key;
  return key;
}

}  // namespace internal

}  // namespace claimgraph
