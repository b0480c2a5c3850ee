// SPDX-License-Identifier: Apache-2.0
// A sentence as space-separated words, each with its core of letters and
// digits and what precedes and follows it in the word: what the grammar
// of names (match_names.h) and of references (resolve_references.h) read.
#ifndef CLAIMGRAPH_WORDS_H_
#define CLAIMGRAPH_WORDS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimgraph::internal {

struct TitleEntry;

// The title a word's core is, before its particles (NameLexicon::TitleIn).
struct TitleInWord {
  const TitleEntry* entry = nullptr;
  size_t stem_bytes = 0;   // the title's bytes at the start of the core
  bool lowered = false;    // found by the stem lower-cased
  bool compound = false;   // found by its suffix title
};

// A space-separated word: its core of letters and digits (joined by - . &
// ' inside), what precedes the core in the word (a quote, a bracket) and
// what follows it (particles are letters, so they stay in the core; a
// parenthesis, punctuation).
struct Word {
  size_t begin = 0, end = 0;  // the core, bytes of the text
  std::string_view core, lead, tail;
  // The title in the core, looked up once for the names, references and
  // relations stages, which all ask (NameLexicon::TitleOf): any title, and
  // one that is not a compound whose first part is never a name. (Mutable:
  // the stages share a sentence's words read-only, on one thread.)
  mutable bool title_known = false, named_title_known = false;
  mutable std::optional<TitleInWord> title, named_title;
};

// The words of [begin, end) of `text`; words without a letter or digit
// are left out.
std::vector<Word> SplitWords(std::string_view text, size_t begin, size_t end);

// Whether `s` is Hangul syllables only (and not empty).
bool AllHangul(std::string_view s);

// The pieces of `s` between spaces, without empty ones.
std::vector<std::string_view> SplitAtSpaces(std::string_view s);

inline bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}
inline bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}
inline bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
// `s` with ASCII capitals in lower case (a Latin title as titles.tsv keys it).
inline std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = IsAsciiUpper(c) ? static_cast<char>(c - 'A' + 'a') : c;
  return out;
}

}  // namespace claimgraph::internal

#endif  // CLAIMGRAPH_WORDS_H_
