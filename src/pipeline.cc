// SPDX-License-Identifier: Apache-2.0
// The stage order, and nothing else: normalize -> segment -> match
// (gazetteer, text patterns) -> resolve overlaps -> context patterns ->
// map back to original offsets. The only file that knows the order.
#include "claimgraph/pipeline.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <optional>
#include <thread>

#include "build_graph.h"
#include "extract_claims.h"
#include "extract_relations.h"
#include "internal/stage_times.h"
#include "internal/utf8.h"
#include "match_gazetteer.h"
#include "match_patterns.h"
#include "normalize.h"
#include "read_rules.h"
#include "resolve_mentions.h"
#include "segment.h"

namespace claimgraph {

namespace internal {
namespace {
// Adds the time from construction to the next Lap() (or destruction) to a
// StageTimes field; does nothing without one.
class StageClock {
 public:
  explicit StageClock(StageTimes* times) : times_(times) {
    if (times_) last_ = std::chrono::steady_clock::now();
  }
  void Lap(double StageTimes::*field) {
    if (!times_) return;
    const auto now = std::chrono::steady_clock::now();
    times_->*field += std::chrono::duration<double>(now - last_).count();
    last_ = now;
  }

 private:
  StageTimes* times_;
  std::chrono::steady_clock::time_point last_;
};
}  // namespace

Result<Extraction> ExtractTimed(const RulePack& pack, const Document& doc, StageTimes* times) {
  const long long bad = FindInvalidUtf8(doc.text);
  if (bad >= 0) {
    Error e;
    e.code = ErrorCode::kInvalidUtf8;
    e.location.file = doc.origin.empty() ? doc.id : doc.origin;
    e.location.byte_offset = bad;
    e.message = "invalid UTF-8 at byte " + std::to_string(bad) + " of document \"" + doc.id + "\"";
    return e;
  }
  const RulePackData& rules = pack.data();
  StageClock clock(times);

  // 1. normalize, 2. segment
  const NormalizedText norm = Normalize(doc.text);
  clock.Lap(&StageTimes::normalize);
  const auto sentences = SegmentSentences(norm.text);
  clock.Lap(&StageTimes::segment);

  // 3. match, 4. resolve, 3b'. context rules: sentence by sentence
  std::vector<Candidate> all;
  std::vector<size_t> accepted_all;
  std::vector<CandidateRelation> relations;
  std::vector<CandidateClaim> claims;
  std::vector<Candidate> rejected;
  for (size_t s = 0; s < sentences.size(); ++s) {
    const auto [begin, end] = sentences[s];
    const int index = static_cast<int>(s);
    std::vector<Candidate> candidates;
    MatchGazetteer(rules, norm.text, begin, end, index, &candidates, &rejected);
    clock.Lap(&StageTimes::gazetteer);
    MatchTextPatterns(rules, norm.text, begin, end, index, &candidates, &rejected);
    clock.Lap(&StageTimes::text_patterns);
    const size_t base = all.size();
    std::vector<size_t> accepted;
    for (size_t i : ResolveOverlaps(norm.text, candidates, &rejected)) accepted.push_back(base + i);
    all.insert(all.end(), candidates.begin(), candidates.end());
    clock.Lap(&StageTimes::resolve);
    MatchContextPatterns(rules, norm.text, begin, end, index, &all, &accepted, &relations, &rejected);
    clock.Lap(&StageTimes::context_patterns);
    // 4b. relations, once every entity of the sentence is known
    ExtractRelations(rules, norm.text, begin, end, index, &all, accepted, &relations);
    clock.Lap(&StageTimes::relations);
    accepted_all.insert(accepted_all.end(), accepted.begin(), accepted.end());
    // 4c. claims; pronouns resolve against this and earlier sentences
    ExtractClaims(rules, norm.text, begin, end, index, &all, &accepted_all, &claims);
    clock.Lap(&StageTimes::claims);
  }

  // 5. map back to the original text
  Extraction ex = BuildExtraction(rules, doc, norm, sentences, all, accepted_all, relations, claims, rejected);
  clock.Lap(&StageTimes::build_extraction);
  return ex;
}

}  // namespace internal

Result<Extraction> Pipeline::Extract(const Document& doc) const { return internal::ExtractTimed(rules_, doc, nullptr); }

Result<Graph> Pipeline::Run(const std::vector<Document>& docs) const { return Run(docs, RunOptions()); }

Result<Graph> Pipeline::Run(const std::vector<Document>& docs, const RunOptions& options) const {
  std::vector<std::optional<Result<Extraction>>> results(docs.size());
  std::atomic<size_t> next{0};
  std::atomic<size_t> done{0};
  std::atomic<bool> stop{false};
  std::mutex progress_mutex;
  auto work = [&]() {
    for (size_t i = next++; i < docs.size(); i = next++) {
      if (options.cancelled && options.cancelled()) {
        stop = true;
        return;
      }
      results[i] = Extract(docs[i]);
      const size_t finished = ++done;
      if (options.progress) {
        std::lock_guard<std::mutex> lock(progress_mutex);
        options.progress(finished, docs.size());
      }
    }
  };
  const int n = std::max(1, std::min<int>(options.threads, static_cast<int>(docs.size())));
  std::vector<std::thread> pool;
  for (int t = 1; t < n; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  if (stop) {
    Error e;
    e.code = ErrorCode::kCancelled;
    e.message = "cancelled after " + std::to_string(done) + " of " + std::to_string(docs.size()) + " documents";
    return e;
  }
  Graph graph;
  for (auto& r : results) {
    if (!r->ok()) return r->status();
    graph.Merge(ExtractionToGraph(**r));
  }
  return graph;
}

}  // namespace claimgraph
