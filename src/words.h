// SPDX-License-Identifier: Apache-2.0
// A sentence as space-separated words, each with its core of letters and
// digits and what precedes and follows it in the word: what the grammar
// of names (match_names.h) and of references (resolve_references.h) read.
#ifndef CLAIMGRAPH_WORDS_H_
#define CLAIMGRAPH_WORDS_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace claimgraph::internal {

// A space-separated word: its core of letters and digits (joined by - . &
// ' inside), what precedes the core in the word (a quote, a bracket) and
// what follows it (particles are letters, so they stay in the core; a
// parenthesis, punctuation).
struct Word {
  size_t begin = 0, end = 0;  // the core, bytes of the text
  std::string_view core, lead, tail;
};

// The words of [begin, end) of `text`; words without a letter or digit
// are left out.
std::vector<Word> SplitWords(std::string_view text, size_t begin, size_t end);

// Whether `s` is Hangul syllables only (and not empty).
bool AllHangul(std::string_view s);

}  // namespace claimgraph::internal

#endif  // CLAIMGRAPH_WORDS_H_
