// SPDX-License-Identifier: Apache-2.0
// Stage 4, resolve: greedy overlap resolution in a total order, so the
// result does not depend on the order rules ran in.
#include "resolve_mentions.h"

#include <algorithm>
#include <numeric>
#include <tuple>

#include "internal/utf8.h"

namespace claimgraph::internal {

std::vector<size_t> ResolveOverlaps(std::string_view text, const std::vector<Candidate>& candidates,
                                    std::vector<Candidate>* rejected) {
  std::vector<size_t> order(candidates.size());
  std::iota(order.begin(), order.end(), 0);
  std::vector<int64_t> length(candidates.size());
  for (size_t i = 0; i < candidates.size(); ++i) {
    length[i] = CountCodePoints(text.substr(candidates[i].begin, candidates[i].end - candidates[i].begin));
  }
  // (The strings by reference: a comparison copied two of them.)
  auto key = [&](size_t i) {
    const Candidate& c = candidates[i];
    return std::tuple<int64_t, int, size_t, const std::string&, int, const std::string&>(
        -length[i], -c.priority, c.begin, c.rule_id, c.entity, c.label);
  };
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return key(a) < key(b); });
  std::vector<size_t> accepted;
  for (size_t i : order) {
    const Candidate& c = candidates[i];
    const auto winner = std::find_if(accepted.begin(), accepted.end(), [&](size_t j) {
      return candidates[j].begin < c.end && c.begin < candidates[j].end;
    });
    if (winner == accepted.end()) {
      accepted.push_back(i);
      continue;
    }
    if (rejected == nullptr) continue;
    Candidate lost = c;
    const Candidate& w = candidates[*winner];
    const bool same_span = w.begin == c.begin && w.end == c.end;
    lost.reason = std::string("overlap: lost to \"") + w.label + "\" (" + w.rule_id + ", " +
                  (same_span ? "same span, higher priority or earlier rule" : "longer") + ")";
    rejected->push_back(std::move(lost));
  }
  std::sort(accepted.begin(), accepted.end(),
            [&](size_t a, size_t b) { return candidates[a].begin < candidates[b].begin; });
  return accepted;
}

}  // namespace claimgraph::internal
