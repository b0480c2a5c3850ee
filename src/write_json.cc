// SPDX-License-Identifier: Apache-2.0
// Stage 6, write JSON: node-link JSON as ../shared/DESIGN.md specifies
// (networkx node_link_graph(data, edges="edges") loads it as a MultiDiGraph).
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <array>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <utility>
#include <vector>

#include "claimgraph/io.h"
#include "claimgraph/version.h"
#include "write_order.h"
#include "write_common.h"

namespace claimgraph {
namespace internal {

namespace {

template <typename W>
void Str(W& w, std::string_view s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }
// A key of the format, its length known when compiled (RapidJSON's Key(const
// char*) counts the bytes of every key it writes, a byte at a time).
template <typename W, size_t N>
void Key(W& w, const char (&key)[N]) { w.Key(key, static_cast<rapidjson::SizeType>(N - 1)); }
}  // namespace

// (M is Mention or MentionView, E is Edge or EdgeView, and so on: the
// same fields.)
template <typename W, typename M>
void WriteMentionJson(W& w, const M& m) {
  w.StartObject();
  Key(w, "doc"); Str(w, m.doc);
  Key(w, "start"); w.Int64(m.start);
  Key(w, "end"); w.Int64(m.end);
  Key(w, "text"); Str(w, m.text);
  Key(w, "sentence"); w.Int(m.sentence);
  Key(w, "rule"); Str(w, m.rule);
  if (!m.particle.empty()) { Key(w, "particle"); Str(w, m.particle); }
  w.EndObject();
}

template <typename W>
void WriteMentionsJson(W& w, const std::vector<Mention>& mentions) {
  w.StartArray();
  for (const Mention& m : mentions) WriteMentionJson(w, m);
  w.EndArray();
}

template <typename W, typename Spans>
void WriteEvidenceJson(W& w, const Spans& evidence) {
  w.StartArray();
  for (const auto& e : evidence) {
    w.StartObject();
    Key(w, "doc"); Str(w, e.doc);
    Key(w, "start"); w.Int64(e.start);
    Key(w, "end"); w.Int64(e.end);
    Key(w, "rule"); Str(w, e.rule);
    w.EndObject();
  }
  w.EndArray();
}

template <typename F>
std::string Compact(F&& f) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  f(w);
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::string MentionsToJson(const std::vector<Mention>& mentions) {
  return Compact([&](auto& w) { WriteMentionsJson(w, mentions); });
}
std::string EvidenceToJson(const std::vector<Evidence>& evidence) {
  return Compact([&](auto& w) { WriteEvidenceJson(w, evidence); });
}
// A document as the "graph" object's documents array holds it: id, length,
// and the metadata that is not empty.
template <typename W>
void WriteDocumentJson(W& w, std::string_view id, int64_t chars, std::string_view title, std::string_view date,
                       std::string_view url, std::string_view lang) {
  w.StartObject();
  Key(w, "id"); Str(w, id);
  Key(w, "chars"); w.Int64(chars);
  for (auto [key, value] : {std::pair{"title", title}, std::pair{"date", date}, std::pair{"url", url},
                            std::pair{"lang", lang}}) {
    if (value.empty()) continue;
    w.Key(key);
    Str(w, value);
  }
  w.EndObject();
}
// The graph's documents, that array.
template <typename W>
void WriteDocumentsJson(W& w, const Graph& graph) {
  w.StartArray();
  for (const DocumentInfo& d : graph.Documents()) WriteDocumentJson(w, d.id, d.chars, d.title, d.date, d.url, d.lang);
  w.EndArray();
}
// The same array read through a writer's order (no copy of the strings).
template <typename W>
void WriteDocumentsJson(W& w, const GraphOrder& order) {
  w.StartArray();
  for (size_t i = 0; i < order.document_count(); ++i) {
    const DocumentView d = order.Document(i);
    WriteDocumentJson(w, d.id, d.chars, d.title, d.date, d.url, d.lang);
  }
  w.EndArray();
}
std::string DocumentsToJson(const Graph& graph) {
  return Compact([&](auto& w) { WriteDocumentsJson(w, graph); });
}
std::string StringsToJson(const std::vector<std::string>& strings) {
  return Compact([&](auto& w) {
    w.StartArray();
    for (const auto& s : strings) Str(w, s);
    w.EndArray();
  });
}

bool IsNodeField(const std::string& key, bool claim) {
  static const std::set<std::string> kFields = {"id", "kind", "label", "type", "aliases", "mentions"};
  static const std::set<std::string> kClaimFields = {"text", "cue", "modality", "negated", "doc", "start",
                                                     "end", "sentence", "rule", "speaker", "speaker_status"};
  return kFields.count(key) > 0 || (claim && kClaimFields.count(key) > 0);
}

std::vector<int> EdgeKeys(const std::vector<Edge>& edges) {
  std::vector<int> keys;
  for (size_t i = 0; i < edges.size(); ++i) {
    const bool parallel = i > 0 && edges[i - 1].source == edges[i].source && edges[i - 1].target == edges[i].target;
    keys.push_back(parallel ? keys.back() + 1 : 0);
  }
  return keys;
}

// Writes one node object of the node-link document; `mentions(w)` writes
// an entity's mentions array.
template <typename W, typename Mentions>
void WriteNodeObject(W& w, const Node& n, Mentions&& mentions) {
  w.StartObject();
  Key(w, "id"); Str(w, n.id);
  Key(w, "kind"); Str(w, n.kind);
  Key(w, "label"); Str(w, n.label);
  if (n.is_claim) {
    const ClaimInfo& c = n.claim;
    Key(w, "text"); Str(w, c.text);
    Key(w, "cue"); Str(w, c.cue);
    Key(w, "modality"); Str(w, c.modality);
    Key(w, "negated"); w.Bool(c.negated);
    Key(w, "doc"); Str(w, c.doc);
    Key(w, "start"); w.Int64(c.start);
    Key(w, "end"); w.Int64(c.end);
    Key(w, "sentence"); w.Int(c.sentence);
    Key(w, "rule"); Str(w, c.rule);
    Key(w, "speaker"); Str(w, c.speaker);
    Key(w, "speaker_status"); Str(w, c.speaker_status);
    for (const auto& [key, value] : n.attributes) {
      if (IsNodeField(key, /*claim=*/true)) continue;
      Str(w, key);
      Str(w, value);
    }
    w.EndObject();
    return;
  }
  Key(w, "type"); Str(w, n.type);
  Key(w, "aliases");
  w.StartArray();
  for (const auto& a : n.aliases) Str(w, a);
  w.EndArray();
  for (const auto& [key, value] : n.attributes) {
    if (IsNodeField(key, /*claim=*/false)) continue;
    Str(w, key);
    Str(w, value);
  }
  Key(w, "mentions");
  mentions(w);
  w.EndObject();
}

template <typename W>
void WriteNodeObject(W& w, const Node& n) {
  WriteNodeObject(w, n, [&](W& out) { WriteMentionsJson(out, n.mentions); });
}

// Writes one edge object; `key` tells parallel edges apart.
template <typename W, typename E>
void WriteEdgeObject(W& w, const E& e, int edge_key) {
  w.StartObject();
  Key(w, "source"); Str(w, e.source);
  Key(w, "target"); Str(w, e.target);
  Key(w, "key"); w.Int(edge_key);
  Key(w, "relation"); Str(w, e.relation);
  Key(w, "weight"); w.Int64(e.weight);
  for (const auto& [key, value] : e.attributes) {
    Str(w, key);
    Str(w, value);
  }
  Key(w, "evidence");
  WriteEvidenceJson(w, e.evidence);
  w.EndObject();
}

// Writes the "graph" object: the generator and the documents.
// `documents`: the Graph, or a GraphOrder of it (WriteDocumentsJson).
template <typename W, typename Documents>
void WriteGraphAttributes(W& w, const Documents& documents) {
  w.StartObject();
  Key(w, "generator"); Str(w, std::string("claimgraph ") + CLAIMGRAPH_VERSION_STRING);
  Key(w, "documents");
  WriteDocumentsJson(w, documents);
  w.EndObject();
}

// Writes the node-link document with writer `w` (compact: WriteJsonLine).
template <typename W>
void WriteGraphJson(W& w, const Graph& graph) {
  w.StartObject();
  Key(w, "directed"); w.Bool(true);
  Key(w, "multigraph"); w.Bool(true);
  Key(w, "graph");
  WriteGraphAttributes(w, graph);
  Key(w, "nodes");
  w.StartArray();
  graph.ForEachNode([&](const Node& n) { WriteNodeObject(w, n); });
  w.EndArray();
  Key(w, "edges");
  w.StartArray();
  graph.ForEachKeyedEdge([&](const Edge& e, int key) { WriteEdgeObject(w, e, key); });
  w.EndArray();
  w.EndObject();
}

// The pretty document is written in pieces: each node and edge object by
// a PrettyWriter of its own, at depth 0, shifted to its depth in the
// document by indenting every line as it is written (a PrettyWriter's raw
// newlines are all line breaks: newlines inside strings are escaped).
// Pieces made on different threads so join into the bytes a single writer
// makes.

// Takes text that is ready to be written, in document order; false on a
// write error.
using Sink = std::function<bool(const std::string&)>;

// A RapidJSON output stream into a std::string, which it hands to `spill`
// (and empties) whenever it holds a megabyte at a line break: the object of
// an entity with a million mentions is hundreds of megabytes of JSON, and
// is never held whole. Characters gather in a small buffer first, moved to
// the string in blocks and whenever RapidJSON completes a value (Flush), so
// the string is whole between values; PutUnsafe and PutN below let string
// contents and indentation skip the line-break check.
class IndentingStream {
 public:
  using Ch = char;
  IndentingStream(std::string* out, int shift, const Sink* spill = nullptr)
      : out_(out), shift_(static_cast<size_t>(shift)), spill_(spill) {}
  ~IndentingStream() { Drain(); }
  IndentingStream(const IndentingStream&) = delete;
  IndentingStream& operator=(const IndentingStream&) = delete;

  void Put(char c) {
    if (c != '\n') {
      PutPlain(c);
      return;
    }
    PutPlain('\n');
    PutSpaces(shift_);
    if (spill_ && out_->size() + used_ >= kSpillBytes) {
      Drain();
      Spill();
    }
  }
  // A character that is not a line break.
  void PutPlain(char c) {
    if (used_ == sizeof(buffer_)) DrainFull();
    buffer_[used_++] = c;
  }
  // Characters none of which is a line break.
  void PutRun(const char* s, size_t n) {
    while (n > 0) {
      if (used_ == sizeof(buffer_)) DrainFull();
      const size_t k = std::min(n, sizeof(buffer_) - used_);
      std::memcpy(buffer_ + used_, s, k);
      used_ += k;
      s += k;
      n -= k;
    }
  }
  void PutSpaces(size_t n) {
    while (n > 0) {
      if (used_ == sizeof(buffer_)) DrainFull();
      const size_t k = std::min(n, sizeof(buffer_) - used_);
      std::memset(buffer_ + used_, ' ', k);
      used_ += k;
      n -= k;
    }
  }
  void Flush() { Drain(); }  // RapidJSON calls it after every complete value
  bool ok() const { return ok_; }

 private:
  void Drain() {
    out_->append(buffer_, used_);
    used_ = 0;
  }
  // A full buffer drained, and the text spilled once it is large (compact
  // JSON has no line breaks to spill at: one node's mentions can be
  // hundreds of megabytes on one line).
  void DrainFull() {
    Drain();
    if (spill_ && out_->size() >= kSpillBytes) Spill();
  }
  void Spill() {
    ok_ = ok_ && (*spill_)(*out_);
    out_->clear();
  }

  static constexpr size_t kSpillBytes = size_t{1} << 20;
  std::string* out_;
  size_t shift_;
  const Sink* spill_;
  bool ok_ = true;
  size_t used_ = 0;
  char buffer_[4096];
};

// Found by argument-dependent lookup from RapidJSON's writers, in place of
// their generic versions that call Put: string contents and numbers
// (PutUnsafe, after PutReserve) hold no raw line break (a newline in a
// string is escaped), and PutN writes the indentation.
inline void PutReserve(IndentingStream&, size_t) {}
inline void PutUnsafe(IndentingStream& stream, char c) { stream.PutPlain(c); }
inline void PutN(IndentingStream& stream, char c, size_t n) {
  if (c == ' ') {
    stream.PutSpaces(n);
  } else {
    for (size_t i = 0; i < n; ++i) stream.Put(c);
  }
}

}  // namespace internal
}  // namespace claimgraph

// RapidJSON's hook for copying a string's plain runs at once (it provides
// one for its StringBuffer, with SSE): the string's bytes up to the next
// one JSON escapes (a control character, '"' or '\\') go to the buffer
// in one copy, instead of one Put per byte. Must come before the writer's
// first use.
template <>
inline bool rapidjson::Writer<claimgraph::internal::IndentingStream>::ScanWriteUnescapedString(StringStream& is,
                                                                                            size_t length) {
  const char* const begin = is.src_;
  const char* const end = is.head_ + length;
  const char* p = begin;
  // Eight bytes at a time while none of them is escaped: whether any byte
  // is below 0x20 (x - 0x20.. borrows into a high bit ~x has set), or is
  // '"' or '\\' (zero after the xor), is exact for the eight together.
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHighs = 0x8080808080808080ULL;
  while (end - p >= 8) {
    uint64_t x;
    std::memcpy(&x, p, 8);
    const uint64_t quote = x ^ (kOnes * '"'), backslash = x ^ (kOnes * '\\');
    const uint64_t escaped = ((x - kOnes * 0x20) & ~x) | ((quote - kOnes) & ~quote) | ((backslash - kOnes) & ~backslash);
    if ((escaped & kHighs) != 0) break;
    p += 8;
  }
  // The rest a byte at a time, by a table: most strings are shorter than eight bytes.
  static constexpr auto kEscaped = [] {
    std::array<bool, 256> escaped{};
    for (int c = 0; c < 0x20; ++c) escaped[static_cast<size_t>(c)] = true;
    escaped['"'] = escaped['\\'] = true;
    return escaped;
  }();
  while (p < end && !kEscaped[static_cast<unsigned char>(*p)]) ++p;
  os_->PutRun(begin, static_cast<size_t>(p - begin));
  is.src_ = p;
  return p < end;
}

namespace claimgraph {
namespace internal {

using PieceWriter = rapidjson::PrettyWriter<IndentingStream>;
using CompactPieceWriter = rapidjson::Writer<IndentingStream>;

void Configure(PieceWriter* w) {
  w->SetIndent(' ', 1);
  w->SetFormatOptions(rapidjson::kFormatSingleLineArray);
}
void Configure(CompactPieceWriter*) {}

// What goes between two elements of the nodes or edges array.
template <typename Writer>
constexpr const char* kElementSeparator = std::is_same_v<Writer, PieceWriter> ? ", " : ",";

// Writes elements [begin, end) of the nodes array as the document holds
// them (kElementSeparator between them, and before the first unless begin
// is 0) into
// `out`, spilling through `spill`. Returns false when a spill failed.
template <typename Writer>
bool NodesText(const GraphOrder& order, size_t begin, size_t end, const Sink& spill, std::string* out) {
  IndentingStream stream(out, 2, &spill);
  Writer w(stream);
  Configure(&w);
  Node node;  // without its mentions: they are written 256 at a time
  std::vector<MentionView> batch;
  for (size_t i = begin; i < end && stream.ok(); ++i) {
    order.FillNode(i, &node, /*with_mentions=*/false);
    if (i > 0) *out += kElementSeparator<Writer>;
    w.Reset(stream);
    WriteNodeObject(w, node, [&](Writer& pw) {
      pw.StartArray();
      for (size_t from = 0, count = order.MentionCount(i); from < count; from += 256) {
        order.FillMentions(i, from, 256, &batch);
        for (const MentionView& m : batch) WriteMentionJson(pw, m);
      }
      pw.EndArray();
    });
  }
  return stream.ok();
}

template <typename Writer>
bool EdgesText(const GraphOrder& order, size_t begin, size_t end, const Sink& spill, std::string* out) {
  IndentingStream stream(out, 2, &spill);
  Writer w(stream);
  Configure(&w);
  EdgeView edge;
  int key = 0;
  for (size_t i = begin; i < end && stream.ok(); ++i) {
    order.PrefetchEdge(i);
    order.FillEdge(i, &edge);
    key = i == begin ? order.EdgeKey(i) : order.SameEndsAsPrevious(i) ? key + 1 : 0;
    if (i > 0) *out += kElementSeparator<Writer>;
    w.Reset(stream);
    WriteEdgeObject(w, edge, key);
  }
  return stream.ok();
}

// How an array is split into chunks (Chunks): chunk c holds elements
// [bounds[c], bounds[c + 1]) and weighs weight[c].
struct ChunkPlan {
  std::vector<size_t> bounds{0};
  std::vector<size_t> weight;
};

// A chunk ends once its elements weigh (by `weight`: 1 + their list
// lengths) this much, so one task's text stays near half a megabyte, also
// where a few entities hold most mentions.
constexpr size_t kChunkWeight = 4096;

ChunkPlan Chunks(size_t count, const std::function<size_t(size_t)>& weight) {
  ChunkPlan plan;
  size_t load = 0;
  for (size_t i = 0; i < count; ++i) {
    load += weight(i);
    if (load >= kChunkWeight) {
      plan.bounds.push_back(i + 1);
      plan.weight.push_back(load);
      load = 0;
    }
  }
  if (plan.bounds.back() != count) {
    plan.bounds.push_back(count);
    plan.weight.push_back(load);
  }
  return plan;
}

// Writes chunk [begin, end) into `out`, spilling through `spill`; false
// when a spill failed.
using MakeChunk = std::function<bool(size_t begin, size_t end, const Sink& spill, std::string* out)>;

// Makes each chunk's text on `threads` threads, and writes the texts
// through `sink` in order. At most a few chunks per thread wait to be
// written. The calling thread writes, and makes chunks of ordinary weight
// while the next one to write is not ready; threads - 1 workers make the
// rest. A worker's chunk that grows past a megabyte is spilled by the worker
// once every chunk before it is written (the calling thread then waits for
// that chunk), so a huge node is never held whole; the calling thread
// leaves such heavy chunks to the workers. Returns false when a write
// failed.
bool InOrder(const ChunkPlan& plan, int threads, const MakeChunk& make, const Sink& sink) {
  const std::vector<size_t>& bounds = plan.bounds;
  const size_t chunks = bounds.size() - 1;
  if (threads <= 1 || chunks <= 1) {
    std::string text;
    for (size_t c = 0; c < chunks; ++c) {
      text.clear();
      if (!make(bounds[c], bounds[c + 1], sink, &text) || !sink(text)) return false;
    }
    return true;
  }
  const size_t window = 4 * static_cast<size_t>(threads);
  std::vector<std::string> slots(window);
  std::vector<size_t> ready(window, SIZE_MAX);  // the chunk each slot holds
  std::mutex mutex;
  std::condition_variable made, taken;
  size_t next = 0;     // the next chunk to make
  size_t written = 0;  // chunks written whole
  bool failed = false;
  // Under the lock: whether chunk `next` may be made now (its slot is free).
  auto can_take = [&] { return next < chunks && next < written + window; };
  // Under no lock: puts chunk c's text in its slot.
  auto deliver = [&](size_t c, bool ok, std::string text) {
    {
      std::lock_guard<std::mutex> lock(mutex);
      if (!ok) failed = true;
      slots[c % window] = std::move(text);
      ready[c % window] = c;
    }
    made.notify_all();
    taken.notify_all();
  };
  auto worker = [&] {
    for (;;) {
      size_t c;
      {
        std::unique_lock<std::mutex> lock(mutex);
        taken.wait(lock, [&] { return failed || next >= chunks || can_take(); });
        if (failed || next >= chunks) return;
        c = next++;
      }
      // Chunk c may write its own text only when all before it is written;
      // the calling thread is then waiting for chunk c and writes nothing.
      const Sink spill = [&, c](const std::string& text) {
        {
          std::unique_lock<std::mutex> lock(mutex);
          taken.wait(lock, [&] { return failed || written == c; });
          if (failed) return false;
        }
        return sink(text);
      };
      std::string text;
      const bool ok = make(bounds[c], bounds[c + 1], spill, &text);
      deliver(c, ok, std::move(text));
    }
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(worker);
  bool ok = true;
  for (size_t c = 0; c < chunks && ok;) {
    std::unique_lock<std::mutex> lock(mutex);
    made.wait(lock, [&] { return ready[c % window] == c || (can_take() && plan.weight[next] <= 2 * kChunkWeight); });
    if (ready[c % window] != c) {
      // Not ready: make a later (or this) chunk meanwhile. Its weight bounds
      // its text, so it is held whole: this thread cannot wait for itself.
      const size_t k = next++;
      lock.unlock();
      std::string held, text;
      const bool made_ok = make(bounds[k], bounds[k + 1],
                                [&](const std::string& piece) {
                                  held += piece;
                                  return true;
                                },
                                &text);
      deliver(k, made_ok, held.empty() ? std::move(text) : std::move(held) + text);
      continue;
    }
    std::string text = std::move(slots[c % window]);
    ready[c % window] = SIZE_MAX;
    ok = !failed;
    lock.unlock();
    ok = ok && sink(text);
    lock.lock();
    if (ok) {
      written = c + 1;  // only now: a spilling worker writes after this
    } else {
      failed = true;
    }
    lock.unlock();
    taken.notify_all();
    ++c;
  }
  for (std::thread& t : pool) t.join();
  return ok;
}

// The node-link document, piece by piece, through `sink`: pretty, or
// compact (the bytes of WriteJsonLine and a newline).
template <typename Writer>
bool WriteJsonPieces(const Graph& graph, int threads, const Sink& sink) {
  constexpr bool kPretty = std::is_same_v<Writer, PieceWriter>;
  const GraphOrder order(graph, threads);
  std::string head = kPretty ? "{\n \"directed\": true,\n \"multigraph\": true,\n \"graph\": "
                             : "{\"directed\":true,\"multigraph\":true,\"graph\":";
  {
    // (Spilled as it grows: a corpus's document list is tens of megabytes.)
    IndentingStream stream(&head, 1, &sink);
    Writer w(stream);
    Configure(&w);
    WriteGraphAttributes(w, order);
    if (!stream.ok()) return false;
  }
  head += kPretty ? ",\n \"nodes\": [" : ",\"nodes\":[";
  const auto node_chunks = Chunks(order.node_count(), [&](size_t i) { return order.NodeWeight(i); });
  const auto edge_chunks = Chunks(order.edge_count(), [&](size_t i) { return order.EdgeWeight(i); });
  using std::placeholders::_1, std::placeholders::_2, std::placeholders::_3, std::placeholders::_4;
  return sink(head) &&
         InOrder(node_chunks, threads, std::bind(NodesText<Writer>, std::cref(order), _1, _2, _3, _4), sink) &&
         sink(kPretty ? "],\n \"edges\": [" : "],\"edges\":[") &&
         InOrder(edge_chunks, threads, std::bind(EdgesText<Writer>, std::cref(order), _1, _2, _3, _4), sink) &&
         sink(kPretty ? "]\n}\n" : "]}\n");
}

bool WriteJsonPieces(const Graph& graph, int threads, JsonLayout layout, const Sink& sink) {
  return layout == JsonLayout::kPretty ? WriteJsonPieces<PieceWriter>(graph, threads, sink)
                                       : WriteJsonPieces<CompactPieceWriter>(graph, threads, sink);
}

}  // namespace internal

std::string WriteJson(const Graph& graph, JsonLayout layout) {
  std::string out;
  internal::WriteJsonPieces(graph, 1, layout, [&](const std::string& text) {
    out += text;
    return true;
  });
  return out;
}

bool WriteJson(const Graph& graph, std::FILE* out, int threads, JsonLayout layout) {
  const bool written = internal::WriteJsonPieces(graph, threads, layout, [&](const std::string& text) {
    return std::fwrite(text.data(), 1, text.size(), out) == text.size();
  });
  return written && std::fflush(out) == 0 && !std::ferror(out);
}

std::string WriteNodeJson(const Node& node) {
  return internal::Compact([&](auto& w) { internal::WriteNodeObject(w, node); });
}

std::string WriteEdgeJson(const Edge& edge, int key) {
  return internal::Compact([&](auto& w) { internal::WriteEdgeObject(w, edge, key); });
}

std::string WriteJsonLine(const Graph& graph) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  internal::WriteGraphJson(w, graph);
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace claimgraph
