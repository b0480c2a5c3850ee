// SPDX-License-Identifier: Apache-2.0
// Reading graphs back: node-link JSON (RapidJSON), GraphML (libxml2's
// streaming xmlTextReader), DOT (Boost's read_graphviz) and JSON lines of
// partial graphs. Every problem is
// reported with the file, the element and what is wrong; no exception
// leaves this file.
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <libxml/xmlreader.h>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphviz.hpp>
#include <re2/re2.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string_view>
#include <utility>

#include "claimgraph/io.h"
#include "internal/json_numbers.h"
#include "write_common.h"

namespace claimgraph {
namespace {

Error InputError(const std::string& origin, int line, std::string message) {
  Error e;
  e.code = ErrorCode::kInvalidInput;
  e.location.file = origin;
  e.location.line = line;
  e.message = std::move(message);
  return e;
}

// claimgraph's weight counts an edge's evidence and is recounted on every
// merge; a weight from another tool that says otherwise is kept, as the
// attribute "given_weight", rather than lost.
void KeepGivenWeight(const std::string& given, Edge* edge) {
  if (given.empty() || given == std::to_string(edge->evidence.size())) return;
  edge->attributes["given_weight"] = given;
}

// The shortest text that reads back as the same number ("1.23456789e-07",
// not a rounded "1.23457e-07" or a fixed "0.000000").
template <typename Float>
std::string ShortestNumber(Float value) {
  char buffer[32];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  if (ec == std::errc()) return std::string(buffer, end);
  std::ostringstream ss;
  ss.precision(17);
  ss << value;
  return ss.str();
}

// Renders a JSON scalar as an attribute string.
std::optional<std::string> ScalarString(const rapidjson::Value& v) {
  if (v.IsString()) return std::string(v.GetString(), v.GetStringLength());
  if (v.IsBool()) return std::string(v.GetBool() ? "true" : "false");
  if (v.IsInt64()) return std::to_string(v.GetInt64());
  if (v.IsUint64()) return std::to_string(v.GetUint64());
  if (v.IsDouble()) return ShortestNumber(v.GetDouble());
  return std::nullopt;
}

// One document of a graph's "documents" (its id checked by the caller):
// the length and the metadata where they have the right type.
DocumentInfo ReadDocumentInfo(const rapidjson::Value& d) {
  DocumentInfo info{d["id"].GetString(), 0, "", "", "", ""};
  if (d.HasMember("chars") && d["chars"].IsInt64()) info.chars = d["chars"].GetInt64();
  for (auto [key, field] : {std::pair{"title", &info.title}, std::pair{"date", &info.date}, std::pair{"url", &info.url},
                            std::pair{"lang", &info.lang}}) {
    if (d.HasMember(key) && d[key].IsString()) field->assign(d[key].GetString(), d[key].GetStringLength());
  }
  return info;
}

// Reads node-link JSON values into a Graph, checking every field.
class JsonGraphReader {
 public:
  JsonGraphReader(std::string origin, int line) : origin_(std::move(origin)), line_(line) {}

  Result<Graph> Read(const rapidjson::Value& root) {
    if (!root.IsObject()) return Fail("the top level must be a JSON object");
    const char* edges_key = root.HasMember("edges") ? "edges" : "links";
    if (root.HasMember("edges") && root.HasMember("links")) {
      return Fail("both \"edges\" and \"links\": a graph has one list of edges (networkx writes \"links\" before 3.4, "
                  "\"edges\" after)");
    }
    if (!root.HasMember("nodes") || !root["nodes"].IsArray()) return Fail("\"nodes\" must be an array");
    if (root.HasMember(edges_key) && !root[edges_key].IsArray()) return Fail("\"edges\" must be an array");
    Graph graph;
    if (root.HasMember("graph") && root["graph"].IsObject() && root["graph"].HasMember("documents") &&
        root["graph"]["documents"].IsArray()) {
      for (const auto& d : root["graph"]["documents"].GetArray()) {
        if (!d.IsObject() || !d.HasMember("id") || !d["id"].IsString()) {
          return Fail("graph.documents: each document needs a string \"id\"");
        }
        graph.AddDocument(ReadDocumentInfo(d));
      }
    }
    std::map<std::string, std::string> ids;  // id -> where it was read
    size_t index = 0;
    for (const auto& v : root["nodes"].GetArray()) {
      const std::string where = "nodes[" + std::to_string(index++) + "]";
      Result<Node> node = ReadNode(v, where);
      if (!node.ok()) return node.status();
      // (Merging graphs joins nodes of one id; within one file a repeated id
      // is a mistake that would mix two nodes.)
      const auto [it, added] = ids.emplace(node->id, where);
      if (!added) return Fail(where + ": the id \"" + node->id + "\" is already " + it->second + "'s");
      graph.AddNode(*node);
    }
    index = 0;
    if (root.HasMember(edges_key)) {
      for (const auto& v : root[edges_key].GetArray()) {
        const std::string where = std::string(edges_key) + "[" + std::to_string(index++) + "]";
        Result<Edge> edge = ReadEdge(v, where);
        if (!edge.ok()) return edge.status();
        for (const std::string* end : {&edge->source, &edge->target}) {
          if (!ids.count(*end)) return Fail(where + ": \"" + *end + "\" is not the id of a node (dangling edge)");
        }
        graph.AddEdge(*edge);
      }
    }
    return graph;
  }

 private:
  Error Fail(std::string message) const { return InputError(origin_, line_, std::move(message)); }

  Result<std::string> String(const rapidjson::Value& v, const char* key, const std::string& where, bool required) {
    if (!v.HasMember(key)) {
      if (required) return Fail(where + ": missing \"" + key + "\"");
      return std::string();
    }
    if (!v[key].IsString()) return Fail(where + ": \"" + key + "\" must be a string");
    return std::string(v[key].GetString(), v[key].GetStringLength());
  }

  Result<int64_t> Int(const rapidjson::Value& v, const char* key, const std::string& where) {
    if (!v.HasMember(key)) return Fail(where + ": missing \"" + key + "\"");
    if (!v[key].IsInt64()) return Fail(where + ": \"" + key + "\" must be an integer");
    return v[key].GetInt64();
  }
  // A mention's, a claim's or an evidence span's offset: code points into a document,
  // which has fewer than 2^32 of them.
  Result<int64_t> Offset(const rapidjson::Value& v, const char* key, const std::string& where) {
    Result<int64_t> n = Int(v, key, where);
    if (n.ok() && (*n < 0 || *n > static_cast<int64_t>(UINT32_MAX))) {
      return Fail(where + ": \"" + key + "\" must be an offset from 0 to 4294967295, not " + std::to_string(*n));
    }
    return n;
  }

  Result<Node> ReadNode(const rapidjson::Value& v, const std::string& where) {
    if (!v.IsObject()) return Fail(where + ": a node must be an object");
    Node n;
    Result<std::string> id = String(v, "id", where, true);
    if (!id.ok()) return id.status();
    n.id = *id;
    const std::string at = where + " (\"" + n.id + "\")";
    for (auto [key, field] : {std::pair{"kind", &n.kind}, std::pair{"label", &n.label}, std::pair{"type", &n.type}}) {
      Result<std::string> s = String(v, key, at, false);
      if (!s.ok()) return s.status();
      *field = *s;
    }
    if (n.kind.empty()) n.kind = "entity";
    if (v.HasMember("aliases")) {
      if (!v["aliases"].IsArray()) return Fail(at + ": \"aliases\" must be an array of strings");
      for (const auto& a : v["aliases"].GetArray()) {
        if (!a.IsString()) return Fail(at + ": \"aliases\" must be an array of strings");
        n.aliases.emplace_back(a.GetString(), a.GetStringLength());
      }
    }
    if (v.HasMember("mentions")) {
      if (!v["mentions"].IsArray()) return Fail(at + ": \"mentions\" must be an array");
      size_t i = 0;
      for (const auto& m : v["mentions"].GetArray()) {
        const std::string mw = at + ".mentions[" + std::to_string(i++) + "]";
        if (!m.IsObject()) return Fail(mw + ": a mention must be an object");
        Mention mention;
        Result<std::string> doc = String(m, "doc", mw, true);
        Result<int64_t> start = Offset(m, "start", mw);
        Result<int64_t> end = Offset(m, "end", mw);
        Result<std::string> text = String(m, "text", mw, false);
        Result<std::string> rule = String(m, "rule", mw, false);
        Result<std::string> particle = String(m, "particle", mw, false);
        for (const Status* s : {&doc.status(), &start.status(), &end.status(), &text.status(), &rule.status(),
                                &particle.status()}) {
          if (!s->ok()) return *s;
        }
        mention.doc = *doc;
        mention.start = *start;
        mention.end = *end;
        mention.text = *text;
        mention.rule = *rule;
        mention.particle = *particle;
        if (m.HasMember("sentence") && m["sentence"].IsInt()) mention.sentence = m["sentence"].GetInt();
        n.mentions.push_back(std::move(mention));
      }
    }
    if (n.kind == "claim") {
      n.is_claim = true;
      ClaimInfo& c = n.claim;
      for (auto [key, field] : {std::pair{"text", &c.text}, std::pair{"cue", &c.cue},
                                std::pair{"modality", &c.modality}, std::pair{"doc", &c.doc},
                                std::pair{"rule", &c.rule}, std::pair{"speaker", &c.speaker},
                                std::pair{"speaker_status", &c.speaker_status}}) {
        Result<std::string> s = String(v, key, at, false);
        if (!s.ok()) return s.status();
        *field = *s;
      }
      if (v.HasMember("negated")) {
        if (!v["negated"].IsBool()) return Fail(at + ": \"negated\" must be true or false");
        c.negated = v["negated"].GetBool();
      }
      Result<int64_t> start = Offset(v, "start", at);
      Result<int64_t> end = Offset(v, "end", at);
      if (!start.ok()) return start.status();
      if (!end.ok()) return end.status();
      c.start = *start;
      c.end = *end;
      if (v.HasMember("sentence") && v["sentence"].IsInt()) c.sentence = v["sentence"].GetInt();
    }
    for (const auto& m : v.GetObject()) {
      const std::string key(m.name.GetString(), m.name.GetStringLength());
      if (internal::IsNodeField(key, n.is_claim)) continue;
      std::optional<std::string> value = ScalarString(m.value);
      if (!value) return Fail(at + ": attribute \"" + key + "\" must be a string, number or boolean");
      n.attributes[key] = *value;
    }
    return n;
  }

  Result<Edge> ReadEdge(const rapidjson::Value& v, const std::string& where) {
    if (!v.IsObject()) return Fail(where + ": an edge must be an object");
    Edge e;
    Result<std::string> source = String(v, "source", where, true);
    if (!source.ok()) return source.status();
    Result<std::string> target = String(v, "target", where, true);
    if (!target.ok()) return target.status();
    Result<std::string> relation = String(v, "relation", where, false);
    if (!relation.ok()) return relation.status();
    e.source = *source;
    e.target = *target;
    e.relation = relation->empty() ? "co_mentioned" : *relation;
    if (v.HasMember("evidence")) {
      if (!v["evidence"].IsArray()) return Fail(where + ": \"evidence\" must be an array");
      size_t i = 0;
      for (const auto& ev : v["evidence"].GetArray()) {
        const std::string ew = where + ".evidence[" + std::to_string(i++) + "]";
        if (!ev.IsObject()) return Fail(ew + ": evidence must be an object");
        Result<std::string> doc = String(ev, "doc", ew, true);
        Result<int64_t> start = Offset(ev, "start", ew);
        Result<int64_t> end = Offset(ev, "end", ew);
        Result<std::string> rule = String(ev, "rule", ew, false);
        for (const Status* s : {&doc.status(), &start.status(), &end.status(), &rule.status()}) {
          if (!s->ok()) return *s;
        }
        e.evidence.push_back({*doc, *start, *end, *rule});
      }
    }
    if (v.HasMember("weight")) {
      std::optional<std::string> weight = ScalarString(v["weight"]);
      if (!weight) return Fail(where + ": \"weight\" must be a number");
      KeepGivenWeight(*weight, &e);
    }
    static const std::set<std::string> kReserved = {"source", "target", "key", "relation", "weight", "evidence"};
    for (const auto& m : v.GetObject()) {
      const std::string key(m.name.GetString(), m.name.GetStringLength());
      if (kReserved.count(key)) continue;
      std::optional<std::string> value = ScalarString(m.value);
      if (!value) return Fail(where + ": attribute \"" + key + "\" must be a string, number or boolean");
      e.attributes[key] = *value;
    }
    return e;
  }

  std::string origin_;
  int line_;
};

// DOT: Boost's read_graphviz into a plain directed graph whose every
// property is kept as a string, then converted.
using PlainGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
using PlainVertex = PlainGraph::vertex_descriptor;
using PlainEdge = PlainGraph::edge_descriptor;

// Keeps one DOT attribute's values as strings.
template <typename Key, typename Less = std::less<Key>>
class StringStore : public boost::dynamic_property_map {
 public:
  boost::any get(const boost::any& key) override { return Get(boost::any_cast<Key>(key)); }
  std::string get_string(const boost::any& key) override { return Get(boost::any_cast<Key>(key)); }
  void put(const boost::any& key, const boost::any& value) override {
    std::string s;
    if (const auto* p = boost::any_cast<std::string>(&value)) s = *p;
    else if (const auto* b = boost::any_cast<bool>(&value)) s = *b ? "true" : "false";
    else if (const auto* i = boost::any_cast<int>(&value)) s = std::to_string(*i);
    else if (const auto* l = boost::any_cast<long>(&value)) s = std::to_string(*l);
    else if (const auto* f = boost::any_cast<float>(&value)) s = ShortestNumber(*f);
    else if (const auto* d = boost::any_cast<double>(&value)) s = ShortestNumber(*d);
    values_[boost::any_cast<Key>(key)] = s;
  }
  const std::type_info& key() const override { return typeid(Key); }
  const std::type_info& value() const override { return typeid(std::string); }
  std::string Get(const Key& k) const {
    const auto it = values_.find(k);
    return it == values_.end() ? std::string() : it->second;
  }

 private:
  std::map<Key, std::string, Less> values_;
};

// Orders edge descriptors by their (unique) property address.
struct EdgeLess {
  bool operator()(const PlainEdge& a, const PlainEdge& b) const { return a.get_property() < b.get_property(); }
};

// Every property Boost's readers meet, kept as strings by key kind.
struct StringProperties {
  std::map<std::string, std::shared_ptr<StringStore<PlainVertex>>> vertex_maps;
  std::map<std::string, std::shared_ptr<StringStore<PlainEdge, EdgeLess>>> edge_maps;
  std::map<std::string, std::shared_ptr<StringStore<PlainGraph*>>> graph_maps;

  // A dynamic_properties that creates a store for each new name.
  boost::dynamic_properties Make() {
    return boost::dynamic_properties([this](const std::string& name, const boost::any& key, const boost::any&) {
      if (key.type() == typeid(PlainVertex)) return Add(vertex_maps, name);
      if (key.type() == typeid(PlainEdge)) return Add(edge_maps, name);
      if (key.type() == typeid(PlainGraph*)) return Add(graph_maps, name);
      return boost::shared_ptr<boost::dynamic_property_map>();
    });
  }

 private:
  template <typename Map>
  static boost::shared_ptr<boost::dynamic_property_map> Add(Map& maps, const std::string& name) {
    auto store = std::make_shared<typename Map::mapped_type::element_type>();
    maps[name] = store;
    return boost::shared_ptr<boost::dynamic_property_map>(store.get(), [store](void*) {});
  }
};

// Parses JSON lines of partial graphs (as `claimgraph extract` writes
// them) and merges them.
}  // namespace

namespace {
// The readable format whose extension `ext` is (".json", ".graphml", ...).
std::optional<GraphFormat> FormatOfExtension(const std::string& ext) {
  for (const FormatInfo& f : Formats()) {
    if (f.readable && std::find(f.extensions.begin(), f.extensions.end(), ext) != f.extensions.end()) return f.format;
  }
  return std::nullopt;
}
}  // namespace

Result<Graph> ParseGraphJson(const std::string& content, const std::string& origin) {
  rapidjson::Document doc;
  internal::ParseJson<rapidjson::kParseIterativeFlag>(doc, content);
  if (doc.HasParseError()) {
    Error e = InputError(origin, 0, std::string("malformed JSON at byte ") + std::to_string(doc.GetErrorOffset()) +
                                        ": " + rapidjson::GetParseError_En(doc.GetParseError()));
    e.location.byte_offset = static_cast<long long>(doc.GetErrorOffset());
    return e;
  }
  return JsonGraphReader(origin, 0).Read(doc);
}

namespace {

// Deeper nesting than these is refused (a graph file needs a handful of
// levels): Boost's DOT reader recurses once a level, and GraphML is read
// as a stream that checks the depth of each element.
constexpr int kMaxXmlDepth = 256;
constexpr int kMaxDotDepth = 64;

constexpr int kMaxJsonDepth = 64;

// The deepest nesting of the brackets `open` / `close` in `text`, outside
// double-quoted strings (with their backslash escapes): JSON's arrays and
// objects, DOT's subgraphs.
int BracketDepth(const std::string& text, std::string_view open, std::string_view close) {
  int depth = 0, deepest = 0;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '\\') ++i;
      else if (c == '"') quoted = false;
    } else if (c == '"') {
      quoted = true;
    } else if (open.find(c) != std::string_view::npos) {
      deepest = std::max(deepest, ++depth);
    } else if (close.find(c) != std::string_view::npos) {
      --depth;
    }
  }
  return deepest;
}
int JsonDepth(const std::string& text) { return BracketDepth(text, "[{", "]}"); }
int DotDepth(const std::string& content) { return BracketDepth(content, "{", "}"); }

// GraphML, read as a stream by libxml2's xmlTextReader: keys, then each
// node and edge with its <data>, never the whole document as a tree. A node
// is named by its id attribute, or by its node_id data where a key declares
// one (claimgraph's files before node ids were claimgraph ids, and files
// from tools that keep the id in data). Every value is text; typed keys
// change nothing (a double "1.23456789e-7" stays that text).
class GraphmlReader {
 public:
  GraphmlReader(xmlTextReaderPtr reader, std::string origin) : reader_(reader), origin_(std::move(origin)) {
    xmlTextReaderSetStructuredErrorHandler(reader_, &GraphmlReader::OnError, this);
  }
  GraphmlReader(const GraphmlReader&) = delete;
  GraphmlReader& operator=(const GraphmlReader&) = delete;
  ~GraphmlReader() { xmlFreeTextReader(reader_); }

  Result<Graph> Read() {
    std::optional<Error> failure;
    while (!failure) {
      const int step = xmlTextReaderRead(reader_);
      if (step == 0) break;
      if (step < 0) return NotReadable(xml_error_.empty() ? "malformed XML" : xml_error_);
      if (xmlTextReaderNodeType(reader_) != XML_READER_TYPE_ELEMENT) continue;
      if (xmlTextReaderDepth(reader_) > kMaxXmlDepth) {
        return NotReadable("elements nested more than " + std::to_string(kMaxXmlDepth) + " deep");
      }
      const std::string name = LocalName();
      if (xmlTextReaderDepth(reader_) == 0 && name != "graphml") {
        return NotReadable("the root element is <" + name + ">, not <graphml>");
      }
      if (name == "key") {
        failure = ReadKey();
      } else if (name == "node") {
        failure = ReadNode();
      } else if (name == "edge") {
        failure = ReadEdge();
      } else if (name == "data") {
        failure = ReadData(&graph_values_);  // (data of the graph: those of nodes and edges are read with them)
      }
    }
    if (failure) return *failure;
    if (!xml_error_.empty()) return NotReadable(xml_error_);
    return Finish();
  }

 private:
  struct Key {
    std::string name;
    std::string domain;  // node, edge, graph, all
    std::optional<std::string> default_value;
  };
  struct RawEdge {
    std::string source, target;  // XML ids
    std::map<std::string, std::string> values;
    int line = 0;
  };
  using Values = std::map<std::string, std::string>;

  static void OnError(void* self, xmlErrorPtr error) {
    auto* r = static_cast<GraphmlReader*>(self);
    if (error == nullptr || error->level < XML_ERR_ERROR || !r->xml_error_.empty()) return;
    std::string message = error->message == nullptr ? "malformed XML" : error->message;
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    r->xml_error_ = message;
    r->xml_error_line_ = error->line;
  }

  Error NotReadable(const std::string& message, int line = -1) const {
    return InputError(origin_, line >= 0 ? line : (xml_error_.empty() ? Line() : xml_error_line_),
                      "not a readable GraphML file: " + message);
  }
  int Line() const { return std::max(0, xmlTextReaderGetParserLineNumber(reader_)); }
  std::string LocalName() const {
    const xmlChar* n = xmlTextReaderConstLocalName(reader_);
    return n == nullptr ? std::string() : reinterpret_cast<const char*>(n);
  }
  std::string Attribute(const char* name) const {
    xmlChar* v = xmlTextReaderGetAttribute(reader_, reinterpret_cast<const xmlChar*>(name));
    if (v == nullptr) return std::string();
    std::string out(reinterpret_cast<const char*>(v));
    xmlFree(v);
    return out;
  }

  // Reads the text inside the current element, leaving the reader on its
  // end; `nested` tells whether it held elements (a yEd graphics block, no
  // plain value).
  std::optional<Error> ReadText(std::string* text, bool* nested) {
    text->clear();
    *nested = false;
    if (xmlTextReaderIsEmptyElement(reader_)) return std::nullopt;
    const int depth = xmlTextReaderDepth(reader_);
    while (true) {
      const int step = xmlTextReaderRead(reader_);
      if (step != 1) return NotReadable(xml_error_.empty() ? "the file ends inside an element" : xml_error_);
      const int type = xmlTextReaderNodeType(reader_);
      if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth(reader_) == depth) return std::nullopt;
      if (type == XML_READER_TYPE_ELEMENT) {
        *nested = true;
        if (xmlTextReaderDepth(reader_) > kMaxXmlDepth) {
          return NotReadable("elements nested more than " + std::to_string(kMaxXmlDepth) + " deep");
        }
      }
      if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
          type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE || type == XML_READER_TYPE_WHITESPACE) {
        const xmlChar* v = xmlTextReaderConstValue(reader_);
        if (v != nullptr && !*nested) *text += reinterpret_cast<const char*>(v);
      }
    }
  }

  // <key id for attr.name attr.type>[<default>...</default>]</key>
  std::optional<Error> ReadKey() {
    const std::string id = Attribute("id");
    Key key;
    key.name = Attribute("attr.name");
    key.domain = Attribute("for");
    if (key.domain.empty()) key.domain = "all";
    if (key.name.empty()) key.name = id;
    if (!xmlTextReaderIsEmptyElement(reader_)) {
      const int depth = xmlTextReaderDepth(reader_);
      while (true) {
        if (xmlTextReaderRead(reader_) != 1) return NotReadable(xml_error_.empty() ? "the file ends inside <key>" : xml_error_);
        const int type = xmlTextReaderNodeType(reader_);
        if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth(reader_) == depth) break;
        if (type == XML_READER_TYPE_ELEMENT && LocalName() == "default") {
          std::string text;
          bool nested = false;
          if (std::optional<Error> e = ReadText(&text, &nested)) return e;
          if (!nested) key.default_value = text;
        }
      }
    }
    if (key.name == "node_id" && (key.domain == "node" || key.domain == "all")) node_id_key_ = true;
    keys_[id] = std::move(key);
    return std::nullopt;
  }

  // The <data> elements up to the end of the current node or edge, into
  // `values` by key name, with the keys' defaults for `domain`.
  std::optional<Error> ReadValues(const char* domain, Values* values) {
    if (!xmlTextReaderIsEmptyElement(reader_)) {
      const int depth = xmlTextReaderDepth(reader_);
      while (true) {
        if (xmlTextReaderRead(reader_) != 1) {
          return NotReadable(xml_error_.empty() ? std::string("the file ends inside <") + domain + ">" : xml_error_);
        }
        const int type = xmlTextReaderNodeType(reader_);
        if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth(reader_) == depth) break;
        if (type != XML_READER_TYPE_ELEMENT) continue;
        if (xmlTextReaderDepth(reader_) > kMaxXmlDepth) {
          return NotReadable("elements nested more than " + std::to_string(kMaxXmlDepth) + " deep");
        }
        const std::string element = LocalName();
        if (element == "graph") return NotReadable("a graph nested in a " + std::string(domain) + " is not read");
        if (element != "data") continue;
        if (std::optional<Error> e = ReadData(values)) return e;
      }
    }
    for (const auto& [id, key] : keys_) {
      if (key.default_value && (key.domain == domain || key.domain == "all")) values->emplace(key.name, *key.default_value);
    }
    return std::nullopt;
  }

  // Reads the current <data> into `values` under its key's name; a value
  // that holds elements (a yEd graphics block) is passed over.
  std::optional<Error> ReadData(Values* values) {
    const std::string id = Attribute("key");
    const auto key = keys_.find(id);
    if (key == keys_.end()) {
      return NotReadable("<data key=\"" + id + "\"> names a key that no <key> element declares", Line());
    }
    std::string text;
    bool nested = false;
    if (std::optional<Error> e = ReadText(&text, &nested)) return e;
    if (!nested) (*values)[key->second.name] = std::move(text);
    return std::nullopt;
  }

  std::optional<Error> ReadNode() {
    const std::string xml_id = Attribute("id");
    const int line = Line();
    Values values;
    if (std::optional<Error> e = ReadValues("node", &values)) return e;
    std::string id = xml_id;
    if (node_id_key_) {
      const auto given = values.find("node_id");
      if (given == values.end() || given->second.empty()) {
        return InputError(origin_, line, "node \"" + xml_id + "\" has no node_id, which this file's nodes are named by");
      }
      id = given->second;
    }
    if (id.empty()) return InputError(origin_, line, "a <node> without an id");
    ids_[xml_id] = id;
    Result<Graph> one = NodeGraph(id, values, line);
    if (!one.ok()) return one.status().errors().front();
    for (const Node& n : one->Nodes()) {
      for (const Mention& m : n.mentions) mention_docs_.insert(m.doc);
      if (n.is_claim) mention_docs_.insert(n.claim.doc);
    }
    graph_.Merge(std::move(*one));
    return std::nullopt;
  }

  std::optional<Error> ReadEdge() {
    RawEdge edge;
    edge.source = Attribute("source");
    edge.target = Attribute("target");
    edge.line = Line();
    if (std::optional<Error> e = ReadValues("edge", &edge.values)) return e;
    edges_.push_back(std::move(edge));
    return std::nullopt;
  }

  Result<rapidjson::Document> ParseJsonValue(const std::string& json, const std::string& where, int line) const {
    // (The value is copied into a node below, a copy that recurses once a
    // level: a value nested deeper than a graph's is refused.)
    if (const int depth = JsonDepth(json); depth > kMaxJsonDepth) {
      return InputError(origin_, line, where + " is nested " + std::to_string(depth) + " deep, more than " +
                                           std::to_string(kMaxJsonDepth));
    }
    rapidjson::Document d;
    internal::ParseJson<rapidjson::kParseIterativeFlag>(d, json);
    if (d.HasParseError() || !d.IsArray()) return InputError(origin_, line, where + " is not a JSON array");
    return d;
  }

  // One node as a graph of its own: rebuilt as node-link JSON, so that the
  // JSON reader's checks apply.
  Result<Graph> NodeGraph(const std::string& id, const Values& values, int line) {
    rapidjson::Document node(rapidjson::kObjectType);
    auto& alloc = node.GetAllocator();
    auto get = [&values](const char* name) {
      const auto it = values.find(name);
      return it == values.end() ? std::string() : it->second;
    };
    auto set_string = [&](const std::string& key, const std::string& value) {
      node.AddMember(rapidjson::Value(key.c_str(), static_cast<rapidjson::SizeType>(key.size()), alloc),
                     rapidjson::Value(value.c_str(), static_cast<rapidjson::SizeType>(value.size()), alloc), alloc);
    };
    set_string("id", id);
    const std::string kind = get("kind").empty() ? "entity" : get("kind");
    const bool claim = kind == "claim";
    set_string("kind", kind);
    set_string("label", get("label"));
    if (!claim) set_string("type", get("type"));
    for (const char* list : {"aliases", "mentions"}) {
      const std::string json = get(list);
      if (claim || json.empty()) continue;
      Result<rapidjson::Document> parsed = ParseJsonValue(json, "node \"" + id + "\" " + list, line);
      if (!parsed.ok()) return parsed.status();
      rapidjson::Value copy(*parsed, alloc);
      node.AddMember(rapidjson::Value(list, alloc), copy, alloc);
    }
    // (A claim's own fields: node fields of a claim that an entity lacks.)
    auto claim_field = [](const std::string& name) {
      return internal::IsNodeField(name, /*claim=*/true) && !internal::IsNodeField(name, /*claim=*/false);
    };
    for (const auto& [name, value] : values) {
      if (name == "node_id" || name == "kind" || name == "label" || name == "mention_count") continue;
      if (internal::IsNodeField(name, /*claim=*/false)) continue;  // (read above)
      // Files written before node ids were claimgraph ids (they name nodes
      // by node_id) gave every node every key, empty where it had none.
      if (node_id_key_ && (claim ? value.empty() && !claim_field(name) : value.empty() || claim_field(name))) {
        continue;
      }
      if (claim && (name == "start" || name == "end" || name == "sentence")) {
        int64_t number = 0;
        const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
        if (ec != std::errc() || end != value.data() + value.size()) {
          return InputError(origin_, line, "claim \"" + id + "\": " + name + " \"" + value + "\" is not an integer");
        }
        node.AddMember(rapidjson::Value(name.c_str(), alloc), rapidjson::Value(number), alloc);
        continue;
      }
      if (claim && name == "negated") {
        node.AddMember("negated", rapidjson::Value(value == "true" || value == "1"), alloc);
        continue;
      }
      set_string(name, value);
    }
    rapidjson::Document wrapper(rapidjson::kObjectType);
    rapidjson::Value nodes(rapidjson::kArrayType);
    nodes.PushBack(rapidjson::Value(node, wrapper.GetAllocator()), wrapper.GetAllocator());
    wrapper.AddMember("nodes", nodes, wrapper.GetAllocator());
    return JsonGraphReader(origin_, line).Read(wrapper);
  }

  Result<Graph> Finish() {
    for (RawEdge& raw : edges_) {
      Edge edge;
      for (auto [end, out] : {std::pair{&raw.source, &edge.source}, std::pair{&raw.target, &edge.target}}) {
        const auto id = ids_.find(*end);
        if (id == ids_.end()) {
          return InputError(origin_, raw.line, "edge " + raw.source + " -> " + raw.target + ": \"" + *end +
                                                   "\" is not the id of a node (an edge names an undeclared node)");
        }
        *out = id->second;
      }
      Values& values = raw.values;
      edge.relation = values["relation"];
      const std::string& evidence = values["evidence"];
      if (!evidence.empty()) {
        Result<rapidjson::Document> parsed = ParseJsonValue(evidence, "edge evidence", raw.line);
        if (!parsed.ok()) return parsed.status();
        for (const auto& ev : parsed->GetArray()) {
          if (!ev.IsObject() || !ev.HasMember("doc") || !ev["doc"].IsString() || !ev.HasMember("start") ||
              !ev["start"].IsUint() || !ev.HasMember("end") || !ev["end"].IsUint()) {
            return InputError(origin_, raw.line, "edge " + edge.source + " -> " + edge.target + ": malformed evidence");
          }
          edge.evidence.push_back({ev["doc"].GetString(), ev["start"].GetInt64(), ev["end"].GetInt64(),
                                   ev.HasMember("rule") && ev["rule"].IsString() ? ev["rule"].GetString() : ""});
        }
      }
      for (const auto& [name, value] : values) {
        if (name == "relation" || name == "label" || name == "weight" || name == "key" || name == "evidence") continue;
        if (!value.empty()) edge.attributes[name] = value;
      }
      if (const auto weight = values.find("weight"); weight != values.end()) KeepGivenWeight(weight->second, &edge);
      graph_.AddEdge(edge);
      raw = RawEdge();
    }
    // The documents, from the graph data claimgraph writes; for GraphML from
    // other tools, the documents named by mentions (lengths unknown).
    const auto documents = graph_values_.find("documents");
    if (documents != graph_values_.end()) {
      Result<rapidjson::Document> parsed = ParseJsonValue(documents->second, "graph data \"documents\"", 0);
      if (!parsed.ok()) return parsed.status();
      for (const auto& d : parsed->GetArray()) {
        if (!d.IsObject() || !d.HasMember("id") || !d["id"].IsString()) {
          return InputError(origin_, 0, "graph data \"documents\": each document needs a string \"id\"");
        }
        graph_.AddDocument(ReadDocumentInfo(d));
      }
    } else {
      for (const std::string& d : mention_docs_) {
        DocumentInfo info;
        info.id = d;
        graph_.AddDocument(info);
      }
    }
    return std::move(graph_);
  }

  xmlTextReaderPtr reader_;
  std::string origin_;
  std::string xml_error_;  // libxml2's first error, and its line
  int xml_error_line_ = 0;
  std::map<std::string, Key> keys_;  // by key id
  bool node_id_key_ = false;
  std::map<std::string, std::string> ids_;  // XML id -> claimgraph id
  std::vector<RawEdge> edges_;             // (resolved once every node is read)
  Values graph_values_;
  std::set<std::string> mention_docs_;
  Graph graph_;
};

// libxml2 options: no network, no entity substitution (an entity-expansion
// attack expands nothing), and no limit on a text's size (the documents of
// a large corpus are one <data>).
constexpr int kXmlOptions = XML_PARSE_NONET | XML_PARSE_HUGE | XML_PARSE_NOCDATA;

// Reads GraphML from `read` (libxml2's input callback) over `context`.
Result<Graph> ReadGraphmlFrom(xmlInputReadCallback read, void* context, const std::string& origin) {
  static std::once_flag init;
  std::call_once(init, [] { xmlInitParser(); });  // (before threads share libxml2)
  xmlTextReaderPtr reader = xmlReaderForIO(read, nullptr, context, origin.c_str(), nullptr, kXmlOptions);
  if (reader == nullptr) return InputError(origin, 0, "not a readable GraphML file: cannot start the XML reader");
  return GraphmlReader(reader, origin).Read();
}

// Reads GraphML from `in` as it goes.
Result<Graph> ReadGraphmlStream(std::istream& in, const std::string& origin) {
  return ReadGraphmlFrom(
      [](void* context, char* buffer, int length) {
        auto* stream = static_cast<std::istream*>(context);
        stream->read(buffer, length);
        return stream->bad() ? -1 : static_cast<int>(stream->gcount());
      },
      &in, origin);
}

}  // namespace

Result<Graph> ParseGraphml(const std::string& content, const std::string& origin) {
  struct Cursor {
    const std::string* text;
    size_t at;
  } cursor{&content, 0};
  return ReadGraphmlFrom(
      [](void* context, char* buffer, int length) {
        auto* c = static_cast<Cursor*>(context);
        const size_t n = std::min(static_cast<size_t>(length), c->text->size() - c->at);
        std::memcpy(buffer, c->text->data() + c->at, n);
        c->at += n;
        return static_cast<int>(n);
      },
      &cursor, origin);
}

Result<Graph> ParseDot(const std::string& content, const std::string& origin) {
  if (const int depth = DotDepth(content); depth > kMaxDotDepth) {
    return InputError(origin, 0, "not a readable DOT graph: subgraphs nested " + std::to_string(depth) + " deep, more than " +
                                     std::to_string(kMaxDotDepth));
  }
  PlainGraph g;
  auto node_id = std::make_shared<StringStore<PlainVertex>>();
  StringProperties props;
  boost::dynamic_properties dp = props.Make();
  auto& vertex_maps = props.vertex_maps;
  auto& edge_maps = props.edge_maps;
  dp.insert("node_id", boost::shared_ptr<boost::dynamic_property_map>(node_id.get(), [node_id](void*) {}));
  try {
    if (!boost::read_graphviz(content, g, dp, "node_id")) return InputError(origin, 0, "not a readable DOT graph");
  } catch (const std::exception& ex) {
    return InputError(origin, 0, std::string("not a readable DOT graph: ") + ex.what());
  }
  auto vget = [&](const std::string& name, PlainVertex v) {
    const auto it = vertex_maps.find(name);
    return it == vertex_maps.end() ? std::string() : it->second->Get(v);
  };
  Graph graph;
  std::vector<std::string> ids(boost::num_vertices(g));
  for (auto [v, end] = boost::vertices(g); v != end; ++v) {
    Node n;
    n.id = node_id->Get(*v);
    n.kind = vget("kind", *v).empty() ? "entity" : vget("kind", *v);
    n.label = vget("label", *v);
    n.type = vget("type", *v);
    n.is_claim = n.kind == "claim";
    ids[*v] = n.id;
    graph.AddNode(n);
  }
  for (auto [e, end] = boost::edges(g); e != end; ++e) {
    Edge edge;
    edge.source = ids[boost::source(*e, g)];
    edge.target = ids[boost::target(*e, g)];
    const auto relation = edge_maps.find("relation");
    const auto label = edge_maps.find("label");
    edge.relation = relation != edge_maps.end() ? relation->second->Get(*e)
                    : label != edge_maps.end()  ? label->second->Get(*e)
                                                : std::string();
    if (edge.relation.empty()) edge.relation = "co_mentioned";
    graph.AddEdge(edge);
  }
  return graph;
}

Result<Graph> ReadGraphLines(std::istream& in, const std::string& origin, std::vector<Error>* skipped) {
  Graph graph;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    rapidjson::Document doc;
    internal::ParseJson<rapidjson::kParseIterativeFlag>(doc, line);
    Result<Graph> part =
        doc.HasParseError()
            ? Result<Graph>(InputError(origin, number,
                                       std::string("malformed JSON: ") + rapidjson::GetParseError_En(doc.GetParseError())))
            : JsonGraphReader(origin, number).Read(doc);
    if (part.ok()) {
      graph.Merge(*part);
      continue;
    }
    if (skipped == nullptr) return part.status();
    Error e = part.status().errors().front();
    e.warning = true;
    e.message += "; line skipped";
    skipped->push_back(std::move(e));
  }
  if (in.bad()) {
    Error e;
    e.code = ErrorCode::kIoError;
    e.location.file = origin;
    e.location.line = number;
    e.message = "cannot read";
    return e;
  }
  return graph;
}

Result<Graph> ReadGraph(const std::string& path, std::vector<Error>* skipped) {
  auto fail = [&](const std::string& message) {
    Error e;
    e.code = ErrorCode::kIoError;
    e.location.file = path;
    e.message = message;
    return e;
  };
  std::error_code ec;
  const std::filesystem::file_status status = std::filesystem::status(path, ec);
  if (std::filesystem::is_directory(status)) return fail("is a directory, not a graph file");
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail("cannot open graph file");
  const bool regular = std::filesystem::is_regular_file(status);
  const std::string ext = std::filesystem::path(path).extension().string();
  // JSON lines are read a line at a time: partial graphs of a large corpus
  // are several times its size. (So is a regular file of another name that
  // does not start with '<', as Hadoop's part-00000 does not.)
  const std::optional<GraphFormat> named = FormatOfExtension(ext);
  const bool tagged = regular && (in >> std::ws).peek() == '<';
  in.clear();
  in.seekg(0);
  if (named == GraphFormat::kJsonLines || (!named && regular && !tagged)) return ReadGraphLines(in, path, skipped);
  // GraphML is read as a stream too: it is several times the JSON's size.
  if (named == GraphFormat::kGraphml || (!named && tagged)) return ReadGraphmlStream(in, path);
  in.clear();
  in.seekg(0);
  // A file with no size (a FIFO, /dev/zero) is read up to 1 GiB.
  constexpr size_t kUnsizedLimit = size_t{1} << 30;
  std::string content;
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    content.append(buffer, static_cast<size_t>(in.gcount()));
    if (!regular && content.size() > kUnsizedLimit) return fail("more than 1 GiB from a file that is not a regular file");
  }
  if (in.bad()) return fail("cannot read graph file");
  switch (named.value_or(GraphFormat::kJsonLines)) {
    case GraphFormat::kJson: return ParseGraphJson(content, path);
    case GraphFormat::kDot: return ParseDot(content, path);
    default: break;
  }
  // GraphML, or another name (Hadoop's part-00000) not a regular file:
  // GraphML if it starts with '<', else JSON lines of partial graphs.
  const size_t first = content.find_first_not_of(" \t\r\n");
  if (named == GraphFormat::kGraphml || (first != std::string::npos && content[first] == '<')) {
    return ParseGraphml(content, path);
  }
  std::istringstream lines(content);
  return ReadGraphLines(lines, path, skipped);
}


}  // namespace claimgraph
