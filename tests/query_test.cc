// SPDX-License-Identifier: Apache-2.0
// Queries: names in any script and case with particles, neighbours, paths,
// claims, subgraphs, statistics and display widths.
#include "claimgraph/query.h"

#include <doctest/doctest.h>

#include "test_util.h"

namespace claimgraph {
namespace {

const Graph& SampleGraph() {
  static const Graph* graph = [] {
    Document a;
    a.id = "a";
    a.text = "하지만 프린스턴대학교의 카일 찬 교수는 이러한 지표가 뒤처짐을 의미하지 않는다고 지적합니다. "
             "LM 아레나의 텍스트-이미지 생성 부문 1위 모델이 텐센트의 '훈위안-이미지-3.0'인 점도 눈에 띕니다. "
             "알리바바는 텐센트와 경쟁한다.";
    Result<Graph> g = Pipeline(testing::BuiltInRules()).Run({a});
    REQUIRE(g.ok());
    return new Graph(*g);
  }();
  return *graph;
}

TEST_CASE("names resolve by label or alias, any case, particles tolerated") {
  const Graph& g = SampleGraph();
  CHECK(*FindEntity(g, "Tencent") == "ent:tencent");
  CHECK(*FindEntity(g, "tencent") == "ent:tencent");
  CHECK(*FindEntity(g, "텐센트의") == "ent:tencent");
  CHECK(*FindEntity(g, "텐센트와의") == "ent:tencent");
  CHECK(*FindEntity(g, "카일 찬") == "ent:kyle-chan");
  CHECK(*FindEntity(g, "ＬＭ 아레나") == "ent:lm-arena");
  Result<std::string> missing = FindEntity(g, "텐센드");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().errors().front().message == "no entity named \"텐센드\"; closest names: \"텐센트\"");
}

TEST_CASE("neighbors follow relations in the asked direction") {
  const Graph& g = SampleGraph();
  bool develops = false;
  for (const Neighbor& n : Neighbors(g, "ent:tencent", "develops", Direction::kOut)) {
    develops = develops || (n.id == "ent:hunyuan-image-3-0" && n.outgoing);
  }
  CHECK(develops);
  CHECK(Neighbors(g, "ent:tencent", "develops", Direction::kIn).empty());
  const std::vector<Neighbor> in = Neighbors(g, "ent:princeton-university", "affiliated_with", Direction::kIn);
  REQUIRE(in.size() == 1);
  CHECK(in[0].id == "ent:kyle-chan");
}

TEST_CASE("shortest paths carry the relation of each hop") {
  const Graph& g = SampleGraph();
  const auto path = ShortestPath(g, "ent:hunyuan-image-3-0", "ent:alibaba", 4);
  REQUIRE(path.has_value());
  REQUIRE(path->size() == 2);
  CHECK((*path)[0].relation == "develops");
  CHECK_FALSE((*path)[0].forward);
  CHECK((*path)[1].to == "ent:alibaba");
  CHECK_FALSE(ShortestPath(g, "ent:hunyuan-image-3-0", "ent:kyle-chan", 6).has_value());
  CHECK_FALSE(ShortestPath(g, "ent:hunyuan-image-3-0", "ent:alibaba", 1).has_value());
}

TEST_CASE("claims filter by speaker, subject and cue") {
  const Graph& g = SampleGraph();
  const std::vector<Node> by = Claims(g, {"ent:kyle-chan", "", ""});
  REQUIRE(by.size() == 1);
  CHECK(by[0].claim.cue == "지적하다");
  CHECK(Claims(g, {"", "", "지적하다"}).size() == 1);
  CHECK(Claims(g, {"ent:tencent", "", ""}).empty());
}

TEST_CASE("a subgraph holds the nodes within k hops and the edges among them") {
  const Graph& g = SampleGraph();
  const Graph one = Subgraph(g, "ent:tencent", 1);
  CHECK(one.FindNode("ent:hunyuan-image-3-0") != nullptr);
  CHECK(one.FindNode("ent:alibaba") != nullptr);
  CHECK(one.FindNode("ent:kyle-chan") == nullptr);
  CHECK(one.FindNode("ent:lm-arena") != nullptr);  // co-mentioned with Tencent
  const Graph zero = Subgraph(g, "ent:tencent", 0);
  CHECK(zero.node_count() == 1);
  CHECK(zero.edge_count() == 0);
}

TEST_CASE("stats count types and relations, rank by degree and PageRank") {
  const GraphStats stats = ComputeStats(SampleGraph(), 3);
  CHECK(stats.nodes == SampleGraph().node_count());
  CHECK(stats.by_type.at("claim") == 1);
  CHECK(stats.by_relation.at("ranks_on") == 1);
  CHECK(stats.top_degree.size() == 3);
  CHECK(stats.top_degree[0].first == "ent:tencent");
  double total = 0;
  for (const auto& [id, r] : ComputeStats(SampleGraph(), 100).top_pagerank) total += r;
  CHECK(total == doctest::Approx(1.0));
  CHECK(stats.components == 2);
}

TEST_CASE("PageRank reads co_mentioned both ways: a hub leads, not the last id in the alphabet") {
  // A hub co-mentioned with four entities, two before it in the alphabet and
  // two after: stored, its edges point from the smaller id to the larger.
  Graph g;
  for (const char* id : {"ent:a", "ent:b", "ent:hub", "ent:y", "ent:z"}) {
    Node n;
    n.id = id;
    n.kind = "entity";
    n.label = id;
    g.AddNode(n);
  }
  for (const char* other : {"ent:a", "ent:b", "ent:y", "ent:z"}) {
    Edge e;
    e.source = std::string(other) < "ent:hub" ? other : "ent:hub";
    e.target = std::string(other) < "ent:hub" ? "ent:hub" : other;
    e.relation = "co_mentioned";
    REQUIRE(g.AddEdge(e));
  }
  const GraphStats stats = ComputeStats(g, 5);
  REQUIRE(stats.top_pagerank.size() == 5);
  CHECK(stats.top_pagerank[0].first == "ent:hub");
  // The four around it rank alike, whatever their ids.
  CHECK(stats.top_pagerank[1].second == doctest::Approx(stats.top_pagerank[4].second));
}

TEST_CASE("display width counts Hangul and Han as two columns") {
  CHECK(DisplayWidth("Alibaba") == 7);
  CHECK(DisplayWidth("알리바바") == 8);
  CHECK(DisplayWidth("阿里巴巴 AI") == 11);
  CHECK(DisplayWidth("e\u0301") == 1);
  CHECK(TruncateToWidth("알리바바 클라우드", 7) == "알리바…");
  CHECK(TruncateToWidth("short", 10) == "short");
}

}  // namespace
}  // namespace claimgraph
