// SPDX-License-Identifier: Apache-2.0
// Stage 5: graph building and merging (associative, commutative).
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <string>
#include <vector>

#include "claimgraph/io.h"
#include "graph_records.h"
#include "pipeline.h"
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

TEST_CASE("an edge's evidence list holds one span in place and more on the heap, through copies, moves and trims") {
  using claimgraph::internal::EvidenceList;
  using claimgraph::internal::EvidenceRec;
  auto spans = [](const EvidenceList& list) { return std::vector<EvidenceRec>(list.begin(), list.end()); };
  std::vector<EvidenceRec> want;
  EvidenceList list;
  CHECK(list.size() == 0);
  CHECK(list.begin() == list.end());
  for (uint32_t i = 0; i < 100; ++i) {
    const EvidenceRec e{i, i + 3, 7, i % 5};
    list.push_back(e);
    want.push_back(e);
    REQUIRE(spans(list) == want);
  }
  EvidenceList copy = list;
  EvidenceList moved = std::move(list);
  CHECK(spans(copy) == want);
  CHECK(spans(moved) == want);
  CHECK(list.size() == 0);  // NOLINT(bugprone-use-after-move): a moved-from list is empty
  moved.Truncate(10);
  moved.ShrinkSlack();  // 100 places for 10 spans: given back
  want.resize(10);
  CHECK(spans(moved) == want);
  moved.push_back({1000, 1001, 2, 3});
  want.push_back({1000, 1001, 2, 3});
  CHECK(spans(moved) == want);
  copy = moved;
  CHECK(spans(copy) == want);
  // One span, and none, in place.
  EvidenceList one;
  one.push_back({4, 5, 6, 0});
  CHECK(one.size() == 1);
  CHECK(one.begin()->end == 5);
  one.Truncate(0);
  CHECK(one.size() == 0);
  // A rule id the list keeps for itself is refused.
  CHECK_THROWS_AS(one.push_back({0, 1, 0, UINT32_MAX}), std::length_error);
}

TEST_CASE("entities of one sentence are co-mentioned and the weight counts sentences") {
  const Graph g = GraphOf("d", "알리바바와 텐센트가 경쟁한다. 텐센트는 알리바바를 언급했다. 구글은 조용했다.");
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
  CHECK(g.claim_count() == 0);
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

TEST_CASE("a graph whose edge index was freed writes the same and merges the same") {
  const Graph a = GraphOf("a", "알리바바와 텐센트가 경쟁한다.");
  const Graph b = GraphOf("b", "텐센트와 알리바바, 그리고 바이두가 경쟁한다.");
  Graph merged;
  merged.Merge(a);
  merged.Merge(b);
  Graph freed;
  freed.Merge(a);
  freed.FreeEdgeIndex();
  CHECK(WriteJson(freed) == WriteJson(a));
  // The next merge rebuilds the index: the same edges unite, none doubles.
  freed.Merge(b);
  CHECK(freed.edge_count() == merged.edge_count());
  CHECK(WriteJson(freed) == WriteJson(merged));
  freed.FreeEdgeIndex();
  Edge again = merged.Edges().front();
  CHECK(freed.AddEdge(again));
  CHECK(freed.edge_count() == merged.edge_count());
}

TEST_CASE("merging by move gives the graph merging by copy gives, for small and large graphs") {
  // Small graphs (one document's) have their strings copied on a moving
  // merge; a large one (over a megabyte of ids and claim texts) lends its
  // whole string storage. Either way the moved-from graphs are emptied, and
  // their storage freed (the ASan build would see a view left into it).
  auto large = [] {
    Graph g;
    for (int i = 0; i < 20000; ++i) {
      Node n;
      n.id = "claim:big:" + std::to_string(i);
      n.kind = "claim";
      n.is_claim = true;
      n.claim.text = "알리바바는 새 모델의 가격을 " + std::to_string(i) + "% 내릴 것이라고 밝혔다 (a long enough claim text)";
      n.claim.doc = "big";
      n.label = n.claim.text;
      g.AddNode(n);
    }
    DocumentInfo doc;
    doc.id = "big";
    doc.chars = 100;
    g.AddDocument(doc);
    return g;
  };
  std::vector<std::pair<std::string, std::string>> texts = {
      {"a", "알리바바와 텐센트가 경쟁한다."}, {"b", "텐센트와 알리바바, 그리고 바이두가 경쟁한다."},
      {"c", "카일 찬 교수는 \"중국의 AI 정책이 효과를 내고 있다\"고 말했다."}};
  Graph by_copy;
  for (const auto& [id, text] : texts) by_copy.Merge(GraphOf(id, text));
  Graph by_move;
  std::vector<Graph> parts;
  for (const auto& [id, text] : texts) parts.push_back(GraphOf(id, text));
  for (Graph& part : parts) by_move.Merge(std::move(part));
  const Graph big = large();
  by_copy.Merge(big);
  Graph big_moved = large();
  by_move.Merge(std::move(big_moved));
  CHECK(big_moved.node_count() == 0);
  CHECK(WriteJson(by_move) == WriteJson(by_copy));
  REQUIRE(by_move.FindNode("claim:big:19999") != nullptr);
  CHECK(by_move.FindNode("claim:big:19999")->claim.text == big.FindNode("claim:big:19999")->claim.text);
}

TEST_CASE("document metadata survives merging in any order, JSON and GraphML") {
  auto doc = [](const std::string& title, const std::string& date, const std::string& url) {
    DocumentInfo d;
    d.id = "d1";
    d.chars = 10;
    d.title = title;
    d.date = date;
    d.url = url;
    d.lang = "ko";
    return d;
  };
  // One part knows the title, the other the url; both a date (the smaller stays).
  Graph a, b;
  a.AddDocument(doc("제목", "2025-10-14", ""));
  b.AddDocument(doc("", "2025-10-15", "https://example.com/1"));
  Graph ab = a, ba = b;
  ab.Merge(b);
  ba.Merge(a);
  CHECK(WriteJson(ab) == WriteJson(ba));
  REQUIRE(ab.Documents().size() == 1);
  const DocumentInfo d = ab.Documents()[0];
  CHECK(d.title == "제목");
  CHECK(d.date == "2025-10-14");
  CHECK(d.url == "https://example.com/1");
  CHECK(d.lang == "ko");
  for (const Result<Graph>& back : {ParseGraphJson(WriteJson(ab), "g.json"), ParseGraphml(WriteGraphml(ab), "g.graphml")}) {
    REQUIRE(back.ok());
    REQUIRE(back->Documents().size() == 1);
    CHECK(back->Documents()[0].title == d.title);
    CHECK(back->Documents()[0].date == d.date);
    CHECK(back->Documents()[0].url == d.url);
    CHECK(back->Documents()[0].lang == d.lang);
  }
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

Node ClaimNode(const std::string& id, const std::string& text, const std::string& label) {
  Node n;
  n.id = id;
  n.kind = "claim";
  n.label = label;
  n.is_claim = true;
  n.claim.text = text;
  n.claim.cue = "say";
  n.claim.modality = "asserted";
  n.claim.doc = "d";
  n.claim.start = 3;
  n.claim.end = 3 + static_cast<int64_t>(text.size());
  return n;
}

TEST_CASE("claim labels read back as given, whether or not they are the start of the text") {
  Graph g;
  g.AddNode(ClaimNode("claim:d:0", "가격 인하 경쟁은 오래가지 않을 것이다", "가격 인하…"));
  g.AddNode(ClaimNode("claim:d:1", "short", "short"));
  g.AddNode(ClaimNode("claim:d:2", "open models win", "Open models…"));  // not a prefix
  g.AddNode(ClaimNode("claim:d:3", "abc", "abcd"));                       // longer than the text
  g.AddNode(ClaimNode("claim:d:4", "", "…"));
  CHECK(g.FindNode("claim:d:0")->label == "가격 인하…");
  CHECK(g.FindNode("claim:d:1")->label == "short");
  CHECK(g.FindNode("claim:d:2")->label == "Open models…");
  CHECK(g.FindNode("claim:d:3")->label == "abcd");
  CHECK(g.FindNode("claim:d:4")->label == "…");
  CHECK(g.claim_count() == 5);
  // The smaller label wins a merge, from either side.
  Graph other;
  other.AddNode(ClaimNode("claim:d:0", "가격 인하 경쟁은 오래가지 않을 것이다", "A label"));
  Graph left = g;
  left.Merge(other);
  Graph right = other;
  right.Merge(std::move(g));
  CHECK(left.FindNode("claim:d:0")->label == "A label");
  CHECK(WriteJson(left) == WriteJson(right));
  CHECK(right.FindNode("claim:d:0")->claim.text == "가격 인하 경쟁은 오래가지 않을 것이다");
}

TEST_CASE("attributes unite across merges, the smaller value winning, in any order") {
  auto entity = [](const std::map<std::string, std::string>& attributes) {
    Node n;
    n.id = "ent:x";
    n.kind = "entity";
    n.label = "X";
    n.type = "Organization";
    n.attributes = attributes;
    return n;
  };
  auto edge = [](const std::string& rank) {
    Edge e;
    e.source = "ent:x";
    e.target = "ent:y";
    e.relation = "ranks_on";
    if (!rank.empty()) e.attributes["rank"] = rank;
    e.evidence.push_back({"d", 0, 4, "r"});
    return e;
  };
  Node y;
  y.id = "ent:y";
  y.kind = "entity";
  Graph a;
  a.AddNode(entity({{"country", "ent:us"}, {"role", "ceo"}}));
  a.AddNode(y);
  a.AddEdge(edge("2"));
  a.AddEdge(edge(""));
  Graph b;
  b.AddNode(entity({{"country", "ent:china"}, {"year", "2025"}}));
  b.AddNode(y);
  b.AddEdge(edge("2"));
  b.AddEdge(edge("10"));
  Graph ab = a;
  ab.Merge(b);
  Graph ba = b;
  ba.Merge(a);
  CHECK(WriteJson(ab) == WriteJson(ba));
  const Node* x = ab.FindNode("ent:x");
  const Node* y_found = ab.FindNode("ent:y");  // a second lookup keeps the first answer valid
  REQUIRE(x != nullptr);
  REQUIRE(y_found != nullptr);
  CHECK(x->attributes == std::map<std::string, std::string>{{"country", "ent:china"}, {"role", "ceo"}, {"year", "2025"}});
  // Edges with different attributes stay apart; equal ones unite their evidence.
  std::vector<std::pair<std::string, int>> seen;
  ab.ForEachKeyedEdge([&](const Edge& e, int key) {
    seen.emplace_back(e.attributes.count("rank") ? e.attributes.at("rank") : "", key);
    CHECK(e.weight == 1);  // the same span twice is one piece of evidence
  });
  CHECK(seen == std::vector<std::pair<std::string, int>>{{"", 0}, {"10", 1}, {"2", 2}});
}

TEST_CASE("an extraction's edges need both ends among its own nodes and its entities merge as the graph merges") {
  Graph g;
  Node elsewhere;  // in the graph, but not in the document below
  elsewhere.id = "ent:elsewhere";
  elsewhere.kind = "entity";
  g.AddNode(elsewhere);
  Extraction ex;
  ex.doc_id = "d";
  ex.chars = 40;
  ex.sentences = {{0, 20}, {21, 40}};
  auto mention = [](const std::string& id, const std::string& label, int64_t start, int sentence,
                    std::map<std::string, std::string> attributes) {
    EntityMention m;
    m.entity_id = id;
    m.label = label;
    m.type = "Organization";
    m.start = start;
    m.end = start + 2;
    m.text = m.surface = label.substr(0, 2);
    m.sentence = sentence;
    m.rule = "gazetteer";
    m.aliases = {label};
    m.attributes = std::move(attributes);
    return m;
  };
  ex.mentions = {mention("ent:a", "Bee", 0, 0, {{"role", "x"}}), mention("ent:b", "Cee", 5, 0, {}),
                 mention("ent:a", "Ant", 22, 1, {{"role", "w"}, {"year", "2025"}})};
  ClaimMention c;
  c.id = "claim:d:0";
  c.label = c.text = "text";
  c.start = 25;
  c.end = 29;
  c.sentence = 1;
  c.rule = "r";
  c.speaker = "ent:a";
  c.speaker_status = "coreference";
  c.coref_rule = "coref.pronoun";
  c.coref_text = "그";
  c.coref_start = 21;
  c.coref_end = 22;
  c.evidence_start = 21;
  c.evidence_end = 35;
  c.medium = "ent:elsewhere";                      // not in this document: no edge
  c.mentions = {"ent:b", "ent:missing", "ent:a"};  // "ent:missing" is nowhere
  ex.claims = {c};
  RelationMention r;
  r.source = "ent:a";
  r.target = "ent:b";
  r.relation = "leads";
  r.rule = "rel";
  r.attributes = {{"rank", "1"}};
  RelationMention away = r;
  away.target = "ent:elsewhere";
  ex.relations = {r, away};
  AddExtraction(ex, &g);

  const Node* a = g.FindNode("ent:a");
  REQUIRE(a != nullptr);
  CHECK(a->label == "Ant");
  CHECK(a->attributes == std::map<std::string, std::string>{{"role", "w"}, {"year", "2025"}});
  CHECK(a->aliases == std::vector<std::string>{"An", "Ant", "Be", "Bee"});
  CHECK(a->mentions.size() == 2);
  std::vector<std::string> edges;
  for (const Edge& e : g.Edges()) {
    std::string attrs;
    for (const auto& [k, v] : e.attributes) attrs += " " + k + "=" + v;
    edges.push_back(e.source + " " + e.relation + " " + e.target + attrs + " @" + std::to_string(e.evidence[0].start) +
                    " " + e.evidence[0].rule);
  }
  CHECK(edges == std::vector<std::string>{
                     "claim:d:0 mentions ent:a @25 r",
                     "claim:d:0 mentions ent:b @25 r",
                     "ent:a asserts claim:d:0 coref_end=22 coref_rule=coref.pronoun coref_start=21 coref_text=그 @21 r",
                     "ent:a co_mentioned ent:b @0 co_mentioned",
                     "ent:a leads ent:b rank=1 @0 rel",
                 });
  // The same extraction into a graph alone gives the same document's part.
  Graph alone = ExtractionToGraph(ex);
  CHECK(alone.node_count() == 3);
  CHECK(alone.edge_count() == 5);
}

}  // namespace
}  // namespace claimgraph
