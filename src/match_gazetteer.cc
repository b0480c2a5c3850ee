// SPDX-License-Identifier: Apache-2.0
// Stage 3a, match gazetteer: one trie walk from every code point of the
// sentence; each alias occurrence must pass the boundary and particle tests.
#include "match_gazetteer.h"

#include <algorithm>

#include "internal/utf8.h"
#include "match_particles.h"
#include "read_rules.h"

namespace claimgraph::internal {

void AliasTrie::Add(std::string_view alias, int32_t value) {
  int32_t node = 0;
  for (char ch : alias) {
    const auto byte = static_cast<unsigned char>(ch);
    int32_t next = Child(node, byte);
    if (next < 0) {
      next = static_cast<int32_t>(nodes_.size());
      nodes_.emplace_back();
      Node& parent = nodes_[static_cast<size_t>(node)];
      auto& children = parent.children;
      const auto pos = std::lower_bound(
          children.begin(), children.end(), byte,
          [](const std::pair<unsigned char, int32_t>& p, unsigned char b) { return p.first < b; });
      children.insert(pos, {byte, next});
      if (node == 0) {
        root_[byte] = next;
      } else if (parent.dense >= 0) {
        dense_[static_cast<size_t>(parent.dense)][byte] = next;
      } else if (children.size() >= kDenseFrom) {
        parent.dense = static_cast<int32_t>(dense_.size());
        dense_.push_back(MakeRoot());
        for (const auto& [b, child] : children) dense_.back()[b] = child;
      }
    }
    node = next;
  }
  nodes_[static_cast<size_t>(node)].value = value;
}

int32_t AliasTrie::ChildOf(int32_t node, unsigned char byte) const {
  const Node& n = nodes_[static_cast<size_t>(node)];
  if (n.dense >= 0) return dense_[static_cast<size_t>(n.dense)][byte];
  for (const auto& [b, child] : n.children) {  // fewer than kDenseFrom, sorted
    if (b >= byte) return b == byte ? child : -1;
  }
  return -1;
}

void MatchGazetteer(const RulePackData& rules, std::string_view text, size_t sentence_begin,
                    size_t sentence_end, int sentence, std::vector<Candidate>* out,
                    std::vector<Candidate>* rejected) {
  const std::string_view limited = text.substr(0, sentence_end);
  for (size_t i = sentence_begin; i < sentence_end;) {
    int len = 0;
    DecodeAt(text, i, &len);
    rules.trie.MatchAt(limited, i, [&](size_t end, int32_t value) {
      // A match must end on a code point boundary.
      if (end < sentence_end && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) return;
      const GazetteerEntry& entry = rules.entities[static_cast<size_t>(value)];
      Candidate c;
      c.begin = i;
      c.end = end;
      c.sentence = sentence;
      c.entity = value;
      c.label = entry.canonical;
      c.type = entry.type;
      c.priority = 100;
      c.rule_id = "gazetteer";
      std::string reason = CheckLeftBoundary(text, sentence_begin, i);
      if (reason.empty()) reason = CheckRightBoundary(text, end, sentence_end, rules.particles, &c.particle);
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
