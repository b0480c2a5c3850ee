// SPDX-License-Identifier: Apache-2.0
// Fuzzes the JSON graph reader: a graph it accepts writes and reads back
// to the same bytes.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "claimgraph/io.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string content(reinterpret_cast<const char*>(data), size);
  claimgraph::Result<claimgraph::Graph> g = claimgraph::ParseGraphJson(content, "fuzz.json");
  if (!g.ok()) return 0;
  const std::string once = claimgraph::WriteJson(*g);
  claimgraph::Result<claimgraph::Graph> back = claimgraph::ParseGraphJson(once, "again.json");
  if (!back.ok() || claimgraph::WriteJson(*back) != once) std::abort();
  claimgraph::WriteGraphml(*g);
  claimgraph::WriteDot(*g);
  return 0;
}
