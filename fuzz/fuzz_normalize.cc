// SPDX-License-Identifier: Apache-2.0
// Fuzzes normalization and its offset map: for valid UTF-8 input, every
// normalized byte maps to a non-empty, ordered span of original code points.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "claimgraph/document.h"
#include "internal/utf8.h"
#include "normalize.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  if (claimgraph::FindInvalidUtf8(text) >= 0) return 0;
  const claimgraph::internal::NormalizedText n = claimgraph::internal::Normalize(text);
  const int64_t cps = claimgraph::internal::CountCodePoints(text);
  if (n.orig_begin.size() != n.text.size()) std::abort();
  for (size_t i = 0; i < n.long_ends.size(); ++i) {
    // by byte, in the text, and only where the unit is longer than one code point
    const auto [byte, end] = n.long_ends[i];
    if (byte >= n.text.size() || (i > 0 && n.long_ends[i - 1].first >= byte) || end == n.orig_begin[byte] + 1) {
      std::abort();
    }
  }
  uint32_t last = 0;
  for (size_t b = 0; b < n.text.size(); ++b) {
    if (n.orig_begin[b] >= n.OrigEnd(b) || n.OrigEnd(b) > cps || n.orig_begin[b] < last) std::abort();
    last = n.orig_begin[b];
  }
  if (claimgraph::FindInvalidUtf8(n.text) >= 0) std::abort();  // output is valid UTF-8
  return 0;
}
