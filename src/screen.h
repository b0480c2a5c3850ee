// SPDX-License-Identifier: Apache-2.0
// The rule engine the matching and extraction stages share: running a
// rule's RE2 program over many texts (ForEachMatch, FindRuleMatches), the
// one-pass screens that decide which rules can match a text at all (the
// text rules' literal prefilter, the RE2::Set over placeholder views), and
// the matches they collect (RuleMatches). The screens are compiled once,
// when the pack is loaded (BuildScreens), and are part of the pack.
#ifndef CLAIMGRAPH_SCREEN_H_
#define CLAIMGRAPH_SCREEN_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>

#include "internal/stage_times.h"
#include "internal/utf8.h"

namespace claimgraph::internal {

struct RulePackData;

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

// Compiles `data`'s screens, its rules being final (ids, order): the
// RE2::Set over the context and attribution rules (sentence_screen) and the
// text rules' literal prefilter (text_prefilter, text_atoms). The loader
// calls it once, last.
void BuildScreens(RulePackData* data);

// Returns the indices of the text rules that can match `sentence`
// (through text_prefilter), or all of them.
std::vector<int> PrefilterTextRules(const RulePackData& rules, std::string_view sentence);

// The context and attribution rules that can match a placeholder sentence
// (indices into RulePackData::context_rules and attribution_rules, in
// order): those sentence_screen reports, or all of them when there is no
// screen or it could not decide.
struct ScreenedRules {
  std::vector<int> context;
  std::vector<int> attribution;
};
ScreenedRules ScreenSentence(const RulePackData& rules, std::string_view view);

// Returns `pattern` with every counted repetition unbounded: X{0,n} -> X*,
// X{m,n}, X{m,} and X{m} (m >= 1) -> X+. The result matches wherever the
// pattern does, and its automaton has no counters: the screen is built from
// these, so its DFA stays small (a bounded repetition of a multi-byte
// class is a copy of the class per count), at the price of reporting a few
// rules that then find nothing.
std::string RelaxForScreen(std::string_view pattern);

// The matches over placeholder views of the relation-only context rules
// and of the attribution rules that each view's screen reports
// (FindRuleMatches: rule by rule over all the views), by view. Each rule's
// time is added to `times` when not null.
std::vector<RuleMatches> FindRelationMatches(const RulePackData& rules, const std::vector<std::string_view>& views,
                                             const std::vector<ScreenedRules>& screened, RuleTimes* times = nullptr);
std::vector<RuleMatches> FindAttributionMatches(const RulePackData& rules, const std::vector<std::string_view>& views,
                                                const std::vector<ScreenedRules>& screened, RuleTimes* times = nullptr);

// What the screen reports for one placeholder view, and the matches there
// of the relation and attribution rules it reports.
struct ViewMatches {
  ScreenedRules screened;
  RuleMatches relation;
  RuleMatches attribution;
};

// The screen over every view in a row, then each relation and attribution
// rule over every view it may match; by view. Each pass's time goes to
// its stage in `clock` (the screen to the context patterns', the rules to
// the relations' and the claims').
std::vector<ViewMatches> MatchViews(const RulePackData& rules, const std::vector<std::string_view>& views,
                                    StageClock* clock);

}  // namespace claimgraph::internal

#endif  // CLAIMGRAPH_SCREEN_H_
