// SPDX-License-Identifier: Apache-2.0
// Stage 4c: the claims grammar (cues, then content, then speaker) ->
// claims with speaker, cue, modality and content; coreference of
// speakers; and the claims of the seed article.
#include "extract_claims.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>

#include "claim_cues.h"
#include "claimgraph/rule_tools.h"
#include "entity_ids.h"
#include "read_rules.h"
#include "rule_pack.h"
#include "screen.h"
#include "test_util.h"

namespace claimgraph {
namespace {

// The label of a claim's speaker: the entity's label, or its status.
std::string SpeakerLabel(const Extraction& ex, const ClaimMention& c) {
  if (c.speaker.empty()) return c.speaker_status;
  for (const EntityMention& m : ex.mentions) {
    if (m.entity_id == c.speaker) return m.label;
  }
  return c.speaker;
}

TEST_CASE("every rule of the claims grammar has examples in claims/examples.tsv, and each passes") {
  const std::vector<RuleTestCase> cases = RunRuleTests(testing::BuiltInRules(), ".claim.");
  std::map<std::string, int> positive;
  for (const RuleTestCase& t : cases) {
    INFO(t.rule_id << " (" << t.location << ") on \"" << t.text << "\": expected " << t.expected << ", got " << t.got);
    CHECK(t.passed);
    if (t.positive) ++positive[t.rule_id];
  }
  for (const std::string& id : internal::CueRuleIds()) {
    INFO("rule " << id);
    CHECK(positive[id] >= 1);
  }
  CHECK(cases.size() >= 40);
}

TEST_CASE("two claims in one sentence share the speaker") {
  const Extraction ex = testing::ExtractText(
      "알리바바의 차이 회장은 승자가 달라진다고 발언하며, 중국이 미국을 앞질렀음을 시사했습니다.");
  REQUIRE(ex.claims.size() == 2);
  CHECK(ex.claims[0].text == "승자가 달라진다");
  CHECK(ex.claims[0].cue == "발언하다");
  CHECK(ex.claims[0].modality == "asserted");
  CHECK(ex.claims[1].text == "중국이 미국을 앞질렀음");
  CHECK(ex.claims[1].cue == "시사하다");
  CHECK(ex.claims[1].modality == "implied");
  CHECK(ex.claims[0].speaker == "ent:joe-tsai");
  CHECK(ex.claims[1].speaker == "ent:joe-tsai");
  CHECK(ex.claims[1].about == "ent:china");
  CHECK(std::find(ex.claims[1].mentions.begin(), ex.claims[1].mentions.end(), "ent:united-states") !=
        ex.claims[1].mentions.end());
}

TEST_CASE("a pronoun speaker resolves to the nearest earlier compatible entity, and says so") {
  const std::string text = "한빛대학교 김하늘 교수는 데이터가 부족하다고 지적했다. 그는 정부가 나서야 한다고 강조했다.";
  const Extraction ex = testing::ExtractText(text);
  REQUIRE(ex.claims.size() == 2);
  CHECK(ex.claims[1].speaker == "ent:김하늘");
  CHECK(ex.claims[1].speaker_status == "coreference");
  CHECK(ex.claims[1].coref_rule == "coref.pronoun");
  CHECK(testing::SliceCodePoints(text, ex.claims[1].coref_start, ex.claims[1].coref_end) == "그");
}

TEST_CASE("precision: no speaker is invented") {
  SUBCASE("a pronoun with no compatible antecedent stays unresolved") {
    const Extraction ex = testing::ExtractText("그는 시장이 곧 회복될 것이라고 말했다.");
    REQUIRE(ex.claims.size() == 1);
    CHECK(ex.claims[0].speaker.empty());
    CHECK(ex.claims[0].speaker_status == "unresolved");
  }
  SUBCASE("an organization is not a person's antecedent") {
    const Extraction ex = testing::ExtractText("알리바바가 모델을 공개했다. 그는 성능이 좋다고 말했다.");
    REQUIRE(ex.claims.size() == 1);
    CHECK(ex.claims[0].speaker_status == "unresolved");
  }
  SUBCASE("a sentence with no source and no reporting marker is not a claim") {
    CHECK(testing::ExtractText("올해 AI 스타트업 투자금이 크게 늘었다.").claims.empty());
    CHECK(testing::ExtractText("Investment in AI startups rose sharply this year.").claims.empty());
  }
  SUBCASE("a reporting verb inside a noun phrase about a past event is not a claim") {
    CHECK(testing::ExtractText("정부가 지난 회의에서 말했던 계획은 연기됐다.").claims.empty());
    CHECK(testing::ExtractText("The schedule mentioned at last month's meeting was delayed.").claims.empty());
  }
  SUBCASE("a reporting verb whose subject is not the sentence's topic: no speaker") {
    const Extraction ex = testing::ExtractText("중국 모델이 저렴하다고 평가했다.");
    for (const ClaimMention& c : ex.claims) {
      CHECK(c.speaker.empty());
      CHECK(c.speaker_status == "unresolved");
    }
  }
}

TEST_CASE("English attribution forms") {
  struct Row {
    const char* text;
    const char* speaker;
    const char* cue;
    const char* content;
  };
  const Row rows[] = {
      {"Nvidia said that export rules would hurt sales.", "Nvidia", "say", "export rules would hurt sales"},
      {"\"We are not worried,\" Maria Lopez, chief executive of Bluefin Labs, said.", "Maria Lopez", "say",
       "We are not worried"},
      {"According to a16z's analysis, most startups use open models.", "a16z", "according_to",
       "most startups use open models"},
      {"Analysts warned that margins could shrink.", "analysts", "warn", "margins could shrink"},
      {"Samsung Electronics denied that it had cut orders.", "Samsung Electronics", "deny", "it had cut orders"},
  };
  for (const Row& row : rows) {
    SUBCASE(row.text) {
      const Extraction ex = testing::ExtractText(row.text);
      REQUIRE(ex.claims.size() == 1);
      CHECK(SpeakerLabel(ex, ex.claims[0]) == row.speaker);
      CHECK(ex.claims[0].cue == row.cue);
      CHECK(ex.claims[0].text == row.content);
    }
  }
  const Extraction denied = testing::ExtractText("Samsung Electronics denied that it had cut orders.");
  CHECK(denied.claims[0].negated);
  const Extraction hedged = testing::ExtractText("Analysts warned that margins could shrink.");
  CHECK(hedged.claims[0].modality == "hedged");
}

TEST_CASE("more Korean forms: denials, quotations with 고, countries as speakers") {
  struct Row {
    const char* text;
    const char* speaker;
    const char* cue;
    const char* content;
    bool negated;
  };
  const Row rows[] = {
      {"그러나 삼성전자는 HBM 공급이 지연되고 있다는 보도를 부인했다.", "Samsung Electronics", "부인하다",
       "HBM 공급이 지연되고 있다", true},
      {"샘 올트먼 CEO는 자신의 블로그에 \"AGI가 가까워졌다\"고 썼다.", "Sam Altman", "쓰다", "AGI가 가까워졌다", false},
      {"중국은 미국이 반도체 수출을 막고 있다고 비판했다.", "China", "비판하다", "미국이 반도체 수출을 막고 있다", false},
  };
  for (const Row& row : rows) {
    SUBCASE(row.text) {
      const Extraction ex = testing::ExtractText(row.text);
      REQUIRE(ex.claims.size() == 1);
      CHECK(SpeakerLabel(ex, ex.claims[0]) == row.speaker);
      CHECK(ex.claims[0].cue == row.cue);
      CHECK(ex.claims[0].text == row.content);
      CHECK(ex.claims[0].negated == row.negated);
    }
  }
}

TEST_CASE("an English medium that reports is the speaker and reports the claim") {
  const Extraction ex = testing::ExtractText("Reuters reported that Nvidia had paused production.");
  REQUIRE(ex.claims.size() == 1);
  CHECK(ex.claims[0].speaker == "ent:reuters");
  CHECK(ex.claims[0].medium == "ent:reuters");
  CHECK(ex.claims[0].cue == "report");
}

TEST_CASE("a medium that reports keeps the claim's own speaker") {
  const Extraction ex = testing::ExtractText(
      "누리그룹 박서준 대표가 투자를 늘리겠다고 말했다고 블룸버그가 보도했다.");
  REQUIRE(ex.claims.size() == 1);
  CHECK(SpeakerLabel(ex, ex.claims[0]) == "박서준");
  CHECK(ex.claims[0].medium == "ent:bloomberg");
}

TEST_CASE("the seed's claims: speakers, cues and contents") {
  const std::optional<std::string> seed = testing::SeedText();
  if (!seed) return;
  Document doc;
  doc.id = "seed";
  doc.text = *seed;
  Result<Extraction> result = Pipeline(testing::BuiltInRules()).Extract(doc);
  REQUIRE(result.ok());
  const Extraction& ex = *result;
  auto find = [&](const std::string& speaker, const std::string& fragment) -> const ClaimMention* {
    for (const ClaimMention& c : ex.claims) {
      if (SpeakerLabel(ex, c) == speaker && c.text.find(fragment) != std::string::npos) return &c;
    }
    return nullptr;
  };
  for (const ClaimMention& c : ex.claims) {
    CHECK(testing::SliceCodePoints(*seed, c.start, c.end) == c.text);
  }
  struct Expected {
    const char* speaker;
    const char* fragment;
    const char* cue;
    const char* modality;
    bool negated;
  };
  const Expected expected[] = {
      {"Alibaba", "'배포'가 승자 가른다", "말하다", "asserted", false},  // the headline's NAME, "…"
      {"Joe Tsai", "가장 빠르게 도입한 자", "발언하다", "asserted", false},
      {"Joe Tsai", "앞질렀거나 동등한 수준에 도달했음", "시사하다", "implied", false},  // …음을 시사했다
      {"Joe Tsai", "기술 배포에 더 집중해야 한다", "역설하다", "asserted", false},
      {"experts", "저렴한 비용으로 유사한 성능을 제공한다", "평가하다", "asserted", false},
      {"a16z", "중국 모델에 크게 의존", "according_to", "asserted", false},
      {"a16z", "따라잡기 어려운 수준에 이르렀다", "according_to", "asserted", false},
      // "…의미하지는 않는다": the main predicate is negated.
      {"Kyle Chan", "뒤처짐을 의미하지는 않는다", "지적하다", "asserted", true},
      {"Kyle Chan", "혁신을 가져올 도구로 보고", "설명하다", "asserted", false},
      {"Eddie Wu", "풀스택 AI 서비스 제공업체", "밝히다", "asserted", false},
      {"unattributed", "하나만으로도 미국 오픈 모델 생태계 전체와 맞먹는 수준", "평가하다", "asserted", false},
      // A leading 에서 phrase belongs to a source-less claim's content; a
      // forecast (전망) is hedged.
      {"unattributed", "순수한 AGI 경쟁에서는 미국이 앞설 수 있지만", "전망하다", "hedged", false},
  };
  for (const Expected& e : expected) {
    INFO(e.speaker << ": " << e.fragment);
    const ClaimMention* c = find(e.speaker, e.fragment);
    REQUIRE(c != nullptr);
    CHECK(c->cue == e.cue);
    CHECK(c->modality == e.modality);
    CHECK(c->negated == e.negated);
  }
  // The hearsay ending of "X에 따르면 …다고 합니다" is no part of the content.
  CHECK(find("a16z", "중국 모델에 크게 의존")->text.find("합니다") == std::string::npos);
  // The second Kyle Chan and Joe Tsai claims come through 그는.
  CHECK(find("Kyle Chan", "혁신을 가져올 도구")->coref_rule == "coref.pronoun");
  CHECK(find("Joe Tsai", "기술 배포에 더 집중")->coref_rule == "coref.pronoun");
  // 알리바바 CEO resolves through the gazetteer's role and affiliation.
  CHECK(find("Eddie Wu", "풀스택")->coref_rule == "coref.org-role");
  CHECK(find("Joe Tsai", "가장 빠르게 도입한 자")->text ==
        "AI 승자는 최강의 모델 개발자가 아닌, '가장 빠르게 도입한 자'로 정의되어야 한다");

  // Relations of the acceptance list.
  auto has_relation = [&](const std::string& s, const std::string& rel, const std::string& t) -> const RelationMention* {
    for (const RelationMention& r : ex.relations) {
      if (r.source == s && r.relation == rel && r.target == t) return &r;
    }
    return nullptr;
  };
  CHECK(has_relation("ent:tencent", "develops", "ent:hunyuan-image-3-0"));
  const RelationMention* ranks = has_relation("ent:hunyuan-image-3-0", "ranks_on", "ent:lm-arena");
  REQUIRE(ranks != nullptr);
  CHECK(ranks->attributes.at("rank") == "1");
  CHECK(ranks->attributes.at("category") == "텍스트-이미지 생성");
  CHECK(has_relation("ent:alibaba", "released", "ent:qwen3-max"));
  CHECK(has_relation("ent:deepseek", "released", "ent:deepseek-v3"));
  CHECK(has_relation("ent:deepseek", "released", "ent:deepseek-r1"));
  CHECK(has_relation("ent:kyle-chan", "affiliated_with", "ent:princeton-university"));
  const RelationMention* leads = has_relation("ent:joe-tsai", "leads", "ent:alibaba");
  REQUIRE(leads != nullptr);
  CHECK(leads->attributes.at("role") == "chairman");
}

}  // namespace
}  // namespace claimgraph

namespace claimgraph {
namespace {

TEST_CASE("an organization's role speaks: the one gazetteer person with that role, else a role node") {
  auto speaker = [](const std::string& text) -> const EntityMention* {
    static Extraction ex;
    ex = testing::ExtractText(text);
    if (ex.claims.size() != 1) return nullptr;
    for (const EntityMention& m : ex.mentions) {
      if (m.entity_id == ex.claims[0].speaker) return &m;
    }
    return nullptr;
  };
  // people.tsv has one Alibaba CEO (Eddie Wu) and no Alibaba CTO.
  const EntityMention* ceo = speaker("알리바바 CEO는 \"클라우드 투자를 늘리겠다\"라고 말했다.");
  REQUIRE(ceo != nullptr);
  CHECK(ceo->label == "Eddie Wu");
  CHECK(ceo->rule == "coref.org-role");
  const EntityMention* cto = speaker("알리바바 CTO는 \"모델 개발 속도를 높이겠다\"라고 말했다.");
  REQUIRE(cto != nullptr);
  CHECK(cto->label == "Alibaba CTO");
  CHECK(cto->attributes.at("role") == "cto");
  CHECK(cto->attributes.at("affiliation") == "ent:alibaba");
}

TEST_CASE("day references resolve against the document date") {
  CHECK(internal::ResolveDayReference("지난 26일 발표했다", "2025-10-14") == "2025-09-26");
  CHECK(internal::ResolveDayReference("지난 6일 발표했다", "2025-10-14") == "2025-10-06");
  CHECK(internal::ResolveDayReference("12월 30일 공개했다", "2026-01-05") == "2025-12-30");
  CHECK(internal::ResolveDayReference("3일간 열린 행사", "2025-10-14").empty());
  CHECK(internal::ResolveDayReference("지난 26일 발표했다", "").empty());
  // "일" without a digit before it is no day; a later one with a digit is.
  CHECK(internal::ResolveDayReference("일부 업체는 지난 2일 발표했다", "2025-10-14") == "2025-10-02");
  CHECK(internal::ResolveDayReference("일본 업체가 일주일 만에 발표했다", "2025-10-14").empty());
  CHECK(internal::ResolveDayReference("일", "2025-10-14").empty());
}

TEST_CASE("a claim carries the resolved date of its sentence") {
  Document doc;
  doc.id = "d";
  doc.date = "2025-10-14";
  doc.text = "누리그룹 박서준 대표는 지난 26일 투자를 늘리겠다고 밝혔다.";
  Result<Extraction> ex = Pipeline(testing::BuiltInRules()).Extract(doc);
  REQUIRE(ex.ok());
  REQUIRE(ex->claims.size() == 1);
  CHECK(ex->claims[0].date == "2025-09-26");
  CHECK(ex->claims[0].date_source == "sentence");
  CHECK(ex->claims[0].text == "투자를 늘리겠다");
}

TEST_CASE("a claim whose sentence names no day takes the document's day, and says so") {
  Document doc;
  doc.id = "d";
  doc.date = "2025-10-14T09:30:00+09:00";
  doc.text = "누리그룹 박서준 대표는 투자를 늘리겠다고 밝혔다.";
  Result<Extraction> ex = Pipeline(testing::BuiltInRules()).Extract(doc);
  REQUIRE(ex.ok());
  REQUIRE(ex->claims.size() == 1);
  CHECK(ex->claims[0].date == "2025-10-14");
  CHECK(ex->claims[0].date_source == "document");
  // In the graph: the claim node's attributes, and the document's metadata.
  const Graph g = ExtractionToGraph(*ex);
  const Node* claim = g.FindNode(ex->claims[0].id);
  REQUIRE(claim != nullptr);
  CHECK(claim->attributes.at("date") == "2025-10-14");
  CHECK(claim->attributes.at("date_source") == "document");
  REQUIRE(g.Documents().size() == 1);
  CHECK(g.Documents()[0].date == "2025-10-14T09:30:00+09:00");
  // A date that is no day, or none: no date at all.
  for (const char* date : {"", "October 14, 2025", "2025-13-01"}) {
    doc.date = date;
    Result<Extraction> undated = Pipeline(testing::BuiltInRules()).Extract(doc);
    REQUIRE(undated.ok());
    REQUIRE(undated->claims.size() == 1);
    CHECK(undated->claims[0].date.empty());
    CHECK(undated->claims[0].date_source.empty());
  }
}

}  // namespace
}  // namespace claimgraph
