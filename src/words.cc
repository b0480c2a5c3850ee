// SPDX-License-Identifier: Apache-2.0
// Sentences as words.
#include "words.h"

#include "internal/utf8.h"

namespace claimgraph::internal {
namespace {

// A letter or digit of a word: ASCII alphanumerics, Hangul syllables, CJK.
bool IsWordChar(std::string_view s, size_t i, int* len) {
  const char32_t c = DecodeAt(s, i, len);
  if (c < 0x80) return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  // Latin letters with diacritics (Tomás, Müller, Łukasz), not × and ÷.
  if (c >= 0xC0 && c <= 0x24F) return c != 0xD7 && c != 0xF7;
  return IsHangul(c) || (c >= 0x4E00 && c <= 0x9FFF);
}

}  // namespace

std::vector<Word> SplitWords(std::string_view text, size_t begin, size_t end) {
  std::vector<Word> words;
  size_t i = begin;
  while (i < end) {
    while (i < end && text[i] == ' ') ++i;
    if (i >= end) break;
    size_t raw_end = i;
    while (raw_end < end && text[raw_end] != ' ') ++raw_end;
    // "공개...뤄푸리": an ellipsis (NFKC makes … three periods) joining two
    // words in a headline separates them.
    const size_t ellipsis = text.substr(i, raw_end - i).find("...");
    if (ellipsis != std::string_view::npos && ellipsis > 0 && i + ellipsis + 3 < raw_end) raw_end = i + ellipsis + 3;
    // A parenthesis with spaces inside stays with its word: "수(Lian Jye
    // Su)", "(사진 왼쪽)".
    const std::string_view raw = text.substr(i, raw_end - i);
    const size_t open = raw.rfind('(');
    if (open != std::string_view::npos && raw.find(')', open) == std::string_view::npos) {
      const size_t close = text.find(')', raw_end);
      if (close != std::string_view::npos && close < end && close - raw_end <= 60) {
        raw_end = close + 1;
        while (raw_end < end && text[raw_end] != ' ') ++raw_end;
      }
    }
    Word w;
    size_t c = i;
    int len = 1;
    while (c < raw_end && !IsWordChar(text, c, &len)) c += static_cast<size_t>(len);
    size_t e = c;
    while (e < raw_end) {
      if (IsWordChar(text, e, &len)) {
        e += static_cast<size_t>(len);
        continue;
      }
      // A joiner between letters or digits stays inside the core.
      const char j = text[e];
      int next = 1;
      if ((j == '-' || j == '.' || j == '&' || j == '\'') && e + 1 < raw_end && e > c &&
          IsWordChar(text, e + 1, &next)) {
        ++e;
        continue;
      }
      break;
    }
    w.begin = c;
    w.end = e;
    w.core = text.substr(c, e - c);
    w.lead = text.substr(i, c - i);
    w.tail = text.substr(e, raw_end - e);
    if (!w.core.empty()) words.push_back(w);
    i = raw_end;
  }
  return words;
}


std::vector<std::string_view> SplitAtSpaces(std::string_view s) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start < s.size()) {
    size_t space = s.find(' ', start);
    if (space == std::string_view::npos) space = s.size();
    if (space > start) out.push_back(s.substr(start, space - start));
    start = space + 1;
  }
  return out;
}

bool AllHangul(std::string_view s) {
  if (s.empty() || s.size() % 3 != 0) return false;
  for (size_t i = 0; i < s.size(); i += 3) {
    if (HangulSyllableAt(s, i) < 0) return false;
  }
  return true;
}

}  // namespace claimgraph::internal
