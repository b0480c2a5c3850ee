// SPDX-License-Identifier: Apache-2.0
// Stage 4, resolve references: a surname (and a title) back to the one
// person the document named in full; never across documents, never a
// guess.
#include "resolve_references.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "test_util.h"

namespace claimgraph {
namespace {

// "surface->label (rule)" of every Person mention of `text`.
std::vector<std::string> Persons(const std::string& text) {
  std::vector<std::string> out;
  for (const EntityMention& m : testing::ExtractText(text).mentions) {
    if (m.type == "Person") out.push_back(m.text + "->" + m.label + " (" + m.rule + ")");
  }
  return out;
}

TEST_CASE("a surname and a title refer to the one earlier full name of that surname") {
  CHECK(Persons("서민아 누리그룹 대표는 말했다. 서 대표는 덧붙였다.") ==
        std::vector<std::string>{"서민아->서민아 (ko.name.person-org-title)", "서->서민아 (coref.surname-title)"});
}

TEST_CASE("a foreign surname alone refers back, in Hangul and in English") {
  CHECK(Persons("엔비디아의 로버트 케인 최고재무책임자는 말했다. 케인은 웃었다.") ==
        std::vector<std::string>{"로버트 케인->로버트 케인 (ko.name.foreign-title)", "케인->로버트 케인 (coref.surname)"});
  CHECK(Persons("Finance chief Dana Whitlow spoke first. Whitlow said costs fell.") ==
        std::vector<std::string>{"Dana Whitlow->Dana Whitlow (en.name.title-person)", "Whitlow->Dana Whitlow (coref.surname)"});
}

TEST_CASE("no reference is guessed: two candidates, none, or another document") {
  SUBCASE("two earlier people of the surname") {
    CHECK(Persons("서민아 교수와 서지훈 교수가 만났다. 서 교수는 말했다.").size() == 2);
  }
  SUBCASE("nobody earlier, and no gazetteer person of that surname and role") {
    CHECK(Persons("박 대표는 말했다.").empty());
  }
  SUBCASE("the gazetteer's one person of that surname and role") {
    CHECK(Persons("차이 회장은 말했다.") == std::vector<std::string>{"차이->Joe Tsai (coref.surname-title)"});
  }
}

TEST_CASE("a reference's surface is no new name of the person") {
  const Extraction ex = testing::ExtractText("서민아 누리그룹 대표는 말했다. 서 대표는 덧붙였다.");
  const Graph graph = ExtractionToGraph(ex);
  const Node* person = graph.FindNode("ent:서민아");
  REQUIRE(person != nullptr);
  CHECK(person->mentions.size() == 2);
  CHECK(std::find(person->aliases.begin(), person->aliases.end(), "서") == person->aliases.end());
}

}  // namespace
}  // namespace claimgraph
