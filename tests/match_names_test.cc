// SPDX-License-Identifier: Apache-2.0
// Stage 3d, match names: names the gazetteer lacks, found by a title, a
// descriptor, a gloss or a quotation beside them; and the phrases around
// a title that must never be taken for a name.
#include "match_names.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "test_util.h"

namespace claimgraph {
namespace {

// "label/type/rule" of each mention of `text` found by a rule of this
// stage (rule ids *.name.*), in text order.
std::vector<std::string> Names(const std::string& text) {
  std::vector<std::string> out;
  for (const EntityMention& m : testing::ExtractText(text).mentions) {
    if (m.rule.find(".name.") != std::string::npos) out.push_back(m.label + "/" + m.type + "/" + m.rule);
  }
  return out;
}

// Labels of every mention of `text` whose type is `type`.
std::vector<std::string> OfType(const std::string& text, const std::string& type) {
  std::vector<std::string> out;
  for (const EntityMention& m : testing::ExtractText(text).mentions) {
    if (m.type == type) out.push_back(m.label);
  }
  return out;
}

TEST_CASE("a Korean full name before its title is a person, whatever stands between") {
  SUBCASE("name and title") {
    CHECK(Names("한빛대학교 서민아 교수는 말했다.") ==
          std::vector<std::string>{"서민아/Person/ko.name.person-title"});
  }
  SUBCASE("an organization between, with a stock code") {
    CHECK(Names("윤도현 누리텔[123450] 대표는 말했다.") ==
          std::vector<std::string>{"윤도현/Person/ko.name.person-org-title"});
  }
  SUBCASE("two words of an organization between") {
    CHECK(OfType("배유나 가람AI HBM개발담당은 말했다.", "Person") == std::vector<std::string>{"배유나"});
  }
  SUBCASE("a multi-word title, a photo marker and the people around the person") {
    CHECK(OfType("권서진(사진) 최고재무책임자(CFO)는 말했다.", "Person") == std::vector<std::string>{"권서진"});
    CHECK(OfType("한결대 남궁민수 교수 연구팀이 밝혔다.", "Person") == std::vector<std::string>{"남궁민수"});
  }
}

TEST_CASE("a foreign name in Hangul needs a title that is only a title, after a boundary") {
  SUBCASE("two words after a known organization in the genitive") {
    CHECK(OfType("엔비디아의 로버트 케인 최고재무책임자는 말했다.", "Person") ==
          std::vector<std::string>{"로버트 케인"});
  }
  SUBCASE("the title before the name") {
    CHECK(OfType("최고경영자(CEO) 에밀리 로스는 말했다.", "Person") == std::vector<std::string>{"에밀리 로스"});
  }
  SUBCASE("a weak title (also a common word) licenses no foreign name") {
    CHECK(OfType("국내 반도체 대표 기업이 나섰다.", "Person").empty());
    CHECK(OfType("이번 행사 대표는 말했다.", "Person").empty());
  }
  SUBCASE("a lone word before a title refers to someone, or is nothing") {
    CHECK(OfType("차이 교수는 말했다.", "Person").empty());
  }
}

TEST_CASE("precision: phrases around a title are never names") {
  for (const char* text : {"등 한빛항공 계열사 대표이사가 참석했다.", "현행 법안은 대표 발의됐다.",
                           "방문차 내한한 김 대표는 말했다.", "업체 창업자 겸 대표는 말했다.",
                           "블룸버그에 따르면 리 대표는 말했다.", "그는 화학공학과 교수로 일한다."}) {
    INFO(text);
    for (const std::string& name : OfType(text, "Person")) {
      CHECK(name.find(' ') == std::string::npos);
      CHECK(name != "창업자 겸");
      CHECK(name != "화학공학과");
    }
  }
  CHECK(OfType("등 한빛항공 계열사 대표이사가 참석했다.", "Person").empty());
  CHECK(OfType("그는 화학공학과 교수로 일한다.", "Person").empty());
}

TEST_CASE("English names licensed by a title before or an appositive after") {
  CHECK(Names("Finance chief Dana Whitlow said revenue rose.") ==
        std::vector<std::string>{"Dana Whitlow/Person/en.name.title-person"});
  CHECK(OfType("Chief Executive Officer Linda Park resigned.", "Person") == std::vector<std::string>{"Linda Park"});
  CHECK(OfType("Omar Reyes, the chief financial officer of Lakemont, said so.", "Person") ==
        std::vector<std::string>{"Omar Reyes"});
  CHECK(OfType("Omar Reyes, who heads Lakemont, said so.", "Person") == std::vector<std::string>{"Omar Reyes"});
  CHECK(OfType("Omar Reyes stepped down as chief executive on Friday.", "Person") ==
        std::vector<std::string>{"Omar Reyes"});
  SUBCASE("a headline's capitals say nothing of names") {
    CHECK(OfType("Judge Blocks Merger Of Two Grocers", "Person").empty());
  }
  SUBCASE("an analyst's organization, before the title or after at") {
    CHECK(OfType("Demand was firm, Corvane analyst Mei Tan said.", "Organization") == std::vector<std::string>{"Corvane"});
    CHECK(OfType("said Mei Tan, an analyst at Corvane.", "Organization") == std::vector<std::string>{"Corvane"});
  }
}

TEST_CASE("organizations after the word that says what they are, and names glossed in Han") {
  CHECK(OfType("시장조사업체 옴니뷰의 보고서가 나왔다.", "Organization") == std::vector<std::string>{"옴니뷰"});
  CHECK(OfType("brokerage Halvorsen cut its target.", "Organization") == std::vector<std::string>{"Halvorsen"});
  CHECK(OfType("스타트업 생태계가 커졌다.", "Organization").empty());
  CHECK(OfType("그 중심에는 쉬밍하오(徐明浩)가 있다.", "Person") == std::vector<std::string>{"쉬밍하오"});
}

TEST_CASE("a name found by grammar alone says so, and its spans hold no particle") {
  const std::string text = "한빛대학교 서민아 교수는 말했다.";
  const Extraction ex = testing::ExtractText(text);
  const auto person = std::find_if(ex.mentions.begin(), ex.mentions.end(),
                                   [](const EntityMention& m) { return m.type == "Person"; });
  REQUIRE(person != ex.mentions.end());
  CHECK(person->attributes.at("source") == "pattern");
  CHECK(person->attributes.at("role") == "professor");
  CHECK(testing::SliceCodePoints(text, person->start, person->end) == "서민아");
  const Extraction known = testing::ExtractText("알리바바는 말했다.");
  REQUIRE(known.mentions.size() == 1);
  CHECK(known.mentions[0].attributes.count("source") == 0);
}

}  // namespace
}  // namespace claimgraph
