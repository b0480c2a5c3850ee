// SPDX-License-Identifier: Apache-2.0
// Stage 3a: the alias trie and gazetteer lookups across scripts.
#include "alias_trie.h"
#include "match_gazetteer.h"

#include <doctest/doctest.h>

#include "test_util.h"

namespace claimgraph {
namespace {

TEST_CASE("the alias trie reports every alias starting at a position, shortest first") {
  internal::AliasTrie trie;
  trie.Add("딥시크", 1);
  trie.Add("딥시크 V3", 2);
  trie.Add("Qwen", 3);
  trie.Build();
  std::vector<std::pair<size_t, int>> hits;
  const std::string text = "딥시크 V3 출시";
  trie.MatchAt(text, 0, [&](size_t end, int32_t value) { hits.emplace_back(end, value); });
  CHECK(hits == std::vector<std::pair<size_t, int>>{{9, 1}, {12, 2}});
  hits.clear();
  trie.MatchAt(text, 1, [&](size_t end, int32_t value) { hits.emplace_back(end, value); });
  CHECK(hits.empty());
}

TEST_CASE("the alias trie can read ASCII capitals as lower case, and matches only once built") {
  internal::AliasTrie trie;
  trie.Add("qwen", 1);
  trie.Add("알리", 2);
  const std::string text = "QWen 알리";
  std::vector<std::pair<size_t, int>> hits;
  const auto collect = [&](size_t end, int32_t value) { hits.emplace_back(end, value); };
  trie.MatchAtAsciiLower(text, 0, collect);
  CHECK(hits.empty());  // not built yet
  trie.Build();
  trie.MatchAtAsciiLower(text, 0, collect);
  trie.MatchAtAsciiLower(text, 5, collect);
  CHECK(hits == std::vector<std::pair<size_t, int>>{{4, 1}, {11, 2}});
  hits.clear();
  trie.MatchAt(text, 0, collect);  // exact bytes: "QWen" is not "qwen"
  CHECK(hits.empty());
  trie.Add("qwen3", 3);  // adding unbuilds
  trie.MatchAtAsciiLower(text, 0, collect);
  CHECK(hits.empty());
}

TEST_CASE("Hangul, Latin and Han aliases resolve to one canonical entity") {
  const std::vector<std::string> labels = testing::EntityLabels("알리바바(阿里巴巴)와 Alibaba Cloud, 그리고 Alibaba.");
  CHECK(labels == std::vector<std::string>{"Alibaba", "Alibaba Cloud"});
}

TEST_CASE("Andreessen Horowitz in any script folds into a16z") {
  CHECK(testing::EntityLabels("앤드리슨 호로비츠의 분석") == std::vector<std::string>{"a16z"});
  CHECK(testing::EntityLabels("Andreessen Horowitz said") == std::vector<std::string>{"a16z"});
}

TEST_CASE("the longest alias wins: 딥시크 V3 is DeepSeek-V3, not DeepSeek") {
  const Extraction ex = testing::ExtractText("딥시크 V3가 공개됐다.");
  REQUIRE(ex.mentions.size() == 1);
  CHECK(ex.mentions[0].label == "DeepSeek-V3");
  CHECK(ex.mentions[0].text == "딥시크 V3");
  CHECK(ex.mentions[0].particle == "가");
}

TEST_CASE("common words are not entities") {
  const std::vector<std::string> labels =
      testing::EntityLabels("AI와 AGI, LM 기술을 두고 정부와 기업이 논의했다. 클라우드 시장도 커졌다.");
  CHECK(labels.empty());
}

}  // namespace
}  // namespace claimgraph
