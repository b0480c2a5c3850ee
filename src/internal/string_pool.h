// SPDX-License-Identifier: Apache-2.0
// Compact string storage for the graph: an arena that copies strings into
// large blocks (one allocation per megabyte instead of one per string), a
// pool that stores each distinct string once and names it by a 32-bit
// index, and the open-addressing table of indices they and the graph use.
// A graph over a large corpus holds millions of mentions whose document
// ids, rules and surfaces repeat; as indices they cost 4 bytes.
#ifndef CLAIMGRAPH_INTERNAL_STRING_POOL_H_
#define CLAIMGRAPH_INTERNAL_STRING_POOL_H_

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

namespace claimgraph::internal {

// Open addressing over record indices (linear probing, load at most 3/4):
// 5 to 14 bytes per entry (an index and an 8-bit tag of the hash a slot)
// and no allocation per entry, where a node-based hash map costs about 40.
// Records are compared through `match`, and rehashed through `hash_of`, so
// the table holds nothing but indices and tags.
class IndexTable {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;  // no record

  template <typename Match>
  uint32_t Find(size_t hash, Match match) const {
    if (slots_.empty()) return kNone;
    const size_t spread = Spread(hash);
    const uint8_t tag = Tag(spread);
    for (size_t s = spread & mask_;; s = (s + 1) & mask_) {
      const uint32_t i = slots_[s];
      if (i == kNone) return kNone;
      if (tags_[s] == tag && match(i)) return i;  // the tag spares most records a visit
    }
  }
  template <typename HashOf>
  void Insert(size_t hash, uint32_t index, HashOf hash_of) {
    if ((count_ + 1) * 4 > slots_.size() * 3) {
      std::vector<uint32_t> old = std::move(slots_);
      slots_.assign(std::max<size_t>(16, old.size() * 2), kNone);
      tags_.assign(slots_.size(), 0);
      mask_ = slots_.size() - 1;
      for (uint32_t i : old) {
        if (i != kNone) Place(hash_of(i), i);
      }
    }
    Place(hash, index);
    ++count_;
  }

 private:
  static size_t Spread(size_t h) {  // the low bits pick the slot: mix in the high ones
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    return h ^ (h >> 33);
  }
  // Eight bits of the hash the slot number does not use (tables stay far
  // below 2^56 slots).
  static uint8_t Tag(size_t spread) { return static_cast<uint8_t>(spread >> 56); }
  void Place(size_t hash, uint32_t index) {
    const size_t spread = Spread(hash);
    size_t s = spread & mask_;
    while (slots_[s] != kNone) s = (s + 1) & mask_;
    slots_[s] = index;
    tags_[s] = Tag(spread);
  }
  std::vector<uint32_t> slots_;
  std::vector<uint8_t> tags_;  // beside each slot, a few bits of its record's hash
  size_t mask_ = 0;
  size_t count_ = 0;
};

// Owns copies of strings; the views it returns stay valid until the arena
// is destroyed (blocks never move, also when adopted by another arena).
// Blocks start small and double up to a megabyte, so that the graph of one
// document costs kilobytes, and a corpus's graph one allocation per megabyte.
class StringArena {
 public:
  std::string_view Store(std::string_view s) {
    if (s.empty()) return {};
    bytes_ += s.size();
    if (s.size() > kMaxBlock / 4) {  // large strings get their own block
      blocks_.emplace_back(new char[s.size()]);
      std::memcpy(blocks_.back().get(), s.data(), s.size());
      return {blocks_.back().get(), s.size()};
    }
    if (left_ < s.size()) {
      while (next_block_ < s.size()) next_block_ *= 2;
      blocks_.emplace_back(new char[next_block_]);  // not zeroed: written before read
      next_ = blocks_.back().get();
      left_ = next_block_;
      next_block_ = std::min(kMaxBlock, next_block_ * 2);
    }
    char* at = next_;
    std::memcpy(at, s.data(), s.size());
    next_ += s.size();
    left_ -= s.size();
    return {at, s.size()};
  }

  // Bytes of the strings stored (blocks included in Adopt).
  size_t bytes() const { return bytes_; }

  // Takes over `other`'s blocks, so views into them stay valid here. The
  // unused end of other's last block is lost: worth it for large arenas
  // only (see Graph::Impl::MergeFrom).
  void Adopt(StringArena&& other) {
    for (auto& b : other.blocks_) blocks_.push_back(std::move(b));
    bytes_ += other.bytes_;
    other.blocks_.clear();
    other.next_ = nullptr;
    other.left_ = 0;
    other.bytes_ = 0;
  }

 private:
  static constexpr size_t kMaxBlock = size_t{1} << 20;
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* next_ = nullptr;
  size_t left_ = 0;
  size_t next_block_ = 4096;
  size_t bytes_ = 0;
};

// Distinct strings by index. Index 0 is always the empty string.
class StringPool {
 public:
  StringPool() { Intern({}); }
  StringPool(const StringPool&) = delete;
  StringPool& operator=(const StringPool&) = delete;
  StringPool(StringPool&&) = default;
  StringPool& operator=(StringPool&&) = default;

  uint32_t Intern(std::string_view s) {
    const size_t hash = std::hash<std::string_view>()(s);
    const uint32_t found = index_.Find(hash, [&](uint32_t i) { return hashes_[i] == hash && views_[i] == s; });
    if (found != IndexTable::kNone) return found;
    const auto id = static_cast<uint32_t>(views_.size());
    views_.push_back(arena_.Store(s));
    hashes_.push_back(hash);
    index_.Insert(hash, id, [this](uint32_t i) { return hashes_[i]; });
    return id;
  }
  // The id of `s`, or IndexTable::kNone when it was never interned.
  uint32_t Find(std::string_view s) const {
    const size_t hash = std::hash<std::string_view>()(s);
    return index_.Find(hash, [&](uint32_t i) { return hashes_[i] == hash && views_[i] == s; });
  }
  std::string_view operator[](uint32_t id) const { return views_[id]; }
  size_t size() const { return views_.size(); }

 private:
  StringArena arena_;
  std::vector<std::string_view> views_;
  std::vector<size_t> hashes_;  // each string's hash: growing rehashes no string, and tag collisions end here
  IndexTable index_;
};

}  // namespace claimgraph::internal

#endif  // CLAIMGRAPH_INTERNAL_STRING_POOL_H_
