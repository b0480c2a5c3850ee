// SPDX-License-Identifier: Apache-2.0
// Stage 3c, match particles: boundary tests shared by gazetteer and pattern
// matches.
#include "match_particles.h"

#include <algorithm>

#include "internal/utf8.h"
#include "rule_pack.h"

namespace claimgraph::internal {

std::string CheckLeftBoundary(std::string_view text, size_t floor, size_t begin) {
  const char* problem = LeftBoundaryProblem(text, floor, begin);
  return problem != nullptr ? problem : "";
}

const char* LeftBoundaryProblem(std::string_view text, size_t floor, size_t begin) {
  if (begin <= floor) return nullptr;
  int len = 0;
  const char32_t first = DecodeAt(text, begin, &len);
  const size_t prev_at = PrevStart(text, begin);
  const char32_t prev = DecodeAt(text, prev_at, &len);
  const CharClass kf = ClassOf(first);
  const CharClass kp = ClassOf(prev);
  if (kf == CharClass::kHan || kf == CharClass::kKana) return nullptr;  // no spaces in CJK runs
  if (IsAlnumClass(kf) && IsAlnumClass(kp)) return "left boundary: inside a Latin/digit token";
  if (kf == CharClass::kHangul && kp == CharClass::kHangul) return "left boundary: inside a Hangul word";
  if (IsAlnumClass(kf) && (prev == '-' || prev == '.') && prev_at > floor) {
    const char32_t before = DecodeAt(text, PrevStart(text, prev_at), &len);
    if (IsAlnumClass(ClassOf(before))) return "left boundary: inside a hyphenated token";
  }
  return nullptr;
}

namespace {

// English compounds that keep a name whole: "Hangzhou-based", "Nvidia-backed".
bool IsCompoundSuffix(std::string_view rest) {
  size_t n = 0;
  while (n < rest.size() && rest[n] >= 'a' && rest[n] <= 'z') ++n;
  if (n < rest.size() && ((rest[n] >= 'A' && rest[n] <= 'Z') || (rest[n] >= '0' && rest[n] <= '9'))) return false;
  static const char* const kSuffixes[] = {"based", "backed", "owned", "led", "made", "founded", "listed",
                                          "headquartered", "funded", "built", "designed", "trained", "style"};
  for (const char* s : kSuffixes) {
    if (rest.substr(0, n) == s) return true;
  }
  return false;
}

}  // namespace

std::string CheckRightBoundary(std::string_view text, size_t end, size_t limit,
                               const ParticleSet& particles, std::string* particle) {
  particle->clear();
  if (end >= limit) return "";
  int len = 0;
  const char32_t last = DecodeAt(text, PrevStart(text, end), &len);
  const char32_t next = DecodeAt(text, end, &len);
  const CharClass kl = ClassOf(last);
  const CharClass kn = ClassOf(next);
  if (IsAlnumClass(kl) && IsAlnumClass(kn)) return "right boundary: continues as a Latin/digit token";
  if (IsAlnumClass(kl) && (next == '-' || (next == '.' && kl == CharClass::kDigit)) &&
      end + 1 < limit) {
    const char32_t after = DecodeAt(text, end + 1, &len);
    if (IsAlnumClass(ClassOf(after)) && !(next == '-' && IsCompoundSuffix(text.substr(end + 1, limit - end - 1)))) {
      return "right boundary: continues as a hyphenated token";
    }
  }
  if ((kl == CharClass::kHan || kl == CharClass::kKana) && kn != CharClass::kHangul) return "";
  if (kn == CharClass::kHangul) {
    size_t run_end = end;
    while (run_end < limit) {
      const char32_t c = DecodeAt(text, run_end, &len);
      if (ClassOf(c) != CharClass::kHangul) break;
      run_end += static_cast<size_t>(len);
    }
    const std::string_view run = text.substr(end, run_end - end);
    if (!particles.IsParticleChain(run)) {
      return "right boundary: followed by \"" + std::string(run) + "\", not a particle";
    }
    *particle = std::string(run);
  }
  return "";
}

}  // namespace claimgraph::internal
