// SPDX-License-Identifier: Apache-2.0
// Error formatting, compiler style: file:line:col: severity: message [rule].
#include "claimgraph/status.h"

namespace claimgraph {

const char* ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kOk: return "ok";
    case ErrorCode::kIoError: return "io-error";
    case ErrorCode::kInvalidUtf8: return "invalid-utf8";
    case ErrorCode::kInvalidInput: return "invalid-input";
    case ErrorCode::kInvalidRules: return "invalid-rules";
    case ErrorCode::kInvalidArgument: return "invalid-argument";
    case ErrorCode::kCancelled: return "cancelled";
    case ErrorCode::kInternal: return "internal";
  }
  return "unknown";
}

std::string Error::ToString() const {
  std::string s;
  if (!location.file.empty()) {
    s += location.file;
    if (location.line > 0) {
      s += ":" + std::to_string(location.line);
      if (location.column > 0) s += ":" + std::to_string(location.column);
    }
    s += ": ";
  }
  s += warning ? "warning: " : "error: ";
  s += message;
  if (!rule_id.empty()) s += " [" + rule_id + "]";
  return s;
}

std::string Status::ToString() const {
  std::string s;
  for (const Error& e : errors_) s += e.ToString() + "\n";
  return s;
}

}  // namespace claimgraph
