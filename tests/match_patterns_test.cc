// SPDX-License-Identifier: Apache-2.0
// Stage 3b: every pattern rule's inline examples, and the behaviours the
// text and context rules add (titles, surnames, romanized aliases, the
// literal prefilter).
#include "match_patterns.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <optional>

#include "entity_ids.h"
#include "read_rules.h"
#include "rule_pack.h"
#include "screen.h"
#include "test_util.h"

namespace claimgraph {
namespace {

TEST_CASE("every pattern rule of the built-in pack passes its inline examples") {
  const internal::RulePackData& data = testing::BuiltInRules().data();
  size_t examples = 0;
  for (const auto* rules : {&data.text_rules, &data.context_rules}) {
    for (const internal::PatternRule& rule : *rules) {
      for (const internal::RuleExample& example : rule.examples) {
        ++examples;
        const Extraction ex = testing::ExtractText(example.text);
        bool found = false;
        for (const EntityMention& m : ex.mentions) {
          if (m.rule == rule.id && (example.span.empty() || m.text == example.span)) found = true;
        }
        for (const RelationMention& r : ex.relations) {
          if (r.rule == rule.id && example.span.empty()) found = true;
        }
        for (const internal::PatternRule::NodeAttribute& a : rule.node_attributes) {
          for (const EntityMention& m : ex.mentions) found = found || m.attributes.count(a.name) > 0;
        }
        INFO("rule " << rule.id << " on \"" << example.text << "\"");
        CHECK(found == example.positive);
      }
    }
  }
  CHECK(examples >= 20);
}

TEST_CASE("a pattern-found Hangul name gets its romanization as an alias") {
  const Extraction ex = testing::ExtractText("한빛대학교 김하늘 교수는 반론을 폈다.");
  REQUIRE(ex.mentions.size() == 2);
  const EntityMention& person = ex.mentions[1];
  CHECK(person.label == "김하늘");
  CHECK(person.entity_id == "ent:김하늘");
  CHECK(person.attributes.at("role") == "professor");
  CHECK(person.aliases == std::vector<std::string>{"김하늘", "gimhaneul"});
}

TEST_CASE("a lone surname with a title resolves only to a unique gazetteer person with that role") {
  CHECK(testing::EntityLabels("차이 회장은 말했다.") == std::vector<std::string>{"Joe Tsai"});
  CHECK(testing::EntityLabels("차이 교수는 말했다.").empty());
}

TEST_CASE("the literal prefilter lets a text rule run only where its literals are") {
  const internal::RulePackData& data = testing::BuiltInRules().data();
  REQUIRE(data.text_prefilter != nullptr);
  auto runs = [&](std::string_view sentence, const std::string& rule_id) {
    for (int i : internal::PrefilterTextRules(data, sentence)) {
      if (data.text_rules[static_cast<size_t>(i)].id == rule_id) return true;
    }
    return false;
  };
  SUBCASE("a Korean descriptor word") {
    CHECK(runs("AI 비서 '하람챗'을 선보였다.", "ko.product.quoted-after-descriptor"));
    CHECK_FALSE(runs("시장 반응은 아직 엇갈린다.", "ko.product.quoted-after-descriptor"));
  }
  SUBCASE("an English suffix, in any case") {
    CHECK(runs("shares of Lakemont UNIVERSITY rose", "en.org.suffix"));
    CHECK(runs("shares of Lakemont University rose", "en.org.suffix"));
    CHECK_FALSE(runs("Shares rose slightly after the announcement.", "en.org.suffix"));
  }
  SUBCASE("the rules it lets through are a subset, in rule order") {
    const std::vector<int> which = internal::PrefilterTextRules(data, "Kyle Chan, a professor at Princeton University, said.");
    CHECK(std::is_sorted(which.begin(), which.end()));
    CHECK(which.size() <= data.text_rules.size());
  }
}

}  // namespace
}  // namespace claimgraph
