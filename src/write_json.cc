// SPDX-License-Identifier: Apache-2.0
// Stage 6, write JSON: node-link JSON as ../shared/DESIGN.md specifies
// (networkx node_link_graph(data, edges="edges") loads it as a MultiDiGraph).
#include <rapidjson/filewritestream.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdio>
#include <map>
#include <vector>
#include <utility>

#include "claimgraph/io.h"
#include "claimgraph/version.h"
#include "write_common.h"

namespace claimgraph {
namespace internal {

namespace {
using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

template <typename W>
void Str(W& w, const std::string& s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }
}  // namespace

template <typename W>
void WriteMentionsJson(W& w, const std::vector<Mention>& mentions) {
  w.StartArray();
  for (const Mention& m : mentions) {
    w.StartObject();
    w.Key("doc"); Str(w, m.doc);
    w.Key("start"); w.Int64(m.start);
    w.Key("end"); w.Int64(m.end);
    w.Key("text"); Str(w, m.text);
    w.Key("sentence"); w.Int(m.sentence);
    w.Key("rule"); Str(w, m.rule);
    if (!m.particle.empty()) { w.Key("particle"); Str(w, m.particle); }
    w.EndObject();
  }
  w.EndArray();
}

template <typename W>
void WriteEvidenceJson(W& w, const std::vector<Evidence>& evidence) {
  w.StartArray();
  for (const Evidence& e : evidence) {
    w.StartObject();
    w.Key("doc"); Str(w, e.doc);
    w.Key("start"); w.Int64(e.start);
    w.Key("end"); w.Int64(e.end);
    w.Key("rule"); Str(w, e.rule);
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
std::string StringsToJson(const std::vector<std::string>& strings) {
  return Compact([&](auto& w) {
    w.StartArray();
    for (const auto& s : strings) Str(w, s);
    w.EndArray();
  });
}

std::vector<int> EdgeKeys(const std::vector<Edge>& edges) {
  std::vector<int> keys;
  for (size_t i = 0; i < edges.size(); ++i) {
    const bool parallel = i > 0 && edges[i - 1].source == edges[i].source && edges[i - 1].target == edges[i].target;
    keys.push_back(parallel ? keys.back() + 1 : 0);
  }
  return keys;
}

// Writes one node object of the node-link document.
template <typename W>
void WriteNodeObject(W& w, const Node& n) {
  w.StartObject();
  w.Key("id"); Str(w, n.id);
  w.Key("kind"); Str(w, n.kind);
  w.Key("label"); Str(w, n.label);
  if (n.is_claim) {
    const ClaimInfo& c = n.claim;
    w.Key("text"); Str(w, c.text);
    w.Key("cue"); Str(w, c.cue);
    w.Key("modality"); Str(w, c.modality);
    w.Key("negated"); w.Bool(c.negated);
    w.Key("doc"); Str(w, c.doc);
    w.Key("start"); w.Int64(c.start);
    w.Key("end"); w.Int64(c.end);
    w.Key("sentence"); w.Int(c.sentence);
    w.Key("rule"); Str(w, c.rule);
    w.Key("speaker"); Str(w, c.speaker);
    w.Key("speaker_status"); Str(w, c.speaker_status);
    for (const auto& [key, value] : n.attributes) {
      Str(w, key);
      Str(w, value);
    }
    w.EndObject();
    return;
  }
  w.Key("type"); Str(w, n.type);
  w.Key("aliases");
  w.StartArray();
  for (const auto& a : n.aliases) Str(w, a);
  w.EndArray();
  for (const auto& [key, value] : n.attributes) {
    Str(w, key);
    Str(w, value);
  }
  w.Key("mentions");
  WriteMentionsJson(w, n.mentions);
  w.EndObject();
}

// Writes one edge object; `key` tells parallel edges apart.
template <typename W>
void WriteEdgeObject(W& w, const Edge& e, int edge_key) {
  w.StartObject();
  w.Key("source"); Str(w, e.source);
  w.Key("target"); Str(w, e.target);
  w.Key("key"); w.Int(edge_key);
  w.Key("relation"); Str(w, e.relation);
  w.Key("weight"); w.Int64(e.weight);
  for (const auto& [key, value] : e.attributes) {
    Str(w, key);
    Str(w, value);
  }
  w.Key("evidence");
  WriteEvidenceJson(w, e.evidence);
  w.EndObject();
}

// Writes the node-link document with writer `w` (pretty or compact).
template <typename W>
void WriteGraphJson(W& w, const Graph& graph) {
  w.StartObject();
  w.Key("directed"); w.Bool(true);
  w.Key("multigraph"); w.Bool(true);
  w.Key("graph");
  w.StartObject();
  w.Key("generator"); Str(w, std::string("claimgraph ") + CLAIMGRAPH_VERSION_STRING);
  w.Key("documents");
  w.StartArray();
  for (const DocumentInfo& d : graph.Documents()) {
    w.StartObject();
    w.Key("id"); Str(w, d.id);
    w.Key("chars"); w.Int64(d.chars);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();

  w.Key("nodes");
  w.StartArray();
  graph.ForEachNode([&](const Node& n) { WriteNodeObject(w, n); });
  w.EndArray();

  w.Key("edges");
  w.StartArray();
  graph.ForEachKeyedEdge([&](const Edge& e, int key) { WriteEdgeObject(w, e, key); });
  w.EndArray();
  w.EndObject();
}

}  // namespace internal

std::string WriteJson(const Graph& graph) {
  rapidjson::StringBuffer buffer;
  internal::Writer w(buffer);
  w.SetIndent(' ', 1);
  w.SetFormatOptions(rapidjson::kFormatSingleLineArray);
  internal::WriteGraphJson(w, graph);
  std::string out(buffer.GetString(), buffer.GetSize());
  out.push_back('\n');
  return out;
}

bool WriteJson(const Graph& graph, std::FILE* out) {
  std::vector<char> buffer(size_t{1} << 16);
  rapidjson::FileWriteStream stream(out, buffer.data(), buffer.size());
  rapidjson::PrettyWriter<rapidjson::FileWriteStream> w(stream);
  w.SetIndent(' ', 1);
  w.SetFormatOptions(rapidjson::kFormatSingleLineArray);
  internal::WriteGraphJson(w, graph);
  stream.Put('\n');
  stream.Flush();
  return std::fflush(out) == 0 && !std::ferror(out);
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
