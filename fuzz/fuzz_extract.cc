// SPDX-License-Identifier: Apache-2.0
// Fuzzes the whole pipeline on arbitrary text (the entity matcher, patterns,
// relations, claims) and the JSON round trip of the result.
#include <cstdint>
#include <string>

#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  CheckedExtract(std::string(reinterpret_cast<const char*>(data), size));
  return 0;
}
