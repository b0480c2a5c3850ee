// SPDX-License-Identifier: Apache-2.0
// Stage 3c: Korean particles after names, and the boundaries that keep
// 메타버스 from being Meta.
#include "match_particles.h"
#include "rule_pack.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "test_util.h"

namespace claimgraph {
namespace {

using testing::ExtractText;

bool HasLabel(const std::vector<std::string>& labels, const std::string& label) {
  return std::find(labels.begin(), labels.end(), label) != labels.end();
}

TEST_CASE("particle chains are recognised") {
  internal::ParticleSet set;
  for (const char* p : {"은", "는", "의", "와", "에서", "도", "까지"}) set.particles.insert(p);
  set.max_bytes = 6;
  CHECK(set.IsParticleChain("는"));
  CHECK(set.IsParticleChain("와의"));
  CHECK(set.IsParticleChain("에서는"));
  CHECK(set.IsParticleChain("까지도"));
  CHECK_FALSE(set.IsParticleChain("버스"));
  CHECK_FALSE(set.IsParticleChain("링"));
  CHECK_FALSE(set.IsParticleChain("는는는는"));
}

TEST_CASE("a name followed by a particle is the same entity, and the particle is recorded") {
  struct Row {
    const char* text;
    const char* label;
    const char* particle;
  };
  const Row rows[] = {
      {"알리바바가 발표했다.", "Alibaba", "가"},
      {"알리바바의 모델이다.", "Alibaba", "의"},
      {"알리바바는 강조했다.", "Alibaba", "는"},
      {"오픈AI와의 경쟁이 치열하다.", "OpenAI", "와의"},
      {"구글에서도 같은 반응이 나왔다.", "Google", "에서도"},
      {"오픈AI의 발표가 이어졌다.", "OpenAI", "의"},
      {"개발자들이 Qwen을 내려받았다.", "Qwen", "을"},
      {"텐센트도 참여했다.", "Tencent", "도"},
  };
  for (const Row& row : rows) {
    SUBCASE(row.text) {
      const Extraction ex = ExtractText(row.text);
      REQUIRE(ex.mentions.size() >= 1);
      CHECK(ex.mentions.front().label == row.label);
      CHECK(ex.mentions.front().particle == row.particle);
    }
  }
}

TEST_CASE("a name inside a longer word is not a mention") {
  struct Row {
    const char* text;
    const char* not_label;
  };
  const Row rows[] = {
      {"메타버스 시장이 커진다.", "Meta"},
      {"구글링으로 찾았다.", "Google"},
      {"애플리케이션을 설치했다.", "Apple"},
      {"Qwenny is not a model.", "Qwen"},
      {"Qwen3-Coderless is made up.", "Qwen3"},
      {"지메타 연구소", "Meta"},
  };
  for (const Row& row : rows) {
    SUBCASE(row.text) { CHECK_FALSE(HasLabel(testing::EntityLabels(row.text), row.not_label)); }
  }
}

TEST_CASE("English compounds keep the name whole but hyphenated names do not split") {
  CHECK(HasLabel(testing::EntityLabels("Hangzhou-based Alibaba said so."), "Hangzhou"));
  CHECK(HasLabel(testing::EntityLabels("an Nvidia-backed startup"), "Nvidia"));
  CHECK_FALSE(HasLabel(testing::EntityLabels("Nvidia-Labs is made up."), "Nvidia"));
}

}  // namespace
}  // namespace claimgraph
