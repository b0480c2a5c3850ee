// SPDX-License-Identifier: Apache-2.0
// Fuzzes the rule-pack loader: the input is used as a gazetteer, a pattern
// file and an attribution file; a pack that loads must also run.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "claimgraph/claimgraph.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string content(reinterpret_cast<const char*>(data), size);
  for (const char* path : {"entities/fuzz.tsv", "patterns/fuzz.json", "claims/fuzz.json", "relations/fuzz.json"}) {
    claimgraph::Result<claimgraph::RulePack> pack =
        claimgraph::RulePack::FromFiles({{"ko/particles.txt", "은\n는\n의\n"}, {path, content}}, "fuzz");
    if (!pack.ok()) {
      if (pack.status().errors().empty()) std::abort();
      continue;
    }
    claimgraph::Document doc;
    doc.id = "d";
    doc.text = "한빛대학교 김하늘 교수는 알리바바가 앞섰다고 밝혔다. Maria Lopez said prices fell.";
    if (!claimgraph::Pipeline(*pack).Extract(doc).ok()) std::abort();
  }
  return 0;
}
