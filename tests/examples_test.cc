// SPDX-License-Identifier: Apache-2.0
// Acceptance on our own example articles (examples/): the entities listed
// in examples/expected/*.entities.tsv are found, with their types, and
// nothing else is (precision).
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <sstream>

#include "test_util.h"

namespace claimgraph {
namespace {

struct Expected {
  std::string type;
  std::string surface;
};

std::map<std::string, Expected> ReadExpected(const std::string& path) {
  std::map<std::string, Expected> out;
  std::istringstream in(testing::ReadFileOrEmpty(path));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const size_t a = line.find('\t');
    const size_t b = line.find('\t', a + 1);
    REQUIRE(b != std::string::npos);
    out[line.substr(0, a)] = {line.substr(a + 1, b - a - 1), line.substr(b + 1)};
  }
  return out;
}

void CheckExample(const std::string& input, const std::string& expected_file) {
  const std::string dir = std::string(CLAIMGRAPH_SOURCE_DIR) + "/examples/";
  Result<std::vector<Document>> docs = ReadDocuments(dir + input);
  REQUIRE(docs.ok());
  Pipeline pipeline(testing::BuiltInRules());
  Result<Graph> graph = pipeline.Run(*docs);
  REQUIRE(graph.ok());
  const std::map<std::string, Expected> expected = ReadExpected(dir + "expected/" + expected_file);
  REQUIRE(expected.size() >= 10);
  std::map<std::string, std::string> found;  // label -> type
  for (const Node& n : graph->Nodes()) {
    // Claims, and the groups that speak them (experts, analysts), are
    // checked by extract_claims_test.cc.
    if (n.kind == "entity" && n.type != "Group") found[n.label] = n.type;
  }
  for (const auto& [label, e] : expected) {
    INFO(input << ": expected " << label << " (" << e.type << ", \"" << e.surface << "\")");
    REQUIRE(found.count(label) == 1);
    CHECK(found.at(label) == e.type);
  }
  for (const auto& [label, type] : found) {
    INFO(input << ": unexpected entity " << label << " (" << type << ")");
    CHECK(expected.count(label) == 1);
  }
  // Offsets slice the original text.
  std::map<std::string, const Document*> by_id;
  for (const Document& d : *docs) by_id[d.id] = &d;
  for (const Node& n : graph->Nodes()) {
    for (const Mention& m : n.mentions) {
      CHECK(testing::SliceCodePoints(by_id.at(m.doc)->text, m.start, m.end) == m.text);
    }
  }
}

TEST_CASE("the Korean example article yields its expected entities and no others") {
  CheckExample("news_ko.txt", "news_ko.entities.tsv");
}

TEST_CASE("the English example article yields its expected entities and no others") {
  CheckExample("news_en.txt", "news_en.entities.tsv");
}

TEST_CASE("the JSONL examples yield their expected entities and no others") {
  CheckExample("docs.jsonl", "docs.entities.tsv");
}

}  // namespace
}  // namespace claimgraph

namespace claimgraph {
namespace {

// Checks the claims of examples/<input> against
// examples/expected/<expected_file> (speaker, cue, modality, negated,
// content): every expected claim is found exactly, and every other claim
// has no speaker (an unresolved pronoun is never guessed).
void CheckClaims(const std::string& input, const std::string& expected_file) {
  const std::string dir = std::string(CLAIMGRAPH_SOURCE_DIR) + "/examples/";
  Result<std::vector<Document>> docs = ReadDocuments(dir + input);
  REQUIRE(docs.ok());
  Result<Graph> graph = Pipeline(testing::BuiltInRules()).Run(*docs);
  REQUIRE(graph.ok());
  std::map<std::string, std::string> labels;
  for (const Node& n : graph->Nodes()) labels[n.id] = n.label;
  struct Row {
    std::string speaker, cue, modality, negated, content;
  };
  std::vector<Row> found;
  for (const Node& n : graph->Nodes()) {
    if (!n.is_claim) continue;
    const ClaimInfo& c = n.claim;
    const std::string speaker = c.speaker.empty() ? c.speaker_status : labels.at(c.speaker);
    found.push_back({speaker, c.cue, c.modality, c.negated ? "true" : "false", c.text});
    CHECK(testing::SliceCodePoints((*docs)[0].text, c.start, c.end) == c.text);
  }
  std::istringstream in(testing::ReadFileOrEmpty(dir + "expected/" + expected_file));
  std::string line;
  size_t expected = 0;
  std::vector<bool> used(found.size());
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    std::istringstream fields(line);
    for (std::string col; std::getline(fields, col, '\t');) cols.push_back(col);
    REQUIRE(cols.size() == 5);
    ++expected;
    INFO(input << ": expected claim by " << cols[0] << ": " << cols[4]);
    const auto hit = std::find_if(found.begin(), found.end(), [&](const Row& r) { return r.content == cols[4]; });
    REQUIRE(hit != found.end());
    used[static_cast<size_t>(hit - found.begin())] = true;
    CHECK(hit->speaker == cols[0]);
    CHECK(hit->cue == cols[1]);
    CHECK(hit->modality == cols[2]);
    CHECK(hit->negated == cols[3]);
  }
  CHECK(expected >= 15);
  for (size_t i = 0; i < found.size(); ++i) {
    INFO(input << ": claim not in the expected list: " << found[i].speaker << ": " << found[i].content);
    if (!used[i]) CHECK(found[i].speaker == "unresolved");
  }
}

TEST_CASE("the Korean claims example yields every expected claim with speaker, cue and content") {
  CheckClaims("claims_ko.txt", "claims_ko.claims.tsv");
}

TEST_CASE("the English claims example yields every expected claim with speaker, cue and content") {
  CheckClaims("claims_en.txt", "claims_en.claims.tsv");
}

}  // namespace
}  // namespace claimgraph
