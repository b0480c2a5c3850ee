// SPDX-License-Identifier: Apache-2.0
// Stage 2, segment. ICU's rule-based sentence iterator runs over the text
// converted to UTF-16 once (its breaks mapped back to byte offsets); the
// candidate breaks are then filtered by the project rules below.
#include "segment.h"

#include <unicode/brkiter.h>
#include <unicode/stringpiece.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <string>

namespace claimgraph::internal {
namespace {

// Abbreviations after which a period does not end the sentence when the next
// word starts in lower case or with a digit ("U.S. officials", "No. 1").
constexpr std::array<std::string_view, 14> kContinuingAbbreviations = {
    "U.S.", "U.K.", "U.N.", "E.U.", "Inc.", "Corp.", "Ltd.", "Co.",
    "vs.",  "e.g.", "i.e.", "etc.", "No.",  "approx."};
// Titles never end a sentence: "Dr. Kim", "Prof. Chan".
constexpr std::array<std::string_view, 12> kTitles = {
    "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Sen.", "Rep.", "Gov.", "Gen.", "St.", "Jr.", "Sr."};

bool EndsWithToken(std::string_view text, size_t end, std::string_view token) {
  if (end < token.size() || text.substr(end - token.size(), token.size()) != token) return false;
  if (end == token.size()) return true;
  const char before = text[end - token.size() - 1];
  return before == ' ' || before == '\n' || before == '(' || before == '"' || before == '\'';
}

// Whether the candidate break at `pos` (start of the next sentence) should be
// dropped. `begin` is the start of the current sentence.
bool SuppressBreak(std::string_view text, size_t begin, size_t pos) {
  size_t end = pos;
  while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\n')) --end;
  // A newline is a hard break (titles, list items, paragraphs).
  if (text.substr(end, pos - end).find('\n') != std::string_view::npos) return false;
  // Inside an open double quote: the quotation continues the sentence.
  const auto quotes = std::count(text.begin() + static_cast<std::ptrdiff_t>(begin),
                                 text.begin() + static_cast<std::ptrdiff_t>(end), '"');
  if (quotes % 2 == 1) {
    const size_t line_end = std::min(text.find('\n', pos), text.size());
    if (text.substr(pos, line_end - pos).find('"') != std::string_view::npos) return true;
  }
  for (std::string_view t : kTitles) {
    if (EndsWithToken(text, end, t)) return true;
  }
  // An ellipsis before a quotation joins them, as headlines write ("AGI
  // 자신감 과시… \"…\""; NFKC makes … three periods).
  // An ellipsis that joins two words without a space ("…내라\"…언론·창작자",
  // "공개…다음 달") joins them as a headline does.
  if (end >= begin + 3 && text.substr(end - 3, 3) == "..." && pos < text.size() && (text[pos] == '"' || end == pos)) {
    return true;
  }
  // A period inside a word of Latin letters and digits ("01.AI", "A.X"):
  // a name's, not the sentence's end.
  auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); };
  if (end == pos && end >= begin + 2 && pos < text.size() && text[end - 1] == '.' && alnum(text[end - 2]) &&
      alnum(text[pos])) {
    // (Short, or with a digit or in capitals before the period: "01.AI",
    // "A.X", "code.i"; not "ended.Then", a missing space.)
    size_t run = end - 1;
    bool digit_or_upper = true;
    while (run > begin && alnum(text[run - 1])) {
      --run;
      if (text[run] >= 'a' && text[run] <= 'z') digit_or_upper = false;
    }
    if (end - 1 - run <= 4 || digit_or_upper) return true;
  }
  if (pos < text.size()) {
    const char next = text[pos];
    const bool continues = (next >= 'a' && next <= 'z') || (next >= '0' && next <= '9');
    if (continues) {
      for (std::string_view t : kContinuingAbbreviations) {
        if (EndsWithToken(text, end, t)) return true;
      }
    }
  }
  return false;
}

}  // namespace

std::vector<std::pair<size_t, size_t>> SegmentSentences(std::string_view text) {
  std::vector<std::pair<size_t, size_t>> out;
  if (text.empty()) return out;
  std::vector<size_t> breaks;
  // Creating a sentence iterator costs more than using it: one per thread.
  thread_local std::unique_ptr<icu::BreakIterator> cached = [] {
    UErrorCode s = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> b(icu::BreakIterator::createSentenceInstance(icu::Locale("en@ss=standard"), s));
    return U_SUCCESS(s) ? std::move(b) : nullptr;
  }();
  icu::BreakIterator* it = cached.get();
  // ICU's positions are 32-bit: a longer text (over 2 GB, past any
  // document limit) is broken at newlines only.
  if (it && text.size() <= static_cast<size_t>(INT32_MAX)) {
    // ICU's iterators are several times faster over UTF-16 than over UTF-8
    // through UText: convert the document once, then map the breaks (few,
    // increasing) back to byte offsets in one walk. The iterator keeps a
    // reference to its text: one string per thread, as the iterator.
    thread_local icu::UnicodeString utf16;
    utf16 = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    it->setText(utf16);
    size_t byte = 0;
    int32_t unit = 0;
    for (int32_t p = it->next(); p != icu::BreakIterator::DONE; p = it->next()) {
      while (unit < p && byte < text.size()) {
        const auto lead = static_cast<unsigned char>(text[byte]);
        const size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        byte += length;
        unit += length == 4 ? 2 : 1;  // a supplementary code point is a surrogate pair
      }
      breaks.push_back(std::min(byte, text.size()));
    }
  }
  // Always break at newlines, whatever ICU decided (ICU already does for
  // paragraph separators; this keeps the guarantee if it fails).
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') breaks.push_back(i + 1);
  }
  breaks.push_back(text.size());
  std::sort(breaks.begin(), breaks.end());
  breaks.erase(std::unique(breaks.begin(), breaks.end()), breaks.end());

  size_t begin = 0;
  auto emit = [&](size_t b, size_t e) {
    while (b < e && (text[b] == ' ' || text[b] == '\n')) ++b;
    while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\n')) --e;
    if (e > b) out.emplace_back(b, e);
  };
  for (size_t pos : breaks) {
    if (pos <= begin) continue;
    // (A break is kept, not suppressed, once the sentence is long.)
    if (pos < text.size() && pos - begin <= kMaxSentenceBytes && SuppressBreak(text, begin, pos)) continue;
    // A run longer than the limit (a list, a table flattened to one line,
    // text without punctuation) is cut at a space before it, else at a
    // character: the rule stages then take time linear in the text.
    while (pos - begin > kMaxSentenceBytes) {
      size_t cut = begin + kMaxSentenceBytes;
      while (cut > begin && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
      const size_t space = text.rfind(' ', cut);
      if (space != std::string_view::npos && space > begin + kMaxSentenceBytes / 2) cut = space + 1;
      emit(begin, cut);
      begin = cut;
    }
    emit(begin, pos);
    begin = pos;
  }
  return out;
}

bool InHeadline(std::string_view text, size_t begin) {
  // (A headline is a short first line: looked for in the text's first
  // bytes only, so that asking for every sentence of a long document
  // without line breaks costs nothing.)
  if (begin >= kMaxSentenceBytes) return false;
  const size_t line_end = text.substr(0, kMaxSentenceBytes + 1).find('\n');
  if (line_end == std::string_view::npos || begin >= line_end) return false;
  if (text.find_first_not_of(" \t\r\n", line_end) == std::string_view::npos) return false;
  const size_t last = text.find_last_not_of(" \t\r", line_end - 1);
  if (last == std::string_view::npos) return false;
  const bool ellipsis = last >= 2 && text.substr(last - 2, 3) == "...";
  return text[last] != '.' || ellipsis;
}

}  // namespace claimgraph::internal
