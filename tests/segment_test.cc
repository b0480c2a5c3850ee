// SPDX-License-Identifier: Apache-2.0
// Stage 2: sentence segmentation for Korean and English news.
#include "segment.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace claimgraph::internal {
namespace {

std::vector<std::string> Sentences(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& [b, e] : SegmentSentences(text)) out.push_back(text.substr(b, e - b));
  return out;
}

TEST_CASE("Korean sentences end at -다. and -습니다.") {
  CHECK(Sentences("알리바바가 발표했다. 텐센트도 참여했습니다. 반응은 어땠을까?") ==
        std::vector<std::string>{"알리바바가 발표했다.", "텐센트도 참여했습니다.", "반응은 어땠을까?"});
}

TEST_CASE("a quotation with its own periods stays inside its sentence") {
  const std::string text = "그는 \"승자는 빠른 자다. 배포가 중요하다\"라고 말했다. 다음 문장이다.";
  CHECK(Sentences(text) == std::vector<std::string>{
                               "그는 \"승자는 빠른 자다. 배포가 중요하다\"라고 말했다.", "다음 문장이다."});
}

TEST_CASE("English abbreviations do not end sentences") {
  SUBCASE("U.S. before a lower-case word") {
    CHECK(Sentences("U.S. officials met Alibaba executives. They talked.") ==
          std::vector<std::string>{"U.S. officials met Alibaba executives.", "They talked."});
  }
  SUBCASE("titles") {
    CHECK(Sentences("Dr. Kim said so. Prof. Lee agreed.") ==
          std::vector<std::string>{"Dr. Kim said so.", "Prof. Lee agreed."});
  }
  SUBCASE("Inc. before a lower-case word") {
    CHECK(Sentences("Granite Peak Robotics Inc. said sales rose. Shares fell.").size() == 2);
  }
  SUBCASE("a period inside a name of letters and digits") {
    CHECK(Sentences("링이완우(01.AI)는 방향을 바꿨다. 회사는 설명했다.") ==
          std::vector<std::string>{"링이완우(01.AI)는 방향을 바꿨다.", "회사는 설명했다."});
  }
}

TEST_CASE("a newline always ends a sentence") {
  CHECK(Sentences("핵심 요약\n알리바바는 강조했다") ==
        std::vector<std::string>{"핵심 요약", "알리바바는 강조했다"});
}

TEST_CASE("a run longer than the limit is cut at spaces, and every byte stays in a sentence") {
  std::string text;
  while (text.size() < 3 * kMaxSentenceBytes) text += "알리바바와 엔비디아 그리고 데이터 ";
  text += "끝이다.";
  const std::vector<std::pair<size_t, size_t>> spans = SegmentSentences(text);
  REQUIRE(spans.size() >= 3);
  size_t covered = 0;
  for (size_t i = 0; i < spans.size(); ++i) {
    const auto [b, e] = spans[i];
    CHECK(e - b <= kMaxSentenceBytes);
    CHECK(text[b] != ' ');                                           // cut at a space, not inside a word
    CHECK((static_cast<unsigned char>(text[b]) & 0xC0) != 0x80);  // nor inside a character
    if (i > 0) CHECK(text.substr(spans[i - 1].second, b - spans[i - 1].second).find_first_not_of(' ') == std::string::npos);
    covered += e - b;
  }
  CHECK(spans.back().second == text.size());
  CHECK(covered + spans.size() - 1 == text.size() - spans.front().first);
}

TEST_CASE("empty and whitespace-only text has no sentences") {
  CHECK(Sentences("").empty());
}

}  // namespace
}  // namespace claimgraph::internal
