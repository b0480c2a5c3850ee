// SPDX-License-Identifier: Apache-2.0
// Entity ids: slugs of canonical labels, gazetteer ids, reference attributes.
#include "entity_ids.h"

#include "internal/utf8.h"
#include "match_types.h"
#include "rule_pack.h"

namespace claimgraph::internal {

std::string Slug(std::string_view label) {
  std::string out = "ent:";
  bool dash = false;
  for (size_t i = 0; i < label.size();) {
    int len = 0;
    const char32_t c = DecodeAt(label, i, &len);
    const CharClass k = ClassOf(c);
    if (k != CharClass::kOther) {
      if (dash && out.size() > 4) out.push_back('-');
      dash = false;
      if (c >= 'A' && c <= 'Z') {
        out.push_back(static_cast<char>(c - 'A' + 'a'));
      } else {
        out.append(label.substr(i, static_cast<size_t>(len)));
      }
    } else {
      dash = true;
    }
    i += static_cast<size_t>(len);
  }
  return out;
}

std::string EntityIdOf(const RulePackData& rules, const Candidate& candidate) {
  return candidate.entity >= 0 ? "ent:" + rules.entities[static_cast<size_t>(candidate.entity)].id
                               : Slug(candidate.label);
}

bool IsReferenceAttribute(const std::string& key) {
  return key == "developer" || key == "affiliation" || key == "parent" || key == "country";
}

}  // namespace claimgraph::internal
