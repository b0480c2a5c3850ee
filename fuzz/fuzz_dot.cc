// SPDX-License-Identifier: Apache-2.0
// Fuzzes the DOT reader (Boost read_graphviz underneath): any bytes give a
// graph or an error, never a crash, an exception or a stack overflow.
#include <cstdint>
#include <string>

#include "claimgraph/io.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string content(reinterpret_cast<const char*>(data), size);
  claimgraph::Result<claimgraph::Graph> g = claimgraph::ParseDot(content, "fuzz.dot");
  if (g.ok()) claimgraph::WriteJson(*g);
  return 0;
}
