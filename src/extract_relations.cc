// SPDX-License-Identifier: Apache-2.0
// Stage 4b, extract relations: relation-only rules (rules/relations/) run
// over the typed-placeholder sentence once every entity rule has run; they
// add typed edges with evidence, and attach quantities and dates to the
// entities they name.
#include "extract_relations.h"

#include <algorithm>

#include "internal/stage_times.h"
#include "rule_pack.h"
#include "screen.h"

namespace claimgraph::internal {

namespace {

// Adds the relations of the rule of `match`, unless one of the same ends
// and name is already there. A group that is not one placeholder is an
// endpoint only as the rule's name group: the mention the match created.
void EmitRelations(const RulePackData& rules, const PatternRule& rule, const PlaceholderSentence::ResolvedMatch& match,
                   std::string_view text, std::vector<CandidateRelation>* relations) {
  const auto& groups = rule.re->NamedCapturingGroups();
  auto group = [&](const std::string& name) -> const PlaceholderSentence::Span* {
    const auto it = groups.find(name);
    if (it == groups.end()) return nullptr;
    const auto& g = match.groups[static_cast<size_t>(it->second)];
    return g ? &*g : nullptr;
  };
  for (const PatternRule::Relation& rel : rule.relations) {
    auto endpoint = [&](const std::string& name) -> long {
      const PlaceholderSentence::Span* g = group(name);
      if (g == nullptr) return -1;
      if (g->mention >= 0) return g->mention;
      return name == rule.group ? match.created : -1;
    };
    const long source = endpoint(rel.source);
    const long target = endpoint(rel.target);
    if (source < 0 || target < 0 || source == target || match.whole_empty) continue;
    const bool seen = std::any_of(relations->begin(), relations->end(), [&](const CandidateRelation& r) {
      return r.source == static_cast<size_t>(source) && r.target == static_cast<size_t>(target) &&
             r.relation == rel.relation;
    });
    if (seen) continue;
    CandidateRelation out{static_cast<size_t>(source), static_cast<size_t>(target), rel.relation, rule.id,
                          match.whole.norm_begin, match.whole.norm_end, {}};
    for (const auto& [attr, name] : rel.attribute_groups) {
      const PlaceholderSentence::Span* g = group(name);
      if (g == nullptr || !g->raw) continue;
      std::string value(text.substr(g->norm_begin, g->norm_end - g->norm_begin));
      if (attr == "role") {
        // A title becomes its role: "회장" -> "chairman".
        const auto role = rules.title_roles.find(value);
        if (role != rules.title_roles.end()) value = role->second;
      }
      out.attributes[attr] = std::move(value);
    }
    relations->push_back(std::move(out));
  }
}

}  // namespace

void ExtractRelations(const RulePackData& rules, std::string_view text, const PlaceholderSentence& view,
                      const std::vector<PlaceholderSentence::ResolvedMatch>& entity_rule_matches,
                      const RuleMatches& matches, std::vector<Candidate>* all,
                      std::vector<CandidateRelation>* relations, RuleTimes* times) {
  for (const PlaceholderSentence::ResolvedMatch& match : entity_rule_matches) {
    const RuleLap lap(RuleLap::Slot(times, &RuleTimes::context, match.rule));
    EmitRelations(rules, rules.context_rules[static_cast<size_t>(match.rule)], match, text, relations);
  }
  matches.ForEach([&](int index, const std::vector<re2::StringPiece>& subs) {
    const PatternRule& rule = rules.context_rules[static_cast<size_t>(index)];
    if (!rule.type.empty()) return;
    const RuleLap lap(RuleLap::Slot(times, &RuleTimes::context, index));
    EmitRelations(rules, rule, view.ResolveMatch(index, -1, subs), text, relations);
    if (rule.node_attributes.empty()) return;
    const PlaceholderSentence::Span target = view.Resolve(Group(*rule.re, subs, rule.node_target));
    if (target.mention < 0) return;
    for (const PatternRule::NodeAttribute& a : rule.node_attributes) {
      const std::string_view value = Group(*rule.re, subs, a.group);
      if (value.empty()) continue;
      std::string out(value);
      if (a.number) {
        const std::optional<std::string> n = ParseQuantity(value, Group(*rule.re, subs, a.unit_group));
        if (!n) continue;
        out = *n;
      }
      (*all)[static_cast<size_t>(target.mention)].attributes.emplace(a.name, out);
    }
  });
}

std::optional<std::string> ParseQuantity(std::string_view number, std::string_view unit) {
  // Digits with an optional decimal part; commas allowed ("1,000").
  std::string digits;
  int decimals = -1;
  for (char c : number) {
    if (c >= '0' && c <= '9') {
      digits.push_back(c);
      if (decimals >= 0) ++decimals;
    } else if (c == '.' && decimals < 0) {
      decimals = 0;
    } else if (c != ',') {
      return std::nullopt;
    }
  }
  if (digits.empty() || digits.size() > 15) return std::nullopt;
  int exponent = 0;
  static const std::pair<std::string_view, int> kUnits[] = {
      {"만", 4}, {"억", 8}, {"천억", 11}, {"조", 12}, {"thousand", 3}, {"million", 6}, {"billion", 9},
      {"trillion", 12}, {"K", 3}, {"M", 6}, {"B", 9}, {"T", 12}};
  if (!unit.empty()) {
    bool known = false;
    for (const auto& [name, exp] : kUnits) {
      if (unit == name) {
        exponent = exp;
        known = true;
      }
    }
    if (!known) return std::nullopt;
  }
  if (decimals > 0) exponent -= decimals;
  if (exponent < 0) return std::nullopt;  // a fraction of one
  std::string out = digits + std::string(static_cast<size_t>(exponent), '0');
  const size_t first = out.find_first_not_of('0');
  return first == std::string::npos ? "0" : out.substr(first);
}

}  // namespace claimgraph::internal
