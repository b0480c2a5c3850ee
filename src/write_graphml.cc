// SPDX-License-Identifier: Apache-2.0
// Stage 6, write GraphML and DOT. GraphML is written as a stream with
// libxml2's xmlTextWriter: each <node id> is the claimgraph id, a node has
// data only for the fields it has (an entity no claim fields, a claim no
// aliases), and every key is typed as its values are (offsets and counts
// long or int, negated boolean, an attribute whose every value is a plain
// integer or decimal long or double), so that networkx, igraph and Gephi
// read ids and numbers as such. Lists and evidence are JSON text; the
// canonical name is in the key "label" (Gephi, yEd and Cytoscape read it).
// DOT goes through Boost's write_graphviz_dp.
#include <libxml/xmlwriter.h>
#include <boost/graph/graphviz.hpp>
#include <boost/property_map/function_property_map.hpp>
#include <re2/re2.h>

#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "claimgraph/boost_graph.h"
#include "claimgraph/io.h"
#include "claimgraph/version.h"
#include "write_common.h"

namespace claimgraph {
namespace {

using Vertex = BoostGraph::vertex_descriptor;
using EdgeDesc = BoostGraph::edge_descriptor;

template <typename F>
auto VertexMap(F f) {
  return boost::make_function_property_map<Vertex>(std::move(f));
}
template <typename F>
auto EdgeMap(F f) {
  return boost::make_function_property_map<EdgeDesc>(std::move(f));
}

// The GraphML types of keys, narrowest first: a key takes the widest its
// values need.
enum class KeyType { kBoolean, kInt, kLong, kDouble, kString };

const char* TypeName(KeyType t) {
  switch (t) {
    case KeyType::kBoolean: return "boolean";
    case KeyType::kInt: return "int";
    case KeyType::kLong: return "long";
    case KeyType::kDouble: return "double";
    case KeyType::kString: break;
  }
  return "string";
}

// The type a free attribute's text can be written as and read back as the
// same text: a plain integer of at most 18 digits (long), a plain decimal
// of at most 15 significant digits without trailing zeros (double; every
// reader prints it back the same), else a string ("07", "1.50", "1e5").
KeyType TypeOfText(const std::string& text) {
  static const RE2 kInteger("-?(?:0|[1-9][0-9]{0,17})");
  static const RE2 kDecimal("-?(?:0|[1-9][0-9]{0,14})\\.[0-9]{0,14}[1-9]");
  if (RE2::FullMatch(text, kInteger)) return KeyType::kLong;
  if (RE2::FullMatch(text, kDecimal)) {
    size_t digits = 0;
    for (const char c : text) digits += c >= '0' && c <= '9';
    const bool leading_zero = text.rfind("0.", 0) == 0 || text.rfind("-0.", 0) == 0;
    if (digits - (leading_zero ? 1 : 0) <= 15) return KeyType::kDouble;
  }
  return KeyType::kString;
}

// A key: its domain, its name and the widest type of its values. Ids are
// the domain's letter and the name, so that a node's "label" and an
// edge's "label" are two keys.
struct Key {
  const char* domain;
  std::string name;
  KeyType type;
  std::string id() const { return std::string(1, domain[0]) + "_" + name; }
};

class Keys {
 public:
  // Notes that `name` (of `domain`) has a value of `type`.
  void Use(const char* domain, const std::string& name, KeyType type) {
    const auto [it, added] = keys_.try_emplace({domain, name}, Key{domain, name, type});
    if (!added && type != it->second.type) {
      // A value that fits neither type makes the key a string; an int and
      // a long make it long.
      const KeyType a = it->second.type, b = type;
      const bool numbers = a != KeyType::kBoolean && b != KeyType::kBoolean && a != KeyType::kString &&
                           b != KeyType::kString && a != KeyType::kDouble && b != KeyType::kDouble;
      it->second.type = numbers ? KeyType::kLong : KeyType::kString;
    }
  }
  const Key& Get(const char* domain, const std::string& name) const { return keys_.at({domain, name}); }
  // In domain order (graph, node, edge), then by name.
  std::vector<const Key*> Sorted() const {
    std::vector<const Key*> out;
    for (const char* domain : {"graph", "node", "edge"}) {
      for (const auto& [k, key] : keys_) {
        if (k.first == domain) out.push_back(&key);
      }
    }
    return out;
  }

 private:
  std::map<std::pair<std::string, std::string>, Key> keys_;
};

// The edge fields that have keys of their own: a free attribute of one of
// these names is not written (node-link JSON has the same rule).
bool IsEdgeField(const std::string& name) {
  return name == "relation" || name == "label" || name == "weight" || name == "key" || name == "evidence";
}

// XML 1.0 cannot hold control characters other than tab, line feed and
// carriage return, even escaped: each becomes U+FFFD, so that every XML
// reader accepts the file.
std::string XmlSafe(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
      out += "\xEF\xBF\xBD";
    } else {
      out.push_back(ch);
    }
  }
  return out;
}

// An xmlTextWriter that writes into a std::string (xmlBuffer stops at 4 GiB).
class XmlOut {
 public:
  XmlOut() {
    xmlOutputBufferPtr buffer = xmlOutputBufferCreateIO(
        [](void* context, const char* bytes, int n) {
          static_cast<std::string*>(context)->append(bytes, static_cast<size_t>(n));
          return n;
        },
        nullptr, &text_, nullptr);
    writer_ = xmlNewTextWriter(buffer);  // (owns the buffer)
    xmlTextWriterSetIndent(writer_, 1);
    xmlTextWriterSetIndentString(writer_, reinterpret_cast<const xmlChar*>("  "));
  }
  XmlOut(const XmlOut&) = delete;
  XmlOut& operator=(const XmlOut&) = delete;
  ~XmlOut() {
    if (writer_ != nullptr) xmlFreeTextWriter(writer_);
  }

  void Start(const char* element) { xmlTextWriterStartElement(writer_, X(element)); }
  void End() { xmlTextWriterEndElement(writer_); }
  void Attribute(const char* name, const std::string& value) {
    xmlTextWriterWriteAttribute(writer_, X(name), X(XmlSafe(value).c_str()));
  }
  // <data key="KEY">VALUE</data>
  void Data(const Key& key, const std::string& value) {
    Start("data");
    Attribute("key", key.id());
    xmlTextWriterWriteString(writer_, X(XmlSafe(value).c_str()));
    End();
  }
  xmlTextWriterPtr writer() { return writer_; }
  // Ends the document and returns the text.
  std::string Finish() {
    xmlTextWriterEndDocument(writer_);
    xmlFreeTextWriter(writer_);  // (flushes and frees the buffer)
    writer_ = nullptr;
    return std::move(text_);
  }

 private:
  static const xmlChar* X(const char* s) { return reinterpret_cast<const xmlChar*>(s); }
  std::string text_;
  xmlTextWriterPtr writer_ = nullptr;
};

}  // namespace

std::string WriteGraphml(const Graph& graph) {
  const std::vector<Node> nodes = graph.Nodes();
  const std::vector<Edge> edges = graph.Edges();
  const std::vector<int> edge_keys = internal::EdgeKeys(edges);

  // Every key a value uses, with the type its values need.
  Keys keys;
  keys.Use("graph", "generator", KeyType::kString);
  keys.Use("graph", "documents", KeyType::kString);
  for (const Node& n : nodes) {
    for (const char* name : {"label", "kind"}) keys.Use("node", name, KeyType::kString);
    if (n.is_claim) {
      for (const char* name : {"text", "cue", "modality", "doc", "rule", "speaker", "speaker_status"}) {
        keys.Use("node", name, KeyType::kString);
      }
      keys.Use("node", "negated", KeyType::kBoolean);
      keys.Use("node", "start", KeyType::kLong);
      keys.Use("node", "end", KeyType::kLong);
      keys.Use("node", "sentence", KeyType::kInt);
    } else {
      for (const char* name : {"type", "aliases", "mentions"}) keys.Use("node", name, KeyType::kString);
      keys.Use("node", "mention_count", KeyType::kInt);
    }
    for (const auto& [name, value] : n.attributes) {
      if (!internal::IsNodeField(name, n.is_claim) && name != "mention_count") {
        keys.Use("node", name, TypeOfText(value));
      }
    }
  }
  if (!edges.empty()) {
    for (const char* name : {"relation", "label", "evidence"}) keys.Use("edge", name, KeyType::kString);
    keys.Use("edge", "weight", KeyType::kLong);
    keys.Use("edge", "key", KeyType::kInt);
  }
  for (const Edge& e : edges) {
    for (const auto& [name, value] : e.attributes) {
      if (!IsEdgeField(name)) keys.Use("edge", name, TypeOfText(value));
    }
  }

  XmlOut out;
  xmlTextWriterStartDocument(out.writer(), "1.0", "UTF-8", nullptr);
  out.Start("graphml");
  out.Attribute("xmlns", "http://graphml.graphdrawing.org/xmlns");
  out.Attribute("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
  out.Attribute("xsi:schemaLocation",
                "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
  for (const Key* key : keys.Sorted()) {
    out.Start("key");
    out.Attribute("id", key->id());
    out.Attribute("for", key->domain);
    out.Attribute("attr.name", key->name);
    out.Attribute("attr.type", TypeName(key->type));
    out.End();
  }
  out.Start("graph");
  out.Attribute("id", "G");
  out.Attribute("edgedefault", "directed");
  out.Attribute("parse.nodeids", "free");
  out.Attribute("parse.edgeids", "canonical");
  out.Attribute("parse.order", "nodesfirst");
  out.Data(keys.Get("graph", "generator"), std::string("claimgraph ") + CLAIMGRAPH_VERSION_STRING);
  out.Data(keys.Get("graph", "documents"), internal::DocumentsToJson(graph));
  auto data = [&](const char* domain, const std::string& name, const std::string& value) {
    out.Data(keys.Get(domain, name), value);
  };
  for (const Node& n : nodes) {
    out.Start("node");
    out.Attribute("id", n.id);
    data("node", "label", n.label);
    data("node", "kind", n.kind);
    if (n.is_claim) {
      const ClaimInfo& c = n.claim;
      data("node", "text", c.text);
      data("node", "cue", c.cue);
      data("node", "modality", c.modality);
      data("node", "negated", c.negated ? "true" : "false");
      data("node", "doc", c.doc);
      data("node", "start", std::to_string(c.start));
      data("node", "end", std::to_string(c.end));
      data("node", "sentence", std::to_string(c.sentence));
      data("node", "rule", c.rule);
      data("node", "speaker", c.speaker);
      data("node", "speaker_status", c.speaker_status);
    } else {
      data("node", "type", n.type);
      data("node", "aliases", internal::StringsToJson(n.aliases));
      data("node", "mention_count", std::to_string(n.mentions.size()));
      data("node", "mentions", internal::MentionsToJson(n.mentions));
    }
    for (const auto& [name, value] : n.attributes) {
      if (!internal::IsNodeField(name, n.is_claim) && name != "mention_count") data("node", name, value);
    }
    out.End();
  }
  for (size_t i = 0; i < edges.size(); ++i) {
    const Edge& e = edges[i];
    out.Start("edge");
    out.Attribute("id", "e" + std::to_string(i));
    out.Attribute("source", e.source);
    out.Attribute("target", e.target);
    data("edge", "relation", e.relation);
    data("edge", "label", e.relation);
    data("edge", "weight", std::to_string(e.weight));
    data("edge", "key", std::to_string(edge_keys[i]));
    data("edge", "evidence", internal::EvidenceToJson(e.evidence));
    for (const auto& [name, value] : e.attributes) {
      if (!IsEdgeField(name)) data("edge", name, value);
    }
    out.End();
  }
  return out.Finish();
}

std::string WriteDot(const Graph& graph) {
  BoostGraph g = ToBoostGraph(graph);
  // Boost escapes a quote in a DOT string but not a backslash, so a text
  // with \" in it would end its string early: backslashes are doubled
  // first.
  auto escape = [](std::string* s) {
    for (size_t at = s->find('\\'); at != std::string::npos; at = s->find('\\', at + 2)) s->insert(at, 1, '\\');
  };
  for (auto [v, end] = boost::vertices(g); v != end; ++v) {
    for (std::string* s : {&g[*v].id, &g[*v].label, &g[*v].type, &g[*v].kind}) escape(s);
  }
  for (auto [e, end] = boost::edges(g); e != end; ++e) escape(&g[*e].relation);
  boost::dynamic_properties dp;
  dp.property("label", VertexMap([&g](Vertex v) { return g[v].label; }));
  dp.property("type", VertexMap([&g](Vertex v) { return g[v].type; }));
  dp.property("kind", VertexMap([&g](Vertex v) { return g[v].kind; }));
  dp.property("label", EdgeMap([&g](EdgeDesc e) { return g[e].relation; }));
  dp.property("relation", EdgeMap([&g](EdgeDesc e) { return g[e].relation; }));
  dp.property("weight", EdgeMap([&g](EdgeDesc e) { return static_cast<long>(g[e].weight); }));
  dp.property("node_id", VertexMap([&g](Vertex v) { return g[v].id; }));
  std::ostringstream out;
  boost::write_graphviz_dp(out, g, dp, "node_id");
  return out.str();
}

}  // namespace claimgraph
