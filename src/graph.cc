// SPDX-License-Identifier: Apache-2.0
// The Graph facade. Storage is compact, because a graph over a large corpus
// holds millions of mentions and evidence spans: strings that repeat
// (kinds, types, labels, document ids, rules, surfaces, relations,
// attributes) are interned once and records hold 32-bit indices, and so are
// lists that repeat (attribute lists, a mention's rule and particle); node
// ids and claim texts live in a string arena; a claim's label is derived
// from its text; an edge's single evidence span is held in place; nodes and
// edges are records in deques (no reallocation spikes), found through hash
// indices. Node and Edge values are materialized only when read. Merging
// picks deterministic winners (unions, minimums) so that it is associative
// and commutative.
#include "claimgraph/graph.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <algorithm>
#include <atomic>
#include <deque>
#include <memory>
#include <stdexcept>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <utility>

#include "claimgraph/boost_graph.h"
#include "graph_appender.h"
#include "graph_records.h"
#include "internal/string_pool.h"

namespace claimgraph {

using internal::AttrRecs;
using internal::ClaimRec;
using internal::EdgeRec;
using internal::EntityLists;
using internal::EvidenceRec;
using internal::IdHash;
using internal::kEllipsis;
using internal::kNone;
using internal::LabelOf;
using internal::MentionRec;
using internal::Mix;
using internal::NodeRec;

namespace {

// Appends `from` to `to`. The lists of frequent entities grow to millions
// of mentions, a few at a time: growing by a quarter instead of doubling
// leaves 12 % unused on average instead of about 40 %, for a few more
// (amortized) copies.
template <typename T>
void Append(std::vector<T>* to, std::vector<T>&& from) {
  if (to->empty()) {
    *to = std::move(from);
    return;
  }
  const size_t size = to->size() + from.size();
  if (size > to->capacity()) to->reserve(std::max(size, to->capacity() + to->capacity() / 4 + 4));
  to->insert(to->end(), from.begin(), from.end());
}

// Appends the ids of `from` that `to` lacks. Alias lists are short (a
// gazetteer entry's names and the surface forms seen), and every mention
// of an entity brings them again: without this, an entity mentioned a
// million times would hold millions of copies until the next SortAppended.
void Unite(std::vector<uint32_t>* to, const std::vector<uint32_t>& from) {
  for (uint32_t id : from) {
    if (std::find(to->begin(), to->end(), id) == to->end()) to->push_back(id);
  }
}

// Returns a list's unused capacity (up to half of it after appends) when
// it is large enough to matter.
template <typename T>
void ShrinkSlack(std::vector<T>* v) {
  if (v->capacity() - v->size() > 16 && v->capacity() > v->size() + v->size() / 8) v->shrink_to_fit();
}

// Gives the pages of freed memory back to the system. A moving merge of two
// large graphs frees the records of one as the other grows; when the graphs
// were built on different threads, glibc keeps the freed memory in the
// builder's arena, unused by the merging thread, unless asked. (Under
// jemalloc, the claimgraph executable's allocator, glibc's arenas are idle
// and this costs nothing; jemalloc returns unused pages itself.)
void ReturnFreedMemory() {
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

size_t EdgeHash(const EdgeRec& e) {
  return Mix(Mix(Mix(Mix(0, e.source), e.target), e.relation), e.attributes);
}

bool SameEdge(const EdgeRec& a, const EdgeRec& b) {
  return a.source == b.source && a.target == b.target && a.relation == b.relation && a.attributes == b.attributes;
}

// A document's sentence spans as bytes: for each, the zigzag LEB128 varints
// of (start - the previous end) and (end - start). About three bytes a
// sentence, where two int64 would take sixteen: a graph keeps the
// sentences of every document of a corpus.
void AppendVarint(std::string* out, int64_t v) {
  uint64_t z = (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63);
  while (z >= 0x80) {
    out->push_back(static_cast<char>((z & 0x7F) | 0x80));
    z >>= 7;
  }
  out->push_back(static_cast<char>(z));
}

std::string EncodeSentences(const std::vector<SentenceSpan>& sentences) {
  std::string out;
  int64_t previous_end = 0;
  for (const SentenceSpan& s : sentences) {
    AppendVarint(&out, s.start - previous_end);
    AppendVarint(&out, s.end - s.start);
    previous_end = s.end;
  }
  return out;
}

std::vector<SentenceSpan> DecodeSentences(std::string_view bytes) {
  std::vector<SentenceSpan> out;
  size_t i = 0;
  auto next = [&]() {
    uint64_t z = 0;
    for (int shift = 0; i < bytes.size() && shift < 64; shift += 7) {
      const auto b = static_cast<unsigned char>(bytes[i++]);
      z |= static_cast<uint64_t>(b & 0x7F) << shift;
      if (b < 0x80) break;
    }
    return static_cast<int64_t>((z >> 1) ^ (~(z & 1) + 1));
  };
  int64_t previous_end = 0;
  while (i < bytes.size()) {
    SentenceSpan s;
    s.start = previous_end + next();
    s.end = s.start + next();
    previous_end = s.end;
    out.push_back(s);
  }
  return out;
}

}  // namespace


// Sets `n`'s label: derived from its claim text when it is the text's
// start, else interned.
void Graph::Impl::SetLabel(NodeRec* n, std::string_view label) {
  n->label_derived = false;
  n->label_ellipsis = false;
  n->label = 0;
  if (n->is_claim) {
    const std::string_view text = n->claim.text;
    const bool ellipsis = label.size() >= kEllipsis.size() && label.substr(label.size() - kEllipsis.size()) == kEllipsis;
    const std::string_view start = ellipsis ? label.substr(0, label.size() - kEllipsis.size()) : label;
    if (text.substr(0, start.size()) == start && (ellipsis || start.size() == text.size())) {
      n->label_derived = true;
      n->label = static_cast<uint32_t>(start.size());
      n->label_ellipsis = ellipsis;
      return;
    }
  }
  n->label = pool.Intern(label);  // entity labels repeat; claim labels are mostly derived
}

// Adds `rec` (whose label is `label`; rec.label is ignored) as a new node,
// or merges it into the node with the same id. Views in `rec` point into
// this graph's arena when `owned`, and are copied into it when kept
// otherwise. Returns the node's index.
uint32_t Graph::Impl::AddNode(NodeRec&& rec, std::string_view label, bool owned) {
  found.clear();
  const uint32_t at = FindIndex(rec.id);
  auto keep = [&](std::string_view s) { return owned ? s : arena.Store(s); };
  if (at == kNone) {
    rec.id = keep(rec.id);
    if (rec.is_claim) rec.claim.text = keep(rec.claim.text);
    SetLabel(&rec, label);
    // Lists of one are sorted already: most nodes (claims, entities seen
    // once) never need SortAppended, nor a place in dirty_nodes.
    rec.dirty = rec.lists && (rec.lists->aliases.size() > 1 || rec.lists->mentions.size() > 1);
    const auto index = static_cast<uint32_t>(nodes.size());
    nodes.push_back(std::move(rec));
    node_index.Insert(IdHash(nodes.back().id), index, [this](uint32_t i) { return IdHash(nodes[i].id); });
    if (nodes.back().dirty) dirty_nodes.push_back(index);
    return index;
  }
  NodeRec& existing = nodes[at];
  // Deterministic choices keep merging commutative.
  std::string scratch;
  const std::string_view current = LabelOf(existing, pool, &scratch);
  if (current.empty() || (!label.empty() && label < current)) SetLabel(&existing, label);
  if (existing.type == 0 || (rec.type != 0 && StrLess(rec.type, existing.type))) existing.type = rec.type;
  // A node that is a claim on either side is a claim, kind and fields
  // together (an entity's kind kept beside a claim's fields would write a
  // node that reads back as something else); otherwise the smaller kind.
  if (rec.is_claim && !existing.is_claim) {
    existing.is_claim = true;
    existing.kind = rec.kind;
    existing.claim = rec.claim;
    existing.claim.text = keep(rec.claim.text);
  } else if (!existing.is_claim && (existing.kind == 0 || (rec.kind != 0 && StrLess(rec.kind, existing.kind)))) {
    existing.kind = rec.kind;
  }
  if (rec.lists) {
    if (!existing.lists) {
      existing.lists = std::move(rec.lists);
    } else {
      Unite(&existing.lists->aliases, rec.lists->aliases);
      Append(&existing.lists->mentions, std::move(rec.lists->mentions));
    }
  }
  if (rec.attributes != existing.attributes && rec.attributes != 0) {
    AttrRecs merged = attr_lists[existing.attributes];
    for (const auto& [key, value] : attr_lists[rec.attributes]) {
      auto a = std::lower_bound(merged.begin(), merged.end(), key,
                                [&](const auto& kv, uint32_t k) { return StrLess(kv.first, k); });
      if (a == merged.end() || a->first != key) {
        merged.insert(a, {key, value});
      } else if (StrLess(value, a->second)) {
        a->second = value;
      }
    }
    existing.attributes = InternAttributes(std::move(merged));
  }
  if (!existing.dirty) {
    existing.dirty = true;
    dirty_nodes.push_back(at);
  }
  return at;
}

// Adds `rec`, or unites its evidence with the edge of the same ends,
// relation and attributes.
void Graph::Impl::AddEdge(EdgeRec&& rec) {
  found.clear();
  EnsureEdgeIndex();
  const size_t hash = EdgeHash(rec);
  const uint32_t at = edge_index.Find(hash, [&](uint32_t i) { return SameEdge(edges[i], rec); });
  if (at != kNone) {
    EdgeRec& existing = edges[at];
    existing.evidence.Append(rec.evidence.begin(), rec.evidence.end());
    if (!existing.dirty) {
      existing.dirty = true;
      dirty_edges.push_back(at);
    }
    return;
  }
  const auto index = static_cast<uint32_t>(edges.size());
  rec.dirty = rec.evidence.size() > 1;  // one span is sorted already
  edges.push_back(std::move(rec));
  edge_index.Insert(hash, index, [this](uint32_t i) { return EdgeHash(edges[i]); });
  if (edges.back().dirty) dirty_edges.push_back(index);
}

void Graph::Impl::EnsureEdgeIndex() {
  if (!edge_index_freed) return;
  edge_index_freed = false;
  for (uint32_t i = 0; i < edges.size(); ++i) {
    edge_index.Insert(EdgeHash(edges[i]), i, [this](uint32_t k) { return EdgeHash(edges[k]); });
  }
}

// Unites `other` into this graph in its storage order (the result does not
// depend on the order of merging). With kSteal, records are moved out of
// `other` (and its arena adopted when large, below).
template <bool kSteal, typename Source>
void Graph::Impl::MergeFrom(Source& other) {
  std::vector<uint32_t> remap(other.pool.size());
  for (size_t i = 0; i < remap.size(); ++i) remap[i] = pool.Intern(other.pool[static_cast<uint32_t>(i)]);
  std::vector<uint32_t> attr_remap(other.attr_lists.size());
  for (size_t i = 0; i < attr_remap.size(); ++i) {
    AttrRecs list = other.attr_lists[i];
    for (auto& [k, v] : list) k = remap[k], v = remap[v];
    attr_remap[i] = InternAttributes(std::move(list));  // the key order is the strings': unchanged
  }
  std::vector<uint32_t> tag_remap(other.tags.size());
  for (size_t i = 0; i < tag_remap.size(); ++i) {
    tag_remap[i] = InternTag(remap[other.tags[i].first], remap[other.tags[i].second]);
  }
  std::vector<uint32_t> claim_tag_remap(other.claim_tags.size());
  for (size_t i = 0; i < claim_tag_remap.size(); ++i) {
    const internal::ClaimTag& t = other.claim_tags[i];
    claim_tag_remap[i] =
        InternClaimTag({remap[t.cue], remap[t.modality], remap[t.rule], remap[t.speaker_status], t.negated});
  }
  // Stealing takes other's arena whole (its ids, labels and claim texts are
  // not copied) when it is large, as a worker's partial graph is; the
  // strings of a small graph (one document's) are copied instead, so that
  // merging many small graphs keeps no partly used blocks.
  bool adopt = false;
  if constexpr (kSteal) adopt = other.arena.bytes() >= (size_t{1} << 20);
  if (adopt) arena.Adopt(std::move(other.arena));
  if constexpr (kSteal) {
    // `other` is emptied as its records move (a deque frees its blocks as
    // they empty), so that merging two large graphs does not hold both.
    other.node_index = internal::IndexTable();
    other.edge_index = internal::IndexTable();
    other.found.clear();
    std::vector<uint32_t>().swap(other.dirty_nodes);
    std::vector<uint32_t>().swap(other.dirty_edges);
  }
  const size_t node_total = other.nodes.size();
  std::vector<uint32_t> node_map(node_total);
  for (size_t i = 0; i < node_total; ++i) {
    NodeRec rec;
    if constexpr (kSteal) {
      rec = std::move(other.nodes.front());
    } else {
      rec = other.nodes[i];
    }
    rec.kind = remap[rec.kind];
    rec.type = remap[rec.type];
    if (rec.lists) {
      for (uint32_t& a : rec.lists->aliases) a = remap[a];
      for (MentionRec& m : rec.lists->mentions) {
        m.doc = remap[m.doc], m.text = remap[m.text], m.tag = tag_remap[m.tag];
      }
    }
    rec.attributes = attr_remap[rec.attributes];
    ClaimRec& c = rec.claim;
    c.doc = remap[c.doc], c.speaker = remap[c.speaker], c.tag = claim_tag_remap[c.tag];
    rec.dirty = false;
    std::string scratch;
    const std::string_view label = LabelOf(rec, other.pool, &scratch);
    node_map[i] = AddNode(std::move(rec), label, /*owned=*/adopt);
    if constexpr (kSteal) other.nodes.pop_front();  // after AddNode has copied what it keeps
  }
  // Only worth it (and cheap next to the merge) when `other` is large.
  const bool trim = kSteal && node_total + other.edges.size() >= (size_t{1} << 20);
  if (trim) ReturnFreedMemory();
  const size_t edge_total = other.edges.size();
  for (size_t i = 0; i < edge_total; ++i) {
    EdgeRec rec;
    if constexpr (kSteal) {
      rec = std::move(other.edges.front());
      other.edges.pop_front();
      if (trim && (i + 1) % (size_t{1} << 20) == 0) ReturnFreedMemory();
    } else {
      rec = other.edges[i];
    }
    rec.source = node_map[rec.source];
    rec.target = node_map[rec.target];
    rec.relation = remap[rec.relation];
    rec.attributes = attr_remap[rec.attributes];
    for (EvidenceRec& e : rec.evidence) e.doc = remap[e.doc], e.rule = remap[e.rule];
    rec.dirty = false;
    AddEdge(std::move(rec));
  }
  for (const auto& doc : other.documents) {
    const internal::DocMeta meta{other.pool[doc.meta.title], other.pool[doc.meta.date], other.pool[doc.meta.url],
                                 other.pool[doc.meta.lang]};
    AddDocument(other.pool[doc.id], doc.chars, doc.sentences, meta);
  }
  if (trim) ReturnFreedMemory();
}

void Graph::Impl::SortAppended(int threads) {
  auto mention_less = [this](const MentionRec& a, const MentionRec& b) {
    if (a.doc != b.doc) return Str(a.doc) < Str(b.doc);
    if (a.start != b.start) return a.start < b.start;
    if (a.end != b.end) return a.end < b.end;
    const auto& [a_rule, a_particle] = tags[a.tag];
    const auto& [b_rule, b_particle] = tags[b.tag];
    if (a_rule != b_rule) return Str(a_rule) < Str(b_rule);
    if (a.text != b.text) return Str(a.text) < Str(b.text);
    if (a.sentence != b.sentence) return a.sentence < b.sentence;
    return StrLess(a_particle, b_particle);
  };
  auto evidence_less = [this](const EvidenceRec& a, const EvidenceRec& b) {
    if (a.doc != b.doc) return Str(a.doc) < Str(b.doc);
    if (a.start != b.start) return a.start < b.start;
    if (a.end != b.end) return a.end < b.end;
    return StrLess(a.rule, b.rule);
  };
  auto node = [&](uint32_t i) {
    NodeRec& n = nodes[i];
    n.dirty = false;
    if (!n.lists) return;
    std::vector<uint32_t>& aliases = n.lists->aliases;
    std::vector<MentionRec>& mentions = n.lists->mentions;
    std::sort(aliases.begin(), aliases.end(), [this](uint32_t a, uint32_t b) { return StrLess(a, b); });
    aliases.erase(std::unique(aliases.begin(), aliases.end()), aliases.end());
    std::sort(mentions.begin(), mentions.end(), mention_less);
    mentions.erase(std::unique(mentions.begin(), mentions.end()), mentions.end());
    ShrinkSlack(&mentions);
  };
  auto edge = [&](uint32_t i) {
    EdgeRec& e = edges[i];
    e.dirty = false;
    std::sort(e.evidence.begin(), e.evidence.end(), evidence_less);
    e.evidence.Truncate(static_cast<size_t>(std::unique(e.evidence.begin(), e.evidence.end()) - e.evidence.begin()));
    e.evidence.ShrinkSlack();
  };
  // Records are independent: threads take the next one until none is left
  // (one count for both lists: nodes, then edges). Threads are worth
  // starting for many entries, not many records: a corpus's few hundred
  // entities can hold most of its mentions.
  const size_t total = dirty_nodes.size() + dirty_edges.size();
  size_t entries = 0;
  for (uint32_t i : dirty_nodes) {
    if (nodes[i].lists) entries += nodes[i].lists->mentions.size() + nodes[i].lists->aliases.size();
  }
  for (uint32_t i : dirty_edges) entries += edges[i].evidence.size();
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t k; (k = next++) < total;) {
      if (k < dirty_nodes.size()) {
        node(dirty_nodes[k]);
      } else {
        edge(dirty_edges[k - dirty_nodes.size()]);
      }
    }
  };
  std::vector<std::thread> pool;
  if (entries > 65536) {
    for (int t = 1; t < threads; ++t) pool.emplace_back(work);
  }
  work();
  for (std::thread& t : pool) t.join();
  dirty_nodes.clear();
  dirty_edges.clear();
}

namespace {

// Sorts `v` by `less`, on up to `threads` threads: cut into parts (one for
// a small `v`) sorted at once, then merged.
template <typename T, typename Less>
void SortOn(std::vector<T>* v, int threads, Less less) {
  const size_t parts = std::min<size_t>(static_cast<size_t>(std::max(threads, 1)), v->size() / 65536 + 1);
  std::vector<size_t> bounds;
  for (size_t p = 0; p <= parts; ++p) bounds.push_back(v->size() * p / parts);
  std::vector<std::thread> pool;
  for (size_t p = 1; p < parts; ++p) {
    pool.emplace_back([&, p] { std::sort(v->begin() + bounds[p], v->begin() + bounds[p + 1], less); });
  }
  std::sort(v->begin(), v->begin() + bounds[1], less);
  for (std::thread& t : pool) t.join();
  for (size_t p = 2; p < bounds.size(); ++p) {
    std::inplace_merge(v->begin(), v->begin() + bounds[p - 1], v->begin() + bounds[p], less);
  }
}

}  // namespace

std::vector<uint32_t> Graph::Impl::DocumentOrder() const {
  std::vector<uint32_t> order(documents.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<uint32_t>(i);
  std::sort(order.begin(), order.end(),
            [this](uint32_t a, uint32_t b) { return Str(documents[a].id) < Str(documents[b].id); });
  return order;
}

std::vector<uint32_t> Graph::Impl::NodeOrder(int threads) const {
  std::vector<uint32_t> order(nodes.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<uint32_t>(i);
  SortOn(&order, threads, [this](uint32_t a, uint32_t b) { return nodes[a].id < nodes[b].id; });
  return order;
}

// Edges by source id, target id, relation, then attributes (as std::map
// compares: key, then value, pair by pair). Ends compare by their place in
// `node_order` (ids are unique: the same order as comparing the ids). The
// edges are first placed by their source's place (a counting sort: a
// count a node and the 4-byte order, no key an edge), then each source's
// edges are sorted by target, relation and attributes, the sources shared
// out among the threads; most sources have a handful of edges.
std::vector<uint32_t> Graph::Impl::EdgeOrder(const std::vector<uint32_t>& node_order, int threads) const {
  std::vector<uint32_t> rank(nodes.size());
  for (size_t i = 0; i < node_order.size(); ++i) rank[node_order[i]] = static_cast<uint32_t>(i);
  // first[r]: where the edges of the source of rank r start in `order`,
  // and first[n] the end. Counted as the ends of the sources' ranges,
  // then each edge, the last first, is put just before its source's end:
  // that end moves to the source's start (and a source's edges keep the
  // order of their records).
  std::vector<uint32_t> first(nodes.size() + 1, 0);
  for (const EdgeRec& e : edges) ++first[rank[e.source]];
  for (size_t r = 1; r < first.size(); ++r) first[r] += first[r - 1];
  std::vector<uint32_t> order(edges.size());
  for (size_t i = edges.size(); i-- > 0;) order[--first[rank[edges[i].source]]] = static_cast<uint32_t>(i);
  auto less = [&](uint32_t x, uint32_t y) {
    const EdgeRec& a = edges[x];
    const EdgeRec& b = edges[y];
    if (a.target != b.target) return rank[a.target] < rank[b.target];
    if (a.relation != b.relation) return Str(a.relation) < Str(b.relation);
    if (a.attributes == b.attributes) return false;
    const AttrRecs& la = attr_lists[a.attributes];
    const AttrRecs& lb = attr_lists[b.attributes];
    return std::lexicographical_compare(
        la.begin(), la.end(), lb.begin(), lb.end(),
        [this](const auto& p, const auto& q) {
          if (p.first != q.first) return Str(p.first) < Str(q.first);
          return StrLess(p.second, q.second);
        });
  };
  // Sources [from, to) of the ranks, each source's edges sorted.
  auto sort_sources = [&](size_t from, size_t to) {
    for (size_t r = from; r < to; ++r) {
      if (first[r + 1] - first[r] > 1) std::sort(order.begin() + first[r], order.begin() + first[r + 1], less);
    }
  };
  // Parts of about equal numbers of edges, one a thread (one for a small graph).
  const size_t parts = std::min<size_t>(static_cast<size_t>(std::max(threads, 1)), edges.size() / 65536 + 1);
  std::vector<size_t> cut{0};
  for (size_t p = 1; p < parts; ++p) {
    const uint32_t edge_at = static_cast<uint32_t>(edges.size() * p / parts);
    cut.push_back(static_cast<size_t>(std::upper_bound(first.begin(), first.end() - 1, edge_at) - first.begin()) - 1);
  }
  cut.push_back(nodes.size());
  std::vector<std::thread> pool;
  for (size_t p = 1; p < parts; ++p) pool.emplace_back([&, p] { sort_sources(cut[p], cut[p + 1]); });
  sort_sources(cut[0], cut[1]);
  for (std::thread& t : pool) t.join();
  return order;
}

void Graph::Impl::Fill(const MentionRec& m, Mention* out) const {
  out->doc.assign(Str(m.doc));
  out->start = m.start;
  out->end = m.end;
  out->text.assign(Str(m.text));
  out->sentence = m.sentence;
  out->rule.assign(Str(tags[m.tag].first));
  out->particle.assign(Str(tags[m.tag].second));
}

void Graph::Impl::Fill(const NodeRec& r, Node* out, bool with_mentions) const {
  out->id.assign(r.id);
  out->kind.assign(Str(r.kind));
  if (!r.label_derived) {
    out->label.assign(Str(r.label));
  } else {
    LabelOf(r, pool, &out->label);
  }
  out->type.assign(Str(r.type));
  static const EntityLists kNoLists;
  const EntityLists& lists = r.lists ? *r.lists : kNoLists;
  out->aliases.resize(lists.aliases.size());
  for (size_t i = 0; i < lists.aliases.size(); ++i) out->aliases[i].assign(Str(lists.aliases[i]));
  out->mentions.resize(with_mentions ? lists.mentions.size() : 0);
  for (size_t i = 0; i < out->mentions.size(); ++i) Fill(lists.mentions[i], &out->mentions[i]);
  out->attributes.clear();
  for (const auto& [k, v] : attr_lists[r.attributes]) {
    out->attributes.emplace_hint(out->attributes.end(), Str(k), Str(v));
  }
  out->is_claim = r.is_claim;
  ClaimInfo& c = out->claim;
  if (!r.is_claim) {
    c = ClaimInfo();
    return;
  }
  const internal::ClaimTag& tag = TagOf(r.claim);
  c.text.assign(r.claim.text);
  c.cue.assign(Str(tag.cue));
  c.modality.assign(Str(tag.modality));
  c.negated = tag.negated;
  c.doc.assign(Str(r.claim.doc));
  c.start = r.claim.start;
  c.end = r.claim.end;
  c.sentence = r.claim.sentence;
  c.rule.assign(Str(tag.rule));
  c.speaker.assign(Str(r.claim.speaker));
  c.speaker_status.assign(Str(tag.speaker_status));
}

void Graph::Impl::Fill(const EdgeRec& r, Edge* out) const {
  out->source.assign(nodes[r.source].id);
  out->target.assign(nodes[r.target].id);
  out->relation.assign(Str(r.relation));
  out->weight = static_cast<int64_t>(r.evidence.size());
  out->evidence.resize(r.evidence.size());
  for (size_t i = 0; i < r.evidence.size(); ++i) {
    const EvidenceRec& e = r.evidence.begin()[i];
    out->evidence[i].doc.assign(Str(e.doc));
    out->evidence[i].start = e.start;
    out->evidence[i].end = e.end;
    out->evidence[i].rule.assign(Str(e.rule));
  }
  out->attributes.clear();
  for (const auto& [k, v] : attr_lists[r.attributes]) {
    out->attributes.emplace_hint(out->attributes.end(), Str(k), Str(v));
  }
}

Graph::Graph() : impl_(std::make_unique<Impl>()) {}
Graph::Graph(const Graph& other) : impl_(std::make_unique<Impl>()) { impl_->MergeFrom<false>(*other.impl_); }
Graph& Graph::operator=(const Graph& other) {
  if (this == &other) return *this;
  auto copy = std::make_unique<Impl>();
  copy->MergeFrom<false>(*other.impl_);
  impl_ = std::move(copy);
  return *this;
}
Graph::Graph(Graph&&) noexcept = default;
Graph& Graph::operator=(Graph&&) noexcept = default;
Graph::~Graph() = default;

void Graph::AddNode(const Node& node) {
  Impl& impl = *impl_;
  auto& pool = impl.pool;
  NodeRec rec;
  rec.id = node.id;
  rec.kind = pool.Intern(node.kind);
  rec.type = pool.Intern(node.type);
  if (!node.aliases.empty() || !node.mentions.empty()) {
    EntityLists& lists = rec.Lists();
    lists.aliases.reserve(node.aliases.size());
    for (const std::string& a : node.aliases) lists.aliases.push_back(pool.Intern(a));
    lists.mentions.reserve(node.mentions.size());
  }
  for (const Mention& m : node.mentions) {
    rec.lists->mentions.push_back(
        impl.InternMention(pool.Intern(m.doc), m.start, m.end, m.text, m.sentence, m.rule, m.particle));
  }
  rec.attributes = impl.InternAttributes(node.attributes);
  rec.is_claim = node.is_claim;
  if (node.is_claim) rec.claim = impl.InternClaim(pool.Intern(node.claim.doc), node.claim);
  impl.AddNode(std::move(rec), node.label, /*owned=*/false);
}
void Graph::AddNode(Node&& node) { AddNode(static_cast<const Node&>(node)); }

bool Graph::AddEdge(const Edge& edge) {
  Impl& impl = *impl_;
  EdgeRec rec;
  rec.source = impl.FindIndex(edge.source);
  rec.target = impl.FindIndex(edge.target);
  if (rec.source == kNone || rec.target == kNone) return false;
  rec.relation = impl.pool.Intern(edge.relation);
  rec.attributes = impl.InternAttributes(edge.attributes);
  for (const Evidence& e : edge.evidence) {
    rec.evidence.push_back(
        {internal::Offset32(e.start), internal::Offset32(e.end), impl.pool.Intern(e.doc), impl.pool.Intern(e.rule)});
  }
  impl.AddEdge(std::move(rec));
  return true;
}
bool Graph::AddEdge(Edge&& edge) { return AddEdge(static_cast<const Edge&>(edge)); }

void Graph::FreeEdgeIndex() {
  impl_->edge_index = internal::IndexTable();
  impl_->edge_index_freed = true;
}

void Graph::AddDocument(const DocumentInfo& doc) {
  impl_->AddDocument(doc.id, doc.chars, {}, {doc.title, doc.date, doc.url, doc.lang});
}

namespace internal {

GraphAppender::GraphAppender(Graph* graph, std::string_view doc_id, int64_t chars, const DocMeta& meta)
    : impl_(*graph->impl_),
      doc_(impl_.pool.Intern(doc_id)),
      entity_kind_(impl_.pool.Intern("entity")),
      claim_kind_(impl_.pool.Intern("claim")) {
  impl_.AddDocument(doc_id, chars, {}, meta);
}

uint32_t GraphAppender::Intern(std::string_view s) { return impl_.pool.Intern(s); }

void GraphAppender::SetSentences(const std::vector<SentenceSpan>& sentences) {
  impl_.AddDocument(impl_.Str(doc_), 0, EncodeSentences(sentences));
}

uint32_t GraphAppender::InternAttributes(const std::vector<std::pair<std::string_view, std::string_view>>& sorted) {
  return impl_.InternAttributes(sorted);
}

// As Graph::AddNode does with an entity Node.
uint32_t GraphAppender::AddEntity(std::string_view id, std::string_view label, std::string_view type,
                                  const std::vector<std::string_view>& aliases, uint32_t attributes,
                                  const std::vector<MentionIn>& mentions) {
  auto& pool = impl_.pool;
  NodeRec rec;
  rec.id = id;
  rec.kind = entity_kind_;
  rec.type = pool.Intern(type);
  if (!aliases.empty() || !mentions.empty()) {
    EntityLists& lists = rec.Lists();
    lists.aliases.reserve(aliases.size());
    for (std::string_view a : aliases) lists.aliases.push_back(pool.Intern(a));
    lists.mentions.reserve(mentions.size());
    for (const MentionIn& m : mentions) {
      lists.mentions.push_back(impl_.InternMention(doc_, m.start, m.end, m.text, m.sentence, m.rule, m.particle));
    }
  }
  rec.attributes = attributes;
  return impl_.AddNode(std::move(rec), label, /*owned=*/false);
}

// As Graph::AddNode does with a claim Node.
uint32_t GraphAppender::AddClaim(std::string_view id, std::string_view label, uint32_t attributes,
                                 const ClaimIn& claim) {
  NodeRec rec;
  rec.id = id;
  rec.kind = claim_kind_;
  rec.attributes = attributes;
  rec.is_claim = true;
  rec.claim = impl_.InternClaim(doc_, claim);
  return impl_.AddNode(std::move(rec), label, /*owned=*/false);
}

std::string_view GraphAppender::NodeId(uint32_t index) const { return impl_.nodes[index].id; }

void GraphAppender::AddEdge(uint32_t source, uint32_t target, uint32_t relation, uint32_t attributes, int64_t start,
                            int64_t end, uint32_t rule) {
  EdgeRec rec;
  rec.source = source;
  rec.target = target;
  rec.relation = relation;
  rec.attributes = attributes;
  rec.evidence.push_back({Offset32(start), Offset32(end), doc_, rule});
  impl_.AddEdge(std::move(rec));
}

}  // namespace internal

void Graph::Merge(const Graph& other) {
  if (this == &other) return;  // a graph united with itself is itself
  impl_->MergeFrom<false>(*other.impl_);
}

void Graph::Merge(Graph&& other) {
  if (this == &other) return;
  if (node_count() == 0 && edge_count() == 0 && impl_->documents.empty()) {
    *this = std::move(other);
  } else {
    impl_->MergeFrom<true>(*other.impl_);
  }
  other = Graph();
}

size_t Graph::node_count() const { return impl_->nodes.size(); }
size_t Graph::edge_count() const { return impl_->edges.size(); }
size_t Graph::claim_count() const {
  size_t claims = 0;
  for (const NodeRec& n : impl_->nodes) claims += n.is_claim ? 1 : 0;
  return claims;
}

const Node* Graph::FindNode(const std::string& id) const {
  Impl& impl = *impl_;
  impl.SortAppended();
  const uint32_t at = impl.FindIndex(id);
  if (at == kNone) return nullptr;
  std::unique_ptr<Node>& slot = impl.found[at];
  if (!slot) {
    slot = std::make_unique<Node>();
    impl.Fill(impl.nodes[at], slot.get());
  }
  return slot.get();
}

std::optional<std::string> Graph::NodeType(const std::string& id) const {
  const uint32_t at = impl_->FindIndex(id);
  if (at == kNone) return std::nullopt;
  return std::string(impl_->Str(impl_->nodes[at].type));
}

void Graph::ForEachNode(const std::function<void(const Node&)>& visit) const {
  impl_->SortAppended();
  Node node;  // reused: its strings and lists keep their capacity
  for (uint32_t i : impl_->NodeOrder(1)) {
    impl_->Fill(impl_->nodes[i], &node);
    visit(node);
  }
}

void Graph::ForEachKeyedEdge(const std::function<void(const Edge&, int key)>& visit) const {
  impl_->SortAppended();
  Edge edge;
  int key = 0;
  const EdgeRec* before = nullptr;
  for (uint32_t i : impl_->EdgeOrder(impl_->NodeOrder(1), 1)) {
    const EdgeRec& e = impl_->edges[i];
    key = before != nullptr && e.source == before->source && e.target == before->target ? key + 1 : 0;
    before = &e;
    impl_->Fill(e, &edge);
    visit(edge, key);
  }
}


void Graph::ForEachEdge(const std::function<void(const Edge&)>& visit) const {
  ForEachKeyedEdge([&](const Edge& e, int) { visit(e); });
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

std::vector<SentenceSpan> Graph::Sentences(const std::string& id) const {
  const uint32_t key = impl_->pool.Find(id);
  const uint32_t at = key == kNone || id.empty() ? kNone : impl_->document_index.Find(key, [&](uint32_t i) {
    return impl_->documents[i].id == key;
  });
  if (at == kNone) return {};
  return DecodeSentences(impl_->documents[at].sentences);
}

std::vector<DocumentInfo> Graph::Documents() const {
  std::vector<DocumentInfo> out;
  out.reserve(impl_->documents.size());
  for (uint32_t i : impl_->DocumentOrder()) {
    const auto& doc = impl_->documents[i];
    out.push_back({std::string(impl_->Str(doc.id)), doc.chars, std::string(impl_->Str(doc.meta.title)),
                   std::string(impl_->Str(doc.meta.date)), std::string(impl_->Str(doc.meta.url)),
                   std::string(impl_->Str(doc.meta.lang))});
  }
  return out;
}

BoostGraph ToBoostGraph(const Graph& graph) {
  BoostGraph g;
  std::unordered_map<std::string, BoostGraph::vertex_descriptor> index;
  graph.ForEachNode([&](const Node& n) { index.emplace(n.id, boost::add_vertex(n, g)); });
  graph.ForEachEdge([&](const Edge& e) { boost::add_edge(index.at(e.source), index.at(e.target), e, g); });
  return g;
}

}  // namespace claimgraph
