// SPDX-License-Identifier: Apache-2.0
// Stage 0, read rules: rule files -> RulePackData, every problem reported
// with file:line:column. The layout of a pack is specified in rules/README.md.
#ifndef CLAIMGRAPH_READ_RULES_H_
#define CLAIMGRAPH_READ_RULES_H_

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "claimgraph/status.h"
#include "match_gazetteer.h"
#include "match_particles.h"
#include "match_patterns.h"

namespace claimgraph::internal {

struct GazetteerEntry {
  std::string id;         // slug of canonical, without "ent:"
  std::string canonical;
  std::string type;
  std::vector<std::string> aliases;  // as written, canonical first
  std::map<std::string, std::string> attributes;
  SourceLocation location;
};

struct RulePackData {
  std::string origin;
  std::vector<GazetteerEntry> entities;
  std::unordered_map<std::string, int> alias_to_entity;  // normalized alias -> entity
  AliasTrie trie;
  // Person entries by the last token of each alias ("조 차이" -> "차이").
  std::unordered_map<std::string, std::vector<int>> persons_by_last_token;
  std::vector<PatternRule> text_rules;
  std::vector<PatternRule> context_rules;
  ParticleSet particles;
  std::unordered_map<std::string, std::string> title_roles;  // "회장" -> "chairman"
};

// Returns "ent:" + slug for an entity label: ASCII letters lower-cased,
// letters and digits of any script kept, every other run replaced by '-'.
// "Hunyuan-Image-3.0" -> "hunyuan-image-3-0"; "카일 찬" -> "카일-찬".
std::string Slug(std::string_view label);

// Relations of the output contract.
const std::vector<std::string>& RelationNames();

}  // namespace claimgraph::internal

#endif  // CLAIMGRAPH_READ_RULES_H_
