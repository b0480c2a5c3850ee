// SPDX-License-Identifier: Apache-2.0
// Helpers for the tests: the built-in pack loaded once, files, code-point
// slicing (as Python slices a str), and running the pipeline on a string.
#ifndef CLAIMGRAPH_TESTS_TEST_UTIL_H_
#define CLAIMGRAPH_TESTS_TEST_UTIL_H_

#include <optional>
#include <string>
#include <vector>

#include "claimgraph/claimgraph.h"

namespace claimgraph::testing {

const RulePack& BuiltInRules();
std::string ReadFileOrEmpty(const std::string& path);
bool FileExists(const std::string& path);
// Returns text[start, end) counting code points.
std::string SliceCodePoints(const std::string& text, int64_t start, int64_t end);
// Runs the built-in pipeline on `text` (document id "t").
Extraction ExtractText(const std::string& text);
// Labels of the entities extracted from `text`.
std::vector<std::string> EntityLabels(const std::string& text);
// The seed document, or nullopt (printing a SKIPPED: line) when the shared
// corpus is absent, as in a user's fresh clone.
std::optional<std::string> SeedText();

}  // namespace claimgraph::testing

#endif  // CLAIMGRAPH_TESTS_TEST_UTIL_H_
