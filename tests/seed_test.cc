// SPDX-License-Identifier: Apache-2.0
// Acceptance on the seed article (../shared/corpus/seed-alibaba-ko.txt):
// the entities every user sees first, with correct types and offsets, and
// no false entities from common words.
#include <doctest/doctest.h>

#include <map>
#include <set>

#include "test_util.h"

namespace claimgraph {
namespace {

TEST_CASE("the seed yields the expected entities with their types") {
  const std::optional<std::string> seed = testing::SeedText();
  if (!seed) return;
  Pipeline pipeline(testing::BuiltInRules());
  Document doc;
  doc.id = "seed";
  doc.text = *seed;
  Result<Extraction> ex = pipeline.Extract(doc);
  REQUIRE(ex.ok());
  std::map<std::string, std::string> types;  // label -> type
  for (const EntityMention& m : ex->mentions) {
    types[m.label] = m.type;
    INFO("mention " << m.label << " [" << m.start << ", " << m.end << ")");
    CHECK(testing::SliceCodePoints(*seed, m.start, m.end) == m.text);
  }
  const std::map<std::string, std::string> expected = {
      {"Alibaba", "Organization"},         {"Tencent", "Organization"},
      {"Hunyuan-Image-3.0", "Model"},      {"a16z", "Organization"},
      {"Kyle Chan", "Person"},             {"Joe Tsai", "Person"},
      {"Princeton University", "Organization"}, {"OpenAI", "Organization"},
      {"Google", "Organization"},          {"Anthropic", "Organization"},
      {"DeepSeek", "Organization"},        {"DeepSeek-V3", "Model"},
      {"DeepSeek-R1", "Model"},            {"Qwen3-Max", "Model"},
      {"Qwen", "Model"},                   {"LM Arena", "Benchmark"},
      {"China", "Location"},               {"United States", "Location"},
      {"AI Times", "Organization"},        {"AI Plus", "Policy"},
      // Speakers: 전문가들 as a group; 알리바바 CEO resolved through the
      // gazetteer's role and affiliation.
      {"experts", "Group"},                {"Eddie Wu", "Person"},
  };
  for (const auto& [label, type] : expected) {
    INFO("expected entity " << label);
    REQUIRE(types.count(label) == 1);
    CHECK(types.at(label) == type);
  }
  // Precision: nothing else, in particular no common words.
  CHECK(types.size() == expected.size());
  for (const char* word : {"AI", "AGI", "LM", "미국 AI", "정부", "sLM"}) CHECK(types.count(word) == 0);

  // 앤드리슨 호로비츠 is folded into a16z; 차이 회장 is Joe Tsai.
  std::set<std::string> a16z_surfaces, tsai_surfaces;
  for (const EntityMention& m : ex->mentions) {
    if (m.label == "a16z") a16z_surfaces.insert(m.text);
    if (m.label == "Joe Tsai") tsai_surfaces.insert(m.text);
  }
  CHECK(a16z_surfaces == std::set<std::string>{"앤드리슨 호로비츠"});
  CHECK(tsai_surfaces == std::set<std::string>{"차이"});

  // Hunyuan-Image-3.0 is linked to Tencent.
  bool develops = false;
  for (const RelationMention& r : ex->relations) {
    if (r.source == "ent:tencent" && r.target == "ent:hunyuan-image-3-0" && r.relation == "develops") {
      develops = true;
      CHECK(testing::SliceCodePoints(*seed, r.start, r.end) == "텐센트의 '훈위안-이미지-3.0");
    }
  }
  CHECK(develops);
}

}  // namespace
}  // namespace claimgraph
