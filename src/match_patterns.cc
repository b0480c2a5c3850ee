// SPDX-License-Identifier: Apache-2.0
// Stage 3b, match patterns. Each rule's re2 program is run over the
// sentence; after a match the search restarts one code point after the
// match start, so that a match rejected by a filter ("그는 카일 찬 교수")
// does not hide the shorter one inside it ("카일 찬 교수").
#include "match_patterns.h"

#include <algorithm>

#include "internal/stage_times.h"
#include "internal/utf8.h"
#include "match_particles.h"
#include "normalize.h"
#include "entity_ids.h"
#include "placeholders.h"
#include "rule_pack.h"
#include "screen.h"
#include "words.h"

namespace claimgraph::internal {
namespace {


// Whether `token` looks like a Korean full name: three or four syllables
// starting with one of the rule's native surnames ("김하늘").
bool IsNativeFullName(const PatternRule& rule, std::string_view token) {
  // A one-syllable surname and a two-syllable given name ("김하늘"), or a
  // two-syllable surname and a two-syllable given name ("남궁민수").
  const int64_t syllables = CountCodePoints(token);
  for (const std::string& surname : rule.native_surnames) {
    if (token.substr(0, surname.size()) == surname && syllables == CountCodePoints(surname) + 2) return true;
  }
  return false;
}

// Checks the rule's filters on a captured name; returns "" or the reason.
std::string FilterName(const RulePackData& rules, const PatternRule& rule, std::string_view name) {
  const int64_t chars = CountCodePoints(name);
  if (chars < rule.min_chars) return "shorter than min_chars";
  if (chars > rule.max_chars) return "longer than max_chars";
  if (rule.require_digit && std::none_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return "no digit (require_digit)";
  }
  const std::vector<std::string_view> tokens = SplitAtSpaces(name);
  if (tokens.empty()) return "empty name";
  if (rule.require_native_name && (tokens.size() != 1 || !IsNativeFullName(rule, name))) {
    return "not a Korean full name (surname + given name)";
  }
  if (tokens.size() > 1 && IsNativeFullName(rule, tokens.back())) {
    // "누리그룹 박서준 대표": the name is the last token alone.
    return "ends with a Korean full name; the shorter match is the name";
  }
  for (size_t t = 0; t < tokens.size(); ++t) {
    for (const std::string& bad : rule.reject_tokens) {
      if (tokens[t] == bad) return "token \"" + bad + "\" is in reject_tokens";
    }
    if (rule.type == "Person") {
      // A person's name is not made of other entities' names ("중국 대표").
      const auto known = rules.alias_to_entity.find(std::string(tokens[t]));
      if (known != rules.alias_to_entity.end() &&
          rules.entities[static_cast<size_t>(known->second)].type != "Person") {
        return "token \"" + std::string(tokens[t]) + "\" names " +
               rules.entities[static_cast<size_t>(known->second)].canonical;
      }
    }
    if (t + 1 < tokens.size()) {
      for (const std::string& suffix : rule.reject_suffixes) {
        if (EndsWith(tokens[t], suffix)) return "token \"" + std::string(tokens[t]) + "\" ends with a particle";
      }
    }
  }
  return "";
}

// Fills role/entity for a person found by title; returns "" or the reason.
std::string ApplyTitle(const RulePackData& rules, const PatternRule& rule, std::string_view name,
                       std::string_view title, Candidate* c) {
  if (rule.title_group.empty()) return "";
  const auto role = rules.title_roles.find(std::string(title));
  if (role != rules.title_roles.end()) c->attributes["role"] = role->second;
  if (!rule.resolve_surname || name.find(' ') != std::string_view::npos) return "";
  if (IsNativeFullName(rule, name)) return "";  // "김하늘 교수": a full name, not a surname
  // A lone surname plus a title ("차이 회장") names a person only if exactly
  // one gazetteer person has that surname and that role.
  std::vector<int> found;
  const auto it = rules.persons_by_last_token.find(std::string(name));
  if (it != rules.persons_by_last_token.end()) {
    for (int e : it->second) {
      const auto& attrs = rules.entities[static_cast<size_t>(e)].attributes;
      const auto r = attrs.find("role");
      if (role != rules.title_roles.end() && r != attrs.end() && r->second == role->second) {
        found.push_back(e);
      }
    }
  }
  if (found.size() != 1) {
    return "surname \"" + std::string(name) + "\" with title \"" + std::string(title) + "\": " +
           (found.empty() ? "no" : "more than one") + " gazetteer person with that surname and role";
  }
  c->entity = found.front();
  c->label = rules.entities[static_cast<size_t>(c->entity)].canonical;
  c->type = rules.entities[static_cast<size_t>(c->entity)].type;
  return "";
}

}  // namespace

std::vector<RuleMatches> FindTextRuleMatches(const RulePackData& rules, const std::vector<std::string_view>& sentences,
                                             RuleTimes* times) {
  // Not an RE2::Set screen: over plain sentences it costs as much as the
  // few text rules it would skip (measured, docs/performance.md); the
  // literal prefilter costs one trie pass.
  std::vector<std::vector<size_t>> by_rule(rules.text_rules.size());
  for (size_t s = 0; s < sentences.size(); ++s) {
    for (int index : PrefilterTextRules(rules, sentences[s])) {
      // the loader allows relation-only rules only with placeholders
      if (!rules.text_rules[static_cast<size_t>(index)].type.empty()) by_rule[static_cast<size_t>(index)].push_back(s);
    }
  }
  std::vector<RuleMatches> found;
  FindRuleMatches(
      by_rule, sentences, [&](size_t r) { return rules.text_rules[r].re.get(); },
      [&](size_t r) { return RuleLap::Slot(times, &RuleTimes::text, static_cast<int>(r)); }, &found);
  return found;
}

void MatchTextPatterns(const RulePackData& rules, std::string_view text, size_t sentence_begin,
                       size_t sentence_end, int sentence, const RuleMatches& matches, std::vector<Candidate>* out,
                       std::vector<Candidate>* rejected, RuleTimes* times) {
  matches.ForEach([&](int index, const std::vector<re2::StringPiece>& subs) {
    const PatternRule& rule = rules.text_rules[static_cast<size_t>(index)];
    const RuleLap lap(RuleLap::Slot(times, &RuleTimes::text, index));
    const auto& groups = rule.re->NamedCapturingGroups();
    const int name_group = groups.at(rule.group);
    const int title_group = rule.title_group.empty() ? -1 : groups.at(rule.title_group);
    const re2::StringPiece name = subs[static_cast<size_t>(name_group)];
    if (name.data() == nullptr || name.empty()) return;
    Candidate c;
    c.begin = static_cast<size_t>(name.data() - text.data());
    c.end = c.begin + name.size();
    c.sentence = sentence;
    c.label = std::string(name.data(), name.size());
    c.type = rule.type;
    c.priority = rule.priority;
    c.rule_id = rule.id;
    const std::string_view name_view(name.data(), name.size());
    std::string reason = FilterName(rules, rule, name_view);
    if (reason.empty() && rule.require_native_name) {
      // "소라텍 문태준 대표": when the words between name and title hold a
      // full name, that one is the person.
      for (std::string_view token : SplitAtSpaces(Group(*rule.re, subs, "org"))) {
        if (IsNativeFullName(rule, token)) reason = "a full name stands between the name and the title";
      }
    }
    if (reason.empty() && title_group >= 0) {
      const re2::StringPiece title = subs[static_cast<size_t>(title_group)];
      reason = ApplyTitle(rules, rule, name_view, std::string_view(title.data(), title.size()), &c);
    }
    if (reason.empty()) reason = CheckLeftBoundary(text, sentence_begin, c.begin);
    if (reason.empty()) reason = CheckRightBoundary(text, c.end, sentence_end, rules.particles, &c.particle);
    const bool duplicate = std::any_of(out->begin(), out->end(), [&](const Candidate& o) {
      return o.begin == c.begin && o.end == c.end && o.rule_id == c.rule_id;
    });
    if (duplicate) return;
    if (reason.empty()) {
      out->push_back(std::move(c));
    } else if (rejected != nullptr) {
      c.reason = std::move(reason);
      rejected->push_back(std::move(c));
    }
  });
}

std::vector<PlaceholderSentence::ResolvedMatch> MatchContextPatterns(
    const RulePackData& rules, std::string_view text, size_t sentence_end, int sentence,
    const PlaceholderSentence& view, const std::vector<int>& screened, std::vector<Candidate>* all,
    std::vector<size_t>* accepted, std::vector<Candidate>* rejected, RuleTimes* times) {
  std::vector<PlaceholderSentence::ResolvedMatch> with_relations;
  for (int index : screened) {
    const PatternRule& rule = rules.context_rules[static_cast<size_t>(index)];
    if (rule.type.empty()) continue;  // relation-only: ExtractRelations
    const RuleLap lap(RuleLap::Slot(times, &RuleTimes::context, index));
    ForEachMatch(*rule.re, view.str(), [&](const std::vector<re2::StringPiece>& subs) {
      const std::string_view g = Group(*rule.re, subs, rule.group);
      if (g.empty()) return;
      const PlaceholderSentence::Span name = view.Resolve(g);
      long created = -1;
      if (name.mention >= 0) {
        created = name.mention;  // the name is already an entity
      } else if (name.raw) {
        Candidate c;
        c.begin = name.norm_begin;
        c.end = name.norm_end;
        c.sentence = sentence;
        c.label = std::string(text.substr(c.begin, c.end - c.begin));
        c.type = rule.type;
        c.priority = rule.priority;
        c.rule_id = rule.id;
        std::string reason = FilterName(rules, rule, c.label);
        if (reason.empty() && !rule.qualify_group.empty()) {
          const PlaceholderSentence::Span q = view.Resolve(Group(*rule.re, subs, rule.qualify_group));
          bool qualified = false;
          if (q.mention >= 0 && (*all)[static_cast<size_t>(q.mention)].entity >= 0) {
            const GazetteerEntry& org = rules.entities[static_cast<size_t>((*all)[static_cast<size_t>(q.mention)].entity)];
            for (const std::string& alias : org.aliases) {
              for (const char* sep : {"-", " ", ""}) {
                const auto hit = rules.alias_to_entity.find(NormalizeString(alias) + sep + c.label);
                if (hit != rules.alias_to_entity.end() && !qualified) {
                  c.entity = hit->second;
                  c.label = rules.entities[static_cast<size_t>(hit->second)].canonical;
                  c.type = rules.entities[static_cast<size_t>(hit->second)].type;
                  qualified = true;
                }
              }
            }
          }
          if (!qualified && rule.require_qualified) reason = "no gazetteer entry for the qualified name";
        }
        if (reason.empty()) reason = CheckRightBoundary(text, c.end, sentence_end, rules.particles, &c.particle);
        if (reason.empty()) {
          for (size_t idx : *accepted) {
            const Candidate& o = (*all)[idx];
            if (o.begin < c.end && c.begin < o.end) {
              reason = "overlap: lost to \"" + o.label + "\" (" + o.rule_id + ")";
              break;
            }
          }
        }
        if (!reason.empty()) {
          if (rejected != nullptr) {
            c.reason = std::move(reason);
            rejected->push_back(std::move(c));
          }
          return;
        }
        for (const auto& [attr, group] : rule.attribute_groups) {
          const PlaceholderSentence::Span a = view.Resolve(Group(*rule.re, subs, group));
          if (a.mention >= 0) c.attributes[attr] = EntityIdOf(rules, (*all)[static_cast<size_t>(a.mention)]);
        }
        created = static_cast<long>(all->size());
        all->push_back(std::move(c));
        accepted->push_back(static_cast<size_t>(created));
      } else {
        return;
      }
      if (!rule.relations.empty()) with_relations.push_back(view.ResolveMatch(index, created, subs));
    });
  }
  return with_relations;
}

}  // namespace claimgraph::internal
