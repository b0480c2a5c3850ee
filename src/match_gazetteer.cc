// SPDX-License-Identifier: Apache-2.0
// Stage 3a, match gazetteer: one trie walk from every code point of the
// sentence; each alias occurrence must pass the boundary and particle tests.
#include "match_gazetteer.h"

#include <algorithm>

#include "alias_trie.h"
#include "internal/utf8.h"
#include "match_particles.h"
#include "rule_pack.h"

namespace claimgraph::internal {

void MatchGazetteer(const RulePackData& rules, std::string_view text, size_t sentence_begin,
                    size_t sentence_end, int sentence, std::vector<Candidate>* out,
                    std::vector<Candidate>* rejected) {
  const std::string_view limited = text.substr(0, sentence_end);
  for (size_t i = sentence_begin; i < sentence_end;) {
    int len = 0;
    DecodeAt(text, i, &len);
    if (!rules.trie.MayStartAt(text, i)) {
      i += static_cast<size_t>(len);
      continue;
    }
    // The left boundary depends on the start alone; where it fails (inside
    // a word), nothing starting here can be a name.
    const char* left = LeftBoundaryProblem(text, sentence_begin, i);
    if (left != nullptr && rejected == nullptr) {
      i += static_cast<size_t>(len);
      continue;
    }
    rules.trie.MatchAt(limited, i, [&](size_t end, int32_t value) {
      // A match must end on a code point boundary.
      if (end < sentence_end && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) return;
      std::string particle;
      std::string reason = left != nullptr ? left : "";
      if (reason.empty()) reason = CheckRightBoundary(text, end, sentence_end, rules.particles, &particle);
      if (!reason.empty() && rejected == nullptr) return;
      const GazetteerEntry& entry = rules.entities[static_cast<size_t>(value)];
      Candidate c;
      c.begin = i;
      c.end = end;
      c.particle = std::move(particle);
      c.sentence = sentence;
      c.entity = value;
      c.label = entry.canonical;
      c.type = entry.type;
      c.priority = 100;
      c.rule_id = "gazetteer";
      if (reason.empty()) {
        out->push_back(std::move(c));
      } else {
        c.reason = std::move(reason);
        rejected->push_back(std::move(c));
      }
    });
    i += static_cast<size_t>(len);
  }
}

}  // namespace claimgraph::internal
