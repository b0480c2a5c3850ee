// SPDX-License-Identifier: Apache-2.0
// The typed-placeholder view of a sentence: every accepted entity mention
// replaced by its type ("⟦Organization⟧의 '⟦Model⟧'"), with a map back to
// normalized offsets. Context entity rules, relation rules and attribution
// rules all read sentences this way, so a rule reads like the grammar it
// encodes.
#ifndef CLAIMGRAPH_PLACEHOLDERS_H_
#define CLAIMGRAPH_PLACEHOLDERS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>

#include "internal/stage_times.h"
#include "internal/utf8.h"
#include "match_types.h"

namespace claimgraph::internal {

class PlaceholderSentence {
 public:
  // Builds the view of the sentence [begin, end) of normalized `text`, with
  // the mentions `accepted` (indices into `all`) of sentence `sentence`.
  PlaceholderSentence(std::string_view text, size_t begin, size_t end, int sentence,
                      const std::vector<Candidate>& all, const std::vector<size_t>& accepted);

  const std::string& str() const { return str_; }

  // Adds `base` to every mention index: for a view built from one
  // sentence's candidates before they join the document's list at `base`.
  void Rebase(size_t base) {
    for (Segment& seg : segments_) {
      if (seg.mention >= 0) seg.mention += static_cast<long>(base);
    }
  }

  // What a capture (a view into str()) covers.
  struct Span {
    long mention = -1;        // the mention, if the capture is exactly one placeholder
    bool raw = false;         // the capture is plain text only
    size_t norm_begin = 0;    // normalized extent of the capture
    size_t norm_end = 0;
  };
  Span Resolve(std::string_view capture) const;
  // Indices of the mentions whose placeholders lie inside `capture`.
  std::vector<size_t> MentionsIn(std::string_view capture) const;

 private:
  struct Segment {
    size_t ph_begin, ph_end;
    size_t norm_begin, norm_end;
    long mention;  // -1 for plain text
  };
  size_t ToNormalized(size_t offset, bool is_end) const;

  std::string str_;
  std::vector<Segment> segments_;
  size_t end_;
};

// Runs `re` over `s`; calls `on_match(subs)` for each match and restarts one
// code point after the match start, so that a match rejected by a later
// check does not hide a shorter one inside it.
template <typename F>
void ForEachMatch(const RE2& re, std::string_view s, F&& on_match) {
  const int n = re.NumberOfCapturingGroups() + 1;
  std::vector<re2::StringPiece> subs(static_cast<size_t>(n));
  size_t pos = 0;
  while (pos <= s.size()) {
    if (!re.Match(re2::StringPiece(s.data(), s.size()), pos, s.size(), RE2::UNANCHORED, subs.data(), n)) break;
    on_match(subs);
    const size_t start = static_cast<size_t>(subs[0].data() - s.data());
    int len = 1;
    if (start < s.size()) DecodeAt(s, start, &len);
    pos = start + static_cast<size_t>(len);
  }
}

// The matches of several rules in one text, in the order they were added
// (FindRuleMatches: by rule, then as ForEachMatch finds them).
class RuleMatches {
 public:
  void Add(int rule, const std::vector<re2::StringPiece>& subs) {
    if (first_.empty()) first_.push_back(0);
    rule_.push_back(rule);
    subs_.insert(subs_.end(), subs.begin(), subs.end());
    first_.push_back(subs_.size());
  }
  // Calls on_match(rule, subs) for each match, in order.
  template <typename F>
  void ForEach(F&& on_match) const {
    std::vector<re2::StringPiece> subs;
    for (size_t i = 0; i < rule_.size(); ++i) {
      subs.assign(subs_.begin() + static_cast<std::ptrdiff_t>(first_[i]),
                  subs_.begin() + static_cast<std::ptrdiff_t>(first_[i + 1]));
      on_match(rule_[i], subs);
    }
  }

 private:
  std::vector<int> rule_;
  // Match i's groups: subs_[first_[i], first_[i + 1]). Empty until the
  // first match: most sentences have none, and cost no allocation.
  std::vector<size_t> first_;
  std::vector<re2::StringPiece> subs_;
};

// Runs each rule r (`*re_of(r)`) over texts[t] for every t in by_rule[r]
// (ascending), adding the matches to (*found)[t]; rule r's time is added to
// `*slot_of(r)` when that is not null. It reads rule after rule, each over
// all its texts: a sentence at a time, with the other stages' data in
// between, every rule's automaton was read from memory rather than cache
// (docs/performance.md). Each text's matches come out by rule, then by
// position: the order of running the rules over one text at a time.
template <typename ReOf, typename SlotOf>
void FindRuleMatches(const std::vector<std::vector<size_t>>& by_rule, const std::vector<std::string_view>& texts,
                     ReOf&& re_of, SlotOf&& slot_of, std::vector<RuleMatches>* found) {
  found->resize(texts.size());
  for (size_t r = 0; r < by_rule.size(); ++r) {
    if (by_rule[r].empty()) continue;
    const RE2& re = *re_of(r);
    const RuleLap lap(slot_of(r));
    for (size_t t : by_rule[r]) {
      RuleMatches& m = (*found)[t];
      ForEachMatch(re, texts[t], [&](const std::vector<re2::StringPiece>& subs) { m.Add(static_cast<int>(r), subs); });
    }
  }
}

// Returns the capture named `name` of a match, or an empty piece.
inline std::string_view Group(const RE2& re, const std::vector<re2::StringPiece>& subs, const std::string& name) {
  const auto& groups = re.NamedCapturingGroups();
  const auto it = groups.find(name);
  if (it == groups.end() || subs[static_cast<size_t>(it->second)].data() == nullptr) return {};
  const re2::StringPiece p = subs[static_cast<size_t>(it->second)];
  return std::string_view(p.data(), p.size());
}

}  // namespace claimgraph::internal

#endif  // CLAIMGRAPH_PLACEHOLDERS_H_
