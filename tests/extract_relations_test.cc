// SPDX-License-Identifier: Apache-2.0
// Stage 4a, extract relations: relations from context entity rules and
// from relation-only rules, each once per document with its evidence span
// in the original text, relation and node attributes, quantities.
#include "extract_relations.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <optional>

#include "claimgraph/io.h"
#include "rule_pack.h"
#include "test_util.h"

namespace claimgraph {
namespace {

const RelationMention* FindRelation(const Extraction& ex, const std::string& relation) {
  const auto it = std::find_if(ex.relations.begin(), ex.relations.end(),
                               [&](const RelationMention& r) { return r.relation == relation; });
  return it == ex.relations.end() ? nullptr : &*it;
}

TEST_CASE("a quoted model after an organization's genitive is developed by it") {
  const Extraction ex = testing::ExtractText("누리그룹의 '누리-LM 2.0'이 공개됐다.");
  REQUIRE(ex.mentions.size() == 2);
  CHECK(ex.mentions[1].label == "누리-LM 2.0");
  CHECK(ex.mentions[1].type == "Model");
  CHECK(ex.mentions[1].attributes.at("developer") == "ent:누리그룹");
  REQUIRE(ex.relations.size() == 1);
  CHECK(ex.relations[0].source == "ent:누리그룹");
  CHECK(ex.relations[0].relation == "develops");
  CHECK(ex.relations[0].target == ex.mentions[1].entity_id);
}

TEST_CASE("quantities convert to plain integers") {
  CHECK(internal::ParseQuantity("1", "조") == std::optional<std::string>("1000000000000"));
  CHECK(internal::ParseQuantity("2.5", "억") == std::optional<std::string>("250000000"));
  CHECK(internal::ParseQuantity("1,000", "") == std::optional<std::string>("1000"));
  CHECK(internal::ParseQuantity("7", "B") == std::optional<std::string>("7000000000"));
  CHECK_FALSE(internal::ParseQuantity("1.5", "").has_value());
  CHECK_FALSE(internal::ParseQuantity("3", "gazillion").has_value());
  CHECK_FALSE(internal::ParseQuantity("x", "").has_value());
}

TEST_CASE("quantity and date attributes attach to the entity") {
  const Extraction ex = testing::ExtractText("알리바바는 1조 개 이상의 매개변수를 가진 '큐원3-맥스' 모델을 선보였다.");
  const auto qwen = std::find_if(ex.mentions.begin(), ex.mentions.end(),
                                 [](const EntityMention& m) { return m.label == "Qwen3-Max"; });
  REQUIRE(qwen != ex.mentions.end());
  CHECK(qwen->attributes.at("parameters_min") == "1000000000000");
}

TEST_CASE("a relation's evidence is a span of the original text that holds both ends") {
  // Full-width letters and a doubled space change the normalized text's
  // offsets; the evidence must still slice the original.
  const std::string text = "업계에서는  ＬＭ 아레나의 텍스트-이미지 생성 부문 1위 모델이 텐센트의 '훈위안-이미지-3.0'이라고 본다.";
  const Extraction ex = testing::ExtractText(text);
  const RelationMention* ranks = FindRelation(ex, "ranks_on");
  REQUIRE(ranks != nullptr);
  CHECK(ranks->source == "ent:hunyuan-image-3-0");
  CHECK(ranks->attributes.at("rank") == "1");
  const std::string evidence = testing::SliceCodePoints(text, ranks->start, ranks->end);
  CHECK(evidence.find("ＬＭ 아레나") != std::string::npos);
  CHECK(evidence.find("훈위안-이미지-3.0") != std::string::npos);
  const RelationMention* develops = FindRelation(ex, "develops");
  REQUIRE(develops != nullptr);
  CHECK(develops->source == "ent:tencent");
  CHECK(develops->target == "ent:hunyuan-image-3-0");
}

TEST_CASE("a relation stated in two sentences is one edge whose weight counts them") {
  const std::string text = "텐센트의 '훈위안-이미지-3.0'이 나왔다. 다시 말해 텐센트의 '훈위안-이미지-3.0'이다.";
  const Extraction ex = testing::ExtractText(text);
  std::vector<int> sentences;
  for (const RelationMention& r : ex.relations) {
    if (r.relation == "develops" && r.source == "ent:tencent") sentences.push_back(r.sentence);
  }
  CHECK(sentences == std::vector<int>{0, 1});
  const Graph graph = ExtractionToGraph(ex);
  size_t edges = 0;
  for (const Edge& e : graph.Edges()) {
    if (e.relation != "develops") continue;
    ++edges;
    CHECK(e.weight == 2);
    CHECK(e.evidence.size() == 2);
  }
  CHECK(edges == 1);
}

TEST_CASE("every relation the built-in rules can produce is declared by the pack") {
  const internal::RulePackData& data = testing::BuiltInRules().data();
  std::vector<std::string> declared;
  for (const internal::RelationType& t : data.relation_types) declared.push_back(t.name);
  size_t relations = 0;
  for (const auto* rules : {&data.text_rules, &data.context_rules}) {
    for (const internal::PatternRule& rule : *rules) {
      for (const internal::PatternRule::Relation& r : rule.relations) {
        ++relations;
        INFO("rule " << rule.id);
        CHECK(std::find(declared.begin(), declared.end(), r.relation) != declared.end());
      }
    }
  }
  CHECK(relations >= 20);
}

}  // namespace
}  // namespace claimgraph
