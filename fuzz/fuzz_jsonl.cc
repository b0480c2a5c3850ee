// SPDX-License-Identifier: Apache-2.0
// Fuzzes JSONL document input: any bytes give documents or an error.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "claimgraph/document.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string content(reinterpret_cast<const char*>(data), size);
  claimgraph::Result<std::vector<claimgraph::Document>> docs = claimgraph::ParseJsonl(content, "fuzz.jsonl");
  if (docs.ok()) {
    for (const auto& d : *docs) {
      if (claimgraph::FindInvalidUtf8(d.text) >= 0 || d.id.empty()) std::abort();
    }
  } else if (docs.status().errors().empty()) {
    std::abort();
  }
  return 0;
}
