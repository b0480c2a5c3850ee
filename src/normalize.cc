// SPDX-License-Identifier: Apache-2.0
// Stage 1, normalize. Each original code point is folded (quotes, dashes,
// invisible characters, whitespace), then NFKC runs over the smallest
// segments ICU says it can treat independently (hasBoundaryBefore), so every
// normalized byte knows which original code points it came from.
#include "normalize.h"

#include <string>

#include <unicode/normalizer2.h>
#include <unicode/unorm2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>

#include "internal/utf8.h"

namespace claimgraph::internal {

CharClass ClassOf(char32_t c) {
  if (c < 0x80) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) return CharClass::kLatin;
    if (c >= '0' && c <= '9') return CharClass::kDigit;
    return CharClass::kOther;
  }
  if (IsHangul(c)) return CharClass::kHangul;
  const UScriptCode script = static_cast<UScriptCode>(
      u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_SCRIPT));
  if (script == USCRIPT_HAN) return CharClass::kHan;
  if (script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA) return CharClass::kKana;
  if (u_isalpha(static_cast<UChar32>(c))) {
    return script == USCRIPT_LATIN ? CharClass::kLatin : CharClass::kLetter;
  }
  if (u_isdigit(static_cast<UChar32>(c))) return CharClass::kDigit;
  if (u_charType(static_cast<UChar32>(c)) == U_NON_SPACING_MARK) return CharClass::kLetter;
  return CharClass::kOther;
}

namespace {

enum class Fold { kKeep, kDrop, kSpace, kNewline };

// Whether the code point at `i` (or the end) leaves the one before it
// alone under NFKC: ASCII and Hangul syllables start segments of their own
// (a combining mark, or a trailing jamo after a syllable, would join it).
bool StartsOwnSegment(std::string_view s, size_t i) {
  return i >= s.size() || static_cast<unsigned char>(s[i]) < 0x80 || HangulSyllableAt(s, i) >= 0;
}

// Folds one code point: returns what to do with it, and may rewrite `c`.
Fold FoldChar(char32_t* c) {
  const char32_t x = *c;
  switch (x) {
    case '\n': case '\r': case 0x0085: case 0x2028: case 0x2029:
      return Fold::kNewline;
    case '\t': case ' ': case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
    case 0x00B6:  // pilcrow: a paragraph mark in scraped text, read as a space
      return Fold::kSpace;
    case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF: case 0x00AD: case 0x180E:
      return Fold::kDrop;
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB:
    case 0x2033: case 0x301D: case 0x301E: case 0xFF02:
      *c = '"';
      return Fold::kKeep;
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0xFF07:
      *c = '\'';
      return Fold::kKeep;
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
      *c = '-';
      return Fold::kKeep;
    default:
      break;
  }
  if (x >= 0x2000 && x <= 0x200A) return Fold::kSpace;
  if (x < 0x20 || (x >= 0x7F && x <= 0x9F)) return Fold::kDrop;
  if (x >= 0xFE00 && x <= 0xFE0F) return Fold::kDrop;  // variation selectors
  return Fold::kKeep;
}

class Builder {
 public:
  explicit Builder(NormalizedText* out) : out_(out) {}

  void Char(char32_t c, uint32_t begin, uint32_t end) {
    char32_t f = c;
    const Fold fold = FoldChar(&f);
    switch (fold) {
      case Fold::kDrop:
        return;
      case Fold::kSpace:
      case Fold::kNewline: {
        const bool newline = fold == Fold::kNewline;
        if (!ws_pending_) {
          ws_pending_ = true;
          ws_newline_ = false;
          ws_begin_ = begin;
        }
        ws_newline_ = ws_newline_ || newline;
        ws_end_ = end;
        return;
      }
      case Fold::kKeep:
        break;
    }
    FlushWhitespace();
    AppendUtf8(&out_->text, f);
    Map(begin, end);
  }

  // Code points that folding and NFKC leave as they are (ASCII, spaces
  // between words, Hangul syllables: `run`, valid UTF-8), the first being
  // original code point `cp`.
  void PlainRun(std::string_view run, uint32_t cp) {
    FlushWhitespace();
    const size_t from = out_->text.size();
    out_->text.append(run);
    out_->orig_begin.resize(out_->text.size());
    uint32_t* begin = out_->orig_begin.data() + from;
    for (size_t k = 0; k < run.size(); ++cp) {
      const size_t n = static_cast<unsigned char>(run[k]) < 0x80 ? 1 : 3;
      for (size_t m = 0; m < n; ++m, ++k) begin[k] = cp;
    }
  }

  void FlushWhitespace() {
    if (!ws_pending_) return;
    ws_pending_ = false;
    if (out_->text.empty()) return;  // leading whitespace is dropped
    out_->text.push_back(ws_newline_ ? '\n' : ' ');
    Map(ws_begin_, ws_end_);
  }

 private:
  void Map(uint32_t begin, uint32_t end) {
    for (size_t i = out_->orig_begin.size(); i < out_->text.size(); ++i) {
      out_->orig_begin.push_back(begin);
      if (end != begin + 1) out_->long_ends.emplace_back(i, end);
    }
  }

  NormalizedText* out_;
  bool ws_pending_ = false;
  bool ws_newline_ = false;
  uint32_t ws_begin_ = 0;
  uint32_t ws_end_ = 0;
};

}  // namespace

NormalizedText Normalize(std::string_view original) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  NormalizedText out;
  out.text.reserve(original.size());
  out.orig_begin.reserve(original.size());
  Builder builder(&out);

  // A segment of code points that NFKC must see together.
  std::u32string segment;
  uint32_t seg_begin = 0;
  uint32_t seg_end = 0;
  icu::UnicodeString utf16;
  auto flush = [&]() {
    if (segment.empty()) return;
    // Fast path, nearly every code point of news text: a segment of one
    // code point that NFKC leaves as it is (quick check "yes", as for
    // ASCII and every precomposed Hangul syllable, IsHangulSyllable).
    if (segment.size() == 1 &&
        (segment[0] < 0x80 || IsHangulSyllable(segment[0]) ||
         u_getIntPropertyValue(static_cast<UChar32>(segment[0]), UCHAR_NFKC_QUICK_CHECK) == UNORM_YES)) {
      builder.Char(segment[0], seg_begin, seg_end);
      segment.clear();
      return;
    }
    utf16.remove();
    for (char32_t c : segment) utf16.append(static_cast<UChar32>(c));
    UErrorCode err = U_ZERO_ERROR;
    icu::UnicodeString normalized = nfkc->normalize(utf16, err);
    if (U_FAILURE(err)) normalized = utf16;
    for (int32_t i = 0; i < normalized.length();) {
      const UChar32 c = normalized.char32At(i);
      builder.Char(static_cast<char32_t>(c), seg_begin, seg_end);
      i += U16_LENGTH(c);
    }
    segment.clear();
  };

  uint32_t cp_index = 0;
  for (size_t i = 0; i < original.size(); ++cp_index) {
    // Fast path, nearly every code point of news text: a run of printable
    // ASCII and Hangul syllables, each of which the next code point does
    // not join, and single spaces between them. Folding and NFKC leave it
    // as it is, code point for code point.
    size_t j = i;
    uint32_t cp = cp_index;
    while (j < original.size()) {
      const auto lead = static_cast<unsigned char>(original[j]);
      size_t plain = lead > 0x20 && lead < 0x7F ? 1 : (HangulSyllableAt(original, j) >= 0 ? 3 : 0);
      // A space after the run's first code point, before another plain
      // one, is a whitespace run of its own: it stays a space.
      if (lead == ' ' && j > i && j + 1 < original.size()) {
        const auto next = static_cast<unsigned char>(original[j + 1]);
        if ((next > 0x20 && next < 0x7F) || HangulSyllableAt(original, j + 1) >= 0) plain = 1;
      }
      if (plain == 0 || !StartsOwnSegment(original, j + plain)) break;
      j += plain;
      ++cp;
    }
    if (j > i) {
      flush();
      builder.PlainRun(original.substr(i, j - i), cp_index);
      i = j;
      cp_index = cp - 1;  // the loop adds the last one
      continue;
    }
    int len = 0;
    char32_t c = DecodeAt(original, i, &len);
    i += static_cast<size_t>(len);
    if (c < 0x80 && c >= 0x20 && c != 0x7F) {
      // ASCII always starts a new NFKC segment; it may still combine with a
      // following mark ("e" + U+0301), so it goes through the segment.
      flush();
      seg_begin = cp_index;
      seg_end = cp_index + 1;
      segment.push_back(c);
      continue;
    }
    char32_t folded = c;
    const Fold fold = FoldChar(&folded);
    if (fold != Fold::kKeep) {
      flush();
      builder.Char(c, cp_index, cp_index + 1);
      continue;
    }
    // A precomposed Hangul syllable starts a segment (as ICU would say:
    // the commonest case here, without its call).
    if (IsHangulSyllable(folded) || nfkc->hasBoundaryBefore(static_cast<UChar32>(folded))) flush();
    if (segment.empty()) seg_begin = cp_index;
    segment.push_back(folded);
    seg_end = cp_index + 1;
  }
  flush();
  // Trailing whitespace is dropped: the pending run is never flushed.
  return out;
}

std::string NormalizeString(std::string_view s) { return Normalize(s).text; }

std::string FoldForMatch(std::string_view s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(NormalizeString(s));
  u.foldCase();
  std::string out;
  u.toUTF8String(out);
  return out;
}

}  // namespace claimgraph::internal
