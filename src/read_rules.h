// SPDX-License-Identifier: Apache-2.0
// Stage 0, read rules: rule files -> RulePackData, every problem reported
// with file:line:column. The layout of a pack is specified in rules/README.md.
#ifndef CLAIMGRAPH_READ_RULES_H_
#define CLAIMGRAPH_READ_RULES_H_

#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include <re2/filtered_re2.h>
#include <re2/set.h>

#include "claimgraph/status.h"
#include "match_gazetteer.h"
#include "match_particles.h"
#include "match_patterns.h"
#include "placeholders.h"

namespace claimgraph::internal {

struct GazetteerEntry {
  std::string id;         // slug of canonical, without "ent:"
  std::string canonical;
  std::string type;
  std::vector<std::string> aliases;  // as written, canonical first
  std::map<std::string, std::string> attributes;
  // The attributes as mentions carry them, by key: references (developer,
  // affiliation, parent, country) as node ids, "ent:" + id. Set when the
  // pack is loaded.
  std::vector<std::pair<std::string, std::string>> exported_attributes;
  SourceLocation location;
};

// One inline example of an attribution rule.
struct ClaimExample {
  std::string text;
  std::string speaker;  // expected speaker label ("" = any; "unattributed")
  std::string content;  // expected content as written
  bool positive = true;
};

// An attribution rule: reported speech -> a claim (speaker, cue, content).
struct AttributionRule {
  std::string id;
  std::string description;
  int priority = 50;
  std::unique_ptr<RE2> re;
  std::string cue_lemma;        // fixed lemma when the pattern has no cue group
  std::string modality;         // fixed modality, overriding the cue lexicon
  bool negated = false;
  bool unattributed = false;    // the text names no source ("…라는 평가도 있다")
  bool speaker_from_previous = false;  // "…라고 발언하며, …을 시사했다": same speaker
  bool medium = false;          // the speaker is a medium that reports
  std::vector<ClaimExample> examples;
  SourceLocation location;
};

// A reporting verb: lemma, modality it implies, and whether it denies.
struct CueEntry {
  std::string lemma;
  std::string modality = "asserted";
  bool negated = false;
};

struct RulePackData {
  std::string origin;
  std::vector<GazetteerEntry> entities;
  std::unordered_map<std::string, int> alias_to_entity;  // normalized alias -> entity
  AliasTrie trie;
  // Person entries by the last token of each alias ("조 차이" -> "차이").
  std::unordered_map<std::string, std::vector<int>> persons_by_last_token;
  // Person entries by affiliation and role, "alibaba\x1Fceo" -> Eddie Wu
  // (an organization's role that speaks: "알리바바 CEO는").
  std::unordered_map<std::string, std::vector<int>> persons_by_affiliation_role;
  std::vector<PatternRule> text_rules;
  std::vector<PatternRule> context_rules;
  ParticleSet particles;
  std::unordered_map<std::string, std::string> title_roles;  // "회장" -> "chairman"
  // Claims (rules/claims/).
  std::vector<AttributionRule> attribution_rules;  // by priority, then id
  std::vector<std::pair<std::string, CueEntry>> cues;  // cue stems, longest first
  std::unordered_map<std::string, std::string> speaker_groups;  // "전문가들" -> "experts"
  std::unordered_map<std::string, std::string> pronouns;  // "그" -> "Person"
  std::vector<std::string> hedges;  // content markers of a hedged claim ("수 있", "may")
  // The one-pass screen of placeholder sentences: which context and
  // attribution rules can match a sentence at all (one RE2::Set over all
  // their patterns: index i is context rule i, index context_rules.size()
  // + j attribution rule j), so a sentence no rule can match costs one
  // scan, and a sentence is scanned once for both kinds of rule.
  std::unique_ptr<RE2::Set> sentence_screen;
  // The prefilter of the text rules (over plain sentences): FilteredRE2
  // lists the literals ("atoms", lower case) each rule needs; one pass of
  // `text_atoms` over a sentence finds those present, and only the rules
  // they allow run. Null when a rule's atoms could not be matched safely
  // by ASCII lower-casing (then every text rule runs).
  std::unique_ptr<re2::FilteredRE2> text_prefilter;
  AliasTrie text_atoms;
  // The prefilter's answer for a sentence with none of the atoms (the rules
  // that need no literal), sorted: most sentences, asked once.
  std::vector<int> text_rules_without_atoms;
};

// Builds `data`'s text_prefilter and text_atoms from its text rules.
void BuildTextPrefilter(RulePackData* data);

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

// Returns "ent:" + slug for an entity label: ASCII letters lower-cased,
// letters and digits of any script kept, every other run replaced by '-'.
// "Hunyuan-Image-3.0" -> "hunyuan-image-3-0"; "카일 찬" -> "카일-찬".
std::string Slug(std::string_view label);

// Returns the entity id of a matched candidate: "ent:" + its gazetteer id,
// or the slug of its label for an entity the gazetteer lacks.
std::string EntityIdOf(const RulePackData& rules, const Candidate& candidate);

// The key of RulePackData::persons_by_affiliation_role.
inline std::string AffiliationRoleKey(std::string_view affiliation, std::string_view role) {
  std::string key(affiliation);
  key += '\x1F';
  key += role;
  return key;
}

// Whether gazetteer attribute `key` names another entity (developer,
// affiliation, parent, country): its value is an entity id.
bool IsReferenceAttribute(const std::string& key);

// Relations of the output contract.
const std::vector<std::string>& RelationNames();

}  // namespace claimgraph::internal

#endif  // CLAIMGRAPH_READ_RULES_H_
