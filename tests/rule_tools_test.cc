// SPDX-License-Identifier: Apache-2.0
// Rule authoring tools: inline example runs, hit counts, explanations and
// evaluation against gold files.
#include "claimgraph/rule_tools.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "test_util.h"

namespace claimgraph {
namespace {

TEST_CASE("the default pack passes every inline example of every rule") {
  const std::vector<RuleTestCase> cases = RunRuleTests(testing::BuiltInRules());
  CHECK(cases.size() >= 90);
  for (const RuleTestCase& t : cases) {
    INFO(t.rule_id << " (" << t.location << ") on \"" << t.text << "\": expected " << t.expected << ", got " << t.got);
    CHECK(t.passed);
  }
  const std::vector<RuleTestCase> filtered = RunRuleTests(testing::BuiltInRules(), "ko.claim.indirect");
  REQUIRE_FALSE(filtered.empty());
  for (const RuleTestCase& t : filtered) CHECK(t.rule_id == "ko.claim.indirect");
}

TEST_CASE("a failing example reports what was expected and what came out") {
  // A pack whose one rule's example cannot match.
  Result<RulePack> pack = RulePack::FromFiles(
      {{"ko/particles.txt", "은\n는\n"},
       {"patterns/p.json",
        "{\"rules\": [{\"id\": \"x.prof\", \"type\": \"Person\", \"pattern\": \"(?P<name>[A-Z][a-z]+) Professor\",\n"
        "  \"examples\": {\"match\": [{\"text\": \"Professor Kim spoke.\", \"span\": \"Kim\"}],\n"
        "                \"no_match\": [\"Lee Professor spoke.\"]}}]}"}},
      "t");
  REQUIRE(pack.ok());
  const std::vector<RuleTestCase> cases = RunRuleTests(*pack);
  REQUIRE(cases.size() == 2);
  CHECK_FALSE(cases[0].passed);
  CHECK(cases[0].expected == "mention \"Kim\"");
  CHECK(cases[0].got == "no match");
  CHECK_FALSE(cases[1].passed);
  CHECK(cases[1].expected == "no match");
  CHECK(cases[1].got == "mention \"Lee\" (Lee, Person)");
  CHECK(cases[0].location == "t/patterns/p.json:1");
}

TEST_CASE("hit counts cover every rule, with accepted and rejected matches") {
  Document doc;
  doc.id = "d";
  doc.text = "알리바바는 메타버스와 구글링 자료가 틀렸다고 밝혔다.";
  const std::map<std::string, RuleHits> hits = CountRuleHits(testing::BuiltInRules(), {doc});
  const std::vector<std::string> ids = RuleIds(testing::BuiltInRules());
  CHECK(std::adjacent_find(ids.begin(), ids.end()) == ids.end());  // no two rules share an id
  CHECK(hits.size() == ids.size());
  CHECK(hits.at("gazetteer").accepted == 1);
  CHECK(hits.at("gazetteer").rejected == 2);
  CHECK(hits.at("ko.claim.indirect").accepted == 1);  // a rule of the claims grammar
  CHECK(hits.at("ko.claim.headline").accepted == 0);
  CHECK(hits.at("en.org.suffix").accepted == 0);
  // What each rule cost: time for the rules that ran on the sentence, none
  // for those its screen kept out; program sizes for every pattern rule.
  CHECK(hits.at("gazetteer").seconds > 0);
  CHECK(hits.at("gazetteer").program_size == 0);
  CHECK(hits.at("en.rel.possessive-model").seconds == 0);  // screened out: no English possessive
  CHECK(hits.at("en.rel.possessive-model").program_size > 0);
  CHECK(hits.at("en.org.suffix").program_size > 0);
}

TEST_CASE("explain marks mentions and lists claims, relations and discarded matches") {
  Document doc;
  doc.id = "d";
  doc.text = "텐센트의 '훈위안-이미지-3.0'이 1위다. 메타버스 시장에서 알리바바는 앞섰다고 밝혔다.";
  Result<std::string> text = ExplainDocument(testing::BuiltInRules(), doc);
  REQUIRE(text.ok());
  CHECK(text->find("document \"d\": 2 sentences, 3 mentions, 1 claims, 1 relations") == 0);
  CHECK(text->find("[텐센트|Tencent]의 '[훈위안-이미지-3.0|Hunyuan-Image-3.0]'이 1위다.") != std::string::npos);
  CHECK(text->find("relation  Tencent develops Hunyuan-Image-3.0 [ko.rel.genitive-model]") != std::string::npos);
  CHECK(text->find("claim     Alibaba (named) 밝히다, asserted: \"앞섰다\"") != std::string::npos);
  CHECK(text->find("rejected  \"메타\" 25-27 [gazetteer]: right boundary: followed by \"버스\", not a particle") !=
        std::string::npos);
  Result<std::string> one = ExplainDocument(testing::BuiltInRules(), doc, 1);
  REQUIRE(one.ok());
  CHECK(one->find("[0]") == std::string::npos);
  CHECK(one->find("[1]") != std::string::npos);
}

TEST_CASE("explain --why shows each cue, its content, where the speaker was searched and why others are not it") {
  const std::string why = ExplainWhy(testing::BuiltInRules(),
                                     "누리그룹 박서준 대표는 \"삼성전자와 경쟁하겠다\"고 말했다. 네이버 관계자는 \"새 버전을 준비한다\"고 전했다.");
  INFO(why);
  CHECK(why.find("cue \"\"고 말했다\" (말하다) [ko.claim.quote]: content \"삼성전자와 경쟁하겠다\"") != std::string::npos);
  CHECK(why.find("speaker searched: the topic or subject phrase in \"누리그룹 박서준 대표는\"") != std::string::npos);
  CHECK(why.find("-> 박서준 (named): \"삼성전자와 경쟁하겠다\"") != std::string::npos);
  CHECK(why.find("\"누리그룹\" (Organization): in the speaker's phrase: the person named there speaks") != std::string::npos);
  CHECK(why.find("\"삼성전자\" (Organization): inside the content: what is said, not who says it") != std::string::npos);
  // An organization's unnamed official: the organization speaks, and the claim says how.
  CHECK(why.find("-> Naver (named, coref.org-official \"네이버 관계자\")") != std::string::npos);
  CHECK(ExplainWhy(testing::BuiltInRules(), "주가가 올랐다.").find("no reporting cue") != std::string::npos);
}

TEST_CASE("explain --why lists each relation with its rule and evidence, and for a pair without one the shapes that "
          "would have related it") {
  const std::string why = ExplainWhy(testing::BuiltInRules(), "텐센트의 새 모델 '훈위안-이미지-3.0'이 나왔다. 구글은 오픈AI와 손잡았다.");
  INFO(why);
  CHECK(why.find("Tencent develops Hunyuan-Image-3.0 by ko.rel.maker-genitive: \"텐센트의 새 모델 '훈위안-이미지-3.0\"") !=
        std::string::npos);
  const size_t pair = why.find("\"구글\" (Organization) and \"오픈AI\" (Organization):");
  REQUIRE(pair != std::string::npos);
  CHECK(why.find("rel.rivals (competes_with): ", pair) != std::string::npos);
  CHECK(why.find("the sentence has none of these shapes", pair) != std::string::npos);
  // (The related pair is not listed as one without a relation.)
  CHECK(why.find("\"텐센트\" (Organization) and") == std::string::npos);
}

TEST_CASE("explain --why shows normalization, rejections and the closest aliases") {
  const std::string why = ExplainWhy(testing::BuiltInRules(), "“메타버스”와 ＯｐｅｎＡＩ, 딥씨크");
  CHECK(why.find("normalized:  \"메타버스\"와 OpenAI, 딥씨크\n") != std::string::npos);
  CHECK(why.find("\"메타\" by gazetteer: right boundary: followed by \"버스\", not a particle") != std::string::npos);
  CHECK(why.find("\"ＯｐｅｎＡＩ\" -> OpenAI (Organization) by gazetteer") != std::string::npos);
  CHECK(why.find("\"딥씨크\": 딥시크 (DeepSeek)") != std::string::npos);
}

TEST_CASE("evaluation counts true and false hits and lists misses") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("claimgraph-gold-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "d.json") << R"({"doc": "d",
    "entities": [{"name": "알리바바", "type": "Organization"}, {"name": "Baidu", "type": "Organization"}],
    "claims": [{"speaker": "Alibaba", "content": "앞섰다"}],
    "relations": [{"source": "Tencent", "relation": "develops", "target": "Hunyuan-Image-3.0"}]})";
  Document doc;
  doc.id = "d";
  doc.text = "텐센트의 '훈위안-이미지-3.0'이 1위다. 알리바바는 앞섰다고 밝혔다.";
  Document no_gold = doc;
  no_gold.id = "other";
  Result<Evaluation> eval = Evaluate(testing::BuiltInRules(), {doc, no_gold}, dir.string());
  REQUIRE(eval.ok());
  CHECK(eval->documents == 1);
  CHECK(eval->entities.true_positives == 1);
  CHECK(eval->entities.false_negatives == 1);
  CHECK(eval->entities.false_positives == 2);  // Tencent and Hunyuan are not in this gold
  CHECK(eval->entities.misses == std::vector<std::string>{"d: Baidu (Organization)"});
  CHECK(eval->claims.true_positives == 1);
  CHECK(eval->claims.f1() == doctest::Approx(1.0));
  CHECK(eval->relations.true_positives == 1);
  CHECK(eval->entities.precision() == doctest::Approx(1.0 / 3));
  CHECK(eval->entities.recall() == doctest::Approx(0.5));
  std::ofstream(dir / "d.json") << "{\"entities\": 3}";
  Result<Evaluation> bad = Evaluate(testing::BuiltInRules(), {doc}, dir.string());
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().ToString() == (dir / "d.json").string() + ": error: \"entities\" must be an array\n");
  fs::remove_all(dir);
}

TEST_CASE("the examples score fully against their gold files") {
  std::vector<Document> docs;
  for (const char* input : {"news_ko.txt", "news_en.txt", "docs.jsonl", "claims_ko.txt", "claims_en.txt"}) {
    Result<std::vector<Document>> read = ReadDocuments(std::string(CLAIMGRAPH_SOURCE_DIR) + "/examples/" + input);
    REQUIRE(read.ok());
    for (Document& d : *read) docs.push_back(std::move(d));
  }
  Result<Evaluation> eval = Evaluate(testing::BuiltInRules(), docs, std::string(CLAIMGRAPH_SOURCE_DIR) + "/examples/gold");
  REQUIRE(eval.ok());
  CHECK(eval->documents == 9);
  for (const Score* s : {&eval->entities, &eval->claims, &eval->relations}) {
    INFO("misses: " << s->misses.size() << ", false hits: " << s->false_hits.size());
    CHECK(s->f1() == doctest::Approx(1.0));
  }
}

TEST_CASE("precision holds on the held-out articles (written after the rules)") {
  std::vector<Document> docs;
  for (const char* input : {"heldout_ko.txt", "heldout_en.txt"}) {
    Result<std::vector<Document>> read =
        ReadDocuments(std::string(CLAIMGRAPH_SOURCE_DIR) + "/examples/heldout/" + input);
    REQUIRE(read.ok());
    for (Document& d : *read) docs.push_back(std::move(d));
  }
  Result<Evaluation> eval =
      Evaluate(testing::BuiltInRules(), docs, std::string(CLAIMGRAPH_SOURCE_DIR) + "/examples/heldout/gold");
  REQUIRE(eval.ok());
  CHECK(eval->documents == 2);
  // Regression floors, below the figures in docs/eval.md.
  CHECK(eval->entities.precision() >= 0.95);
  CHECK(eval->claims.precision() >= 0.85);
  CHECK(eval->relations.precision() >= 0.95);
  CHECK(eval->entities.recall() >= 0.8);
  CHECK(eval->claims.recall() >= 0.7);
  CHECK(eval->relations.recall() >= 0.55);
}

}  // namespace
}  // namespace claimgraph
