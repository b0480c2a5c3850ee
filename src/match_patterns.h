// SPDX-License-Identifier: Apache-2.0
// Stage 3b, match patterns: re2 rules for names the gazetteer lacks.
// Text rules run over the normalized sentence (persons by title,
// organizations by suffix, model tokens). Context rules run after the
// gazetteer and text rules, over the sentence with accepted mentions
// replaced by typed placeholders ("⟦Organization⟧의 '훈위안-이미지-3.0'"), so
// they can name an entity by its grammatical neighbour and read a relation.
#ifndef CLAIMGRAPH_MATCH_PATTERNS_H_
#define CLAIMGRAPH_MATCH_PATTERNS_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>

#include "claimgraph/status.h"
#include "match_types.h"

namespace claimgraph::internal {

struct RulePackData;
struct RuleTimes;
class PlaceholderSentence;
class RuleMatches;

// One inline example of a rule: `text` must (or must not) yield a mention
// by the rule whose surface is `span`.
struct RuleExample {
  std::string text;
  std::string span;
  bool positive = true;
};

struct PatternRule {
  std::string id;
  std::string description;
  std::string type;             // entity type created; "" for relation-only rules
  int priority = 50;
  std::string group = "name";   // the capture group that is the entity name
  std::string title_group;      // capture group holding a title (교수, CEO)
  bool resolve_surname = false; // one-token name + title -> unique gazetteer person
  std::string qualify_group;    // placeholder group whose entity qualifies the name (딥시크의 V3)
  bool require_qualified = false;
  bool require_digit = false;
  int min_chars = 1;
  int max_chars = 64;
  std::vector<std::string> reject_tokens;     // name tokens that disqualify a match
  std::vector<std::string> reject_suffixes;   // token endings that disqualify (particles)
  std::vector<std::string> native_surnames;   // Korean surnames: 3-syllable token = full name
  bool require_native_name = false;           // the name must be such a full name
  std::map<std::string, std::string> attribute_groups;  // attribute -> placeholder group
  struct Relation {
    std::string source;  // group name
    std::string relation;
    std::string target;  // group name
    std::map<std::string, std::string> attribute_groups;  // edge attribute -> group
  };
  std::vector<Relation> relations;
  // Attributes attached to the entity of a placeholder group: quantities
  // and dates read from plain-text groups.
  struct NodeAttribute {
    std::string name;        // "parameters_min"
    std::string group;       // the group holding the value
    std::string unit_group;  // for numbers: a group holding 만/억/조/million/B ...
    bool number = false;     // convert to a plain integer
  };
  std::string node_target;   // placeholder group that receives node_attributes
  std::vector<NodeAttribute> node_attributes;
  bool context = false;  // the pattern contains typed placeholders
  std::unique_ptr<RE2> re;
  std::vector<RuleExample> examples;
  SourceLocation location;
};

// A mention accepted by stage 1 (gazetteer + text rules), as context rules
// see it.
struct PlacedMention {
  size_t begin = 0;
  size_t end = 0;
  std::string type;
  std::string entity_key;  // gazetteer index as text, or the new label
  int entity = -1;
};

// A relation found by a context rule, between two candidates (indices into
// the final candidate list).
struct CandidateRelation {
  size_t source = 0;
  size_t target = 0;
  std::string relation;
  std::string rule_id;
  size_t begin = 0;  // evidence span, normalized bytes
  size_t end = 0;
  std::map<std::string, std::string> attributes;
};

// Finds the matches of the text rules in each of `sentences`, rule by rule
// (FindRuleMatches), each rule over the sentences its literal prefilter
// allows. Each rule's time is added to `times` when not null.
std::vector<RuleMatches> FindTextRuleMatches(const RulePackData& rules, const std::vector<std::string_view>& sentences,
                                             RuleTimes* times = nullptr);

// Turns the text rules' matches in one sentence (FindTextRuleMatches) into
// candidates. Candidates a check turns down go to `rejected`, with the
// reason (when not null), as in the other stages. Each rule's time is added
// to `times` when not null (as in the other rule stages).
void MatchTextPatterns(const RulePackData& rules, std::string_view text, size_t sentence_begin,
                       size_t sentence_end, int sentence, const RuleMatches& matches, std::vector<Candidate>* out,
                       std::vector<Candidate>* rejected, RuleTimes* times = nullptr);

// Runs the context entity rules over one sentence whose accepted mentions
// are `accepted` (indices into `all`). New mentions are appended to `all`
// (and their indices to `accepted`); their relations to `relations`; those
// turned down to `rejected` (when not null).
// `view` is the sentence's placeholder view, `screened` the context rules
// that can match it (ScreenSentence).
void MatchContextPatterns(const RulePackData& rules, std::string_view text, size_t sentence_end, int sentence,
                          const PlaceholderSentence& view, const std::vector<int>& screened,
                          std::vector<Candidate>* all, std::vector<size_t>* accepted,
                          std::vector<CandidateRelation>* relations, std::vector<Candidate>* rejected,
                          RuleTimes* times = nullptr);

// Stage 4b, extract relations: runs the relation-only rules over the
// sentence once every entity rule has run.
}  // namespace claimgraph::internal

#endif  // CLAIMGRAPH_MATCH_PATTERNS_H_
