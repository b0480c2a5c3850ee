// SPDX-License-Identifier: Apache-2.0
// The rule pack: gazetteers, entity patterns, Korean particles and titles.
// Loaded once, validated completely, then immutable and shareable.
#ifndef CLAIMGRAPH_CLAIMGRAPH_RULES_H_
#define CLAIMGRAPH_CLAIMGRAPH_RULES_H_

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "claimgraph/status.h"

namespace claimgraph {

namespace internal {
struct RulePackData;
}  // namespace internal

// The entity types of the output contract.
const std::vector<std::string>& EntityTypes();

// A compiled, validated rule pack.
//
// Usage:
//   Result<RulePack> rules = RulePack::BuiltIn();        // or RulePack::Load("my-rules/")
//   if (!rules.ok()) { std::cerr << rules.status().ToString(); }
//   Pipeline pipeline(*rules);
//
// Not copyable: it owns compiled re2 programs and a matching automaton that
// are expensive to build; share it by reference (it is immutable after Load,
// so sharing across threads is safe). Movable.
class RulePack {
 public:
  // Loads the pack in directory `dir` (layout in rules/README.md). Reports
  // every problem, each with file:line:column. Returns kIoError or
  // kInvalidRules.
  static Result<RulePack> Load(const std::string& dir);
  // Loads packs in layers: each of `packs` is a directory or "builtin"
  // (the default pack). Later packs add entries and override earlier ones
  // by id (gazetteer ids, rule ids); word tables are united, later entries
  // winning. So {"builtin", "my-rules"} extends the default pack. Returns
  // kIoError or kInvalidRules.
  static Result<RulePack> LoadLayers(const std::vector<std::string>& packs);
  // Loads the default pack compiled into the library. Returns kInvalidRules
  // only if the build embedded a broken pack.
  static Result<RulePack> BuiltIn();
  // Loads a pack from in-memory files: (path relative to the pack, content).
  // `origin` prefixes the paths in messages.
  static Result<RulePack> FromFiles(const std::vector<std::pair<std::string, std::string>>& files,
                                    const std::string& origin);

  RulePack(RulePack&&) noexcept;
  RulePack& operator=(RulePack&&) noexcept;
  RulePack(const RulePack&) = delete;
  RulePack& operator=(const RulePack&) = delete;
  ~RulePack();

  // Counts for `rules check`-style summaries.
  size_t entity_count() const;
  size_t alias_count() const;
  size_t pattern_count() const;  // entity and relation pattern rules
  size_t attribution_rule_count() const;
  size_t cue_count() const;
  size_t particle_count() const;
  // Where the pack came from ("<built-in>" or the directory).
  const std::string& origin() const;

  const internal::RulePackData& data() const { return *data_; }

 private:
  explicit RulePack(std::unique_ptr<internal::RulePackData> data);
  std::unique_ptr<internal::RulePackData> data_;
};

}  // namespace claimgraph

#endif  // CLAIMGRAPH_CLAIMGRAPH_RULES_H_
