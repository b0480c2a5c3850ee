// SPDX-License-Identifier: Apache-2.0
// Rule authoring verbs: `rules check`, `rules test`, `rules stats`,
// `explain` and `eval`.
#include <iomanip>
#include <sstream>
#include <iostream>
#include <string>
#include <vector>

#include "claimgraph/claimgraph.h"
#include "commands.h"
#include "common.h"

namespace claimgraph::cli {
namespace {

constexpr const char* kRulesUsage =
    "Usage: claimgraph rules check [--rules DIR]...\n"
    "       claimgraph rules test [--rules DIR]... [--filter ID]\n"
    "       claimgraph rules stats CORPUS... [--rules DIR]...\n"
    "\n"
    "check  validate the pack (every problem, as FILE:LINE:COLUMN); print counts\n"
    "test   run every rule's inline examples: pass/fail, expected and got\n"
    "stats  hits, time and compiled size per rule over a corpus; rules that never\n"
    "       fire; rules whose matches are mostly discarded\n"
    "--rules DIR   a rule pack; repeat to layer packs (\"builtin\" is the default pack)\n";

constexpr const char* kExplainUsage =
    "Usage: claimgraph explain FILE [--sentence N] [--rules DIR]...\n"
    "       claimgraph explain --why TEXT [--rules DIR]...\n"
    "\n"
    "Explains one document sentence by sentence: mentions marked in the text,\n"
    "claims and relations with their rules, and discarded matches with the\n"
    "reason. --why TEXT shows why a name did (not) match in TEXT: the text after\n"
    "normalization, the candidates and the exact reason each was rejected; and\n"
    "for each reporting cue, the content it delimits, where the speaker was\n"
    "searched, the claim that came of it, and why each person or organization\n"
    "of the sentence is or is not its speaker.\n";

constexpr const char* kEvalUsage =
    "Usage: claimgraph eval CORPUS... --gold DIR [--rules DIR]... [--json]\n"
    "\n"
    "Precision, recall and F1 for entities, claims and relations against gold\n"
    "annotations: DIR/<document id>.json for each document, in the format of an\n"
    "annotation set (entities with aliases, claims by key, relations by subject\n"
    "and object, as ../shared/eval/ holds them) or the per-document one\n"
    "(docs/eval.md). Prints the scores, entity precision and recall by type, and\n"
    "the misses and false hits; --json prints the same as one object. Exits 1\n"
    "when no document of CORPUS has a gold file.\n";

}  // namespace

// RE2 reads capture groups with its bit-state engine only for programs of
// at most this many instructions (re2/prog.cc); larger ones use its NFA.
constexpr int kBitStateMaxProgram = 512;

int RulesCommand(const std::vector<std::string>& argv) {
  ParsedArgs args;
  if (auto error = ParseArgs(argv, {"--rules", "--filter"}, {}, {}, &args)) {
    std::cerr << "claimgraph rules: " << *error << "\n\n" << kRulesUsage;
    return kExitUsage;
  }
  if (args.help) {
    std::cout << kRulesUsage;
    return kExitOk;
  }
  if (args.positionals.empty()) {
    std::cerr << "claimgraph rules: needs check, test or stats\n\n" << kRulesUsage;
    return kExitUsage;
  }
  const std::string verb = args.positionals[0];
  if (verb != "check" && verb != "test" && verb != "stats") {
    std::cerr << "claimgraph rules: unknown verb \"" << verb << "\"\n\n" << kRulesUsage;
    return kExitUsage;
  }
  if (verb == "stats" && args.positionals.size() < 2) {
    std::cerr << "claimgraph rules stats: needs a CORPUS\n\n" << kRulesUsage;
    return kExitUsage;
  }
  Result<RulePack> rules = LoadRules(args);
  if (!rules.ok()) {
    std::cerr << rules.status().ToString();
    std::cerr << "claimgraph rules: " << rules.status().errors().size() << " error"
              << (rules.status().errors().size() == 1 ? "" : "s") << "\n";
    return kExitError;
  }
  if (verb == "check") {
    for (const std::string& warning : CheckWarnings(*rules)) std::cerr << warning << "\n";
    std::cout << rules->origin() << ": ok\n"
              << "  gazetteer entries  " << rules->entity_count() << " (" << rules->alias_count() << " aliases)\n"
              << "  entity and relation pattern rules  " << rules->pattern_count() << "\n"
              << "  attribution rules  " << rules->attribution_rule_count() << "\n"
              << "  reporting cues     " << rules->cue_count() << "\n"
              << "  particles          " << rules->particle_count() << "\n";
    return kExitOk;
  }
  if (verb == "test") {
    const std::vector<RuleTestCase> cases = RunRuleTests(*rules, args.Value("--filter"));
    size_t failed = 0;
    std::string last_rule;
    for (const RuleTestCase& t : cases) {
      if (t.rule_id != last_rule) {
        std::cout << t.rule_id << "  (" << t.location << ")\n";
        last_rule = t.rule_id;
      }
      std::cout << "  " << (t.passed ? "pass" : "FAIL") << "  " << (t.positive ? "match    " : "no_match ") << t.text
                << "\n";
      if (!t.passed) {
        ++failed;
        std::cout << "        expected: " << t.expected << "\n        got:      " << t.got << "\n";
      }
    }
    std::cout << cases.size() - failed << " passed, " << failed << " failed\n";
    return failed == 0 ? kExitOk : kExitError;
  }
  // stats
  Result<std::vector<Document>> docs =
      ReadAll(std::vector<std::string>(args.positionals.begin() + 1, args.positionals.end()));
  if (!docs.ok()) {
    std::cerr << docs.status().ToString();
    return kExitError;
  }
  const std::map<std::string, RuleHits> hits = CountRuleHits(*rules, *docs);
  std::vector<std::string> silent, discarded;
  double total_seconds = 0;
  for (const auto& [id, h] : hits) total_seconds += h.seconds;
  std::cout << std::left << std::setw(44) << "rule" << std::right << std::setw(10) << "accepted" << std::setw(10)
            << "rejected" << std::setw(10) << "ms" << std::setw(8) << "share" << std::setw(9) << "program" << "\n";
  for (const auto& [id, h] : hits) {
    std::cout << std::left << std::setw(44) << id << std::right << std::setw(10) << h.accepted << std::setw(10)
              << h.rejected << std::setw(10) << std::fixed << std::setprecision(1) << h.seconds * 1e3 << std::setw(7)
              << (total_seconds > 0 ? 100 * h.seconds / total_seconds : 0.0) << "%" << std::setw(9);
    if (h.program_size > 0) {
      std::cout << h.program_size << (h.program_size > kBitStateMaxProgram ? "*" : "");
    } else {
      std::cout << "-";
    }
    std::cout << "\n";
    if (h.accepted + h.rejected == 0) silent.push_back(id);
    if (h.rejected > h.accepted) discarded.push_back(id);
  }
  std::cout << "\nms: time spent running the rule (its pattern and the checks of its matches; for the\n"
               "gazetteer, the whole alias pass); share: of all rules. program: RE2 instructions; * over "
            << kBitStateMaxProgram << ":\n"
               "RE2 reads such a rule's groups with its NFA, several microseconds a match, where a\n"
               "smaller program gets its faster bit-state engine\n";
  std::cout << "\n" << docs->size() << " documents\n";
  std::cout << "never fire (" << silent.size() << "):";
  for (const std::string& id : silent) std::cout << " " << id;
  std::cout << "\nmostly discarded (" << discarded.size() << "):";
  for (const std::string& id : discarded) std::cout << " " << id;
  std::cout << "\n";
  return kExitOk;
}

int ExplainCommand(const std::vector<std::string>& argv) {
  ParsedArgs args;
  if (auto error = ParseArgs(argv, {"--rules", "--sentence", "--why"}, {}, {}, &args)) {
    std::cerr << "claimgraph explain: " << *error << "\n\n" << kExplainUsage;
    return kExitUsage;
  }
  if (args.help) {
    std::cout << kExplainUsage;
    return kExitOk;
  }
  const bool why = args.values.count("--why") > 0;
  if (why == (args.positionals.size() == 1) || args.positionals.size() > 1) {
    std::cerr << "claimgraph explain: give one FILE, or --why TEXT\n\n" << kExplainUsage;
    return kExitUsage;
  }
  int sentence = -1;
  if (args.values.count("--sentence")) {
    const std::optional<int> n = ParseCount(args.Value("--sentence"));
    if (!n) {
      std::cerr << "claimgraph explain: --sentence needs a number\n";
      return kExitUsage;
    }
    sentence = *n;
  }
  Result<RulePack> rules = LoadRules(args);
  if (!rules.ok()) {
    std::cerr << rules.status().ToString();
    return kExitError;
  }
  if (why) {
    std::cout << ExplainWhy(*rules, args.Value("--why"));
    return kExitOk;
  }
  Result<std::vector<Document>> docs = ReadDocuments(args.positionals[0]);
  if (!docs.ok()) {
    std::cerr << docs.status().ToString();
    return kExitError;
  }
  for (const Document& doc : *docs) {
    Result<std::string> text = ExplainDocument(*rules, doc, sentence);
    if (!text.ok()) {
      std::cerr << text.status().ToString();
      return kExitError;
    }
    std::cout << *text;
  }
  return kExitOk;
}

int EvalCommand(const std::vector<std::string>& argv) {
  ParsedArgs args;
  if (auto error = ParseArgs(argv, {"--rules", "--gold"}, {"--json"}, {}, &args)) {
    std::cerr << "claimgraph eval: " << *error << "\n\n" << kEvalUsage;
    return kExitUsage;
  }
  if (args.help) {
    std::cout << kEvalUsage;
    return kExitOk;
  }
  if (args.positionals.empty() || !args.values.count("--gold")) {
    std::cerr << "claimgraph eval: needs CORPUS and --gold DIR\n\n" << kEvalUsage;
    return kExitUsage;
  }
  Result<RulePack> rules = LoadRules(args);
  if (!rules.ok()) {
    std::cerr << rules.status().ToString();
    return kExitError;
  }
  Result<std::vector<Document>> docs = ReadAll(args.positionals);
  if (!docs.ok()) {
    std::cerr << docs.status().ToString();
    return kExitError;
  }
  Result<Evaluation> eval = Evaluate(*rules, *docs, args.Value("--gold"));
  if (!eval.ok()) {
    std::cerr << eval.status().ToString();
    return kExitError;
  }
  if (eval->documents == 0) {
    std::cerr << "claimgraph eval: no document of CORPUS has a gold file in " << args.Value("--gold")
              << " (expected <document id>.json); nothing was scored\n";
    return kExitError;
  }
  const std::pair<const char*, const Score*> scores[] = {
      {"entities", &eval->entities},         {"entities+type", &eval->entities_typed},
      {"claims", &eval->claims_found},       {"claims+speaker", &eval->claims},
      {"relations", &eval->relations},       {"relations (untyped)", &eval->relations_untyped}};
  auto json_score = [](const Score& s) {
    std::ostringstream out;
    out << "{\"tp\": " << s.true_positives << ", \"fp\": " << s.false_positives << ", \"fn\": " << s.false_negatives
        << ", \"precision\": " << s.precision() << ", \"recall\": " << s.recall() << ", \"f1\": " << s.f1()
        << ", \"misses\": [";
    for (size_t i = 0; i < s.misses.size(); ++i) out << (i ? ", " : "") << JsonString(s.misses[i]);
    out << "], \"false_hits\": [";
    for (size_t i = 0; i < s.false_hits.size(); ++i) out << (i ? ", " : "") << JsonString(s.false_hits[i]);
    out << "]}";
    return out.str();
  };
  if (args.flags.count("--json")) {
    std::cout << "{\"documents\": " << eval->documents;
    for (const auto& [name, s] : scores) std::cout << ", " << JsonString(name) << ": " << json_score(*s);
    std::cout << ", \"entities_by_type\": {";
    bool first = true;
    for (const auto& [type, s] : eval->entities_by_type) {
      std::cout << (first ? "" : ", ") << JsonString(type) << ": " << json_score(s);
      first = false;
    }
    std::cout << "}, \"matched_claims\": " << eval->matched_claims << ", \"hedge_agreement\": "
              << eval->hedge_agreement << ", \"negation_agreement\": " << eval->negation_agreement << "}\n";
    return kExitOk;
  }
  auto row = [](const std::string& name, const Score& s) {
    std::cout << std::left << std::setw(20) << name << std::right << std::setw(6) << s.true_positives << std::setw(6)
              << s.false_positives << std::setw(6) << s.false_negatives << std::fixed << std::setprecision(3)
              << std::setw(11) << s.precision() << std::setw(9) << s.recall() << std::setw(7) << s.f1() << "\n";
  };
  std::cout << eval->documents << " documents with gold annotations\n\n"
            << std::left << std::setw(20) << "" << std::right << std::setw(6) << "tp" << std::setw(6) << "fp"
            << std::setw(6) << "fn" << std::setw(11) << "precision" << std::setw(9) << "recall" << std::setw(7)
            << "F1" << "\n";
  for (const auto& [name, s] : scores) row(name, *s);
  if (!eval->entities_by_type.empty()) {
    std::cout << "\nentities by type (precision of the predicted type, recall of the gold type)\n";
    for (const auto& [type, s] : eval->entities_by_type) row("  " + (type.empty() ? "(none)" : type), s);
  }
  if (eval->matched_claims > 0) {
    std::cout << "\nclaims found: " << eval->matched_claims << "; hedging agrees with the gold on "
              << eval->hedge_agreement << ", negation on " << eval->negation_agreement << "\n";
  }
  std::cout << "\n";
  for (const auto& [name, s] : scores) {
    for (const std::string& m : s->misses) std::cout << "miss       " << name << "  " << m << "\n";
    for (const std::string& f : s->false_hits) std::cout << "false hit  " << name << "  " << f << "\n";
  }
  return kExitOk;
}

}  // namespace claimgraph::cli
