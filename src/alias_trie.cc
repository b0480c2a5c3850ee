// SPDX-License-Identifier: Apache-2.0
// The alias trie: built once from the pack's aliases, then laid out flat
// for matching.
#include "alias_trie.h"

#include <algorithm>

namespace claimgraph::internal {

void AliasTrie::Add(std::string_view alias, int32_t value) {
  int32_t node = 0;
  for (char ch : alias) {
    const auto byte = static_cast<unsigned char>(ch);
    auto& children = nodes_[static_cast<size_t>(node)].children;
    const auto pos = std::lower_bound(
        children.begin(), children.end(), byte,
        [](const std::pair<unsigned char, int32_t>& p, unsigned char b) { return p.first < b; });
    if (pos != children.end() && pos->first == byte) {
      node = pos->second;
      continue;
    }
    const auto next = static_cast<int32_t>(nodes_.size());
    children.insert(pos, {byte, next});
    nodes_.emplace_back();  // `children` may dangle from here on
    node = next;
  }
  nodes_[static_cast<size_t>(node)].value = value;
  flat_.clear();  // nothing matches until Build() runs again
  root_ = MakeRoot();
}

void AliasTrie::Build() {
  flat_.assign(nodes_.size(), FlatNode());
  bytes_.clear();
  kids_.clear();
  dense_.clear();
  root_ = MakeRoot();
  // The syllables aliases start with: the root's paths three bytes deep.
  syllable_starts_.reset();
  for (const auto& [b0, n0] : nodes_[0].children) {
    for (const auto& [b1, n1] : nodes_[static_cast<size_t>(n0)].children) {
      for (const auto& [b2, n2] : nodes_[static_cast<size_t>(n1)].children) {
        const char bytes[3] = {static_cast<char>(b0), static_cast<char>(b1), static_cast<char>(b2)};
        const int s = HangulSyllableAt(std::string_view(bytes, 3), 0);
        if (s >= 0) syllable_starts_.set(static_cast<size_t>(s));
      }
    }
  }
  for (size_t i = 0; i < nodes_.size(); ++i) {
    const Node& node = nodes_[i];
    FlatNode& flat = flat_[i];
    flat.value = node.value;
    if (i == 0) {
      for (const auto& [byte, child] : node.children) root_[byte] = child;
    } else if (node.children.size() >= kDenseFrom) {
      flat.dense = static_cast<int32_t>(dense_.size() / 256);
      dense_.resize(dense_.size() + 256, -1);
      for (const auto& [byte, child] : node.children) {
        dense_[static_cast<size_t>(flat.dense) * 256 + byte] = child;
      }
    } else {
      flat.first = static_cast<uint32_t>(bytes_.size());
      flat.count = static_cast<uint32_t>(node.children.size());
      for (const auto& [byte, child] : node.children) {
        bytes_.push_back(byte);
        kids_.push_back(child);
      }
    }
  }
}

}  // namespace claimgraph::internal
