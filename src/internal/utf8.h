// SPDX-License-Identifier: Apache-2.0
// UTF-8 helpers shared by the stages: decoding one code point, classifying
// characters for token boundaries. Input is assumed valid (checked once at
// the document edge by FindInvalidUtf8).
#ifndef CLAIMGRAPH_INTERNAL_UTF8_H_
#define CLAIMGRAPH_INTERNAL_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace claimgraph::internal {

// Decodes the code point starting at byte `i` of valid UTF-8 `s`; sets `len`
// to its length in bytes.
inline char32_t DecodeAt(std::string_view s, size_t i, int* len) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) { *len = 1; return b0; }
  if ((b0 >> 5) == 0x6 && i + 1 < s.size()) {
    *len = 2;
    return ((b0 & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
  }
  if ((b0 >> 4) == 0xE && i + 2 < s.size()) {
    *len = 3;
    return ((b0 & 0x0Fu) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 6) |
           (static_cast<unsigned char>(s[i + 2]) & 0x3Fu);
  }
  if ((b0 >> 3) == 0x1E && i + 3 < s.size()) {
    *len = 4;
    return ((b0 & 0x07u) << 18) | ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 12) |
           ((static_cast<unsigned char>(s[i + 2]) & 0x3Fu) << 6) |
           (static_cast<unsigned char>(s[i + 3]) & 0x3Fu);
  }
  *len = 1;
  return 0xFFFD;
}

// Returns the start byte of the code point that ends just before byte `i`.
inline size_t PrevStart(std::string_view s, size_t i) {
  if (i == 0) return 0;
  size_t j = i - 1;
  while (j > 0 && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) --j;
  return j;
}

inline void AppendUtf8(std::string* out, char32_t c) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

// Counts the code points of valid UTF-8 `s`.
inline int64_t CountCodePoints(std::string_view s) {
  int64_t n = 0;
  for (char ch : s) n += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
  return n;
}

// Precomposed Hangul syllables, U+AC00 to U+D7A3.
constexpr char32_t kFirstHangulSyllable = 0xAC00;
constexpr int kHangulSyllables = 11172;

inline bool IsHangulSyllable(char32_t c) {
  return c >= kFirstHangulSyllable && c < kFirstHangulSyllable + kHangulSyllables;
}

// The precomposed Hangul syllable whose three UTF-8 bytes are s[at, at + 3),
// as an offset from U+AC00, or -1 (any other character, a partial one, or
// not a character's start).
inline int HangulSyllableAt(std::string_view s, size_t at) {
  if (at + 3 > s.size()) return -1;
  const auto b0 = static_cast<unsigned char>(s[at]);
  const auto b1 = static_cast<unsigned char>(s[at + 1]);
  const auto b2 = static_cast<unsigned char>(s[at + 2]);
  if (b0 < 0xEA || b0 > 0xED || (b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) return -1;
  const int c = ((b0 & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F);
  const int offset = c - static_cast<int>(kFirstHangulSyllable);
  return offset >= 0 && offset < kHangulSyllables ? offset : -1;
}

// Character classes that decide token boundaries.
enum class CharClass { kOther, kLatin, kDigit, kHangul, kHan, kKana, kLetter };

inline bool IsHangul(char32_t c) {
  return IsHangulSyllable(c) || (c >= 0x1100 && c <= 0x11FF) ||
         (c >= 0x3130 && c <= 0x318F) || (c >= 0xA960 && c <= 0xA97F) ||
         (c >= 0xD7B0 && c <= 0xD7FF);
}

CharClass ClassOf(char32_t c);

// True for classes that form words (everything but kOther).
inline bool IsWordClass(CharClass k) { return k != CharClass::kOther; }

// Latin letters and digits glue into one token ("Qwen3", "4o").
inline bool IsAlnumClass(CharClass k) {
  return k == CharClass::kLatin || k == CharClass::kDigit || k == CharClass::kLetter;
}

}  // namespace claimgraph::internal

#endif  // CLAIMGRAPH_INTERNAL_UTF8_H_
