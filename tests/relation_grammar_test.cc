// SPDX-License-Identifier: Apache-2.0
// Stage 4b, relations by grammar: titles, makers and places, read over the
// words of a sentence and its mentions; and what must not become one.
#include "relation_grammar.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "test_util.h"

namespace claimgraph {
namespace {

// The relation `source relation target` between entities labelled so, or
// null.
const RelationMention* Find(const Extraction& ex, const std::string& source, const std::string& relation,
                            const std::string& target) {
  auto label = [&](const std::string& id) {
    for (const EntityMention& m : ex.mentions) {
      if (m.entity_id == id) return m.label;
    }
    return std::string();
  };
  for (const RelationMention& r : ex.relations) {
    if (r.relation == relation && label(r.source) == source && label(r.target) == target) return &r;
  }
  return nullptr;
}

TEST_CASE("a person, an organization and a title beside each other: leads or affiliated_with") {
  SUBCASE("a chief executive leads; the role is titles.tsv's") {
    const Extraction ex = testing::ExtractText("백준호 퓨리오사AI 대표는 협상을 끝냈다.");
    const RelationMention* r = Find(ex, "June Paik", "leads", "FuriosaAI");
    REQUIRE(r != nullptr);
    CHECK(r->rule == "ko.rel.title");
    CHECK(r->attributes.at("role") == "ceo");
  }
  SUBCASE("a unit's head, a compound title, is affiliated; the role as written") {
    const Extraction ex = testing::ExtractText("조주환 SK하이닉스 HBM개발담당은 일정을 설명했다.");
    const RelationMention* r = Find(ex, "조주환", "affiliated_with", "SK hynix");
    REQUIRE(r != nullptr);
    CHECK(r->attributes.at("role") == "HBM개발담당");
    CHECK(Find(ex, "조주환", "leads", "SK hynix") == nullptr);
  }
  SUBCASE("the organization first, with or without 의") {
    CHECK(Find(testing::ExtractText("블룸버그인텔리전스의 마빈 천 애널리스트는 신중했다."), "마빈 천", "affiliated_with",
               "Bloomberg Intelligence") != nullptr);
  }
  SUBCASE("the title before the name") {
    CHECK(Find(testing::ExtractText("오픈AI 최고경영자(CEO) 샘 올트먼은 답했다."), "Sam Altman", "leads", "OpenAI") !=
          nullptr);
  }
  SUBCASE("two titles joined by 겸 are one relation") {
    const Extraction ex = testing::ExtractText("류첸 란싱AI 창업자 겸 최고경영자(CEO)는 말했다.");
    CHECK(Find(ex, "류첸", "leads", "란싱AI") != nullptr);
    CHECK(Find(ex, "류첸", "affiliated_with", "란싱AI") == nullptr);
  }
  SUBCASE("no organization beside the title: no relation") {
    CHECK(testing::ExtractText("박서준 대표는 웃었다. 누리그룹은 성장했다.").relations.empty());
  }
  SUBCASE("English: ORG TITLE PERSON, PERSON, the TITLE of ORG") {
    CHECK(Find(testing::ExtractText("Nvidia Chief Executive Jensen Huang spoke on Tuesday."), "Jensen Huang", "leads",
               "Nvidia") != nullptr);
    CHECK(Find(testing::ExtractText("Maria Lopez, the chief financial officer of Bluefin Labs, declined to comment."),
               "Maria Lopez", "affiliated_with", "Bluefin Labs") != nullptr);
  }
  SUBCASE("who leads or founded it; where a person came from") {
    CHECK(Find(testing::ExtractText("장다신(姜大昕) CEO가 이끄는 스텝펀은 연합을 꾸렸다."), "장다신", "leads",
               "StepFun") != nullptr);
    const Extraction ex = testing::ExtractText("센스타임 출신 옌쥔제가 창업한 미니맥스는 투자를 받았다.");
    CHECK(Find(ex, "Yan Junjie", "leads", "MiniMax") != nullptr);
    CHECK(Find(ex, "Yan Junjie", "affiliated_with", "SenseTime") != nullptr);
  }
}

TEST_CASE("makers: an organization before its model, in the genitive, or releasing it in the clause") {
  CHECK(Find(testing::ExtractText("텐센트의 이미지 생성 모델 '훈위안-이미지-3.0'이 1위에 올랐다."), "Tencent", "develops",
             "Hunyuan-Image-3.0") != nullptr);
  CHECK(Find(testing::ExtractText("SK텔레콤이 지난달 허깅페이스에 공개한 'A.X 4.0'은 인기를 끌었다."), "SK Telecom",
             "released", "A.X 4.0") != nullptr);
  const Extraction en = testing::ExtractText("Meta released Llama 4 Scout and Llama 4 Maverick in April.");
  CHECK(Find(en, "Meta", "released", "Llama 4 Scout") != nullptr);
  CHECK(Find(en, "Meta", "released", "Llama 4 Maverick") != nullptr);
  SUBCASE("a release reported right after the model makes the maker's develops released") {
    const Extraction ex = testing::ExtractText("삼성전자 '가우스2' 공개\n\n본문이다.");
    CHECK(Find(ex, "Samsung Electronics", "released", "Samsung Gauss2") != nullptr);
    CHECK(Find(ex, "Samsung Electronics", "develops", "Samsung Gauss2") == nullptr);
  }
  SUBCASE("not across another subject") {
    CHECK(Find(testing::ExtractText("구글은 계획을 세웠고 오픈AI는 'GPT-5'를 공개했다."), "Google", "released", "GPT-5") ==
          nullptr);
  }
}

TEST_CASE("places: before an organization, in its gloss, a place in a place") {
  CHECK(Find(testing::ExtractText("중국 AI 스타트업 즈푸AI가 모델을 냈다."), "Zhipu AI", "located_in", "China") != nullptr);
  CHECK(Find(testing::ExtractText("중국 상하이의 AI 스타트업 미니맥스가 모델을 냈다."), "MiniMax", "located_in",
             "Shanghai") != nullptr);
  CHECK(Find(testing::ExtractText("행사는 서울 서초구에서 열렸다."), "Seocho-gu", "located_in", "Seoul") != nullptr);
  CHECK(Find(testing::ExtractText("The plant in San Jose, California, opened."), "San Jose", "located_in", "California") !=
        nullptr);
  SUBCASE("not a place that is what the organization does business in") {
    CHECK(Find(testing::ExtractText("중국에 진출한 엔비디아는 고전했다."), "Nvidia", "located_in", "China") == nullptr);
  }
  SUBCASE("a unit of a group") {
    CHECK(Find(testing::ExtractText("SK텔레콤 계열 사피온과의 합병을 마무리했다."), "Sapeon", "part_of", "SK Telecom") !=
          nullptr);
  }
}

TEST_CASE("scores and comparisons and investors and what a model is built on") {
  SUBCASE("a model's score on a benchmark ranks it there") {
    CHECK(Find(testing::ExtractText("A.X 4.0 표준형은 한국어 지식 평가 'KMMLU'에서 78.3점을 받았다."), "A.X 4.0", "ranks_on",
               "KMMLU") != nullptr);
    CHECK(Find(testing::ExtractText("Grok 4 scored 25.4% on Humanity's Last Exam without tools."), "Grok 4", "ranks_on",
               "Humanity's Last Exam") != nullptr);
  }
  SUBCASE("A beats B: they compete; a mere mention does not") {
    CHECK(Find(testing::ExtractText("텐센트는 알리바바를 앞섰다."), "Tencent", "competes_with", "Alibaba") != nullptr);
    CHECK(Find(testing::ExtractText("텐센트는 알리바바를 언급했다."), "Tencent", "competes_with", "Alibaba") == nullptr);
  }
  SUBCASE("the investors a company received money from, or who led its round") {
    const Extraction ko = testing::ExtractText("즈푸AI는 알리바바와 텐센트 등에서 투자를 받았다.");
    CHECK(Find(ko, "Alibaba", "invests_in", "Zhipu AI") != nullptr);
    CHECK(Find(ko, "Tencent", "invests_in", "Zhipu AI") != nullptr);
    CHECK(Find(testing::ExtractText("Anthropic said the Series F round was led by ICONIQ."), "ICONIQ", "invests_in",
               "Anthropic") != nullptr);
  }
  SUBCASE("built on, runs on") {
    CHECK(Find(testing::ExtractText("Galaxy AI is built on Gemini and runs fast."), "Galaxy AI", "relies_on", "Gemini") !=
          nullptr);
  }
}

TEST_CASE("the particle after a gloss, and a verb after adverbials, still read the clause") {
  SUBCASE("a subject and an object with a gloss before their particles") {
    const Extraction ex = testing::ExtractText("알리바바(阿里巴巴)가 새 추론 모델 '큐원3(Qwen3)'를 지난주 공개했다.");
    CHECK(Find(ex, "Alibaba", "released", "Qwen3") != nullptr);
  }
  SUBCASE("when, where and how between the object and the verb; 도 marks an object too") {
    CHECK(Find(testing::ExtractText("딥시크는 'DeepSeek-V3'를 분석한 보고서를 공개했다."), "DeepSeek", "released",
               "DeepSeek-V3") == nullptr);  // (the report is what was released)
    CHECK(Find(testing::ExtractText("딥시크는 'DeepSeek-V3'를 MIT 라이선스로 허깅페이스에 공개했다."), "DeepSeek",
               "released", "DeepSeek-V3") != nullptr);
    CHECK(Find(testing::ExtractText("딥시크는 지난달 'DeepSeek-V3'도 내놨다."), "DeepSeek", "released", "DeepSeek-V3") !=
          nullptr);
  }
}

TEST_CASE("units: an organization's subsidiary, research arm or affiliate is part of it") {
  CHECK(Find(testing::ExtractText("알리바바의 클라우드 자회사 알리바바클라우드가 가격을 내렸다."), "Alibaba Cloud", "part_of",
             "Alibaba") != nullptr);
  CHECK(Find(testing::ExtractText("구글 산하 연구조직인 구글 딥마인드는 새 논문을 냈다."), "Google DeepMind", "part_of",
             "Google") != nullptr);
  SUBCASE("not a genitive without a word for a unit") {
    CHECK(Find(testing::ExtractText("알리바바의 경쟁사 텐센트는 가격을 올렸다."), "Tencent", "part_of", "Alibaba") ==
          nullptr);
  }
}

TEST_CASE("English titles with a field or modifiers: affiliated, not leading") {
  const Extraction ex = testing::ExtractText(
      "Maria Lopez, Google's vice president of search products, said the test went well. "
      "Tom Reyes, a senior engineer at rival OpenAI, wrote that it was early.");
  CHECK(Find(ex, "Maria Lopez", "affiliated_with", "Google") != nullptr);
  CHECK(Find(ex, "Maria Lopez", "leads", "Google") == nullptr);
  CHECK(Find(ex, "Tom Reyes", "affiliated_with", "OpenAI") != nullptr);
  SUBCASE("a president of an organization still leads it") {
    CHECK(Find(testing::ExtractText("Ana Ruiz, president of the Halvard Institute, spoke first."), "Ana Ruiz", "leads",
               "Halvard Institute") != nullptr);
  }
}

TEST_CASE("rankings: the benchmark first, scores in parentheses, a benchmark named before") {
  SUBCASE("the models of the clause with a score, a rank or a comparison, the beaten one too") {
    const Extraction ex = testing::ExtractText(
        "수학 평가 'KoMath-500'에서 큐원3는 GPT-4o(71.2점)에 이어 2위에 올라 딥시크-V3를 앞질렀다.");
    CHECK(Find(ex, "Qwen3", "ranks_on", "KoMath-500") != nullptr);
    CHECK(Find(ex, "GPT-4o", "ranks_on", "KoMath-500") != nullptr);
    CHECK(Find(ex, "DeepSeek-V3", "ranks_on", "KoMath-500") != nullptr);
    CHECK(Find(testing::ExtractText("수학 평가 'KoMath-500'에서 큐원3는 주목을 받았다."), "Qwen3", "ranks_on", "KoMath-500") ==
          nullptr);
  }
  SUBCASE("BENCH의 (words) 평가에서; English placed second on BENCH") {
    CHECK(Find(testing::ExtractText("수학 평가 'KoMath-500'의 고난도 평가에서는 큐원3가 91점을 받았다."), "Qwen3", "ranks_on",
               "KoMath-500") != nullptr);
    CHECK(Find(testing::ExtractText("A tuned version of Qwen3 placed second on the LMArena leaderboard."), "Qwen3",
               "ranks_on", "LM Arena") != nullptr);
  }
  SUBCASE("English: a score without 'on', after the benchmark was named") {
    const Extraction ex = testing::ExtractText(
        "Claude Opus 4 scored 72.5% on SWE-bench Verified, while Gemini 2.5 Pro reached 63.2% in the same test.");
    CHECK(Find(ex, "Gemini 2.5 Pro", "ranks_on", "SWE-bench Verified") != nullptr);
  }
  SUBCASE("A beats a list headed by B, and A scores higher than B") {
    CHECK(Find(testing::ExtractText("큐원3는 GPT-4o 등 다른 모델을 앞섰다."), "Qwen3", "competes_with", "GPT-4o") != nullptr);
    CHECK(Find(testing::ExtractText("큐원3 표준형은 GPT-4o(70.1점)보다 높았다."), "Qwen3", "competes_with", "GPT-4o") !=
          nullptr);
    CHECK(Find(testing::ExtractText("큐원3는 GPT-4o보다 늦게 나왔다."), "Qwen3", "competes_with", "GPT-4o") == nullptr);
  }
}

TEST_CASE("makers: modifiers after a possessive, an organization's own model, a benchmark it made") {
  CHECK(Find(testing::ExtractText("Analysts praised Nvidia's upcoming Blackwell Ultra systems."), "Nvidia", "develops",
             "Blackwell Ultra") != nullptr);
  CHECK(Find(testing::ExtractText("The deal lifts SoftBank's stake in the ChatGPT business."), "SoftBank", "develops",
             "ChatGPT") == nullptr);
  CHECK(Find(testing::ExtractText("KT는 자체 언어모델(LLM) '믿:음 2.0'을 앞세웠다."), "KT", "develops", "Mi:dm 2.0") !=
        nullptr);
  CHECK(Find(testing::ExtractText("오픈AI가 만든 의료 평가 '헬스벤치'가 기준이 됐다."), "OpenAI", "develops", "헬스벤치") !=
        nullptr);
}

TEST_CASE("places: PLACE-based, and where an event was held") {
  CHECK(Find(testing::ExtractText("Investors backed Paris-based Mistral AI again."), "Mistral AI", "located_in", "Paris") !=
        nullptr);
  CHECK(Find(testing::ExtractText("Analysts like Perplexity AI, the San Francisco-based search startup."), "Perplexity AI",
             "located_in", "San Francisco") != nullptr);
  CHECK(Find(testing::ExtractText("행사는 부산에서 열린 '2026 게임과학포럼'과 함께 진행됐다."), "2026 게임과학포럼",
             "located_in", "Busan") != nullptr);
  CHECK(Find(testing::ExtractText("Son spoke at the AI Action Summit in Paris on Monday."), "AI Action Summit",
             "located_in", "Paris") != nullptr);
}

TEST_CASE("the maker of a product: named after the word, or the developer the document names") {
  CHECK(Find(testing::ExtractText("Investors favored Claude maker Anthropic this week."), "Anthropic", "develops",
             "Claude") != nullptr);
  CHECK(Find(testing::ExtractText("챗GPT 개발사 오픈AI는 새 기능을 내놨다."), "OpenAI", "develops", "ChatGPT") != nullptr);
  SUBCASE("the ChatGPT maker, where the document names OpenAI") {
    const Extraction ex = testing::ExtractText(
        "Oracle signed a cloud deal with OpenAI. Shares of the ChatGPT maker's partners rose.");
    const RelationMention* r = Find(ex, "OpenAI", "develops", "ChatGPT");
    REQUIRE(r != nullptr);
    CHECK(r->rule == "rel.maker-of");
  }
  SUBCASE("not where the document never names the developer") {
    CHECK(Find(testing::ExtractText("Shares of the ChatGPT maker's partners rose."), "OpenAI", "develops", "ChatGPT") ==
          nullptr);
  }
  SUBCASE("in apposition: the model, the organization's thing") {
    CHECK(Find(testing::ExtractText("Analysts expect Blackwell Ultra, a faster version of Nvidia's flagship, soon."),
               "Nvidia", "develops", "Blackwell Ultra") != nullptr);
  }
}

TEST_CASE("what a model, a product or a company uses (Korean)") {
  CHECK(Find(testing::ExtractText("큐원3를 기반으로 만든 코딩 도구 'CodeNest'가 인기다."), "CodeNest", "relies_on", "Qwen3") !=
        nullptr);
  CHECK(Find(testing::ExtractText("PUBG 앨라이는 엔비디아의 기술 'ACE'를 활용한다."), "PUBG Ally", "relies_on", "ACE") !=
        nullptr);
  CHECK(Find(testing::ExtractText("딥시크는 엔비디아 H800 칩 2000개로 모델을 학습했다."), "DeepSeek", "relies_on", "H800") !=
        nullptr);
  CHECK(Find(testing::ExtractText("엔비디아는 '루빈'에 HBM4를 8개씩 탑재한다."), "Rubin", "relies_on", "HBM4") != nullptr);
  CHECK(Find(testing::ExtractText("어센드 910C 384개를 엮은 '클라우드매트릭스 384'가 주력이다."), "CloudMatrix 384", "relies_on",
             "Ascend 910C") != nullptr);
  CHECK(Find(testing::ExtractText("새 칩 '레니게이드'는 TSMC의 5나노 공정으로 만든다."), "RNGD", "relies_on", "TSMC") !=
        nullptr);
  SUBCASE("not a product only named beside the verb's object") {
    CHECK(Find(testing::ExtractText("딥시크는 H800 가격을 활용했다."), "DeepSeek", "relies_on", "H800") == nullptr);
  }
}

TEST_CASE("English: founded by, who runs, a person's company, two titles, a place's office") {
  CHECK(Find(testing::ExtractText("Mistral AI, the startup founded by Arthur Mensch, raised money."), "Arthur Mensch",
             "leads", "Mistral AI") != nullptr);
  const Extraction runs = testing::ExtractText("Lena Park, who runs Samsung's foundry business, said yields improved.");
  CHECK(Find(runs, "Lena Park", "affiliated_with", "Samsung Electronics") != nullptr);
  CHECK(Find(runs, "Lena Park", "leads", "Samsung Electronics") == nullptr);
  CHECK(Find(testing::ExtractText("Elon Musk's rocket company SpaceX bought chips."), "Elon Musk", "affiliated_with",
             "SpaceX") != nullptr);
  const Extraction two = testing::ExtractText(
      "In a letter to Nvidia Chief Executive Jensen Huang, Groq co-founder and CEO Jonathan Ross wrote that supply was short.");
  CHECK(Find(two, "Jonathan Ross", "leads", "Groq") != nullptr);
  CHECK(Find(two, "Jensen Huang", "leads", "Groq") == nullptr);
  CHECK(Find(testing::ExtractText("Texas Attorney General Ken Paxton sued the company."), "Ken Paxton", "affiliated_with",
             "Texas") != nullptr);
}

TEST_CASE("rivals: a possessive's rival, competing with, Korean comparisons") {
  CHECK(Find(testing::ExtractText("Intel, AMD's older rival, gained 2%."), "Intel", "competes_with", "AMD") != nullptr);
  CHECK(Find(testing::ExtractText("Perplexity, whose engine competes directly with Google, grew fast."), "Perplexity AI",
             "competes_with", "Google") != nullptr);
  const Extraction ko = testing::ExtractText("업계는 텐센트가 알리바바·바이두와 어깨를 나란히 했다고 본다.");
  CHECK(Find(ko, "Tencent", "competes_with", "Alibaba") != nullptr);
  CHECK(Find(ko, "Tencent", "competes_with", "Baidu") != nullptr);
  CHECK(Find(testing::ExtractText("큐원3는 장문 평가에서 GPT-4o에 근소하게 뒤졌다."), "Qwen3", "competes_with", "GPT-4o") !=
        nullptr);
  SUBCASE("not a partner") {
    CHECK(Find(testing::ExtractText("텐센트가 알리바바와 손잡았다."), "Tencent", "competes_with", "Alibaba") == nullptr);
  }
}

TEST_CASE("backers: among its backers, invested in, a stake in, taking part as investors") {
  CHECK(Find(testing::ExtractText("Mistral AI counts Nvidia and Microsoft among its backers."), "Nvidia", "invests_in",
             "Mistral AI") != nullptr);
  CHECK(Find(testing::ExtractText("Cohere raised $500 million in a round in which Oracle invested heavily."), "Oracle",
             "invests_in", "Cohere") != nullptr);
  CHECK(Find(testing::ExtractText("Analysts valued SoftBank's stake in OpenAI at $30 billion."), "SoftBank", "invests_in",
             "OpenAI") != nullptr);
  CHECK(Find(testing::ExtractText("Microsoft will own roughly 27% of OpenAI after the deal."), "Microsoft", "invests_in",
             "OpenAI") != nullptr);
  const Extraction ko = testing::ExtractText("즈푸AI는 상장을 앞뒀고, 텐센트와 알리바바 등이 초석 투자자로 참여했다.");
  CHECK(Find(ko, "Tencent", "invests_in", "Zhipu AI") != nullptr);
  CHECK(Find(ko, "Alibaba", "invests_in", "Zhipu AI") != nullptr);
}

TEST_CASE("lists, coordinated organizations, series and programmes") {
  SUBCASE("an English release list with descriptions between its names") {
    const Extraction ex = testing::ExtractText(
        "Nvidia also unveiled Fluxline, software that schedules jobs across racks, and two desktop computers, DGX Spark "
        "and DGX Station, but analysts said Siri lagged.");
    CHECK(Find(ex, "Nvidia", "released", "DGX Spark") != nullptr);
    CHECK(Find(ex, "Nvidia", "released", "DGX Station") != nullptr);
    REQUIRE(std::any_of(ex.mentions.begin(), ex.mentions.end(), [](const EntityMention& m) { return m.label == "Siri"; }));
    CHECK(Find(ex, "Nvidia", "released", "Siri") == nullptr);  // (after "but": another clause)
  }
  SUBCASE("a place before organizations joined by 와; where one was founded") {
    const Extraction ex = testing::ExtractText("중국 AI 스타트업 즈푸AI와 미니맥스가 상장했다.");
    CHECK(Find(ex, "Zhipu AI", "located_in", "China") != nullptr);
    CHECK(Find(ex, "MiniMax", "located_in", "China") != nullptr);
    CHECK(Find(testing::ExtractText("2023년 상하이에서 세운 미니맥스는 성장했다."), "MiniMax", "located_in", "Shanghai") !=
          nullptr);
  }
  SUBCASE("a version named as a series is part of its family, where the document names the family") {
    const Extraction ex = testing::ExtractText(
        "화웨이는 어센드 칩을 키운다. 내년 '어센드 950' 시리즈에 이어 '어센드 960'이 나온다.");
    CHECK(Find(ex, "Ascend 950", "part_of", "Ascend") != nullptr);
    CHECK(Find(ex, "Ascend 960", "part_of", "Ascend") != nullptr);
    CHECK(Find(testing::ExtractText("내년 '어센드 950' 시리즈가 나온다."), "Ascend 950", "part_of", "Ascend") == nullptr);
  }
  SUBCASE("taking part in a programme") {
    CHECK(Find(testing::ExtractText("네이버는 정부의 '독자 AI 파운데이션 모델' 프로젝트에 참여했다."), "Naver", "part_of",
               "Sovereign AI Foundation Model Project") != nullptr);
    CHECK(Find(testing::ExtractText("크래프톤은 네이버 컨소시엄에 합류했다."), "Krafton", "part_of", "Naver") == nullptr);
  }
}

TEST_CASE("every relation of the grammar carries its evidence and a rule the tools know") {
  const Extraction ex = testing::ExtractText("백준호 퓨리오사AI 대표는 말했다.");
  REQUIRE_FALSE(ex.relations.empty());
  for (const RelationMention& r : ex.relations) {
    CHECK(r.end > r.start);
    const auto& ids = internal::GrammarRelationRuleIds();
    CHECK(std::find(ids.begin(), ids.end(), r.rule) != ids.end());
  }
}

}  // namespace
}  // namespace claimgraph
