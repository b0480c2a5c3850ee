// SPDX-License-Identifier: Apache-2.0
// The graph's storage: compact records (strings interned in a pool, node
// ids and claim texts in an arena, 32-bit indices) and Graph::Impl, which
// holds them. graph.cc builds, merges and reads them; the few private
// readers that need more than the Graph facade (GraphAppender, which a
// build appends through, and the writers' sorted views, write_order.h)
// include this header.
#ifndef CLAIMGRAPH_GRAPH_RECORDS_H_
#define CLAIMGRAPH_GRAPH_RECORDS_H_

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <deque>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "claimgraph/graph.h"
#include "graph_appender.h"
#include "internal/string_pool.h"

namespace claimgraph {
namespace internal {

constexpr uint32_t kNone = IndexTable::kNone;

// A code-point offset as records keep it: 32 bits, as a document is at most
// 4 GiB (ReadOptions::max_document_bytes) and so has fewer code points.
// Throws std::out_of_range for one outside [0, 2^32) (the readers refuse
// such files first; only a library caller can pass one).
inline uint32_t Offset32(int64_t offset) {
  if (offset < 0 || offset > static_cast<int64_t>(UINT32_MAX)) {
    throw std::out_of_range("offset " + std::to_string(offset) + " is outside 0..4294967295");
  }
  return static_cast<uint32_t>(offset);
}

struct MentionRec {
  uint32_t start = 0;
  uint32_t end = 0;
  uint32_t doc = 0;
  uint32_t text = 0;
  uint32_t tag = 0;  // the (rule, particle) pair, interned: few distinct pairs
  int32_t sentence = 0;
  bool operator==(const MentionRec& o) const {
    return start == o.start && end == o.end && doc == o.doc && text == o.text && tag == o.tag &&
           sentence == o.sentence;
  }
};
static_assert(sizeof(MentionRec) == 24, "MentionRec is meant to stay at 24 bytes");

struct EvidenceRec {  // trivial: EvidenceList keeps one in place, or a block's address in its bytes
  uint32_t start;
  uint32_t end;
  uint32_t doc;
  uint32_t rule;
  bool operator==(const EvidenceRec& o) const {
    return start == o.start && end == o.end && doc == o.doc && rule == o.rule;
  }
};

// An edge's evidence spans, in 16 bytes. Most edges of a large graph (a
// claim's speaker, medium, mentions and topic) have exactly one, and hold
// it in place: a one-span edge makes no allocation. More spans live in a
// heap block whose first record holds its capacity; the 16 bytes then hold
// the block's address (where start and end were), the count (in doc) and
// kHeap in place of a rule id. No span is written with kHeap or kEmpty as
// its rule: they are pool ids no graph reaches (Append checks).
class EvidenceList {
 public:
  EvidenceList() = default;
  EvidenceList(const EvidenceList& o) { Append(o.begin(), o.end()); }
  EvidenceList(EvidenceList&& o) noexcept : rep_(o.rep_) { o.rep_ = kNoSpan; }
  EvidenceList& operator=(const EvidenceList& o) {
    if (this != &o) {
      Free();
      Append(o.begin(), o.end());
    }
    return *this;
  }
  EvidenceList& operator=(EvidenceList&& o) noexcept {
    if (this != &o) {
      Free();
      rep_ = o.rep_;
      o.rep_ = kNoSpan;
    }
    return *this;
  }
  ~EvidenceList() { Free(); }

  size_t size() const { return OnHeap() ? rep_.doc : rep_.rule == kEmpty ? 0 : 1; }
  EvidenceRec* begin() { return OnHeap() ? Block() + 1 : &rep_; }
  EvidenceRec* end() { return begin() + size(); }
  const EvidenceRec* begin() const { return OnHeap() ? Block() + 1 : &rep_; }
  const EvidenceRec* end() const { return begin() + size(); }

  void Append(const EvidenceRec* first, const EvidenceRec* last) {
    const size_t n = static_cast<size_t>(last - first);
    if (n == 0) return;
    for (const EvidenceRec* e = first; e != last; ++e) {
      if (e->rule >= kHeap) throw std::length_error("an evidence rule id past the pool's limit");
    }
    const size_t old = size();
    if (old + n > UINT32_MAX) throw std::length_error("an edge's evidence exceeds 2^32 spans");
    if (old == 0 && n == 1) {
      rep_ = *first;
      return;
    }
    if (old + n > Capacity()) Resize(std::max(old + n, Capacity() * 2));
    std::copy(first, last, Block() + 1 + old);
    rep_.doc = static_cast<uint32_t>(old + n);
  }
  void push_back(const EvidenceRec& e) { Append(&e, &e + 1); }
  // Keeps the first `n` spans (after std::unique).
  void Truncate(size_t n) {
    if (n >= size()) return;
    if (OnHeap()) {
      rep_.doc = static_cast<uint32_t>(n);
    } else {
      rep_ = kNoSpan;  // n == 0
    }
  }
  // Gives back unused capacity when it is large enough to matter.
  void ShrinkSlack() {
    const size_t n = size();
    const size_t capacity = Capacity();
    if (!OnHeap() || capacity - n <= 16 || capacity <= n + n / 8) return;
    Resize(n);
  }

 private:
  static constexpr uint32_t kHeap = UINT32_MAX;
  static constexpr uint32_t kEmpty = UINT32_MAX - 1;
  static constexpr EvidenceRec kNoSpan{0, 0, 0, kEmpty};

  bool OnHeap() const { return rep_.rule == kHeap; }
  EvidenceRec* Block() const {
    EvidenceRec* block;
    std::memcpy(&block, &rep_, sizeof block);
    return block;
  }
  size_t Capacity() const { return OnHeap() ? Block()->start : 1; }
  // Moves the spans to a heap block for `capacity` (at least 2) of them.
  void Resize(size_t capacity) {
    capacity = std::max<size_t>(capacity, 2);
    if (capacity > UINT32_MAX) throw std::length_error("an edge's evidence exceeds 2^32 spans");
    const size_t n = size();
    auto* block = new EvidenceRec[capacity + 1];
    block[0] = {static_cast<uint32_t>(capacity), 0, 0, 0};
    std::copy(begin(), end(), block + 1);
    Free();
    static_assert(sizeof block <= 2 * sizeof(uint32_t), "a block's address fits in start and end");
    std::memcpy(&rep_, &block, sizeof block);
    rep_.doc = static_cast<uint32_t>(n);
    rep_.rule = kHeap;
  }
  void Free() {
    if (OnHeap()) delete[] Block();
    rep_ = kNoSpan;
  }

  EvidenceRec rep_ = kNoSpan;
};
static_assert(sizeof(EvidenceList) == 16, "EvidenceList is meant to stay at 16 bytes");

// (key, value) pool indices, in the order of the key strings (a map's
// order). Attribute lists repeat (a rank, a category, a claim's date), so
// records name them by an index into the graph's interned lists; 0 is the
// empty list.
using AttrRecs = std::vector<std::pair<uint32_t, uint32_t>>;

// A claim's fields of few distinct values (cue, modality, rule, speaker
// status, negation), interned together as one tuple: a corpus has
// millions of claims and a few hundred such tuples.
struct ClaimTag {
  uint32_t cue = 0;
  uint32_t modality = 0;
  uint32_t rule = 0;
  uint32_t speaker_status = 0;
  bool negated = false;
  bool operator==(const ClaimTag& o) const {
    return cue == o.cue && modality == o.modality && rule == o.rule && speaker_status == o.speaker_status &&
           negated == o.negated;
  }
};

struct ClaimRec {
  std::string_view text;  // in the arena
  uint32_t start = 0;     // code points, as Offset32 keeps them
  uint32_t end = 0;
  uint32_t doc = 0;
  uint32_t speaker = 0;
  uint32_t tag = 0;  // the ClaimTag, interned (Graph::Impl::claim_tags)
  int32_t sentence = 0;
};
static_assert(sizeof(ClaimRec) == 40, "ClaimRec is meant to stay at 40 bytes");

// An entity's aliases and mentions; claims (most nodes of a large graph)
// have none and do without the two lists.
struct EntityLists {
  std::vector<uint32_t> aliases;
  std::vector<MentionRec> mentions;
};

// Attribute lists are named by 28 bits in node and edge records.
constexpr uint32_t kMaxAttributeLists = 1u << 28;

struct NodeRec {
  std::string_view id;  // in the arena
  // A pool id; or, when label_derived, the label is the first `label` bytes
  // of the claim text (as a claim's label is), plus "…" if label_ellipsis,
  // and is not stored.
  uint32_t label = 0;
  uint32_t kind = 0;
  uint32_t type = 0;
  uint32_t attributes : 28;  // interned attribute list (below kMaxAttributeLists)
  uint32_t label_derived : 1;
  uint32_t label_ellipsis : 1;
  uint32_t is_claim : 1;
  uint32_t dirty : 1;  // lists appended to since the last SortAppended
  ClaimRec claim;
  std::unique_ptr<EntityLists> lists;  // null while both are empty

  NodeRec() : attributes(0), label_derived(0), label_ellipsis(0), is_claim(0), dirty(0) {}
  NodeRec(NodeRec&&) = default;
  NodeRec& operator=(NodeRec&&) = default;
  NodeRec(const NodeRec& o)
      : id(o.id), label(o.label), kind(o.kind), type(o.type), attributes(o.attributes),
        label_derived(o.label_derived), label_ellipsis(o.label_ellipsis), is_claim(o.is_claim), dirty(o.dirty),
        claim(o.claim), lists(o.lists ? std::make_unique<EntityLists>(*o.lists) : nullptr) {}
  NodeRec& operator=(const NodeRec& o) { return *this = NodeRec(o); }

  EntityLists& Lists() {
    if (!lists) lists = std::make_unique<EntityLists>();
    return *lists;
  }
};
// (Most nodes of a corpus's graph are claims: 4.7 million at 1 GB.)
static_assert(sizeof(NodeRec) == 80, "NodeRec is meant to stay at 80 bytes");

inline constexpr std::string_view kEllipsis = "…";

// The node's label as a string (derived labels are rebuilt); `pool` holds
// the stored ones.
inline std::string_view LabelOf(const NodeRec& r, const StringPool& pool, std::string* scratch) {
  if (!r.label_derived) return pool[r.label];
  scratch->assign(r.claim.text.substr(0, r.label));
  if (r.label_ellipsis) scratch->append(kEllipsis);
  return *scratch;
}

// A document's metadata (DocMeta) as the graph keeps it: pool ids, 0 for "".
struct DocMetaIds {
  uint32_t title = 0, date = 0, url = 0, lang = 0;
};

struct EdgeRec {
  uint32_t source = 0;  // node indices
  uint32_t target = 0;
  uint32_t relation = 0;
  uint32_t attributes : 31;  // interned attribute list (below kMaxAttributeLists)
  uint32_t dirty : 1;        // evidence appended to since the last SortAppended
  EvidenceList evidence;
  EdgeRec() : attributes(0), dirty(0) {}
};
// (A corpus's graph has about three edges a claim: 14 million at 1 GB.)
static_assert(sizeof(EdgeRec) == 32, "EdgeRec is meant to stay at 32 bytes");

inline size_t Mix(size_t h, size_t v) { return h ^ (v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2)); }

inline size_t IdHash(std::string_view id) { return std::hash<std::string_view>()(id); }

}  // namespace internal

struct Graph::Impl {
  using AttrRecs = internal::AttrRecs;
  using ClaimRec = internal::ClaimRec;
  using EdgeRec = internal::EdgeRec;
  using MentionRec = internal::MentionRec;
  using NodeRec = internal::NodeRec;
  static constexpr uint32_t kNone = internal::kNone;

  internal::StringPool pool;
  internal::StringArena arena;
  std::deque<NodeRec> nodes;
  std::deque<EdgeRec> edges;
  internal::IndexTable node_index;  // by id
  internal::IndexTable edge_index;  // by ends, relation and attributes
  bool edge_index_freed = false;    // Graph::FreeEdgeIndex: rebuilt by the next AddEdge
  std::deque<AttrRecs> attr_lists{AttrRecs()};
  internal::IndexTable attr_index;
  std::deque<std::pair<uint32_t, uint32_t>> tags{{0, 0}};  // mentions' (rule, particle); 0 is ("", "")
  internal::IndexTable tag_index;
  std::deque<internal::ClaimTag> claim_tags{internal::ClaimTag()};  // 0 is all ""
  internal::IndexTable claim_tag_index;
  // Documents by pool id (a corpus has hundreds of thousands: 16 bytes each
  // and an index slot, not a map node with two strings).
  struct DocRec {
    uint32_t id;
    int64_t chars;
    // The sentence spans, as EncodeSentences writes them (in `arena`);
    // empty when not known.
    std::string_view sentences;
    internal::DocMetaIds meta;
  };
  std::deque<DocRec> documents;
  internal::IndexTable document_index;
  std::vector<uint32_t> dirty_nodes;
  std::vector<uint32_t> dirty_edges;
  // FindNode's answers, materialized on demand; dropped when the graph changes.
  std::unordered_map<uint32_t, std::unique_ptr<Node>> found;

  uint32_t FindIndex(std::string_view id) const {
    return node_index.Find(internal::IdHash(id), [&](uint32_t i) { return nodes[i].id == id; });
  }
  std::string_view Str(uint32_t id) const { return pool[id]; }
  bool StrLess(uint32_t a, uint32_t b) const { return a != b && pool[a] < pool[b]; }

  uint32_t AddNode(NodeRec&& rec, std::string_view label, bool owned);
  void SetLabel(NodeRec* n, std::string_view label);
  void AddEdge(EdgeRec&& rec);
  // Rebuilds edge_index after Graph::FreeEdgeIndex (nothing otherwise).
  void EnsureEdgeIndex();
  // Adds document `id`, or merges it into the document of that id (the
  // larger length, and of two sentence lists the smaller encoding: the
  // same in any order of merging). `sentences` is encoded
  // (EncodeSentences) and copied into the arena.
  // Metadata merge field by field: a value fills an empty one, and of two
  // values the smaller stays.
  void AddDocument(std::string_view id, int64_t chars, std::string_view sentences = {},
                   const internal::DocMeta& meta = {}) {
    const uint32_t key = pool.Intern(id);
    const uint32_t at = document_index.Find(key, [&](uint32_t i) { return documents[i].id == key; });
    if (at != kNone) {
      DocRec& doc = documents[at];
      doc.chars = std::max(doc.chars, chars);
      if (!sentences.empty() && (doc.sentences.empty() || sentences < doc.sentences)) {
        doc.sentences = arena.Store(sentences);
      }
      for (auto [field, value] : {std::pair{&doc.meta.title, meta.title}, std::pair{&doc.meta.date, meta.date},
                                  std::pair{&doc.meta.url, meta.url}, std::pair{&doc.meta.lang, meta.lang}}) {
        if (value.empty()) continue;
        if (*field == 0 || value < Str(*field)) *field = pool.Intern(value);
      }
      return;
    }
    const auto index = static_cast<uint32_t>(documents.size());
    documents.push_back({key, chars, arena.Store(sentences),
                         {pool.Intern(meta.title), pool.Intern(meta.date), pool.Intern(meta.url), pool.Intern(meta.lang)}});
    document_index.Insert(key, index, [this](uint32_t i) { return documents[i].id; });
  }
  template <bool kSteal, typename Source>
  void MergeFrom(Source& other);
  // Sorts and dedups the lists appended to since the last call (the
  // graph's value is unchanged; readers see sorted lists). Not stage 1
  // (normalize.h), which normalizes text.
  void SortAppended(int threads = 1);
  std::vector<uint32_t> DocumentOrder() const;  // by id (ids are unique)
  std::vector<uint32_t> NodeOrder(int threads) const;
  std::vector<uint32_t> EdgeOrder(const std::vector<uint32_t>& node_order, int threads) const;
  void Fill(const NodeRec& r, Node* out, bool with_mentions = true) const;
  void Fill(const MentionRec& m, Mention* out) const;
  void Fill(const EdgeRec& r, Edge* out) const;
  // The id of an attribute list given as (key, value) strings in key order,
  // each key once (a std::map, or GraphAppender's sorted views).
  template <typename Pairs>
  uint32_t InternAttributes(const Pairs& attributes) {
    if (attributes.empty()) return 0;
    AttrRecs out;
    out.reserve(attributes.size());
    for (const auto& [k, v] : attributes) out.emplace_back(pool.Intern(k), pool.Intern(v));
    return InternAttributes(std::move(out));
  }
  // A mention's record in document `doc` (a pool id), its strings interned.
  MentionRec InternMention(uint32_t doc, int64_t start, int64_t end, std::string_view text, int sentence,
                           std::string_view rule, std::string_view particle) {
    MentionRec r;
    r.start = internal::Offset32(start);
    r.end = internal::Offset32(end);
    r.doc = doc;
    r.text = pool.Intern(text);
    r.tag = InternTag(pool.Intern(rule), pool.Intern(particle));
    r.sentence = sentence;
    return r;
  }
  // A claim's record in document `doc` from a ClaimInfo or a
  // GraphAppender::ClaimIn (the same fields), its strings interned; the
  // text is viewed, not copied.
  template <typename Claim>
  ClaimRec InternClaim(uint32_t doc, const Claim& c) {
    ClaimRec r;
    r.text = c.text;
    r.start = internal::Offset32(c.start);
    r.end = internal::Offset32(c.end);
    r.doc = doc;
    r.speaker = pool.Intern(c.speaker);
    r.tag = InternClaimTag({pool.Intern(c.cue), pool.Intern(c.modality), pool.Intern(c.rule),
                            pool.Intern(c.speaker_status), c.negated});
    r.sentence = c.sentence;
    return r;
  }
  const internal::ClaimTag& TagOf(const ClaimRec& c) const { return claim_tags[c.tag]; }
  static size_t ClaimTagHash(const internal::ClaimTag& t) {
    using internal::Mix;
    return Mix(Mix(Mix(Mix(Mix(0, t.cue), t.modality), t.rule), t.speaker_status), t.negated ? 1 : 0);
  }
  uint32_t InternClaimTag(const internal::ClaimTag& tag) {
    if (tag == internal::ClaimTag()) return 0;
    const size_t hash = ClaimTagHash(tag);
    const uint32_t at = claim_tag_index.Find(hash, [&](uint32_t i) { return claim_tags[i] == tag; });
    if (at != kNone) return at;
    const auto index = static_cast<uint32_t>(claim_tags.size());
    claim_tags.push_back(tag);
    claim_tag_index.Insert(hash, index, [&](uint32_t i) { return ClaimTagHash(claim_tags[i]); });
    return index;
  }
  uint32_t InternTag(uint32_t rule, uint32_t particle) {
    if (rule == 0 && particle == 0) return 0;
    const size_t hash = internal::Mix(internal::Mix(0, rule), particle);
    const std::pair<uint32_t, uint32_t> tag{rule, particle};
    const uint32_t at = tag_index.Find(hash, [&](uint32_t i) { return tags[i] == tag; });
    if (at != kNone) return at;
    const auto index = static_cast<uint32_t>(tags.size());
    tags.push_back(tag);
    tag_index.Insert(hash, index, [&](uint32_t i) { return internal::Mix(internal::Mix(0, tags[i].first), tags[i].second); });
    return index;
  }
  uint32_t InternAttributes(AttrRecs&& attributes) {
    if (attributes.empty()) return 0;
    auto hash_of = [](const AttrRecs& list) {
      size_t h = 0;
      for (const auto& [k, v] : list) h = internal::Mix(internal::Mix(h, k), v);
      return h;
    };
    const size_t hash = hash_of(attributes);
    const uint32_t at = attr_index.Find(hash, [&](uint32_t i) { return attr_lists[i] == attributes; });
    if (at != kNone) return at;
    if (attr_lists.size() >= internal::kMaxAttributeLists) {
      throw std::length_error("more than 2^28 distinct attribute lists");
    }
    const auto index = static_cast<uint32_t>(attr_lists.size());
    attr_lists.push_back(std::move(attributes));
    attr_index.Insert(hash, index, [&](uint32_t i) { return hash_of(attr_lists[i]); });
    return index;
  }
};

}  // namespace claimgraph

#endif  // CLAIMGRAPH_GRAPH_RECORDS_H_
