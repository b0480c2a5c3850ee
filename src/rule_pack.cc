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
    if (not_names.count(std::string(word.substr(0, n)))) return true;
  }
  return false;
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
