// SPDX-License-Identifier: Apache-2.0
// Reading graphs back: JSON and GraphML round trips give the same graph,
// and bad graph files fail with the file and what is wrong.
#include <doctest/doctest.h>

#include <stdexcept>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>

#include <unistd.h>

#include "claimgraph/io.h"
#include "test_util.h"

namespace claimgraph {
namespace {

Result<Graph> BuildExamples(std::vector<Document>* docs_out = nullptr) {
  std::vector<Document> docs;
  for (const char* input : {"news_ko.txt", "news_en.txt", "docs.jsonl", "claims_ko.txt", "claims_en.txt"}) {
    Result<std::vector<Document>> read = ReadDocuments(std::string(CLAIMGRAPH_SOURCE_DIR) + "/examples/" + input);
    REQUIRE(read.ok());
    for (Document& d : *read) docs.push_back(std::move(d));
  }
  if (docs_out) *docs_out = docs;
  return Pipeline(testing::BuiltInRules()).Run(docs);
}

TEST_CASE("JSON written and read back gives byte-identical JSON") {
  Result<Graph> g = BuildExamples();
  REQUIRE(g.ok());
  const std::string json = WriteJson(*g);
  Result<Graph> back = ParseGraphJson(json, "g.json");
  REQUIRE(back.ok());
  CHECK(WriteJson(*back) == json);
  Result<Graph> line = ParseGraphJson(WriteJsonLine(*g), "g.jsonl");
  REQUIRE(line.ok());
  CHECK(WriteJson(*line) == json);
}

TEST_CASE("an entity and a claim with one id merge into a claim, in either order, and read back the same") {
  // Found by the graph_json fuzzer: a node without "kind" (so an entity,
  // whose other keys are attributes) and a claim with the same id merged
  // into an entity kind with claim fields, and attributes named like
  // claim fields were written beside them.
  const std::string claim = R"({"id": "claim:d:0", "kind": "claim", "label": "Prices fall", "text": "Prices fall",
      "cue": "say", "modality": "asserted", "negated": false, "doc": "d", "start": 0, "end": 11, "sentence": 0,
      "rule": "r", "speaker": "", "speaker_status": "unattributed"})";
  const std::string entity = R"({"id": "claim:d:0", "label": "Prices fall", "text": "other", "cue": "x", "note": "n"})";
  auto document = [](const std::string& a, const std::string& b) {
    return R"({"directed": true, "multigraph": true, "graph": {"documents": [{"id": "d", "chars": 11}]}, "nodes": [)" +
           a + ", " + b + R"(], "edges": []})";
  };
  // (Within one file a repeated id is an error; across files, merging
  // joins the nodes.)
  const Result<Graph> both = ParseGraphJson(document(entity, claim), "both.json");
  REQUIRE_FALSE(both.ok());
  CHECK(both.status().ToString() == "both.json: error: nodes[1]: the id \"claim:d:0\" is already nodes[0]'s\n");
  auto single = [](const std::string& a) {
    return R"({"directed": true, "multigraph": true, "graph": {"documents": [{"id": "d", "chars": 11}]}, "nodes": [)" +
           a + R"(], "edges": []})";
  };
  Result<Graph> entity_graph = ParseGraphJson(single(entity), "entity.json");
  Result<Graph> claim_graph = ParseGraphJson(single(claim), "claim.json");
  REQUIRE(entity_graph.ok());
  REQUIRE(claim_graph.ok());
  Graph one = *entity_graph;
  one.Merge(*claim_graph);
  Graph two = *claim_graph;
  two.Merge(*entity_graph);
  const std::string json = WriteJson(one);
  CHECK(WriteJson(two) == json);
  const Node* n = one.FindNode("claim:d:0");
  REQUIRE(n != nullptr);
  CHECK(n->kind == "claim");
  CHECK(n->is_claim);
  CHECK(n->claim.text == "Prices fall");
  CHECK(n->attributes.at("note") == "n");
  CHECK(json.find(R"("text": "other")") == std::string::npos);  // no second "text" beside the field
  Result<Graph> back = ParseGraphJson(json, "back.json");
  REQUIRE(back.ok());
  CHECK(WriteJson(*back) == json);
}

TEST_CASE("GraphML written and read back (Boost read_graphml) gives the same graph") {
  Result<Graph> g = BuildExamples();
  REQUIRE(g.ok());
  Result<Graph> back = ParseGraphml(WriteGraphml(*g), "g.graphml");
  REQUIRE(back.ok());
  CHECK(WriteJson(*back) == WriteJson(*g));
}

TEST_CASE("DOT written and read back keeps nodes, labels, types and relations") {
  Result<Graph> g = BuildExamples();
  REQUIRE(g.ok());
  Result<Graph> back = ParseDot(WriteDot(*g), "g.dot");
  REQUIRE(back.ok());
  CHECK(back->node_count() == g->node_count());
  CHECK(back->edge_count() == g->edge_count());
  const std::vector<Node> a = g->Nodes(), b = back->Nodes();
  for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
    CHECK(b[i].id == a[i].id);
    CHECK(b[i].label == a[i].label);
    CHECK(b[i].type == a[i].type);
  }
  const std::vector<Edge> x = g->Edges(), y = back->Edges();
  for (size_t i = 0; i < x.size() && i < y.size(); ++i) CHECK(y[i].relation == x[i].relation);
  Result<Graph> bad = ParseDot("digraph G { a -> ", "bad.dot");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().ToString().rfind("bad.dot: error: not a readable DOT graph", 0) == 0);
}

TEST_CASE("merging partial graphs of any partition and order equals one build (20 random partitions)") {
  std::vector<Document> docs;
  Result<Graph> whole = BuildExamples(&docs);
  REQUIRE(whole.ok());
  const std::string expected = WriteJson(*whole);
  Pipeline pipeline(testing::BuiltInRules());
  std::mt19937 rng(20251014);
  for (int round = 0; round < 20; ++round) {
    // Random partition into 1..4 parts, each extracted separately and
    // serialized as a partial graph, then merged in a random order.
    const int parts = 1 + static_cast<int>(rng() % 4);
    std::vector<std::vector<Document>> partition(static_cast<size_t>(parts));
    for (const Document& d : docs) partition[rng() % static_cast<size_t>(parts)].push_back(d);
    std::vector<std::string> serialized;
    for (const auto& part : partition) {
      Result<Graph> g = pipeline.Run(part);
      REQUIRE(g.ok());
      serialized.push_back(WriteJsonLine(*g));
    }
    std::shuffle(serialized.begin(), serialized.end(), rng);
    Graph merged;
    for (const std::string& s : serialized) {
      Result<Graph> g = ParseGraphJson(s, "part");
      REQUIRE(g.ok());
      merged.Merge(*g);
    }
    INFO("round " << round << " with " << parts << " parts");
    CHECK(WriteJson(merged) == expected);
  }
}

TEST_CASE("bad graph files fail with the file and what is wrong") {
  struct Row {
    const char* content;
    const char* message;
  };
  const Row rows[] = {
      {"{\"nodes\": [{\"id\": \"a\"}], \"edges\": [{\"source\": \"a\", \"target\": \"b\"}]}",
       "g.json: error: edges[0]: \"b\" is not the id of a node (dangling edge)\n"},
      {"{\"nodes\": [{\"id\": 7}]}", "g.json: error: nodes[0]: \"id\" must be a string\n"},
      {"{\"nodes\": [{\"id\": \"a\", \"mentions\": {}}]}", "g.json: error: nodes[0] (\"a\"): \"mentions\" must be an array\n"},
      {"{\"nodes\": 5}", "g.json: error: \"nodes\" must be an array\n"},
      {"[1]", "g.json: error: the top level must be a JSON object\n"},
      {"{\"nodes\": [", "g.json: error: malformed JSON at byte 11: Invalid value.\n"},
      {"{\"nodes\": [{\"id\": \"c\", \"kind\": \"claim\", \"start\": \"x\"}]}",
       "g.json: error: nodes[0] (\"c\"): \"start\" must be an integer\n"},
      // Offsets are code points into a document, which has fewer than 2^32.
      {"{\"nodes\": [{\"id\": \"a\", \"mentions\": [{\"doc\": \"d\", \"start\": 0, \"end\": 5000000000}]}]}",
       "g.json: error: nodes[0] (\"a\").mentions[0]: \"end\" must be an offset from 0 to 4294967295, not 5000000000\n"},
      {"{\"nodes\": [{\"id\": \"a\"}], \"edges\": [{\"source\": \"a\", \"target\": \"a\", \"evidence\": "
       "[{\"doc\": \"d\", \"start\": -1, \"end\": 2}]}]}",
       "g.json: error: edges[0].evidence[0]: \"start\" must be an offset from 0 to 4294967295, not -1\n"},
      {"{\"nodes\": [{\"id\": \"a\"}], \"edges\": [], \"links\": []}",
       "g.json: error: both \"edges\" and \"links\": a graph has one list of edges (networkx writes \"links\" before "
       "3.4, \"edges\" after)\n"},
  };
  for (const Row& row : rows) {
    SUBCASE(row.message) {
      Result<Graph> g = ParseGraphJson(row.content, "g.json");
      REQUIRE_FALSE(g.ok());
      CHECK(g.status().code() == ErrorCode::kInvalidInput);
      CHECK(g.status().ToString() == row.message);
    }
  }
  SUBCASE("GraphML that is not XML") {
    Result<Graph> g = ParseGraphml("<graphml><graph", "g.graphml");
    REQUIRE_FALSE(g.ok());
    CHECK(g.status().ToString().rfind("g.graphml:1: error: not a readable GraphML file: ", 0) == 0);
  }
  SUBCASE("XML that is not GraphML") {
    Result<Graph> g = ParseGraphml("<html><body>a page</body></html>", "g.graphml");
    REQUIRE_FALSE(g.ok());
    CHECK(g.status().ToString() == "g.graphml:1: error: not a readable GraphML file: the root element is <html>, not <graphml>\n");
  }
  SUBCASE("GraphML data under a key no <key> declares") {
    Result<Graph> g = ParseGraphml("<graphml><graph id=\"G\" edgedefault=\"directed\">\n<node id=\"n0\">"
                                   "<data key=\"zz\">a</data></node></graph></graphml>",
                                   "g.graphml");
    REQUIRE_FALSE(g.ok());
    CHECK(g.status().ToString() ==
          "g.graphml:2: error: not a readable GraphML file: <data key=\"zz\"> names a key that no <key> element "
          "declares\n");
  }
  SUBCASE("a missing file") {
    Result<Graph> g = ReadGraph("/nonexistent/g.json");
    REQUIRE_FALSE(g.ok());
    CHECK(g.status().ToString() == "/nonexistent/g.json: error: cannot open graph file\n");
  }
}

TEST_CASE("the graph keeps offsets up to 2^32 - 1 and refuses larger ones") {
  Graph g;
  Node n;
  n.id = "ent:a";
  n.kind = "entity";
  n.mentions = {{"d", 4294967290, 4294967295, "a", 0, "gazetteer", ""}};
  g.AddNode(n);
  REQUIRE(g.FindNode("ent:a") != nullptr);
  CHECK(g.FindNode("ent:a")->mentions.at(0).end == 4294967295);
  n.mentions = {{"d", 0, 4294967296, "a", 0, "gazetteer", ""}};
  CHECK_THROWS_AS(g.AddNode(n), std::out_of_range);
  Edge e;
  e.source = e.target = "ent:a";
  e.evidence = {{"d", -1, 3, "r"}};
  CHECK_THROWS_AS(g.AddEdge(e), std::out_of_range);
}

TEST_CASE("a number attribute keeps its exact value") {
  Result<Graph> g = ParseGraphJson(R"({"nodes": [{"id": "a", "score": 1.23456789e-7, "big": 12345678901234567}]})", "g.json");
  REQUIRE(g.ok());
  CHECK(g->FindNode("a")->attributes.at("score") == "1.23456789e-07");
  CHECK(g->FindNode("a")->attributes.at("big") == "12345678901234567");
  // Beyond a double's range (valid JSON): the number as written, as text.
  Result<Graph> huge = ParseGraphJson(R"({"nodes": [{"id": "a", "label": "1e400 \"x\"", "score": -1e400,
      "n": 1)" + std::string(400, '0') + "}]}",
                                      "g.json");
  REQUIRE(huge.ok());
  CHECK(huge->FindNode("a")->label == "1e400 \"x\"");
  CHECK(huge->FindNode("a")->attributes.at("score") == "-1e400");
  CHECK(huge->FindNode("a")->attributes.at("n") == "1" + std::string(400, '0'));
  // GraphML typed double or float: the text as written.
  Result<Graph> m = ParseGraphml(R"(<graphml><key id="s" for="node" attr.name="score" attr.type="double"/>
      <key id="f" for="node" attr.name="share" attr.type="float"/>
      <key id="i" for="node" attr.name="node_id" attr.type="string"/>
      <graph id="G" edgedefault="directed"><node id="n0"><data key="i">a</data>
      <data key="s">1.23456789e-7</data><data key="f">0.1</data></node></graph></graphml>)",
                                 "g.graphml");
  REQUIRE(m.ok());
  CHECK(m->FindNode("a")->attributes.at("score") == "1.23456789e-7");
  CHECK(m->FindNode("a")->attributes.at("share") == "0.1");
}

TEST_CASE("an edge weight from another tool that its evidence does not support is kept as given_weight") {
  SUBCASE("JSON") {
    Result<Graph> g = ParseGraphJson(
        R"({"nodes": [{"id": "a"}, {"id": "b"}, {"id": "c"}],
            "edges": [{"source": "a", "target": "b", "relation": "rivals", "weight": 5},
                      {"source": "b", "target": "c", "relation": "rivals", "weight": 1,
                       "evidence": [{"doc": "d", "start": 0, "end": 3}]}]})",
        "g.json");
    REQUIRE(g.ok());
    const std::vector<Edge> edges = g->Edges();
    REQUIRE(edges.size() == 2);
    CHECK(edges[0].weight == 0);
    CHECK(edges[0].attributes.at("given_weight") == "5");
    CHECK(edges[1].weight == 1);  // the weight its one sentence gives: nothing to keep
    CHECK(edges[1].attributes.count("given_weight") == 0);
  }
  SUBCASE("a weight that is not a number") {
    Result<Graph> g = ParseGraphJson(
        R"({"nodes": [{"id": "a"}, {"id": "b"}], "edges": [{"source": "a", "target": "b", "weight": [5]}]})", "g.json");
    REQUIRE_FALSE(g.ok());
    CHECK(g.status().ToString().find("\"weight\" must be a number") != std::string::npos);
  }
  SUBCASE("GraphML") {
    Result<Graph> g = ParseGraphml(R"(<graphml><key id="w" for="edge" attr.name="weight" attr.type="double"/>
        <key id="i" for="node" attr.name="node_id" attr.type="string"/>
        <graph id="G" edgedefault="directed">
        <node id="n0"><data key="i">a</data></node><node id="n1"><data key="i">b</data></node>
        <edge source="n0" target="n1"><data key="w">2.5</data></edge></graph></graphml>)",
                                   "g.graphml");
    REQUIRE(g.ok());
    const std::vector<Edge> edges = g->Edges();
    REQUIRE(edges.size() == 1);
    CHECK(edges[0].attributes.at("given_weight") == "2.5");
  }
}

TEST_CASE("deeply nested graph files are refused before a reader recurses, never a stack overflow") {
  const int n = 50000;
  std::string open, close;
  for (int i = 0; i < n; ++i) {
    open += "<a>";
    close += "</a>";
  }
  SUBCASE("GraphML with 50,000 nested elements") {
    Result<Graph> g = ParseGraphml("<graphml><graph id=\"G\" edgedefault=\"directed\">" + open + close + "</graph></graphml>",
                                   "g.graphml");
    REQUIRE_FALSE(g.ok());
    CHECK(g.status().ToString() ==
          "g.graphml:1: error: not a readable GraphML file: elements nested more than 256 deep\n");
  }
  SUBCASE("DOT with 10,000 nested subgraphs") {
    std::string dot = "digraph G {";
    for (int i = 0; i < 10000; ++i) dot += "subgraph {";
    dot += std::string(10001, '}');
    Result<Graph> g = ParseDot(dot, "g.dot");
    REQUIRE_FALSE(g.ok());
    CHECK(g.status().ToString() == "g.dot: error: not a readable DOT graph: subgraphs nested 10001 deep, more than 64\n");
  }
  SUBCASE("a JSON value nested 100,000 deep in a GraphML attribute") {
    Result<Graph> graph = BuildExamples();
    REQUIRE(graph.ok());
    std::string graphml = WriteGraphml(*graph);
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    const size_t key = graphml.find("attr.name=\"mentions\"");
    REQUIRE(key != std::string::npos);
    const size_t id_at = graphml.rfind("id=\"", key) + 4;
    const std::string id = graphml.substr(id_at, graphml.find('"', id_at) - id_at);
    const std::string data = "<data key=\"" + id + "\">";
    const size_t at = graphml.find(data);
    REQUIRE(at != std::string::npos);
    graphml.replace(at + data.size(), graphml.find("</data>", at) - at - data.size(), deep);
    Result<Graph> g = ParseGraphml(graphml, "g.graphml");
    REQUIRE_FALSE(g.ok());
    CHECK(g.status().ToString().find("mentions is nested 100000 deep, more than 64") != std::string::npos);
  }
  SUBCASE("node-link JSON nested 100,000 deep") {
    const std::string json = "{\"nodes\": [{\"id\": \"a\", \"mentions\": " + std::string(100000, '[') +
                             std::string(100000, ']') + "}]}";
    CHECK_FALSE(ParseGraphJson(json, "g.json").ok());
  }
}

}  // namespace
}  // namespace claimgraph
