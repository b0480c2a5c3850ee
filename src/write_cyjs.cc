// SPDX-License-Identifier: Apache-2.0
// Stage 6, write Cytoscape.js JSON (.cyjs): the elements format that
// Cytoscape desktop imports (File > Import > Network from File) and that
// cytoscape({elements}) loads in a browser. Every field of the JSON export
// is in each element's `data`; `name` repeats the label (Cytoscape desktop
// shows `name`), `interaction` repeats the relation (its edge convention),
// and `value` repeats the id and `directed`/`multigraph` say what the graph
// is, as networkx's cytoscape_graph reads them.
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "claimgraph/io.h"
#include "claimgraph/version.h"
#include "write_common.h"

namespace claimgraph {
namespace {

using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

void Str(Writer& w, const std::string& s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }
void Field(Writer& w, const char* key, const std::string& value) {
  w.Key(key);
  Str(w, value);
}

// Writes free attributes; one whose name is a fixed field becomes
// attr_<name>, so no object has a key twice.
void Attributes(Writer& w, const std::map<std::string, std::string>& attributes) {
  static const std::set<std::string> kFixed = {
      "id",  "value", "name",  "label", "kind",     "type",     "aliases", "mention_count", "mentions", "text",
      "cue", "modality", "negated", "doc", "start", "end", "sentence", "rule", "speaker", "speaker_status",
      "source", "target", "key", "relation", "interaction", "weight", "evidence"};
  for (const auto& [key, value] : attributes) {
    Str(w, kFixed.count(key) ? "attr_" + key : key);
    Str(w, value);
  }
}

}  // namespace

std::string WriteCyjs(const Graph& graph) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.SetIndent(' ', 1);
  w.SetFormatOptions(rapidjson::kFormatSingleLineArray);
  w.StartObject();
  Field(w, "format_version", "1.0");
  Field(w, "generated_by", std::string("claimgraph ") + CLAIMGRAPH_VERSION_STRING);
  Field(w, "target_cytoscapejs_version", "~3.0");
  w.Key("directed");
  w.Bool(true);
  w.Key("multigraph");
  w.Bool(true);
  w.Key("data");
  w.StartObject();
  Field(w, "name", "claimgraph");
  w.Key("documents");
  w.StartArray();
  for (const DocumentInfo& d : graph.Documents()) Str(w, d.id);
  w.EndArray();
  w.EndObject();

  w.Key("elements");
  w.StartObject();
  w.Key("nodes");
  w.StartArray();
  for (const Node& n : graph.Nodes()) {
    w.StartObject();
    w.Key("data");
    w.StartObject();
    Field(w, "id", n.id);
    Field(w, "value", n.id);
    Field(w, "name", n.label);
    Field(w, "label", n.label);
    Field(w, "kind", n.kind);
    if (n.is_claim) {
      const ClaimInfo& c = n.claim;
      Field(w, "text", c.text);
      Field(w, "cue", c.cue);
      Field(w, "modality", c.modality);
      w.Key("negated");
      w.Bool(c.negated);
      Field(w, "doc", c.doc);
      w.Key("start");
      w.Int64(c.start);
      w.Key("end");
      w.Int64(c.end);
      w.Key("sentence");
      w.Int(c.sentence);
      Field(w, "rule", c.rule);
      Field(w, "speaker", c.speaker);
      Field(w, "speaker_status", c.speaker_status);
    } else {
      Field(w, "type", n.type);
      w.Key("aliases");
      w.StartArray();
      for (const std::string& a : n.aliases) Str(w, a);
      w.EndArray();
      w.Key("mention_count");
      w.Uint64(n.mentions.size());
      Field(w, "mentions", internal::MentionsToJson(n.mentions));
    }
    Attributes(w, n.attributes);
    w.EndObject();
    w.EndObject();
  }
  w.EndArray();

  w.Key("edges");
  w.StartArray();
  const std::vector<Edge> edges = graph.Edges();
  const std::vector<int> keys = internal::EdgeKeys(edges);
  for (size_t i = 0; i < edges.size(); ++i) {
    const Edge& e = edges[i];
    w.StartObject();
    w.Key("data");
    w.StartObject();
    Field(w, "id", "e" + std::to_string(i));
    Field(w, "source", e.source);
    Field(w, "target", e.target);
    w.Key("key");
    w.Int(keys[i]);
    Field(w, "relation", e.relation);
    Field(w, "interaction", e.relation);
    w.Key("weight");
    w.Int64(e.weight);
    Field(w, "evidence", internal::EvidenceToJson(e.evidence));
    Attributes(w, e.attributes);
    w.EndObject();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  w.EndObject();
  std::string out(buffer.GetString(), buffer.GetSize());
  out.push_back('\n');
  return out;
}

}  // namespace claimgraph
