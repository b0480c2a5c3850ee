// SPDX-License-Identifier: Apache-2.0
// Stage 3a, match gazetteer: every alias of every entry is compiled into ONE
// byte trie over normalized text, so one pass per sentence finds all alias
// occurrences whatever the gazetteer's size. Boundary and particle checks
// (match_particles.h) decide which occurrences are names.
// Input: a normalized sentence. Output: Candidates (see match_types.h).
#ifndef CLAIMGRAPH_MATCH_GAZETTEER_H_
#define CLAIMGRAPH_MATCH_GAZETTEER_H_

#include <array>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "match_types.h"

namespace claimgraph::internal {

struct RulePackData;

// A byte trie of normalized aliases. Immutable after Build().
class AliasTrie {
 public:
  // Adds `alias` (normalized UTF-8) with payload `value` (entity index).
  void Add(std::string_view alias, int32_t value);

  // Calls `found(end, value)` for every alias that starts at `begin` of
  // `text`, in order of increasing end.
  template <typename F>
  void MatchAt(std::string_view text, size_t begin, F&& found) const {
    int32_t node = 0;
    for (size_t i = begin; i < text.size(); ++i) {
      node = Child(node, static_cast<unsigned char>(text[i]));
      if (node < 0) return;
      if (nodes_[static_cast<size_t>(node)].value >= 0) found(i + 1, nodes_[static_cast<size_t>(node)].value);
    }
  }

  size_t node_count() const { return nodes_.size(); }

 private:
  struct Node {
    std::vector<std::pair<unsigned char, int32_t>> children;  // sorted by byte
    int32_t value = -1;
    int32_t dense = -1;  // index into dense_ once the node has many children
  };
  // Nodes with this many children also get a 256-entry table (the second
  // bytes of Hangul and CJK syllables fan out widely; deeper nodes have few
  // children, scanned in place).
  static constexpr size_t kDenseFrom = 8;
  int32_t Child(int32_t node, unsigned char byte) const {
    return node == 0 ? root_[byte] : ChildOf(node, byte);
  }
  int32_t ChildOf(int32_t node, unsigned char byte) const;
  std::vector<Node> nodes_ = std::vector<Node>(1);
  std::vector<std::array<int32_t, 256>> dense_;
  // The root's children by byte: most positions of a text start no alias,
  // and this answers them in one lookup.
  std::array<int32_t, 256> root_ = MakeRoot();
  static std::array<int32_t, 256> MakeRoot() {
    std::array<int32_t, 256> root;
    root.fill(-1);
    return root;
  }
};

// Finds gazetteer candidates in `sentence` (a slice of the normalized text
// starting at byte `offset`). Rejected occurrences are appended to `rejected`.
void MatchGazetteer(const RulePackData& rules, std::string_view text, size_t sentence_begin,
                    size_t sentence_end, int sentence, std::vector<Candidate>* out,
                    std::vector<Candidate>* rejected);

}  // namespace claimgraph::internal

#endif  // CLAIMGRAPH_MATCH_GAZETTEER_H_
