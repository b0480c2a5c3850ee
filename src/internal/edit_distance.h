// SPDX-License-Identifier: Apache-2.0
// Levenshtein distance over code points, for "did you mean" suggestions.
#ifndef CLAIMGRAPH_INTERNAL_EDIT_DISTANCE_H_
#define CLAIMGRAPH_INTERNAL_EDIT_DISTANCE_H_

#include <algorithm>
#include <string>
#include <vector>

#include "internal/utf8.h"

namespace claimgraph::internal {

inline std::vector<char32_t> CodePointsOf(const std::string& s) {
  std::vector<char32_t> out;
  for (size_t i = 0; i < s.size();) {
    int len = 0;
    out.push_back(DecodeAt(s, i, &len));
    i += static_cast<size_t>(len);
  }
  return out;
}

inline size_t EditDistance(const std::string& a, const std::string& b) {
  const std::vector<char32_t> x = CodePointsOf(a), y = CodePointsOf(b);
  std::vector<size_t> row(y.size() + 1);
  for (size_t j = 0; j <= y.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= x.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= y.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (x[i - 1] == y[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[y.size()];
}

}  // namespace claimgraph::internal

#endif  // CLAIMGRAPH_INTERNAL_EDIT_DISTANCE_H_
