// SPDX-License-Identifier: Apache-2.0
// JSON allows a number of any size, but RapidJSON stops at one beyond a
// double's range (`1e400`, a 400-digit integer) with "Number too big to be
// stored in double", even when asked to keep numbers as text. The readers
// parse through ParseJson: where that is the only reason the text fails,
// each such number is read as a string of its own characters (Python's
// json module reads it as infinity; a string keeps it exactly) or, where
// the reader has no use for numbers, as null, and the text is parsed again.
#ifndef CLAIMGRAPH_INTERNAL_JSON_NUMBERS_H_
#define CLAIMGRAPH_INTERNAL_JSON_NUMBERS_H_

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>
#include <string_view>

#include <rapidjson/document.h>
#include <rapidjson/error/error.h>

namespace claimgraph::internal {

enum class HugeNumber { kString, kNull };

// `json` with every number outside strings that overflows a double put in
// quotes or replaced by null (one pass; the text is assumed to be JSON
// apart from that).
inline std::string ReplaceHugeNumbers(std::string_view json, HugeNumber as) {
  std::string out;
  out.reserve(json.size() + 16);
  size_t i = 0;
  while (i < json.size()) {
    const char c = json[i];
    if (c == '"') {  // a string, copied whole with its escapes
      size_t j = i + 1;
      while (j < json.size() && json[j] != '"') j += json[j] == '\\' ? 2 : 1;
      j = std::min(j + 1, json.size());
      out.append(json, i, j - i);
      i = j;
      continue;
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
      size_t j = i + 1;
      while (j < json.size() && ((json[j] >= '0' && json[j] <= '9') || json[j] == '.' || json[j] == 'e' ||
                                 json[j] == 'E' || json[j] == '+' || json[j] == '-')) {
        ++j;
      }
      const std::string number(json.substr(i, j - i));
      const double value = std::strtod(number.c_str(), nullptr);
      if (!std::isinf(value)) {
        out += number;
      } else if (as == HugeNumber::kNull) {
        out += "null";
      } else {
        out += '"';
        out += number;
        out += '"';
      }
      i = j;
      continue;
    }
    out += c;
    ++i;
  }
  return out;
}

// Parses `json` into `doc` with `Flags`, reading a number beyond a double's
// range `as` said (above). `doc`'s strings are copies: `json` need not
// outlive it.
template <unsigned Flags>
void ParseJson(rapidjson::Document& doc, std::string_view json, HugeNumber as = HugeNumber::kString) {
  doc.Parse<Flags>(json.data(), json.size());
  if (doc.HasParseError() && doc.GetParseError() == rapidjson::kParseErrorNumberTooBig) {
    const std::string quoted = ReplaceHugeNumbers(json, as);
    doc.Parse<Flags>(quoted.data(), quoted.size());
  }
}

}  // namespace claimgraph::internal

#endif  // CLAIMGRAPH_INTERNAL_JSON_NUMBERS_H_
