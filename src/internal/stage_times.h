// SPDX-License-Identifier: Apache-2.0
// Seconds spent in each pipeline stage, summed over documents: what the
// benchmarks report as each stage's share (benchmarks/, docs/performance.md).
#ifndef CLAIMGRAPH_INTERNAL_STAGE_TIMES_H_
#define CLAIMGRAPH_INTERNAL_STAGE_TIMES_H_

#include <chrono>
#include <vector>

namespace claimgraph::internal {

// Seconds spent running each rule (its regular expression and what is done
// with each match), by index into the pack's text_rules, context_rules and
// attribution_rules: what `claimgraph rules stats` reports per rule.
struct RuleTimes {
  std::vector<double> text;
  std::vector<double> context;
  std::vector<double> attribution;
};

// Adds the time from construction to destruction to `*seconds` (when not
// null); the stages wrap each rule's run in one.
class RuleLap {
 public:
  explicit RuleLap(double* seconds) : seconds_(seconds) {
    if (seconds_) start_ = std::chrono::steady_clock::now();
  }
  ~RuleLap() {
    if (seconds_) *seconds_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }
  RuleLap(const RuleLap&) = delete;
  RuleLap& operator=(const RuleLap&) = delete;

  // The slot of rule `index` in `list` of `times`, or null without times.
  static double* Slot(RuleTimes* times, std::vector<double> RuleTimes::*list, int index) {
    if (times == nullptr) return nullptr;
    std::vector<double>& v = times->*list;
    if (v.size() <= static_cast<size_t>(index)) v.resize(static_cast<size_t>(index) + 1);
    return &v[static_cast<size_t>(index)];
  }

 private:
  double* seconds_;
  std::chrono::steady_clock::time_point start_;
};

struct StageTimes {
  double normalize = 0;
  double segment = 0;
  double gazetteer = 0;
  double text_patterns = 0;    // re2 entity patterns over the text
  double names = 0;            // names found by grammar (titles, surnames, capitals)
  double resolve = 0;          // overlaps
  double context_patterns = 0; // entity patterns over the placeholder view
  double relations = 0;
  double claims = 0;
  double build_extraction = 0; // original offsets, ids, the Extraction value
  RuleTimes* rules = nullptr;  // when not null, each rule's time is added here
};

// Adds the time from construction to the next Lap() (or destruction) to a
// StageTimes field; does nothing without one.
class StageClock {
 public:
  explicit StageClock(StageTimes* times) : times_(times) {
    if (times_) last_ = std::chrono::steady_clock::now();
  }
  RuleTimes* rule_times() const { return times_ != nullptr ? times_->rules : nullptr; }
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

}  // namespace claimgraph::internal

#endif  // CLAIMGRAPH_INTERNAL_STAGE_TIMES_H_
