// SPDX-License-Identifier: Apache-2.0
// Rule authoring: run every rule's inline examples, count rule hits over a
// corpus, explain a document sentence by sentence (and why a name did not
// match), and evaluate against gold annotations.
#ifndef CLAIMGRAPH_CLAIMGRAPH_RULE_TOOLS_H_
#define CLAIMGRAPH_CLAIMGRAPH_RULE_TOOLS_H_

#include <map>
#include <string>
#include <vector>

#include "claimgraph/document.h"
#include "claimgraph/graph.h"
#include "claimgraph/rules.h"
#include "claimgraph/status.h"

namespace claimgraph {

// One inline example of a rule, run.
struct RuleTestCase {
  std::string rule_id;
  std::string location;  // file:line of the rule
  std::string text;
  bool positive = true;  // must match (true) or must not (false)
  std::string expected;  // what the example asks for
  std::string got;       // what the rule produced on it
  bool passed = false;
};

// Runs the inline examples of every rule whose id contains `filter` (all
// when empty), each through the whole pipeline of `rules`.
std::vector<RuleTestCase> RunRuleTests(const RulePack& rules, const std::string& filter = "");

// Problems of a pack that loaded, as warnings ("FILE:LINE:COLUMN: warning:
// …"): cues of claims/cues.tsv that no attribution rule's (?P<cue>…) group
// can capture (a longer stem, or no rule, takes every word it would).
std::vector<std::string> CheckWarnings(const RulePack& rules);

// The ids of every rule of the pack ("gazetteer" included), sorted.
std::vector<std::string> RuleIds(const RulePack& rules);

// How often each rule fired over a corpus, how often its matches were
// discarded (overlaps, boundaries, filters), and what it cost.
struct RuleHits {
  size_t accepted = 0;
  size_t rejected = 0;
  double seconds = 0;    // running the rule over the corpus (for "gazetteer": the whole gazetteer stage)
  int program_size = 0;  // instructions of the rule's compiled RE2 program (0 for the gazetteer)
};
std::map<std::string, RuleHits> CountRuleHits(const RulePack& rules, const std::vector<Document>& docs);

// Explains one document: for each sentence (or only sentence `sentence`
// when >= 0), the text with entity mentions marked, each claim and
// relation with the rule behind it, and the matches that were discarded
// and why. Returns kInvalidUtf8 for a bad document.
Result<std::string> ExplainDocument(const RulePack& rules, const Document& doc, int sentence = -1);

// Answers "why did this name not match here?" for `text`: the text after
// normalization, the gazetteer aliases and patterns that matched or were
// rejected (with the exact reason), and, when no alias occurs at all, the
// closest aliases of the gazetteer.
std::string ExplainWhy(const RulePack& rules, const std::string& text);

// Precision, recall and F1 of one kind of result.
struct Score {
  size_t true_positives = 0;
  size_t false_positives = 0;
  size_t false_negatives = 0;
  std::vector<std::string> misses;       // gold items not found
  std::vector<std::string> false_hits;   // found items not in the gold
  double precision() const;
  double recall() const;
  double f1() const;
};
struct Evaluation {
  Score entities;           // found by name (label or alias)
  Score entities_typed;     // and of the gold type
  Score claims_found;       // content found, whoever the speaker
  Score claims;             // content found with the right speaker
  Score relations;          // typed and directed (competes_with either way)
  Score relations_untyped;  // ends found, any relation, either way
  // By entity type: precision of the entities predicted with the type,
  // recall of the gold entities of the type (annotation sets only).
  std::map<std::string, Score> entities_by_type;
  // Of the claims found in annotation sets: how many, and how many agree
  // with the gold on hedging and on negation.
  size_t matched_claims = 0;
  size_t hedge_agreement = 0;
  size_t negation_agreement = 0;
  size_t documents = 0;  // documents with a gold file
};

// Evaluates `rules` on `docs` against gold annotations in `gold_dir`: one
// <doc id>.json file per document, in either format of docs/eval.md: an
// annotation set's (the shared development set's: entities with aliases,
// claims by key, relations by subject and object; scored over the graph
// of all `docs` as its scorer scores it) or the per-document one. Documents
// without a gold file are skipped; `documents` says how many were scored.
// Returns kIoError or kInvalidInput (a malformed gold file, with its name
// and what is wrong).
Result<Evaluation> Evaluate(const RulePack& rules, const std::vector<Document>& docs, const std::string& gold_dir);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_CLAIMGRAPH_RULE_TOOLS_H_
