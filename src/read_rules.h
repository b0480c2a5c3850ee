// SPDX-License-Identifier: Apache-2.0
// Stage 0, read rules: rule files -> RulePackData (rule_pack.h), every
// problem reported with file:line:column. The layout of a pack is specified
// in rules/README.md. RulePack::Load, LoadLayers, FromFiles and BuiltIn
// (claimgraph/rules.h) are the entry points; this header holds what the
// rule tools share with the loader.
#ifndef CLAIMGRAPH_READ_RULES_H_
#define CLAIMGRAPH_READ_RULES_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "claimgraph/status.h"

namespace claimgraph::internal {

// The files of the built-in pack (relative path, content), embedded at
// build time (cmake/embed_rules.cmake).
const std::vector<std::pair<std::string_view, std::string_view>>& BuiltInRuleFiles();

// The built-in pack's Korean particles (ko/particles.txt), read as the
// loader reads them, without loading the pack: for the HTML page's search.
std::vector<std::string> BuiltInParticles();

// The alternatives of each (?P<cue>…) group of `pattern` (an expanded
// attribution pattern), each up to its first regular-expression
// operator: "(?P<cue>밝|말|told ⟦[A-Za-z]+⟧)" -> 밝, 말, "told ". What the
// loader checks against claims/cues.tsv, and `rules check` the reverse.
std::vector<std::string> CueAlternatives(std::string_view pattern);

// Reads the rule files under `dir` (relative path, content). Returns
// kIoError when `dir` is not a readable directory.
Result<std::vector<std::pair<std::string, std::string>>> ReadPackDir(const std::string& dir);

}  // namespace claimgraph::internal

#endif  // CLAIMGRAPH_READ_RULES_H_
