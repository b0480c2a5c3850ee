// SPDX-License-Identifier: Apache-2.0
// Stage 6, write GEXF: GEXF 1.2 (the version Gephi writes, and the one
// every networkx reads; 2.8 reads no 1.3) with every field of the JSON
// export as a declared, typed attribute, viz:color by entity type (claims
// pale, as squares), viz:size by degree, and parallel edges told apart by
// `kind`, and viz:position from the layout the HTML view draws (layout.h;
// y points up in Gephi, down on a page). Lists, mentions and evidence are
// JSON strings, as in GraphML.
// Where documents have dates the graph is dynamic (timeformat "date") for
// Gephi's timeline: a claim starts on its date, an entity on the first
// day a document names it, an edge on the first day of its evidence.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "claimgraph/io.h"
#include "claimgraph/version.h"
#include "extract_claims.h"
#include "layout.h"
#include "write_common.h"

namespace claimgraph {
namespace {

// Escapes `s` for an XML attribute value or text. Characters XML 1.0 cannot
// carry (C0 controls other than tab, newline and carriage return) are
// dropped; tab and newline become references so that attribute-value
// normalization keeps them.
std::string Xml(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (const char ch : s) {
    const unsigned char c = static_cast<unsigned char>(ch);
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\t': out += "&#9;"; break;
      case '\n': out += "&#10;"; break;
      case '\r': out += "&#13;"; break;
      default:
        if (c >= 0x20) out.push_back(ch);
    }
  }
  return out;
}

std::string Format(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  return buffer;
}

// "#f28e2b" -> r="242" g="142" b="43"
std::string VizColor(const std::string& hex) {
  const unsigned long rgb = std::stoul(hex.substr(1), nullptr, 16);
  return "<viz:color r=\"" + std::to_string((rgb >> 16) & 0xff) + "\" g=\"" + std::to_string((rgb >> 8) & 0xff) +
         "\" b=\"" + std::to_string(rgb & 0xff) + "\" a=\"1.0\"/>";
}

struct Column {
  std::string id;    // attribute id and title
  std::string type;  // GEXF type
};

}  // namespace

std::string WriteGexf(const Graph& graph) {
  const std::vector<Node> nodes = graph.Nodes();
  const std::vector<Edge> edges = graph.Edges();
  const std::vector<int> keys = internal::EdgeKeys(edges);

  // Fixed columns, then the free attributes (renamed attr_<key> where one
  // would shadow a fixed column).
  std::vector<Column> node_columns = {
      {"kind", "string"},     {"type", "string"},   {"aliases", "string"},  {"mention_count", "integer"},
      {"mentions", "string"}, {"degree", "integer"}, {"text", "string"},     {"cue", "string"},
      {"modality", "string"}, {"negated", "boolean"}, {"doc", "string"},     {"start", "long"},
      {"end", "long"},        {"sentence", "integer"}, {"rule", "string"},   {"speaker", "string"},
      {"speaker_status", "string"}};
  // (The index among parallel edges is edge_key: networkx's read_gexf
  // passes "key" as a keyword of its own.)
  std::vector<Column> edge_columns = {{"relation", "string"}, {"edge_key", "integer"}, {"evidence", "string"}};
  auto free_columns = [](std::vector<Column>* columns, const std::set<std::string>& names) {
    std::map<std::string, std::string> ids;
    std::set<std::string> fixed;
    for (const Column& c : *columns) fixed.insert(c.id);
    for (const std::string& name : names) {
      const std::string id = fixed.count(name) ? "attr_" + name : name;
      columns->push_back({id, "string"});
      ids[name] = id;
    }
    return ids;
  };
  std::set<std::string> node_attr_names, edge_attr_names;
  for (const Node& n : nodes) {
    for (const auto& [key, value] : n.attributes) node_attr_names.insert(key);
  }
  for (const Edge& e : edges) {
    for (const auto& [key, value] : e.attributes) edge_attr_names.insert(key);
  }
  const std::map<std::string, std::string> node_attr_ids = free_columns(&node_columns, node_attr_names);
  const std::map<std::string, std::string> edge_attr_ids = free_columns(&edge_columns, edge_attr_names);

  std::map<std::string, int> degree;
  for (const Edge& e : edges) {
    ++degree[e.source];
    ++degree[e.target];
  }
  int max_degree = 1;
  for (const auto& [id, d] : degree) max_degree = std::max(max_degree, d);
  // The positions the HTML view draws too (layout.h), for Gephi to open on.
  const std::map<std::string, std::pair<double, double>> positions = internal::LayoutPositions(graph);

  // The first day of each node and edge, from its documents' dates.
  std::map<std::string, std::string> doc_day;
  for (const DocumentInfo& d : graph.Documents()) {
    const std::string_view day = internal::DocumentDay(d.date);
    if (!day.empty()) doc_day[d.id] = std::string(day);
  }
  auto first_day = [&doc_day](std::string* day, const std::string& doc) {
    const auto it = doc_day.find(doc);
    if (it != doc_day.end() && (day->empty() || it->second < *day)) *day = it->second;
  };
  auto node_day = [&](const Node& n) {
    std::string day;
    if (n.is_claim) {
      const auto date = n.attributes.find("date");
      if (date != n.attributes.end()) return date->second;
      first_day(&day, n.claim.doc);
    }
    for (const Mention& m : n.mentions) first_day(&day, m.doc);
    return day;
  };
  auto edge_day = [&](const Edge& e) {
    std::string day;
    for (const Evidence& ev : e.evidence) first_day(&day, ev.doc);
    return day;
  };
  auto start = [](const std::string& day) { return day.empty() ? std::string() : " start=\"" + day + "\""; };

  std::string out;
  out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<gexf xmlns=\"http://www.gexf.net/1.2draft\" xmlns:viz=\"http://www.gexf.net/1.2draft/viz\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xsi:schemaLocation=\"http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd\" version=\"1.2\">\n";
  out += "  <meta>\n    <creator>claimgraph " + std::string(CLAIMGRAPH_VERSION_STRING) + "</creator>\n";
  std::string docs;
  for (const DocumentInfo& d : graph.Documents()) docs += (docs.empty() ? "" : ", ") + d.id;
  out += "    <description>entities and claims from " + Xml(docs.empty() ? "no documents" : docs) +
         "</description>\n  </meta>\n";
  out += doc_day.empty() ? "  <graph mode=\"static\" defaultedgetype=\"directed\">\n"
                         : "  <graph mode=\"dynamic\" timeformat=\"date\" defaultedgetype=\"directed\">\n";
  auto declare = [&out](const char* cls, const std::vector<Column>& columns) {
    out += std::string("    <attributes class=\"") + cls + "\" mode=\"static\">\n";
    for (const Column& c : columns) {
      out += "      <attribute id=\"" + Xml(c.id) + "\" title=\"" + Xml(c.id) + "\" type=\"" + c.type + "\"/>\n";
    }
    out += "    </attributes>\n";
  };
  declare("node", node_columns);
  declare("edge", edge_columns);

  auto value = [&out](const std::string& id, const std::string& v) {
    out += "          <attvalue for=\"" + Xml(id) + "\" value=\"" + Xml(v) + "\"/>\n";
  };
  out += "    <nodes>\n";
  for (const Node& n : nodes) {
    const int d = degree.count(n.id) ? degree.at(n.id) : 0;
    out += "      <node id=\"" + Xml(n.id) + "\" label=\"" + Xml(n.label) + "\"" + start(node_day(n)) +
           ">\n        <attvalues>\n";
    value("kind", n.kind);
    value("degree", std::to_string(d));
    if (n.is_claim) {
      const ClaimInfo& c = n.claim;
      value("text", c.text);
      value("cue", c.cue);
      value("modality", c.modality);
      value("negated", c.negated ? "true" : "false");
      value("doc", c.doc);
      value("start", std::to_string(c.start));
      value("end", std::to_string(c.end));
      value("sentence", std::to_string(c.sentence));
      value("rule", c.rule);
      value("speaker", c.speaker);
      value("speaker_status", c.speaker_status);
    } else {
      value("type", n.type);
      value("aliases", internal::StringsToJson(n.aliases));
      value("mention_count", std::to_string(n.mentions.size()));
      value("mentions", internal::MentionsToJson(n.mentions));
    }
    for (const auto& [key, v] : n.attributes) value(node_attr_ids.at(key), v);
    out += "        </attvalues>\n";
    // Size: 10 for an isolated node up to 50 for the best connected one,
    // by the square root of the degree so hubs do not swamp the picture.
    const double size = 10.0 + 40.0 * std::sqrt(static_cast<double>(d) / max_degree);
    out += "        " + VizColor(n.is_claim ? internal::kClaimColor : internal::TypeColor(n.type)) + "\n";
    out += "        <viz:size value=\"" + Format(size) + "\"/>\n";
    const auto [x, y] = positions.at(n.id);
    out += "        <viz:position x=\"" + Format(x) + "\" y=\"" + Format(-y) + "\" z=\"0.0\"/>\n";
    out += std::string("        <viz:shape value=\"") + (n.is_claim ? "square" : "disc") + "\"/>\n";
    out += "      </node>\n";
  }
  out += "    </nodes>\n    <edges>\n";
  for (size_t i = 0; i < edges.size(); ++i) {
    const Edge& e = edges[i];
    out += "      <edge id=\"" + std::to_string(i) + "\" source=\"" + Xml(e.source) + "\" target=\"" + Xml(e.target) +
           "\" label=\"" + Xml(e.relation) + "\" kind=\"" + Xml(e.relation) + "\" weight=\"" +
           std::to_string(std::max<int64_t>(e.weight, 1)) + "\"" + start(edge_day(e)) + ">\n        <attvalues>\n";
    value("relation", e.relation);
    value("edge_key", std::to_string(keys[i]));
    value("evidence", internal::EvidenceToJson(e.evidence));
    for (const auto& [key, v] : e.attributes) value(edge_attr_ids.at(key), v);
    out += "        </attvalues>\n      </edge>\n";
  }
  out += "    </edges>\n  </graph>\n</gexf>\n";
  return out;
}

}  // namespace claimgraph
