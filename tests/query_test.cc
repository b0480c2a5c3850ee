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
  CHECK_FALSE((*path)[0].evidence.doc.empty());  // each hop names a span that says it
  CHECK_FALSE(ShortestPath(g, "ent:hunyuan-image-3-0", "ent:kyle-chan", 6).has_value());
  CHECK_FALSE(ShortestPath(g, "ent:hunyuan-image-3-0", "ent:alibaba", 1).has_value());
}

TEST_CASE("a path takes stated relations over a shorter co-mention, and --via keeps to one relation") {
  Result<Graph> g = Pipeline(testing::BuiltInRules()).Run({[] {
    Document d;
    d.id = "p";
    d.text = "텐센트는 훈위안-이미지-3.0을 공개했다. 훈위안-이미지-3.0은 LM 아레나에서 1위에 올랐다. "
             "텐센트와 LM 아레나는 이번 순위로 함께 주목받았다.";
    return d;
  }()});
  REQUIRE(g.ok());
  const auto stated = ShortestPath(*g, "ent:tencent", "ent:lm-arena", 4);
  REQUIRE(stated.has_value());
  REQUIRE(stated->size() == 2);
  CHECK((*stated)[0].relation == "released");
  CHECK((*stated)[1].relation == "ranks_on");
  const auto co = ShortestPath(*g, "ent:tencent", "ent:lm-arena", 4, "co_mentioned");
  REQUIRE(co.has_value());
  REQUIRE(co->size() == 1);
  CHECK((*co)[0].relation == "co_mentioned");
  CHECK_FALSE(ShortestPath(*g, "ent:tencent", "ent:lm-arena", 4, "invests_in").has_value());
  // Without a stated path within reach, co-mentions carry it.
  CHECK(ShortestPath(*g, "ent:tencent", "ent:lm-arena", 1).has_value());
}

TEST_CASE("claims filter by speaker, subject and cue") {
  const Graph& g = SampleGraph();
  const std::vector<Node> by = Claims(g, {"ent:kyle-chan", "", "", "", ""});
  REQUIRE(by.size() == 1);
  CHECK(by[0].claim.cue == "지적하다");
  CHECK(Claims(g, {"", "", "지적하다", "", ""}).size() == 1);
  CHECK(Claims(g, {"ent:tencent", "", "", "", ""}).empty());
}

TEST_CASE("claims filter by day, and a timeline lists claims by and about an entity in date order") {
  auto doc = [](const std::string& id, const std::string& date, const std::string& text) {
    Document d;
    d.id = id;
    d.date = date;
    d.text = text;
    return d;
  };
  // Written in the reverse of their dates; one names its own day, one has none.
  const std::vector<Document> docs = {
      doc("b", "2025-10-20", "누리그룹 박서준 대표는 지난 3일 투자를 늘리겠다고 밝혔다."),
      doc("a", "2025-10-10", "한빛전자 김도윤 사장은 누리그룹이 시장을 이끌고 있다고 말했다."),
      doc("c", "", "누리그룹 박서준 대표는 해외 진출을 서두르겠다고 말했다.")};
  Result<Graph> g = Pipeline(testing::BuiltInRules()).Run(docs);
  REQUIRE(g.ok());
  Result<std::string> nuri = FindEntity(*g, "누리그룹");
  REQUIRE(nuri.ok());
  Result<std::string> park = FindEntity(*g, "박서준");
  REQUIRE(park.ok());
  ClaimQuery october;
  october.since = "2025-10-01";
  october.until = "2025-10-09";
  const std::vector<Node> early = Claims(*g, october);
  REQUIRE(early.size() == 1);  // the claim of "b", dated by its sentence: 3 October
  CHECK(early[0].attributes.at("date") == "2025-10-03");
  CHECK(early[0].attributes.at("date_source") == "sentence");
  const std::vector<TimelineEntry> park_line = Timeline(*g, *park);
  REQUIRE(park_line.size() == 2);
  CHECK(park_line[0].claim.attributes.at("date") == "2025-10-03");
  CHECK(park_line[0].by);
  CHECK(park_line[1].claim.attributes.count("date") == 0);  // undated: last
  // 누리그룹 is what the claim of "a" is about, dated by its document.
  const std::vector<TimelineEntry> nuri_line = Timeline(*g, *nuri);
  REQUIRE(nuri_line.size() == 1);
  CHECK(nuri_line[0].claim.claim.doc == "a");
  CHECK(nuri_line[0].about);
  CHECK_FALSE(nuri_line[0].by);
  CHECK(nuri_line[0].claim.attributes.at("date_source") == "document");
  CHECK(IsDay("2025-10-03"));
  for (const char* bad : {"2025-1-03", "2025-13-01", "2025-10-32", "20251003", "yesterday"}) CHECK_FALSE(IsDay(bad));
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

TEST_CASE("filter values are exact or equal but for case, else an error that lists them") {
  const Graph& g = SampleGraph();
  CHECK(*ResolveFilterValue(g, FilterField::kType, "Person") == "Person");
  CHECK(*ResolveFilterValue(g, FilterField::kType, "person") == "Person");
  CHECK(*ResolveFilterValue(g, FilterField::kRelation, "RANKS_ON") == "ranks_on");
  // A type or relation of the contract that this graph lacks is valid: it
  // matches nothing, which is an answer.
  CHECK(*ResolveFilterValue(g, FilterField::kRelation, "invests_in") == "invests_in");
  CHECK(*ResolveFilterValue(g, FilterField::kCue, "지적하다") == "지적하다");
  const Result<std::string> bad = ResolveFilterValue(g, FilterField::kRelation, "develop");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().code() == ErrorCode::kInvalidArgument);
  const std::string& message = bad.status().errors().front().message;
  CHECK(message.find("\"develop\" is no relation (did you mean \"develops\"?); one of: ") == 0);
  CHECK(message.find("co_mentioned") != std::string::npos);
  CHECK_FALSE(ResolveFilterValue(g, FilterField::kCue, "완전히틀린말").ok());
  const std::vector<std::string> types = FilterValues(g, FilterField::kType);
  CHECK(std::is_sorted(types.begin(), types.end()));
  CHECK(types.size() == EntityTypes().size());
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

TEST_CASE("TopNodes keeps the most connected nodes and the edges among them") {
  const Graph& g = SampleGraph();
  const GraphStats stats = ComputeStats(g, 3);
  const Graph top = TopNodes(g, 3);
  REQUIRE(top.node_count() == 3);
  for (const auto& [id, degree] : stats.top_degree) CHECK(top.FindNode(id) != nullptr);
  for (const Edge& e : top.Edges()) {
    CHECK(top.FindNode(e.source) != nullptr);
    CHECK(top.FindNode(e.target) != nullptr);
  }
  CHECK(TopNodes(g, 1000).node_count() == g.node_count());
  CHECK(TopNodes(g, 1000).edge_count() == g.edge_count());
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
