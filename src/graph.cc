// SPDX-License-Identifier: Apache-2.0
// The Graph facade over a Boost adjacency_list, with an index from node id
// to vertex. Merging picks deterministic winners (unions, minimums) so that
// it is associative and commutative.
#include "claimgraph/graph.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

#include "claimgraph/boost_graph.h"

namespace claimgraph {

struct Graph::Impl {
  BoostGraph g;
  std::unordered_map<std::string, BoostGraph::vertex_descriptor> index;
  std::map<std::string, DocumentInfo> documents;
};

namespace {

auto MentionKey(const Mention& m) {
  return std::tie(m.doc, m.start, m.end, m.rule, m.text, m.sentence, m.particle);
}
auto EvidenceKey(const Evidence& e) { return std::tie(e.doc, e.start, e.end, e.rule); }

template <typename T, typename Less>
void UniteSorted(std::vector<T>* into, const std::vector<T>& from, Less less) {
  std::vector<T> merged;
  merged.reserve(into->size() + from.size());
  std::vector<T> a = *into;
  std::vector<T> b = from;
  std::sort(a.begin(), a.end(), less);
  std::sort(b.begin(), b.end(), less);
  std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(merged), less);
  // set_union keeps repeats that are in both inputs; a union of sets has none.
  merged.erase(std::unique(merged.begin(), merged.end(), [&](const T& x, const T& y) { return !less(x, y) && !less(y, x); }),
               merged.end());
  *into = std::move(merged);
}

bool MentionLess(const Mention& a, const Mention& b) { return MentionKey(a) < MentionKey(b); }
bool EvidenceLess(const Evidence& a, const Evidence& b) { return EvidenceKey(a) < EvidenceKey(b); }

bool EdgeLess(const Edge& a, const Edge& b) {
  return std::tie(a.source, a.target, a.relation, a.attributes) <
         std::tie(b.source, b.target, b.relation, b.attributes);
}

}  // namespace

Graph::Graph() : impl_(std::make_unique<Impl>()) {}
Graph::Graph(const Graph& other) : impl_(std::make_unique<Impl>(*other.impl_)) {}
Graph& Graph::operator=(const Graph& other) {
  if (this != &other) impl_ = std::make_unique<Impl>(*other.impl_);
  return *this;
}
Graph::Graph(Graph&&) noexcept = default;
Graph& Graph::operator=(Graph&&) noexcept = default;
Graph::~Graph() = default;

void Graph::AddNode(const Node& node) {
  auto it = impl_->index.find(node.id);
  if (it == impl_->index.end()) {
    Node copy = node;
    std::sort(copy.aliases.begin(), copy.aliases.end());
    copy.aliases.erase(std::unique(copy.aliases.begin(), copy.aliases.end()), copy.aliases.end());
    std::sort(copy.mentions.begin(), copy.mentions.end(), MentionLess);
    copy.mentions.erase(std::unique(copy.mentions.begin(), copy.mentions.end(),
                                    [](const Mention& a, const Mention& b) { return MentionKey(a) == MentionKey(b); }),
                        copy.mentions.end());
    impl_->index.emplace(node.id, boost::add_vertex(copy, impl_->g));
    return;
  }
  Node& existing = impl_->g[it->second];
  // Deterministic choices keep merging commutative.
  if (existing.label.empty() || (!node.label.empty() && node.label < existing.label)) existing.label = node.label;
  if (existing.type.empty() || (!node.type.empty() && node.type < existing.type)) existing.type = node.type;
  if (existing.kind.empty()) existing.kind = node.kind;
  if (node.is_claim && !existing.is_claim) {
    existing.is_claim = true;
    existing.claim = node.claim;
  }
  UniteSorted(&existing.aliases, node.aliases, std::less<std::string>());
  UniteSorted(&existing.mentions, node.mentions, MentionLess);
  for (const auto& [key, value] : node.attributes) {
    auto a = existing.attributes.find(key);
    if (a == existing.attributes.end()) {
      existing.attributes.emplace(key, value);
    } else if (value < a->second) {
      a->second = value;
    }
  }
}

bool Graph::AddEdge(const Edge& edge) {
  const auto s = impl_->index.find(edge.source);
  const auto t = impl_->index.find(edge.target);
  if (s == impl_->index.end() || t == impl_->index.end()) return false;
  for (auto [e, end] = boost::out_edges(s->second, impl_->g); e != end; ++e) {
    Edge& existing = impl_->g[*e];
    if (boost::target(*e, impl_->g) == t->second && existing.relation == edge.relation &&
        existing.attributes == edge.attributes) {
      UniteSorted(&existing.evidence, edge.evidence, EvidenceLess);
      existing.weight = static_cast<int64_t>(existing.evidence.size());
      return true;
    }
  }
  Edge copy = edge;
  std::sort(copy.evidence.begin(), copy.evidence.end(), EvidenceLess);
  copy.evidence.erase(std::unique(copy.evidence.begin(), copy.evidence.end(),
                                  [](const Evidence& a, const Evidence& b) { return EvidenceKey(a) == EvidenceKey(b); }),
                      copy.evidence.end());
  copy.weight = static_cast<int64_t>(copy.evidence.size());
  boost::add_edge(s->second, t->second, copy, impl_->g);
  return true;
}

void Graph::AddDocument(const DocumentInfo& doc) {
  auto [it, inserted] = impl_->documents.emplace(doc.id, doc);
  if (!inserted) it->second.chars = std::max(it->second.chars, doc.chars);
}

void Graph::Merge(const Graph& other) {
  for (const Node& n : other.Nodes()) AddNode(n);
  for (const Edge& e : other.Edges()) AddEdge(e);
  for (const auto& [id, doc] : other.impl_->documents) AddDocument(doc);
}

size_t Graph::node_count() const { return boost::num_vertices(impl_->g); }
size_t Graph::edge_count() const { return boost::num_edges(impl_->g); }

const Node* Graph::FindNode(const std::string& id) const {
  const auto it = impl_->index.find(id);
  return it == impl_->index.end() ? nullptr : &impl_->g[it->second];
}

std::vector<Node> Graph::Nodes() const {
  std::vector<Node> out;
  out.reserve(node_count());
  for (auto [v, end] = boost::vertices(impl_->g); v != end; ++v) out.push_back(impl_->g[*v]);
  std::sort(out.begin(), out.end(), [](const Node& a, const Node& b) { return a.id < b.id; });
  return out;
}

std::vector<Edge> Graph::Edges() const {
  std::vector<Edge> out;
  out.reserve(edge_count());
  for (auto [e, end] = boost::edges(impl_->g); e != end; ++e) out.push_back(impl_->g[*e]);
  std::sort(out.begin(), out.end(), EdgeLess);
  return out;
}

std::vector<DocumentInfo> Graph::Documents() const {
  std::vector<DocumentInfo> out;
  for (const auto& [id, doc] : impl_->documents) out.push_back(doc);
  return out;
}

BoostGraph ToBoostGraph(const Graph& graph) {
  BoostGraph g;
  std::unordered_map<std::string, BoostGraph::vertex_descriptor> index;
  for (const Node& n : graph.Nodes()) index.emplace(n.id, boost::add_vertex(n, g));
  for (const Edge& e : graph.Edges()) boost::add_edge(index.at(e.source), index.at(e.target), e, g);
  return g;
}

}  // namespace claimgraph
