// SPDX-License-Identifier: Apache-2.0
// Stage 1, normalize: ICU NFKC plus project folding (quotes, dashes,
// zero-width and control characters, the pilcrow, whitespace runs), with an
// offset map from every normalized byte back to original code points.
// Input: valid UTF-8 document text. Output: NormalizedText.
#ifndef CLAIMGRAPH_NORMALIZE_H_
#define CLAIMGRAPH_NORMALIZE_H_

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace claimgraph::internal {

// Normalized text and its alignment to the original.
//
// Each normalized byte b came from the original code points
// [orig_begin[b], OrigEnd(b)): the smallest unit NFKC could not split
// (usually one code point; a base plus its combining marks; a whitespace run).
struct NormalizedText {
  std::string text;
  std::vector<uint32_t> orig_begin;
  // The bytes whose unit is longer than one code point (OrigEnd(b) is not
  // orig_begin[b] + 1): (byte, end), by byte. A text has a few (a line
  // break between paragraphs, a doubled space), so the map is 4 bytes a
  // byte, not 8.
  std::vector<std::pair<size_t, uint32_t>> long_ends;

  uint32_t OrigEnd(size_t b) const {
    const auto it = std::lower_bound(long_ends.begin(), long_ends.end(), b,
                                     [](const std::pair<size_t, uint32_t>& l, size_t byte) { return l.first < byte; });
    return it != long_ends.end() && it->first == b ? it->second : orig_begin[b] + 1;
  }

  // Maps the normalized byte span [b, e) to original code points [start, end).
  std::pair<int64_t, int64_t> ToOriginal(size_t b, size_t e) const {
    if (b >= e || e > text.size()) return {b < orig_begin.size() ? orig_begin[b] : 0, b < orig_begin.size() ? orig_begin[b] : 0};
    return {orig_begin[b], OrigEnd(e - 1)};
  }
};

// Normalizes valid UTF-8 `original`.
// Example: "“ＡＩ”는¶\n" -> "\"AI\"는" with 0..5 mapped to the 6 original code points.
NormalizedText Normalize(std::string_view original);

// Normalizes `s` without keeping the map: used at load time so that rule
// literals and gazetteer aliases go through the same normalizer as documents.
std::string NormalizeString(std::string_view s);

// Normalizes and case-folds `s`, for comparing names ("OpenAI" = "openai").
std::string FoldForMatch(std::string_view s);

}  // namespace claimgraph::internal

#endif  // CLAIMGRAPH_NORMALIZE_H_
