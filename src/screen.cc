// SPDX-License-Identifier: Apache-2.0
// The screens and the rule runner: which rules can match a text (one
// FilteredRE2 literal pass over plain sentences, one RE2::Set pass over
// placeholder views), and each reported rule over the texts it may match.
#include "screen.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <numeric>

#include "rule_pack.h"

namespace claimgraph::internal {

namespace {

// Whether `atom` is safe to find in a sentence lower-cased by ASCII rules
// only: it has no non-ASCII letters with case.
bool AsciiCaseOnly(std::string_view atom) {
  for (size_t i = 0; i < atom.size();) {
    int len = 1;
    const char32_t c = DecodeAt(atom, i, &len);
    i += static_cast<size_t>(len);
    if (c >= 0x80 && (u_tolower(static_cast<UChar32>(c)) != static_cast<UChar32>(c) ||
                      u_toupper(static_cast<UChar32>(c)) != static_cast<UChar32>(c))) {
      return false;
    }
  }
  return true;
}

// Builds RulePackData::text_prefilter and text_atoms for the text rules.
void BuildTextPrefilter(RulePackData* data) {
  if (data->text_rules.empty()) return;
  // Atoms of one byte: a rule whose every match holds a '-' or a quote
  // ("Qwen3-Max", "하람-2", "'에이닷'") is then run on the sentences that
  // hold one. With three bytes, a rule whose literals are short ("AI",
  // "-") had no atoms and ran on every sentence (docs/performance.md).
  auto filter = std::make_unique<re2::FilteredRE2>(/*min_atom_len=*/1);
  for (const PatternRule& rule : data->text_rules) {
    int id = 0;
    if (!rule.re || filter->Add(rule.re->pattern(), rule.re->options(), &id) != RE2::NoError) return;
  }
  std::vector<std::string> atoms;
  filter->Compile(&atoms);
  AliasTrie trie;
  for (size_t i = 0; i < atoms.size(); ++i) {
    // The sentence is walked from code point starts only, with ASCII read
    // as lower case: an atom must start a code point and have no other case.
    if (!AsciiCaseOnly(atoms[i]) || atoms[i].empty() || (static_cast<unsigned char>(atoms[i][0]) & 0xC0) == 0x80) {
      return;
    }
    trie.Add(atoms[i], static_cast<int32_t>(i));
  }
  trie.Build();
  std::vector<int> without_atoms;
  filter->AllPotentials({}, &without_atoms);
  std::sort(without_atoms.begin(), without_atoms.end());
  data->text_prefilter = std::move(filter);
  data->text_atoms = std::move(trie);
  data->text_atom_count = atoms.size();
  data->text_rules_without_atoms = std::move(without_atoms);
}

}  // namespace

std::vector<int> PrefilterTextRules(const RulePackData& rules, std::string_view sentence) {
  std::vector<int> which;
  if (!rules.text_prefilter) {
    for (size_t i = 0; i < rules.text_rules.size(); ++i) which.push_back(static_cast<int>(i));
    return which;
  }
  // Each atom once: some are in every sentence (a space, a digit).
  std::vector<int> atoms;
  std::vector<bool> seen(rules.text_atom_count);
  for (size_t i = 0; i < sentence.size(); ++i) {
    if ((static_cast<unsigned char>(sentence[i]) & 0xC0) == 0x80) continue;  // inside a code point
    rules.text_atoms.MatchAtAsciiLower(sentence, i, [&](size_t, int32_t atom) {
      if (seen[static_cast<size_t>(atom)]) return;
      seen[static_cast<size_t>(atom)] = true;
      atoms.push_back(atom);
    });
  }
  if (atoms.empty()) return rules.text_rules_without_atoms;
  std::sort(atoms.begin(), atoms.end());
  rules.text_prefilter->AllPotentials(atoms, &which);
  std::sort(which.begin(), which.end());
  return which;
}

std::string RelaxForScreen(std::string_view pattern) {
  std::string out;
  out.reserve(pattern.size());
  auto digits = [&](size_t i) {
    while (i < pattern.size() && pattern[i] >= '0' && pattern[i] <= '9') ++i;
    return i;
  };
  size_t i = 0;
  while (i < pattern.size()) {
    const char c = pattern[i];
    if (pattern.compare(i, 2, "\\Q") == 0) {
      // Quoted literal text, to \E.
      const size_t close = pattern.find("\\E", i + 2);
      const size_t end = close == std::string_view::npos ? pattern.size() : close + 2;
      out.append(pattern.substr(i, end - i));
      i = end;
    } else if (c == '\\') {
      // An escape; \x{…}, \p{…} and \P{…} carry their braces with them.
      size_t end = std::min(i + 2, pattern.size());
      if (end < pattern.size() && pattern[end] == '{' &&
          (pattern[i + 1] == 'x' || pattern[i + 1] == 'p' || pattern[i + 1] == 'P')) {
        const size_t close = pattern.find('}', end);
        end = close == std::string_view::npos ? pattern.size() : close + 1;
      }
      out.append(pattern.substr(i, end - i));
      i = end;
    } else if (c == '[') {
      // A character class, copied whole: a leading ']' (after an optional
      // '^') is a literal, and [:alpha:] and escapes may hide a ']'.
      size_t j = i + 1;
      if (j < pattern.size() && pattern[j] == '^') ++j;
      if (j < pattern.size() && pattern[j] == ']') ++j;
      while (j < pattern.size() && pattern[j] != ']') {
        if (pattern[j] == '\\') {
          j += 2;
        } else if (pattern.compare(j, 2, "[:") == 0) {
          const size_t close = pattern.find(":]", j + 2);
          j = close == std::string_view::npos ? pattern.size() : close + 2;
        } else {
          ++j;
        }
      }
      j = std::min(j + 1, pattern.size());
      out.append(pattern.substr(i, j - i));
      i = j;
    } else if (c == '{' && digits(i + 1) > i + 1) {
      // {n}, {m,} or {m,n}: at least m, with no upper bound.
      const size_t m_end = digits(i + 1);
      size_t end = m_end;
      if (end < pattern.size() && pattern[end] == ',') end = digits(end + 1);
      if (end < pattern.size() && pattern[end] == '}') {
        const bool at_least_one = pattern.find_first_not_of('0', i + 1) < m_end;
        out.push_back(at_least_one ? '+' : '*');
        i = end + 1;
      } else {  // not a repetition: a literal '{'
        out.push_back(c);
        ++i;
      }
    } else {
      out.push_back(c);
      ++i;
    }
  }
  return out;
}

ScreenedRules ScreenSentence(const RulePackData& rules, std::string_view view) {
  const int contexts = static_cast<int>(rules.context_rules.size());
  const int total = contexts + static_cast<int>(rules.attribution_rules.size());
  std::vector<int> hits;
  RE2::Set::ErrorInfo error;
  if (rules.sentence_screen == nullptr ||
      (!rules.sentence_screen->Match(re2::StringPiece(view.data(), view.size()), &hits, &error) &&
       error.kind != RE2::Set::kNoError)) {
    // No screen, or it could not decide (its DFA ran out of memory): every rule runs.
    hits.resize(static_cast<size_t>(total));
    std::iota(hits.begin(), hits.end(), 0);
  }
  std::sort(hits.begin(), hits.end());
  ScreenedRules screened;
  for (int hit : hits) {
    if (hit < contexts) {
      screened.context.push_back(hit);
    } else {
      screened.attribution.push_back(hit - contexts);
    }
  }
  return screened;
}

namespace {

// The matches of the rules of `list` over the views, each rule that `keep`
// allows over the views whose screen reports it (`reported`: the context or
// the attribution list); each rule's time goes to its `slot` in `times`.
template <typename Rule, typename Keep>
std::vector<RuleMatches> FindScreenedMatches(const std::vector<Rule>& list, std::vector<int> ScreenedRules::*reported,
                                             std::vector<double> RuleTimes::*slot, Keep&& keep,
                                             const std::vector<std::string_view>& views,
                                             const std::vector<ScreenedRules>& screened, RuleTimes* times) {
  std::vector<std::vector<size_t>> by_rule(list.size());
  for (size_t v = 0; v < screened.size(); ++v) {
    for (int r : screened[v].*reported) {
      if (keep(list[static_cast<size_t>(r)])) by_rule[static_cast<size_t>(r)].push_back(v);
    }
  }
  std::vector<RuleMatches> found;
  FindRuleMatches(
      by_rule, views, [&](size_t r) { return list[r].re.get(); },
      [&](size_t r) { return RuleLap::Slot(times, slot, static_cast<int>(r)); }, &found);
  return found;
}

}  // namespace

std::vector<RuleMatches> FindRelationMatches(const RulePackData& rules, const std::vector<std::string_view>& views,
                                             const std::vector<ScreenedRules>& screened, RuleTimes* times) {
  return FindScreenedMatches(
      rules.context_rules, &ScreenedRules::context, &RuleTimes::context,
      [](const PatternRule& rule) { return rule.type.empty(); }, views, screened, times);
}

std::vector<RuleMatches> FindAttributionMatches(const RulePackData& rules, const std::vector<std::string_view>& views,
                                                const std::vector<ScreenedRules>& screened, RuleTimes* times) {
  return FindScreenedMatches(
      rules.attribution_rules, &ScreenedRules::attribution, &RuleTimes::attribution,
      [](const AttributionRule&) { return true; }, views, screened, times);
}

std::vector<ViewMatches> MatchViews(const RulePackData& rules, const std::vector<std::string_view>& views,
                                    StageClock* clock) {
  std::vector<ScreenedRules> screened;
  screened.reserve(views.size());
  for (std::string_view view : views) screened.push_back(ScreenSentence(rules, view));
  clock->Lap(&StageTimes::context_patterns);
  std::vector<RuleMatches> relation = FindRelationMatches(rules, views, screened, clock->rule_times());
  clock->Lap(&StageTimes::relations);
  std::vector<RuleMatches> attribution = FindAttributionMatches(rules, views, screened, clock->rule_times());
  clock->Lap(&StageTimes::claims);
  std::vector<ViewMatches> out(views.size());
  for (size_t v = 0; v < views.size(); ++v) {
    out[v] = ViewMatches{std::move(screened[v]), std::move(relation[v]), std::move(attribution[v])};
  }
  return out;
}

void BuildScreens(RulePackData* data) {
  // The screen, in the final rule order: context rules, then attribution rules.
  data->sentence_screen = [&]() -> std::unique_ptr<RE2::Set> {
    RE2::Options options;
    options.set_log_errors(false);
    // Room for the DFA of many patterns: with too little, RE2 keeps
    // flushing its state cache (or gives up; ScreenSentence then runs every rule).
    options.set_max_mem(int64_t{64} << 20);
    auto set = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
    // Each rule's relaxed pattern (RelaxForScreen), or the rule's own
    // should the relaxed one not compile.
    auto add = [&](const std::unique_ptr<RE2>& re) {
      return re && (set->Add(RelaxForScreen(re->pattern()), nullptr) >= 0 || set->Add(re->pattern(), nullptr) >= 0);
    };
    for (const auto& r : data->context_rules) {
      if (!add(r.re)) return nullptr;
    }
    for (const auto& r : data->attribution_rules) {
      if (!add(r.re)) return nullptr;
    }
    return set->Compile() ? std::move(set) : nullptr;
  }();
  BuildTextPrefilter(data);
}

}  // namespace claimgraph::internal
