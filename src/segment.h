// SPDX-License-Identifier: Apache-2.0
// Stage 2, segment: sentence boundaries over normalized text with ICU's
// BreakIterator, then project fixes: no break inside an open double quote,
// none after an English abbreviation that continues the sentence ("U.S.
// officials"), always one at a newline, and one before kMaxSentenceBytes.
// Input: normalized UTF-8. Output: sentence byte spans, trimmed.
#ifndef CLAIMGRAPH_SEGMENT_H_
#define CLAIMGRAPH_SEGMENT_H_

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

namespace claimgraph::internal {

// The longest sentence the later stages see: a longer run is cut at a
// space (or a character) before this many bytes, which keeps every stage
// linear in the text whatever its punctuation. Real sentences are far
// shorter (a long Korean one is about 600 bytes).
inline constexpr size_t kMaxSentenceBytes = 4096;

// Returns the [begin, end) byte spans of the sentences of `text`, in order,
// without surrounding whitespace. Every non-space byte is in one sentence;
// no span is longer than kMaxSentenceBytes.
std::vector<std::pair<size_t, size_t>> SegmentSentences(std::string_view text);

// Whether the sentence starting at byte `begin` of `text` is in the
// document's headline: its first line, when a line break and more text
// follow it and it does not end as a sentence does (a period; an
// ellipsis may end a headline), and it is no longer than
// kMaxSentenceBytes.
bool InHeadline(std::string_view text, size_t begin);

}  // namespace claimgraph::internal

#endif  // CLAIMGRAPH_SEGMENT_H_
