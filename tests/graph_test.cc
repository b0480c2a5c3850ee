// SPDX-License-Identifier: Apache-2.0
// Stage 5: graph building and merging (associative, commutative).
#include <doctest/doctest.h>

#include "claimgraph/io.h"
#include "test_util.h"

namespace claimgraph {
namespace {

Graph GraphOf(const std::string& id, const std::string& text) {
  Pipeline pipeline(testing::BuiltInRules());
  Document doc;
  doc.id = id;
  doc.text = text;
  Result<Extraction> ex = pipeline.Extract(doc);
  REQUIRE(ex.ok());
  return ExtractionToGraph(*ex);
}

TEST_CASE("entities of one sentence are co-mentioned and the weight counts sentences") {
  const Graph g = GraphOf("d", "알리바바와 텐센트가 경쟁한다. 텐센트는 알리바바를 앞섰다. 구글은 조용했다.");
  const std::vector<Edge> edges = g.Edges();
  REQUIRE(edges.size() == 1);
  CHECK(edges[0].source == "ent:alibaba");
  CHECK(edges[0].target == "ent:tencent");
  CHECK(edges[0].relation == "co_mentioned");
  CHECK(edges[0].weight == 2);
  REQUIRE(edges[0].evidence.size() == 2);
  CHECK(edges[0].evidence[0].start == 0);
  CHECK(edges[0].evidence[0].end == 16);
  CHECK(g.node_count() == 3);
}

TEST_CASE("nodes keep every mention and the union of aliases") {
  const Graph g = GraphOf("d", "Alibaba는 알리바바(阿里巴巴)다.");
  const Node* n = g.FindNode("ent:alibaba");
  REQUIRE(n != nullptr);
  CHECK(n->mentions.size() == 3);
  CHECK(n->label == "Alibaba");
  CHECK(n->type == "Organization");
  CHECK(n->attributes.at("country") == "ent:china");
}

TEST_CASE("merging is commutative and associative: equal graphs give equal bytes") {
  const Graph a = GraphOf("a", "알리바바와 텐센트가 경쟁한다.");
  const Graph b = GraphOf("b", "텐센트와 알리바바, 그리고 바이두가 경쟁한다.");
  const Graph c = GraphOf("c", "카일 찬 교수는 알리바바를 평가했다.");
  Graph ab_c;
  ab_c.Merge(a);
  ab_c.Merge(b);
  ab_c.Merge(c);
  Graph c_ba;
  c_ba.Merge(c);
  Graph ba;
  ba.Merge(b);
  ba.Merge(a);
  c_ba.Merge(ba);
  CHECK(WriteJson(ab_c) == WriteJson(c_ba));
  const Node* alibaba = ab_c.FindNode("ent:alibaba");
  REQUIRE(alibaba != nullptr);
  CHECK(alibaba->mentions.size() == 3);
  CHECK(ab_c.Documents().size() == 3);
}

TEST_CASE("an edge to a missing node is refused") {
  Graph g;
  Node n;
  n.id = "ent:x";
  g.AddNode(n);
  Edge e;
  e.source = "ent:x";
  e.target = "ent:y";
  e.relation = "co_mentioned";
  CHECK_FALSE(g.AddEdge(e));
  CHECK(g.edge_count() == 0);
}

}  // namespace
}  // namespace claimgraph
