// SPDX-License-Identifier: Apache-2.0
// Stage 6, the viewing formats: the HTML page (escaping of untrusted text,
// the embedded JSON, the page without document texts), GEXF read back as
// XML, Neo4j CSV read back by neo4j-admin's rules, Cytoscape.js JSON, the
// directory writer, and determinism of all of them.
#include <doctest/doctest.h>
#include <rapidjson/document.h>
#include <unistd.h>

#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "claimgraph/io.h"
#include "layout.h"
#include "test_util.h"

namespace claimgraph {
namespace {

// A document that tries every way out of a <script> element.
const char* const kHostileText =
    "알리바바는 </script><script>alert(1)</script> 문서에서 <!-- 주석 --> \"인용\" 'x' & y\xE2\x80\xA8"
    "라고 밝혔다. 텐센트는 '훈위안-이미지-3.0'을 공개했다.";

Graph HostileGraph() {
  Document doc;
  doc.id = "hostile";
  doc.text = kHostileText;
  Result<Graph> g = Pipeline(testing::BuiltInRules()).Run({doc});
  REQUIRE(g.ok());
  return *g;
}

// A graph made by hand, with the characters CSV and XML must quote.
Graph QuotingGraph() {
  Graph g;
  Node a;
  a.id = "ent:a";
  a.kind = "entity";
  a.label = "Say \"hi\", ok";
  a.type = "Organization";
  a.aliases = {"A;B", "Say \"hi\", ok", "에이"};
  a.mentions = {{"d", 0, 3, "에이", 0, "gazetteer", ""}};
  a.attributes = {{"role", "line one\nline two"}, {"type", "shadowed"}};
  g.AddNode(a);
  Node c;
  c.id = "claim:d:0";
  c.kind = "claim";
  c.is_claim = true;
  c.label = "<b>bold</b> & co";
  c.claim.text = "<b>bold</b> & co";
  c.claim.cue = "say";
  c.claim.modality = "asserted";
  c.claim.doc = "d";
  c.claim.start = 4;
  c.claim.end = 20;
  c.claim.speaker = "ent:a";
  c.claim.speaker_status = "named";
  g.AddNode(c);
  Edge e;
  e.source = "ent:a";
  e.target = "claim:d:0";
  e.relation = "asserts";
  e.weight = 1;
  e.evidence = {{"d", 0, 20, "en.attribution.say"}};
  REQUIRE(g.AddEdge(e));
  DocumentInfo doc;
  doc.id = "d";
  doc.chars = 20;
  g.AddDocument(doc);
  return g;
}

// The contents of <script type="application/json" id="`id`"> in `html`.
std::string JsonScript(const std::string& html, const std::string& id) {
  const std::string open = "<script type=\"application/json\" id=\"" + id + "\">";
  const size_t begin = html.find(open);
  REQUIRE(begin != std::string::npos);
  const size_t end = html.find("</script>", begin);
  REQUIRE(end != std::string::npos);
  return html.substr(begin + open.size(), end - begin - open.size());
}

size_t Count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t pos = haystack.find(needle); pos != std::string::npos; pos = haystack.find(needle, pos + 1)) ++n;
  return n;
}

// Parses CSV by the rules neo4j-admin database import reads: ',' between
// fields, '"' quotes a field, "" inside quotes is one quote, newlines inside
// quotes belong to the field (--multiline-fields). Each field also records
// whether it was quoted (an empty unquoted field means "no property").
struct Field {
  std::string text;
  bool quoted = false;
};
std::vector<std::vector<Field>> ParseCsv(const std::string& csv) {
  std::vector<std::vector<Field>> rows;
  std::vector<Field> row;
  Field field;
  bool in_quotes = false;
  for (size_t i = 0; i < csv.size(); ++i) {
    const char c = csv[i];
    if (in_quotes) {
      if (c == '"' && i + 1 < csv.size() && csv[i + 1] == '"') {
        field.text.push_back('"');
        ++i;
      } else if (c == '"') {
        in_quotes = false;
      } else {
        field.text.push_back(c);
      }
    } else if (c == '"') {
      REQUIRE(field.text.empty());  // a quote only opens a field
      in_quotes = field.quoted = true;
    } else if (c == ',') {
      row.push_back(field);
      field = Field();
    } else if (c == '\n') {
      row.push_back(field);
      rows.push_back(row);
      row.clear();
      field = Field();
    } else {
      field.text.push_back(c);
    }
  }
  REQUIRE_FALSE(in_quotes);
  REQUIRE(row.empty());  // every row ends with a newline
  return rows;
}

std::vector<std::string> Split(const std::string& s, char delimiter) {
  std::vector<std::string> out;
  std::string item;
  std::istringstream in(s);
  while (std::getline(in, item, delimiter)) out.push_back(item);
  return out;
}

std::map<std::string, std::string> FilesByName(const std::vector<OutputFile>& files) {
  std::map<std::string, std::string> out;
  for (const OutputFile& f : files) out[f.name] = f.content;
  return out;
}

TEST_CASE("HTML keeps hostile document text inside its JSON script elements") {
  const Graph graph = HostileGraph();
  HtmlOptions options;
  options.documents["hostile"] = kHostileText;
  options.documents["not-in-graph"] = "left out";
  options.title = "<script>alert('t')</script>";
  const std::string html = WriteHtml(graph, options);

  // Only the writer's own script elements end: four JSON ones (graph,
  // documents, layout, style), plus Cytoscape.js and the viewer when built
  // with them.
  CHECK(Count(html, "</script>") == (HtmlViewerAvailable() ? 6u : 4u));
  CHECK(html.find("<script>alert") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("\xE2\x80\xA8") == std::string::npos);
  CHECK(html.find("<!-- 주석") == std::string::npos);

  // The embedded JSON parses back to the graph and the exact text.
  const std::string graph_json = JsonScript(html, "claimgraph-graph");
  CHECK(graph_json.find('<') == std::string::npos);
  rapidjson::Document g;
  g.Parse(graph_json.c_str());
  REQUIRE_FALSE(g.HasParseError());
  CHECK(g["nodes"].Size() == graph.node_count());
  CHECK(g["edges"].Size() == graph.edge_count());
  rapidjson::Document docs;
  docs.Parse(JsonScript(html, "claimgraph-documents").c_str());
  REQUIRE_FALSE(docs.HasParseError());
  CHECK(docs.MemberCount() == 1);
  CHECK(std::string(docs["hostile"]["text"].GetString()) == kHostileText);
  // Sentence spans are code points, as the mentions' sentence indices use.
  const auto& sentences = docs["hostile"]["sentences"];
  REQUIRE(sentences.Size() >= 1);
  for (const auto& node : g["nodes"].GetArray()) {
    if (!node.HasMember("mentions")) continue;
    for (const auto& m : node["mentions"].GetArray()) {
      const auto& s = sentences[m["sentence"].GetUint()];
      CHECK(s[0].GetInt64() <= m["start"].GetInt64());
      CHECK(m["end"].GetInt64() <= s[1].GetInt64());
    }
  }
}

TEST_CASE("HTML without document texts still embeds the graph") {
  const std::string html = WriteHtml(QuotingGraph(), HtmlOptions());
  CHECK(JsonScript(html, "claimgraph-documents") == "{}");
  rapidjson::Document g;
  g.Parse(JsonScript(html, "claimgraph-graph").c_str());
  REQUIRE_FALSE(g.HasParseError());
  CHECK(g["nodes"].Size() == 2);
  CHECK(html.find("<title>claimgraph</title>") != std::string::npos);
  if (HtmlViewerAvailable()) {
    CHECK(html.find("id=\"no-viewer\"") == std::string::npos);
    CHECK(html.find("cytoscape") != std::string::npos);
  } else {
    CHECK(html.find("Built without the viewer.") != std::string::npos);
  }
}

TEST_CASE("GEXF is well-formed XML with declared attributes and viz data") {
  const Graph graph = QuotingGraph();
  std::istringstream in(WriteGexf(graph));
  boost::property_tree::ptree tree;
  REQUIRE_NOTHROW(boost::property_tree::read_xml(in, tree));
  const auto& gexf = tree.get_child("gexf");
  CHECK(gexf.get<std::string>("<xmlattr>.version") == "1.2");
  CHECK(gexf.get<std::string>("<xmlattr>.xmlns") == "http://www.gexf.net/1.2draft");
  CHECK(gexf.get<std::string>("<xmlattr>.xmlns:viz") == "http://www.gexf.net/1.2draft/viz");
  const auto& g = gexf.get_child("graph");
  CHECK(g.get<std::string>("<xmlattr>.mode") == "static");  // no document has a date
  std::map<std::string, std::set<std::string>> declared;
  for (const auto& [tag, attributes] : g) {
    if (tag != "attributes") continue;
    for (const auto& [t, a] : attributes) {
      if (t == "attribute") declared[attributes.get<std::string>("<xmlattr>.class")].insert(a.get<std::string>("<xmlattr>.id"));
    }
  }
  CHECK(declared["node"].count("type"));
  CHECK(declared["node"].count("attr_type"));  // the free attribute "type" does not shadow the fixed one
  CHECK(declared["edge"].count("evidence"));
  size_t nodes = 0;
  for (const auto& [tag, node] : g.get_child("nodes")) {
    ++nodes;
    for (const auto& [t, v] : node.get_child("attvalues")) {
      CHECK(declared["node"].count(v.get<std::string>("<xmlattr>.for")));
    }
    CHECK(node.count("viz:color") == 1);
    CHECK(node.count("viz:size") == 1);
    CHECK(node.count("viz:position") == 1);
    if (node.get<std::string>("<xmlattr>.id") == "ent:a") {
      CHECK(node.get<std::string>("<xmlattr>.label") == "Say \"hi\", ok");
      CHECK(node.get<int>("viz:color.<xmlattr>.r") == 0xf2);  // Organization's orange
      bool multiline = false;
      for (const auto& [t, v] : node.get_child("attvalues")) {
        multiline |= v.get<std::string>("<xmlattr>.value") == "line one\nline two";
      }
      CHECK(multiline);
    }
  }
  CHECK(nodes == graph.node_count());
  size_t edges = 0;
  for (const auto& [tag, edge] : g.get_child("edges")) {
    ++edges;
    CHECK(edge.get<std::string>("<xmlattr>.kind") == "asserts");
  }
  CHECK(edges == graph.edge_count());
}

TEST_CASE("GEXF of dated documents is dynamic: claims start on their date, entities and edges on their first day") {
  Graph graph = QuotingGraph();
  DocumentInfo d;
  d.id = "d";
  d.date = "2025-09-24T08:00:00+09:00";
  graph.AddDocument(d);
  Node b;
  b.id = "ent:b";
  b.kind = "entity";
  b.label = "B";
  b.type = "Person";
  b.mentions = {{"undated", 0, 1, "B", 0, "gazetteer", ""}};
  graph.AddNode(b);
  std::istringstream in(WriteGexf(graph));
  boost::property_tree::ptree tree;
  REQUIRE_NOTHROW(boost::property_tree::read_xml(in, tree));
  const auto& g = tree.get_child("gexf.graph");
  CHECK(g.get<std::string>("<xmlattr>.mode") == "dynamic");
  CHECK(g.get<std::string>("<xmlattr>.timeformat") == "date");
  std::map<std::string, std::string> start;
  for (const auto& [tag, node] : g.get_child("nodes")) {
    start[node.get<std::string>("<xmlattr>.id")] = node.get<std::string>("<xmlattr>.start", "");
  }
  CHECK(start.at("ent:a") == "2025-09-24");
  CHECK(start.at("claim:d:0") == "2025-09-24");
  CHECK(start.at("ent:b").empty());  // its only document has no date: always there
  for (const auto& [tag, edge] : g.get_child("edges")) CHECK(edge.get<std::string>("<xmlattr>.start") == "2025-09-24");
}

TEST_CASE("the layout places every node, the same each time, claims around their speakers") {
  std::vector<Document> docs;
  for (const char* input : {"news_ko.txt", "news_en.txt", "docs.jsonl", "claims_ko.txt", "claims_en.txt"}) {
    Result<std::vector<Document>> read = ReadDocuments(std::string(CLAIMGRAPH_SOURCE_DIR) + "/examples/" + input);
    REQUIRE(read.ok());
    for (Document& d : *read) docs.push_back(std::move(d));
  }
  Result<Graph> g = Pipeline(testing::BuiltInRules()).Run(docs);
  REQUIRE(g.ok());
  const auto positions = internal::LayoutPositions(*g);
  CHECK(positions == internal::LayoutPositions(*g));
  CHECK(positions.size() == g->node_count());
  std::set<std::pair<double, double>> distinct;
  for (const auto& [id, xy] : positions) {
    CHECK(std::isfinite(xy.first));
    CHECK(std::isfinite(xy.second));
    distinct.insert(xy);
  }
  CHECK(distinct.size() > positions.size() * 9 / 10);  // spread out, not piled up
  size_t near = 0, claims = 0;
  g->ForEachNode([&](const Node& n) {
    if (!n.is_claim || n.claim.speaker.empty()) return;
    ++claims;
    const auto [x, y] = positions.at(n.id);
    const auto [sx, sy] = positions.at(n.claim.speaker);
    near += std::hypot(x - sx, y - sy) < 1000.0;
  });
  CHECK(claims > 0);
  CHECK(near == claims);
  // The HTML page carries the positions for the viewer to draw.
  const std::string html = WriteHtml(*g, HtmlOptions());
  CHECK(html.find("<script type=\"application/json\" id=\"claimgraph-layout\">{\"") != std::string::npos);
}

TEST_CASE("Neo4j CSV reads back by neo4j-admin's rules, with the graph's counts") {
  Graph graph = QuotingGraph();
  DocumentInfo d;
  d.id = "d";
  d.chars = 20;
  d.title = "A \"quoted\" title";
  d.date = "2025-09-24T08:00:00+09:00";
  graph.AddDocument(d);
  const std::map<std::string, std::string> files = FilesByName(WriteNeo4jCsv(graph));
  REQUIRE(files.size() == 5);
  const auto entities = ParseCsv(files.at("entities.csv"));
  const auto claims = ParseCsv(files.at("claims.csv"));
  const auto relationships = ParseCsv(files.at("relationships.csv"));
  CHECK(entities.size() == 1 + 1);
  CHECK(claims.size() == 1 + 1);
  CHECK(relationships.size() == 1 + graph.edge_count());

  auto column = [](const std::vector<std::vector<Field>>& table, const std::string& name) {
    for (size_t i = 0; i < table[0].size(); ++i) {
      if (table[0][i].text == name) return i;
    }
    FAIL("no column " << name);
    return size_t{0};
  };
  for (const auto& table : {entities, claims, relationships}) {
    for (const auto& row : table) CHECK(row.size() == table[0].size());
  }
  CHECK(entities[0][0].text == "id:ID");
  CHECK(entities[1][column(entities, ":LABEL")].text == "Entity;Organization");
  CHECK(entities[1][column(entities, "label")].text == "Say \"hi\", ok");
  // Arrays split on ';'; a ';' inside an element became U+FF1B.
  CHECK(Split(entities[1][column(entities, "aliases:string[]")].text, ';') ==
        std::vector<std::string>{"A\xEF\xBC\x9B" "B", "Say \"hi\", ok", "에이"});
  CHECK(entities[1][column(entities, "role")].text == "line one\nline two");
  CHECK(entities[1][column(entities, "attr_type")].text == "shadowed");
  CHECK(entities[1][column(entities, "mention_count:int")].text == "1");
  CHECK(claims[1][column(claims, ":LABEL")].text == "Claim");
  CHECK(claims[1][column(claims, "negated:boolean")].text == "false");
  CHECK(claims[1][column(claims, "start:long")].text == "4");

  // Relationships name existing ids; types are upper-cased relations.
  std::set<std::string> ids = {entities[1][0].text, claims[1][0].text};
  const auto& r = relationships[1];
  CHECK(ids.count(r[column(relationships, ":START_ID")].text));
  CHECK(ids.count(r[column(relationships, ":END_ID")].text));
  CHECK(r[column(relationships, ":TYPE")].text == "ASSERTS");
  CHECK(r[column(relationships, "relation")].text == "asserts");
  rapidjson::Document evidence;
  evidence.Parse(r[column(relationships, "evidence")].text.c_str());
  CHECK(evidence.IsArray());

  // The document is a node, linked from its claim and the entity it mentions.
  const auto documents = ParseCsv(files.at("documents.csv"));
  const auto links = ParseCsv(files.at("document_links.csv"));
  REQUIRE(documents.size() == 1 + 1);
  CHECK(documents[1][column(documents, "id:ID")].text == "doc:d");
  CHECK(documents[1][column(documents, ":LABEL")].text == "Document");
  CHECK(documents[1][column(documents, "title")].text == "A \"quoted\" title");
  CHECK(documents[1][column(documents, "chars:long")].text == "20");
  CHECK(documents[1][column(documents, "day:date")].text == "2025-09-24");
  REQUIRE(links.size() == 1 + 2);
  std::set<std::pair<std::string, std::string>> typed;
  for (size_t i = 1; i < links.size(); ++i) {
    CHECK(links[i][column(links, ":END_ID")].text == "doc:d");
    typed.insert({links[i][column(links, ":START_ID")].text, links[i][column(links, ":TYPE")].text});
  }
  CHECK(typed == std::set<std::pair<std::string, std::string>>{{"claim:d:0", "IN_DOCUMENT"}, {"ent:a", "MENTIONED_IN"}});
}

TEST_CASE("Neo4j CSV of a pipeline graph has one row a node and an edge") {
  const Graph graph = HostileGraph();
  const std::map<std::string, std::string> files = FilesByName(WriteNeo4jCsv(graph));
  size_t claims = 0;
  for (const Node& n : graph.Nodes()) claims += n.is_claim ? 1 : 0;
  CHECK(ParseCsv(files.at("entities.csv")).size() - 1 == graph.node_count() - claims);
  CHECK(ParseCsv(files.at("claims.csv")).size() - 1 == claims);
  CHECK(ParseCsv(files.at("relationships.csv")).size() - 1 == graph.edge_count());
  CHECK(ParseCsv(files.at("documents.csv")).size() - 1 == graph.Documents().size());
  CHECK(ParseCsv(files.at("document_links.csv")).size() - 1 >= claims);
}

TEST_CASE("Cytoscape.js JSON loads with the graph's elements") {
  const Graph graph = HostileGraph();
  rapidjson::Document d;
  d.Parse(WriteCyjs(graph).c_str());
  REQUIRE_FALSE(d.HasParseError());
  const auto& nodes = d["elements"]["nodes"];
  const auto& edges = d["elements"]["edges"];
  CHECK(nodes.Size() == graph.node_count());
  CHECK(edges.Size() == graph.edge_count());
  std::set<std::string> ids;
  for (const auto& n : nodes.GetArray()) ids.insert(n["data"]["id"].GetString());
  for (const auto& e : edges.GetArray()) {
    CHECK(ids.count(e["data"]["source"].GetString()));
    CHECK(ids.count(e["data"]["target"].GetString()));
    CHECK(e["data"]["interaction"] == e["data"]["relation"]);
  }
  rapidjson::Document quoting;
  quoting.Parse(WriteCyjs(QuotingGraph()).c_str());
  REQUIRE_FALSE(quoting.HasParseError());
  const auto& a = quoting["elements"]["nodes"][1]["data"];  // ent:a sorts after claim:d:0
  CHECK(std::string(a["id"].GetString()) == "ent:a");
  CHECK(std::string(a["type"].GetString()) == "Organization");
  CHECK(std::string(a["attr_type"].GetString()) == "shadowed");
  CHECK(a["aliases"].Size() == 3);
}

TEST_CASE("viewing formats are deterministic") {
  HtmlOptions options;
  options.documents["hostile"] = kHostileText;
  CHECK(WriteHtml(HostileGraph(), options) == WriteHtml(HostileGraph(), options));
  CHECK(WriteGexf(HostileGraph()) == WriteGexf(HostileGraph()));
  CHECK(WriteCyjs(HostileGraph()) == WriteCyjs(HostileGraph()));
  const auto a = WriteNeo4jCsv(HostileGraph());
  const auto b = WriteNeo4jCsv(HostileGraph());
  REQUIRE(a.size() == b.size());
  for (size_t i = 0; i < a.size(); ++i) CHECK(a[i].content == b[i].content);
}

TEST_CASE("the new formats are named by extension and by --format name") {
  CHECK(*FormatFromPath("g.html") == GraphFormat::kHtml);
  CHECK(*FormatFromPath("g.gexf") == GraphFormat::kGexf);
  CHECK(*FormatFromPath("g.cyjs") == GraphFormat::kCyjs);
  CHECK(*FormatFromName("gexf") == GraphFormat::kGexf);
  CHECK(*FormatFromName("html") == GraphFormat::kHtml);
  Result<GraphFormat> bad = FormatFromName("csv");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().ToString() == "error: unknown format \"csv\" (expected json, graphml, dot, html, gexf, cyjs or neo4j)\n");
}

TEST_CASE("a directory output is written whole, and a non-empty directory is refused") {
  namespace fs = std::filesystem;
  const fs::path root = fs::temp_directory_path() / ("claimgraph-dir-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root);
  const std::vector<OutputFile> files = {{"a.csv", "a\n"}, {"b.csv", "b\n"}};

  SUBCASE("a new directory") {
    REQUIRE(WriteDirectoryAtomic((root / "out").string(), files).ok());
    CHECK(testing::ReadFileOrEmpty((root / "out" / "b.csv").string()) == "b\n");
  }
  SUBCASE("an existing empty directory") {
    fs::create_directories(root / "out");
    REQUIRE(WriteDirectoryAtomic((root / "out").string(), files).ok());
    CHECK(testing::ReadFileOrEmpty((root / "out" / "a.csv").string()) == "a\n");
  }
  SUBCASE("a non-empty directory") {
    fs::create_directories(root / "out");
    std::ofstream((root / "out" / "old.txt").string()) << "keep";
    const Status s = WriteDirectoryAtomic((root / "out").string(), files);
    REQUIRE_FALSE(s.ok());
    CHECK(s.code() == ErrorCode::kInvalidArgument);
    CHECK(s.ToString() == (root / "out").string() +
                              ": error: output directory exists and is not empty; refusing to mix new files "
                              "with old ones (remove it or name a new directory)\n");
    CHECK_FALSE(fs::exists(root / "out" / "a.csv"));
  }
  // No temporary directory is left next to the output.
  size_t entries = 0;
  for (const auto& entry : fs::directory_iterator(root)) {
    (void)entry;
    ++entries;
  }
  CHECK(entries == 1);
  fs::remove_all(root);
}

}  // namespace
}  // namespace claimgraph
