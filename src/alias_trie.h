// SPDX-License-Identifier: Apache-2.0
// The compiled alias automaton: every alias of every gazetteer entry in ONE
// byte trie over normalized text, so a walk from a position finds every
// alias that starts there, whatever the gazetteer's size. The loader builds
// it (rule_pack.h); the gazetteer matcher and the text rules' literal
// prefilter walk it.
#ifndef CLAIMGRAPH_ALIAS_TRIE_H_
#define CLAIMGRAPH_ALIAS_TRIE_H_

#include <array>
#include <bitset>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "internal/utf8.h"

namespace claimgraph::internal {

// A byte trie of normalized aliases: Add() every alias, then Build() once;
// immutable (and safe to share between threads) after that.
class AliasTrie {
 public:
  // Adds `alias` (normalized UTF-8) with payload `value` (entity index).
  void Add(std::string_view alias, int32_t value);

  // Lays the trie out for matching: every node's children contiguous, a
  // 256-entry table for the root and for nodes with many children.
  void Build();

  // Calls `found(end, value)` for every alias that starts at `begin` of
  // `text`, in order of increasing end. Requires Build().
  template <typename F>
  void MatchAt(std::string_view text, size_t begin, F&& found) const {
    Walk<false>(text, begin, found);
  }

  // The same with ASCII letters of `text` read as lower case (the aliases
  // themselves must be lower case).
  template <typename F>
  void MatchAtAsciiLower(std::string_view text, size_t begin, F&& found) const {
    Walk<true>(text, begin, found);
  }

  // Whether some alias may start at `begin` of `text`: one starts with its
  // byte and, at a Hangul syllable, with that syllable (requires Build()).
  // A quick test before the checks that precede MatchAt.
  bool MayStartAt(std::string_view text, size_t begin) const {
    return root_[static_cast<unsigned char>(text[begin])] >= 0 && SyllableMayStart(text, begin);
  }

  size_t node_count() const { return nodes_.size(); }

 private:
  // The trie as Add() grows it.
  struct Node {
    std::vector<std::pair<unsigned char, int32_t>> children;  // sorted by byte
    int32_t value = -1;
  };
  // The trie as Build() lays it out: node i's children are bytes_[first,
  // first + count) and kids_[first, first + count), or, when `dense` >= 0,
  // dense_[dense * 256 + byte].
  struct FlatNode {
    int32_t value = -1;
    int32_t dense = -1;
    uint32_t first = 0;
    uint32_t count = 0;
  };
  // Nodes with this many children get a 256-entry table (the second bytes
  // of Hangul and CJK syllables fan out widely; deeper nodes have few
  // children, scanned in place).
  static constexpr size_t kDenseFrom = 8;

  int32_t Child(int32_t node, unsigned char byte) const {
    if (node == 0) return root_[byte];
    const FlatNode& n = flat_[static_cast<size_t>(node)];
    if (n.dense >= 0) return dense_[static_cast<size_t>(n.dense) * 256 + byte];
    const unsigned char* bytes = bytes_.data() + n.first;
    for (uint32_t k = 0; k < n.count; ++k) {
      if (bytes[k] == byte) return kids_[n.first + k];
    }
    return -1;
  }

  // False when `begin` is a Hangul syllable no alias starts with. A walk
  // from a syllable takes three steps through the trie (cache misses, in a
  // large one) before it can fail; most syllables start no alias, and a
  // bit says so at once.
  bool SyllableMayStart(std::string_view text, size_t begin) const {
    const int syllable = HangulSyllableAt(text, begin);
    return syllable < 0 || syllable_starts_[static_cast<size_t>(syllable)];
  }

  template <bool kFoldAscii, typename F>
  void Walk(std::string_view text, size_t begin, F& found) const {
    if (!SyllableMayStart(text, begin)) return;
    int32_t node = 0;
    for (size_t i = begin; i < text.size(); ++i) {
      auto byte = static_cast<unsigned char>(text[i]);
      if (kFoldAscii && byte >= 'A' && byte <= 'Z') byte = static_cast<unsigned char>(byte - 'A' + 'a');
      node = Child(node, byte);
      if (node < 0) return;
      const int32_t value = flat_[static_cast<size_t>(node)].value;
      if (value >= 0) found(i + 1, value);
    }
  }

  // Bit s: some alias starts with the Hangul syllable U+AC00 + s.
  std::bitset<kHangulSyllables> syllable_starts_;
  std::vector<Node> nodes_ = std::vector<Node>(1);
  std::vector<FlatNode> flat_;
  std::vector<unsigned char> bytes_;
  std::vector<int32_t> kids_;
  std::vector<int32_t> dense_;
  // The root's children by byte: most positions of a text start no alias,
  // and this answers them in one lookup.
  std::array<int32_t, 256> root_ = MakeRoot();
  static std::array<int32_t, 256> MakeRoot() {
    std::array<int32_t, 256> root;
    root.fill(-1);
    return root;
  }
};

}  // namespace claimgraph::internal

#endif  // CLAIMGRAPH_ALIAS_TRIE_H_
