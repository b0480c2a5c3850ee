// SPDX-License-Identifier: Apache-2.0
// Stage 1: normalization and its offset map back to original code points.
#include "normalize.h"

#include <doctest/doctest.h>

#include "test_util.h"

namespace claimgraph::internal {
namespace {

// The original text of the normalized byte span [b, e).
std::string Original(const std::string& original, const NormalizedText& n, size_t b, size_t e) {
  const auto [start, end] = n.ToOriginal(b, e);
  return testing::SliceCodePoints(original, start, end);
}

TEST_CASE("normalization folds width, quotes, dashes, invisible characters and whitespace") {
  struct Row {
    const char* input;
    const char* expected;
  };
  const Row rows[] = {
      {"ＯｐｅｎＡＩ는", "OpenAI는"},
      {"“AI 승자” ‘배포’", "\"AI 승자\" '배포'"},
      {"GPT\u20144o \u2013 R1", "GPT-4o - R1"},
      {"가\u200b나\u00ad다\ufeff", "가나다"},
      {"상세 내용¶\n본문", "상세 내용\n본문"},
      {"  a \t\t b  ", "a b"},
      {"a\r\nb\rc", "a\nb\nc"},
      {"e\u0301", "\u00e9"},
      {"\u1100\u1161", "가"},
      {"가\u11a8나", "각나"},  // a syllable and a trailing jamo compose
      {"x\u0301y", "x\u0301y"},
      {"①…", "1..."},
  };
  for (const Row& row : rows) {
    SUBCASE(row.input) { CHECK(Normalize(row.input).text == row.expected); }
  }
}

TEST_CASE("offsets of normalized spans map back to the original surface") {
  SUBCASE("full-width Latin") {
    const std::string original = "기업 ＯｐｅｎＡＩ는";
    const NormalizedText n = Normalize(original);
    const size_t b = n.text.find("OpenAI");
    CHECK(Original(original, n, b, b + 6) == "ＯｐｅｎＡＩ");
  }
  SUBCASE("combining sequence maps to base plus mark") {
    const std::string original = "Cafe\u0301 Qwen";
    const NormalizedText n = Normalize(original);
    const size_t b = n.text.find("Caf");
    CHECK(Original(original, n, b, b + 5) == "Cafe\u0301");
    const size_t q = n.text.find("Qwen");
    CHECK(Original(original, n, q, q + 4) == "Qwen");
  }
  SUBCASE("a syllable joined by a trailing jamo maps to both") {
    const std::string original = "나가\u11a8 AI";
    const NormalizedText n = Normalize(original);
    REQUIRE(n.text == "나각 AI");
    CHECK(Original(original, n, 0, 3) == "나");
    CHECK(Original(original, n, 3, 6) == "가\u11a8");
    CHECK(Original(original, n, 7, 9) == "AI");
  }
  SUBCASE("CRLF line endings") {
    const std::string original = "첫 줄\r\n알리바바가\r\n";
    const NormalizedText n = Normalize(original);
    const size_t b = n.text.find("알리바바");
    CHECK(Original(original, n, b, b + std::string("알리바바").size()) == "알리바바");
    CHECK(n.ToOriginal(b, b + 3).first == 5);
  }
  SUBCASE("emoji before a name") {
    const std::string original = "🚀🇰🇷 텐센트";
    const NormalizedText n = Normalize(original);
    const size_t b = n.text.find("텐센트");
    CHECK(n.ToOriginal(b, b + std::string("텐센트").size()) == std::pair<int64_t, int64_t>(4, 7));
  }
  SUBCASE("collapsed whitespace and dropped zero-width characters") {
    const std::string original = "A\u200b  \n\n B";
    const NormalizedText n = Normalize(original);
    CHECK(n.text == "A\nB");
    CHECK(Original(original, n, 2, 3) == "B");
    CHECK(n.ToOriginal(1, 2) == std::pair<int64_t, int64_t>(2, 7));
  }
}

TEST_CASE("every normalized code point maps to a non-empty, ordered original span") {
  const std::string original =
      "「알리바바」는 ＡＩ¶\r\n“큐원3-맥스” — 𝐐𝐰𝐞𝐧 e\u0301 \u1100\u1161\u11a8 ﬁ 🙂\u200d 끝";
  const NormalizedText n = Normalize(original);
  REQUIRE(n.orig_begin.size() == n.text.size());
  int64_t last_begin = 0;
  for (size_t b = 0; b < n.text.size(); ++b) {
    CHECK(n.orig_begin[b] < n.OrigEnd(b));
    CHECK(static_cast<int64_t>(n.orig_begin[b]) >= last_begin);
    last_begin = n.orig_begin[b];
  }
  CHECK(n.text.find("Qwen") != std::string::npos);  // mathematical bold folded by NFKC
  CHECK(n.text.find("각") != std::string::npos);    // conjoining jamo composed
  // Units of several code points: each byte of "é" and "각" maps to all of
  // them, the line break to "¶\r\n", and every other byte to one.
  const auto unit = [&](size_t b) { return n.OrigEnd(b) - n.orig_begin[b]; };
  const size_t e_acute = n.text.find("\u00e9");
  const size_t gak = n.text.find("각");
  const size_t newline = n.text.find('\n');
  REQUIRE(e_acute != std::string::npos);
  REQUIRE(gak != std::string::npos);
  REQUIRE(newline != std::string::npos);
  for (size_t b = 0; b < n.text.size(); ++b) {
    CAPTURE(b);
    if (b - e_acute < 2) {
      CHECK(unit(b) == 2);
    } else if (b - gak < 3) {
      CHECK(unit(b) == 3);
    } else if (b == newline) {
      CHECK(unit(b) == 3);
    } else {
      CHECK(unit(b) == 1);
    }
  }
}

TEST_CASE("normalizing normalized text changes nothing") {
  const std::string original = "ＡＩ “승자”는\t\t빠르다…";
  const std::string once = NormalizeString(original);
  CHECK(NormalizeString(once) == once);
}

}  // namespace
}  // namespace claimgraph::internal
