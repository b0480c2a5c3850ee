// SPDX-License-Identifier: Apache-2.0
// Fuzzes attribution: the input is placed between a speaker phrase and a
// reporting verb, in Korean and in English, so the claim rules see it.
#include <cstdint>
#include <string>

#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  CheckedExtract("한빛대학교 김하늘 교수는 " + input + "다고 밝혔다. 그는 \"" + input + "\"라고 말했다.");
  CheckedExtract("\"" + input + ",\" Maria Lopez, chief executive of Bluefin Labs, said. According to Reuters, " + input);
  return 0;
}
