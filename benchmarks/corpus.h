// SPDX-License-Identifier: Apache-2.0
// A deterministic generator of Korean and English news-style JSONL for
// benchmarks: our own sentence templates filled with gazetteer entities
// (with the right Korean particles), reported speech with a titled speaker,
// releases, rankings, investments and plain sentences without entities,
// at roughly the entity and claim density of the example articles.
// Also synthetic gazetteers of any size, for the gazetteer-size benchmark.
#ifndef CLAIMGRAPH_BENCHMARKS_CORPUS_H_
#define CLAIMGRAPH_BENCHMARKS_CORPUS_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

#include "claimgraph/rules.h"

namespace claimgraph::bench {

struct CorpusOptions {
  size_t bytes = 1 << 20;  // (1 MiB) stop after the first line that reaches this size
  uint64_t seed = 1;       // (1) the same seed gives the same corpus
  double korean = 0.7;     // (0.7) share of Korean documents; the rest are English
};

// Writes JSONL documents ({"id", "title", "date", "lang", "text"}) built from
// `rules`' gazetteer to `sink`, one line (with its newline) per call.
// Returns the number of documents.
size_t GenerateCorpus(const RulePack& rules, const CorpusOptions& options,
                      const std::function<void(const std::string&)>& sink);

// Returns the corpus as one string.
std::string GenerateCorpusString(const RulePack& rules, const CorpusOptions& options);

// Returns a gazetteer TSV (rules/entities format) of `entries` entries: the
// first `real` entries of `rules`' gazetteer, then synthetic organizations
// with Hangul and Latin names, all distinct, that the corpus never mentions.
// So packs of one `real` and different `entries` find the same mentions
// in a corpus, and differ only in the size of the automaton.
std::string GazetteerTsv(const RulePack& rules, size_t real, size_t entries, uint64_t seed);

}  // namespace claimgraph::bench

#endif  // CLAIMGRAPH_BENCHMARKS_CORPUS_H_
