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

// Merging appends to a node's lists and marks it dirty; lists are sorted
// and made unique when read (Normalize), so adding a document costs what it
// adds, not the size of what is already there.
struct Graph::Impl {
  BoostGraph g;
  std::unordered_map<std::string, BoostGraph::vertex_descriptor> index;
  std::unordered_map<std::string, BoostGraph::edge_descriptor> edge_index;  // EdgeKey -> edge
  std::map<std::string, DocumentInfo> documents;
  std::vector<BoostGraph::vertex_descriptor> dirty_nodes;
  std::vector<BoostGraph::edge_descriptor> dirty_edges;

  void Normalize();
};

namespace {

auto MentionKey(const Mention& m) {
  return std::tie(m.doc, m.start, m.end, m.rule, m.text, m.sentence, m.particle);
}
auto EvidenceKey(const Evidence& e) { return std::tie(e.doc, e.start, e.end, e.rule); }

bool MentionLess(const Mention& a, const Mention& b) { return MentionKey(a) < MentionKey(b); }
bool EvidenceLess(const Evidence& a, const Evidence& b) { return EvidenceKey(a) < EvidenceKey(b); }

template <typename T, typename Less>
void SortUnique(std::vector<T>* v, Less less) {
  std::sort(v->begin(), v->end(), less);
  v->erase(std::unique(v->begin(), v->end(), [&](const T& x, const T& y) { return !less(x, y) && !less(y, x); }),
           v->end());
}

// The identity of an edge for merging: ends, relation and attributes.
std::string EdgeKey(const Edge& e) {
  std::string key = e.source + '\x1f' + e.target + '\x1f' + e.relation;
  for (const auto& [k, v] : e.attributes) key += '\x1f' + k + '=' + v;
  return key;
}

bool EdgeLess(const Edge& a, const Edge& b) {
  return std::tie(a.source, a.target, a.relation, a.attributes) <
         std::tie(b.source, b.target, b.relation, b.attributes);
}

}  // namespace

Graph::Graph() : impl_(std::make_unique<Impl>()) {}
Graph::Graph(const Graph& other) : impl_(std::make_unique<Impl>()) { *this = other; }
Graph& Graph::operator=(const Graph& other) {
  if (this == &other) return *this;
  other.impl_->Normalize();
  auto copy = std::make_unique<Impl>();
  copy->g = other.impl_->g;
  copy->index = other.impl_->index;  // vertex descriptors are indices: still valid
  copy->documents = other.impl_->documents;
  // Edge descriptors point into the copied storage: index them anew.
  for (auto [e, end] = boost::edges(copy->g); e != end; ++e) copy->edge_index.emplace(EdgeKey(copy->g[*e]), *e);
  impl_ = std::move(copy);
  return *this;
}
Graph::Graph(Graph&&) noexcept = default;
Graph& Graph::operator=(Graph&&) noexcept = default;
Graph::~Graph() = default;

void Graph::Impl::Normalize() {
  // A node merged many times is listed many times: normalize it once.
  std::sort(dirty_nodes.begin(), dirty_nodes.end());
  dirty_nodes.erase(std::unique(dirty_nodes.begin(), dirty_nodes.end()), dirty_nodes.end());
  std::sort(dirty_edges.begin(), dirty_edges.end(),
            [](const auto& a, const auto& b) { return a.get_property() < b.get_property(); });
  dirty_edges.erase(std::unique(dirty_edges.begin(), dirty_edges.end()), dirty_edges.end());
  for (auto v : dirty_nodes) {
    Node& n = g[v];
    SortUnique(&n.aliases, std::less<std::string>());
    SortUnique(&n.mentions, MentionLess);
  }
  dirty_nodes.clear();
  for (auto e : dirty_edges) {
    Edge& edge = g[e];
    SortUnique(&edge.evidence, EvidenceLess);
    edge.weight = static_cast<int64_t>(edge.evidence.size());
  }
  dirty_edges.clear();
}

namespace {

template <typename T>
void Append(std::vector<T>* to, const std::vector<T>& from) {
  to->insert(to->end(), from.begin(), from.end());
}
template <typename T>
void Append(std::vector<T>* to, std::vector<T>&& from) {
  if (to->empty()) {
    *to = std::move(from);
  } else {
    to->insert(to->end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
  }
}

}  // namespace

// AddNode and AddEdge for a copied (const&) or a moved (&&) node or edge.
template <typename N>
void AddNodeTo(Graph::Impl& impl, N&& node) {
  auto it = impl.index.find(node.id);
  if (it == impl.index.end()) {
    std::string id = node.id;
    const auto v = boost::add_vertex(std::forward<N>(node), impl.g);
    impl.index.emplace(std::move(id), v);
    impl.dirty_nodes.push_back(v);
    return;
  }
  Node& existing = impl.g[it->second];
  // Deterministic choices keep merging commutative.
  if (existing.label.empty() || (!node.label.empty() && node.label < existing.label)) existing.label = node.label;
  if (existing.type.empty() || (!node.type.empty() && node.type < existing.type)) existing.type = node.type;
  if (existing.kind.empty()) existing.kind = node.kind;
  if (node.is_claim && !existing.is_claim) {
    existing.is_claim = true;
    existing.claim = node.claim;
  }
  Append(&existing.aliases, std::forward<N>(node).aliases);
  Append(&existing.mentions, std::forward<N>(node).mentions);
  impl.dirty_nodes.push_back(it->second);
  for (const auto& [key, value] : node.attributes) {
    auto a = existing.attributes.find(key);
    if (a == existing.attributes.end()) {
      existing.attributes.emplace(key, value);
    } else if (value < a->second) {
      a->second = value;
    }
  }
}

template <typename E>
bool AddEdgeTo(Graph::Impl& impl, E&& edge) {
  const auto s = impl.index.find(edge.source);
  const auto t = impl.index.find(edge.target);
  if (s == impl.index.end() || t == impl.index.end()) return false;
  std::string key = EdgeKey(edge);
  const auto found = impl.edge_index.find(key);
  if (found != impl.edge_index.end()) {
    Edge& existing = impl.g[found->second];
    Append(&existing.evidence, std::forward<E>(edge).evidence);
    impl.dirty_edges.push_back(found->second);
    return true;
  }
  const auto e = boost::add_edge(s->second, t->second, std::forward<E>(edge), impl.g).first;
  impl.edge_index.emplace(std::move(key), e);
  impl.dirty_edges.push_back(e);
  return true;
}

void Graph::AddNode(const Node& node) { AddNodeTo(*impl_, node); }
void Graph::AddNode(Node&& node) { AddNodeTo(*impl_, std::move(node)); }
bool Graph::AddEdge(const Edge& edge) { return AddEdgeTo(*impl_, edge); }
bool Graph::AddEdge(Edge&& edge) { return AddEdgeTo(*impl_, std::move(edge)); }

void Graph::AddDocument(const DocumentInfo& doc) {
  auto [it, inserted] = impl_->documents.emplace(doc.id, doc);
  if (!inserted) it->second.chars = std::max(it->second.chars, doc.chars);
}

void Graph::Merge(const Graph& other) {
  // In storage order: the result does not depend on the order of merging.
  const BoostGraph& g = other.impl_->g;
  for (auto [v, end] = boost::vertices(g); v != end; ++v) AddNode(g[*v]);
  for (auto [e, end] = boost::edges(g); e != end; ++e) AddEdge(g[*e]);
  for (const auto& [id, doc] : other.impl_->documents) AddDocument(doc);
}

void Graph::Merge(Graph&& other) {
  if (node_count() == 0 && impl_->documents.empty()) {
    *this = std::move(other);
    other = Graph();
    return;
  }
  BoostGraph& g = other.impl_->g;
  for (auto [v, end] = boost::vertices(g); v != end; ++v) AddNode(std::move(g[*v]));
  for (auto [e, end] = boost::edges(g); e != end; ++e) AddEdge(std::move(g[*e]));
  for (const auto& [id, doc] : other.impl_->documents) AddDocument(doc);
  other = Graph();
}

size_t Graph::node_count() const { return boost::num_vertices(impl_->g); }
size_t Graph::edge_count() const { return boost::num_edges(impl_->g); }

const Node* Graph::FindNode(const std::string& id) const {
  impl_->Normalize();
  const auto it = impl_->index.find(id);
  return it == impl_->index.end() ? nullptr : &impl_->g[it->second];
}

void Graph::ForEachNode(const std::function<void(const Node&)>& visit) const {
  impl_->Normalize();
  std::vector<const Node*> nodes;
  nodes.reserve(node_count());
  for (auto [v, end] = boost::vertices(impl_->g); v != end; ++v) nodes.push_back(&impl_->g[*v]);
  std::sort(nodes.begin(), nodes.end(), [](const Node* a, const Node* b) { return a->id < b->id; });
  for (const Node* n : nodes) visit(*n);
}

void Graph::ForEachEdge(const std::function<void(const Edge&)>& visit) const {
  impl_->Normalize();
  std::vector<const Edge*> edges;
  edges.reserve(edge_count());
  for (auto [e, end] = boost::edges(impl_->g); e != end; ++e) edges.push_back(&impl_->g[*e]);
  std::sort(edges.begin(), edges.end(), [](const Edge* a, const Edge* b) { return EdgeLess(*a, *b); });
  for (const Edge* e : edges) visit(*e);
}

std::vector<Node> Graph::Nodes() const {
  std::vector<Node> out;
  out.reserve(node_count());
  ForEachNode([&](const Node& n) { out.push_back(n); });
  return out;
}

std::vector<Edge> Graph::Edges() const {
  std::vector<Edge> out;
  out.reserve(edge_count());
  ForEachEdge([&](const Edge& e) { out.push_back(e); });
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
