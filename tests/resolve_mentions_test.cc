// SPDX-License-Identifier: Apache-2.0
// Stage 4: overlap resolution order: longest, then priority, then leftmost.
#include "resolve_mentions.h"

#include <doctest/doctest.h>

namespace claimgraph::internal {
namespace {

Candidate Make(size_t begin, size_t end, int priority, const char* rule) {
  Candidate c;
  c.begin = begin;
  c.end = end;
  c.priority = priority;
  c.rule_id = rule;
  c.label = rule;
  return c;
}

TEST_CASE("the longest candidate wins an overlap") {
  const std::string text = "abcdefghij";
  const std::vector<Candidate> cands = {Make(0, 3, 100, "short"), Make(0, 6, 10, "long"), Make(5, 9, 50, "right")};
  std::vector<Candidate> rejected;
  const std::vector<size_t> accepted = ResolveOverlaps(text, cands, &rejected);
  CHECK(accepted == std::vector<size_t>{1});
  REQUIRE(rejected.size() == 2);
  CHECK(rejected[0].reason.find("lost to \"long\"") != std::string::npos);
}

TEST_CASE("on equal spans the higher priority wins, and the loser says why") {
  const std::string text = "abcdef";
  const std::vector<Candidate> cands = {Make(0, 4, 50, "pattern"), Make(0, 4, 100, "gazetteer")};
  std::vector<Candidate> rejected;
  CHECK(ResolveOverlaps(text, cands, &rejected) == std::vector<size_t>{1});
  REQUIRE(rejected.size() == 1);
  CHECK(rejected[0].reason == "overlap: lost to \"gazetteer\" (gazetteer, same span, higher priority or earlier rule)");
}

TEST_CASE("length counts code points, not bytes") {
  const std::string text = "알리바바 abcdef";  // 4 Hangul syllables = 12 bytes
  const std::vector<Candidate> cands = {Make(0, 12, 50, "hangul4"), Make(0, 13, 10, "five")};
  std::vector<Candidate> rejected;
  CHECK(ResolveOverlaps(text, cands, &rejected) == std::vector<size_t>{1});
}

TEST_CASE("non-overlapping candidates all survive, sorted by position") {
  const std::string text = "abcdefghij";
  const std::vector<Candidate> cands = {Make(6, 8, 1, "b"), Make(0, 2, 1, "a")};
  std::vector<Candidate> rejected;
  CHECK(ResolveOverlaps(text, cands, &rejected) == std::vector<size_t>{1, 0});
  CHECK(rejected.empty());
}

}  // namespace
}  // namespace claimgraph::internal
