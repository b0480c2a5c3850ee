// SPDX-License-Identifier: Apache-2.0
// Golden files: the full JSON (as --pretty lays it out, so that a change
// reads as a diff) and GraphML output for the example inputs, compared byte
// for byte; the compact JSON is checked against the pretty in write_test. After an intended change, regenerate with
//   CLAIMGRAPH_UPDATE_GOLDEN=1 build/claimgraph_tests -tc="golden*"
// and review the diff.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>

#include "test_util.h"

namespace claimgraph {
namespace {

void CheckGolden(const std::string& input, const std::string& name) {
  const std::string root = CLAIMGRAPH_SOURCE_DIR;
  Result<std::vector<Document>> docs = ReadDocuments(root + "/examples/" + input);
  REQUIRE(docs.ok());
  Result<Graph> graph = Pipeline(testing::BuiltInRules()).Run(*docs);
  REQUIRE(graph.ok());
  const bool update = std::getenv("CLAIMGRAPH_UPDATE_GOLDEN") != nullptr;
  for (const auto& [ext, content] : {std::pair{".json", WriteJson(*graph, JsonLayout::kPretty)},
                                     std::pair{".graphml", WriteGraphml(*graph)}}) {
    const std::string path = root + "/tests/golden/" + name + ext;
    if (update) {
      std::ofstream(path, std::ios::binary) << content;
      continue;
    }
    INFO("golden file " << path << " differs; see the header of golden_test.cc");
    CHECK(testing::ReadFileOrEmpty(path) == content);
  }
}

TEST_CASE("golden: examples/news_ko.txt") { CheckGolden("news_ko.txt", "news_ko"); }
TEST_CASE("golden: examples/news_en.txt") { CheckGolden("news_en.txt", "news_en"); }
TEST_CASE("golden: examples/docs.jsonl") { CheckGolden("docs.jsonl", "docs"); }
TEST_CASE("golden: examples/claims_ko.txt") { CheckGolden("claims_ko.txt", "claims_ko"); }
TEST_CASE("golden: examples/claims_en.txt") { CheckGolden("claims_en.txt", "claims_en"); }

}  // namespace
}  // namespace claimgraph
