// SPDX-License-Identifier: Apache-2.0
// The built-in rule pack, loaded once per fuzzing process, and a checked
// extraction: every offset must slice the input.
#ifndef CLAIMGRAPH_FUZZ_FUZZ_COMMON_H_
#define CLAIMGRAPH_FUZZ_FUZZ_COMMON_H_

#include <cstdlib>
#include <string>

#include "claimgraph/claimgraph.h"
#include "internal/utf8.h"

inline const claimgraph::RulePack& FuzzRules() {
  static const claimgraph::RulePack* pack = [] {
    claimgraph::Result<claimgraph::RulePack> r = claimgraph::RulePack::BuiltIn();
    if (!r.ok()) std::abort();
    return new claimgraph::RulePack(std::move(r).value());
  }();
  return *pack;
}

inline void CheckedExtract(const std::string& text) {
  if (claimgraph::FindInvalidUtf8(text) >= 0) return;
  claimgraph::Document doc;
  doc.id = "fuzz";
  doc.text = text;
  claimgraph::Result<claimgraph::Extraction> ex = claimgraph::Pipeline(FuzzRules()).Extract(doc);
  if (!ex.ok()) std::abort();
  const int64_t cps = claimgraph::internal::CountCodePoints(text);
  for (const auto& m : ex->mentions) {
    if (m.start < 0 || m.start >= m.end || m.end > cps) std::abort();
  }
  for (const auto& c : ex->claims) {
    if (c.start < 0 || c.start > c.end || c.end > cps) std::abort();
  }
  // The graph and its serializations must not fail either.
  const claimgraph::Graph g = claimgraph::ExtractionToGraph(*ex);
  claimgraph::Result<claimgraph::Graph> back = claimgraph::ParseGraphJson(claimgraph::WriteJson(g), "fuzz");
  if (!back.ok() || claimgraph::WriteJson(*back) != claimgraph::WriteJson(g)) std::abort();
}

#endif  // CLAIMGRAPH_FUZZ_FUZZ_COMMON_H_
