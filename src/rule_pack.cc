// SPDX-License-Identifier: Apache-2.0
// The few operations of the compiled pack's own types.
#include "rule_pack.h"

#include <algorithm>

namespace claimgraph::internal {

bool ParticleSet::IsParticleChain(std::string_view run) const {
  // Depth-first over prefixes, longest first; chains are short (<= 3).
  struct Local {
    static bool Split(const ParticleSet& set, std::string_view rest, int depth) {
      if (rest.empty()) return true;
      if (depth == 3) return false;
      const size_t max = std::min(rest.size(), set.max_bytes);
      for (size_t n = max; n > 0; --n) {
        // Only split at code point boundaries.
        if (n < rest.size() && (static_cast<unsigned char>(rest[n]) & 0xC0) == 0x80) continue;
        if (set.particles.count(std::string(rest.substr(0, n))) &&
            Split(set, rest.substr(n), depth + 1)) {
          return true;
        }
      }
      return false;
    }
  };
  return Local::Split(*this, run, 0);
}

bool NameLexicon::IsNotName(std::string_view word) const {
  if (not_names.count(std::string(word))) return true;
  for (const std::string& ending : not_name_endings) {
    if (word.size() >= ending.size() && word.substr(word.size() - ending.size()) == ending) return true;
  }
  // A prefix of two syllables or more: every Hangul syllable is 3 bytes.
  for (size_t n = 6; n < word.size(); n += 3) {
    if (!not_names.count(std::string(word.substr(0, n)))) continue;
    // "이상훈", "이번영": a surname and two syllables may start with such
    // a word ("이상", "이번"); with a particle it is that word ("이상은").
    if (n + 3 == word.size() && word.size() == 9 && surnames.count(std::string(word.substr(0, 3)))) {
      const std::string_view last = word.substr(6);
      static constexpr std::string_view kParticles[] = {"은", "는", "이", "가", "을", "를", "의", "에", "도",
                                                        "만", "엔", "로", "와", "과", "서", "께", "란", "나"};
      if (std::find(std::begin(kParticles), std::end(kParticles), last) == std::end(kParticles)) continue;
    }
    return true;
  }
  return false;
}

const CueEntry* ClaimLexicon::Prefix(const std::vector<std::pair<std::string, CueEntry>>& forms,
                                     std::string_view word, size_t* length) {
  for (const auto& [form, entry] : forms) {  // longest first
    if (word.size() >= form.size() && word.compare(0, form.size(), form) == 0) {
      if (length != nullptr) *length = form.size();
      return &entry;
    }
  }
  return nullptr;
}

const CueEntry* FindCue(const std::vector<std::pair<std::string, CueEntry>>& cues, std::string_view cue) {
  const CueEntry* best = nullptr;
  size_t best_size = 0;
  for (const auto& [stem, entry] : cues) {
    if (stem.size() > best_size && cue.substr(0, stem.size()) == stem) {
      best = &entry;
      best_size = stem.size();
    }
  }
  return best;
}

}  // namespace claimgraph::internal
